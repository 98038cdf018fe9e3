"""Generate ``src/dlchoose/_speed.py`` from the published benchmark table.

Usage::

    python scripts/build_speed.py [../shared/research/benchmarks.csv]

The CSV is copied to ``src/dlchoose/_recommend/benchmarks.csv`` (so the package
carries its evidence) and the training-speed scores of ``benchmarks.md`` §5
are fitted for two data eras: ``current`` (every row) and ``seed_era`` (rows
published up to 2018-06-30).  The fit is deterministic: rows, cells and
frameworks are processed in sorted order and the output is plain literals.
``tests/test_speed.py`` re-runs :func:`fit` on the bundled copy and checks
that the generated module matches it.
"""

from __future__ import annotations

import csv
import math
import shutil
import sys

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final, NamedTuple


ROOT: Final = Path(__file__).resolve().parent.parent
DEFAULT_CSV: Final = ROOT.parent / "shared" / "research" / "benchmarks.csv"
BUNDLED_CSV: Final = (
    ROOT / "src" / "dlchoose" / "_recommend" / "benchmarks.csv"
)
OUTPUT: Final = ROOT / "src" / "dlchoose" / "_recommend" / "_speed.py"

TASKS: Final = {"cnn": "CNN training", "rnn": "RNN training"}
RIDGE: Final = 1.0
#: A cell needs two frameworks, a reference framework two sources.
MIN_COMPARED: Final = 2
#: Rows published on or before this date make up the seed-era evidence.
SEED_ERA_CUTOFF: Final = "2018-06-30"

#: Benchmark framework name -> dlchoose registry keys it describes.
KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    "Caffe": ("caffe",),
    "Caffe2": ("caffe2",),
    "Chainer": ("chainer",),
    "CNTK": ("cntk",),
    "Keras": ("keras", "tf-keras"),
    "Lasagne": ("lasagne",),
    "MXNet": ("mxnet",),
    "Neon": ("neon",),
    "PaddlePaddle": ("paddle",),
    "PyTorch": ("pytorch",),
    "TensorFlow": ("tensorflow",),
    "Theano": ("theano",),
    "Torch7": ("torch7",),
}


class Score(NamedTuple):
    """One framework's fitted score for one task."""

    score: float
    n_sources: int
    n_cells: int
    sources: tuple[str, ...]
    last_date: str


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cells(
    rows: Iterable[Mapping[str, str]], task: str, cutoff: str | None
) -> dict[tuple[str, ...], dict[str, tuple[float, str]]]:
    """Comparison cells: cell key -> framework -> (best speed, date)."""
    cells: dict[tuple[str, ...], dict[str, tuple[float, str]]] = defaultdict(
        dict
    )
    for row in rows:
        if row["task"] != task or "not-comparable" in row["model"]:
            continue
        if cutoff is not None and row["date"] > cutoff:
            continue
        value = float(row["value"])
        speed = 1 / value if row["lower_is_better"] == "true" else value
        key = (
            row["source_id"],
            row["task"],
            row["model"].split(" | ")[0].strip(),
            row["dataset"],
            row["hardware"],
            row["metric"],
        )
        cell = cells[key]
        name = row["framework"]
        best = cell.get(name)
        if best is None or speed > best[0]:
            cell[name] = (speed, row["date"])
        elif speed == best[0]:
            cell[name] = (speed, max(best[1], row["date"]))
    return {k: c for k, c in sorted(cells.items()) if len(c) >= MIN_COMPARED}


