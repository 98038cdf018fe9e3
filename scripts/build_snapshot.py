"""Build ``src/dlchoose/_metrics/github-snapshot.json`` from the research CSV.

Usage::

    python scripts/build_snapshot.py [CSV] [--out PATH]

The CSV (default ``../shared/research/github-snapshot.csv``) has the columns
``repo,stars,forks,open_issues,archived,pushed_at,observed_on,source``.
Blank cells stay unknown (``null``); rows without a star count are skipped,
because a snapshot entry without figures would only pretend to know.  The
output is deterministic: same CSV, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from datetime import date
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "research" / "github-snapshot.csv"
DEFAULT_OUT = ROOT / "src" / "dlchoose" / "_metrics" / "github-snapshot.json"


def _int(cell: str) -> int | None:
    return int(cell) if cell.strip() else None


def _bool(cell: str) -> bool | None:
    cell = cell.strip().lower()
    if not cell:
        return None
    if cell in {"true", "false"}:
        return cell == "true"
    raise ValueError(f"not a boolean: {cell!r}")


def _day(cell: str) -> str | None:
    cell = cell.strip()
    return date.fromisoformat(cell).isoformat() if cell else None


def build(rows: list[dict[str, str]], built: date) -> dict[str, object]:
    repositories = []
    for row in rows:
        stars = _int(row["stars"])
        observed = _day(row["observed_on"])
        if stars is None or observed is None:
            continue
        pushed = _day(row["pushed_at"])
        repositories.append(
            {
                "repo": row["repo"].strip(),
                "stars": stars,
                "forks": _int(row["forks"]),
                "open_issues": _int(row["open_issues"]),
                "archived": _bool(row["archived"]),
                "pushed_at": f"{pushed}T00:00:00Z" if pushed else None,
                "observed_at": f"{observed}T00:00:00Z",
                "provenance": row["source"].strip() or None,
            }
        )
    repositories.sort(key=lambda r: str(r["repo"]).casefold())
    as_of = max(str(r["observed_at"])[:10] for r in repositories)
    return {
        "format": 1,
        "as_of": as_of,
        "built": built.isoformat(),
        "open_issues_include_pulls": False,
        "repositories": repositories,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--built",
        type=date.fromisoformat,
        default=date(2026, 11, 26),
        help="date to record as the build date (fixed for reproducibility)",
    )
    args = parser.parse_args(argv)
    with args.csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    document = build(rows, args.built)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(document, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({len(document['repositories'])} repositories)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
