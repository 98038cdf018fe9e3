"""``dlchoose report -o FILE.html``: the recommendation as one HTML page.

The page stands alone (no network, no JavaScript): the ranking as a
stacked bar chart in inline SVG, why the runners-up are behind, the
leaders compared with each figure's date and source, this interpreter's
compatibility and the dates of every data set used.  The file is written
atomically: a reader never sees half a page.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import dlchoose

from .. import get_framework
from ._bars import legend_letters
from ._compare_cmd import FACTS, FIGURES, add_purpose, comparison, text
from ._html import Chart, ChartRow, e, page, stacked_bars, table
from ._output import error
from ._report_table import HelpFormatter


if TYPE_CHECKING:
    from .. import Recommendation

#: How many leaders the comparison table shows side by side.
COMPARED: Final = 5


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        formatter_class=HelpFormatter,
        help="write the recommendation as a self-contained HTML page",
        description=(
            "Write one HTML page for a purpose: the ranking as a stacked bar"
            " chart, why the runners-up are behind, the leaders side by side"
            " with each figure's date and source, and whether each installs"
            " on this interpreter. The page loads nothing from the network"
            " and needs no JavaScript. Offline."
        ),
    )
    add_purpose(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=_output_path,
        metavar="FILE",
        help="the HTML file to write (replaced atomically); - for stdout",
    )
    parser.set_defaults(handler=run_report)


def _output_path(text: str) -> str:
    """``-o``: ``-`` or a file name (an empty one is bad usage)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must name a file, or - for stdout")
    return text


def run_report(args: argparse.Namespace) -> int:
    recommendation = dlchoose.recommend(args.purpose)
    leaders = [
        get_framework(r.framework) for r in recommendation.ranking[:COMPARED]
    ]
    compared = comparison(leaders, args.purpose) if leaders else None
    document = render(recommendation, compared)
    if args.output == "-":
        to_stdout(document)
        return 0
    try:
        write_atomically(Path(args.output), document)
    except OSError as err:
        error(f"cannot write {args.output}: {err.strerror or err}")
        return 1
    return 0


