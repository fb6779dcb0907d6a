"""Outcomes of delivering an outbox row other than success."""


class DeliveryError(RuntimeError):
    """A request to the homeserver failed; the outbox row is retried later."""


class NotReady(Exception):
    """The effect waits for another one (a room still being opened, an answer not yet sent)."""
