"""The weights a recommendation uses: a profile's, overridden or replaced.

Weights are exact fractions (shares of 1).  ``weights=`` replaces single
criteria's weights, then all are rescaled to sum to 1; ``priorities=``
replaces them all with rank-order centroid weights.
"""

from __future__ import annotations

import decimal
import math

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Final

from ..exceptions import (
    InvalidChoiceError,
    InvalidWeightsError,
    UnknownCriterionError,
)
from ._criteria import Criterion
from ._profiles import Profile


__all__ = ["parse_criterion", "resolve_weights"]


def parse_criterion(
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


#: Whole weights up to this are recorded digit for digit.
_WHOLE_LIMIT: Final = 10**6
#: Significant digits of any other recorded weight.
_DIGITS: Final = 6


def _given(value: Fraction) -> str:
    """*value* as the record of an override: whole numbers below a
    million exactly, anything else to 6 significant digits (``1e308``
    would otherwise be 309 digits, ``0.1`` a 17-digit fraction)."""
    if value.denominator == 1 and value.numerator < _WHOLE_LIMIT:
        return str(value.numerator)
    with decimal.localcontext() as context:  # floats overflow past 1e308
        context.prec = _DIGITS
        rounded = decimal.Decimal(value.numerator) / value.denominator
    return f"{rounded.normalize():g}"


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


def _check_types(weights: object, priorities: object) -> None:
    """Refuse what is not a mapping or a list (a lone string would
    otherwise be read letter by letter)."""
    if weights is not None and not isinstance(weights, Mapping):
        raise TypeError(
            "weights must be a mapping of criterion to number, not"
            f" {type(weights).__name__}"
        )
    if priorities is not None and (
        isinstance(priorities, (str, bytes))
        or not isinstance(priorities, Iterable)
    ):
        raise TypeError(
            "priorities must be a list of criteria, most important first,"
            f" not {type(priorities).__name__} ({priorities!r})"
        )
    if weights is not None and priorities is not None:
        raise InvalidWeightsError("give weights or priorities, not both")


def _by_priority(
    priorities: Iterable[object],
) -> tuple[list[Criterion], dict[Criterion, Fraction]]:
    """The criteria named, best first, and their rank-order centroid
    weights (every other criterion 0)."""
    ranked = [parse_criterion(p) for p in priorities]
    if len(set(ranked)) != len(ranked):
        raise InvalidWeightsError("priorities must not repeat a criterion")
    if not ranked:
        raise InvalidWeightsError("priorities must name a criterion")
    raw = dict.fromkeys(Criterion, Fraction(0))
    for criterion, share in zip(ranked, _roc(len(ranked)), strict=True):
        raw[criterion] = share
    return ranked, raw


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
        TypeError: *weights* is no mapping or *priorities* no list.
    """
    _check_types(weights, priorities)
    raw = {c: Fraction(w) for c, w in profile.weights}
    overrides: list[tuple[str, str]] = []
    if priorities is not None:
        ranked, raw = _by_priority(priorities)
        overrides.append(("priorities", ",".join(c.value for c in ranked)))
    for name, value in (weights or {}).items():
        criterion = parse_criterion(name)
        raw[criterion] = _exact(value, criterion.value)
        overrides.append((criterion.value, _given(raw[criterion])))
    total = sum(raw.values(), Fraction(0))
    if total == 0:
        raise InvalidWeightsError("weights must not all be zero")
    return (
        tuple((c, raw[c] / total) for c in Criterion),
        tuple(sorted(overrides)),
    )
