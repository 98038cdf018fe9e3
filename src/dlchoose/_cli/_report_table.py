"""Text that fits a terminal's width: side-by-side comparison grids whose
cells wrap at spaces (a word too long for its column is cut with an
ellipsis, never broken), wrapped paragraphs, shortened paths, shell
commands continued with ``\\`` and the colours every command uses for the
same meanings.  Aligned tables are :mod:`._columns`'s."""

from __future__ import annotations

import argparse
import os
import shlex
import textwrap

from collections.abc import Sequence
from typing import Final

import attrs


__all__ = [
    "HelpFormatter",
    "Row",
    "command_lines",
    "fit",
    "grid",
    "paint",
    "short_path",
    "wrap",
]

ELLIPSIS: Final = "\u2026"
#: Gap between columns.
GAP: Final = "  "
#: The label column never takes more than this.
MAX_LABEL: Final = 22
#: Columns narrower than this are not made narrower still.
MIN_COLUMN: Final = 3


@attrs.frozen
class Row:
    """A labelled row of cells; ``differs`` marks it; a row without cells
    is a heading."""

    label: str
    cells: Sequence[str] = ()
    differs: bool = False

    @classmethod
    def heading(cls, label: str) -> Row:
        return cls(label)


def fit(text: str, width: int, *, ellipsis: str = ELLIPSIS) -> list[str]:
    """*text* wrapped to *width*: lines break at spaces; a word longer than
    *width* is cut with *ellipsis*."""
    width = max(width, 1)
    lines = textwrap.wrap(
        text, width, break_long_words=False, break_on_hyphens=False
    )
    return [
        line
        if len(line) <= width
        else line[: max(width - len(ellipsis), 0)] + ellipsis
        for line in lines
    ] or [""]


def grid(
    headers: Sequence[str],
    rows: Sequence[Row],
    *,
    width: int,
    mark: str = "*",
    colour: bool = False,
) -> str:
    """Label column, then one column per header, in *width* columns.

    A row that ``differs`` starts with *mark* (and is bold when *colour*
    is on); headings are bold too; cells wrap onto more lines.
    """
    labels = [len(r.label) for r in rows if r.cells]
    label_width = min(max(labels, default=0) + 2, MAX_LABEL, width // 3)
    columns = max(len(headers), 1)
    column_width = max(
        (width - label_width - len(GAP) * columns) // columns, MIN_COLUMN
    )
    lines = _block("", headers, label_width, column_width, prefix="  ")
    for row in rows:
        if not row.cells:
            block = fit(row.label, width)
        else:
            prefix = f"{mark} " if row.differs else "  "
            block = _block(
                row.label, row.cells, label_width, column_width, prefix
            )
        bold = colour and (row.differs or not row.cells)
        lines.extend(
            paint(line.rstrip(), BOLD if bold else None, colour=colour)
            for line in block
        )
    return "\n".join(line.rstrip() for line in lines)


def _block(
    label: str,
    cells: Sequence[str],
    label_width: int,
    column_width: int,
    prefix: str,
) -> list[str]:
    """One row's lines: the label and every cell wrapped side by side."""
    wrapped = [fit(label, label_width - len(prefix))] + [
        fit(cell, column_width) for cell in cells
    ]
    height = max(len(w) for w in wrapped)
    lines = []
    for index in range(height):
        parts = [w[index] if index < len(w) else "" for w in wrapped]
        head = (prefix if index == 0 else " " * len(prefix)) + parts[0]
        lines.append(
            head.ljust(label_width)
            + "".join(GAP + p.ljust(column_width) for p in parts[1:])
        )
    return lines


# Terminal layout shared by the text commands ------------------------------


#: Columns a command keeps beside its label before it moves below it.
MIN_COMMAND: Final = 24


def wrap(
    text: str, width: int, *, first: str = "", rest: str = ""
) -> list[str]:
    """*text* in lines of at most *width* columns: the first starts with
    *first*, later ones with *rest*; words are never broken, and a word
    wider than the room left is cut with an ellipsis."""
    room = max(width - max(len(first), len(rest)), 1)
    lines = fit(text, room)
    return [
        (first if index == 0 else rest) + line
        for index, line in enumerate(lines)
    ]


def short_path(path: str, width: int) -> str:
    """*path* in at most *width* columns: the home folder as ``~``, then
    middle folders replaced by an ellipsis, keeping the root and the
    last names (which say what it is)."""
    home = os.path.expanduser("~")  # noqa: PTH111 - a string in, a string out
    if home not in ("~", os.sep) and (
        path == home or path.startswith(home + os.sep)
    ):
        path = "~" + path[len(home) :]
    if len(path) <= width:
        return path
    # Text, not the file system: Path would normalise what it is shown.
    parts = path.split(os.sep)  # noqa: PTH206
    for keep in range(len(parts) - 2, 0, -1):
        shortened = os.sep.join([parts[0], ELLIPSIS, *parts[-keep:]])  # noqa: PTH118
        if len(shortened) <= width:
            return shortened
    return ELLIPSIS + path[-(max(width, 2) - 1) :]


def command_lines(label: str, command: str, width: int) -> list[str]:
    """``label command`` in *width* columns, for copying into a shell.

    Too long for one line, the command moves under the label; still too
    long, it continues on indented lines ending in `` \\``, split only
    between shell words (quoted parts stay whole).  A word wider than the
    screen is shown whole: a cut command would be wrong.
    """
    if len(label) + len(command) <= width:
        return [label + command]
    words = _shell_words(command)
    below = " " * (len(label) - len(label.lstrip()) + 2)
    if len(below) + len(command) <= width:
        return [label.rstrip(), below + command]
    lines = []
    if len(label) > width - MIN_COMMAND:
        lines = [label.rstrip()]
        label = below
    # Continue under the command, unless that leaves too little room.
    indent = " " * len(label) if len(label) <= width // 3 else below
    line = label + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) + 2 > width:
            lines.append(line + " \\")
            line = indent + word
        else:
            line = f"{line} {word}"
    lines.append(line)
    return lines


def _shell_words(command: str) -> list[str]:
    """*command* split as a POSIX shell would, keeping each word's quotes."""
    lexer = shlex.shlex(command, posix=False, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:  # an unclosed quote: keep it as one word
        return [command]


def paint(text: str, style: str | None, *, colour: bool) -> str:
    """*text* in the ANSI *style* (an SGR code such as ``"31"`` or
    ``"1;32"``) when *colour* is on; unchanged otherwise."""
    if not colour or not style or not text:
        return text
    return f"\033[{style}m{text}\033[0m"


#: SGR styles, one meaning each, the same in every command.
BAD: Final = "31"  # red: a problem, an unmet requirement
GOOD: Final = "32"  # green: healthy, installable, met
WARN: Final = "33"  # yellow: works, with a caveat
DIM: Final = "2"  # faint: absent, not applicable
BOLD: Final = "1"  # headings


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped at spaces only: ``--gpu-vendor`` or
    ``one-line`` are never split at their hyphen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(
            " ".join(text.split()), width, break_on_hyphens=False
        )

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
