"""``dlchoose stats`` and ``dlchoose table``: live GitHub figures.

The API URL and token come from :func:`dlchoose.github_access`, the one
resolver every command uses: ``GITHUB_TOKEN`` or ``GH_TOKEN`` (github.com
credentials) only for the default API URL, and ``DLCHOOSE_GITHUB_TOKEN`` for
any other (``--api-url`` or ``DLCHOOSE_GITHUB_API_URL``, e.g. GitHub
Enterprise), so a github.com token never goes to another host.
``--offline`` or ``DLCHOOSE_OFFLINE=1`` keep the run off the network.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from .. import Framework, frameworks, get_framework
from ..exceptions import MetricsUnavailableError, UnknownFrameworkError
from ._args import api_url, seconds
from ._bars import can_encode, colour_wanted, terminal_width
from ._columns import Column, fit_table
from ._output import error, note, print_json
from ._waiting import waiting_notice


if TYPE_CHECKING:
    from .. import MetricsReport, RepoMetrics


__all__ = ["register", "run_stats", "run_table"]

#: Fetches of at least this many repositories show progress on a terminal.
PROGRESS_FROM = 5

#: Snapshot rows count open issues only; their cells carry this mark.
ISSUES_ONLY_MARK = "*"

#: The default ``--deadline`` in seconds.  A healthy fetch of every
#: registered framework takes a few seconds; GitHub itself ends a request
#: after 10 s, so a run that has heard nothing useful for 20 s is waiting
#: on a broken network, and a person would rather see the bundled or
#: cached figures than keep waiting (``--deadline`` raises it).
DEFAULT_DEADLINE: Final = 20.0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline",
        action="store_true",
        default=None,
        help="never touch the network: cached, then bundled figures"
        " (also DLCHOOSE_OFFLINE=1)",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        type=api_url,
        help="GitHub API base URL, e.g. https://ghe.example/api/v3"
        " (also DLCHOOSE_GITHUB_API_URL)",
    )
    parser.add_argument(
        "--deadline",
        metavar="SECONDS",
        type=seconds,
        default=DEFAULT_DEADLINE,
        help="give up on the network after this long, then use cached or"
        f" bundled figures (default: {DEFAULT_DEADLINE:g})",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the on-disk cache",
    )


def register(subparsers: Any) -> None:
    stats = subparsers.add_parser(
        "stats",
        help="GitHub figures for frameworks or repositories",
        description=(
            "Stars, forks, watchers, open issues and pull requests, archive"
            " state, last push, licence and latest release from GitHub."
            " NAME is a framework (key, name or alias) or an owner/name"
            " repository; by default every registered framework. Set"
            " GITHUB_TOKEN or GH_TOKEN (DLCHOOSE_GITHUB_TOKEN for another"
            " --api-url) to use GraphQL (one request for all) and a higher"
            " rate limit. The text table fits the terminal (COLUMNS, else"
            " 80): when it is narrow, the least useful columns are left out;"
            " --json has them all."
        ),
    )
    stats.add_argument("names", metavar="NAME", nargs="*")
    _common(stats)
    stats.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    stats.set_defaults(handler=run_stats)

    comparison = subparsers.add_parser(
        "table",
        help="the classic framework comparison table with today's figures",
        description=(
            "Framework, organisation, languages, stars, forks and status for"
            " every registered framework, with the date of any figure that"
            " is not live. On a terminal an aligned table that fits its"
            " width (COLUMNS); elsewhere Markdown, unless --format says"
            " otherwise."
        ),
    )
    comparison.add_argument(
        "--format",
        choices=("text", "markdown", "json", "csv"),
        default=None,
        help="output format (default: text on a terminal, else markdown)",
    )
    comparison.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="the same as --format json",
    )
    _common(comparison)
    comparison.set_defaults(handler=run_table)


def _without_repository(repos: Sequence[str | Framework]) -> str | None:
    """The first registered framework asked for that has no repository."""
    for item in repos:
        if isinstance(item, Framework):
            framework = item
        else:
            try:
                framework = get_framework(item)
            except UnknownFrameworkError:
                continue
        if not framework.repository:
            return framework.name
    return None


def _fetch(
    args: argparse.Namespace, repos: Sequence[str | Framework]
) -> MetricsReport | None:
    """The report, or ``None`` after reporting a usage error (a token
    refused for a plain-HTTP API URL, a framework without a repository).

    Only the caller's own input can be a usage error: a ``ValueError``
    from the fetch itself (whatever a server answered) is not caught here.
    """
    # Imported here: the other subcommands should not pay for the client.
    from .. import fetch_metrics, github_access

    try:
        access = github_access(args.api_url)
    except ValueError as err:
        error(str(err))
        return None
    missing = _without_repository(repos)
    if missing is not None:
        error(f"{missing} has no GitHub repository")
        return None
    host = urlsplit(access.api_url).netloc
    with waiting_notice(
        host, args.deadline, total=len(repos), progress_from=PROGRESS_FROM
    ) as progress:
        return fetch_metrics(
            repos,
            token=access.token,
            offline=args.offline,
            api_url=access.api_url,
            use_cache=not args.no_cache,
            deadline=args.deadline,
            progress=progress,
        )


def _framework_key(repo: str) -> str | None:
    try:
        return get_framework(repo).key
    except UnknownFrameworkError:
        return None


def _key_for(metrics: RepoMetrics) -> str | None:
    return _framework_key(metrics.requested) or _framework_key(
        metrics.full_name
    )


def stats_document(report: MetricsReport) -> dict[str, Any]:
    """The ``stats --json`` document (schema in docs/metrics.md)."""
    repositories = []
    for m in report.results:
        data = m.to_dict()
        repositories.append(
            {
                "framework": _key_for(m),
                "repo": m.full_name,
                "stars": m.stars,
                "forks": m.forks,
                "watchers": m.watchers,
                "open_issues": m.open_issues,
                "open_issues_include_pulls": m.open_issues_include_pulls,
                "archived": m.archived,
                "pushed_at": data["pushed_at"],
                "license": m.license,
                "latest_release": data["latest_release"],
                "source": m.source.value,
                "observed_at": data["observed_at"],
            }
        )
    errors = [
        {"framework": _framework_key(e.repo), **e.to_dict()}
        for e in report.errors
    ]
    return {"repositories": repositories, "errors": errors}


def _number(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def _open_issues(metrics: RepoMetrics) -> str:
    text = _number(metrics.open_issues)
    if metrics.open_issues is None or metrics.open_issues_include_pulls:
        return text
    return text + ISSUES_ONLY_MARK


def _flag(value: bool | None) -> str:  # noqa: FBT001 - a value, not an option
    if value is None:
        return "-"
    return "yes" if value else "no"


def _as_of(metrics: RepoMetrics) -> str:
    day = f"{metrics.observed_at:%Y-%m-%d}"
    if metrics.source.value in {"graphql", "rest"}:
        return f"{day} (live)"
    return f"{day} ({metrics.source.value})"


def _report_problems(report: MetricsReport) -> None:
    """Queue the report's notes and one note per failed repository; when
    the fetch ran offline (asked to, or GitHub out of reach) the report's
    notes already cover the repositories without figures."""
    for text in report.notes:
        note(text)
    for problem in report.errors:
        if report.offline and isinstance(
            problem.error, MetricsUnavailableError
        ):
            continue
        message = str(problem.error)
        if problem.repo not in message:
            message = f"{problem.repo}: {message}"
        note(message)


#: ``stats`` columns; on a narrow terminal the ones with a *drop* rank go
#: first (lowest first), the repository and its stars never.
_STATS_COLUMNS: Final = (
    Column(header="framework", drop=4),
    Column(header="repository"),
    Column(header="stars", right=True),
    Column(header="forks", right=True, drop=6),
    Column(header="watchers", right=True, drop=1),
    Column(header="open issues+PRs", right=True, drop=7),
    Column(header="archived", drop=5),
    Column(header="last push", drop=8),
    Column(header="licence", drop=2),
    Column(header="release", drop=3),
    Column(header="figures as of", wrap=True),
)


def _stats_row(metrics: RepoMetrics) -> list[str]:
    return [
        _key_for(metrics) or "-",
        metrics.full_name,
        _number(metrics.stars),
        _number(metrics.forks),
        _number(metrics.watchers),
        _open_issues(metrics),
        _flag(metrics.archived),
        f"{metrics.pushed_at:%Y-%m-%d}" if metrics.pushed_at else "-",
        metrics.license or "-",
        metrics.latest_release.tag if metrics.latest_release else "-",
        _as_of(metrics),
    ]


def _print_fitted(columns: Sequence[Column], rows: list[list[str]]) -> None:
    """An aligned table fitting the terminal (``COLUMNS``, else its width,
    else 80): the least useful columns are left out when it is narrow."""
    print(
        fit_table(
            columns,
            rows,
            terminal_width(),
            emphasis=colour_wanted(sys.stdout),
            ellipsis="…" if can_encode(sys.stdout, "…") else "...",
        ).text
    )


def _print_stats_text(report: MetricsReport) -> None:
    _print_fitted(_STATS_COLUMNS, [_stats_row(m) for m in report.results])
    if any(_open_issues(m).endswith(ISSUES_ONLY_MARK) for m in report.results):
        print(
            f"{ISSUES_ONLY_MARK} open issues only, without pull requests"
            " (snapshot figures)"
        )


def run_stats(args: argparse.Namespace) -> int:
    names: list[str | Framework] = list(args.names)
    repos = names or [f for f in frameworks() if f.repository]
    report = _fetch(args, repos)
    if report is None:
        return 2
    _report_problems(report)
    if args.json:
        print_json(stats_document(report))
    else:
        _print_stats_text(report)
    if report.errors and not report.results:
        count = len(report.errors)
        error(
            "no figures for the repository asked for"
            if count == 1
            else f"no figures for any of the {count} repositories asked for"
        )
        return 1
    return 0


_TABLE_HEADERS = (
    "Framework",
    "Organisation",
    "Languages",
    "Stars",
    "Forks",
    "Status",
    "Figures as of",
)


def _table_rows(
    report: MetricsReport, selected: Sequence[Framework]
) -> list[dict[str, Any]]:
    rows = []
    for framework in selected:
        metrics = (
            report.get(framework.repository) if framework.repository else None
        )
        rows.append(
            {
                "framework": framework.key,
                "name": framework.name,
                "organisation": framework.organisation,
                "languages": list(framework.languages),
                "repo": metrics.full_name if metrics else framework.repository,
                "stars": metrics.stars if metrics else None,
                "forks": metrics.forks if metrics else None,
                "status": framework.status.value,
                "source": metrics.source.value if metrics else None,
                "observed_at": (
                    metrics.to_dict()["observed_at"] if metrics else None
                ),
                "_as_of": _as_of(metrics) if metrics else "-",
            }
        )
    return rows


def _markdown(rows: Sequence[dict[str, Any]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| " + " | ".join(_TABLE_HEADERS) + " |",
        "| --- | --- | --- | ---: | ---: | --- | --- |",
    ]
    lines.extend(
        "| " + " | ".join(cell(v) for v in values) + " |"
        for values in _text_rows(rows)
    )
    return "\n".join(lines)


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    fields = [k for k in rows[0] if not k.startswith("_")] if rows else []
    writer = csv.DictWriter(
        buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "languages": "; ".join(row["languages"])})
    return buffer.getvalue().rstrip("\n")


#: ``table`` columns for a terminal; the first to hide when it is narrow
#: are the ones with the lowest *drop* rank.
_TABLE_COLUMNS: Final = (
    Column(header="Framework", wrap=True),
    Column(header="Organisation", wrap=True, drop=2),
    Column(header="Languages", wrap=True, drop=1),
    Column(header="Stars", right=True),
    Column(header="Forks", right=True, drop=3),
    Column(header="Status", drop=4),
    Column(header="Figures as of", wrap=True),
)


def _text_rows(rows: Sequence[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            row["name"],
            row["organisation"] or "-",
            ", ".join(row["languages"]) or "-",
            _number(row["stars"]),
            _number(row["forks"]),
            row["status"],
            row["_as_of"],
        ]
        for row in rows
    ]


def run_table(args: argparse.Namespace) -> int:
    selected = frameworks()
    repos = [f for f in selected if f.repository]
    report = _fetch(args, repos)
    if report is None:
        return 2
    _report_problems(report)
    rows = _table_rows(report, selected)
    chosen = args.format or ("text" if sys.stdout.isatty() else "markdown")
    if chosen == "json":
        print_json(
            {
                "frameworks": [
                    {k: v for k, v in row.items() if not k.startswith("_")}
                    for row in rows
                ]
            }
        )
    elif chosen == "csv":
        print(_csv(rows))
    elif chosen == "text":
        _print_fitted(_TABLE_COLUMNS, _text_rows(rows))
    else:
        print(_markdown(rows))
    return 0
