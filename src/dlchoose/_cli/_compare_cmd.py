"""``dlchoose compare A B [C...]``: frameworks side by side.

Facts from the registry, points per criterion from the recommender, GitHub
figures from the cache or the bundled snapshot and the compatibility of
this interpreter, each with its date; rows where the frameworks differ are
marked.  Offline: nothing here opens a socket.  The document built here
(:func:`comparison`) is also what ``dlchoose report`` draws.
"""

from __future__ import annotations

import argparse
import sys

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import dlchoose

from .. import Purpose, get_framework, purposes
from ..exceptions import DlchooseError
from ._bars import (
    Bar,
    Segment,
    can_encode,
    colour_wanted,
    legend,
    legend_letters,
    render_bars,
    terminal_width,
)
from ._output import print_json
from ._report_table import HelpFormatter, Row, grid


if TYPE_CHECKING:
    from .. import Compatibility, Framework, MetricsReport, Recommendation


#: (fact, label) in the order the table shows them.
FACTS: Final = (
    ("organisation", "organisation"),
    ("licence", "licence"),
    ("status", "status"),
    ("graph_style", "graph style"),
    ("autodiff", "autodiff"),
    ("gpu_backends", "GPU back ends"),
    ("deployment", "deployment"),
    ("languages", "languages"),
    ("latest_release", "latest release"),
)

#: (figure, label) of the GitHub figures compared.
FIGURES: Final = (
    ("stars", "stars"),
    ("forks", "forks"),
    ("open_issues", "open issues"),
    ("pushed_at", "last push"),
)

DIFFER_MARK: Final = "*"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compare",
        formatter_class=HelpFormatter,
        help="compare frameworks side by side, the differences marked",
        description=(
            "Compare two or more frameworks side by side: facts, points per"
            " criterion for a purpose, GitHub figures and whether each"
            " installs on this interpreter, each with its date. Rows where"
            " the frameworks differ are marked with *. Offline: figures come"
            " from the cache or the bundled snapshot."
        ),
    )
    parser.add_argument("first", metavar="A", help="a framework name")
    parser.add_argument(
        "others",
        nargs="+",
        metavar="B",
        help="one or more further frameworks (keys, names or aliases)",
    )
    add_purpose(parser)
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.set_defaults(handler=run_compare)


def add_purpose(parser: argparse.ArgumentParser) -> None:
    """``--purpose``, shared with ``dlchoose report``."""
    parser.add_argument(
        "--purpose",
        type=_purpose,
        default=Purpose.ACADEMIC.value,
        metavar="PURPOSE",
        help=(
            "one of "
            + ", ".join(p.value for p in Purpose)
            + " or an alias ("
            + ", ".join(a for p in purposes() for a in p.aliases)
            + "); default: academic"
        ),
    )


def _purpose(text: str) -> str:
    """``--purpose``: a purpose or an alias, as its canonical name; anything
    else is a usage error listing the choices."""
    from ..exceptions import UnknownPurposeError

    try:
        return Purpose.parse(text).value
    except UnknownPurposeError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def run_compare(args: argparse.Namespace) -> int:
    chosen = resolve([args.first, *args.others])
    document = comparison(chosen, args.purpose)
    if args.json:
        print_json(document)
        return 0
    width = terminal_width()
    colour = colour_wanted(sys.stdout)
    print(render_text(document, width=width, colour=colour))
    ascii_only = not can_encode(sys.stdout)
    print()
    print(
        "\n".join(
            score_bars(document, width, colour=colour, ascii_only=ascii_only)
        )
    )
    return 0


def resolve(names: Iterable[str]) -> tuple[Framework, ...]:
    """Each name's framework, once, in the order given (aliases allowed);
    an unknown name raises :class:`~dlchoose.exceptions.UnknownFrameworkError`."""
    found: dict[str, Framework] = {}
    for name in names:
        framework = get_framework(name)
        found.setdefault(framework.key, framework)
    return tuple(found.values())


# The document ------------------------------------------------------------


def comparison(chosen: Sequence[Framework], purpose: str) -> dict[str, Any]:
    """The comparison as one JSON-ready object (schema in docs/cli.md)."""
    # Every constraint relaxed: a comparison scores what the user named,
    # even a retired framework or one whose capabilities are unknown.
    recommendation = dlchoose.recommend(
        purpose,
        frameworks=chosen,
        include_unmaintained=True,
        core_gate=False,
        unknown="keep",
    )
    metrics = _metrics(chosen)
    compat = _compatibility(chosen)
    columns = [
        {
            "framework": f.key,
            "name": f.name,
            "facts": facts(f),
            **_scores(recommendation, f.key),
            "figures": _figures(metrics, f),
            "compatibility": _compat_entry(compat.get(f.key)),
        }
        for f in chosen
    ]
    return {
        "purpose": recommendation.purpose.value,
        "scores_as_of": recommendation.as_of.isoformat(),
        "weights": recommendation.to_dict()["profile"]["weights"],
        "frameworks": columns,
        "differences": differences(columns),
    }


