"""Text rendering of a recommendation, in words a newcomer understands.

One function per block of text; each takes the result values and returns
lines, so ``summary()``, ``explain()`` and :func:`explain_why_not` read as
their outline.  Criteria appear by their display names
(:func:`criterion_name`), never by their JSON ids, and every number says
what it counts.  Lines are not wrapped here: the command line wraps them to
the terminal's width.
"""

from __future__ import annotations

import math

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from .._registry._lookup import get_framework
from ..exceptions import (
    InvalidChoiceError,
    UnknownCriterionError,
    UnknownFrameworkError,
)
from ._adoption import CEILINGS
from ._criteria import CRITERIA, Criterion
from ._maths import HUNDRED
from ._values import STARS_CEILING, STARS_FLOOR


if TYPE_CHECKING:
    from .._sources import Source
    from ._results import (
        Contribution,
        Excluded,
        Ranked,
        Recommendation,
        Robustness,
        WhyNot,
    )


__all__ = [
    "criterion_name",
    "explain",
    "explain_why_not",
    "summary",
    "why_not_line",
]

C = Criterion

#: Short display names: what a student would call each criterion.
NAMES: Final[Mapping[Criterion, str]] = {
    C.GRAPHS: "computation graphs",
    C.AUTODIFF: "automatic differentiation",
    C.GPU: "GPU support",
    C.DISTRIBUTED_GPU: "multi-GPU training",
    C.TRAINING_SPEED: "training speed",
    C.DEPLOYMENT: "deployment",
    C.CNN: "CNN layers",
    C.RNN: "RNN layers",
    C.BEGINNER: "beginner friendliness",
    C.BINDINGS: "language bindings",
    C.COMMUNITY: "community size",
    C.MAINTENANCE: "maintenance",
    C.ACADEMIC_ADOPTION: "use in research papers",
    C.INDUSTRY_ADOPTION: "use in industry",
}

#: Constraint ids (``Failure.constraint``, ``Relaxation.dropped``) in words.
CONSTRAINTS: Final[Mapping[str, str]] = {
    "core_gate": "the core-quality check",
    "include_unmaintained": "the maintained-only rule",
    "language": "the language requirement",
    "installed": "the installed-here requirement",
    "installable": "the installable requirement",
    "gpu_vendor": "the GPU-vendor requirement",
    "require": "the required capabilities",
    "data": "the data era",
}

#: Robustness labels in words (see :func:`._maths.robustness_label`).
LEADS: Final[Mapping[str, str]] = {
    "robust": "a clear lead",
    "moderate": "a moderate lead",
    "fragile": "a narrow lead",
}

#: The same labels when the unknown values could still change the winner:
#: they speak of the weights only, never of a clear lead.
_WEIGHT_SAFETY: Final[Mapping[str, str]] = {
    "robust": "safe from weight changes",
    "moderate": "moderately safe from weight changes",
    "fragile": "sensitive to weight changes",
}

_MINUS: Final = "\u2212"


def criterion_name(criterion: Criterion | str) -> str:
    """The display name of *criterion* (a :class:`Criterion` or its id),
    e.g. ``"language bindings"`` for ``"bindings"``.

    Raises:
        UnknownCriterionError: *criterion* names no criterion.
    """
    try:
        parsed = Criterion.parse(criterion)
    except InvalidChoiceError as err:
        raise UnknownCriterionError(
            str(criterion), Criterion.choices()
        ) from err
    # A criterion without a short name yet shows its label's first part.
    return NAMES.get(parsed) or CRITERIA[parsed].label.split(" (")[0]


def _pts(value: Fraction) -> str:
    return f"{float(value):.1f}"


def _signed(value: Fraction) -> str:
    """``+5.0``, or ``-1.2`` with a real minus sign (U+2212), which reads
    as one."""
    text = f"{abs(float(value)):.1f}"
    return f"+{text}" if value >= 0 else f"{_MINUS}{text}"


def _weight(weight: Fraction) -> str:
    return f"{float(weight * HUNDRED):g}"


def header(rec: Recommendation) -> list[str]:
    """What was asked, with which weights and data, and what was ranked."""
    return [
        _headline(rec),
        f"Purpose: {rec.purpose.value}. {rec.profile.summary}",
        _weights_line(rec),
        _data_line(rec),
        _scope_line(rec),
    ]


def _headline(rec: Recommendation) -> str:
    if not rec.ranking:
        return f"No recommendation for {rec.purpose.value}."
    best = rec.ranking[0]
    return (
        f"Recommended for {rec.purpose.value}: {best.name}"
        f" ({_pts(best.score)} of 100 points)"
    )


