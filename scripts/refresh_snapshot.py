"""Regenerate ``src/dlchoose/_metrics/github-snapshot.json`` from the live API.

Maintainers only; needs a token (GraphQL)::

    GITHUB_TOKEN=... python scripts/refresh_snapshot.py [--out PATH]

Every registered framework's repository, plus every repository already in
the snapshot, is fetched in one GraphQL request.  Repositories GitHub
answers for get today's figures (``provenance`` names the API and the
date); the others keep their previous row, with its own observation date
and source, so the file never loses a figure it had.  The result is
deterministic for the same answers: rows sorted by name.
"""

from __future__ import annotations

import argparse
import json
import sys

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from dlchoose import github_access
from dlchoose._metrics._client import (
    DEFAULT_API_URL,
    GitHubClient,
    registry_repositories,
)
from dlchoose._metrics._values import MetricsSource, RepoMetrics


ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "dlchoose" / "_metrics" / "github-snapshot.json"


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def live_row(metrics: RepoMetrics, api_url: str) -> dict[str, Any]:
    """A snapshot row for figures just read from the API."""
    day = f"{metrics.observed_at:%Y-%m-%d}"
    return {
        "repo": metrics.full_name,
        "stars": metrics.stars,
        "forks": metrics.forks,
        "watchers": metrics.watchers,
        "open_issues": metrics.open_issues,
        "open_issues_include_pulls": metrics.open_issues_include_pulls,
        "archived": metrics.archived,
        "disabled": metrics.disabled,
        "pushed_at": _iso(metrics.pushed_at),
        "created_at": _iso(metrics.created_at),
        "license": metrics.license,
        "latest_release": (
            {
                "tag": metrics.latest_release.tag,
                "published_at": _iso(metrics.latest_release.published_at),
            }
            if metrics.latest_release
            else None
        ),
        "observed_at": _iso(metrics.observed_at),
        "provenance": (
            f"GitHub {metrics.source.value.upper()} API ({api_url}),"
            f" read {day}; open issues include pull requests"
        ),
    }


def refresh(
    client: GitHubClient,
    repos: Sequence[str],
    previous: Mapping[str, Any] | None,
    built: date,
) -> tuple[dict[str, Any], list[str]]:
    """The new snapshot document and the problems met (one per line)."""
    old_rows = {
        row["repo"].casefold(): row
        for row in (previous or {}).get("repositories", [])
    }
    report = client.fetch(repos)
    live = {MetricsSource.GRAPHQL, MetricsSource.REST}
    rows: dict[str, dict[str, Any]] = {}
    for metrics in report.results:
        if metrics.source in live:
            rows[metrics.full_name.casefold()] = live_row(
                metrics, client.api_url
            )
            old_rows.pop(metrics.requested.casefold(), None)
    for key, row in old_rows.items():
        rows.setdefault(key, row)
    problems = [f"{e.repo}: {e.error}" for e in report.errors]
    problems += list(report.notes)
    repositories = sorted(rows.values(), key=lambda r: r["repo"].casefold())
    document = {
        "format": 1,
        "as_of": max(r["observed_at"][:10] for r in repositories),
        "built": built.isoformat(),
        "open_issues_include_pulls": False,
        "repositories": repositories,
    }
    return document, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--api-url", default=DEFAULT_API_URL)
    args = parser.parse_args(argv)
    # The one resolver: GITHUB_TOKEN/GH_TOKEN only for github.com,
    # DLCHOOSE_GITHUB_TOKEN for any other --api-url.
    token = github_access(args.api_url).token
    if not token:
        print(
            "refresh_snapshot: set GITHUB_TOKEN or GH_TOKEN"
            " (DLCHOOSE_GITHUB_TOKEN for another --api-url)",
            file=sys.stderr,
        )
        return 2
    previous = (
        json.loads(args.out.read_text(encoding="utf-8"))
        if args.out.exists()
        else None
    )
    repos = list(registry_repositories())
    repos += [row["repo"] for row in (previous or {}).get("repositories", [])]
    with GitHubClient(
        token=token, api_url=args.api_url, cache=None, deadline=120
    ) as client:
        document, problems = refresh(
            client, repos, previous, datetime.now(timezone.utc).date()
        )
    for problem in problems:
        print(f"refresh_snapshot: {problem}", file=sys.stderr)
    args.out.write_text(
        json.dumps(document, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({len(document['repositories'])} repositories)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
