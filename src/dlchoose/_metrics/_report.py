"""Turning per-repository outcomes into a :class:`MetricsReport`.

Failures are filled from the cache (any age), then from the bundled
snapshot; the notes say why, which repositories fell back and how old
their figures are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Final

from .._time import utc_now
from ..exceptions import (
    AuthenticationError,
    MetricsError,
    RateLimitError,
    RepositoryNotFoundError,
    UnknownFrameworkError,
)
from ._snapshot import bundled_snapshot
from ._values import MetricsReport, MetricsSource, RepoError, RepoMetrics


__all__ = ["build_report", "snapshot_figures", "snapshot_names"]

#: Repositories named in a fallback note before "and N more".
_NAMED: Final = 5


def _reason(error: MetricsError) -> str:
    if isinstance(error, RateLimitError) and error.reset_at is not None:
        return (
            "GitHub's rate limit is exhausted until"
            f" {error.reset_at:%Y-%m-%d %H:%M} UTC"
        )
    return f"GitHub could not be reached: {error}"


def _age(metrics: RepoMetrics, now: datetime) -> str:
    days = metrics.age_days(now)
    if days < 1:
        return f"{max(int(days * 24), 0)} h"
    return f"{int(days)} days"


def _listed(names: Sequence[str]) -> str:
    """The first few *names*, then how many more there are."""
    shown = list(names[:_NAMED])
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def _which(used: Sequence[RepoMetrics]) -> str:
    return _listed([m.requested for m in used])


def _fallback_note(
    source: MetricsSource, used: Sequence[RepoMetrics], total: int
) -> str:
    now = utc_now()
    oldest = max(used, key=lambda m: m.age_days(now))
    label = (
        "cached figures"
        if source is MetricsSource.CACHE
        else f"the bundled snapshot (as of {bundled_snapshot().as_of})"
    )
    return (
        f"{len(used)} of {total} repositories from {label}"
        f" ({_which(used)}); the oldest figures are {_age(oldest, now)} old"
        f" ({oldest.full_name}, observed {oldest.observed_at:%Y-%m-%d})"
    )


def _offline_note(
    reason: str, fell_back: Mapping[MetricsSource, Sequence[RepoMetrics]]
) -> str:
    """The one line saying the run went offline, and what it shows."""
    parts = []
    if MetricsSource.CACHE in fell_back:
        oldest = min(m.observed_at for m in fell_back[MetricsSource.CACHE])
        parts.append(f"cached figures (oldest from {oldest:%Y-%m-%d})")
    if MetricsSource.SNAPSHOT in fell_back:
        parts.append(f"the snapshot of {bundled_snapshot().as_of}")
    using = f": using {' and '.join(parts)}" if parts else ""
    return f"offline ({reason}){using}; --offline skips this check"


def build_report(
    names: Sequence[str],
    outcome: Mapping[str, RepoMetrics | MetricsError],
    *,
    fallback: Callable[[str], RepoMetrics | None],
    offline: bool,
    unreachable: str | None = None,
) -> MetricsReport:
    """Results in request order; a failure other than "not found" or
    "refused" takes *fallback* figures when there are any.  When the host
    was *unreachable* (a reason in words), the notes are one line."""
    results: list[RepoMetrics] = []
    errors: list[RepoError] = []
    fell_back: dict[MetricsSource, list[RepoMetrics]] = {}
    reasons: dict[str, None] = {}
    for name in names:
        item = outcome[name]
        if isinstance(item, RepoMetrics):
            results.append(item)
            continue
        figures = None
        if not isinstance(
            item, (RepositoryNotFoundError, AuthenticationError)
        ):
            figures = fallback(name)
        if figures is None:
            errors.append(RepoError(repo=name, error=item))
            continue
        results.append(figures)
        fell_back.setdefault(figures.source, []).append(figures)
        if not offline:
            reasons[_reason(item)] = None
    notes = [*reasons]
    notes += [
        _fallback_note(source, used, len(names))
        for source, used in fell_back.items()
    ]
    if offline and errors:
        names = [e.repo for e in errors]
        notes.append(f"no figures are known offline for {_listed(names)}")
    if unreachable is not None:
        notes = [_offline_note(unreachable, fell_back)]
    return MetricsReport(
        results=tuple(results),
        errors=tuple(errors),
        notes=tuple(notes),
        offline_reason=unreachable,
        offline=offline or unreachable is not None,
    )


def snapshot_names(name: str) -> list[str]:
    """*name*, then the registry's current repository for it."""
    names = [name]
    from .._registry._lookup import default_registry

    try:
        framework = default_registry().get(name)
    except UnknownFrameworkError:
        return names
    if framework.repository:
        names.append(framework.repository)
    return names


def snapshot_figures(name: str) -> RepoMetrics | None:
    """The bundled figures for *name* (or its registry repository)."""
    snapshot = bundled_snapshot()
    for candidate in snapshot_names(name):
        found = snapshot.get(candidate)
        if found is not None:
            return found
    return None
