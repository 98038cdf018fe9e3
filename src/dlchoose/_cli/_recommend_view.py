"""What ``dlchoose recommend`` prints: the answer, the ranking as bars and
one framework's gap to the winner, fitted to the terminal's width.

The words come from the library (``Recommendation.summary``,
:func:`dlchoose.explain_why_not`); this module only lays them out: it
wraps lines with a hanging indent, draws the bars and marks scores that
rest on unknown values.
"""

from __future__ import annotations

import textwrap

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from .. import criterion_name
from ._bars import Bar, Segment, emphasis, legend, legend_letters, render_bars


if TYPE_CHECKING:
    from .. import Recommendation


__all__ = ["ranking_bars", "short_view", "why_not_document", "wrap"]

#: The mark after a score that rests on unknown values.
UNKNOWN_MARK: Final = "?"


def wrap(text: str, width: int) -> list[str]:
    """Each line of *text* wrapped to *width*, continuation lines indented
    two columns past the line's own indent; words (URLs) are never
    broken, so only a word longer than the width overflows."""
    lines: list[str] = []
    for line in text.splitlines():
        indent = line[: len(line) - len(line.lstrip())]
        if not line.strip():
            lines.append("")
            continue
        lines.extend(
            textwrap.wrap(
                line.strip(),
                width=max(width, 20),
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return lines


def short_view(
    rec: Recommendation,
    *,
    top: int,
    width: int,
    colour: bool = False,
    ascii_only: bool = False,
) -> list[str]:
    """The answer in words, then the first *top* frameworks as bars."""
    lines = wrap(rec.summary(top=0), width)
    lines[0] = emphasis(lines[0], colour=colour)
    if not rec.ranking:
        return lines
    return [
        *lines,
        "",
        *ranking_bars(
            rec, top=top, width=width, colour=colour, ascii_only=ascii_only
        ),
    ]


def ranking_bars(
    rec: Recommendation,
    *,
    top: int,
    width: int,
    colour: bool = False,
    ascii_only: bool = False,
) -> list[str]:
    """Each of the first *top* frameworks' score as a bar split by
    criterion (largest weights first), with the legend and the unknowns."""
    order = [c.value for c, w in sorted(rec.weights, key=_heaviest) if w]
    names = {key: criterion_name(key) for key in order}
    letters = legend_letters(order, names)
    shown = rec.ranking[:top]
    rows = [
        Bar(
            label=f"{entry.rank:>2}. {entry.name}",
            score=float(entry.score),
            segments=_segments(entry.contributions, order),
            mark=UNKNOWN_MARK if entry.unknown else "",
        )
        for entry in shown
    ]
    title = (
        f"Top {len(shown)} of {len(rec.ranking)}"
        if len(shown) < len(rec.ranking)
        else f"All {len(shown)}"
    )
    lines = wrap(
        f"{title}: each bar is the score out of 100, one letter per"
        " criterion.",
        width,
    )
    lines += render_bars(
        rows, letters, width=width, colour=colour, ascii_only=ascii_only
    )
    lines += _unknown_lines(rec, shown, width)
    if len(shown) < len(rec.ranking):
        more = len(rec.ranking) - len(shown)
        lines += wrap(
            f"\u2026 {more} more: --top N or --all shows them.", width
        )
    lines += legend(letters, width=width, labels=names).splitlines()
    return lines


def _heaviest(item: tuple[Any, Any]) -> tuple[Any, str]:
    criterion, weight = item
    return (-weight, criterion.value)


def _segments(
    contributions: Iterable[Any], order: list[str]
) -> tuple[Segment, ...]:
    points = {c.criterion.value: float(c.points) for c in contributions}
    return tuple(Segment(key, points.get(key, 0.0)) for key in order)


def _unknown_lines(
    rec: Recommendation, shown: Iterable[Any], width: int
) -> list[str]:
    """What the ``?`` marks mean, naming each framework's unknown values."""
    parts = [
        f"{entry.name} ({', '.join(criterion_name(c) for c in entry.unknown)};"
        f" at most {float(entry.score_max):.1f}"
        + ("; its rank could change" if entry.rank_open else "")
        + ")"
        for entry in shown
        if entry.unknown
    ]
    if not parts:
        return []
    mode = dict(rec.constraints).get("missing")
    counted = {
        "pessimistic": "counted as 0",
        "neutral": "counted as half their scale",
    }.get(
        str(mode),
        "scored at the lower of the framework's own average of known"
        " values and the criterion's typical measured value (the median,"
        " at most half the scale); an unknown share its series bounds at"
        " most the smallest share it measures",
    )
    return wrap(
        f"{UNKNOWN_MARK} some values unknown, {counted}: " + "; ".join(parts),
        width,
    )


def why_not_document(rec: Recommendation, key: str) -> dict[str, Any]:
    """``recommend --why-not NAME --json``: where *key* stands against the
    winner (``ranked``, ``winner``, ``excluded``) and why."""
    winner = rec.ranking[0].framework if rec.ranking else None
    why = next((w for w in rec.why_not if w.framework == key), None)
    excluded = next((e for e in rec.excluded if e.framework == key), None)
    ranked = next((r for r in rec.ranking if r.framework == key), None)
    if key == winner:
        status = "winner"
    elif excluded is not None:
        status = "excluded"
    else:
        status = "ranked"
    return {
        "purpose": rec.purpose.value,
        "framework": key,
        "winner": winner,
        "status": status,
        "rank": None if ranked is None else ranked.rank,
        "why_not": None if why is None else why.to_dict(),
        "excluded": None if excluded is None else excluded.to_dict(),
    }