def _weights_line(rec: Recommendation) -> str:
    """Standard weights, or the user's changes named."""
    overrides = dict(rec.overrides)
    priorities = overrides.pop("priorities", None)
    if priorities is not None:
        order = ", ".join(
            criterion_name(p.strip()) for p in priorities.split(",")
        )
        return f"Weights: your priorities, most important first: {order}."
    if overrides:
        changed = ", ".join(
            f"{criterion_name(c)} {w}" for c, w in sorted(overrides.items())
        )
        return (
            f"Weights: custom ({changed}; the others rescaled so all sum"
            " to 100)."
        )
    return (
        f"Weights: the standard {rec.purpose.value} profile"
        f" (version {rec.profile.version})."
    )


def _data_line(rec: Recommendation) -> str:
    """When each kind of figure was observed, else the data date alone."""
    era = "" if rec.data == "current" else f" ({rec.data} data)"
    if rec.data_dates is not None:
        return f"Data{era}: {rec.data_dates.describe()}."
    return f"Data{era}: as of {rec.as_of.isoformat()}."


def _scope_line(rec: Recommendation) -> str:
    """Which frameworks could be ranked at all, in words."""
    constraints = dict(rec.constraints)
    kinds = ["frameworks"]
    if not constraints.get("include_unmaintained"):
        kinds.insert(0, "maintained")
    limits = _limits(constraints)
    if constraints.get("core_gate"):
        limits.append(
            "handle large computation graphs, automatic differentiation"
            " and simple GPU use"
        )
    text = "Ranked: " + " ".join(kinds)
    if limits:
        text += " that " + "; that ".join(limits)
    if rec.excluded:
        text += f" ({len(rec.excluded)} left out)"
    return text + "."


def _limits(constraints: Mapping[str, object]) -> list[str]:
    limits = []
    if constraints.get("language"):
        limits.append(f"have an official {constraints['language']} API")
    if constraints.get("installed"):
        limits.append("are installed here")
    required = constraints.get("require") or ()
    if isinstance(required, tuple) and required:
        limits.append(
            "support " + ", ".join(criterion_name(c) for c in required)
        )
    if constraints.get("gpu_vendor"):
        limits.append(f"run on {constraints['gpu_vendor']} GPUs")
    target = constraints.get("installable")
    if isinstance(target, Mapping):
        limits.append(f"are installable on {target['target']}")
    return limits


def _no_survivor(rec: Recommendation) -> list[str]:
    lines = ["No framework meets every constraint."]
    name = _namer(rec)
    lines.extend(
        "  without "
        + " and ".join(CONSTRAINTS.get(d, d) for d in r.dropped)
        + f", {name(r.winner)} would come first"
        for r in rec.relaxations
    )
    if not rec.relaxations:
        lines.append("  no combination of at most three relaxations helps")
    return lines


def summary(rec: Recommendation, top: int = 5) -> str:
    """A short ranked answer with the winner's reasons: the first *top*
    frameworks, or no ranking lines at all with ``top=0`` (the command
    line draws the ranking as bars instead)."""
    lines = header(rec)
    if not rec.ranking:
        return "\n".join(lines + _no_survivor(rec))
    lines.extend(_ranking_lines(rec, top))
    lines.append(lead_line(rec))
    lines.append(why_winner_line(rec))
    if rec.why_not:
        lines.append(why_not_line(rec.why_not[0], _namer(rec)))
    lines.extend(rec.notes)
    return "\n".join(lines)


def _ranking_lines(rec: Recommendation, top: int) -> list[str]:
    if top <= 0:
        return []
    width = max(len(r.name) for r in rec.ranking[:top])
    lines = [
        f"{entry.rank:>2}. {entry.name:<{width}}  {_pts(entry.score):>5}"
        + unknown_note(rec, entry)
        for entry in rec.ranking[:top]
    ]
    if len(rec.ranking) > top:
        lines.append(f"    \u2026 {len(rec.ranking) - top} more")
    return lines


#: How unknown values were counted, by ``missing`` mode.
COUNTED: Final[Mapping[str, str]] = {
    "known_average": "scored at its average of known values, at most"
    " the typical measured value and at most half the scale, a share at"
    " most what its series leaves it",
    "pessimistic": "counted as 0",
    "neutral": "counted as half",
}


def unknown_note(rec: Recommendation, entry: Ranked) -> str:
    """``  unknown: training speed (counted as 0; at most 85.0)``, or
    empty when every weighted value is known."""
    if not entry.unknown:
        return ""
    names = ", ".join(criterion_name(c) for c in entry.unknown)
    mode = str(dict(rec.constraints).get("missing", ""))
    counted = COUNTED.get(mode, f"counted by the {mode} rule")
    return f"  unknown: {names} ({counted}; at most {_pts(entry.score_max)})"


