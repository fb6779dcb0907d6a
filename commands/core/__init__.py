"""The framework every family uses: registry, effects, context, messages, help, moments."""
