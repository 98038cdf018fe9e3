"""GitHub's rate limits: what the headers say and how long to stay away.

Every wait and every block is bounded: GitHub's windows are an hour, so
a reset more than :data:`PLAUSIBLE_RESET` away, or a ``Retry-After`` above
:data:`MAX_RETRY_AFTER`, is implausible and capped, never stored as a
block for decades and never an overflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Final

import attrs

from .._http import safe_header
from .._time import utc_now
from ._validate import header_int


__all__ = [
    "MAX_BLOCK",
    "MAX_RETRY_AFTER",
    "Limited",
    "RateLimitStatus",
    "cap_block",
    "rate_limited",
    "reset_time",
    "retry_after",
]

#: GitHub's primary windows are one hour; a reset further away is damage.
PLAUSIBLE_RESET: Final = timedelta(hours=2)
#: The longest any block is remembered (on disk or in memory).
MAX_BLOCK: Final = timedelta(hours=1)
#: The longest ``Retry-After`` believed, in seconds (capped beyond).
MAX_RETRY_AFTER: Final = MAX_BLOCK.total_seconds()
#: A secondary limit without ``Retry-After``: GitHub asks for a minute.
SECONDARY_DEFAULT_WAIT: Final = 60.0
_MAX_BACKOFF_STEPS: Final = 6


def reset_time(value: object, now: datetime | None = None) -> datetime | None:
    """An epoch-seconds reset as an aware datetime; ``None`` if unparsable
    or more than two hours away (e.g. milliseconds)."""
    seconds = header_int(value)
    if seconds is None:
        return None
    now = now or utc_now()
    try:
        moment = datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if moment - now > PLAUSIBLE_RESET:
        return None
    return moment


def cap_block(until: datetime, now: datetime | None = None) -> datetime:
    """*until*, but no later than :data:`MAX_BLOCK` from now."""
    return min(until, (now or utc_now()) + MAX_BLOCK)


@attrs.frozen(kw_only=True)
class RateLimitStatus:
    """What the ``x-ratelimit-*`` headers of the latest response said."""

    resource: str
    limit: int | None = None
    remaining: int | None = None
    used: int | None = None
    reset_at: datetime | None = None
    """``None`` when absent or implausible (e.g. milliseconds)."""

    @classmethod
    def from_headers(
        cls, headers: Mapping[str, str], default_resource: str
    ) -> RateLimitStatus | None:
        if not any(k.lower().startswith("x-ratelimit-") for k in headers):
            return None
        resource = safe_header(headers.get("x-ratelimit-resource"), 40)
        return cls(
            resource=resource or default_resource,
            limit=_non_negative(headers.get("x-ratelimit-limit")),
            remaining=_non_negative(headers.get("x-ratelimit-remaining")),
            used=_non_negative(headers.get("x-ratelimit-used")),
            reset_at=reset_time(headers.get("x-ratelimit-reset")),
        )


def _non_negative(value: object) -> int | None:
    number = header_int(value)
    return number if number is not None and number >= 0 else None


def retry_after(
    value: str | None, now: datetime | None = None
) -> float | None:
    """``Retry-After`` (seconds or an HTTP date) in seconds, between 0 and
    :data:`MAX_RETRY_AFTER`; ``None`` when absent or unparsable."""
    if value is None:
        return None
    seconds = header_int(value)
    if seconds is not None:
        return float(min(max(seconds, 0), MAX_RETRY_AFTER))
    try:
        moment = parsedate_to_datetime(value)
        wait = (moment - (now or utc_now())).total_seconds()
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return min(max(wait, 0.0), MAX_RETRY_AFTER)


@attrs.frozen(kw_only=True)
class Limited:
    """A 403/429 (or GraphQL) rate-limit answer and how long it asks to
    wait (``None``: unknown)."""

    secondary: bool
    wait: float | None
    reset_at: datetime | None
    resource: str
    message: str


def rate_limited(
    status: int,
    headers: Mapping[str, str],
    message: str,
    resource: str,
    attempt: int,
) -> Limited | None:
    """Classify a 403/429: primary limit, secondary limit, or ``None`` for
    a plain refusal."""
    if status not in (HTTPStatus.FORBIDDEN, HTTPStatus.TOO_MANY_REQUESTS):
        return None
    now = utc_now()
    wait_header = retry_after(headers.get("retry-after"), now)
    reset_at = reset_time(headers.get("x-ratelimit-reset"), now)
    if header_int(headers.get("x-ratelimit-remaining")) == 0:
        wait: float | None = None
        if wait_header is not None:
            wait = wait_header
            reset_at = reset_at or now + timedelta(seconds=wait_header)
        elif reset_at is not None:
            wait = max((reset_at - now).total_seconds() + 1, 0.0)
        return Limited(
            secondary=False,
            wait=wait,
            reset_at=reset_at,
            resource=safe_header(headers.get("x-ratelimit-resource"), 40)
            or resource,
            message=message,
        )
    secondary = (
        wait_header is not None
        or "secondary rate limit" in message.lower()
        or status == HTTPStatus.TOO_MANY_REQUESTS
    )
    if not secondary:
        return None
    if wait_header is None:
        steps = min(attempt, _MAX_BACKOFF_STEPS)
        wait_header = min(SECONDARY_DEFAULT_WAIT * 2**steps, MAX_RETRY_AFTER)
    return Limited(
        secondary=True,
        wait=wait_header,
        reset_at=now + timedelta(seconds=wait_header),
        resource="*",
        message=message,
    )
