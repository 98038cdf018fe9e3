"""The exact maths: integer numerators over common denominators.

Every x is a fraction; a table stores the numerators over one common
denominator, the weights likewise, so scores, gaps and flip points are
integer arithmetic (fast) and still exact.  Fractions are built only for
what is reported (``docs/recommendations.md`` §9-§12).
"""

from __future__ import annotations

import math
import sys

from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, NamedTuple

import attrs


__all__ = [
    "HUNDRED",
    "Flip",
    "Matrix",
    "Weights",
    "flip_point",
    "gap_split",
    "points_of",
    "pts",
    "rank",
    "robustness_label",
    "robustness_of",
    "score_table",
    "values_to_tie",
]

HUNDRED: Final = Fraction(100)

#: Robustness labels by the smallest single-weight change (in weight
#: points) that changes the winner.  Ten points is about one criterion's
#: typical weight: a user who disagrees with a profile by less than that
#: still gets the same winner, so the answer is "robust".  Five points is
#: the size of a small adjustment; below it the winner hangs on details of
#: the weighting ("fragile").
ROBUST_POINTS: Final = 10
MODERATE_POINTS: Final = 5


def pts(value: Fraction) -> float:
    """Points for JSON: a float rounded to 3 decimals (exact values stay on
    the objects); beyond a float's range (a value needed under a weight
    near zero) the largest float of that sign, never an error or inf."""
    try:
        return round(float(value), 3)
    except OverflowError:
        return sys.float_info.max if value > 0 else -sys.float_info.max


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
        return abs(self.to_weight - self.from_weight) * HUNDRED

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "direction": self.direction,
            "challenger": self.challenger,
            "from": pts(self.from_weight * HUNDRED),
            "to": pts(self.to_weight * HUNDRED),
            "points": pts(self.points),
        }


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


def score_table(m: Matrix, w: Weights) -> dict[str, int]:
    """Score numerators over ``m.denom * w.denom``."""
    nums = w.nums
    return {
        name: sum(a * b for a, b in zip(nums, row, strict=True))
        for name, row in m.rows.items()
    }


def points_of(numerator: int, m: Matrix, w: Weights) -> Fraction:
    return Fraction(100 * numerator, m.denom * w.denom)


def rank(
    m: Matrix,
    w: Weights,
    scores: Mapping[str, int] | None = None,
    names: Iterable[str] | None = None,
) -> tuple[tuple[str, int, str | None], ...]:
    """(name, score numerator, tie_broken_by) sorted by the full §9 key."""
    s = score_table(m, w) if scores is None else scores
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
        (c, points_of(n * (ra[j] - rb[j]), m, w))
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


class _Tie(NamedTuple):
    """Where one criterion's weight makes a challenger tie, in table units:
    ``t* = num / den`` (``den > 0``), ``far / scale`` away from today's."""

    j: int
    num: int
    den: int
    direction: str
    far: int
    scale: int


def _ties(
    gap: int, best: Sequence[int], other: Sequence[int], w: Weights
) -> Iterator[_Tie]:
    """Every criterion whose weight alone can make *other* tie *best*."""
    wd = w.denom
    for j, wn in enumerate(w.nums):
        dn = best[j] - other[j]
        found = _flip_int(gap, wn, wd, dn)
        if found is None:
            continue
        num, den, direction = found
        if den < 0:
            num, den = -num, -den
        # |t* - w| = gap (wd - wn) / (|gap - dn wd| wd)
        yield _Tie(
            j, num, den, direction, gap * (wd - wn), abs(gap - dn * wd) * wd
        )


def _narrow(
    lower: list[tuple[int, int]], upper: list[tuple[int, int]], tie: _Tie
) -> None:
    """Shrink the criterion's stability interval to exclude *tie*."""
    j, num, den = tie.j, tie.num, tie.den
    if tie.direction == "increase":
        if num * upper[j][1] < upper[j][0] * den:
            upper[j] = (num, den)
    elif num * lower[j][1] > lower[j][0] * den:
        lower[j] = (num, den)


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
    s = score_table(m, w) if scores is None else scores
    best = m.rows[winner]
    k = len(w.criteria)
    lower: list[tuple[int, int]] = [(0, 1)] * k
    upper: list[tuple[int, int]] = [(1, 1)] * k
    chosen: dict[str, _Tie] = {}
    for name in sorted(names):
        if name == winner:
            continue
        for tie in _ties(s[winner] - s[name], best, m.rows[name], w):
            _narrow(lower, upper, tie)
            mine = chosen.get(name)
            if mine is None or tie.far * mine.scale < mine.far * tie.scale:
                chosen[name] = tie
    per_challenger = {
        name: Flip(
            criterion=w.criteria[tie.j],
            direction=tie.direction,
            challenger=name,
            from_weight=w.share(tie.j),
            to_weight=Fraction(tie.num, tie.den),
        )
        for name, tie in chosen.items()
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
    """``robust``, ``moderate`` or ``fragile`` (see :data:`ROBUST_POINTS`)."""
    if flip is None or flip.points >= ROBUST_POINTS:
        return "robust"
    if flip.points >= MODERATE_POINTS:
        return "moderate"
    return "fragile"


def values_to_tie(
    m: Matrix, w: Weights, a: str, b: str
) -> tuple[tuple[str, Fraction, Fraction, bool], ...]:
    """§11: how far *b* must improve on one criterion alone to tie *a*."""
    s = score_table(m, w)
    gap = Fraction(s[a] - s[b], m.denom * w.denom)
    result = []
    for j in w.order():
        if not w.nums[j]:
            continue
        now = m.x(b, j)
        needed = now + gap / w.share(j)
        result.append((w.criteria[j], now, needed, needed <= 1))
    return tuple(result)
