"""Text rendering of a recommendation: the short answer and the breakdown.

One function per block of text; each takes the result values and returns
lines, so ``summary()`` and ``explain()`` read as their outline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ._maths import HUNDRED


if TYPE_CHECKING:
    from .._sources import Source
    from ._results import (
        Contribution,
        Ranked,
        Recommendation,
        Robustness,
        WhyNot,
    )


__all__ = ["explain", "summary"]


def header(rec: Recommendation) -> str:
    """Purpose, profile version, data and the two main switches."""
    constraints = dict(rec.constraints)
    gate = "on" if constraints["core_gate"] else "off"
    unmaintained = (
        "included" if constraints["include_unmaintained"] else "excluded"
    )
    target = constraints.get("installable")
    installable = f"; installable on {target['target']}" if target else ""
    return (
        f"{rec.purpose.value} (profile v{rec.profile.version};"
        f" data {rec.data} as of {rec.as_of.isoformat()};"
        f" core gate {gate}; unmaintained {unmaintained}{installable})"
    )


def _no_survivor(rec: Recommendation) -> list[str]:
    lines = ["No framework meets every constraint."]
    lines.extend(
        "  drop " + " + ".join(r.dropped) + f" -> {r.winner} first"
        for r in rec.relaxations
    )
    if not rec.relaxations:
        lines.append("  no combination of at most three relaxations helps")
    return lines


def summary(rec: Recommendation, top: int = 5) -> str:
    """A short ranked answer with the winner's reasons."""
    lines = [header(rec)]
    if not rec.ranking:
        return "\n".join(lines + _no_survivor(rec))
    width = max(len(r.name) for r in rec.ranking[:top])
    for entry in rec.ranking[:top]:
        line = f"{entry.rank:>2}. {entry.name:<{width}}  {float(entry.score):5.1f}"
        if entry.rank == 1:
            line += _lead(rec)
        lines.append(line)
    if len(rec.ranking) > top:
        lines.append(f"    … {len(rec.ranking) - top} more")
    lines.append(_why_winner(rec))
    if rec.why_not:
        lines.append(why_not_line(rec.why_not[0], _namer(rec)))
    lines.extend(rec.notes)
    return "\n".join(lines)


def _namer(rec: Recommendation) -> Callable[[str], str]:
    names = {entry.framework: entry.name for entry in rec.ranking}
    return lambda key: names.get(key, key)


def _lead(rec: Recommendation) -> str:
    margin = rec.margin
    if margin is None:
        return "   the only framework left"
    robust = rec.robustness
    assert robust is not None  # noqa: S101 - set whenever ranked
    text = f"   lead +{float(margin):.1f} over {rec.ranking[1].name}; {robust.label}"
    flip = robust.min_flip_points
    if flip is not None:
        text += f" (needs >= {float(flip):.1f} weight points to flip)"
    return text


def _why_winner(rec: Recommendation) -> str:
    best = rec.ranking[0]
    items = sorted(
        (c for c in best.contributions if c.weight),
        key=lambda c: (-c.points, c.criterion.value),
    )
    shown = ", ".join(
        f"{c.criterion.value} {float(c.points):.1f}/{float(c.weight * HUNDRED):.0f}"
        + ("" if c.known else " (unknown)")
        for c in items
    )
    return f"Why {best.name}: {shown}"


def why_not_line(why: WhyNot, name: Callable[[str], str]) -> str:
    """One runner-up's gap to the winner, criterion by criterion."""
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


def robustness_line(robust: Robustness) -> str:
    """The smallest weight change that flips the winner, in words."""
    flip = robust.min_flip
    if flip is None:
        return f"Robustness: {robust.label}; no single weight change flips the winner"
    return (
        f"Robustness: {robust.label}; {flip.direction} {flip.criterion} from"
        f" {float(flip.from_weight * HUNDRED):.1f} to"
        f" {float(flip.to_weight * HUNDRED):.1f} and {flip.challenger} ties"
    )


def _entry_line(entry: Ranked) -> str:
    line = (
        f"{entry.rank}. {entry.name} ({entry.framework}):"
        f" {float(entry.score):.1f} points"
    )
    if entry.score_max != entry.score:
        line += f" (up to {float(entry.score_max):.1f} if unknowns were best)"
    if entry.tie_broken_by:
        line += f"; tie broken by {entry.tie_broken_by}"
    return line


def _contribution_line(c: Contribution, numbers: dict[Source, int]) -> str:
    """One criterion's points, value and footnote marks (numbered on
    first use, so a source keeps one number in the whole document)."""
    marks = "".join(
        f"[{numbers.setdefault(s, len(numbers) + 1)}]" for s in c.sources
    )
    raw = "unknown" if c.value is None else str(c.value)
    return (
        f"   {c.criterion.value:<16} {float(c.points):5.1f}"
        f" / {float(c.weight * HUNDRED):4.1f}  value {raw}"
        + (f" ({c.note})" if c.note else "")
        + f" {marks}"
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
        lines.append(robustness_line(rec.robustness))
    for excluded in rec.excluded:
        reasons = "; ".join(f.reason for f in excluded.failed)
        lines.append(f"Excluded: {excluded.name} - {reasons}")
    lines.extend(f"Warning: {w}" for w in rec.warnings)
    return "\n".join(lines + _footnotes(numbers))
