"""Noticing, and remembering for a few minutes, that a host is out of reach.

Without a network every request fails the same way, and retrying each one
only makes a person wait.  So the first connection-level failure (a name
that does not resolve, a refused or unroutable connection, a connect or
read timeout; never an HTTP error status) marks the host unreachable for
the rest of the run, and :class:`ReachMemory` writes it to a small JSON
file in the cache directory, so a run within :data:`REMEMBER_FOR` does
not wait again.

The file is written atomically under a lock.  A file that cannot be used
(not JSON, wrong shape, a time that does not parse) is *damaged*: it is
not trusted, :attr:`ReachMemory.damaged` says so, and the next write
replaces it.  A failure recorded "in the future" has an unknown age and
is not trusted either.
"""

from __future__ import annotations

import errno
import logging
import socket

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final

import attrs

from .._time import iso, parse_time, utc_now
from ._limits import DEFAULT_MAX_DEPTH, parse_json
from ._store import _read_bytes, locked, write_json
from ._urls import origin, strip_userinfo


__all__ = [
    "REMEMBER_FOR",
    "ReachMemory",
    "Unreachable",
    "origin_key",
    "printable",
    "unreachable_reason",
]

log = logging.getLogger("dlchoose.network")

#: How long a failure to reach a host is remembered.  Long enough for the
#: next few commands of a session without network; short enough that a
#: person who has just reconnected soon gets live figures again.
REMEMBER_FOR: Final = timedelta(minutes=5)
FILE_NAME: Final = "network.json"
_FORMAT: Final = 1
_MAX_REASON: Final = 200

_ERRNO_REASONS: Final = {
    errno.ECONNREFUSED: "connection refused",
    errno.ENETUNREACH: "network unreachable",
    errno.EHOSTUNREACH: "host unreachable",
    errno.ENETDOWN: "network down",
    errno.ETIMEDOUT: "connection timed out",
}


def origin_key(url: str) -> str:
    """``scheme://host[:port]`` of *url*, folded, without credentials."""
    scheme, netloc = origin(strip_userinfo(url))
    return f"{scheme}://{netloc}"


