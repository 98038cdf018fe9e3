"""How long ``import dlchoose`` takes next to ``import requests``.

Each measurement is a fresh interpreter (``python -c ...``), repeated, and
reported as the median and the best wall time.  Both are measured in the
same run on the same machine, so they can be compared directly::

    python benchmarks/bench_import.py [--repeat 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


CASES = {
    "python -c pass (interpreter start)": "pass",
    "python -c 'import dlchoose'": "import dlchoose",
    "python -c 'import requests'": "import requests",
    "dlchoose.get_framework('torch') in a fresh process": (
        "import dlchoose; dlchoose.get_framework('torch')"
    ),
}


def wall_times(code: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {args.repeat} runs each")
    print(f"{'case':55} {'median ms':>10} {'best ms':>9}")
    for label, code in CASES.items():
        times = wall_times(code, args.repeat)
        print(
            f"{label:55} {statistics.median(times) * 1000:10.1f}"
            f" {min(times) * 1000:9.1f}"
        )


if __name__ == "__main__":
    main()
