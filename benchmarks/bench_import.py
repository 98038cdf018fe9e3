"""How long ``import dlchoose`` and ``dlchoose list`` take next to
``import requests``, the named reference (issue 8: at most 0.5x and 0.7x).

Each measurement is a fresh interpreter.  The cases run interleaved, one
of each per round, so a busy machine slows them alike; the report gives the
median and best wall time and each median's ratio to ``import requests``::

    python benchmarks/bench_import.py [--repeat 21]

The package is byte-compiled first and the children may write bytecode
(``PYTHONDONTWRITEBYTECODE`` is removed from their environment), as after
``pip install``; otherwise every child would recompile dlchoose.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time

from pathlib import Path


REFERENCE = "python -c 'import requests'"
CASES: dict[str, list[str]] = {
    "python -c pass (interpreter start)": ["-c", "pass"],
    "python -c 'import dlchoose'": ["-c", "import dlchoose"],
    REFERENCE: ["-c", "import requests"],
    "python -m dlchoose list": ["-m", "dlchoose", "list"],
    "dlchoose.get_framework('torch') in a fresh process": [
        "-c",
        "import dlchoose; dlchoose.get_framework('torch')",
    ],
}


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _once(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def measure(repeat: int) -> dict[str, list[float]]:
    """Wall times per case, the cases interleaved round by round."""
    import dlchoose

    compileall.compile_dir(
        str(Path(dlchoose.__file__).parent), quiet=1, force=False
    )
    env = _child_env()
    for args in CASES.values():  # warm the file cache and bytecode
        _once(args, env)
    times: dict[str, list[float]] = {label: [] for label in CASES}
    for _ in range(repeat):
        for label, args in CASES.items():
            times[label].append(_once(args, env))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    times = measure(args.repeat)
    reference = statistics.median(times[REFERENCE])
    print(f"Python {sys.version.split()[0]}, {args.repeat} interleaved rounds")
    print(f"{'case':52} {'median ms':>10} {'best ms':>8} {'/ requests':>10}")
    for label, values in times.items():
        median = statistics.median(values)
        print(
            f"{label:52} {median * 1000:10.1f} {min(values) * 1000:8.1f}"
            f" {median / reference:10.2f}"
        )


if __name__ == "__main__":
    main()
