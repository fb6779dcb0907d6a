"""Punctuality of signaalbot's reminders (``python -m bench.reminders``); see cli.py."""
