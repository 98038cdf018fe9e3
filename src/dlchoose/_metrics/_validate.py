"""Every value read from GitHub or the cache is checked here first.

Anything out of shape becomes ``None`` ("unknown"), never an exception
from deep inside: numbers must be non-negative integers of a plausible
size (not booleans, floats or ``1e400``), times must parse and lie between
GitHub's founding and a day from now, flags must be real booleans, and
repository names must be ``owner/name``.
"""

from __future__ import annotations

import math

from datetime import datetime, timedelta, timezone
from typing import Final

from .._registry._model import normalize_repository
from .._time import parse_time, utc_now


__all__ = [
    "MAX_COUNT",
    "count",
    "flag",
    "header_int",
    "moment",
    "repo_name",
    "short_text",
]

#: No GitHub count comes near this (stars, forks, issues...).
MAX_COUNT: Final = 10**12
#: Before git existed: an earlier time is damage.
EARLIEST: Final = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: Clocks differ; further in the future than this is damage.
CLOCK_SKEW: Final = timedelta(days=1)
_MAX_DIGITS: Final = 20
_MAX_TEXT: Final = 200


def check_wait(value: object, what: str = "max_wait") -> float:
    """*value* as seconds to wait: a finite real number >= 0, else
    :class:`TypeError` / :class:`ValueError` naming *what*."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{what} must be a number of seconds, not {type(value).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(value) and value >= 0):
        msg = f"{what} must be a finite number of seconds >= 0, not {value!r}"
        raise ValueError(msg)
    return float(value)


def header_int(value: object) -> int | None:
    """An integer header value (``"42"``), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    digits = text.removeprefix("-")
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) > _MAX_DIGITS:
        return None
    return int(text)


def count(value: object) -> int | None:
    """A count between 0 and :data:`MAX_COUNT`, else ``None``."""
    number = header_int(value) if not isinstance(value, float) else None
    if number is None or not 0 <= number <= MAX_COUNT:
        return None
    return number


def flag(value: object) -> bool | None:
    """A real boolean (``"true"`` the string is not one), else ``None``."""
    return value if isinstance(value, bool) else None


def moment(
    value: object, *, naive: bool = True, now: datetime | None = None
) -> datetime | None:
    """A plausible aware UTC time from ISO 8601 text, else ``None``."""
    parsed = parse_time(value, naive=naive)
    if parsed is None:
        return None
    try:
        utc = parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    if not EARLIEST <= utc <= (now or utc_now()) + CLOCK_SKEW:
        return None
    return utc


def repo_name(value: object) -> str | None:
    """``owner/name`` exactly (no URL, no unicode), else ``None``."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return None
    found = normalize_repository(value)
    return found if found == value else None


def short_text(value: object, limit: int = _MAX_TEXT) -> str | None:
    """A non-empty string of at most *limit* characters, else ``None``."""
    if not isinstance(value, str) or not value or len(value) > limit:
        return None
    return value
