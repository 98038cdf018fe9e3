"""The pure core: screen, score, rank and explain, from inputs given.

:func:`rank_frameworks` is a function of its arguments only (registry
entries, metrics, the installed set arrive ready); it never reads the
clock, the network or the environment, which is why it can be cached.
Each stage is a named step below.
"""

from __future__ import annotations

import functools
import itertools

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from .._registry._model import Framework
from ._constraints import Constraints, Failure, screen
from ._criteria import Criterion
from ._maths import (
    Flip,
    Matrix,
    Weights,
    gap_split,
    points_of,
    rank,
    robustness_label,
    robustness_of,
    score_table,
)
from ._options import DataEra
from ._profiles import PROFILES, Profile, Purpose
from ._results import (
    Excluded,
    Part,
    Ranked,
    Recommendation,
    Relaxation,
    Robustness,
    WhyNot,
)
from ._values import NO_SEED_STARS, Candidate, Cell, candidates


if TYPE_CHECKING:
    from .._metrics._values import RepoMetrics


__all__ = ["Inputs", "rank_frameworks"]

#: A star count older than this on the data date earns a warning: GitHub
#: figures move by a few per cent a year, so a year-old count still ranks
#: right, but the user should know it is not today's.
STALE_STARS_DAYS: Final = 365
#: Below this share of the weight on known values a score is more guess
#: than evidence, and a warning says so.
KNOWN_WEIGHT_FLOOR: Final = Fraction(4, 5)
#: Relaxations try dropping up to this many constraints at once.
MAX_RELAXED: Final = 3
#: Constraints relaxed last (and "data" never): they guard the method
#: itself, not a user's wish.
_RELAXED_LAST: Final = ("core_gate", "include_unmaintained")

_CRITERIA_IDS: Final = tuple(c.value for c in Criterion)


def _by_key(frameworks: Iterable[Framework]) -> tuple[Framework, ...]:
    return tuple(sorted(frameworks, key=lambda f: f.key))


def _by_name(
    metrics: Mapping[str, RepoMetrics] | Iterable[tuple[str, RepoMetrics]],
) -> tuple[tuple[str, RepoMetrics], ...]:
    items = metrics.items() if isinstance(metrics, Mapping) else metrics
    return tuple(sorted(items, key=lambda item: item[0]))


@attrs.frozen(kw_only=True)
class Inputs:
    """Everything a recommendation depends on, normalised and hashable."""

    purpose: Purpose
    weights: tuple[tuple[Criterion, Fraction], ...]
    """Exact shares of 1, in :class:`Criterion` order."""
    overrides: tuple[tuple[str, str], ...] = ()
    """Weights the caller changed, as :func:`resolve_weights` records."""
    frameworks: tuple[Framework, ...] = attrs.field(converter=_by_key)
    """Sorted by key."""
    era: DataEra = DataEra.CURRENT
    metrics: tuple[tuple[str, RepoMetrics], ...] = attrs.field(
        converter=_by_name, default=()
    )
    """Folded repository name -> figures, sorted by name."""
    as_of: date
    notes: tuple[str, ...] = ()
    """Warnings from gathering (a failed refresh, older figures)."""
    constraints: Constraints = attrs.field(factory=Constraints)


class _Prepared(NamedTuple):
    """Everything that depends only on the data, not on the weights."""

    candidates: tuple[Candidate, ...]
    x: Mapping[str, tuple[Fraction, ...]]
    matrix: Matrix
    unknown: Mapping[str, tuple[int, ...]]
    """Indexes (in Criterion order) of values that are not fully known."""


def _ranking_x(candidate: Candidate, missing: str) -> tuple[Fraction, ...]:
    """Each criterion's x for ranking: unknown parts count 0 or half."""
    row = []
    for criterion in Criterion:
        cell = candidate.cells[criterion]
        value = cell.x
        if missing == "neutral" and not cell.known:
            value = cell.x + (cell.x_max - cell.x) / 2
        row.append(value)
    return tuple(row)


@functools.lru_cache(maxsize=64)
def _prepare(
    frameworks: tuple[Framework, ...],
    era: DataEra,
    metrics: tuple[tuple[str, RepoMetrics], ...],
    as_of: date,
    speed_mix: tuple[Fraction, Fraction],
    missing: str,
) -> _Prepared:
    found = candidates(frameworks, era, dict(metrics), as_of, speed_mix)
    x = {c.framework.key: _ranking_x(c, missing) for c in found}
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
        for c in found
    }
    return _Prepared(found, x, Matrix.of(table, _CRITERIA_IDS), unknown)


@attrs.frozen(kw_only=True)
class _Run:
    """The shared state of one pipeline run (built once, read by steps)."""

    inputs: Inputs
    profile: Profile
    prepared: _Prepared
    w: Weights
    scores: Mapping[str, int]
    by_key: Mapping[str, Framework]

    @property
    def m(self) -> Matrix:
        return self.prepared.matrix


