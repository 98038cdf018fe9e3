"""What a request returns, and the deadline it runs under (no I/O here)."""

from __future__ import annotations

import math
import time

from collections.abc import Mapping
from typing import Any

import attrs

from ..exceptions import BadResponseError
from ._limits import DEFAULT_MAX_DEPTH, parse_json
from ._redact import redact, safe_header


__all__ = ["Deadline", "Response"]


@attrs.frozen
class Deadline:
    """A moment on the monotonic clock after which nothing more is sent
    or read; ``Deadline.within(None)`` never passes."""

    at: float

    @classmethod
    def within(cls, seconds: float | None) -> Deadline:
        if seconds is None or math.isnan(seconds):
            return cls(math.inf)
        return cls(time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left (``inf`` without a deadline, never negative)."""
        return max(self.at - time.monotonic(), 0.0)

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.at


@attrs.frozen(kw_only=True)
class Response:
    """A complete answer: status, lower-cased headers and decoded body."""

    url: str
    status: int
    headers: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    body: bytes = b""
    from_cache: bool = False
    """Served from :class:`~._cache.HttpCache` (fresh, or revalidated)."""

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.casefold(), default)

    def text(self) -> str:
        """The body as text (undecodable bytes replaced)."""
        return self.body.decode("utf-8", errors="replace")

    def json(self, *, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
        """The body as strict JSON; :class:`BadResponseError` if it is not
        JSON or nests deeper than *max_depth*."""
        try:
            return parse_json(self.body, max_depth=max_depth)
        except ValueError as err:
            kind = safe_header(self.header("content-type")) or "unknown type"
            raise BadResponseError(
                f"the answer from {self.url} is not usable JSON ({kind}):"
                f" {redact(str(err))[:200]}",
                url=self.url,
            ) from err