def _namer(rec: Recommendation) -> Callable[[str], str]:
    names = {entry.framework: entry.name for entry in rec.ranking}
    names.update((e.framework, e.name) for e in rec.excluded)
    return lambda key: names.get(key, key)


def lead_line(rec: Recommendation) -> str:
    """The winner's lead over the second, and how safe it is, in words:
    a tie names the tied frameworks, and a lead the unknown values could
    overturn says so instead of calling it clear."""
    best = rec.ranking[0]
    margin = rec.margin
    if margin is None:
        return f"{best.name} is the only framework left."
    if not margin:
        return _tie_line(rec)
    robust = rec.robustness
    assert robust is not None  # noqa: S101 - set whenever ranked
    text = f"{best.name} leads {rec.ranking[1].name} by {_pts(margin)} points"
    flip = robust.min_flip_points
    moved = (
        ""
        if flip is None
        else f"the weights would have to move {_pts(flip)} points of 100"
        " before another framework wins"
    )
    if not robust.data_robust:
        return (
            f"{text}, but only on the known values: unknown values could"
            f" change the winner ({decisive_words(rec, robust)})"
            + (f"; {moved} otherwise" if moved else "")
            + "."
        )
    text += f": {LEADS.get(robust.label, robust.label)}"
    return text + (f" ({moved})" if moved else "") + "."


def _tie_line(rec: Recommendation) -> str:
    """``A, B and C tie at 87.5 (order by graphs)``."""
    best = rec.ranking[0]
    tied = [r for r in rec.ranking if r.score == best.score]
    names = [r.name for r in tied]
    together = (
        " and ".join(names)
        if len(names) < 3  # noqa: PLR2004 - "A and B"
        else ", ".join(names[:-1]) + " and " + names[-1]
    )
    return (
        f"{together} tie at {_pts(best.score)}; the tie-break (the"
        f" heaviest criterion where they differ) lists {best.name} first."
    )


#: How many decisive unknown values are named before "and N more".
_DECISIVE_SHOWN: Final = 3


def decisive_words(rec: Recommendation, robust: Robustness) -> str:
    """``Chainer's training speed, PyTorch's community and 2 more``."""
    name = _namer(rec)
    words = []
    for item in robust.decisive_unknowns:
        key, _, criterion = item.partition(":")
        words.append(f"{name(key)}'s {criterion_name(criterion)}")
    shown = ", ".join(words[:_DECISIVE_SHOWN])
    rest = len(words) - _DECISIVE_SHOWN
    return shown + (f" and {rest} more" if rest > 0 else "")


def why_winner_line(rec: Recommendation) -> str:
    """The criteria where the winner has every point, then the others
    with their points out of the most they can give, heaviest first."""
    best = rec.ranking[0]
    items = sorted(
        (c for c in best.contributions if c.weight),
        key=lambda c: (-c.weight, c.criterion.value),
    )
    full = [
        criterion_name(c.criterion)
        for c in items
        if c.known and c.points == HUNDRED * c.weight
    ]
    partial = [
        f"{criterion_name(c.criterion)} {_pts(c.points)} of {_weight(c.weight)}"
        + ("" if c.known else " (unknown)")
        for c in items
        if not c.known or c.points != HUNDRED * c.weight
    ]
    parts = []
    if full:
        parts.append("full points for " + ", ".join(full))
    if partial:
        parts.append("partly for " + ", ".join(partial))
    return f"Why {best.name}: " + "; ".join(parts) + "."


def why_not_line(why: WhyNot, name: Callable[[str], str]) -> str:
    """One runner-up's gap to the winner, criterion by criterion: plus
    where the winner is ahead, minus where the runner-up is."""
    parts = [
        f"{criterion_name(c)} {_signed(p)}" for c, p in why.by_criterion if p
    ]
    text = (
        f"Why not {name(why.framework)} ({_pts(why.gap)} points behind;"
        f" + {name(why.winner)} ahead, {_MINUS} {name(why.framework)}"
        f" ahead): {', '.join(parts)}"
    )
    if why.dominated:
        text += " (no weighting ranks it above the winner)"
    return text


