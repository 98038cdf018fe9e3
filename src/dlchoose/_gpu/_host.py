"""The machine as GPU detection sees it: files, environment, child programs.

Everything detection reads goes through a :class:`Host`, so tests point it
at a fake ``/proc`` and ``/sys`` tree (``root``), a fake ``PATH`` holding a
fake ``nvidia-smi``, and a chosen operating system.  Nothing here loads a
GPU driver into this process: files are read as text and programs run as
children with a timeout, in their own session, so that a hung
``nvidia-smi`` (a wedged driver) and its children are killed, not waited
for.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import signal
import subprocess
import sys

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs


__all__ = ["DEFAULT_TIMEOUT", "CommandResult", "Host"]

#: Seconds a child program may take.  nvidia-smi answers in well under a
#: second on a healthy machine; a few seconds covers a cold driver without
#: making a wedged one stall the whole command.
DEFAULT_TIMEOUT: Final = 5.0
#: Bytes of a file or of a child's output read at most: the files read here
#: are a few lines long, so anything larger is not what we look for.
_READ_LIMIT: Final = 64 * 1024


def _environ(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return dict(os.environ if value is None else value)


@attrs.frozen(kw_only=True)
class CommandResult:
    """What a child program did: its exit status and output, or why none."""

    returncode: int | None
    """``None`` when it could not run or ran past the timeout."""
    stdout: str = ""
    stderr: str = ""
    problem: str | None = None
    """Why there is no result (``"timed out after 5 s"``), or ``None``."""


@attrs.frozen(kw_only=True)
class Host:
    """Where machine facts are read from (this machine by default)."""

    root: Path = attrs.field(default=Path("/"), converter=Path)
    """Prefix for ``/proc``, ``/sys``, ``/dev`` and ``/usr/lib/wsl``."""
    environ: Mapping[str, str] = attrs.field(
        factory=lambda: dict(os.environ), converter=_environ
    )
    system: str = attrs.field(factory=platform.system)
    """``Linux``, ``Windows`` or ``Darwin``, as :func:`platform.system`."""
    machine: str = attrs.field(factory=platform.machine)
    timeout: float = DEFAULT_TIMEOUT

    def path(self, absolute: str) -> Path:
        """*absolute* (``/proc/...``) under :attr:`root`."""
        return self.root / absolute.lstrip("/")

    def read(self, absolute: str | Path) -> str | None:
        """The text of a small file, or ``None`` if it cannot be read.

        A :class:`~pathlib.Path` is taken as it is (it came from
        :meth:`glob`, so it is already under :attr:`root`).
        """
        path = absolute if isinstance(absolute, Path) else self.path(absolute)
        try:
            with path.open("rb") as handle:
                data = handle.read(_READ_LIMIT)
        except OSError:
            return None
        return data.decode("utf-8", errors="replace")

    def exists(self, absolute: str) -> bool:
        return self.path(absolute).exists()

    def glob(self, absolute: str, pattern: str) -> list[Path]:
        """Entries of directory *absolute* matching *pattern*, sorted."""
        try:
            return sorted(self.path(absolute).glob(pattern))
        except OSError:  # pragma: no cover - a directory vanishing mid-scan
            return []

    def which(self, program: str, *extra_dirs: str) -> str | None:
        """*program* on ``PATH``, else in one of *extra_dirs* (under root)."""
        found = shutil.which(program, path=self.environ.get("PATH", ""))
        if found is not None:
            return found
        for directory in extra_dirs:
            candidate = self.path(directory) / program
            if os.access(candidate, os.X_OK) and candidate.is_file():
                return str(candidate)
        return None

    def run(self, argv: Sequence[str]) -> CommandResult:
        """Run *argv* as a child with :attr:`timeout`; never raises."""
        try:
            child = subprocess.Popen(  # noqa: S603 - argv is ours, no shell
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=dict(self.environ),
                start_new_session=sys.platform != "win32",
            )
        except OSError as err:
            return CommandResult(returncode=None, problem=f"cannot run: {err}")
        try:
            out, err_out = child.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill(child)
            return CommandResult(
                returncode=None,
                problem=f"timed out after {self.timeout:g} s",
            )
        return CommandResult(
            returncode=child.returncode,
            stdout=out[:_READ_LIMIT].decode("utf-8", errors="replace"),
            stderr=err_out[:_READ_LIMIT].decode("utf-8", errors="replace"),
        )


def _kill(child: subprocess.Popen[bytes]) -> None:
    """End *child* and everything it started, then reap it briefly."""
    if sys.platform == "win32":  # pragma: no cover - tests run on POSIX
        child.kill()
    else:
        with contextlib.suppress(OSError):
            os.killpg(child.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        # The pipes close once the whole group is gone; do not wait on a
        # child stuck in the kernel for long.
        child.communicate(timeout=1.0)