def facts(framework: Framework) -> dict[str, Any]:
    """The compared facts of *framework*, as ``Framework.to_dict`` has them."""
    whole = framework.to_dict()
    return {fact: whole[fact] for fact, _ in FACTS}


def _scores(recommendation: Recommendation, key: str) -> dict[str, Any]:
    ranked = {r.framework: r.to_dict() for r in recommendation.ranking}
    entry = ranked.get(key)
    excluded = [
        failure.reason
        for e in recommendation.excluded
        if e.framework == key
        for failure in e.failed
    ]
    if entry is None:
        return {
            "rank": None,
            "score": None,
            "score_interval": None,
            "points": {},
            "excluded": excluded,
        }
    return {
        "rank": entry["rank"],
        "score": entry["score"],
        "score_interval": entry["score_interval"],
        "points": {
            c["criterion"]: c["points"] for c in entry["contributions"]
        },
        "excluded": excluded,
    }


def _metrics(chosen: Sequence[Framework]) -> MetricsReport | None:
    with_repo = [f for f in chosen if f.repository]
    if not with_repo:
        return None
    try:
        return dlchoose.fetch_metrics(with_repo, offline=True)
    except DlchooseError:
        return None


def _figures(
    report: MetricsReport | None, framework: Framework
) -> dict[str, Any] | None:
    """The GitHub figures with the day they were observed, or ``None``."""
    found = (
        report.get(framework.repository)
        if report is not None and framework.repository
        else None
    )
    if found is None:
        return None
    whole = found.to_dict()
    return {
        "repo": found.full_name,
        **{figure: whole[figure] for figure, _ in FIGURES},
        "as_of": found.observed_at.date().isoformat(),
        "source": found.source.value,
        "provenance": found.provenance,
    }


def _compatibility(chosen: Sequence[Framework]) -> dict[str, Compatibility]:
    """This interpreter's answers by key; empty when unknown."""
    check = getattr(dlchoose, "compatibility", None)
    if check is None:
        return {}
    try:
        answers = check([f.key for f in chosen], offline=True)
    except DlchooseError:
        return {}
    return {answer.framework: answer for answer in answers}


def _compat_entry(answer: Compatibility | None) -> dict[str, Any]:
    if answer is None:
        return {
            "status": "unknown",
            "version": None,
            "detail": "",
            "target": None,
            "as_of": None,
            "source": None,
        }
    return {
        "status": "installable" if answer.installable else "not-installable",
        "version": answer.version if answer.installable else None,
        "detail": answer.detail,
        "target": answer.target.describe(),
        "as_of": (
            answer.data.read_at.date().isoformat() if answer.data else None
        ),
        "source": answer.data.origin.value if answer.data else None,
    }


def differences(columns: Sequence[dict[str, Any]]) -> list[str]:
    """Dotted paths of the values that are not the same in every column."""
    paths = [f"facts.{fact}" for fact, _ in FACTS]
    paths += ["score"]
    paths += [
        f"points.{c}"
        for c in dict.fromkeys(c for col in columns for c in col["points"])
    ]
    paths += [f"figures.{figure}" for figure, _ in FIGURES]
    paths += ["compatibility.status", "compatibility.version"]
    return [
        path
        for path in paths
        if len({repr(_at(col, path)) for col in columns}) > 1
    ]


def _at(column: dict[str, Any], path: str) -> Any:
    value: Any = column
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


# Text ---------------------------------------------------------------------


def text(value: Any) -> str:
    """A JSON value in words: unknown, lists joined, releases dated."""
    if value is None or value in ([], "", "unknown"):
        return "unknown"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):  # a release
        date = value.get("date")
        return f"{value['version']} ({date})" if date else value["version"]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_text(
    document: dict[str, Any], *, width: int, colour: bool = False
) -> str:
    """The comparison as an aligned table fitting *width* columns."""
    columns = document["frameworks"]
    differ = set(document["differences"])
    header = (
        f"Comparing {', '.join(c['name'] for c in columns)}"
        f" for {document['purpose']}"
    )
    rows = [
        *_fact_rows(columns, differ),
        *_score_rows(document, differ),
        *_figure_rows(columns, differ),
        *_compat_rows(columns, differ),
    ]
    table = grid(
        [c["name"] for c in columns],
        rows,
        width=width,
        mark=DIFFER_MARK,
        colour=colour,
    )
    return "\n".join(
        [
            *_wrap_line(header, width),
            "",
            table,
            "",
            *_wrap_line(
                f"{DIFFER_MARK} marks a row where the frameworks differ."
                " Points ignore the recommender's exclusions (unmaintained,"
                " core qualities), so every framework named is scored.",
                width,
            ),
        ]
    )