def _start(inputs: Inputs) -> _Run:
    share = dict(inputs.weights)
    w = Weights.of({c.value: share[c] for c in Criterion})
    prepared = _prepare(
        inputs.frameworks,
        inputs.era,
        inputs.metrics,
        inputs.as_of,
        (share[Criterion.CNN], share[Criterion.RNN]),
        inputs.constraints.missing,
    )
    return _Run(
        inputs=inputs,
        profile=PROFILES[inputs.purpose],
        prepared=prepared,
        w=w,
        scores=score_table(prepared.matrix, w),
        by_key={f.key: f for f in inputs.frameworks},
    )


def _screen_all(
    run: _Run,
) -> tuple[dict[str, tuple[Failure, ...]], list[str]]:
    """Failed constraints per excluded framework, and kept-unknown warnings."""
    failed: dict[str, tuple[Failure, ...]] = {}
    kept: list[str] = []
    for candidate in run.prepared.candidates:
        failures, warnings = screen(
            candidate,
            run.inputs.constraints,
            era=run.inputs.era,
            by_key=run.by_key,
        )
        kept.extend(warnings)
        if failures:
            failed[candidate.framework.key] = failures
    return failed, kept


def _ranked(run: _Run, survivors: Sequence[str]) -> tuple[Ranked, ...]:
    """The survivors in order, each with its score split by criterion."""
    by_candidate = {c.framework.key: c for c in run.prepared.candidates}
    share = dict(run.inputs.weights)
    one_point = run.m.denom * run.w.denom  # score units per 1/100 point
    ranking: list[Ranked] = []
    previous: int | None = None
    for place, (key, total, broken) in enumerate(
        rank(run.m, run.w, run.scores, survivors), start=1
    ):
        candidate = by_candidate[key]
        ranking.append(
            Ranked(
                rank=place,
                framework=key,
                name=candidate.framework.name,
                score=points_of(total, run.m, run.w),
                tie_broken_by=broken,
                near_tie=previous is not None
                and 100 * (previous - total) < one_point,
                parts=tuple(
                    Part(c, candidate.cells[c], x, share[c])
                    for c, x in zip(
                        Criterion, run.prepared.x[key], strict=True
                    )
                ),
            )
        )
        previous = total
    return tuple(ranking)


def _value_warnings(run: _Run, entry: Ranked, community: Cell) -> list[str]:
    """Unknowns counted low, thin evidence and old star counts."""
    warnings: list[str] = []
    if any(run.w.nums[j] for j in run.prepared.unknown[entry.framework]):
        counted = (
            "half" if run.inputs.constraints.missing == "neutral" else "0"
        )
        warnings.append(
            f"{entry.name}: unknown"
            f" {', '.join(c.value for c in entry.unknown)} counted as"
            f" {counted} (score {float(entry.score):.1f}, at most"
            f" {float(entry.score_max):.1f})"
        )
        if entry.coverage < KNOWN_WEIGHT_FLOOR:
            warnings.append(
                f"{entry.name}: only {float(entry.coverage):.0%} of"
                " the weight rests on known values"
            )
    as_of = run.inputs.as_of
    if (
        community.as_of is not None
        and (as_of - community.as_of).days > STALE_STARS_DAYS
    ):
        warnings.append(
            f"{entry.name}: star count observed"
            f" {community.as_of.isoformat()},"
            f" {(as_of - community.as_of).days} days before"
            f" {as_of.isoformat()}"
        )
    return warnings


def _why_not(
    run: _Run, ranking: Sequence[Ranked], flips: Mapping[str, Flip]
) -> tuple[WhyNot, ...]:
    """Each runner-up's gap to the winner; *flips* are the best flip per
    challenger."""
    if not ranking:
        return ()
    winner = ranking[0].framework
    best = run.m.rows[winner]
    return tuple(
        WhyNot(
            framework=entry.framework,
            winner=winner,
            gap=ranking[0].score - entry.score,
            dominated=all(
                a >= b
                for a, b in zip(best, run.m.rows[entry.framework], strict=True)
            ),
            weight_to_tie=flips.get(entry.framework),
            matrix=run.m,
            weights=run.w,
        )
        for entry in ranking[1:]
    )


def _robustness(
    ranking: Sequence[Ranked],
    flip: Flip | None,
    stability: tuple[tuple[str, Fraction, Fraction], ...],
) -> Robustness:
    """The smallest flip, stability intervals and decisive unknowns."""
    winner = ranking[0]
    rivals = [r for r in ranking[1:] if r.score_max > winner.score]
    decisive = tuple(
        f"{r.framework}:{c.value}" for r in rivals for c in r.unknown
    )
    if rivals:
        decisive += tuple(
            f"{winner.framework}:{c.value}" for c in winner.unknown
        )
    return Robustness(
        min_flip=flip,
        label=robustness_label(flip),
        stability=stability,
        data_robust=not rivals,
        decisive_unknowns=decisive,
    )


