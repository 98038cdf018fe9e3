"""The result values: a recommendation and every step that led to it.

All are frozen; ``to_dict()`` gives the JSON document (schema pinned by
golden tests).  Text rendering lives in :mod:`._render`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

from .._sources import Source
from . import _render
from ._constraints import Failure
from ._criteria import RUBRIC_CRITERIA, Criterion
from ._maths import (
    HUNDRED,
    Flip,
    Matrix,
    Weights,
    gap_split,
    pts,
    values_to_tie,
)
from ._profiles import Profile, Purpose
from ._values import Cell


__all__ = [
    "Contribution",
    "DataDates",
    "Excluded",
    "Failure",
    "Flip",
    "Part",
    "Ranked",
    "Recommendation",
    "Relaxation",
    "Robustness",
    "WhyNot",
]


class Part(NamedTuple):
    """One criterion's cell in a ranked framework, with its x and weight."""

    criterion: Criterion
    cell: Cell
    x: Fraction
    """The x used for ranking (unknowns per the ``missing`` mode)."""
    weight: Fraction


@attrs.frozen(kw_only=True)
class Contribution:
    """One criterion's share of one framework's score."""

    criterion: Criterion
    value: int | float | None
    """The raw value: rubric level, speed score, stars; ``None`` = unknown."""
    x: Fraction
    """The value on the declared 0..1 scale used for ranking."""
    x_max: Fraction
    """The highest x the unknown part could have (equals ``x`` if known)."""
    weight: Fraction
    """The criterion's weight, a share of 1."""
    sources: tuple[Source, ...]
    as_of: date | None
    note: str | None = None
    known: bool = True
    """Whether the value is fully known (an unknown part counts as the
    ``missing`` mode says, so ``x`` may then lie inside its range)."""

    @property
    def points(self) -> Fraction:
        """``100 * weight * x``: what this criterion adds to the score."""
        return HUNDRED * self.weight * self.x

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion.value,
            "value": self.value,
            "x": pts(self.x),
            "weight": pts(HUNDRED * self.weight),
            "points": pts(self.points),
            "known": self.known,
            "sources": [s.to_dict() for s in self.sources],
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "note": self.note,
        }


@attrs.frozen(kw_only=True)
class Ranked:
    """One ranked framework with its score split by criterion."""

    rank: int
    framework: str
    name: str
    score: Fraction
    """Points out of 100 (exact); unknowns count as their ranking value."""
    tie_broken_by: str | None = None
    near_tie: bool = False
    rank_open: bool = False
    """Whether the unknown values could change this framework's rank: some
    other ranked framework's score range (unknowns worst to best) crosses
    its own, so an order of the two is not settled by the data."""
    _parts: tuple[Part, ...] = attrs.field(eq=False, repr=False)

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        """Every criterion's value, weight, points and sources."""
        return tuple(
            Contribution(
                criterion=part.criterion,
                value=part.cell.value,
                x=part.x,
                x_max=part.cell.x_max,
                weight=part.weight,
                sources=part.cell.sources,
                as_of=part.cell.as_of,
                note=part.cell.note,
                known=part.cell.known,
            )
            for part in self._parts
        )

    @property
    def score_min(self) -> Fraction:
        """Points if every unknown value were as bad as possible."""
        return sum(
            (HUNDRED * part.weight * part.cell.x for part in self._parts),
            Fraction(0),
        )

    @property
    def score_max(self) -> Fraction:
        """Points if every unknown value were as good as possible."""
        return sum(
            (HUNDRED * part.weight * part.cell.x_max for part in self._parts),
            Fraction(0),
        )

    @property
    def coverage(self) -> Fraction:
        """Share of the weight carried by known values."""
        return sum(
            (part.weight for part in self._parts if part.cell.known),
            Fraction(0),
        )

    @property
    def unknown(self) -> tuple[Criterion, ...]:
        """Weighted criteria whose value is not (fully) known."""
        return tuple(
            part.criterion
            for part in self._parts
            if part.weight and not part.cell.known
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "framework": self.framework,
            "name": self.name,
            "score": pts(self.score),
            "score_interval": [pts(self.score_min), pts(self.score_max)],
            "coverage": pts(self.coverage),
            "tie_broken_by": self.tie_broken_by,
            "near_tie": self.near_tie,
            "rank_open": self.rank_open,
            "unknown": [c.value for c in self.unknown],
            "contributions": [c.to_dict() for c in self.contributions],
        }


