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
import math
import sys

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .. import Framework, frameworks, get_framework
from ..exceptions import UnknownFrameworkError
from ._output import error, print_json, table, warn


if TYPE_CHECKING:
    from .. import MetricsReport, RepoMetrics


__all__ = ["register", "run_stats", "run_table"]

#: Fetches of at least this many repositories show progress on a terminal.
PROGRESS_FROM = 5

#: Snapshot rows count open issues only; their cells carry this mark.
ISSUES_ONLY_MARK = "*"


def _deadline(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds: {text!r}"
        )
    return value


def _api_url_argument(text: str) -> str:
    """``--api-url``: a non-empty http(s) URL without ``user:password@``."""
    from urllib.parse import urlsplit

    cleaned = text.strip()
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in {"http", "https"}:
        raise argparse.ArgumentTypeError(
            "must be an http(s) URL such as https://ghe.example/api/v3"
        )
    if "@" in parts.netloc:
        raise argparse.ArgumentTypeError(
            "must not contain user:password@ (set DLCHOOSE_GITHUB_TOKEN)"
        )
    return cleaned


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
        type=_api_url_argument,
        help="GitHub API base URL, e.g. https://ghe.example/api/v3"
        " (also DLCHOOSE_GITHUB_API_URL)",
    )
    parser.add_argument(
        "--deadline",
        metavar="SECONDS",
        type=_deadline,
        default=60.0,
        help="give up on the network after this long (default: 60)",
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
            " rate limit."
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
            " is not live."
        ),
    )
    comparison.add_argument(
        "--format",
        choices=("markdown", "json", "csv"),
        default="markdown",
        help="output format (default: markdown)",
    )
    _common(comparison)
    comparison.set_defaults(handler=run_table)


def _progress(total: int) -> Callable[[int, int], None] | None:
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return None

    def show(done: int, of: int) -> None:
        end = "\n" if done == of else ""
        print(
            f"\rdlchoose: fetching {done}/{of} repositories",
            end=end,
            file=sys.stderr,
            flush=True,
        )

    return show


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
    return fetch_metrics(
        repos,
        token=access.token,
        offline=args.offline,
        api_url=access.api_url,
        use_cache=not args.no_cache,
        deadline=args.deadline,
        progress=_progress(len(repos)),
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
    for note in report.notes:
        warn(note)
    for problem in report.errors:
        message = str(problem.error)
        if problem.repo not in message:
            message = f"{problem.repo}: {message}"
        warn(message)


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
        rows = [
            [
                _key_for(m) or "-",
                m.full_name,
                _number(m.stars),
                _number(m.forks),
                _number(m.watchers),
                _open_issues(m),
                _flag(m.archived),
                f"{m.pushed_at:%Y-%m-%d}" if m.pushed_at else "-",
                m.license or "-",
                m.latest_release.tag if m.latest_release else "-",
                _as_of(m),
            ]
            for m in report.results
        ]
        print(
            table(
                [
                    "framework",
                    "repository",
                    "stars",
                    "forks",
                    "watchers",
                    "open issues+PRs",
                    "archived",
                    "last push",
                    "licence",
                    "release",
                    "figures as of",
                ],
                rows,
            )
        )
        if any(
            _open_issues(m).endswith(ISSUES_ONLY_MARK) for m in report.results
        ):
            print(
                f"{ISSUES_ONLY_MARK} open issues only, without pull requests"
                " (snapshot figures)"
            )
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
    for row in rows:
        values = [
            row["name"],
            row["organisation"] or "-",
            ", ".join(row["languages"]) or "-",
            _number(row["stars"]),
            _number(row["forks"]),
            row["status"],
            row["_as_of"],
        ]
        lines.append("| " + " | ".join(cell(v) for v in values) + " |")
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


def run_table(args: argparse.Namespace) -> int:
    selected = frameworks()
    repos = [f for f in selected if f.repository]
    report = _fetch(args, repos)
    if report is None:
        return 2
    _report_problems(report)
    rows = _table_rows(report, selected)
    if args.format == "json":
        print_json(
            {
                "frameworks": [
                    {k: v for k, v in row.items() if not k.startswith("_")}
                    for row in rows
                ]
            }
        )
    elif args.format == "csv":
        print(_csv(rows))
    else:
        print(_markdown(rows))
    return 0
