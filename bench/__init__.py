"""Latency benchmark of signaalbot against a minimal matrix-nio bot (`python -m bench.run`)."""