def to_stdout(document: str) -> None:
    """*document* as UTF-8 bytes, as its ``<meta charset>`` says, even when
    stdout's own encoding (``LC_ALL=C``) would replace characters."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(document)
        return
    sys.stdout.flush()
    buffer.write(document.encode("utf-8"))
    buffer.flush()


def write_atomically(path: Path, content: str) -> None:
    """Write *content* to a temporary file beside *path*, then rename it
    over *path*: readers see the old file or the new one, never a part."""
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(content)
        # mkstemp makes the file private; a report gets the usual mode.
        mask = os.umask(0)
        os.umask(mask)
        Path(temporary).chmod(0o666 & ~mask)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


# The page -----------------------------------------------------------------


def render(
    recommendation: Recommendation, compared: dict[str, Any] | None
) -> str:
    """The whole page for *recommendation* and the *compared* document."""
    purpose = recommendation.purpose.value
    version = dlchoose.__version__
    sections = [
        f"<h1>Which deep-learning framework for {e(purpose)}?</h1>",
        _verdict(recommendation),
        _ranking(recommendation),
        _why_not(recommendation),
        _comparison(compared),
        _machine(compared),
        _data(recommendation, compared),
        (
            f'<p class="note">Made by dlchoose {e(version)}; nothing on this'
            " page loads from the network.</p>"
        ),
    ]
    return page(f"dlchoose report: {purpose}", sections)


def _verdict(recommendation: Recommendation) -> str:
    if not recommendation.ranking:
        return "<p>No framework passed the constraints.</p>"
    first = recommendation.ranking[0]
    margin = recommendation.margin
    ahead = (
        ""
        if margin is None
        else f", {float(margin):.1f} points ahead of"
        f" {e(recommendation.ranking[1].name)}"
    )
    return (
        f'<p>Recommended: <strong id="winner">{e(first.name)}</strong> with'
        f" {float(first.score):.1f} of 100 points{ahead}"
        f" (data as of {e(recommendation.as_of.isoformat())}).</p>"
    )


def _ranking(recommendation: Recommendation) -> str:
    weights = recommendation.to_dict()["profile"]["weights"]
    labels = {c: c.replace("_", " ") for c in weights}
    chart = Chart(
        title=(
            f"Scores for {recommendation.purpose.value}, split by criterion"
        ),
        rows=tuple(
            ChartRow(
                label=r.name,
                score=float(r.score),
                segments=tuple(
                    (c.criterion.value, float(c.points))
                    for c in r.contributions
                ),
            )
            for r in recommendation.ranking
        ),
        labels=labels,
        letters=legend_letters(weights),
    )
    rows = [
        [str(r.rank), r.name, f"{float(r.score):.1f}"]
        for r in recommendation.ranking
    ]
    return "\n".join(
        [
            "<h2>Ranking</h2>",
            (
                '<p class="note">Each bar is a score out of 100; each coloured'
                " part is what one criterion adds (its weight times how well the"
                " framework does on it).</p>"
            ),
            stacked_bars(chart),
            table(
                ["rank", "framework", "score"],
                rows,
                numeric=(0, 2),
                caption="The ranking as a table",
            ),
        ]
    )


def _why_not(recommendation: Recommendation) -> str:
    """One table: the leading runners-up as columns, the points by which
    the winner is ahead per criterion as rows, the gap on top."""
    leaders = {r.framework for r in recommendation.ranking[:COMPARED]}
    behind = [w for w in recommendation.why_not if w.framework in leaders]
    if not behind:
        return ""
    names = {r.framework: r.name for r in recommendation.ranking}
    winner = names[behind[0].winner]
    splits = [dict(w.by_criterion) for w in behind]
    rows = [["gap", *(f"{float(w.gap):.1f}" for w in behind)]]
    rows += [
        [
            criterion.value.replace("_", " "),
            *(
                f"{float(split.get(criterion.value, 0)):+.1f}"
                for split in splits
            ),
        ]
        for criterion, _ in recommendation.weights
    ]
    columns = range(1, len(behind) + 1)
    return "\n".join(
        [
            "<h2>Why not the runners-up</h2>",
            (
                f'<p class="note">Points by which {e(winner)} is ahead (+) or'
                " behind (&minus;) on each criterion; each column adds up to its"
                " gap.</p>"
            ),
            table(
                ["", *(names[w.framework] for w in behind)],
                rows,
                numeric=tuple(columns),
            ),
        ]
    )


def _comparison(compared: dict[str, Any] | None) -> str:
    if compared is None:
        return ""
    columns = compared["frameworks"]
    differ = set(compared["differences"])
    rows: list[list[str]] = []
    marked: list[bool] = []
    for fact, label in FACTS:
        rows.append([label, *(text(c["facts"][fact]) for c in columns)])
        marked.append(f"facts.{fact}" in differ)
    for figure, label in FIGURES:
        rows.append([label, *(_figure(c["figures"], figure) for c in columns)])
        marked.append(f"figures.{figure}" in differ)
    rows.append(["figures from", *(_source(c["figures"]) for c in columns)])
    marked.append(False)
    return "\n".join(
        [
            "<h2>The leaders side by side</h2>",
            (
                '<p class="note">Highlighted rows differ. GitHub figures give'
                " the day they were observed and where they were read.</p>"
            ),
            table(["", *(c["name"] for c in columns)], rows, marked=marked),
        ]
    )


def _figure(figures: dict[str, Any] | None, figure: str) -> str:
    if not figures:
        return "unknown"
    value = figures[figure]
    if figure == "pushed_at" and value:
        return str(value)[:10]
    return f"{text(value)} (as of {figures['as_of']})"


def _source(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "unknown"
    origin = figures["provenance"] or figures["source"]
    return f"{figures['source']}, {figures['as_of']}: {origin}"


def _machine(compared: dict[str, Any] | None) -> str:
    if compared is None:
        return ""
    columns = compared["frameworks"]
    target = next(
        (
            c["compatibility"]["target"]
            for c in columns
            if c["compatibility"]["target"]
        ),
        "this interpreter (unknown)",
    )
    rows = [
        [
            c["name"],
            _installs(c["compatibility"]),
            c["compatibility"]["detail"] or "-",
            _dated(c["compatibility"]),
        ]
        for c in columns
    ]
    return "\n".join(
        [
            "<h2>This machine</h2>",
            f"<p>Target: {e(target)}.</p>",
            table(["framework", "installs", "detail", "data"], rows),
        ]
    )


def _installs(entry: dict[str, Any]) -> str:
    if entry["status"] == "installable":
        return str(entry["version"])
    return "no" if entry["status"] == "not-installable" else "unknown"


def _dated(entry: dict[str, Any]) -> str:
    if not entry["as_of"]:
        return "-"
    return f"{entry['source']}, {entry['as_of']}"


def _data(
    recommendation: Recommendation, compared: dict[str, Any] | None
) -> str:
    items = [
        (
            f"Scores: the {recommendation.purpose.value} profile"
            f" (version {recommendation.profile.version}), data as of"
            f" {recommendation.as_of.isoformat()}."
        ),
    ]
    if compared is not None:
        dates = sorted(
            {
                c["figures"]["as_of"]
                for c in compared["frameworks"]
                if c["figures"]
            }
        )
        if dates:
            items.append("GitHub figures observed " + ", ".join(dates) + ".")
    items += list(recommendation.warnings)
    items += list(recommendation.notes)
    return "\n".join(
        [
            "<h2>Data</h2>",
            "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
        ]
    )