def _wrap_line(line: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(line, width, break_long_words=False) or [""]


def _fact_rows(
    columns: Sequence[dict[str, Any]], differ: set[str]
) -> list[Row]:
    return [
        Row.heading("facts"),
        *(
            Row(
                label,
                [text(c["facts"][fact]) for c in columns],
                differs=f"facts.{fact}" in differ,
            )
            for fact, label in FACTS
        ),
    ]


def _score_rows(document: dict[str, Any], differ: set[str]) -> list[Row]:
    columns = document["frameworks"]
    rows = [
        Row.heading(
            f"points for {document['purpose']}"
            f" (data as of {document['scores_as_of']})"
        ),
        Row(
            "score /100",
            [_score(c) for c in columns],
            differs="score" in differ,
        ),
    ]
    rows += [
        Row(
            f"{criterion.replace('_', ' ')} /{weight:g}",
            [_points(c["points"].get(criterion)) for c in columns],
            differs=f"points.{criterion}" in differ,
        )
        for criterion, weight in document["weights"].items()
    ]
    return rows


def _score(column: dict[str, Any]) -> str:
    if column["score"] is None:
        return "excluded: " + "; ".join(column["excluded"])
    # The interval runs from the worst to the best case of the unknown
    # values; the score itself lies between them.
    _, high = column["score_interval"]
    upper = f" (at most {high:.1f})" if high != column["score"] else ""
    return f"{column['score']:.1f}{upper} #{column['rank']}"


def _points(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _figure_rows(
    columns: Sequence[dict[str, Any]], differ: set[str]
) -> list[Row]:
    rows = [Row.heading("GitHub")]
    rows += [
        Row(
            label,
            [_figure(c["figures"], figure) for c in columns],
            differs=f"figures.{figure}" in differ,
        )
        for figure, label in FIGURES
    ]
    rows.append(
        Row(
            "figures dated",
            [
                f"{c['figures']['as_of']} {c['figures']['source']}"
                if c["figures"]
                else "unknown"
                for c in columns
            ],
        )
    )
    return rows


def _figure(figures: dict[str, Any] | None, figure: str) -> str:
    if not figures:
        return "unknown"
    value = figures[figure]
    if figure == "pushed_at" and value:
        return str(value)[:10]
    return text(value)


def _compat_rows(
    columns: Sequence[dict[str, Any]], differ: set[str]
) -> list[Row]:
    targets = [c["compatibility"]["target"] for c in columns]
    target = next((t for t in targets if t), "this interpreter")
    return [
        Row.heading(f"installs on {target}"),
        Row(
            "version",
            [_installs(c["compatibility"]) for c in columns],
            differs=bool(
                {"compatibility.status", "compatibility.version"} & differ
            ),
        ),
        Row("note", [c["compatibility"]["detail"] or "-" for c in columns]),
        Row(
            "data dated",
            [
                f"{c['compatibility']['as_of']} {c['compatibility']['source']}"
                if c["compatibility"]["as_of"]
                else "-"
                for c in columns
            ],
        ),
    ]


def _installs(entry: dict[str, Any]) -> str:
    if entry["status"] == "installable":
        return str(entry["version"])
    return "no" if entry["status"] == "not-installable" else "unknown"


# Bars ---------------------------------------------------------------------


def score_bars(
    document: dict[str, Any],
    width: int,
    *,
    colour: bool = False,
    ascii_only: bool = False,
) -> list[str]:
    """Each scored framework's bar split by criterion, then the legend."""
    letters = legend_letters(document["weights"])
    rows = [
        Bar(
            label=c["name"],
            score=c["score"],
            segments=tuple(
                Segment(criterion, points)
                for criterion, points in c["points"].items()
            ),
        )
        for c in sorted(
            (c for c in document["frameworks"] if c["score"] is not None),
            key=lambda c: c["rank"],
        )
    ]
    labels = {c: c.replace("_", " ") for c in letters}
    return [
        *_wrap_line(
            "Score bars (one letter per criterion; 100 fills the bar):",
            width,
        ),
        *render_bars(
            rows, letters, width=width, colour=colour, ascii_only=ascii_only
        ),
        legend(letters, width=width, labels=labels),
    ]
