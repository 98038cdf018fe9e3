"""How fast is ``dlchoose.detect()`` next to ``import torch`` and
transformers' ``is_torch_available()``?  Fresh interleaved processes.

Usage::

    python benchmarks/bench_detect.py --python /tmp/detect-bench-env/bin/python
        [--rounds 15] [--before SRC] [--tree LABEL=SRC ...] [--scaling]

The target environment needs torch and transformers, and dlchoose
installed (``pip install -e .``).  Every round runs each statement once in
a fresh interpreter (``python -c``), in the same order, so that a busy
machine slows every row alike; one round first writes the bytecode caches
and is thrown away (``PYTHONDONTWRITEBYTECODE`` is removed for the
children).  Medians and bests of the rounds are reported.

Four times per run, from which the ratios are taken:

* **process**: the wall time of the whole ``python -c`` child.  **Process
  minus a bare ``python -c pass``** is what the statement costs over a
  bare interpreter, everything it causes included (its imports, its work
  and the interpreter's longer teardown after it), and is the same
  measure on both sides of each ratio: the goal's verdict uses it.
* **statement**: the statement alone, timed inside the child with
  ``perf_counter``: like the above, but without the teardown (which for
  ``import torch`` is long).
* **statement CPU** and **process CPU** (``process_time``, ``getrusage``):
  on a machine shared with other work, waiting for a core inflates wall
  times, the short ones most; CPU time shows the work itself.
* the whole-process ratio (interpreter start-up on both sides) is shown
  too; it dilutes every ratio.

``--before SRC`` also times another source tree of dlchoose in the same
rounds (``git archive <rev> src | tar -x -C /tmp/before`` then
``--before /tmp/before/src``); ``--tree LABEL=SRC`` does the same for
any number of trees (a proposed change, say).  ``--scaling`` adds rows
with 100 and 1,600 fake ``.dist-info`` folders in front of ``sys.path``.
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


DETECT = "import dlchoose; dlchoose.detect()"
TORCH = "import torch"
TRANSFORMERS = (
    "from transformers.utils import is_torch_available; is_torch_available()"
)
BARE = "pass"
#: builtin modules only: the wrapper adds nothing a statement could reuse.
CHILD = (
    "import sys, time\n"
    "t, c = time.perf_counter(), time.process_time()\n"
    "exec(compile({stmt!r}, '<bench>', 'exec'))\n"
    "t, c = time.perf_counter() - t, time.process_time() - c\n"
    "sys.stdout.write(f'@@{{t!r}} {{c!r}}')"
)
#: The columns of one run, in order.
COLUMNS = ("statement", "statement CPU", "process", "process CPU")
STMT, STMT_CPU, PROC, PROC_CPU = range(4)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # time the bytecode, as users do
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(
    python: str, stmt: str, env: dict[str, str], cwd: str
) -> tuple[float, ...]:
    """The four times (seconds, see COLUMNS) of one fresh interpreter."""
    cpu = _children_cpu()
    start = time.perf_counter()
    out = subprocess.run(
        [python, "-c", CHILD.format(stmt=stmt)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    marker = out.stdout.rpartition("@@")[2]
    if out.returncode or not marker:
        raise RuntimeError(f"{stmt!r} failed:\n{out.stderr[-2000:]}")
    stmt_wall, stmt_cpu = map(float, marker.split())
    return stmt_wall, stmt_cpu, wall, cpu


class Row:
    def __init__(self, label: str, stmt: str, env: dict[str, str]) -> None:
        self.label = label
        self.stmt = stmt
        self.env = env
        self.runs: list[tuple[float, ...]] = []

    def median(self, which: int) -> float:
        return statistics.median(r[which] for r in self.runs)

    def best(self, which: int) -> float:
        return min(r[which] for r in self.runs)


def fake_site(folder: Path, count: int) -> Path:
    for i in range(count):
        meta = folder / f"filler_pkg_{i}-1.0.dist-info"
        meta.mkdir(parents=True)
        (meta / "METADATA").write_text(f"Name: filler-pkg-{i}\nVersion: 1.0\n")
        (meta / "top_level.txt").write_text(f"filler_pkg_{i}\n")
        (folder / f"filler_pkg_{i}").mkdir()
        (folder / f"filler_pkg_{i}" / "__init__.py").write_text("")
    return folder


def rows_for(args: argparse.Namespace, scratch: Path) -> list[Row]:
    rows = [
        Row("bare interpreter: pass", BARE, child_env()),
        Row("import dlchoose; dlchoose.detect()", DETECT, child_env()),
        Row("import torch", TORCH, child_env()),
        Row("transformers is_torch_available()", TRANSFORMERS, child_env()),
    ]
    trees = ([f"before={args.before}"] if args.before else []) + args.tree
    for spec in reversed(trees):
        label, _, src = spec.partition("=")
        tree_env = child_env({"PYTHONPATH": src})
        rows.insert(2, Row(f"{label}: detect()", DETECT, tree_env))
    if args.scaling:
        for count in (100, 1600):
            site = fake_site(scratch / str(count), count)
            env = child_env({"PYTHONPATH": str(site)})
            rows.append(Row(f"detect(), {count} extra dists", DETECT, env))
    return rows


def measure(python: str, rows: list[Row], rounds: int, cwd: str) -> None:
    for row in rows:  # warm-up: bytecode caches, file cache
        run_once(python, row.stmt, row.env, cwd)
    for _ in range(rounds):
        for row in rows:
            row.runs.append(run_once(python, row.stmt, row.env, cwd))


def report(rows: list[Row], rounds: int) -> None:
    bare, detect = rows[0], rows[1]
    torch = next(r for r in rows if r.stmt == TORCH)
    transformers = next(r for r in rows if r.stmt == TRANSFORMERS)
    print(f"median (best) of {rounds} interleaved rounds, milliseconds")
    print(f"{'':<36}" + "".join(f" {name:>17}" for name in COLUMNS))
    for row in rows:
        print(
            f"{row.label:<36}"
            + "".join(
                f" {row.median(i) * 1e3:8.1f} ({row.best(i) * 1e3:6.1f})"
                for i in range(len(COLUMNS))
            )
        )
    print()
    for name, other, goal in (
        ("import torch", torch, 30),
        ("is_torch_available()", transformers, 10),
    ):
        excess = (other.median(PROC) - bare.median(PROC)) / (
            detect.median(PROC) - bare.median(PROC)
        )
        verdict = "met" if excess > goal else "NOT met"
        print(
            f"detect() / {name}: 1/{excess:.1f} by process minus bare"
            f" interpreter, medians (goal 1/{goal}: {verdict})"
        )
        for label, which in (
            ("statement (in the child, teardown excluded)", STMT),
            ("statement CPU", STMT_CPU),
            ("process CPU", PROC_CPU),
            ("whole process (interpreter start on both sides)", PROC),
        ):
            ratio = other.median(which) / detect.median(which)
            print(f"    1/{ratio:.1f} by {label}")
        print(
            f"    1/{other.best(STMT) / detect.best(STMT):.1f} by statement,"
            " best of each"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--before",
        metavar="SRC",
        help="also time another dlchoose source tree (put first on"
        " PYTHONPATH), e.g. one extracted with `git archive <rev> src`",
    )
    parser.add_argument(
        "--tree",
        action="append",
        default=[],
        metavar="LABEL=SRC",
        help="also time the dlchoose source tree SRC as LABEL (repeatable)",
    )
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="add rows with 100 and 1,600 extra distributions",
    )
    args = parser.parse_args()
    # Absolute (the children run in a temporary folder), links kept (a
    # virtual environment's python is a link to its base interpreter).
    python = os.path.abspath(args.python)  # noqa: PTH100 - keep links
    print(f"python: {python}")
    with tempfile.TemporaryDirectory() as tmp:
        rows = rows_for(args, Path(tmp))
        measure(python, rows, args.rounds, cwd=tmp)
    report(rows, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