def _solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (small dense systems)."""
    n = len(rhs)
    a = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][
            r
        ]
    return x


def fit(
    rows: Sequence[Mapping[str, str]], task: str, cutoff: str | None = None
) -> dict[str, Score]:
    """``benchmarks.md`` §5: cell-effect log-speed model with a ridge prior.

    Minimises ``sum_g w_g sum_f (y_fg - a_g - b_f)^2 + lambda sum_f b_f^2``
    with ``w_g = 1/n(source of g)``; the cell effects ``a_g`` are
    eliminated in closed form, leaving a small linear system in ``b``.
    """
    cells = _cells(rows, task, cutoff)
    per_source: dict[str, int] = defaultdict(int)
    for key in cells:
        per_source[key[0]] += 1
    names = sorted({f for cell in cells.values() for f in cell})
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    matrix = [[RIDGE if i == j else 0.0 for j in range(n)] for i in range(n)]
    rhs = [0.0] * n
    for key, cell in cells.items():
        weight = 1 / per_source[key[0]]
        members = sorted(cell)
        logs = [math.log(cell[f][0]) for f in members]
        mean = sum(logs) / len(logs)
        share = 1 / len(members)
        for f, y in zip(members, logs, strict=True):
            i = index[f]
            rhs[i] += weight * (y - mean)
            for g in members:
                matrix[i][index[g]] += weight * ((f == g) - share)
    effects = dict(zip(names, _solve(matrix, rhs), strict=True))
    sources: dict[str, set[str]] = defaultdict(set)
    n_cells: dict[str, int] = defaultdict(int)
    last: dict[str, str] = defaultdict(str)
    for key, cell in cells.items():
        for f, (_, when) in cell.items():
            sources[f].add(key[0])
            n_cells[f] += 1
            last[f] = max(last[f], when)
    reference = max(
        b for f, b in effects.items() if len(sources[f]) >= MIN_COMPARED
    )
    return {
        f: Score(
            score=round(min(1.0, math.exp(b - reference)), 3),
            n_sources=len(sources[f]),
            n_cells=n_cells[f],
            sources=tuple(sorted(sources[f])),
            last_date=last[f],
        )
        for f, b in sorted(effects.items())
    }


def fit_all(rows: Sequence[Mapping[str, str]]) -> dict[str, object]:
    """Every era and task, keyed by registry key (the generated data)."""
    eras: dict[str, object] = {}
    for era, cutoff in (("current", None), ("seed_era", SEED_ERA_CUTOFF)):
        by_key: dict[str, dict[str, Score]] = {}
        for short, task in TASKS.items():
            for name, score in fit(rows, task, cutoff).items():
                for key in KEYS.get(name, ()):
                    by_key.setdefault(key, {})[short] = score
        eras[era] = {key: by_key[key] for key in sorted(by_key)}
    return eras


def render(rows: Sequence[Mapping[str, str]]) -> str:
    eras = fit_all(rows)
    lines = [
        '"""Training-speed scores fitted from the published benchmarks.',
        "",
        "GENERATED by ``scripts/build_speed.py`` from ``data/benchmarks.csv``",
        "(``benchmarks.md`` section 5: cell-effect log-speed model, ridge 1,",
        "score = min(1, exp(b - b_ref))).  Do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "import attrs",
        "",
        "",
        "@attrs.frozen(kw_only=True)",
        "class SpeedRow:",
        '    """One framework\'s fitted speed score for one task."""',
        "",
        "    score: float",
        '    """In (0, 1]: 1 is the fastest well-attested framework."""',
        "    n_sources: int",
        '    """Independent benchmark sources behind the score."""',
        "    n_cells: int",
        '    """Benchmark cells (model x hardware x setting) compared."""',
        "    sources: tuple[str, ...]",
        '    """Source ids from ``benchmarks.csv``."""',
        "    last_date: str",
        '    """The newest row\'s date (``YYYY-MM`` or ``YYYY-MM-DD``)."""',
        "",
        "",
        "#: era -> registry key -> task -> its fitted row",
        "SPEED: Final[dict[str, dict[str, dict[str, SpeedRow]]]] = {",
    ]
    for era, by_key in eras.items():
        lines.append(f"    {era!r}: {{")
        assert isinstance(by_key, dict)
        for key, tasks in by_key.items():
            lines.append(f"        {key!r}: {{")
            for task, s in sorted(tasks.items()):
                lines.append(
                    f"            {task!r}: SpeedRow(score={s.score!r},"
                    f" n_sources={s.n_sources}, n_cells={s.n_cells},"
                    f" sources={s.sources!r}, last_date={s.last_date!r}),"
                )
            lines.append("        },")
        lines.append("    },")
    lines += ["}", f"SEED_ERA_CUTOFF: Final = {SEED_ERA_CUTOFF!r}", ""]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_CSV
    if source.resolve() != BUNDLED_CSV.resolve():
        shutil.copyfile(source, BUNDLED_CSV)
    OUTPUT.write_text(render(read_rows(BUNDLED_CSV)), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} from {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