def robustness_line(rec: Recommendation, robust: Robustness) -> str:
    """The smallest weight change that flips the winner, in words."""
    flip = robust.min_flip
    label = LEADS.get(robust.label, robust.label)
    data = ""
    if not robust.data_robust:  # never "clear" when unknowns could flip it
        label = _WEIGHT_SAFETY.get(robust.label, label)
        data = (
            "; on the known values only: unknown values could change the"
            f" winner ({decisive_words(rec, robust)})"
        )
    if flip is None:
        return (
            f"Robustness: {label}; no single weight change flips the winner"
            + data
        )
    name = _namer(rec)
    return (
        f"Robustness: {label}; {flip.direction} the weight of"
        f" {criterion_name(flip.criterion)} from"
        f" {_pts(flip.from_weight * HUNDRED)} to"
        f" {_pts(flip.to_weight * HUNDRED)} and {name(flip.challenger)} ties"
        + data
    )


def _entry_line(entry: Ranked) -> str:
    line = f"{entry.rank}. {entry.name} ({entry.framework}): {_pts(entry.score)} points"
    if entry.score_max != entry.score:
        line += f" (up to {_pts(entry.score_max)} if unknowns were best)"
    if entry.tie_broken_by:
        line += f"; tie broken by {entry.tie_broken_by}"
    return line


def level_text(criterion: Criterion, value: float | None) -> str:
    """What a raw value means on the criterion's scale, in words."""
    if value is None:
        return "unknown"
    spec = CRITERIA[criterion]
    if spec.scale == "rubric":
        level = int(value)
        meaning = spec.anchors[min(level, spec.levels)]
        return f"level {level} of {spec.levels}: {meaning}"
    if spec.scale == "half_units":
        return f"{float(value) / 2:g} mature language APIs"
    if spec.scale == "count_log":
        return f"{int(value):,} GitHub stars"
    if spec.scale == "share":
        return f"a share of {float(value):.1%}"
    return f"score {float(value):.2f} (1 = {spec.anchors[-1]})"


def _contribution_line(c: Contribution, numbers: dict[Source, int]) -> str:
    """One criterion's points, value in words and footnote marks (numbered
    on first use, so a source keeps one number in the whole document)."""
    marks = "".join(
        f"[{numbers.setdefault(s, len(numbers) + 1)}]" for s in c.sources
    )
    return (
        f"   {criterion_name(c.criterion):<25} {_pts(c.points):>5}"
        f" of {_weight(c.weight):>2}  {level_text(c.criterion, c.value)}"
        + (f" ({c.note})" if c.note else "")
        + (f" {marks}" if marks else "")
    )


def _footnotes(numbers: dict[Source, int]) -> list[str]:
    if not numbers:
        return []
    lines = ["", "Sources:"]
    for source, number in numbers.items():
        where = f" <{source.url}>" if source.url else ""
        when = f", {source.date.isoformat()}" if source.date else ""
        lines.append(f"  [{number}] {source.title}{where}{when}")
    return lines


def scales(rec: Recommendation) -> list[str]:
    """What each level of every weighted criterion means."""
    lines = ["", "What the levels mean:"]
    for criterion, weight in rec.weights:
        if not weight:
            continue
        spec = CRITERIA[criterion]
        name = criterion_name(criterion)
        about = "" if spec.label == name else f" ({spec.label})"
        lines.append(f"  {name}{about}:")
        if spec.scale == "rubric":
            lines.extend(
                f"    {level}: {anchor}"
                for level, anchor in enumerate(spec.anchors)
            )
        else:
            low, high = spec.anchors[0], spec.anchors[-1]
            lines.append(f"    from {low} (0 points) to {high} (full points)")
    return lines


def explain(rec: Recommendation) -> str:
    """The full breakdown: every contribution, why-not, exclusions."""
    lines = [summary(rec, top=len(rec.ranking) or 1), ""]
    numbers: dict[Source, int] = {}
    for entry in rec.ranking:
        lines.append(_entry_line(entry))
        lines.extend(
            _contribution_line(c, numbers)
            for c in sorted(
                entry.contributions,
                key=lambda c: (-c.points, c.criterion.value),
            )
        )
    name = _namer(rec)
    lines.extend(why_not_line(why, name) for why in rec.why_not)
    if rec.robustness is not None and rec.ranking:
        lines.append(robustness_line(rec, rec.robustness))
    for excluded in rec.excluded:
        reasons = "; ".join(f.reason for f in excluded.failed)
        lines.append(f"Excluded: {excluded.name} - {reasons}")
    lines.extend(f"Warning: {w}" for w in rec.warnings)
    if rec.ranking:
        lines.extend(scales(rec))
    return "\n".join(lines + _footnotes(numbers))


