"""How long a fresh ``dlchoose compat`` (every framework) takes next to
``import requests``.

Each measurement is a fresh interpreter, the cases interleaved round by
round so load on a shared machine hits them alike, reported as the median
and the best wall time.  ``compat`` answers from the bundled snapshot with
no network (``DLCHOOSE_OFFLINE=1`` and an empty cache directory), from
bytecode like any installed package (one uncounted warm-up round).  CPU
time (user + system) is reported too: on a shared machine it varies less
than wall time::

    python benchmarks/bench_compat.py [--repeat 21]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from pathlib import Path


CASES = {
    "python -c 'import requests'": "import requests",
    "dlchoose compat (every framework, snapshot)": (
        "from dlchoose._cli import main; main(['compat'])"
    ),
    "dlchoose compat torch --python 3.12 --platform macosx_11_0_x86_64": (
        "from dlchoose._cli import main;"
        " main(['compat', 'torch', '--python', '3.12',"
        " '--platform', 'macosx_11_0_x86_64'])"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions once per case with valgrind (slow)",
    )
    args = parser.parse_args()
    times: dict[str, list[float]] = {label: [] for label in CASES}
    cpu: dict[str, list[float]] = {label: [] for label in CASES}
    with tempfile.TemporaryDirectory() as cache:
        env = {
            **os.environ,
            "DLCHOOSE_OFFLINE": "1",
            "DLCHOOSE_CACHE_DIR": cache,
            # Installed packages run from bytecode (requests' is compiled in
            # site-packages); a checkout with PYTHONDONTWRITEBYTECODE would
            # compile dlchoose from source on every run.  Bytecode goes to
            # a temporary prefix, written by the uncounted first round.
            "PYTHONPYCACHEPREFIX": str(Path(cache) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for code in CASES.values():
            subprocess.run(
                [sys.executable, "-c", code],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
        for _ in range(args.repeat):
            for label, code in CASES.items():
                before = _children_cpu()
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-c", code],
                    check=True,
                    env=env,
                    stdout=subprocess.DEVNULL,
                )
                times[label].append(time.perf_counter() - start)
                cpu[label].append(_children_cpu() - before)
        # Counted while the bytecode of the warm-up round still exists.
        counts = (
            {label: _instructions(code, env) for label, code in CASES.items()}
            if args.instructions
            else {}
        )
    print(f"Python {sys.version.split()[0]}, {args.repeat} runs each")
    print(
        f"{'case':68} {'wall median':>11} {'wall best':>9} {'cpu median':>10}"
    )
    for label, values in times.items():
        print(
            f"{label:68} {statistics.median(values) * 1000:9.1f}ms"
            f" {min(values) * 1000:7.1f}ms"
            f" {statistics.median(cpu[label]) * 1000:8.1f}ms"
        )
    for label, count in counts.items():
        print(f"{label:68} {count / 1e6:9.1f}M instructions")


def _instructions(code: str, env: dict[str, str]) -> int:
    """Instructions one run executes (valgrind's callgrind): unlike time,
    the same on a busy machine as on an idle one."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = next(x for x in done.stderr.splitlines() if "Collected" in x)
    return int(line.rsplit(":", 1)[1])


def _children_cpu() -> float:
    """User + system CPU seconds of finished children: less noisy than wall
    time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
