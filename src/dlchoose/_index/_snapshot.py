"""The bundled, dated snapshot of the package index (``snapshot/``).

Written by ``scripts/build_index_snapshot.py``; read here.  The layout keeps
the data small, its diffs readable, and a run cheap (only the projects
asked about are read):

- ``snapshot/index.json``: ``format``, ``index`` (the index read),
  ``generated`` (the day) and ``tags``: every distinct wheel tag string
  (the part of a wheel's file name after the version, e.g.
  ``cp312-cp312-win_amd64``) in the order first seen; the script only
  appends, so ids never move between runs.
- ``snapshot/<name>.json`` per distribution: ``read`` (when the index was
  read), ``wheel_name`` (the spelling wheel file names start with) and
  ``releases``, oldest version first, one per line, each
  ``[version, upload date, requires-python, flags, [tag ids], name?]``
  where flags adds 1 for yanked, 2 when an sdist exists and 4 for a
  pre-release (decided by packaging when the script ran), and the optional
  sixth element overrides ``wheel_name`` for that release.  Only where the
  files of one release differ, a seventh element lists per-file values:
  ``[[tag id, requires-python, yanked], ...]`` (the sixth is then always
  written, so readers that know only six elements still read the row);
  other wheels take the release's ``requires-python`` and yanked flag.
  No releases means the index had no such project when it was read.

A wheel's file name is ``<wheel_name>-<version>-<tags[id]>.whl``.
"""

from __future__ import annotations

import functools
import json

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, overload

from .._time import iso, parse_time
from ._releases import IndexRelease, Project, Wheel


if TYPE_CHECKING:
    from packaging.tags import Tag


__all__ = [
    "FORMAT",
    "SNAPSHOT_DIR",
    "Snapshot",
    "bundled",
    "encode",
]

FORMAT: Final = 1
SNAPSHOT_DIR: Final = Path(__file__).with_name("snapshot")
INDEX_FILE: Final = "index.json"
_YANKED: Final = 1
_SDIST: Final = 2
_PRE: Final = 4
_LAYOUT: Final = (
    "releases: [version, upload date, requires-python, flags (1 yanked,"
    " 2 sdist, 4 pre-release), [tag ids], wheel name if not the project's];"
    " a wheel is"
    " <wheel_name>-<version>-<tags[id]>.whl"
)


@functools.cache
def _parse_tags(tag: str) -> frozenset[Tag]:
    """Tags of a table entry; a build tag (``1-cp36-...``) is skipped."""
    from packaging.tags import parse_tag

    parts = tag.split("-")
    return parse_tag("-".join(parts[-3:]))


