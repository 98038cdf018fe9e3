"""Aligned text tables that fit the terminal's width: the one table
fitter every text command uses.

When the natural table is too wide, in this order:

1. the columns that may *wrap* give up room, each in proportion to what it
   has beyond a comfortable width (its longest word, and about
   :data:`MAX_LINES` lines a cell); then any column down to its longest
   cell (headers wrap at spaces);
2. columns marked droppable are hidden, least useful first;
3. the wrapping columns, then any column, narrow down to their longest
   word (a *path* column to :data:`MIN_PATH`), cells wrapping at spaces;
4. as a last resort the widest columns narrow to :data:`MIN_CELL` and
   words too long are cut with an ellipsis, never broken.

Path cells are shortened (``~``, middle folders as ``…``) instead of
wrapped; numbers can be right-aligned; rows can be painted.
"""

from __future__ import annotations

import math

from collections.abc import Sequence
from typing import Final

import attrs

from ._report_table import BOLD, ELLIPSIS, GAP, fit, paint, short_path


__all__ = ["Column", "FittedTable", "fit_table"]

#: A wrapped cell is kept to about this many lines; narrower than that, a
#: droppable column is hidden instead.
MAX_LINES: Final = 2
#: Columns a cell never narrows below (words are cut from then on).
MIN_CELL: Final = 6
#: Columns a path column keeps before its words are narrowed further.
MIN_PATH: Final = 18


@attrs.frozen(kw_only=True)
class Column:
    """One column: *right*-aligned (numbers) or not; *wrap*: its cells
    wrap at spaces before other columns narrow; *path*: its cells are
    file-system paths, shortened rather than wrapped (it narrows first,
    like *wrap*); *drop*: hidden in this order when space runs out (lower
    first; ``None``: always shown)."""

    header: str
    right: bool = False
    wrap: bool = False
    path: bool = False
    drop: int | None = None


@attrs.frozen(kw_only=True)
class FittedTable:
    """The rendered table and the headers of the columns left out."""

    text: str
    hidden: tuple[str, ...]


def fit_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int,
    *,
    emphasis: bool = False,
    styles: Sequence[str | None] = (),
    colour: bool = False,
    ellipsis: str = ELLIPSIS,
) -> FittedTable:
    """*rows* under *columns* in at most *width* characters (as far as
    :data:`MIN_CELL` characters a column allow).

    *emphasis* makes the header bold; row *i* is painted in ``styles[i]``
    when *colour* is on; *ellipsis* marks a cut word (``"..."`` where the
    terminal cannot show ``…``).
    """
    # Cells carry text from files anyone can write (a package.json, wheel
    # metadata): a control character must not reach the terminal.
    rows = [[printable(cell) for cell in row] for row in rows]
    keep = list(range(len(columns)))
    while (widths := _widths(columns, rows, keep, width)) is None:
        keep.remove(
            min(
                (i for i in keep if columns[i].drop is not None),
                key=lambda i: columns[i].drop or 0,
            )
        )
    shown = [columns[i] for i in keep]
    header = _render_row(
        [attrs.evolve(c, path=False) for c in shown],
        [c.header for c in shown],
        widths,
        ellipsis,
    )
    lines = [paint(line, BOLD, colour=emphasis) for line in header]
    lines.append(GAP.join("-" * w for w in widths))
    for index, row in enumerate(rows):
        style = styles[index] if index < len(styles) else None
        lines.extend(
            paint(line, style, colour=colour)
            for line in _render_row(
                shown, [row[i] for i in keep], widths, ellipsis
            )
        )
    hidden = tuple(c.header for i, c in enumerate(columns) if i not in keep)
    return FittedTable(text="\n".join(lines), hidden=hidden)


def printable(text: str) -> str:
    """*text* with every control or other unprintable character shown as
    ``?`` (escape sequences could rewrite the screen or the clipboard)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else "?" for c in text)


def _widths(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    keep: Sequence[int],
    width: int,
) -> list[int] | None:
    """Widths of the *keep* columns that fit *width*, or ``None`` when a
    droppable column has to go first."""
    shown = [columns[i] for i in keep]
    cells = [[row[i] for row in rows] for i in keep]
    widths = [
        max([len(c.header), *map(len, col)])
        for c, col in zip(shown, cells, strict=True)
    ]
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    narrow = [i for i, c in enumerate(shown) if c.wrap or c.path]
    comfortable = [
        _comfortable(c, col) for c, col in zip(shown, cells, strict=True)
    ]
    excess = _share(widths, comfortable, narrow, excess)
    excess = _shrink(widths, comfortable, excess)
    if excess > 0 and any(c.drop is not None for c in shown):
        return None
    words = [
        min(w, _word_floor(c, col))
        for w, c, col in zip(widths, shown, cells, strict=True)
    ]
    excess = _share(widths, words, narrow, excess)
    excess = _shrink(widths, words, excess)
    _shrink(widths, [min(w, MIN_CELL) for w in widths], excess)
    return widths


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(w) for text in texts for w in text.split()), default=0)


def _comfortable(column: Column, cells: Sequence[str]) -> int:
    """How narrow *column* gets before a droppable column is hidden: a
    wrapping column to its longest word and about :data:`MAX_LINES` lines
    a cell, any other to its longest cell (only its header wraps)."""
    header = _longest_word([column.header])
    longest = max(map(len, cells), default=0)
    if column.path:
        return max(header, min(longest, MIN_PATH))
    if column.wrap:
        tall = math.ceil(longest / MAX_LINES)
        return max(header, _longest_word(cells), tall)
    return max(header, longest)


def _word_floor(column: Column, cells: Sequence[str]) -> int:
    """How narrow *column* gets before words are cut."""
    if column.path:
        return MIN_PATH
    return max(_longest_word([column.header, *cells]), MIN_CELL)


def _share(
    widths: list[int], floors: Sequence[int], among: Sequence[int], excess: int
) -> int:
    """Take up to *excess* columns from the columns *among*, each in
    proportion to its room above its floor; return what is still in
    excess."""
    room = {i: max(widths[i] - floors[i], 0) for i in among}
    total = sum(room.values())
    cut = min(max(excess, 0), total)
    if cut <= 0:
        return excess
    shares = {i: cut * room[i] // total for i in among}
    # Rounding leftovers come from the column with the most room.
    shares[max(among, key=lambda i: room[i])] += cut - sum(shares.values())
    for index, share in shares.items():
        widths[index] -= share
    return excess - cut


def _shrink(widths: list[int], floors: Sequence[int], excess: int) -> int:
    """Take up to *excess* columns, one at a time, from the column with
    the most room above its floor; return what is still in excess."""
    while excess > 0:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break
        widths[widest] -= 1
        excess -= 1
    return excess


def _render_row(
    columns: Sequence[Column],
    row: Sequence[str],
    widths: Sequence[int],
    ellipsis: str,
) -> list[str]:
    """One row's lines, each cell wrapped (or its path shortened) to its
    column and aligned."""
    parts = [
        [short_path(cell, w)] if c.path else fit(cell, w, ellipsis=ellipsis)
        for c, cell, w in zip(columns, row, widths, strict=True)
    ]
    height = max(len(p) for p in parts)
    return [
        GAP.join(
            (part[line] if line < len(part) else "").rjust(w)
            if c.right
            else (part[line] if line < len(part) else "").ljust(w)
            for c, part, w in zip(columns, parts, widths, strict=True)
        ).rstrip()
        for line in range(height)
    ]
