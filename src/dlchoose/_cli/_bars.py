"""Terminal bars: a score out of 100 split into one segment per criterion.

Readable without colour: every segment starts with its criterion's legend
letter and adjacent segments alternate two fill characters, so the split
shows in a pipe, a log file or a screen reader's text.  Colour is added
only on a terminal that wants it (``NO_COLOR``, ``FORCE_COLOR`` and
``TERM=dumb`` are honoured; see :func:`colour_wanted`).

The API, for any command that shows a ranking::

    letters = legend_letters(["graphs", "gpu", "community"])
    rows = [Bar(label="PyTorch", score=94.1,
                segments=(Segment("graphs", 20.0), ...))]
    for line in render_bars(rows, letters, width=80, colour=False):
        print(line)
    print(legend(letters, width=80))
"""

from __future__ import annotations

import os
import shutil

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, TextIO

import attrs


__all__ = [
    "Bar",
    "Segment",
    "colour_wanted",
    "emphasis",
    "legend",
    "legend_letters",
    "render_bars",
    "terminal_width",
]

#: The whole scale: a score of 100 fills the bar.
FULL_SCALE: Final = 100.0

#: Fill characters of adjacent segments (Unicode, then plain ASCII).
UNICODE_FILLS: Final = ("\u2588", "\u2592")  # full block, medium shade
ASCII_FILLS: Final = ("#", "=")

#: ANSI foreground colours, cycled over the criteria in legend order.
_COLOURS: Final = (34, 32, 33, 35, 36, 31, 94, 92, 93, 95, 96, 91)
_RESET: Final = "\033[0m"

#: Narrowest bar worth drawing; below it the bars are left out.
MIN_BAR_WIDTH: Final = 10


@attrs.frozen
class Segment:
    """One criterion's points in a bar."""

    key: str
    points: float


@attrs.frozen(kw_only=True)
class Bar:
    """One framework's row: a label, its score and the segments summing
    to it."""

    label: str
    score: float
    segments: tuple[Segment, ...]
    mark: str = ""
    """Shown after the score, e.g. ``?`` for a score with unknowns."""


def terminal_width(fallback: int = 80) -> int:
    """Columns to fit: ``COLUMNS`` if set, else the terminal's, else 80."""
    return shutil.get_terminal_size((fallback, 24)).columns


def colour_wanted(stream: TextIO) -> bool:
    """Whether to colour *stream*: ``NO_COLOR`` (any value) says no,
    ``FORCE_COLOR`` (non-empty) says yes, ``TERM=dumb`` says no, otherwise
    only a terminal gets colour (https://no-color.org,
    https://force-color.org)."""
    if os.environ.get("NO_COLOR", "") != "":
        return False
    if os.environ.get("FORCE_COLOR", "") != "":
        return True
    if os.environ.get("TERM", "") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def can_encode(stream: TextIO, text: str = UNICODE_FILLS[0]) -> bool:
    """Whether *stream*'s encoding can show *text* (``LC_ALL=C`` cannot)."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def legend_letters(
    keys: Iterable[str], names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """One distinct upper-case letter per key, in order: the first letter
    of the key not yet taken (``gpu`` after ``graphs`` is ``P``), else the
    first free letter of the alphabet.  With *names* (key -> display
    name), the initials of the name's words come first, then its letters
    (``GPU support`` is ``G``, ``language bindings`` after ``CNN layers``
    is ``B``)."""
    letters: dict[str, str] = {}
    taken: set[str] = set()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    for key in dict.fromkeys(keys):
        text = (names or {}).get(key, key).upper()
        initials = [
            w[0] for w in text.replace("-", " ").split() if w[0].isalnum()
        ]
        candidates = [
            *initials,
            *(c for c in text if c.isalnum()),
            *alphabet,
        ]
        letter = next((c for c in candidates if c not in taken), "?")
        taken.add(letter)
        letters[key] = letter
    return letters


def _cells(segments: Sequence[Segment], width: int) -> list[int]:
    """Cells per segment on a bar *width* cells for 100 points.

    Rounding the running total (not each segment) keeps the bar's length
    equal to the rounded score, whatever the number of segments.
    """
    cells: list[int] = []
    total = 0.0
    drawn = 0
    for segment in segments:
        total += max(segment.points, 0.0)
        end = round(total * width / FULL_SCALE)
        cells.append(end - drawn)
        drawn = end
    return cells


def _paint(text: str, code: int, *, colour: bool) -> str:
    return f"\033[{code}m{text}{_RESET}" if colour else text


def emphasis(text: str, *, colour: bool) -> str:
    """*text* in bold on a terminal that wants colour, else unchanged."""
    return _paint(text, 1, colour=colour)


def bar(
    segments: Sequence[Segment],
    letters: Mapping[str, str],
    width: int,
    *,
    colour: bool = False,
    ascii_only: bool = False,
) -> str:
    """One bar: each segment is its legend letter then fill characters;
    segments too small for one cell are left out."""
    fills = ASCII_FILLS if ascii_only else UNICODE_FILLS
    order = list(letters)
    parts: list[str] = []
    for index, (segment, cells) in enumerate(
        zip(segments, _cells(segments, width), strict=True)
    ):
        if cells <= 0:
            continue
        letter = letters.get(segment.key, "?")
        text = letter + fills[index % 2] * (cells - 1)
        position = order.index(segment.key) if segment.key in letters else 0
        parts.append(
            _paint(text, _COLOURS[position % len(_COLOURS)], colour=colour)
        )
    return "".join(parts)


def render_bars(
    rows: Sequence[Bar],
    letters: Mapping[str, str],
    *,
    width: int,
    colour: bool = False,
    ascii_only: bool = False,
) -> list[str]:
    """One line per row, ``label  bar  score``, fitting *width* columns.

    Labels longer than a third of the width are cut with an ellipsis; when
    fewer than :data:`MIN_BAR_WIDTH` cells are left, the bar is left out
    and only the score shows.
    """
    if not rows:
        return []
    label_width = min(max(len(row.label) for row in rows), max(width // 3, 4))
    mark_width = max(len(row.mark) for row in rows)
    score_width = max(len(f"{row.score:.1f}") for row in rows) + (
        mark_width + 1 if mark_width else 0
    )
    bar_width = width - label_width - score_width - 4
    lines = []
    for row in rows:
        label = _cut(row.label, label_width).ljust(label_width)
        score = f"{row.score:.1f}"
        if mark_width:
            score = f"{score} {row.mark:<{mark_width}}"
        score = score.rjust(score_width)
        if bar_width < MIN_BAR_WIDTH:
            lines.append(f"{label}  {score}")
            continue
        drawn = bar(
            row.segments,
            letters,
            bar_width,
            colour=colour,
            ascii_only=ascii_only,
        )
        padding = " " * (bar_width - _visible(row.segments, bar_width))
        lines.append(f"{label}  {drawn}{padding}  {score}".rstrip())
    return lines


def _visible(segments: Sequence[Segment], width: int) -> int:
    return sum(c for c in _cells(segments, width) if c > 0)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def legend(
    letters: Mapping[str, str],
    *,
    width: int,
    labels: Mapping[str, str] | None = None,
) -> str:
    """``G graphs  A autodiff ...`` wrapped to *width*, never mid-entry."""
    entries = [
        f"{letter} {(labels or {}).get(key, key)}"
        for key, letter in letters.items()
    ]
    lines: list[str] = []
    line = ""
    for entry in entries:
        candidate = f"{line}  {entry}" if line else entry
        if line and len(candidate) > width:
            lines.append(line)
            candidate = entry
        line = candidate
    lines.append(line)
    return "\n".join(lines)
