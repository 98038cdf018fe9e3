"""Requests sent and wall time of metrics fetches against a local server.

    python benchmarks/bench_github.py [--repeat N] [--deadline SECONDS]

Scenarios, each for every registered framework's repository:

* cold, with a token: GraphQL (target: 1 request);
* cold, without a token: REST (target: at most 2 per repository);
* warm, within the cache TTL (target: 0 requests);
* a server that stalls every request (target: the deadline bounds the
  whole fetch, whatever the number of repositories).

The server is the test suite's fake GitHub on 127.0.0.1; nothing leaves
the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time

from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.github_server import FakeGitHub, Reply, repo_body

from dlchoose._metrics._cache import DiskCache
from dlchoose._metrics._client import GitHubClient, registry_repositories


TOKEN = "ghp_" + "b" * 36


def _run(server, repos, *, token, cache_dir, **options):
    before = len(server.seen)
    client = GitHubClient(
        token=token,
        api_url=server.url,
        cache=DiskCache(cache_dir),
        **options,
    )
    start = time.perf_counter()
    with client:
        report = client.fetch(repos)
    elapsed = time.perf_counter() - start
    return len(server.seen) - before, elapsed, report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--deadline", type=float, default=2.0)
    args = parser.parse_args(argv)
    repos = list(registry_repositories())
    bodies = [repo_body(name, i) for i, name in enumerate(repos)]
    rows = []
    with FakeGitHub() as server:
        for body in bodies:
            server.add_repo(body)
        server.add_graphql(bodies)
        for label, token in (
            ("cold, token (GraphQL)", TOKEN),
            ("cold, no token (REST)", None),
        ):
            counts, times = [], []
            for _ in range(args.repeat):
                with tempfile.TemporaryDirectory() as cache_dir:
                    n, t, report = _run(
                        server, repos, token=token, cache_dir=cache_dir
                    )
                    assert len(repos) == len(report.results), report.errors
                    counts.append(n)
                    times.append(t)
                    if token is None:
                        n, t, _ = _run(
                            server, repos, token=token, cache_dir=cache_dir
                        )
                        rows.append(("warm, within TTL", n, t))
            rows.append((label, max(counts), statistics.median(times)))
    warm = [r for r in rows if r[0] == "warm, within TTL"]
    rows = [r for r in rows if r[0] != "warm, within TTL"]
    rows.append(
        (
            "warm, within TTL",
            max(r[1] for r in warm),
            statistics.median(r[2] for r in warm),
        )
    )
    many = [f"org/repo{i}" for i in range(240)]
    with FakeGitHub() as server:
        server.add("POST", "/graphql", Reply(action="stall"))
        for name in [*repos, *many]:
            server.add("GET", f"/repos/{name}", Reply(action="stall"))
        for label, names, token in (
            ("stalling server, token", repos, TOKEN),
            ("stalling server, no token", repos, None),
            ("stalling server, no token, 240 repos", many, None),
        ):
            with tempfile.TemporaryDirectory() as cache_dir:
                n, t, report = _run(
                    server,
                    names,
                    token=token,
                    cache_dir=cache_dir,
                    deadline=args.deadline,
                )
            detail = f"deadline {args.deadline:g} s; {len(report.errors)} unavailable"
            rows.append((f"{label} ({detail})", n, t))
    print(f"{len(repos)} repositories, median of {args.repeat} runs")
    print(f"{'scenario':<70} {'requests':>8} {'wall s':>8}")
    for label, n, t in rows:
        print(f"{label:<70} {n:>8} {t:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
