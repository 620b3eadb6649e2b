"""The one exception readers raise for an input that cannot become documents."""

from __future__ import annotations

from briefwire.models import IngestError


class ReadError(Exception):
    """An input (or one item inside it) could not be read; ``reason`` says why.

    Readers raise it; :func:`briefwire.ingest.read` turns it into an :class:`IngestError`
    and goes on with the next input. ``retryable`` is True only when running again may
    help (a network failure), never for a broken file.
    """

    def __init__(self, origin: str, reason: str, *, retryable: bool = False) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
        self.retryable = retryable

    def to_error(self) -> IngestError:
        return IngestError(self.origin, "ingest", self.reason, self.retryable)