@attrs.frozen(kw_only=True)
class WhyNot:
    """Why a runner-up is behind the winner, criterion by criterion."""

    framework: str
    winner: str
    gap: Fraction
    """Points behind the winner."""
    dominated: bool
    """The winner is at least as good on every criterion."""
    weight_to_tie: Flip | None
    _matrix: Matrix = attrs.field(eq=False, repr=False)
    _weights: Weights = attrs.field(eq=False, repr=False)

    @property
    def by_criterion(self) -> tuple[tuple[str, Fraction], ...]:
        """Points per criterion, winner-ahead first; they sum to ``gap``."""
        return gap_split(
            self._matrix, self._weights, self.winner, self.framework
        )

    @property
    def value_to_tie(self) -> tuple[tuple[str, Fraction, Fraction, bool], ...]:
        """(criterion, x now, x needed to tie, feasible) per criterion."""
        return values_to_tie(
            self._matrix, self._weights, self.winner, self.framework
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "gap": pts(self.gap),
            "by_criterion": [[c, pts(p)] for c, p in self.by_criterion],
            "dominated": self.dominated,
            "weight_to_tie": (
                self.weight_to_tie.to_dict() if self.weight_to_tie else None
            ),
            "value_to_tie": [
                {"criterion": c, "from": pts(a), "to": pts(b), "feasible": f}
                for c, a, b, f in self.value_to_tie
            ],
        }


@attrs.frozen(kw_only=True)
class Robustness:
    """How far the weights can move before the winner changes."""

    min_flip: Flip | None
    label: str
    """``robust`` (>= 10 points), ``moderate`` (>= 5) or ``fragile``."""
    stability: tuple[tuple[str, Fraction, Fraction], ...]
    """Per criterion: the weight range (points) keeping the winner first."""
    data_robust: bool
    """Whether no unknown value could change the winner."""
    decisive_unknowns: tuple[str, ...] = ()

    @property
    def min_flip_points(self) -> Fraction | None:
        return None if self.min_flip is None else self.min_flip.points

    def to_dict(self) -> dict[str, Any]:
        flip = self.min_flip
        return {
            "min_flip_points": (None if flip is None else pts(flip.points)),
            "criterion": None if flip is None else flip.criterion,
            "direction": None if flip is None else flip.direction,
            "challenger": None if flip is None else flip.challenger,
            "new_weight": (
                None if flip is None else pts(flip.to_weight * HUNDRED)
            ),
            "label": self.label,
            "stability_intervals": {
                c: [pts(lo), pts(hi)] for c, lo, hi in self.stability
            },
            "data_robust": self.data_robust,
            "decisive_unknowns": list(self.decisive_unknowns),
        }


@attrs.frozen(kw_only=True)
class Excluded:
    """A framework screened out, every failed constraint listed."""

    framework: str
    name: str
    failed: tuple[Failure, ...]
    rank_if_allowed: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "name": self.name,
            "failed": [f.to_dict() for f in self.failed],
            "rank_if_allowed": self.rank_if_allowed,
        }


@attrs.frozen(kw_only=True)
class Relaxation:
    """A smallest set of constraints whose removal leaves survivors."""

    dropped: tuple[str, ...]
    winner: str
    top: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dropped": list(self.dropped),
            "winner": self.winner,
            "top": list(self.top),
        }


def _span(values: Iterable[date | None]) -> tuple[date, date] | None:
    found = sorted({d for d in values if d is not None})
    return (found[0], found[-1]) if found else None


def _iso_span(span: tuple[date, date] | None) -> list[str] | None:
    return None if span is None else [d.isoformat() for d in span]


def _words(span: tuple[date, date]) -> str:
    first, last = span
    return first.isoformat() if first == last else f"{first} … {last}"


