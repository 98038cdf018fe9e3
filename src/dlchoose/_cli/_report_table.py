"""A side-by-side text table that fits a width: cells wrap at spaces and
a word too long for its column is cut with an ellipsis, never broken."""

from __future__ import annotations

import textwrap

from collections.abc import Sequence
from typing import Final

import attrs


__all__ = ["Row", "fit", "grid"]

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


def fit(text: str, width: int) -> list[str]:
    """*text* wrapped to *width*: lines break at spaces; a word longer than
    *width* is cut with an ellipsis."""
    width = max(width, 1)
    lines = textwrap.wrap(
        text, width, break_long_words=False, break_on_hyphens=False
    )
    return [
        line if len(line) <= width else line[: width - 1] + ELLIPSIS
        for line in lines
    ] or [""]


def grid(
    headers: Sequence[str],
    rows: Sequence[Row],
    *,
    width: int,
    mark: str = "*",
) -> str:
    """Label column, then one column per header, in *width* columns.

    A row that ``differs`` starts with *mark*; cells wrap onto more lines.
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
            lines.extend(fit(row.label, width))
            continue
        prefix = f"{mark} " if row.differs else "  "
        lines.extend(
            _block(row.label, row.cells, label_width, column_width, prefix)
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
