"""Reading small files that third parties wrote, without trusting them.

A metadata file or ``keras.json`` may be a FIFO (opening it for reading
would wait for a writer forever), a device, a folder, a huge file or not
UTF-8.  :func:`read_small_text` opens without blocking, reads only regular
files up to a limit, and turns every such case into :class:`UnreadableFile`
with a sentence saying why.
"""

from __future__ import annotations

import os
import stat

from typing import IO, Final


__all__ = [
    "MAX_CONFIG_BYTES",
    "MAX_METADATA_BYTES",
    "UnreadableFile",
    "read_small_text",
]

#: A RECORD of a large wheel (PyTorch's) is about 2 MB; 64 MiB leaves room
#: while keeping a file put there by mistake from filling memory.
MAX_METADATA_BYTES: Final = 64 * 1024 * 1024
#: ``keras.json`` holds a handful of keys.
MAX_CONFIG_BYTES: Final = 1024 * 1024


class UnreadableFile(Exception):  # noqa: N818 - internal, always caught
    """A file exists but cannot be read as small UTF-8 text."""


def read_small_text(path: str, limit: int) -> str | None:
    """The UTF-8 text of regular file *path*; ``None`` if it is missing.

    Raises:
        UnreadableFile: not a regular file, larger than *limit* bytes,
            not UTF-8, or unreadable.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as err:
        raise UnreadableFile(f"cannot open {path}: {err}") from err
    info = os.fstat(fd)  # cannot fail on a descriptor just opened
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UnreadableFile(f"{path} is not a regular file")
    if info.st_size > limit:
        os.close(fd)
        raise UnreadableFile(
            f"{path} is {info.st_size} bytes, more than the {limit} read"
        )
    with os.fdopen(fd, "rb") as handle:
        data = _read_at_most(handle, path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UnreadableFile(
            f"{path} is not UTF-8 text ({err.reason} at byte {err.start})"
        ) from err


def _read_at_most(handle: IO[bytes], path: str, limit: int) -> bytes:
    try:
        data = handle.read(limit + 1)
    except OSError as err:
        raise UnreadableFile(f"cannot read {path}: {err}") from err
    if len(data) > limit:  # it grew while we read
        raise UnreadableFile(f"{path} is larger than the {limit} bytes read")
    return data
