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
from typing import TYPE_CHECKING

import attrs

from ..exceptions import MetricsError
from ._constraints import Installability


if TYPE_CHECKING:
    from .._index._model import Compatibility
    from .._metrics._snapshot import Snapshot
    from .._metrics._values import MetricsReport, RepoMetrics


__all__ = ["DEFAULT_GATHERER", "Gathered", "Gatherer"]


def bundled() -> Snapshot:
    """The GitHub snapshot shipped with dlchoose."""
    from .._metrics._snapshot import bundled_snapshot

    return bundled_snapshot()


def fetch_fresh(token: str | None) -> MetricsReport:
    """Fresh figures for every registered framework (network)."""
    from .._metrics._client import fetch_metrics

    return fetch_metrics(token=token)


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
    """Metrics by folded repository name, the data date and notes."""

    metrics: Mapping[str, RepoMetrics]
    as_of: date
    notes: tuple[str, ...] = ()


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
    fetch: Callable[[str | None], MetricsReport] = fetch_fresh
    """Fresh figures, given the token (``refresh=True``)."""
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
            report = self.fetch(token)
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
        figures = list(report.results)
        notes = list(report.notes)
        for error in report.errors:
            stand_in = snapshot.get(error.repo)
            if stand_in is None:
                notes.append(
                    f"refresh failed for {error.repo} ({error.kind}) and the"
                    " bundled snapshot has no figures for it: its community"
                    " and archived state are unknown"
                )
                continue
            figures.append(stand_in)
            notes.append(
                f"refresh failed for {error.repo} ({error.kind}); using the"
                " bundled snapshot's figures observed"
                f" {stand_in.observed_at.date().isoformat()}"
            )
        notes.extend(_fallback_summary(figures))
        return Gathered(
            metrics=_indexed(figures),
            as_of=max(
                (m.observed_at.date() for m in figures),
                default=snapshot.as_of,
            ),
            notes=tuple(notes),
        )

    def installable(
        self, python: str | None, platform: str | None
    ) -> Installability:
        """What installs on CPython *python* on *platform*."""
        return installability(self.compatible(python, platform))

    def installed(self) -> frozenset[str]:
        """The installed frameworks' registry keys."""
        return frozenset(self.detect())


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