class Snapshot:
    """The snapshot in *directory*: projects are read on first use."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        document = _load(directory / INDEX_FILE)
        self.index_url: str = document["index"]
        self.generated: date = date.fromisoformat(document["generated"])
        self._tags: Sequence[str] = document["tags"]

    def names(self) -> tuple[str, ...]:
        """Every recorded distribution, sorted."""
        return tuple(
            sorted(
                path.stem
                for path in self._directory.glob("*.json")
                if path.name != INDEX_FILE
            )
        )

    def project(self, name: str) -> Project | None:
        """The recorded project *name* (canonical), or ``None``."""
        path = self._directory / f"{name}.json"
        if name == Path(INDEX_FILE).stem or not path.is_file():
            return None
        entry = _load(path)
        read_at = parse_time(entry["read"])
        if read_at is None:  # pragma: no cover - the script writes it
            raise ValueError(f"snapshot entry {name!r} has no read time")
        releases = _Rows(entry["releases"], entry["wheel_name"], self._tags)
        return Project(name=name, releases=releases, read_at=read_at)


class _Rows(Sequence[IndexRelease]):
    """A project's releases, each decoded the first time it is read.

    Selection walks from the newest release and usually stops at the first
    one, so most rows are never decoded.
    """

    def __init__(
        self, rows: Sequence[Any], wheel_name: str, tags: Sequence[str]
    ) -> None:
        self._rows = rows
        self._wheel_name = wheel_name
        self._tags = tags
        self._decoded: dict[int, IndexRelease] = {}

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> IndexRelease: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[IndexRelease]: ...
    def __getitem__(
        self, index: int | slice
    ) -> IndexRelease | Sequence[IndexRelease]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        position = range(len(self._rows))[index]  # IndexError as a list
        release = self._decoded.get(position)
        if release is None:
            release = self._decode(self._rows[position])
            self._decoded[position] = release
        return release

    def _decode(self, row: Sequence[Any]) -> IndexRelease:
        version, uploaded, requires, flags, tag_ids, *extra = row
        name = extra[0] if extra else self._wheel_name
        per_file = (
            {i: (r, y) for i, r, y in extra[1]} if len(extra) > 1 else {}
        )
        prefix = f"{name}-{version}-"
        tags = self._tags
        yanked = bool(flags & _YANKED)
        wheels = tuple(
            Wheel(
                f"{prefix}{tags[i]}.whl",
                _parse_tags(tags[i]),
                *per_file.get(i, (requires, yanked)),
            )
            for i in tag_ids
        )
        return IndexRelease(
            version=version,
            uploaded=date.fromisoformat(uploaded) if uploaded else None,
            requires_python=requires,
            yanked=yanked,
            wheels=wheels,
            sdist=bool(flags & _SDIST),
            prerelease=bool(flags & _PRE),
        )


def _load(path: Path) -> Any:
    # A plain open beside this module, not importlib.resources: that import
    # alone (zipfile, tempfile, ...) costs more than reading the data, and
    # `dlchoose compat` must start faster than `import requests`.
    with path.open(encoding="utf-8") as file:
        return json.load(file)


@functools.cache
def bundled() -> Snapshot:
    """The snapshot shipped with dlchoose."""
    return Snapshot(SNAPSHOT_DIR)


# -- writing (used by the maintainer script) ------------------------------


def _split(wheel: Wheel) -> tuple[str, str]:
    """A wheel file name's ``(name, tag part)``: PEP 427 names hold no dash."""
    name, _version, tags = wheel.filename[: -len(".whl")].split("-", 2)
    return name, tags


def _row(
    release: IndexRelease, wheel_name: str, table: dict[str, int]
) -> list[Any]:
    names = {_split(w)[0] for w in release.wheels}
    name = names.pop() if len(names) == 1 else wheel_name
    ids = [table.setdefault(_split(w)[1], len(table)) for w in release.wheels]
    per_file = sorted(
        [tag_id, w.requires_python, w.yanked]
        for tag_id, w in zip(ids, release.wheels, strict=True)
        if (w.requires_python, w.yanked)
        != (release.requires_python, release.yanked)
    )
    flags = (
        (_YANKED if release.yanked else 0)
        | (_SDIST if release.sdist else 0)
        | (_PRE if release.prerelease else 0)
    )
    row: list[Any] = [
        release.version,
        release.uploaded.isoformat() if release.uploaded else None,
        release.requires_python,
        flags,
        sorted(ids),
    ]
    if name != wheel_name or per_file:
        row.append(name)
    if per_file:
        row.append(per_file)
    return row


def _wheel_name(project: Project) -> str:
    from collections import Counter

    spellings = Counter(
        _split(w)[0] for r in project.releases for w in r.wheels
    )
    if not spellings:
        return project.name.replace("-", "_")
    return spellings.most_common(1)[0][0]


def encode(
    projects: Iterable[Project],
    *,
    index_url: str,
    generated: date,
    previous_tags: Sequence[str] = (),
) -> dict[str, str]:
    """The snapshot as ``{file name: text}``: one tag or release per line.

    *previous_tags* keeps the ids of an earlier snapshot stable.
    """
    table = {tag: i for i, tag in enumerate(previous_tags)}
    files = {}
    for project in sorted(projects, key=lambda p: p.name):
        wheel_name = _wheel_name(project)
        rows = [_row(r, wheel_name, table) for r in project.releases]
        files[f"{project.name}.json"] = "\n".join(
            [
                "{",
                f'"read": "{iso(project.read_at)}",',
                f'"wheel_name": {json.dumps(wheel_name)},',
                '"releases": [',
                ",\n".join(_compact(row) for row in rows),
                "]",
                "}",
            ]
        )
    files[INDEX_FILE] = "\n".join(
        [
            "{",
            f'"format": {FORMAT},',
            f'"layout": {json.dumps(_LAYOUT)},',
            f'"index": {json.dumps(index_url)},',
            f'"generated": "{generated.isoformat()}",',
            '"tags": [',
            ",\n".join(json.dumps(tag) for tag in table),
            "]",
            "}",
        ]
    )
    return {name: text + "\n" for name, text in files.items()}


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