@attrs.frozen(kw_only=True)
class DataDates:
    """The dates the figures of a recommendation describe, by kind.

    Every figure carries its own observation date; this gathers their
    ranges, so a reader sees at once how old each kind of data is.
    """

    as_of: date
    """The data date the scoring uses (the GitHub snapshot's, or the
    seed-era date)."""
    github: tuple[date, date] | None
    """Oldest and newest star-count observation (``None``: none used)."""
    releases: tuple[date, date] | None
    """When the release facts were observed (the package index read)."""
    maintenance: tuple[date, date] | None
    """The dates maintenance was scored against."""
    adoption: tuple[tuple[str, date], ...]
    """Per adoption criterion, the newest point used."""
    benchmarks: tuple[date, date] | None = None
    """The newest benchmark row behind the speed scores, oldest to newest
    across frameworks."""
    judged: tuple[date, date] | None
    """When the rubric judgements used were dated."""

    @classmethod
    def of(
        cls,
        as_of: date,
        cells: Iterable[Mapping[Criterion, Cell]],
        releases: Iterable[date | None],
    ) -> DataDates:
        """The ranges over every candidate's cells."""
        rows = tuple(cells)

        def span(criterion: Criterion) -> tuple[date, date] | None:
            return _span(row[criterion].as_of for row in rows)

        adoption = (Criterion.ACADEMIC_ADOPTION, Criterion.INDUSTRY_ADOPTION)
        return cls(
            as_of=as_of,
            github=span(Criterion.COMMUNITY),
            releases=_span(releases),
            maintenance=span(Criterion.MAINTENANCE),
            adoption=tuple(
                (c.value, found[1])
                for c in adoption
                if (found := span(c)) is not None
            ),
            benchmarks=span(Criterion.TRAINING_SPEED),
            judged=_span(
                row[c].as_of for row in rows for c in RUBRIC_CRITERIA
            ),
        )

    def describe(self) -> str:
        """One line: each kind of figure and when it was observed."""
        parts = []
        if self.github:
            parts.append(f"GitHub figures observed {_words(self.github)}")
        if self.releases:
            parts.append(
                f"releases as read from the index on {_words(self.releases)}"
            )
        if self.maintenance:
            parts.append(
                f"maintenance scored as of {_words(self.maintenance)}"
            )
        if self.adoption:
            parts.append(
                "adoption series up to "
                + ", ".join(
                    f"{d.isoformat()} ({c.replace('_adoption', '')})"
                    for c, d in self.adoption
                )
            )
        if self.benchmarks:
            parts.append(f"speed benchmarks up to {self.benchmarks[1]}")
        if self.judged:
            parts.append(f"judgements dated {_words(self.judged)}")
        return "; ".join(parts) or f"data as of {self.as_of.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "github": _iso_span(self.github),
            "releases": _iso_span(self.releases),
            "maintenance": _iso_span(self.maintenance),
            "adoption": {c: d.isoformat() for c, d in self.adoption},
            "benchmarks": _iso_span(self.benchmarks),
            "judged": _iso_span(self.judged),
        }


@attrs.frozen(kw_only=True)
class Recommendation:
    """The ranked answer with every step that led to it.

    ``str()`` gives a short answer; :meth:`explain` the full breakdown and
    :meth:`to_dict` the JSON document (deterministic key order).
    """

    purpose: Purpose
    profile: Profile
    weights: tuple[tuple[Criterion, Fraction], ...]
    """The weights used (shares of 1, exact), after overrides."""
    overrides: tuple[tuple[str, str], ...]
    data: str
    as_of: date
    constraints: tuple[tuple[str, Any], ...]
    environment: tuple[str, ...] | None
    ranking: tuple[Ranked, ...]
    why_not: tuple[WhyNot, ...]
    robustness: Robustness | None
    excluded: tuple[Excluded, ...]
    relaxations: tuple[Relaxation, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    data_dates: DataDates | None = None
    """When each kind of figure was observed (``None`` only for results
    built by hand)."""

    @property
    def winner(self) -> str | None:
        """The first framework's key, or ``None`` when nothing survived."""
        return self.ranking[0].framework if self.ranking else None

    @property
    def margin(self) -> Fraction | None:
        """Points between first and second (``None`` with under two)."""
        if len(self.ranking) < 2:  # noqa: PLR2004
            return None
        return self.ranking[0].score - self.ranking[1].score

    def to_dict(self) -> dict[str, Any]:
        margin = self.margin
        return {
            "purpose": self.purpose.value,
            "profile": {
                "id": self.profile.purpose.value,
                "version": self.profile.version,
                "weights": {
                    c.value: pts(w * HUNDRED) for c, w in self.weights
                },
                "overrides": dict(self.overrides),
            },
            "data": {"snapshot": self.data, "as_of": self.as_of.isoformat()},
            "constraints": {
                k: list(v) if isinstance(v, tuple) else v
                for k, v in self.constraints
            },
            "environment": (
                None if self.environment is None else list(self.environment)
            ),
            "winner": self.winner,
            "margin": None if margin is None else pts(margin),
            "ranking": [r.to_dict() for r in self.ranking],
            "why_not": [w.to_dict() for w in self.why_not],
            "robustness": (
                self.robustness.to_dict() if self.robustness else None
            ),
            "excluded": [e.to_dict() for e in self.excluded],
            "relaxations": [r.to_dict() for r in self.relaxations],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "data_dates": (
                None if self.data_dates is None else self.data_dates.to_dict()
            ),
        }

    def __str__(self) -> str:
        return self.summary()

    def summary(self, top: int = 5) -> str:
        """A short ranked answer with the winner's reasons."""
        return _render.summary(self, top)

    def explain(self) -> str:
        """The full breakdown: every contribution, why-not, exclusions."""
        return _render.explain(self)
