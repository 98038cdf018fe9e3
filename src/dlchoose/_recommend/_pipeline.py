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

from .._registry._model import Framework, ReleaseOrigin
from ._adoption import leading_since
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
from ._render import criterion_name
from ._results import (
    DataDates,
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
#: How each ``missing`` mode counts an unknown, in the warnings' words.
_COUNTED: Final = {
    "known_average": "its known average, at most half, at most the"
    " typical known value and, for a share, at most what its series"
    " leaves it",
    "pessimistic": "0",
    "neutral": "half",
}


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


#: The known average an unknown value is scored at is rounded to a
#: multiple of this, so the exact tables keep small denominators (the
#: score moves by at most 1/2000 of the unknown weight).
_AVERAGE_STEP: Final = 1000


def known_average(
    cells: Sequence[Cell], weights: Sequence[Fraction]
) -> Fraction:
    """The weighted average of the known parts of *cells*, rounded.

    A cell's unknown part is ``x_max - x`` (a whole unknown value is 1, a
    training-speed score missing one task is that task's share); the
    known parts carry the rest of the weight.  With nothing known it is 0.
    """
    known = sum(
        (
            w * (1 - (c.x_max - c.x))
            for c, w in zip(cells, weights, strict=True)
        ),
        Fraction(0),
    )
    if not known:
        return Fraction(0)
    total = sum(
        (w * c.x for c, w in zip(cells, weights, strict=True)), Fraction(0)
    )
    return Fraction(round(total / known * _AVERAGE_STEP), _AVERAGE_STEP)


#: Without evidence no value is assumed better than the middle of its
#: scale, so an unknown never lifts a framework above one measured as
#: average (a framework unmeasured in papers must not outrank one measured
#: at 40 % of them only because its other values are good).  It is also
#: the typical value of a criterion too few frameworks are known on.
HALF: Final = Fraction(1, 2)
#: A typical value needs at least this many known values: the median of
#: one or two is no population's typical value (the papers series
#: measures only PyTorch and TensorFlow, the two it was built to compare,
#: so their mean says nothing of the frameworks it does not measure).
TYPICAL_MIN_KNOWN: Final = 3


def typical_values(
    found: Iterable[Candidate],
) -> tuple[Fraction, ...]:
    """Each criterion's typical value (in Criterion order): the median x
    of the frameworks whose value is known, rounded like the known
    average, at most :data:`HALF`; :data:`HALF` when fewer than
    :data:`TYPICAL_MIN_KNOWN` are known.

    The median is what a framework with a recorded value usually scores;
    where that is low (most frameworks have a small share of the PyPI
    downloads), an unmeasured one is not assumed to have far more.
    """
    pool = [c for c in found if c.in_era]
    result = []
    for criterion in Criterion:
        known = sorted(
            c.cells[criterion].x for c in pool if c.cells[criterion].known
        )
        if len(known) < TYPICAL_MIN_KNOWN:
            result.append(HALF)
            continue
        middle = len(known) // 2
        median = (known[middle] + known[~middle]) / 2
        rounded = Fraction(round(median * _AVERAGE_STEP), _AVERAGE_STEP)
        result.append(min(rounded, HALF))
    return tuple(result)


def _ranking_x(
    candidate: Candidate,
    missing: str,
    weights: Sequence[Fraction],
    typical: Sequence[Fraction],
) -> tuple[Fraction, ...]:
    """Each criterion's x for ranking.

    An unknown part counts (``known_average``) at the framework's own
    known average, but never more than the criterion's typical value
    (:func:`typical_values`, itself at most half the scale): a weak
    framework is not lifted by a fact nobody recorded, nor an unmeasured
    one above the frameworks measured there.  An unknown share counts at
    most what its series leaves it (``Cell.ceiling``: the smallest share
    the series lists, or the share of the framework it is counted
    within), so it never outscores a framework the series measured.
    ``pessimistic`` counts it as 0, ``neutral`` as half.
    """
    cells = [candidate.cells[c] for c in Criterion]
    own = known_average(cells, weights)
    fills = {
        "known_average": [
            min(own, t, c.ceiling if c.ceiling is not None else t)
            for c, t in zip(cells, typical, strict=True)
        ],
        "neutral": [HALF] * len(cells),
    }.get(missing, [Fraction(0)] * len(cells))
    return tuple(
        c.x + (c.x_max - c.x) * fill
        for c, fill in zip(cells, fills, strict=True)
    )


@functools.lru_cache(maxsize=64)
def _prepare(
    frameworks: tuple[Framework, ...],
    era: DataEra,
    metrics: tuple[tuple[str, RepoMetrics], ...],
    as_of: date,
    weights: tuple[Fraction, ...],
    missing: str,
) -> _Prepared:
    """The cells and the ranking table; *weights* in Criterion order (they
    mix the training-speed tasks and give the known average)."""
    share = dict(zip(Criterion, weights, strict=True))
    speed_mix = (share[Criterion.CNN], share[Criterion.RNN])
    found = candidates(frameworks, era, dict(metrics), as_of, speed_mix)
    typical = typical_values(found)
    x = {
        c.framework.key: _ranking_x(c, missing, weights, typical)
        for c in found
    }
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
        tuple(share[c] for c in Criterion),
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
        if failures:
            failed[candidate.framework.key] = failures
        else:  # a warning about a framework left out anyway is noise
            kept.extend(warnings)
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
    return _open_ranks(ranking)


def _open_ranks(ranking: Sequence[Ranked]) -> tuple[Ranked, ...]:
    """Each entry with ``rank_open`` set: some framework ranked above it
    could fall below it, or one ranked below could rise above it, if the
    unknown values were filled in."""
    lows = [entry.score_min for entry in ranking]
    highs = [entry.score_max for entry in ranking]
    return tuple(
        attrs.evolve(
            entry,
            rank_open=any(low < highs[i] for low in lows[:i])
            or any(high > lows[i] for high in highs[i + 1 :]),
        )
        for i, entry in enumerate(ranking)
    )


def _value_warnings(run: _Run, entry: Ranked, community: Cell) -> list[str]:
    """Unknowns counted low, thin evidence and old star counts."""
    warnings: list[str] = []
    if any(run.w.nums[j] for j in run.prepared.unknown[entry.framework]):
        counted = _COUNTED[run.inputs.constraints.missing]
        warnings.append(
            f"{entry.name}: unknown"
            f" {', '.join(c.value for c in entry.unknown)} counted as"
            f" {counted} (score {float(entry.score):.1f}, from"
            f" {float(entry.score_min):.1f} to {float(entry.score_max):.1f}"
            " if they were worst to best"
            + ("; its rank could change)" if entry.rank_open else ")")
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
    cells = {c.framework.key: c.cells for c in run.prepared.candidates}
    return tuple(
        WhyNot(
            framework=entry.framework,
            winner=winner,
            gap=ranking[0].score - entry.score,
            dominated=_dominates(cells[winner], cells[entry.framework]),
            weight_to_tie=flips.get(entry.framework),
            matrix=run.m,
            weights=run.w,
        )
        for entry in ranking[1:]
    )


def _dominates(
    winner: Mapping[Criterion, Cell], rival: Mapping[Criterion, Cell]
) -> bool:
    """Whether *winner* at its worst (unknown parts 0) is at least *rival*
    at its best (unknown parts 1) on every criterion: only then can no
    choice of weights, and no unknown value, rank *rival* above it."""
    return all(winner[c].x >= rival[c].x_max for c in Criterion)


def _robustness(
    ranking: Sequence[Ranked],
    flip: Flip | None,
    stability: tuple[tuple[str, Fraction, Fraction], ...],
) -> Robustness:
    """The smallest flip, stability intervals and decisive unknowns."""
    winner = ranking[0]
    rivals = [r for r in ranking[1:] if r.score_max > winner.score_min]
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
        rival = [ranking[1].framework] if len(ranking) > 1 else []
        figures = _adoption_words(run, [pick, *rival])
        return (f"Agrees with the classic advice ({claim}).{figures}",)
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
    items = ", ".join(f"{criterion_name(c)} {float(p):+.1f}" for c, p in ahead)
    gap = sum((p for _, p in ahead), Fraction(0))
    if not gap:  # a tie neither agrees nor disagrees
        return (
            (
                f"{winner.name} ties {name} at {float(winner.score):.1f}"
                f" (the classic advice: {claim}); only the tie-break"
                " puts it first."
            ),
        )
    data = (
        "Today's data"
        if run.inputs.era is DataEra.CURRENT
        else "The seed-era data"
    )
    return (
        (
            f"{data} disagrees with the classic advice ({claim}):"
            f" {winner.name} leads {name} by {float(gap):.1f} points"
            f" ({items}).{_adoption_words(run, [winner.framework, pick])}"
        ),
    )


#: What each adoption share counts, said next to its figures.
_ADOPTION_UNITS: Final = {
    Criterion.ACADEMIC_ADOPTION: "share of conference papers naming PyTorch"
    " or TensorFlow",
    Criterion.INDUSTRY_ADOPTION: "share of deep-learning framework downloads"
    " from PyPI (installs, CI included, not people)",
}


def _share_words(criterion: Criterion, key: str, cell: Cell) -> str:
    """``65.2% (largest share since 2024-07-01)`` or ``not measured``."""
    if cell.value is None or cell.as_of is None:
        return "not measured"
    since = leading_since(criterion.value, key, cell.as_of)
    lead = f" (largest share since {since.isoformat()})" if since else ""
    return f"{cell.value:.1%}{lead}"


def _adoption_words(run: _Run, keys: Sequence[str]) -> str:
    """The weighted adoption figures of *keys*, dated, as a sentence."""
    cells = {c.framework.key: c.cells for c in run.prepared.candidates}
    share = dict(run.inputs.weights)
    sentences = []
    for criterion, unit in _ADOPTION_UNITS.items():
        if not share[criterion]:
            continue
        found = [cells[key][criterion] for key in keys]
        figures = ", ".join(
            f"{run.by_key[key].name} {_share_words(criterion, key, cell)}"
            for key, cell in zip(keys, found, strict=True)
        )
        dates = sorted({c.as_of.isoformat() for c in found if c.as_of})
        when = f" on {', '.join(dates)}" if dates else ""
        sentences.append(
            f" {criterion_name(criterion).capitalize()}, {unit}{when}: {figures}."
        )
    return "".join(sentences)


@functools.lru_cache(maxsize=256)
def rank_frameworks(inputs: Inputs) -> Recommendation:
    """The recommendation for *inputs*: a pure function (cached)."""
    run = _start(inputs)
    failed, kept = _screen_all(run)
    survivors = [key for key in run.m.rows if key not in failed]
    ranking = _ranked(run, survivors)
    warnings = _warnings(run, ranking, kept)
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
        warnings=warnings,
        notes=_classic_note(run, ranking, excluded),
        data_dates=_data_dates(run),
    )


def _warnings(
    run: _Run, ranking: Sequence[Ranked], kept: Sequence[str]
) -> tuple[str, ...]:
    """Seed-era scope, gathering notes, kept unknowns and value warnings,
    each once."""
    inputs = run.inputs
    warnings = [NO_SEED_STARS] if inputs.era is DataEra.SEED_ERA else []
    warnings += [*inputs.notes, *kept]
    cells = {c.framework.key: c.cells for c in run.prepared.candidates}
    for entry in ranking:
        community = cells[entry.framework][Criterion.COMMUNITY]
        warnings.extend(_value_warnings(run, entry, community))
    return tuple(dict.fromkeys(warnings))


def _data_dates(run: _Run) -> DataDates:
    """The observation dates of every candidate's figures."""
    current = run.inputs.era is DataEra.CURRENT
    return DataDates.of(
        run.inputs.as_of,
        (c.cells for c in run.prepared.candidates),
        (
            f.latest_release.observed_on
            for f in run.inputs.frameworks
            if current
            and f.latest_release is not None
            and f.latest_release.origin is not ReleaseOrigin.HAND
        ),
    )
