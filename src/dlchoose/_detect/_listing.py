# ruff: noqa: PTH109
# (plain string paths on the hot path: fewer objects and system calls)
"""One listing of every ``sys.path`` folder, filtered to the names wanted.

Listing each folder once (``os.scandir``) and keeping only metadata
folders, module files and pip leftovers of the frameworks asked for is
what keeps the fast path fast: no per-distribution lookups, no scan of
every installed distribution.
"""

from __future__ import annotations

import os
import re

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final


if TYPE_CHECKING:
    from ._known import Detectable


__all__ = ["PathScan", "canonical_name", "entry_path", "real"]

META_SUFFIXES: Final = (".dist-info", ".egg-info")
_SEPARATORS: Final = re.compile(r"[-_.]+")


def canonical_name(name: str) -> str:
    """A distribution name normalised as PEP 503 defines it.

    The rule packaging's ``canonicalize_name`` applies (lower case, runs of
    ``-_.`` to one ``-``); spelt out here because importing
    ``packaging.utils`` imports ``packaging.tags`` too, which costs the fast
    path more than all its own work.  A test compares the two.
    """
    return _SEPARATORS.sub("-", name).lower()


def entry_path(entry: object) -> str | None:
    """The folder a ``sys.path`` entry means (``""`` is the working folder),
    or ``None`` when it cannot be a folder (not a string, a null byte, a
    deleted working folder)."""
    if not isinstance(entry, str) or "\0" in entry:
        return None
    if entry:
        return entry
    try:
        return os.getcwd()
    except OSError:
        return None


def real(path: str) -> str:
    """*path* with links resolved, for comparing locations."""
    return os.path.normcase(os.path.realpath(path))


class Entry:
    """A file or folder on a ``sys.path`` folder that matters to us.

    This module's classes are plain slotted classes, not attrs: they are
    internal, only need ``__init__``, and creating an attrs class costs a
    fresh process about a millisecond each.
    """

    __slots__ = ("folder", "index", "name", "path")

    def __init__(self, index: int, folder: str, path: str, name: str) -> None:
        self.index = index
        """Position of the ``sys.path`` entry."""
        self.folder = folder
        self.path = path
        self.name = name


def _meta_name(filename: str) -> str:
    """``Tensorflow_CPU-2.16.1.dist-info`` → ``tensorflow-cpu``."""
    stem = filename.rsplit(".", 1)[0]  # without .dist-info or .egg-info
    return canonical_name(stem.split("-", 1)[0])


def _module_name(filename: str, suffixes: Sequence[str]) -> str | None:
    for suffix in suffixes:
        if filename.endswith(suffix):
            return filename[: -len(suffix)]
    if "." not in filename:
        return filename
    return None


def _wanted_names(
    wanted: Iterable[Detectable],
) -> tuple[set[str], set[str]]:
    dist_names: set[str] = set()
    import_names: set[str] = set()
    for framework in wanted:
        dist_names.update(framework.distributions)
        import_names.update(framework.import_names)
    return dist_names, import_names


class PathScan:
    """Metadata folders, module files and folders, and pip leftovers of
    the wanted names, found by listing every ``sys.path`` folder once."""

    __slots__ = (
        "_suffixes",
        "_tildes",
        "archives",
        "dist_names",
        "folders",
        "import_names",
        "leftovers",
        "metadata",
        "modules",
    )

    def __init__(
        self,
        dist_names: set[str],
        import_names: set[str],
        tildes: dict[str, str],
        suffixes: Sequence[str],
    ) -> None:
        self.dist_names = dist_names
        self.import_names = import_names
        self._tildes = tildes
        self._suffixes = suffixes
        self.folders: list[str] = []
        self.metadata: dict[str, list[Entry]] = {}
        self.modules: dict[str, list[Entry]] = {}
        self.leftovers: dict[str, list[Entry]] = {}
        self.archives: list[tuple[int, str]] = []

    def add(self, index: int, folder: str, entry: os.DirEntry[str]) -> None:
        """Keep *entry* of folder *index* if it is one of the wanted."""
        # Most entries are not wanted: decide before building anything.
        name = entry.name
        if name.startswith("~"):
            original = self._tildes.get(canonical_name(name.split("-", 1)[0]))
            if original is not None:
                self.leftovers.setdefault(original, []).append(
                    Entry(index, folder, entry.path, name)
                )
            return
        if name.endswith(META_SUFFIXES):
            meta = _meta_name(name)
            if meta in self.dist_names:
                self.metadata.setdefault(meta, []).append(
                    Entry(index, folder, entry.path, name)
                )
            return
        if name.partition(".")[0] not in self.import_names:
            return
        module = _module_name(name, self._suffixes)
        if module is not None and module in self.import_names:
            self.modules.setdefault(module, []).append(
                Entry(index, folder, entry.path, name)
            )

    def list_folder(self, index: int, folder: str) -> None:
        """Add the wanted entries of one ``sys.path`` folder."""
        try:
            entries = list(os.scandir(folder))
        except NotADirectoryError:
            self.archives.append((index, folder))
            return
        except (OSError, ValueError):
            return  # missing, unreadable or not a path at all
        for entry in entries:
            self.add(index, folder, entry)

    @classmethod
    def of(cls, path: Sequence[str], wanted: Iterable[Detectable]) -> PathScan:
        """List every folder of *path* once for the *wanted* frameworks."""
        from importlib.machinery import all_suffixes

        dist_names, import_names = _wanted_names(wanted)
        # pip renames a folder it is replacing to "~" + name[1:].
        tildes = {
            canonical_name("~" + n[1:]): n for n in dist_names | import_names
        }
        scan = cls(
            dist_names=dist_names,
            import_names=import_names,
            tildes=tildes,
            suffixes=sorted(all_suffixes(), key=len, reverse=True),
        )
        seen: set[str] = set()
        for index, raw in enumerate(path):
            folder = entry_path(raw)
            if folder is None or folder in seen:
                continue
            seen.add(folder)
            scan.folders.append(folder)
            scan.list_folder(index, folder)
        return scan
