"""The one seam where ``recommend()`` reaches beyond its arguments.

A :class:`Gatherer` supplies what a caller did not pass: the bundled GitHub
snapshot, fresh figures when ``refresh=True`` and the installed frameworks
for ``installed=True``.  The scoring core never imports metrics or
detection; tests hand ``recommend(gather=...)`` a gatherer of their own
instead of patching anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Final

import attrs

from ..exceptions import MetricsError
from ._constraints import Installability


if TYPE_CHECKING:
    from .._index._model import Compatibility
    from .._metrics._snapshot import Snapshot
    from .._metrics._values import MetricsReport, RepoMetrics
    from .._registry._model import Framework, Release


__all__ = [
    "DEFAULT_GATHERER",
    "REFRESH_DEADLINE",
    "Fresh",
    "Gathered",
    "Gatherer",
]


def bundled() -> Snapshot:
    """The GitHub snapshot shipped with dlchoose."""
    from .._metrics._snapshot import bundled_snapshot

    return bundled_snapshot()


#: Seconds a refresh may take: GitHub and the package index are asked at
#: the same time, each within this one deadline (what ``dlchoose stats``
#: waits by default), so a person waits at most about this long.
REFRESH_DEADLINE: Final = 20.0


@attrs.frozen(kw_only=True)
class Fresh:
    """What a refresh found: GitHub's report and the package index's
    release facts by distribution (with their note, if any)."""

    report: MetricsReport
    releases: Mapping[str, Release] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()


def fetch_fresh(token: str | None) -> Fresh:
    """Fresh figures for every registered framework and fresh release
    facts from the package index (network), both within
    :data:`REFRESH_DEADLINE`; the registry is not changed."""
    from concurrent.futures import ThreadPoolExecutor

    from .._index._latest import registry_releases
    from .._metrics._client import fetch_metrics

    with ThreadPoolExecutor(max_workers=1) as pool:
        index = pool.submit(registry_releases, deadline=REFRESH_DEADLINE)
        report = fetch_metrics(token=token, deadline=REFRESH_DEADLINE)
        found = index.result()
    return Fresh(report=report, releases=found.releases, notes=found.notes)


def detect_installed() -> tuple[str, ...]:
    """Registry keys of the frameworks installed here."""
    from .._detect._scan import installed

    return tuple(found.key for found in installed())


def check_compatibility(
    python: str | None, platform: str | None
) -> tuple[Compatibility, ...]:
    """Every framework's answer from the package index data (no network:
    the bundled snapshot or the cache)."""
    from .._index._api import compatibility

    return compatibility(python=python, platform=platform)


def installability(answers: Iterable[Compatibility]) -> Installability:
    """The answers as the core's constraint: a reason per framework that
    cannot be installed (the index's reason code and its words).  Without
    answers nothing can be verified, so every framework is unverifiable."""
    answers = tuple(answers)
    if not answers:
        return Installability(target="the requested target")
    target = answers[0].target
    return Installability(
        target=target.describe(),
        target_record=(
            *target.to_dict().items(),
            ("target", target.describe()),
        ),
        reasons={
            c.framework: None
            if c.installable
            else f"{c.reason.value if c.reason else 'not installable'}: {c.detail}"
            for c in answers
        },
    )


@attrs.frozen(kw_only=True)
class Gathered:
    """Metrics by folded repository name, the data date, notes, and the
    release facts a refresh read (by distribution; empty without one)."""

    metrics: Mapping[str, RepoMetrics]
    as_of: date
    notes: tuple[str, ...] = ()
    releases: Mapping[str, Release] = attrs.field(factory=dict)

    def pool(self, frameworks: Iterable[Framework]) -> tuple[Framework, ...]:
        """*frameworks* with the refreshed release facts, for this call
        only (the registry is left as it is)."""
        frameworks = tuple(frameworks)
        if not self.releases:
            return frameworks
        from .._registry._releases import with_fresh_releases

        return with_fresh_releases(frameworks, self.releases)


def _indexed(figures: Iterable[RepoMetrics]) -> dict[str, RepoMetrics]:
    """Figures by requested and canonical name, case-folded."""
    by_name: dict[str, RepoMetrics] = {}
    for m in figures:
        by_name[m.requested.casefold()] = m
        by_name[m.full_name.casefold()] = m
    return by_name


def _checked(metrics: object) -> tuple[RepoMetrics, ...]:
    from .._metrics._values import RepoMetrics

    if isinstance(metrics, (str, bytes, Mapping)) or not isinstance(
        metrics, Iterable
    ):
        raise TypeError(
            "metrics must be an iterable of RepoMetrics, not"
            f" {type(metrics).__name__}"
        )
    figures = tuple(metrics)
    for item in figures:
        if not isinstance(item, RepoMetrics):
            raise TypeError(
                f"metrics must hold RepoMetrics, not {type(item).__name__}"
            )
    return figures


@attrs.frozen(kw_only=True)
class Gatherer:
    """Where ``recommend()`` finds the inputs it was not given.

    Each field is a plain callable, so a test (or a caller with its own
    cache) passes ``Gatherer(fetch=..., detect=...)`` to
    ``recommend(gather=...)``.
    """

    snapshot: Callable[[], Snapshot] = bundled
    """The bundled figures (used when no metrics are given)."""
    fetch: Callable[[str | None], MetricsReport | Fresh] = fetch_fresh
    """Fresh figures (and, as :class:`Fresh`, release facts), given the
    token (``refresh=True``)."""
    detect: Callable[[], Iterable[str]] = detect_installed
    """Keys of the installed frameworks (``installed=True``)."""
    compatible: Callable[[str | None, str | None], Iterable[Compatibility]] = (
        check_compatibility
    )
    """Per framework, whether it installs on CPython *python* on
    *platform* (``None``: this interpreter), for ``installable=True``."""

    def metrics(
        self, given: object, *, refresh: bool, token: str | None
    ) -> Gathered:
        """The figures to score with, their date and what to tell."""
        if given is not None:
            figures = _checked(given)
            as_of = max((m.observed_at.date() for m in figures), default=None)
            return Gathered(
                metrics=_indexed(figures),
                as_of=self.snapshot().as_of if as_of is None else as_of,
            )
        if refresh:
            return self._fresh(token)
        snapshot = self.snapshot()
        return Gathered(
            metrics={m.full_name.casefold(): m for m in snapshot},
            as_of=snapshot.as_of,
        )

    def _fresh(self, token: str | None) -> Gathered:
        snapshot = self.snapshot()
        try:
            found = self.fetch(token)
        except MetricsError as err:
            return Gathered(
                metrics={m.full_name.casefold(): m for m in snapshot},
                as_of=snapshot.as_of,
                notes=(
                    (
                        f"refresh failed ({err}); scored with the bundled GitHub"
                        f" snapshot of {snapshot.as_of.isoformat()} instead"
                    ),
                ),
            )
        fresh = found if isinstance(found, Fresh) else Fresh(report=found)
        figures, notes = _with_stand_ins(fresh.report, snapshot)
        return Gathered(
            metrics=_indexed(figures),
            as_of=max(
                (m.observed_at.date() for m in figures),
                default=snapshot.as_of,
            ),
            notes=(*notes, *fresh.notes),
            releases=fresh.releases,
        )

    def installable(
        self, python: str | None, platform: str | None
    ) -> Installability:
        """What installs on CPython *python* on *platform*."""
        return installability(self.compatible(python, platform))

    def installed(self) -> frozenset[str]:
        """The installed frameworks' registry keys."""
        return frozenset(self.detect())


def _with_stand_ins(
    report: MetricsReport, snapshot: Snapshot
) -> tuple[list[RepoMetrics], list[str]]:
    """The report's figures, the snapshot's for repositories that failed,
    and what to tell.

    Offline (asked to, or GitHub out of reach) the report's one line
    already says why nothing is fresh, so the stand-ins need no words of
    their own; repositories without any figures share one line.
    """
    figures = list(report.results)
    notes = list(report.notes)
    missing: list[str] = []
    for error in report.errors:
        stand_in = snapshot.get(error.repo)
        if stand_in is None:
            missing.append(error.repo)
            if not report.offline:
                notes.append(
                    f"refresh failed for {error.repo} ({error.kind}) and the"
                    " bundled snapshot has no figures for it: its community"
                    " and archived state are unknown"
                )
            continue
        figures.append(stand_in)
        if not report.offline:
            notes.append(
                f"refresh failed for {error.repo} ({error.kind}); using the"
                " bundled snapshot's figures observed"
                f" {stand_in.observed_at.date().isoformat()}"
            )
    if report.offline:
        notes.extend(_missing_line(missing))
    else:
        notes.extend(_fallback_summary(figures))
    return figures, notes


def _missing_line(repos: list[str]) -> tuple[str, ...]:
    """One line naming repositories without figures (at most three)."""
    if not repos:
        return ()
    named = ", ".join(repos[:3])
    more = f" and {len(repos) - 3} more" if len(repos) > 3 else ""  # noqa: PLR2004
    line = (
        f"no figures offline for {named}{more}: their community and"
        " archived state are unknown"
    )
    return (line,)


def _fallback_summary(figures: Iterable[RepoMetrics]) -> tuple[str, ...]:
    """One line saying which figures are not fresh from GitHub, if any."""
    counts: dict[str, int] = {}
    for m in figures:
        counts[m.source.value] = counts.get(m.source.value, 0) + 1
    older = {k: n for k, n in counts.items() if k in {"cache", "snapshot"}}
    if not older:
        return ()
    fresh = sum(n for k, n in counts.items() if k not in older)
    parts = ", ".join(f"{n} from the {k}" for k, n in sorted(older.items()))
    return (f"refresh: {fresh} repositories fresh from GitHub, {parts}",)


DEFAULT_GATHERER = Gatherer()
