"""Time the recommender.

1. ``recommend()`` once imported: median over many calls, both as users see
   it (results of identical calls are memoised) and with every cache
   cleared before each call (the full pipeline on prepared data, and cold).
2. A fresh ``dlchoose recommend --purpose academic`` process against a fresh
   ``python -c "import requests"`` in the same run, interleaved, medians.

Usage: ``python benchmarks/bench_recommend.py [--repeat N] [--no-bytecode]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from collections.abc import Callable, Sequence
from pathlib import Path


def _median_ms(func: Callable[[], object], calls: int) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_library(calls: int) -> dict[str, float]:
    start = time.perf_counter()
    import dlchoose._recommend._core as rec
    import dlchoose._recommend._pipeline as core

    imported = (time.perf_counter() - start) * 1000
    first_start = time.perf_counter()
    rec.recommend("academic")
    first = (time.perf_counter() - first_start) * 1000

    def uncached() -> None:
        core.rank_frameworks.cache_clear()
        rec.recommend("academic")

    def cold() -> None:
        core.rank_frameworks.cache_clear()
        core._prepare.cache_clear()  # noqa: SLF001 - measure without it
        rec.recommend("academic")

    return {
        "import dlchoose._recommend._core (ms)": imported,
        "first recommend() (ms)": first,
        "recommend() median, repeated call (ms)": _median_ms(
            lambda: rec.recommend("academic"), calls
        ),
        "recommend() median, result cache cleared (ms)": _median_ms(
            uncached, calls
        ),
        "recommend() median, all caches cleared (ms)": _median_ms(
            cold, max(calls // 10, 5)
        ),
    }


def _run_ms(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env)
    return (time.perf_counter() - start) * 1000


def _environment(*, bytecode: bool) -> dict[str, str]:
    """Both commands run with the same environment.

    With *bytecode*, compiled modules are cached under a temporary
    ``PYTHONPYCACHEPREFIX`` (as after ``pip install``, which compiles
    them), even where ``PYTHONDONTWRITEBYTECODE`` is set for development.
    """
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(
            Path(tempfile.gettempdir()) / "dlchoose-bench-pycache"
        )
    return env


def bench_processes(repeat: int, *, bytecode: bool) -> dict[str, float]:
    script = shutil.which("dlchoose")
    cli = (
        [script, "recommend", "--purpose", "academic"]
        if script
        else [
            sys.executable,
            "-m",
            "dlchoose",
            "recommend",
            "--purpose",
            "academic",
        ]
    )
    requests_only = [sys.executable, "-c", "import requests"]
    env = _environment(bytecode=bytecode)
    _run_ms(cli, env)  # warm caches (and compile) for both
    _run_ms(requests_only, env)
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(_run_ms(cli, env))
        theirs.append(_run_ms(requests_only, env))
    return {
        "fresh `dlchoose recommend --purpose academic` median (ms)": (
            statistics.median(ours)
        ),
        'fresh `python -c "import requests"` median (ms)': statistics.median(
            theirs
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE: modules compile on every start",
    )
    args = parser.parse_args(argv)
    results = {
        **bench_library(args.calls),
        **bench_processes(args.repeat, bytecode=not args.no_bytecode),
    }
    width = max(len(k) for k in results)
    print(
        f"Python {sys.version.split()[0]};"
        f" bytecode cache: {'off' if args.no_bytecode else 'on'}"
    )
    for key, value in results.items():
        print(f"{key:<{width}}  {value:8.3f}")
    cli = results["fresh `dlchoose recommend --purpose academic` median (ms)"]
    req = results['fresh `python -c "import requests"` median (ms)']
    print(f"CLI / import requests: {cli / req:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
