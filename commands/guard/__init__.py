"""Rooms stay closed: what the bot does when someone outside the directory is in a case room.

Not a command family: no commands of its own; bot/room_guard.py calls it on membership events.
"""
