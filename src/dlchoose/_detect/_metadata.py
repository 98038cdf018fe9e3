# ruff: noqa: PTH112, PTH118, PTH119, PTH120
# (plain string paths on the hot path: fewer objects and system calls)
"""Reading one distribution's metadata, whatever state it is in.

A ``.dist-info`` or ``.egg-info`` folder is read directly (only the header
block of ``METADATA``, which is several times faster than parsing it as
email); metadata inside a zip file on ``sys.path`` goes through
:mod:`importlib.metadata`.  Third parties write these files: anything that
cannot be read (not UTF-8, a FIFO, a huge file, a zip in place of a
folder, missing ``Name``) becomes a sentence in :attr:`Meta.notes`, never an
exception.
"""

from __future__ import annotations

import os

from typing import Any

from ._files import MAX_METADATA_BYTES, UnreadableFile, read_small_text
from ._listing import canonical_name
from ._model import DistributionRecord


__all__ = [
    "FolderFiles",
    "Meta",
    "MetadataFiles",
    "archive_metadata",
    "provides",
    "read_meta",
    "requires",
]


class FolderFiles:
    """The files of a metadata folder (or a distutils egg-info *file*).

    This module's classes are plain slotted classes, not attrs: they are
    internal, only need ``__init__``, and creating an attrs class costs a
    fresh process about a millisecond each.
    """

    __slots__ = ("notes", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.notes: list[str] = []
        """Why a file that exists could not be read."""

    def read_text(self, name: str) -> str | None:
        # An egg-info *file* (distutils) is itself PKG-INFO: read_text("").
        if not name and os.path.isdir(self.path):
            return None
        target = os.path.join(self.path, name) if name else self.path
        try:
            return read_small_text(target, MAX_METADATA_BYTES)
        except UnreadableFile as err:
            self.notes.append(f"ignored unreadable metadata: {err}")
            return None


class ArchiveFiles:
    """The files of a distribution inside a zip file on ``sys.path``."""

    __slots__ = ("dist", "notes")

    def __init__(self, dist: Any) -> None:
        self.dist = dist
        """The :class:`importlib.metadata.Distribution`."""
        self.notes: list[str] = []

    def read_text(self, name: str) -> str | None:
        try:
            text: str | None = self.dist.read_text(name)
        except Exception as err:  # noqa: BLE001 - any damage: unreadable
            self.notes.append(f"ignored unreadable metadata {name}: {err!r}")
            return None
        return text


#: The files of one distribution's metadata, read as text.
MetadataFiles = FolderFiles | ArchiveFiles


class Meta:
    """A complete metadata record and the files behind it (compared by
    identity)."""

    __slots__ = ("editable_target", "files", "record")

    def __init__(
        self,
        record: DistributionRecord,
        files: MetadataFiles,
        editable_target: str | None,
    ) -> None:
        self.record = record
        self.files = files
        self.editable_target = editable_target


def read_meta(path: str, folder: str) -> Meta | list[str]:
    """A complete record, or the reasons the folder is a leftover."""
    files = FolderFiles(path)
    headers = _headers(files)
    name, version = headers.get("name"), headers.get("version")
    if not name or not version:
        return [
            *files.notes,
            f"ignored leftover metadata without a name and version: {path}",
        ]
    editable, target = _direct_url(files, path)
    return Meta(
        DistributionRecord(
            name=canonical_name(name),
            version=version.strip(),
            location=folder,
            metadata_path=path,
            editable=editable,
        ),
        files,
        target,
    )


def _header_block(text: str | None) -> list[str]:
    """The lines before the first blank one (the body is skipped)."""
    lines = []
    for line in (text or "").splitlines():
        if not line.strip():
            break
        lines.append(line)
    return lines


def _headers(files: MetadataFiles) -> dict[str, str]:
    """The first value of each METADATA header."""
    text = (
        files.read_text("METADATA")
        or files.read_text("PKG-INFO")
        or files.read_text("")
    )
    headers: dict[str, str] = {}
    for line in _header_block(text):
        key, sep, value = line.partition(":")
        if sep and not line[0].isspace():
            headers.setdefault(key.strip().lower(), value.strip())
    return headers


def requires(files: MetadataFiles) -> list[str]:
    """``Requires-Dist`` values, from the header block only."""
    return [
        line.partition(":")[2].strip()
        for line in _header_block(files.read_text("METADATA"))
        if line.lower().startswith("requires-dist:")
    ]


def _direct_url(files: FolderFiles, path: str) -> tuple[bool, str | None]:
    """Whether the install is editable, and the folder it points to."""
    text = files.read_text("direct_url.json")
    if text:
        return _editable_url(text, files.notes)
    if path.endswith(".egg-info"):
        # A setuptools "develop" install keeps its egg-info in the source
        # tree; a regular one lives in site-packages.
        parent = os.path.basename(os.path.dirname(path))
        if parent not in ("site-packages", "dist-packages"):
            return True, os.path.dirname(path)
    return False, None


def _editable_url(text: str, notes: list[str]) -> tuple[bool, str | None]:
    import json  # only editable and direct-URL installs get here

    try:
        data = json.loads(text)
        editable = bool(data.get("dir_info", {}).get("editable", False))
        url = str(data.get("url", ""))
    except (ValueError, AttributeError, RecursionError):
        notes.append(
            "ignored direct_url.json: not the JSON object PEP 610 describes"
        )
        return False, None
    if editable and url.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return True, unquote(urlsplit(url).path)
    return editable, None


def provides(meta: Meta, import_name: str) -> bool:
    """Whether a distribution ships *import_name* (unknown: assume so)."""
    top_level = meta.files.read_text("top_level.txt")
    if top_level is not None and top_level.strip():
        return import_name in top_level.split()
    record = meta.files.read_text("RECORD")
    if not record:
        return True
    prefixes = (f"{import_name}/", f"{import_name}.")
    return any(line.startswith(prefixes) for line in record.splitlines())


def archive_metadata(name: str, archive: str) -> tuple[list[Meta], list[str]]:
    """Metadata of distribution *name* inside a zip file on ``sys.path``,
    and why some could not be read."""
    from .._compat import metadata

    metas: list[Meta] = []
    notes: list[str] = []
    try:
        dists = list(metadata.distributions(name=name, path=[archive]))
    except Exception as err:  # noqa: BLE001 - a damaged archive
        return [], [f"cannot read metadata in {archive}: {err!r}"]
    for dist in dists:
        meta = _archive_meta(ArchiveFiles(dist), archive)
        if isinstance(meta, str):
            notes.append(meta)
        elif meta is not None:
            metas.append(meta)
    return metas, notes


def _archive_meta(files: ArchiveFiles, archive: str) -> Meta | str | None:
    """One distribution in a zip file; a note when its metadata is broken."""
    where = str(getattr(files.dist, "_path", archive))
    headers = _headers(files)
    name, version = headers.get("name"), headers.get("version")
    if not version:
        return "; ".join(files.notes) or None
    if not name:
        return f"ignored metadata without a name in {where}"
    record = DistributionRecord(
        name=canonical_name(name),
        version=version,
        location=archive,
        metadata_path=where,
    )
    return Meta(record, files, None)
