"""Outcomes of delivering an outbox row other than success."""

from __future__ import annotations

from typing import Any


class DeliveryError(RuntimeError):
    """A request to the homeserver failed; the outbox row is retried later, unless refused for good.

    `errcode` and `http_status` tell a temporary failure from a permanent refusal (refusals.py);
    `operation` names the request, since a refusal can be permanent for one and not another.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        errcode: str | None = None,
        http_status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.errcode = errcode
        self.http_status = http_status

    @classmethod
    def of(cls, operation: str, response: Any) -> DeliveryError:
        """From a matrix-nio error response: its Matrix error code and the HTTP status."""
        transport = getattr(response, "transport_response", None)
        return cls(
            f"{operation}: {response.status_code} {response.message}",
            operation=operation,
            errcode=response.status_code,
            http_status=getattr(transport, "status", None),
        )


class NotReady(Exception):
    """The effect waits for another one (a room still being opened, an answer not yet sent)."""
