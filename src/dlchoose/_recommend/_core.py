"""The recommender: screen, then score, then explain every point.

Method (``docs/recommendations.md``): hard constraints exclude frameworks
with stated reasons; survivors get a weighted sum of criterion values on
fixed, declared scales, computed with exact fractions.  The score splits
into per-criterion points, which gives the explanation, "why not X" (the
gap split by criterion, summing exactly to the gap) and a closed-form
robustness figure (the smallest single-weight change that changes the
winner).  Nothing here reads the clock, the network or the environment
unless asked to (``installed=True``, ``refresh=True``).
"""

from __future__ import annotations

import functools
import itertools
import math

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, Final, NamedTuple

import attrs

from .._metrics._values import RepoMetrics, bundled_snapshot
from .._registry._model import Framework, GpuBackend, Source, Status
from ..exceptions import (
    InvalidChoiceError,
    InvalidConstraintError,
    InvalidWeightsError,
    UnknownCriterionError,
)
from ._criteria import (
    CRITERIA,
    CURRENT_RATINGS,
    REQUIRABLE,
    RUBRIC_CRITERIA,
    SEED_ERA_AS_OF,
    SEED_ERA_RATINGS,
    SEED_ERA_STATUS,
    Criterion,
    Rating,
)
from ._profiles import PROFILES, Profile, Purpose
from ._speed import SEED_ERA_CUTOFF, SPEED


__all__ = [
    "Contribution",
    "Excluded",
    "Failure",
    "Flip",
    "Ranked",
    "Recommendation",
    "Relaxation",
    "Robustness",
    "WhyNot",
    "recommend",
]

DATA_ERAS: Final = ("current", "seed_era")
MISSING_MODES: Final = ("pessimistic", "neutral")
UNKNOWN_MODES: Final = ("exclude", "keep")
GPU_VENDORS: Final[Mapping[str, GpuBackend]] = {
    "amd": GpuBackend.ROCM,
    "apple": GpuBackend.METAL,
    "intel": GpuBackend.XPU,
    "nvidia": GpuBackend.CUDA,
    "tpu": GpuBackend.TPU,
}
_STARS_LO: Final = 3  # log10(1e3)
_STARS_HI: Final = math.log10(2e5)
_STALE_DAYS: Final = 365
_HUNDRED: Final = Fraction(100)
_UNMAINTAINED_ZERO: Final = frozenset(
    {Status.DISCONTINUED, Status.ARCHIVED, Status.RETIRED, Status.MERGED}
)
_SPEED_SOURCE: Final = Source(
    title="dlchoose training-speed fit over benchmarks.csv (benchmarks.md §5: cell-effect log-speed model, ridge 1)",
    date=date(2026, 11, 26),
)
_SNAPSHOT_SOURCE_TITLE: Final = "GitHub stars"
_NO_SEED_STARS: Final = (
    "community is unknown for every framework in the seed-era data: no"
    " dated 2017-2018 star counts are bundled, and the older 2016 counts"
    " predate PyTorch"
)


# -- results ---------------------------------------------------------------


def _pts(value: Fraction) -> float:
    """Points for JSON: a float rounded to 3 decimals (exact values stay on
    the objects)."""
    return round(float(value), 3)


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

    @property
    def known(self) -> bool:
        return self.x == self.x_max

    @property
    def points(self) -> Fraction:
        """``100 * weight * x``: what this criterion adds to the score."""
        return _HUNDRED * self.weight * self.x

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion.value,
            "value": self.value,
            "x": _pts(self.x),
            "weight": _pts(_HUNDRED * self.weight),
            "points": _pts(self.points),
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
    _parts: tuple[tuple[Criterion, _Cell, Fraction, Fraction], ...] = (
        attrs.field(eq=False, repr=False)
    )

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        """Every criterion's value, weight, points and sources."""
        return tuple(
            Contribution(
                criterion=criterion,
                value=cell.value,
                x=x,
                x_max=cell.x_max,
                weight=weight,
                sources=cell.sources,
                as_of=cell.as_of,
                note=cell.note,
            )
            for criterion, cell, x, weight in self._parts
        )

    @property
    def score_max(self) -> Fraction:
        """Points if every unknown value were as good as possible."""
        return self.score + sum(
            (
                _HUNDRED * weight * (cell.x_max - x)
                for _, cell, x, weight in self._parts
                if cell.x_max != x
            ),
            Fraction(0),
        )

    @property
    def coverage(self) -> Fraction:
        """Share of the weight carried by known values."""
        return sum(
            (weight for _, cell, _, weight in self._parts if cell.known),
            Fraction(0),
        )

    @property
    def unknown(self) -> tuple[Criterion, ...]:
        """Weighted criteria whose value is not (fully) known."""
        return tuple(
            criterion
            for criterion, cell, _, weight in self._parts
            if weight and not cell.known
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "framework": self.framework,
            "name": self.name,
            "score": _pts(self.score),
            "score_interval": [_pts(self.score), _pts(self.score_max)],
            "coverage": _pts(self.coverage),
            "tie_broken_by": self.tie_broken_by,
            "near_tie": self.near_tie,
            "contributions": [c.to_dict() for c in self.contributions],
        }


@attrs.frozen(kw_only=True)
class Flip:
    """A single-weight change that makes *challenger* tie with the winner."""

    criterion: str
    direction: str
    """``increase`` or ``decrease``."""
    challenger: str
    from_weight: Fraction
    to_weight: Fraction

    @property
    def points(self) -> Fraction:
        return abs(self.to_weight - self.from_weight) * _HUNDRED

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "direction": self.direction,
            "challenger": self.challenger,
            "from": _pts(self.from_weight * _HUNDRED),
            "to": _pts(self.to_weight * _HUNDRED),
            "points": _pts(self.points),
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
            "gap": _pts(self.gap),
            "by_criterion": [[c, _pts(p)] for c, p in self.by_criterion],
            "dominated": self.dominated,
            "weight_to_tie": (
                self.weight_to_tie.to_dict() if self.weight_to_tie else None
            ),
            "value_to_tie": [
                {"criterion": c, "from": _pts(a), "to": _pts(b), "feasible": f}
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
            "min_flip_points": (None if flip is None else _pts(flip.points)),
            "criterion": None if flip is None else flip.criterion,
            "direction": None if flip is None else flip.direction,
            "challenger": None if flip is None else flip.challenger,
            "new_weight": (
                None if flip is None else _pts(flip.to_weight * _HUNDRED)
            ),
            "label": self.label,
            "stability_intervals": {
                c: [_pts(lo), _pts(hi)] for c, lo, hi in self.stability
            },
            "data_robust": self.data_robust,
            "decisive_unknowns": list(self.decisive_unknowns),
        }


