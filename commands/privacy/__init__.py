"""Privacy and records: what personal data the bot keeps out, and how long it keeps the rest."""
