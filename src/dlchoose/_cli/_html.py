"""Pieces of a self-contained HTML page: no network, no JavaScript.

Every string that reaches the page passes through :func:`e` (``html.escape``
with quotes), so a framework registered as ``<script>`` shows as text.
The chart is inline SVG with ``<title>`` and ``<desc>`` for screen readers
and a ``<title>`` on each segment for a pointer's tooltip.
"""

from __future__ import annotations

import html

from collections.abc import Mapping, Sequence
from typing import Final

import attrs


__all__ = ["Chart", "ChartRow", "e", "page", "stacked_bars", "table"]

#: Segment colours (Okabe-Ito, then Tol's muted), told apart by most
#: colour-blind readers; the legend letters carry the meaning anyway.
PALETTE: Final = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#332288",
    "#5B5B5B",
    "#117733",
    "#999933",
    "#882255",
)

_STYLE: Final = """
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;
vertical-align:top}th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.differs th{background:#fff3cd}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.swatch{display:inline-block;width:1em;height:1em;vertical-align:-.15em;
margin-right:.3em;border:1px solid #333}
.scroll{overflow-x:auto}svg{max-width:100%;height:auto}
.note{color:#555;font-size:.9rem}
""".strip()

BAR_HEIGHT: Final = 26
ROW_GAP: Final = 10
LABEL_WIDTH: Final = 190
BAR_WIDTH: Final = 600
SCORE_WIDTH: Final = 60
#: Characters of a bar's label that fit in LABEL_WIDTH.
MAX_LABEL_CHARS: Final = 22


def e(value: object) -> str:
    """*value* as HTML text, quotes included (safe in attributes too)."""
    return html.escape(str(value), quote=True)


def colours(keys: Sequence[str]) -> dict[str, str]:
    """One palette colour per key, in order."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


@attrs.frozen(kw_only=True)
class ChartRow:
    """One bar: a label, its score and (criterion, points) segments."""

    label: str
    score: float
    segments: tuple[tuple[str, float], ...]


@attrs.frozen(kw_only=True)
class Chart:
    """A stacked bar chart: the rows, a title and each key's legend text."""

    title: str
    rows: tuple[ChartRow, ...]
    labels: Mapping[str, str]
    """Criterion key -> the words the legend shows."""
    letters: Mapping[str, str]
    """Criterion key -> its legend letter (as the terminal bars use)."""


def stacked_bars(chart: Chart) -> str:
    """The chart as inline SVG followed by its legend as a list."""
    palette = colours(list(chart.labels))
    height = len(chart.rows) * (BAR_HEIGHT + ROW_GAP) + ROW_GAP
    width = LABEL_WIDTH + BAR_WIDTH + SCORE_WIDTH
    description = "; ".join(
        f"{row.label}: {row.score:.1f} of 100 points" for row in chart.rows
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img"'
            f' aria-labelledby="chart-title chart-desc" viewBox="0 0 {width}'
            f' {height}" width="{width}" height="{height}">'
        ),
        f'<title id="chart-title">{e(chart.title)}</title>',
        f'<desc id="chart-desc">{e(description)}</desc>',
    ]
    for index, row in enumerate(chart.rows):
        parts.append(_bar(row, index, palette, chart.labels))
    parts.append("</svg>")
    parts.append(_legend(chart, palette))
    return "\n".join(parts)


def _bar(
    row: ChartRow,
    index: int,
    palette: Mapping[str, str],
    labels: Mapping[str, str],
) -> str:
    top = ROW_GAP + index * (BAR_HEIGHT + ROW_GAP)
    middle = top + BAR_HEIGHT / 2
    parts = [
        (
            f'<g><text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end"'
            f' dominant-baseline="middle">{e(_short(row.label))}</text>'
        )
    ]
    x = float(LABEL_WIDTH)
    for key, points in row.segments:
        span = max(points, 0.0) * BAR_WIDTH / 100
        if span <= 0:
            continue
        parts.append(
            f'<rect x="{x:.2f}" y="{top}" width="{span:.2f}"'
            f' height="{BAR_HEIGHT}" fill="{e(palette.get(key, "#777"))}"'
            f' stroke="#fff" stroke-width="1"><title>{e(row.label)}:'
            f" {e(labels.get(key, key))} {points:.1f} points</title></rect>"
        )
        x += span
    parts.append(
        f'<text x="{x + 6:.2f}" y="{middle}"'
        f' dominant-baseline="middle">{row.score:.1f}</text></g>'
    )
    return "".join(parts)


def _short(label: str) -> str:
    """*label* cut to what the label column holds (the segments' own
    titles keep the whole name)."""
    if len(label) <= MAX_LABEL_CHARS:
        return label
    return label[: MAX_LABEL_CHARS - 1] + "\u2026"


def _legend(chart: Chart, palette: Mapping[str, str]) -> str:
    items = "".join(
        f'<li><span class="swatch" style="background:{e(palette[key])}">'
        f"</span>{e(chart.letters.get(key, ''))} {e(label)}</li>"
        for key, label in chart.labels.items()
    )
    return f'<ul class="legend" aria-label="legend">{items}</ul>'


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    marked: Sequence[bool] = (),
    caption: str | None = None,
) -> str:
    """A table whose first column heads each row; cells are escaped.

    Columns listed in *numeric* align right; a row whose *marked* flag is
    set gets the ``differs`` class.
    """
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = []
    for index, row in enumerate(rows):
        flag = marked[index] if index < len(marked) else False
        cls = ' class="differs"' if flag else ""
        cells = [f'<th scope="row">{e(row[0])}</th>'] + [
            f'<td class="num">{e(c)}</td>'
            if i in numeric
            else f"<td>{e(c)}</td>"
            for i, c in enumerate(row[1:], start=1)
        ]
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    return (
        f'<div class="scroll"><table>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def page(title: str, body: Sequence[str]) -> str:
    """A whole HTML document: *title* escaped, *body* already HTML."""
    content = "\n".join(body)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No resource may load: the page works from a file, offline.
        '<meta http-equiv="Content-Security-Policy" content="default-src'
        " 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n"
        f"</head>\n<body>\n{content}\n</body>\n</html>\n"
    )