def _excluded(
    run: _Run, failed: Mapping[str, tuple[Failure, ...]]
) -> tuple[Excluded, ...]:
    """Every screened-out framework, with where it would rank if allowed:
    among those failing no more than it does."""
    everyone = rank(run.m, run.w, run.scores)
    position = {name: i for i, (name, _, _) in enumerate(everyone)}
    result = []
    for key in sorted(failed):
        names = {f.constraint for f in failed[key]}
        rank_if = None
        if "data" not in names:
            rank_if = 1 + sum(
                1
                for other in run.m.rows
                if position[other] < position[key]
                and {f.constraint for f in failed.get(other, ())} <= names
            )
        result.append(
            Excluded(
                framework=key,
                name=run.by_key[key].name,
                failed=failed[key],
                rank_if_allowed=rank_if,
            )
        )
    return tuple(result)


def _relaxations(
    run: _Run, failed: Mapping[str, tuple[Failure, ...]]
) -> tuple[Relaxation, ...]:
    """The smallest sets of constraints whose removal leaves survivors."""
    names = {k: {f.constraint for f in v} for k, v in failed.items()}
    relaxable = sorted(set().union(*names.values()) - {"data", *_RELAXED_LAST})
    relaxable += [
        c for c in _RELAXED_LAST if any(c in n for n in names.values())
    ]
    for size in range(1, MAX_RELAXED + 1):
        found = []
        for dropped in itertools.combinations(relaxable, size):
            allowed = [k for k, n in names.items() if n <= set(dropped)]
            if allowed:
                ranked = rank(run.m, run.w, names=allowed)
                found.append(
                    Relaxation(
                        dropped=dropped,
                        winner=ranked[0][0],
                        top=tuple(name for name, _, _ in ranked[:3]),
                    )
                )
        if found:
            return tuple(found)
    return ()


def _classic_note(
    run: _Run, ranking: Sequence[Ranked], excluded: Sequence[Excluded]
) -> tuple[str, ...]:
    """How the winner compares with the classic advice for the purpose."""
    pick, claim = run.profile.classic_pick, run.profile.classic_claim
    if not pick or not ranking or pick not in run.by_key:
        return ()
    winner = ranking[0]
    name = run.by_key[pick].name
    if pick == winner.framework:
        return (f"Agrees with the classic advice ({claim}).",)
    out = next((e for e in excluded if e.framework == pick), None)
    if out is not None:
        reasons = "; ".join(f.reason for f in out.failed)
        return (
            (
                f"The classic advice says {claim}; {name} is excluded"
                f" here: {reasons}."
            ),
        )
    ahead = gap_split(run.m, run.w, winner.framework, pick)
    items = ", ".join(f"{c} {float(p):+.1f}" for c, p in ahead)
    gap = sum((p for _, p in ahead), Fraction(0))
    return (
        (
            f"Today's data disagrees with the classic advice ({claim}):"
            f" {winner.name} leads {name} by {float(gap):.1f} points"
            f" ({items})."
        ),
    )


@functools.lru_cache(maxsize=256)
def rank_frameworks(inputs: Inputs) -> Recommendation:
    """The recommendation for *inputs*: a pure function (cached)."""
    run = _start(inputs)
    failed, kept = _screen_all(run)
    survivors = [key for key in run.m.rows if key not in failed]
    ranking = _ranked(run, survivors)
    warnings = [NO_SEED_STARS] if inputs.era is DataEra.SEED_ERA else []
    warnings += [*inputs.notes, *kept]
    cells = {c.framework.key: c.cells for c in run.prepared.candidates}
    for entry in ranking:
        community = cells[entry.framework][Criterion.COMMUNITY]
        warnings.extend(_value_warnings(run, entry, community))
    excluded = _excluded(run, failed)
    robust: Robustness | None = None
    flips: Mapping[str, Flip] = {}
    if ranking:
        flip, stability, flips = robustness_of(
            run.m, run.w, ranking[0].framework, survivors, run.scores
        )
        robust = _robustness(ranking, flip, stability)
    environment = inputs.constraints.environment
    return Recommendation(
        purpose=inputs.purpose,
        profile=run.profile,
        weights=inputs.weights,
        overrides=inputs.overrides,
        data=inputs.era.value,
        as_of=inputs.as_of,
        constraints=inputs.constraints.items(),
        environment=None
        if environment is None
        else tuple(sorted(environment)),
        ranking=ranking,
        why_not=_why_not(run, ranking, flips),
        robustness=robust,
        excluded=excluded,
        relaxations=() if ranking else _relaxations(run, failed),
        warnings=tuple(dict.fromkeys(warnings)),
        notes=_classic_note(run, ranking, excluded),
    )
