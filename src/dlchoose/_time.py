"""The one place times are read, written and taken: aware UTC throughout."""

from __future__ import annotations

from datetime import datetime, timezone


__all__ = ["iso", "parse_time", "utc_now"]


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


def iso(moment: datetime | None) -> str | None:
    """*moment* as ISO 8601 in UTC with a ``Z`` suffix (``None`` stays)."""
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def parse_time(value: object, *, naive: bool = True) -> datetime | None:
    """An aware datetime from ISO 8601 text (``Z`` or an offset).

    Anything that is not a non-empty string, or does not parse, is
    ``None``.  A time without an offset is read as UTC, as GitHub and the
    snapshot mean it; with ``naive=False`` it is ``None`` instead (for
    times dlchoose wrote itself, which always carry an offset).
    """
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc) if naive else None
    return moment
