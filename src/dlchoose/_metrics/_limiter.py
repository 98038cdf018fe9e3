"""One client's rate-limit bookkeeping: what GitHub said, what is blocked.

The latest ``x-ratelimit-*`` headers per resource, blocks in memory and on
disk (shared with later runs through :class:`~._cache.DiskCache`), the
REST budget a fetch may spend, and the one-time API deprecation warning.
Every block is capped (:func:`~._ratelimit.cap_block`).
"""

from __future__ import annotations

import logging
import threading

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Final, TypeVar

import attrs

from .._http import Response, safe_header
from .._time import utc_now
from ..exceptions import MetricsError, RateLimitError
from ._cache import DiskCache
from ._errors import API_VERSION, request_id
from ._ratelimit import Limited, RateLimitStatus, cap_block


__all__ = ["RateLimitBook"]

log = logging.getLogger("dlchoose.github")

#: How long to stay away when a limit gives no reset time.
UNKNOWN_RESET_BLOCK: Final = timedelta(minutes=1)
#: A REST fetch costs two requests (repository, latest release).
REQUESTS_PER_REPOSITORY: Final = 2

T = TypeVar("T")


@attrs.define
class RateLimitBook:
    """Rate-limit state for one client (*scope*: API URL + credential)."""

    cache: DiskCache | None
    scope: Callable[[], str]
    _limits: dict[str, RateLimitStatus] = attrs.field(factory=dict)
    _blocks: dict[str, tuple[datetime, bool]] = attrs.field(factory=dict)
    _lock: threading.Lock = attrs.field(factory=threading.Lock)
    _warned_deprecation: bool = False

    @property
    def limits(self) -> Mapping[str, RateLimitStatus]:
        with self._lock:
            return dict(self._limits)

    @property
    def blocks(self) -> Mapping[str, tuple[datetime, bool]]:
        with self._lock:
            return dict(self._blocks)

    def note(self, response: Response, resource: str) -> None:
        """Record the rate-limit headers; warn once about deprecation."""
        status = RateLimitStatus.from_headers(response.headers, resource)
        sunset = response.header("sunset")
        with self._lock:
            if status is not None:
                self._limits[status.resource] = status
            deprecated = (
                response.header("deprecation") is not None
                or sunset is not None
            ) and not self._warned_deprecation
            if deprecated:
                self._warned_deprecation = True
        if deprecated:
            log.warning(
                "GitHub API version %s is deprecated (sunset: %s);"
                " upgrade dlchoose",
                API_VERSION,
                safe_header(sunset, 40) or "unknown",
            )

    def check(self, resource: str, what: str) -> None:
        """Raise :class:`RateLimitError` while *resource* is blocked."""
        now = utc_now()
        with self._lock:
            found = [
                self._blocks[name]
                for name in (resource, "*")
                if name in self._blocks and self._blocks[name][0] > now
            ]
        if found:
            until, secondary = max(found)
            raise RateLimitError(
                f"GitHub's {'secondary ' if secondary else ''}rate limit"
                f" blocks {what} until {until:%Y-%m-%d %H:%M:%S} UTC;"
                " not calling GitHub before then",
                reset_at=until,
                secondary=secondary,
                repo=what,
            )

    def block(
        self, resource: str, until: datetime, *, secondary: bool
    ) -> None:
        """Block *resource* until *until* (capped), here and on disk; an
        earlier block never shortens a later one."""
        until = cap_block(until)
        with self._lock:
            current = self._blocks.get(resource)
            if current is None or current[0] < until:
                self._blocks[resource] = (until, secondary)
        if self.cache is not None:
            self.cache.block(
                self.scope(), resource, until, secondary=secondary
            )

    def load(self) -> None:
        """Take over the blocks an earlier run stored on disk."""
        if self.cache is None:
            return
        for resource in ("core", "graphql"):
            found = self.cache.blocked_until(self.scope(), resource)
            if found is not None:
                with self._lock:
                    self._blocks[resource] = found

    def give_up(
        self, limited: Limited, response: Response, what: str, cap: float
    ) -> RateLimitError:
        """Remember the block and say when calls resume."""
        until = cap_block(
            limited.reset_at or (utc_now() + UNKNOWN_RESET_BLOCK)
        )
        self.block(limited.resource, until, secondary=limited.secondary)
        kind = "secondary" if limited.secondary else "primary"
        wait = limited.wait
        need = f"{wait:.0f} s" if wait is not None else "an unknown time"
        return RateLimitError(
            f"GitHub's {kind} rate limit was hit for {what}; the wait"
            f" ({need}) exceeds the {cap:g} s cap. Calls"
            f" resume after {until:%Y-%m-%d %H:%M:%S} UTC"
            + request_id(response),
            reset_at=until,
            secondary=limited.secondary,
            repo=what,
        )

    def affordable(
        self,
        jobs: list[T],
        name: Callable[[T], str],
        refused: dict[str, MetricsError],
    ) -> list[T]:
        """Only as many REST jobs as the known core budget pays for; the
        others get a :class:`RateLimitError` in *refused*."""
        core = self.limits.get("core")
        if (
            core is None
            or core.remaining is None
            or core.reset_at is None
            or core.reset_at <= utc_now()
            or core.remaining >= REQUESTS_PER_REPOSITORY * len(jobs)
        ):
            return jobs
        count = core.remaining // REQUESTS_PER_REPOSITORY
        for job in jobs[count:]:
            refused[name(job)] = RateLimitError(
                f"{name(job)}: not fetched, the remaining rate-limit"
                f" budget ({core.remaining}) does not cover it",
                reset_at=core.reset_at,
                repo=name(job),
            )
        return jobs[:count]