def explain_why_not(rec: Recommendation, framework: str) -> str:
    """Why *framework* (a key or display name in *rec*) is not the winner:
    its gap criterion by criterion and what would have to change.

    Raises:
        TypeError: *framework* is not a string.
        UnknownFrameworkError: *framework* is neither ranked nor excluded
            in *rec*.
    """
    given: object = framework  # callers without type checks pass anything
    if not isinstance(given, str):
        msg = (
            "framework must be a framework key or name (str), not"
            f" {type(given).__name__}"
        )
        raise TypeError(msg)
    key = _key_in(rec, framework)
    if not rec.ranking:
        return "No framework meets every constraint, so none is first."
    name = _namer(rec)
    winner = rec.ranking[0]
    if key == winner.framework:
        return f"{winner.name} is the recommendation: it ranks first."
    excluded = next((e for e in rec.excluded if e.framework == key), None)
    if excluded is not None:
        return "\n".join(_excluded_lines(excluded, winner.name))
    why = next(w for w in rec.why_not if w.framework == key)
    return "\n".join(
        [
            (
                f"{name(key)} scores {_pts(winner.score - why.gap)},"
                f" {_pts(why.gap)} points behind {winner.name}"
                f" ({_pts(winner.score)})."
            ),
            *_gap_lines(why, name),
            *_change_lines(why, name),
        ]
    )


def _key_in(rec: Recommendation, framework: str) -> str:
    wanted = framework.strip().casefold()
    entries = [(r.framework, r.name) for r in rec.ranking] + [
        (e.framework, e.name) for e in rec.excluded
    ]
    for key, display in entries:
        if wanted in {key.casefold(), display.casefold()}:
            return key
    try:  # an alias such as "torch"
        known = get_framework(framework).key
    except UnknownFrameworkError:
        known = None
    if known in {k for k, _ in entries}:
        return str(known)
    raise UnknownFrameworkError(framework, tuple(k for k, _ in entries))


def _excluded_lines(excluded: Excluded, winner: str) -> list[str]:
    rank = excluded.rank_if_allowed
    lines = [f"{excluded.name} was left out before ranking:"]
    lines.extend(f"  - {f.reason}" for f in excluded.failed)
    if rank is not None:
        lines.append(
            f"Without those limits it would rank {rank}"
            + (" and beat " + winner if rank == 1 else "")
            + "."
        )
    return lines


def _gap_lines(why: WhyNot, name: Callable[[str], str]) -> list[str]:
    winner, other = name(why.winner), name(why.framework)
    lines = [
        f"Points by criterion (+ {winner} ahead, {_MINUS} {other} ahead):"
    ]
    width = max(len(criterion_name(c)) for c, _ in why.by_criterion)
    lines.extend(
        f"  {criterion_name(c):<{width}}  {_signed(p):>6}"
        for c, p in why.by_criterion
        if p
    )
    return lines


def _change_lines(why: WhyNot, name: Callable[[str], str]) -> list[str]:
    other = name(why.framework)
    if why.dominated:
        return [
            (
                f"{name(why.winner)} is at least as good on every criterion,"
                f" so no choice of weights ranks {other} first."
            )
        ]
    lines = [f"What would have to change for {other} to tie:"]
    flip = why.weight_to_tie
    if flip is not None:
        lines.append(
            f"  weights: {flip.direction} the weight of"
            f" {criterion_name(flip.criterion)} from"
            f" {_pts(flip.from_weight * HUNDRED)} to"
            f" {_pts(flip.to_weight * HUNDRED)} points"
        )
    possible = [t for t in why.value_to_tie if t[3]]
    lines.extend(
        f"  its {criterion_name(c)}: from {_x_text(c, now)} to"
        f" {_x_text(c, needed)}"
        for c, now, needed, _ in possible
    )
    if not possible:
        lines.append(
            f"  no single criterion alone: even the best value on any one"
            f" would leave {other} behind"
        )
    return lines


def _x_text(criterion_id: str, x: Fraction) -> str:
    """A position on the 0..1 scale as the criterion's own unit."""
    criterion = Criterion.parse(criterion_id)
    spec = CRITERIA[criterion]
    if spec.scale == "rubric":
        level = min(math.ceil(x * spec.levels), spec.levels)
        return f"level {level} of {spec.levels} ({spec.anchors[level]})"
    if spec.scale == "half_units":
        return f"{math.ceil(x * spec.levels) / 2:g} mature language APIs"
    if spec.scale == "count_log":
        stars = STARS_FLOOR * (STARS_CEILING / STARS_FLOOR) ** float(x)
        return f"{round(stars, -2):,.0f} GitHub stars"
    if spec.scale == "share":
        share = x * CEILINGS.get(criterion.value, Fraction(1))
        return f"a share of {float(share):.1%}"
    return f"{float(x):.0%} of the way to {spec.anchors[-1]}"
