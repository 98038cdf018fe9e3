"""Rebuild dlchoose's package-index snapshot from the live index.

Reads the PEP 691 JSON page of every Python distribution the registry names
(plus the variants listed in ``EXTRA_VARIANTS``) and writes
``src/dlchoose/_index/snapshot/`` (one file per distribution plus
``index.json``).  Tag ids of the previous
snapshot are kept, so a rerun's diff shows only what changed.  From the
snapshot it then writes the registry's release facts,
``src/dlchoose/_registry/releases.json`` (the newest stable release of
every distribution the registry names, per Python where it differs).

    python scripts/build_index_snapshot.py            # the snapshot
    python scripts/build_index_snapshot.py --record   # + test fixtures
    python scripts/build_index_snapshot.py --missing  # only new names
    python scripts/build_index_snapshot.py --releases-only  # no network

``--record`` also stores trimmed raw answers for the loopback index server
in ``tests/fixtures/index/`` (the fields the client reads; only the
releases the tests need).
"""

from __future__ import annotations

import argparse
import json
import sys

from pathlib import Path
from typing import Any, Final

import requests

from dlchoose._index._latest import (
    encode_releases,
    named_distributions,
    releases_from_snapshot,
)
from dlchoose._index._releases import Project, parse_project
from dlchoose._index._snapshot import (
    INDEX_FILE,
    SNAPSHOT_DIR,
    Snapshot,
    encode,
)
from dlchoose._registry._catalog import CATALOG
from dlchoose._registry._releases import RELEASES_FILE
from dlchoose._time import utc_now


ROOT: Final = Path(__file__).resolve().parent.parent
FIXTURES: Final = ROOT / "tests" / "fixtures" / "index"
INDEX: Final = "https://pypi.org/simple/"
ACCEPT: Final = "application/vnd.pypi.simple.v1+json"

#: GPU/CPU variants found on the index that the registry does not name yet
#: (reported to the registry's owner; kept here so the GPU tables have data).
EXTRA_VARIANTS: Final = (
    "jax-cuda11-pjrt",
    "jax-cuda11-plugin",
    "jax-rocm60-plugin",
    "mxnet-cu100",
    "mxnet-cu101mkl",
    "mxnet-cu117",
    "mxnet-cu90",
    "mxnet-cu92",
    "onnxruntime-training",
    "tensorflow-directml",
)

#: name -> the oldest version a recorded fixture keeps (None: every release).
#: The client tests need one small and one large, current project.
RECORD: Final = {"cntk": None, "torch": "2.0.0"}


def distributions() -> list[str]:
    # The catalog, not the registry: the registry reads releases.json,
    # which this script writes.
    return sorted({*named_distributions(CATALOG), *EXTRA_VARIANTS})


def write_releases() -> None:
    """``releases.json`` from the snapshot on disk (no network)."""
    snapshot = Snapshot(SNAPSHOT_DIR)
    releases = releases_from_snapshot(snapshot, named_distributions(CATALOG))
    RELEASES_FILE.write_text(
        encode_releases(
            releases,
            index_url=snapshot.index_url,
            generated=snapshot.generated,
        ),
        encoding="utf-8",
    )
    found = sum(release is not None for release in releases.values())
    print(
        f"wrote {RELEASES_FILE} ({found} of {len(releases)} distributions"
        " have a stable release)",
        file=sys.stderr,
    )


def fetch(session: requests.Session, name: str) -> dict[str, Any] | None:
    response = session.get(
        f"{INDEX}{name}/", headers={"Accept": ACCEPT}, timeout=60
    )
    if response.status_code == requests.codes.not_found:
        print(f"  {name}: not on the index", file=sys.stderr)
        return None
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


def trimmed(document: dict[str, Any], oldest: str | None) -> dict[str, Any]:
    """The fields the client reads, for releases from *oldest* on."""
    from packaging.utils import parse_sdist_filename, parse_wheel_filename
    from packaging.version import Version

    keep = ("filename", "requires-python", "upload-time", "yanked", "size")
    files = []
    for entry in document["files"]:
        name = entry["filename"]
        try:
            version = (
                parse_wheel_filename(name)[1]
                if name.endswith(".whl")
                else parse_sdist_filename(name)[1]
            )
        except ValueError:
            continue
        if oldest is None or version >= Version(oldest):
            files.append({k: entry[k] for k in keep if k in entry})
    versions = sorted(
        {str(v) for v in document.get("versions", [])}, key=Version
    )
    if oldest is not None:
        versions = [v for v in versions if Version(v) >= Version(oldest)]
    return {
        "meta": {"api-version": document["meta"]["api-version"]},
        "name": document["name"],
        "versions": versions,
        "files": files,
    }


def previous_tags() -> list[str]:
    path = SNAPSHOT_DIR / INDEX_FILE
    if not path.exists():
        return []
    tags: list[str] = json.loads(path.read_text(encoding="utf-8"))["tags"]
    return tags


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--record", action="store_true", help="also write test fixtures"
    )
    parser.add_argument(
        "--releases-only",
        action="store_true",
        help="only rewrite releases.json from the snapshot on disk",
    )
    parser.add_argument(
        "--missing",
        action="store_true",
        help="read only distributions the snapshot lacks; keep the rest",
    )
    args = parser.parse_args()
    if not args.releases_only:
        build_snapshot(record=args.record, missing_only=args.missing)
    write_releases()
    return 0


def _kept(*, missing_only: bool) -> tuple[list[str], list[Project]]:
    """The names to read live, and the recorded projects kept as they are."""
    names = distributions()
    if not missing_only:
        return names, []
    snapshot = Snapshot(SNAPSHOT_DIR)
    recorded = set(snapshot.names())
    kept = [snapshot.project(n) for n in names if n in recorded]
    return (
        [n for n in names if n not in recorded],
        [p for p in kept if p is not None],
    )


def build_snapshot(*, record: bool, missing_only: bool = False) -> None:
    """Read the live index and write the snapshot."""
    wanted, projects = _kept(missing_only=missing_only)
    with requests.Session() as session:
        session.headers["User-Agent"] = "dlchoose-snapshot-builder"
        for name in wanted:
            document = fetch(session, name)
            if document is None:
                # Recorded as a project without releases: "not on the index".
                document = {"files": []}
            project = parse_project(name, document, read_at=utc_now())
            projects.append(project)
            print(
                f"  {name}: {len(project.releases)} releases", file=sys.stderr
            )
            if record and name in RECORD:
                FIXTURES.mkdir(parents=True, exist_ok=True)
                path = FIXTURES / f"{name}.json"
                path.write_text(
                    json.dumps(trimmed(document, RECORD[name]), indent=0)
                    + "\n",
                    encoding="utf-8",
                )
    files = encode(
        projects,
        index_url=INDEX,
        generated=utc_now().date(),
        previous_tags=previous_tags(),
    )
    SNAPSHOT_DIR.mkdir(exist_ok=True)
    for stale in SNAPSHOT_DIR.glob("*.json"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (SNAPSHOT_DIR / name).write_text(text, encoding="utf-8")
    size = sum(len(text.encode()) for text in files.values())
    print(
        f"wrote {len(files)} files to {SNAPSHOT_DIR} ({size:,} bytes)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