@attrs.frozen(kw_only=True)
class Failure:
    """One hard constraint a framework fails, with the evidence."""

    constraint: str
    reason: str
    sources: tuple[Source, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "constraint": self.constraint,
            "reason": self.reason,
            "sources": [s.to_dict() for s in self.sources],
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
                    c.value: _pts(w * _HUNDRED) for c, w in self.weights
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
            "margin": None if margin is None else _pts(margin),
            "ranking": [r.to_dict() for r in self.ranking],
            "why_not": [w.to_dict() for w in self.why_not],
            "robustness": (
                self.robustness.to_dict() if self.robustness else None
            ),
            "excluded": [e.to_dict() for e in self.excluded],
            "relaxations": [r.to_dict() for r in self.relaxations],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }

    def __str__(self) -> str:
        return self.summary()

    def _header(self) -> str:
        constraints = dict(self.constraints)
        parts = [
            f"{self.purpose.value} (profile v{self.profile.version};"
            f" data {self.data} as of {self.as_of.isoformat()};"
            f" core gate {'on' if constraints['core_gate'] else 'off'};"
            " unmaintained "
            + (
                "included"
                if constraints["include_unmaintained"]
                else "excluded"
            )
            + ")"
        ]
        return parts[0]

    def summary(self, top: int = 5) -> str:
        """A short ranked answer with the winner's reasons."""
        lines = [self._header()]
        if not self.ranking:
            lines.append("No framework meets every constraint.")
            lines.extend(
                "  drop " + " + ".join(r.dropped) + f" -> {r.winner} first"
                for r in self.relaxations
            )
            if not self.relaxations:
                lines.append(
                    "  no combination of at most three relaxations helps"
                )
            return "\n".join(lines)
        width = max(len(r.name) for r in self.ranking[:top])
        for entry in self.ranking[:top]:
            line = f"{entry.rank:>2}. {entry.name:<{width}}  {float(entry.score):5.1f}"
            if entry.rank == 1:
                line += self._lead()
            lines.append(line)
        if len(self.ranking) > top:
            lines.append(f"    … {len(self.ranking) - top} more")
        lines.append(self._why_winner())
        if self.why_not:
            lines.append(_why_not_line(self.why_not[0], self._name))
        lines.extend(self.notes)
        return "\n".join(lines)

    def _name(self, key: str) -> str:
        for entry in self.ranking:
            if entry.framework == key:
                return entry.name
        return key  # pragma: no cover - why-not names ranked frameworks

    def _lead(self) -> str:
        margin = self.margin
        if margin is None:
            return "   the only framework left"
        robust = self.robustness
        assert robust is not None  # noqa: S101 - set whenever ranked
        text = f"   lead +{float(margin):.1f} over {self.ranking[1].name}; {robust.label}"
        flip = robust.min_flip_points
        if flip is not None:
            text += f" (needs >= {float(flip):.1f} weight points to flip)"
        return text

    def _why_winner(self) -> str:
        best = self.ranking[0]
        items = sorted(
            (c for c in best.contributions if c.weight),
            key=lambda c: (-c.points, c.criterion.value),
        )
        shown = ", ".join(
            f"{c.criterion.value} {float(c.points):.1f}/{float(c.weight * _HUNDRED):.0f}"
            + ("" if c.known else " (unknown)")
            for c in items
        )
        return f"Why {best.name}: {shown}"

    def explain(self) -> str:
        """The full breakdown: every contribution, why-not, exclusions."""
        lines = [self.summary(top=len(self.ranking) or 1), ""]
        numbers: dict[Source, int] = {}
        for entry in self.ranking:
            lines.append(
                f"{entry.rank}. {entry.name} ({entry.framework}):"
                f" {float(entry.score):.1f} points"
                + (
                    f" (up to {float(entry.score_max):.1f} if unknowns were"
                    " best)"
                    if entry.score_max != entry.score
                    else ""
                )
                + (
                    f"; tie broken by {entry.tie_broken_by}"
                    if entry.tie_broken_by
                    else ""
                )
            )
            for c in sorted(
                entry.contributions,
                key=lambda c: (-c.points, c.criterion.value),
            ):
                marks = "".join(
                    f"[{numbers.setdefault(s, len(numbers) + 1)}]"
                    for s in c.sources
                )
                raw = "unknown" if c.value is None else str(c.value)
                lines.append(
                    f"   {c.criterion.value:<16} {float(c.points):5.1f}"
                    f" / {float(c.weight * _HUNDRED):4.1f}  value {raw}"
                    + (f" ({c.note})" if c.note else "")
                    + f" {marks}"
                )
        lines.extend(_why_not_line(why, self._name) for why in self.why_not)
        if self.robustness is not None and self.ranking:
            lines.append(_robustness_line(self.robustness))
        for excluded in self.excluded:
            reasons = "; ".join(f.reason for f in excluded.failed)
            lines.append(f"Excluded: {excluded.name} - {reasons}")
        lines.extend(f"Warning: {w}" for w in self.warnings)
        if numbers:
            lines += ["", "Sources:"]
            for source, number in numbers.items():
                where = f" <{source.url}>" if source.url else ""
                when = f", {source.date.isoformat()}" if source.date else ""
                lines.append(f"  [{number}] {source.title}{where}{when}")
        return "\n".join(lines)


def _why_not_line(why: WhyNot, name: Any) -> str:
    ahead = ", ".join(
        f"{c} +{float(p):.1f}" for c, p in why.by_criterion if p > 0
    )
    behind = ", ".join(
        f"{c} {float(p):.1f}" for c, p in why.by_criterion if p < 0
    )
    text = f"Why not {name(why.framework)} (-{float(why.gap):.1f}): {ahead}"
    if behind:
        text += f" | {behind}"
    if why.dominated:
        text += " (no weighting ranks it above the winner)"
    return text


def _robustness_line(robust: Robustness) -> str:
    flip = robust.min_flip
    if flip is None:
        return f"Robustness: {robust.label}; no single weight change flips the winner"
    return (
        f"Robustness: {robust.label}; {flip.direction} {flip.criterion} from"
        f" {float(flip.from_weight * _HUNDRED):.1f} to"
        f" {float(flip.to_weight * _HUNDRED):.1f} and {flip.challenger} ties"
    )


# -- weights -----------------------------------------------------------------


def _criterion(
    name: object, allowed: Sequence[Criterion] = tuple(Criterion)
) -> Criterion:
    """*name* (``-`` read as ``_``) as one of the *allowed* criteria."""
    try:
        criterion = Criterion.parse(
            name.replace("-", "_") if isinstance(name, str) else name
        )
    except InvalidChoiceError:
        criterion = None
    if criterion is None or criterion not in allowed:
        raise UnknownCriterionError(str(name), [c.value for c in allowed])
    return criterion


