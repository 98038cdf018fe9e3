"""How fast is detection?  Fresh processes, medians of several runs.

Usage (after ``nox -s integration`` built the environments)::

    python benchmarks/bench_detect.py [--python .nox/_detect_envs/modern/bin/python]
                                      [--repeat 7] [--before SRC] [--no-probe]

Rows for frameworks the environment lacks are skipped; ``--before`` times
another source tree of dlchoose in the same run (``git archive <rev> src |
tar -x -C /tmp/before`` then ``--before /tmp/before/src``).

Each row runs a statement in a fresh interpreter of the target
environment.  "statement" is the time of the statement alone, measured
inside the child with ``perf_counter``; "process" is the wall time of the
whole child, interpreter start included.  The comparison uses
transformers' ``is_*_available()`` checks when transformers is installed
in the environment (``pip install transformers``).

The last rows show how the fast path grows with the number of installed
distributions: 100 and 1,600 fake ``.dist-info`` folders put in front of
``sys.path`` through ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PYTHON = ROOT / ".nox" / "_detect_envs" / "modern" / "bin" / "python"
FOUR = ["pytorch", "tensorflow", "jax", "keras"]

DETECT = (
    "import dlchoose, dlchoose._detect._scan\n"
    "detect = getattr(dlchoose, 'detect', None) or dlchoose._detect._scan.detect\n"
    "detect()"
)
PROBE = (
    "import dlchoose._detect._scan\n"
    f"r = dlchoose._detect._scan.detect({FOUR!r}, probe=True, timeout=300)\n"
    "assert all(d.probe.importable for d in r), r"
)
TRANSFORMERS = (
    "import transformers.utils as u\n"
    "[getattr(u, n)() for n in ('is_torch_available', 'is_tf_available',"
    " 'is_flax_available') if hasattr(u, n)]"
)
CHILD = (
    "import time, json\n"
    "t = time.perf_counter()\n"
    "exec(compile({stmt!r}, '<bench>', 'exec'))\n"
    "print('@@' + json.dumps(time.perf_counter() - t))"
)


def run_once(
    python: str, stmt: str, env: dict[str, str]
) -> tuple[float, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [python, "-c", CHILD.format(stmt=stmt)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    wall = time.perf_counter() - start
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("@@")]
    if out.returncode or not lines:
        raise RuntimeError(f"{stmt!r} failed:\n{out.stderr[-2000:]}")
    return json.loads(lines[-1][2:]), wall


def measure(
    python: str, stmt: str, repeat: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    env = {**os.environ, **(env or {})}
    run_once(python, stmt, env)  # warm the file cache
    runs = [run_once(python, stmt, env) for _ in range(repeat)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
    )


def fake_site(folder: Path, count: int) -> Path:
    for i in range(count):
        meta = folder / f"filler_pkg_{i}-1.0.dist-info"
        meta.mkdir(parents=True)
        (meta / "METADATA").write_text(f"Name: filler-pkg-{i}\nVersion: 1.0\n")
        (meta / "top_level.txt").write_text(f"filler_pkg_{i}\n")
        (folder / f"filler_pkg_{i}").mkdir()
        (folder / f"filler_pkg_{i}" / "__init__.py").write_text("")
    return folder


def has(python: str, module: str) -> bool:
    code = f"import importlib.util as u; raise SystemExit(u.find_spec({module!r}) is None)"
    return subprocess.run([python, "-c", code], check=False).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=str(DEFAULT_PYTHON))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--before",
        metavar="SRC",
        help="also time another dlchoose source tree (put first on"
        " PYTHONPATH), e.g. one extracted with `git archive <rev> src`",
    )
    parser.add_argument(
        "--no-probe", action="store_true", help="skip the probe row"
    )
    args = parser.parse_args()
    # Absolute (the children run in a temporary folder), links kept (a
    # virtual environment's python is a link to its base interpreter).
    python = os.path.abspath(args.python)  # noqa: PTH100 - keep links
    repeat = args.repeat

    def row(label: str, stmt: str, env: dict[str, str] | None = None) -> float:
        stmt_s, wall_s = measure(python, stmt, repeat, env)
        print(f"{label:<48} {stmt_s * 1000:9.1f} ms {wall_s * 1000:9.1f} ms")
        return stmt_s

    print(f"python: {python}; median of {repeat} fresh processes each")
    print(f"{'':<48} {'statement':>12} {'process':>12}")
    row("interpreter start (pass)", "pass")
    if args.before:
        row(
            "before: import dlchoose; dlchoose.detect()",
            DETECT,
            {"PYTHONPATH": args.before},
        )
    fast = row("import dlchoose; dlchoose.detect()", DETECT)
    row("import dlchoose", "import dlchoose")
    requests = (
        row("import requests", "import requests")
        if has(python, "requests")
        else None
    )
    imports = {
        name: row(f"import {name}", f"import {name}")
        for name in ("torch", "tensorflow", "jax", "keras")
        if has(python, name)
    }
    transformers = None
    if has(python, "transformers"):
        transformers = row(
            "transformers is_torch/tf/flax_available()", TRANSFORMERS
        )
    else:
        print("transformers is not installed: comparison skipped")
    probe = None
    if not args.no_probe and set(imports) == {
        "torch",
        "tensorflow",
        "jax",
        "keras",
    }:
        probe = row("detect(probe=True) of the four", PROBE)
    with tempfile.TemporaryDirectory() as tmp:
        for count in (100, 1600):
            site = fake_site(Path(tmp) / str(count), count)
            row(
                f"detect() with {count} extra distributions",
                DETECT,
                {"PYTHONPATH": str(site)},
            )

    print()
    if "torch" in imports:
        print(f"fast path / import torch: 1/{imports['torch'] / fast:.0f}")
    if transformers is not None:
        print(f"fast path / transformers check: 1/{transformers / fast:.0f}")
    if requests is not None:
        print(f"fast path / import requests: {fast / requests:.2f}")
    if probe is not None:
        print(
            f"probe of four / slowest import: {probe / max(imports.values()):.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