def _in_utc(moment: datetime) -> datetime:
    """*moment* in UTC (an aware time with another offset is converted)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc)


def printable(text: str) -> str:
    """*text* without control characters (a stored reason is shown on a
    terminal: no escape sequences or line breaks from a file)."""
    kept = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(kept.split())


@attrs.frozen(kw_only=True)
class Unreachable:
    """*origin* (``scheme://host[:port]``) could not be reached at *at*."""

    origin: str
    reason: str
    at: datetime = attrs.field(converter=_in_utc)
    """When it failed, in UTC (a stored offset is converted)."""
    ttl: timedelta = REMEMBER_FOR
    """How long the failure is remembered."""

    def until(self, ttl: timedelta | None = None) -> datetime:
        """When the failure stops being remembered."""
        return self.at + (self.ttl if ttl is None else ttl)

    def describe(self, *, remembered: bool) -> str:
        """``api.github.com: connection refused`` (and, for a failure read
        back from disk, when it happened and when the next try is)."""
        host = self.origin.partition("://")[2] or self.origin
        text = f"{host}: {self.reason}"
        if remembered:
            text += (
                f" at {self.at:%H:%M} UTC; next try after"
                f" {self.until():%H:%M} UTC"
            )
        return text


def _errors(err: BaseException) -> list[BaseException]:
    """*err* and every exception it was caused by or wraps (urllib3's
    ``MaxRetryError.reason`` included), outermost first."""
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [err]
    while pending:
        current = pending.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        reason = getattr(current, "reason", None)
        pending += [current.__context__, current.__cause__]
        if isinstance(reason, BaseException):
            pending.append(reason)
        pending += [a for a in current.args if isinstance(a, BaseException)]
    return seen


def _has(chain: list[BaseException], kind: type[BaseException]) -> bool:
    return any(isinstance(e, kind) for e in chain)


def unreachable_reason(err: BaseException) -> str | None:
    """Why *err* (a ``requests`` exception) means the host is out of
    reach, in words; ``None`` when it is some other failure."""
    import requests
    import urllib3

    chain = _errors(err)
    by_type: tuple[tuple[bool, str], ...] = (
        (
            any(type(e).__name__ == "NameResolutionError" for e in chain)
            or any(isinstance(e, socket.gaierror) for e in chain),
            "the host name does not resolve",
        ),
        (
            isinstance(err, requests.ConnectTimeout)
            or (
                # urllib3 makes NewConnectionError a ConnectTimeoutError
                _has(chain, urllib3.exceptions.ConnectTimeoutError)
                and not _has(chain, urllib3.exceptions.NewConnectionError)
            ),
            "no answer to the connection attempt",
        ),
        (
            isinstance(err, requests.ReadTimeout)
            or _has(chain, urllib3.exceptions.ReadTimeoutError),
            "the server stopped answering",
        ),
        (
            isinstance(err, requests.exceptions.ProxyError),
            "the proxy cannot be reached",
        ),
    )
    for matched, reason in by_type:
        if matched:
            return reason
    for item in chain:
        number = getattr(item, "errno", None)
        if isinstance(number, int) and number in _ERRNO_REASONS:
            return _ERRNO_REASONS[number]
    if _has(chain, urllib3.exceptions.NewConnectionError):
        return "cannot connect"
    return None


@attrs.define
class ReachMemory:
    """Failures to reach a host, kept in *path* for *ttl*."""

    path: Path
    ttl: timedelta = REMEMBER_FOR
    damaged: bool = attrs.field(init=False, default=False)
    """Whether the file was found unusable (it is then not trusted)."""

    @classmethod
    def in_directory(cls, directory: Path) -> ReachMemory:
        return cls(Path(directory) / FILE_NAME)

    def recall(
        self, url: str, now: datetime | None = None
    ) -> Unreachable | None:
        """The failure to reach *url*'s host, if one is remembered."""
        entry = self._entries().get(origin_key(url))
        if entry is None:
            return None
        age = (now or utc_now()) - entry.at
        if timedelta(0) <= age < self.ttl:
            return entry
        return None

    def remember(self, failure: Unreachable) -> None:
        """Record *failure* (replacing a damaged file); a write that fails
        is logged and otherwise ignored."""
        entry = {"reason": failure.reason[:_MAX_REASON], "at": iso(failure.at)}
        self._update(lambda hosts: {**hosts, failure.origin: entry})

    def forget(self, url: str) -> None:
        """*url*'s host answered: drop its failure (and repair a damaged
        file).  Nothing is written when there is nothing to drop."""
        key = origin_key(url)
        if key in self._entries() or self.damaged:
            self._update(
                lambda hosts: {k: v for k, v in hosts.items() if k != key}
            )

    def _entries(self) -> dict[str, Unreachable]:
        data = _read_bytes(self.path)
        if data is None:
            return {}
        try:
            entries = _parse(
                parse_json(data, max_depth=DEFAULT_MAX_DEPTH), self.ttl
            )
        except ValueError:
            if not self.damaged:
                log.info("ignoring the damaged file %s", self.path)
            self.damaged = True
            return {}
        return entries

    def _update(
        self, change: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> None:
        """Apply *change* to the stored hosts under the file's lock."""
        try:
            with locked(self.path):
                hosts = {
                    key: {"reason": entry.reason, "at": iso(entry.at)}
                    for key, entry in self._entries().items()
                }
                write_json(
                    self.path,
                    {"format": _FORMAT, "unreachable": change(hosts)},
                )
        except OSError as err:
            log.info("cannot write %s: %s", self.path, err)
            return
        self.damaged = False


def _parse(document: object, ttl: timedelta) -> dict[str, Unreachable]:
    """The entries of a memory file; :class:`ValueError` if it is damaged."""
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        raise ValueError("not a network memory file")
    hosts = document.get("unreachable")
    if not isinstance(hosts, dict):
        raise ValueError("no 'unreachable' object")  # noqa: TRY004 - damage
    entries = {}
    for key, value in hosts.items():
        fields = value if isinstance(value, dict) else {}
        at = parse_time(fields.get("at"), naive=False)
        reason = fields.get("reason")
        if isinstance(reason, str):
            reason = printable(reason)
        if at is None or not isinstance(reason, str) or not reason:
            raise ValueError(f"unusable entry for {key!r}")
        entries[key] = Unreachable(
            origin=key, reason=reason[:_MAX_REASON], at=at, ttl=ttl
        )
    return entries