def _exact(value: object, criterion: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(
        value, (int, float, Fraction)
    ):
        raise InvalidWeightsError(
            f"weight of {criterion!r} must be a number, not {value!r}"
        )
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidWeightsError(
                f"weight of {criterion!r} must be finite, not {value!r}"
            )
        exact = Fraction(repr(value))
    else:
        exact = Fraction(value)
    if exact < 0:
        raise InvalidWeightsError(
            f"weight of {criterion!r} must not be negative, not {value!r}"
        )
    return exact


def _roc(n: int) -> tuple[Fraction, ...]:
    """Rank-order centroid weights for *n* ranked criteria."""
    return tuple(
        sum((Fraction(1, k) for k in range(i, n + 1)), Fraction(0)) / n
        for i in range(1, n + 1)
    )


def resolve_weights(
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    priorities: Sequence[str] | None = None,
) -> tuple[
    tuple[tuple[Criterion, Fraction], ...], tuple[tuple[str, str], ...]
]:
    """The exact weights (shares of 1) and a record of the overrides.

    Raises:
        UnknownCriterionError: a key or priority names no criterion.
        InvalidWeightsError: negative, non-finite or all-zero weights,
            repeated priorities, or both *weights* and *priorities*.
    """
    raw: dict[Criterion, Fraction] = {
        c: Fraction(w) for c, w in profile.weights
    }
    overrides: list[tuple[str, str]] = []
    if weights is not None and priorities is not None:
        raise InvalidWeightsError("give weights or priorities, not both")
    if priorities is not None:
        ranked = [_criterion(p) for p in priorities]
        if len(set(ranked)) != len(ranked):
            raise InvalidWeightsError("priorities must not repeat a criterion")
        if not ranked:
            raise InvalidWeightsError("priorities must name a criterion")
        raw = dict.fromkeys(Criterion, Fraction(0))
        for criterion, share in zip(ranked, _roc(len(ranked)), strict=True):
            raw[criterion] = share
        overrides.append(("priorities", ",".join(c.value for c in ranked)))
    if weights is not None:
        for name, value in weights.items():
            criterion = _criterion(name)
            raw[criterion] = _exact(value, criterion.value)
            overrides.append((criterion.value, str(raw[criterion])))
    total = sum(raw.values(), Fraction(0))
    if total == 0:
        raise InvalidWeightsError("weights must not all be zero")
    return (
        tuple((c, raw[c] / total) for c in Criterion),
        tuple(sorted(overrides)),
    )


# -- the maths: exact integers over common denominators ------------------
#
# Every x is a fraction; a table stores the numerators over one common
# denominator, the weights likewise, so scores, gaps and flip points are
# integer arithmetic (fast) and still exact.  Fractions are built only for
# what is reported.


def _lcm(values: Iterable[int]) -> int:
    result = 1
    for value in values:
        result = result * value // math.gcd(result, value)
    return result


class Weights(NamedTuple):
    """Exact weights as integer numerators over one denominator."""

    criteria: tuple[str, ...]
    nums: tuple[int, ...]
    denom: int

    @classmethod
    def of(cls, weights: Mapping[str, Fraction]) -> Weights:
        criteria = tuple(weights)
        denom = _lcm(Fraction(weights[c]).denominator for c in criteria)
        return cls(
            criteria,
            tuple(int(Fraction(weights[c]) * denom) for c in criteria),
            denom,
        )

    def share(self, j: int) -> Fraction:
        return Fraction(self.nums[j], self.denom)

    def order(self) -> tuple[int, ...]:
        """Criterion indexes by descending weight, then id (tie-breaking)."""
        return tuple(
            sorted(
                range(len(self.criteria)),
                key=lambda j: (-self.nums[j], self.criteria[j]),
            )
        )


class Matrix(NamedTuple):
    """Exact x values: integer numerators over one denominator."""

    rows: Mapping[str, tuple[int, ...]]
    denom: int

    @classmethod
    def of(
        cls,
        table: Mapping[str, Mapping[str, Fraction]],
        criteria: Sequence[str],
    ) -> Matrix:
        denom = _lcm(
            Fraction(row[c]).denominator
            for row in table.values()
            for c in criteria
        )
        return cls(
            {
                name: tuple(int(Fraction(row[c]) * denom) for c in criteria)
                for name, row in table.items()
            },
            denom,
        )

    def x(self, name: str, j: int) -> Fraction:
        return Fraction(self.rows[name][j], self.denom)


def _scores(m: Matrix, w: Weights) -> dict[str, int]:
    """Score numerators over ``m.denom * w.denom``."""
    nums = w.nums
    return {
        name: sum(a * b for a, b in zip(nums, row, strict=True))
        for name, row in m.rows.items()
    }


def _points(numerator: int, m: Matrix, w: Weights) -> Fraction:
    return Fraction(100 * numerator, m.denom * w.denom)


def rank(
    m: Matrix,
    w: Weights,
    scores: Mapping[str, int] | None = None,
    names: Iterable[str] | None = None,
) -> tuple[tuple[str, int, str | None], ...]:
    """(name, score numerator, tie_broken_by) sorted by the full §9 key."""
    s = _scores(m, w) if scores is None else scores
    order = w.order()
    rows = m.rows
    pool = m.rows if names is None else names
    ordered = sorted(
        pool,
        key=lambda n: (-s[n], *(-rows[n][j] for j in order), n),
    )
    result: list[tuple[str, int, str | None]] = []
    for i, name in enumerate(ordered):
        broken = None
        if i and s[ordered[i - 1]] == s[name]:
            above = rows[ordered[i - 1]]
            broken = next(
                (w.criteria[j] for j in order if above[j] != rows[name][j]),
                "framework",
            )
        result.append((name, s[name], broken))
    return tuple(result)


def gap_split(
    m: Matrix, w: Weights, a: str, b: str
) -> tuple[tuple[str, Fraction], ...]:
    """Points per criterion by which *a* leads *b*, largest first.

    The items sum exactly to the gap in points; zero items are left out.
    """
    ra, rb = m.rows[a], m.rows[b]
    items = [
        (c, _points(n * (ra[j] - rb[j]), m, w))
        for j, (c, n) in enumerate(zip(w.criteria, w.nums, strict=True))
        if n and ra[j] != rb[j]
    ]
    return tuple(sorted(items, key=lambda item: (-item[1], item[0])))


def flip_point(
    gap: Fraction, weight: Fraction, diff: Fraction
) -> tuple[Fraction, str] | None:
    """§12 for one pair and criterion: the tie weight ``t*`` and direction.

    *gap* is ``S_A - S_B >= 0``, *weight* the criterion's weight and
    *diff* ``x_A - x_B`` on it.  With ``R = (D - w d) / (1 - w)``,
    ``t* = R / (R - d) = (D - w d) / (D - d)``.  ``None`` when moving this
    weight alone cannot make B catch A.
    """
    if weight == 1:
        return None
    rest = gap - weight * diff
    if diff < 0:
        return rest / (gap - diff), "increase"
    if rest < 0:
        return rest / (gap - diff), "decrease"
    return None


def _flip_int(
    gap: int, wn: int, wd: int, dn: int
) -> tuple[int, int, str] | None:
    """:func:`flip_point` in table units; ``t* = num / den``."""
    if wn == wd:
        return None
    rest = gap - wn * dn
    if dn < 0:
        return rest, gap - dn * wd, "increase"
    if rest < 0:
        return rest, gap - dn * wd, "decrease"
    return None


def robustness_of(
    m: Matrix,
    w: Weights,
    winner: str,
    names: Iterable[str],
    scores: Mapping[str, int] | None = None,
) -> tuple[
    Flip | None, tuple[tuple[str, Fraction, Fraction], ...], dict[str, Flip]
]:
    """Smallest flip, stability intervals (points), best flip per rival."""
    s = _scores(m, w) if scores is None else scores
    wd = w.denom
    best = m.rows[winner]
    k = len(w.criteria)
    lower: list[tuple[int, int]] = [(0, 1)] * k
    upper: list[tuple[int, int]] = [(1, 1)] * k
    chosen: dict[str, tuple[int, int, int, int, int, str]] = {}
    for name in sorted(names):
        if name == winner:
            continue
        other = m.rows[name]
        gap = s[winner] - s[name]
        for j in range(k):
            wn = w.nums[j]
            dn = best[j] - other[j]
            found = _flip_int(gap, wn, wd, dn)
            if found is None:
                continue
            num, den, direction = found
            if den < 0:
                num, den = -num, -den
            if direction == "increase":
                if num * upper[j][1] < upper[j][0] * den:
                    upper[j] = (num, den)
            elif num * lower[j][1] > lower[j][0] * den:
                lower[j] = (num, den)
            # |t* - w| = gap (wd - wn) / (|gap - dn wd| wd)
            far, scale = gap * (wd - wn), abs(gap - dn * wd) * wd
            mine = chosen.get(name)
            if mine is None or far * mine[1] < mine[0] * scale:
                chosen[name] = (far, scale, j, num, den, direction)
    per_challenger = {
        name: Flip(
            criterion=w.criteria[j],
            direction=direction,
            challenger=name,
            from_weight=w.share(j),
            to_weight=Fraction(num, den),
        )
        for name, (_, _, j, num, den, direction) in chosen.items()
    }
    overall = min(
        per_challenger.values(),
        key=lambda f: (f.points, f.challenger),
        default=None,
    )
    stability = tuple(
        (
            w.criteria[j],
            Fraction(100 * lower[j][0], lower[j][1]),
            Fraction(100 * upper[j][0], upper[j][1]),
        )
        for j in sorted(range(k), key=lambda j: w.criteria[j])
    )
    return overall, stability, per_challenger


def robustness_label(flip: Flip | None) -> str:
    if flip is None or flip.points >= 10:  # noqa: PLR2004
        return "robust"
    if flip.points >= 5:  # noqa: PLR2004
        return "moderate"
    return "fragile"


def values_to_tie(
    m: Matrix, w: Weights, a: str, b: str
) -> tuple[tuple[str, Fraction, Fraction, bool], ...]:
    """§11: how far *b* must improve on one criterion alone to tie *a*."""
    s = _scores(m, w)
    gap = Fraction(s[a] - s[b], m.denom * w.denom)
    result = []
    for j in w.order():
        if not w.nums[j]:
            continue
        now = m.x(b, j)
        needed = now + gap / w.share(j)
        result.append((w.criteria[j], now, needed, needed <= 1))
    return tuple(result)


# -- criterion values ----------------------------------------------------------


class _Cell(NamedTuple):
    value: int | float | None
    x: Fraction
    x_max: Fraction
    sources: tuple[Source, ...]
    as_of: date | None
    note: str | None = None
    known: bool = True
    """Whether ``x == x_max`` (stored: it is asked for on every call)."""


_UNKNOWN_CELL: Final = _Cell(
    value=None,
    x=Fraction(0),
    x_max=Fraction(1),
    sources=(),
    as_of=None,
    known=False,
)


def _ratings(era: str, key: str) -> dict[Criterion, Rating]:
    merged = dict(CURRENT_RATINGS.get(key, {}))
    if era == "seed_era":
        merged.update(SEED_ERA_RATINGS.get(key, {}))
    return merged


def _rubric_x(criterion: Criterion, value: int) -> Fraction:
    spec = CRITERIA[criterion]
    return Fraction(min(value, spec.levels), spec.levels)


def _rubric_cell(
    era: str,
    key: str,
    criterion: Criterion,
    seen: frozenset[str] = frozenset(),
) -> _Cell:
    rating = _ratings(era, key).get(criterion)
    if rating is None:
        return _UNKNOWN_CELL
    best: tuple[int, tuple[Source, ...], str | None] | None = None
    if rating.value is not None:
        best = (rating.value, rating.sources, rating.note)
    for base in rating.via:
        if base in seen:  # pragma: no cover - the data has no cycles
            continue
        cell = _rubric_cell(era, base, criterion, seen | {key})
        if cell.value is not None and (
            best is None or int(cell.value) > best[0]
        ):
            best = (
                int(cell.value),
                (*rating.sources, *cell.sources),
                f"via {base}" + (f": {cell.note}" if cell.note else ""),
            )
    if best is None:
        return _UNKNOWN_CELL._replace(
            sources=rating.sources,
            as_of=rating.as_of,
            note=rating.note or "unknown",
        )
    x = _rubric_x(criterion, best[0])
    return _Cell(
        value=best[0],
        x=x,
        x_max=x,
        sources=best[1],
        as_of=rating.as_of,
        note=best[2],
    )


def _speed_cell(era: str, key: str, cnn: Fraction, rnn: Fraction) -> _Cell:
    tasks = SPEED[era].get(key, {})
    if not tasks:
        return _UNKNOWN_CELL
    if cnn + rnn == 0:
        cnn = rnn = Fraction(1)
    share = {"cnn": cnn / (cnn + rnn), "rnn": rnn / (cnn + rnn)}
    x = Fraction(0)
    missing = Fraction(0)
    parts = []
    value = Fraction(0)
    for task in ("cnn", "rnn"):
        found = tasks.get(task)
        if found is None:
            missing += share[task]
            parts.append(f"{task.upper()} unknown")
            continue
        task_score, n_sources, n_cells, _, _ = found
        exact = Fraction(round(task_score * 1000), 1000)
        x += share[task] * exact
        value += share[task] * exact
        parts.append(
            f"{task.upper()} {task_score:.3f} ({n_sources} sources/{n_cells} cells"
            + (", provisional" if n_sources < 2 else "")  # noqa: PLR2004
            + ")"
        )
    last = max(found[4] for found in tasks.values())
    era_text = (
        f"rows up to {SEED_ERA_CUTOFF}" if era == "seed_era" else "all rows"
    )
    return _Cell(
        value=round(float(value), 3),
        x=x,
        x_max=x + missing,
        sources=(_SPEED_SOURCE,),
        as_of=date.fromisoformat((last + "-01")[:10]),
        note="; ".join(parts) + f"; {era_text}",
        known=missing == 0,
    )


def _community_x(stars: int) -> Fraction:
    if stars <= 0:
        return Fraction(0)
    raw = (math.log10(stars) - _STARS_LO) / (_STARS_HI - _STARS_LO)
    return Fraction(round(min(1.0, max(0.0, raw)) * 1000), 1000)


def _metrics_for(
    framework: Framework, metrics: Mapping[str, RepoMetrics]
) -> RepoMetrics | None:
    for repo in (framework.repository, *framework.former_repositories):
        if repo and repo.casefold() in metrics:
            return metrics[repo.casefold()]
    return None


def _community_cell(found: RepoMetrics | None) -> _Cell:
    if found is None:
        return _UNKNOWN_CELL._replace(note="no star count")
    x = _community_x(found.stars)
    observed = found.observed_at.date()
    title = (
        f"{_SNAPSHOT_SOURCE_TITLE} of {found.full_name} ({found.source.value})"
    )
    if found.provenance:
        title += f": {found.provenance}"
    return _Cell(
        value=found.stars,
        x=x,
        x_max=x,
        sources=(Source(title=title, url=found.url, date=observed),),
        as_of=observed,
    )


def _maintenance_level(
    status: Status, released: date | None, as_of: date
) -> int | None:
    if status in _UNMAINTAINED_ZERO:
        return 0
    if released is None:
        return None
    days = (as_of - released).days
    for limit, level in ((183, 4), (365, 3), (730, 2)):
        if days <= limit:
            return level
    return 1


def _maintenance_cell(
    status: Status,
    released: date | None,
    as_of: date,
    *,
    archived: bool,
    sources: tuple[Source, ...],
) -> _Cell:
    level = 0 if archived else _maintenance_level(status, released, as_of)
    if level is None:
        return _UNKNOWN_CELL._replace(sources=sources, note="no dated release")
    x = _rubric_x(Criterion.MAINTENANCE, level)
    note = (
        "repository archived"
        if archived
        else f"status {status.value}"
        + (
            f"; latest release {released.isoformat()}, {(as_of - released).days} days before {as_of.isoformat()}"
            if released
            else ""
        )
    )
    return _Cell(
        value=level, x=x, x_max=x, sources=sources, as_of=as_of, note=note
    )


def _latest_release(
    framework: Framework, found: RepoMetrics | None
) -> tuple[date | None, tuple[Source, ...]]:
    """The newer of the catalog's and the metrics' latest release dates.

    Metrics fetched after the catalog was written may know a newer release;
    its source joins the maintenance sources only when it is the newer one.
    """
    catalog = (
        framework.latest_release.date if framework.latest_release else None
    )
    release = found.latest_release if found else None
    if found is None or release is None or release.published_at is None:
        return catalog, ()
    published = release.published_at.date()
    if catalog is not None and catalog >= published:
        return catalog, ()
    source = Source(
        title=f"GitHub release {release.tag} of {found.full_name} ({found.source.value})",
        url=f"{found.url}/releases/tag/{release.tag}",
        date=published,
    )
    return published, (source,)


# -- the pipeline ---------------------------------------------------------------


class _Candidate(NamedTuple):
    framework: Framework
    status: Status
    status_date: date | None
    status_sources: tuple[Source, ...]
    archived: bool
    cells: Mapping[Criterion, _Cell]
    in_era: bool


def _choice(value: object, choices: Iterable[str], what: str) -> str:
    folded = value.strip().lower() if isinstance(value, str) else value
    options = tuple(choices)
    if folded not in options:
        raise InvalidConstraintError(str(value), options, constraint=what)
    return str(folded)


def _candidates(
    frameworks: Sequence[Framework],
    era: str,
    metrics: Mapping[str, RepoMetrics],
    as_of: date,
    cnn: Fraction,
    rnn: Fraction,
) -> tuple[_Candidate, ...]:
    result = []
    for framework in frameworks:
        key = framework.key
        cells: dict[Criterion, _Cell] = {
            c: _rubric_cell(era, key, c) for c in RUBRIC_CRITERIA
        }
        cells[Criterion.TRAINING_SPEED] = _speed_cell(era, key, cnn, rnn)
        if era == "seed_era":
            in_era = key in SEED_ERA_STATUS
            if in_era:
                status, since, source = SEED_ERA_STATUS[key]
                status_sources: tuple[Source, ...] = (source,)
            else:  # excluded anyway; the registry's status, undated
                status, since = framework.status, None
                status_sources = framework.sources_for("status")
            archived = False
            cells[Criterion.COMMUNITY] = _UNKNOWN_CELL._replace(
                note=_NO_SEED_STARS
            )
            released = since
            release_sources: tuple[Source, ...] = ()
        else:
            in_era = True
            status, since = framework.status, framework.status_date
            status_sources = framework.sources_for("status")
            found = _metrics_for(framework, metrics)
            archived = bool(found and found.archived)
            cells[Criterion.COMMUNITY] = _community_cell(found)
            released, release_sources = _latest_release(framework, found)
            if archived and found is not None:
                status_sources = (
                    *status_sources,
                    *cells[Criterion.COMMUNITY].sources,
                )
        cells[Criterion.MAINTENANCE] = _maintenance_cell(
            status,
            released,
            as_of,
            archived=archived,
            sources=(*status_sources, *release_sources)
            or framework.sources_for("latest_release"),
        )
        result.append(
            _Candidate(
                framework=framework,
                status=status,
                status_date=since,
                status_sources=status_sources,
                archived=archived,
                cells=cells,
                in_era=in_era,
            )
        )
    return tuple(result)


def _gpu_backends(
    framework: Framework, by_key: Mapping[str, Framework]
) -> set[GpuBackend]:
    backends = set(framework.gpu_backends)
    if not backends:
        for base in framework.builds_on:
            if base in by_key:
                backends |= set(by_key[base].gpu_backends)
    return backends


def _screen(  # noqa: C901, PLR0912, PLR0913
    candidate: _Candidate,
    *,
    by_key: Mapping[str, Framework],
    language: str | None,
    environment: frozenset[str] | None,
    require: tuple[Criterion, ...],
    gpu_vendor: str | None,
    include_unmaintained: bool,
    core_gate: bool,
    keep_unknown: bool,
    era: str,
) -> tuple[tuple[Failure, ...], tuple[str, ...]]:
    """Failed constraints, and warnings for unknowns kept under ``keep``."""
    framework = candidate.framework
    failures: list[Failure] = []
    kept: list[str] = []

    def unknown(constraint: str, what: str) -> None:
        if keep_unknown:
            kept.append(f"{framework.name}: cannot verify {what}; kept")
        else:
            failures.append(
                Failure(constraint=constraint, reason=f"cannot verify {what}")
            )

    if not candidate.in_era:
        failures.append(
            Failure(
                constraint="data",
                reason=f"no seed-era data: not public by {SEED_ERA_AS_OF.isoformat()}",
            )
        )
    if language is not None:
        if not framework.languages:
            unknown("language", "the API languages")
        elif language.casefold() not in {
            lang.casefold() for lang in framework.languages
        }:
            failures.append(
                Failure(
                    constraint="language",
                    reason=f"no official {language} API (has {', '.join(framework.languages)})",
                    sources=framework.sources_for("languages"),
                )
            )
    if environment is not None and framework.key not in environment:
        failures.append(
            Failure(
                constraint="installed",
                reason="not installed in this environment",
            )
        )
    for criterion in require:
        cell = candidate.cells[criterion]
        spec = CRITERIA[criterion]
        if cell.value is None:
            unknown(f"require:{criterion.value}", f"{spec.label}")
        elif cell.x < Fraction(spec.supported_level, spec.levels):
            failures.append(
                Failure(
                    constraint=f"require:{criterion.value}",
                    reason=f"{spec.label} {cell.value}/{spec.levels}",
                    sources=cell.sources,
                )
            )
    if gpu_vendor is not None:
        backends = _gpu_backends(framework, by_key)
        wanted = GPU_VENDORS[gpu_vendor]
        if not backends:
            unknown("gpu_vendor", "GPU back ends")
        elif wanted not in backends:
            failures.append(
                Failure(
                    constraint="gpu_vendor",
                    reason=f"no supported {gpu_vendor} GPU back end ({wanted.value})",
                    sources=framework.sources_for("gpu_backends"),
                )
            )
    if not include_unmaintained and (
        not candidate.status.maintained or candidate.archived
    ):
        when = (
            f" since {candidate.status_date.isoformat()}"
            if candidate.status_date
            else ""
        )
        parts = []
        if not candidate.status.maintained:
            parts.append(f"status {candidate.status.value}{when}")
        if candidate.archived:
            parts.append("repository archived")
        what = "; ".join(parts)
        era_text = " (seed-era status)" if era == "seed_era" else ""
        failures.append(
            Failure(
                constraint="include_unmaintained",
                reason=f"unmaintained: {what}{era_text}",
                sources=candidate.status_sources,
            )
        )
    if core_gate:
        for criterion in (Criterion.GRAPHS, Criterion.AUTODIFF, Criterion.GPU):
            cell = candidate.cells[criterion]
            spec = CRITERIA[criterion]
            if cell.value is None:
                unknown("core_gate", f"core quality: {spec.label}")
            elif cell.x < Fraction(spec.supported_level, spec.levels):
                failures.append(
                    Failure(
                        constraint="core_gate",
                        reason=f"fails core quality: {spec.label} ({cell.value}/{spec.levels})",
                        sources=cell.sources,
                    )
                )
    return tuple(failures), tuple(kept)


class _Prepared(NamedTuple):
    """Everything that depends only on the data, not on the weights."""

    candidates: tuple[_Candidate, ...]
    x: Mapping[str, tuple[Fraction, ...]]
    matrix: Matrix
    unknown: Mapping[str, tuple[int, ...]]
    """Indexes (in Criterion order) of values that are not fully known."""


_CRITERIA_IDS: Final = tuple(c.value for c in Criterion)


@functools.lru_cache(maxsize=64)
def _prepare(
    frameworks: tuple[Framework, ...],
    era: str,
    metrics: tuple[tuple[str, RepoMetrics], ...],
    as_of: date,
    cnn: Fraction,
    rnn: Fraction,
    missing: str,
) -> _Prepared:
    candidates = _candidates(frameworks, era, dict(metrics), as_of, cnn, rnn)
    x: dict[str, tuple[Fraction, ...]] = {}
    for candidate in candidates:
        row = []
        for criterion in Criterion:
            cell = candidate.cells[criterion]
            value = cell.x
            if missing == "neutral" and not cell.known:
                value = cell.x + (cell.x_max - cell.x) / 2
            row.append(value)
        x[candidate.framework.key] = tuple(row)
    table = {
        key: dict(zip(_CRITERIA_IDS, row, strict=True))
        for key, row in x.items()
    }
    unknown = {
        c.framework.key: tuple(
            j
            for j, criterion in enumerate(Criterion)
            if not c.cells[criterion].known
        )
        for c in candidates
    }
    return _Prepared(candidates, x, Matrix.of(table, _CRITERIA_IDS), unknown)


def _relaxations(
    failed: Mapping[str, tuple[str, ...]], m: Matrix, w: Weights
) -> tuple[Relaxation, ...]:
    relaxable = sorted(
        {c for names in failed.values() for c in names}
        - {"data", "core_gate", "include_unmaintained"}
    )
    relaxable += [
        c
        for c in ("core_gate", "include_unmaintained")
        if any(c in names for names in failed.values())
    ]
    found: list[Relaxation] = []
    for size in range(1, 4):
        for dropped in itertools.combinations(relaxable, size):
            allowed = [
                key
                for key, names in failed.items()
                if set(names) <= set(dropped)
            ]
            if allowed:
                ranked = rank(m, w, names=allowed)
                found.append(
                    Relaxation(
                        dropped=dropped,
                        winner=ranked[0][0],
                        top=tuple(name for name, _, _ in ranked[:3]),
                    )
                )
        if found:
            break
    return tuple(found)


def _classic_note(
    profile: Profile,
    ranking: Sequence[Ranked],
    m: Matrix,
    w: Weights,
    names: Mapping[str, str],
    excluded: Mapping[str, Excluded],
) -> tuple[str, ...]:
    pick, claim = profile.classic_pick, profile.classic_claim
    if not pick or not ranking or pick not in names:
        return ()
    winner = ranking[0]
    if pick == winner.framework:
        return (f"Agrees with the classic advice ({claim}).",)
    if pick in excluded:
        reasons = "; ".join(f.reason for f in excluded[pick].failed)
        return (
            (
                f"The classic advice says {claim}; {names[pick]} is excluded"
                f" here: {reasons}."
            ),
        )
    ahead = gap_split(m, w, winner.framework, pick)
    items = ", ".join(f"{c} {float(p):+.1f}" for c, p in ahead)
    gap = sum((p for _, p in ahead), Fraction(0))
    return (
        (
            f"Today's data disagrees with the classic advice ({claim}):"
            f" {winner.name} leads {names[pick]} by {float(gap):.1f} points"
            f" ({items})."
        ),
    )


def _resolve_metrics(
    metrics: Iterable[RepoMetrics] | None,
    *,
    refresh: bool,
    token: str | None = None,
) -> tuple[dict[str, RepoMetrics], date, tuple[str, ...]]:
    notes: tuple[str, ...] = ()
    if metrics is None and refresh:
        from .._metrics._client import fetch_metrics

        report = fetch_metrics(token=token)
        metrics = report.results
        notes = tuple(report.notes)
    if metrics is None:
        snapshot = bundled_snapshot()
        return (
            {m.full_name.casefold(): m for m in snapshot},
            snapshot.as_of,
            notes,
        )
    by_name: dict[str, RepoMetrics] = {}
    for m in metrics:
        by_name[m.requested.casefold()] = m
        by_name[m.full_name.casefold()] = m
    as_of = max(
        (m.observed_at.date() for m in by_name.values()),
        default=bundled_snapshot().as_of,
    )
    return by_name, as_of, notes


def _environment(
    *, installed: bool | str | Iterable[str | Framework] | None
) -> frozenset[str] | None:
    """The registry keys *installed* allows, or ``None`` for no constraint."""
    if installed is None or installed is False:
        return None
    if installed is True:
        from .._detect._scan import installed as detect_installed

        return frozenset(d.key for d in detect_installed())
    from .._registry._lookup import get_framework

    names = (installed,) if isinstance(installed, str) else installed
    return frozenset(
        name.key if isinstance(name, Framework) else get_framework(name).key
        for name in names
    )


def _language(language: str, pool: Iterable[Framework]) -> str:
    """*language* as the registry spells it (``"java"`` is ``"Java"``).

    A language no framework has would exclude them all; it raises instead.
    """
    known = {lang.casefold(): lang for f in pool for lang in f.languages}
    try:
        return known[language.strip().casefold()]
    except KeyError:
        raise InvalidConstraintError(
            language, sorted(set(known.values())), constraint="language"
        ) from None


def recommend(  # noqa: PLR0913
    purpose: Purpose | str = Purpose.ACADEMIC,
    *,
    weights: Mapping[str, float] | None = None,
    priorities: Sequence[str] | None = None,
    language: str | None = None,
    installed: bool | str | Iterable[str | Framework] | None = False,
    require: Iterable[str] = (),
    gpu_vendor: str | None = None,
    include_unmaintained: bool = False,
    core_gate: bool = True,
    data: str = "current",
    missing: str = "pessimistic",
    unknown: str = "exclude",
    metrics: Iterable[RepoMetrics] | None = None,
    refresh: bool = False,
    token: str | None = None,
    frameworks: Iterable[Framework] | None = None,
) -> Recommendation:
    """Rank the frameworks for *purpose* and explain every point.

    *purpose* is a :class:`Purpose` or its name or alias (``"research"``,
    ``"production"``, ``"mobile"`` ...).  *weights* overrides profile
    weights (``{"deployment": 30}``; all weights are then rescaled to sum
    to 100); *priorities* replaces them with rank-order centroid weights
    for the criteria named, most important first.

    Hard constraints: *language* (an official API language, any case),
    *installed* (``True`` asks the local detection; a name or an iterable
    of names gives the frameworks, by key or alias such as ``"torch"``;
    ``None`` and ``False`` mean no constraint), *require* (capabilities
    that must be supported, such as ``"rnn"``: one of graphs, autodiff,
    gpu, distributed_gpu, deployment, cnn, rnn, beginner),
    *gpu_vendor* (``nvidia``, ``amd``, ``apple``, ``intel``, ``tpu``),
    *include_unmaintained* and *core_gate* (large graphs, automatic
    differentiation and simple GPU use).  *unknown* decides whether a
    constraint that cannot be checked excludes (default) or keeps.

    *data* is ``"current"`` or ``"seed_era"`` (mid-2018 values).  Community
    and maintenance come from the bundled snapshot unless *metrics* are
    given or *refresh* fetches them from GitHub (with *token*, if given;
    it is used for that request only and never kept).  When those metrics
    date a newer release than the catalog, maintenance uses it.  *missing*
    values count as 0
    (``pessimistic``) or 0.5 (``neutral``) of their scale.

    Raises:
        UnknownPurposeError: unknown purpose; lists purposes and aliases.
        UnknownCriterionError: a weight or priority names no criterion, or
            a requirement no capability.
        UnknownFrameworkError: *installed* names no framework.
        InvalidConstraintError: a constraint value is outside its choices,
            or *language* is no framework's API language.
        InvalidWeightsError: negative, non-finite or all-zero weights.
    """
    chosen = Purpose.parse(purpose)
    era = _choice(data, DATA_ERAS, "data")
    missing = _choice(missing, MISSING_MODES, "missing")
    unknown = _choice(unknown, UNKNOWN_MODES, "unknown")
    vendor = (
        None
        if gpu_vendor is None
        else _choice(gpu_vendor, GPU_VENDORS, "gpu_vendor")
    )
    if isinstance(require, str):
        require = (require,)
    required = tuple(dict.fromkeys(_criterion(r, REQUIRABLE) for r in require))
    exact_weights, overrides = resolve_weights(
        PROFILES[chosen], weights, priorities
    )
    environment = _environment(installed=installed)
    from .._registry._lookup import frameworks as registered

    pool = tuple(registered() if frameworks is None else frameworks)
    if language is not None:
        language = _language(language, (*pool, *registered()))
    if era == "seed_era":
        by_repo: dict[str, RepoMetrics] = {}
        as_of = SEED_ERA_AS_OF
        fetched: tuple[str, ...] = ()
    else:
        by_repo, as_of, fetched = _resolve_metrics(
            metrics, refresh=refresh, token=token
        )
    return _recommend(
        chosen,
        exact_weights,
        overrides,
        tuple(sorted(pool, key=lambda f: f.key)),
        era,
        tuple(sorted(by_repo.items(), key=lambda item: item[0])),
        as_of,
        fetched,
        _Constraints(
            language=language,
            environment=environment,
            require=required,
            gpu_vendor=vendor,
            include_unmaintained=include_unmaintained,
            core_gate=core_gate,
            missing=missing,
            unknown=unknown,
        ),
    )


class _Constraints(NamedTuple):
    language: str | None
    environment: frozenset[str] | None
    require: tuple[Criterion, ...]
    gpu_vendor: str | None
    include_unmaintained: bool
    core_gate: bool
    missing: str
    unknown: str

    def items(self) -> tuple[tuple[str, Any], ...]:
        return (
            ("language", self.language),
            ("installed", self.environment is not None),
            ("require", tuple(c.value for c in self.require)),
            ("include_unmaintained", self.include_unmaintained),
            ("gpu_vendor", self.gpu_vendor),
            ("core_gate", self.core_gate),
            ("missing", self.missing),
            ("unknown", self.unknown),
        )


@functools.lru_cache(maxsize=256)
def _recommend(  # noqa: C901, PLR0913, PLR0915, PLR0917
    purpose: Purpose,
    exact_weights: tuple[tuple[Criterion, Fraction], ...],
    overrides: tuple[tuple[str, str], ...],
    pool: tuple[Framework, ...],
    era: str,
    metrics: tuple[tuple[str, RepoMetrics], ...],
    as_of: date,
    fetched: tuple[str, ...],
    constraints: _Constraints,
) -> Recommendation:
    """The pipeline proper: a pure function of normalised inputs (cached)."""
    profile = PROFILES[purpose]
    share = dict(exact_weights)
    w = Weights.of({c.value: share[c] for c in Criterion})
    prepared = _prepare(
        pool,
        era,
        metrics,
        as_of,
        share[Criterion.CNN],
        share[Criterion.RNN],
        constraints.missing,
    )
    m = prepared.matrix
    scores = _scores(m, w)
    by_key = {f.key: f for f in pool}
    warnings: list[str] = [_NO_SEED_STARS] if era == "seed_era" else []
    warnings.extend(fetched)

    failed: dict[str, tuple[Failure, ...]] = {}
    for candidate in prepared.candidates:
        failures, kept = _screen(
            candidate,
            by_key=by_key,
            language=constraints.language,
            environment=constraints.environment,
            require=constraints.require,
            gpu_vendor=constraints.gpu_vendor,
            include_unmaintained=constraints.include_unmaintained,
            core_gate=constraints.core_gate,
            keep_unknown=constraints.unknown == "keep",
            era=era,
        )
        warnings.extend(kept)
        if failures:
            failed[candidate.framework.key] = failures
    survivors = [key for key in m.rows if key not in failed]
    everyone = rank(m, w, scores)
    position = {name: i for i, (name, _, _) in enumerate(everyone)}
    ranked_rows = rank(m, w, scores, survivors)
    by_candidate = {c.framework.key: c for c in prepared.candidates}
    weights_in_order = tuple(share[c] for c in Criterion)

    ranking: list[Ranked] = []
    previous: int | None = None
    hundredth = m.denom * w.denom  # one point = this many score units / 100
    for place, (key, total, broken) in enumerate(ranked_rows, start=1):
        candidate = by_candidate[key]
        entry = Ranked(
            rank=place,
            framework=key,
            name=candidate.framework.name,
            score=_points(total, m, w),
            tie_broken_by=broken,
            near_tie=previous is not None
            and 100 * (previous - total) < hundredth,
            parts=tuple(
                zip(
                    Criterion,
                    (candidate.cells[c] for c in Criterion),
                    prepared.x[key],
                    weights_in_order,
                    strict=True,
                )
            ),
        )
        ranking.append(entry)
        previous = total
        if any(w.nums[j] for j in prepared.unknown[key]):
            unknowns = entry.unknown
            warnings.append(
                f"{entry.name}: unknown"
                f" {', '.join(c.value for c in unknowns)} counted as"
                f" {'half' if constraints.missing == 'neutral' else '0'}"
                f" (score {float(entry.score):.1f}, at most"
                f" {float(entry.score_max):.1f})"
            )
            if entry.coverage < Fraction(4, 5):
                warnings.append(
                    f"{entry.name}: only {float(entry.coverage):.0%} of"
                    " the weight rests on known values"
                )
        community = candidate.cells[Criterion.COMMUNITY]
        if (
            community.as_of is not None
            and (as_of - community.as_of).days > _STALE_DAYS
        ):
            warnings.append(
                f"{entry.name}: star count observed"
                f" {community.as_of.isoformat()},"
                f" {(as_of - community.as_of).days} days before"
                f" {as_of.isoformat()}"
            )

    why_not: list[WhyNot] = []
    robust: Robustness | None = None
    if ranking:
        winner = ranking[0].framework
        flip, stability, per_challenger = robustness_of(
            m, w, winner, survivors, scores
        )
        best = m.rows[winner]
        for entry in ranking[1:]:
            other = m.rows[entry.framework]
            why_not.append(
                WhyNot(
                    framework=entry.framework,
                    winner=winner,
                    gap=ranking[0].score - entry.score,
                    dominated=all(
                        a >= b for a, b in zip(best, other, strict=True)
                    ),
                    weight_to_tie=per_challenger.get(entry.framework),
                    matrix=m,
                    weights=w,
                )
            )
        top_min = ranking[0].score
        rivals = [r for r in ranking[1:] if r.score_max > top_min]
        decisive = tuple(
            f"{r.framework}:{c.value}" for r in rivals for c in r.unknown
        )
        if rivals:
            decisive += tuple(
                f"{winner}:{c.value}" for c in ranking[0].unknown
            )
        robust = Robustness(
            min_flip=flip,
            label=robustness_label(flip),
            stability=stability,
            data_robust=not rivals,
            decisive_unknowns=decisive,
        )

    excluded: list[Excluded] = []
    for key in sorted(failed):
        names = {f.constraint for f in failed[key]}
        rank_if = None
        if "data" not in names:
            rank_if = 1 + sum(
                1
                for other in m.rows
                if position[other] < position[key]
                and {f.constraint for f in failed.get(other, ())} <= names
            )
        excluded.append(
            Excluded(
                framework=key,
                name=by_key[key].name,
                failed=failed[key],
                rank_if_allowed=rank_if,
            )
        )

    relaxations: tuple[Relaxation, ...] = ()
    if not ranking:
        relaxations = _relaxations(
            {k: tuple(f.constraint for f in v) for k, v in failed.items()},
            m,
            w,
        )
    notes = _classic_note(
        profile,
        ranking,
        m,
        w,
        {key: f.name for key, f in by_key.items()},
        {e.framework: e for e in excluded},
    )
    environment = constraints.environment
    return Recommendation(
        purpose=purpose,
        profile=profile,
        weights=exact_weights,
        overrides=overrides,
        data=era,
        as_of=as_of,
        constraints=constraints.items(),
        environment=None
        if environment is None
        else tuple(sorted(environment)),
        ranking=tuple(ranking),
        why_not=tuple(why_not),
        robustness=robust,
        excluded=tuple(excluded),
        relaxations=relaxations,
        warnings=tuple(dict.fromkeys(warnings)),
        notes=notes,
    )
