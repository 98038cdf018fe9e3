"""JSON files on disk that survive crashes, damage and parallel writers.

* Writes go to a temporary file in the same directory, named after the
  writing process, and are moved into place with :func:`os.replace`, so a
  reader sees the old document or the new one, never half of one.
* Reads treat anything unusable (missing, unreadable, not UTF-8, not JSON,
  nested too deeply, too large, not an object, another format) as absent;
  the next write replaces it.
* Read-modify-write of a shared file (:func:`update_json`) holds an
  exclusive lock on a ``.lock`` file beside it, so parallel processes
  each keep their update.
* Temporary files left by killed writers are swept away when a directory
  is next written to.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
import sys
import tempfile
import time

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from ._limits import DEFAULT_MAX_DEPTH, parse_json


__all__ = [
    "MAX_FILE_BYTES",
    "default_cache_dir",
    "locked",
    "read_json",
    "sweep_temp_files",
    "update_json",
    "write_json",
]

log = logging.getLogger("dlchoose.cache")

#: Cache files are small; anything larger than this is damage.
MAX_FILE_BYTES: Final = 16 * 1024 * 1024
#: Temporary files older than this are swept even if their writer lives.
STALE_TEMP_SECONDS: Final = 3600.0
_TEMP_NAME: Final = re.compile(r"\A\..+\.(?P<pid>\d+)\.[^.]+\.tmp\Z")


def default_cache_dir(app: str = "dlchoose") -> Path:
    """``DLCHOOSE_CACHE_DIR``, else the platform's user cache directory
    (platformdirs: ``~/.cache/dlchoose`` or ``$XDG_CACHE_HOME/dlchoose`` on
    Linux, ``~/Library/Caches/dlchoose`` on macOS, ``%LOCALAPPDATA%`` on
    Windows)."""
    explicit = os.environ.get("DLCHOOSE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs  # only when a cache is opened

    return Path(platformdirs.user_cache_dir(app, appauthor=False))


def _read_regular_file(path: Path) -> bytes | None:
    """Up to ``MAX_FILE_BYTES + 1`` bytes of *path*; ``None`` for a FIFO,
    device or directory (opened without blocking, so a FIFO cannot hang
    the reader)."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return handle.read(MAX_FILE_BYTES + 1)


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` (logged) when it cannot be used."""
    try:
        data = _read_regular_file(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        log.warning("ignoring unreadable cache file %s: %s", path, err)
        return None
    if data is None or len(data) > MAX_FILE_BYTES:
        log.warning("ignoring %s: not a regular file of sane size", path)
        return None
    return data


def read_json(
    path: Path, *, expect_format: int | None = None
) -> dict[str, Any] | None:
    """The JSON object stored in *path*, or ``None`` if it is missing or
    unusable in any way (see the module docstring)."""
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        document = parse_json(data, max_depth=DEFAULT_MAX_DEPTH)
    except ValueError:
        log.warning("ignoring corrupt cache file %s", path)
        return None
    if not isinstance(document, dict) or (
        expect_format is not None and document.get("format") != expect_format
    ):
        log.warning("ignoring cache file %s in an unknown format", path)
        return None
    return document


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def write_json(path: Path, document: Mapping[str, Any]) -> None:
    """Write *document* to *path* atomically (temporary file + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temp_files(path.parent)
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - no cheap probe there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # pragma: no cover - exists, owned by someone else
        pass
    return True


_swept: set[Path] = set()


def sweep_temp_files(directory: Path, *, force: bool = False) -> int:
    """Remove temporary files of dead writers (or older than an hour) in
    *directory*; once per directory and process unless *force*."""
    if directory in _swept and not force:
        return 0
    _swept.add(directory)
    removed = 0
    try:
        names = list(directory.iterdir())
    except OSError:
        return 0
    now = time.time()
    for candidate in names:
        match = _TEMP_NAME.match(candidate.name)
        if match is None:
            continue
        with contextlib.suppress(OSError):
            old = now - candidate.stat().st_mtime > STALE_TEMP_SECONDS
            if old or not _alive(int(match["pid"])):
                candidate.unlink()
                removed += 1
    return removed


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (blocks until free)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with lock_path.open("a+b") as handle:
        _lock(handle.fileno())
        try:
            yield
        finally:
            _unlock(handle.fileno())


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            except OSError:
                continue
            return

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def update_json(
    path: Path,
    change: Callable[[dict[str, Any]], Mapping[str, Any]],
    *,
    expect_format: int | None = None,
) -> None:
    """Read *path* (``{}`` when unusable), apply *change*, write the
    result, all under :func:`locked`, so concurrent updates all land."""
    with locked(path):
        current = read_json(path, expect_format=expect_format) or {}
        write_json(path, change(current))
