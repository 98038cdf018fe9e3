"""Ending a probe child together with everything it started.

A child leads its own process group, so killing the group ends the child
and the grandchildren that stayed in it.  A grandchild that left the group
(``setsid`` and a second ``fork``, as daemons do) escapes that; each child
therefore carries a marker in its environment, which every descendant
inherits, and :func:`sweep` finds and kills the holders of the marker by
reading ``/proc/<pid>/environ`` (Linux; elsewhere the group kill is all
there is).

While children run, :func:`signals_exit` turns SIGTERM and SIGHUP (and
SIGINT, if Python's own handler was replaced by the default) into
:class:`SystemExit`, so the probe's clean-up runs instead of the process
dying with its children left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

from collections.abc import Iterator
from pathlib import Path
from typing import Final


__all__ = [
    "MARKER",
    "kill_group",
    "marked_processes",
    "new_token",
    "signals_exit",
    "sweep",
]

#: The environment variable that marks a probe child and its descendants.
MARKER: Final = "DLCHOOSE_PROBE_TOKEN"
#: Rounds of finding and killing; each round kills every holder found, so
#: only descendants forked during the previous round are left for the next.
_SWEEP_ROUNDS: Final = 50
_EXIT_SIGNALS: Final = ("SIGTERM", "SIGHUP", "SIGINT")


def new_token() -> str:
    """A marker value unique to one child."""
    import secrets

    return f"{os.getpid()}-{secrets.token_hex(8)}"


def kill_group(pgid: int) -> None:
    """SIGKILL the process group *pgid*, if it still exists."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _environ_has(path: Path, needle: bytes) -> bool:
    try:
        data = path.read_bytes()
    except OSError:  # gone, not ours, or a kernel thread
        return False
    return needle in data.split(b"\0")


def marked_processes(token: str, proc: Path = Path("/proc")) -> list[int]:
    """The live processes whose environment holds *token*'s marker."""
    needle = f"{MARKER}={token}".encode()
    try:
        entries = [e.name for e in os.scandir(proc) if e.name.isdigit()]
    except OSError:  # no /proc here
        return []
    me = os.getpid()
    return [
        int(name)
        for name in entries
        if int(name) != me and _environ_has(proc / name / "environ", needle)
    ]


def sweep(token: str, proc: Path = Path("/proc")) -> int:
    """SIGKILL every process that carries *token*; how many were killed.

    A killed process becomes a zombie whose environment reads as empty,
    so the rounds end once nothing marked is alive.
    """
    killed = 0
    for _ in range(_SWEEP_ROUNDS):
        pids = marked_processes(token, proc)
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
                killed += 1
    return killed


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def signals_exit() -> Iterator[None]:
    """Inside, signals that would end the process without clean-up raise
    :class:`SystemExit` instead; the previous handlers come back after.

    Only handlers left at the default are replaced (an application's own
    handler is its business), and only on the main thread, the one thread
    that may set them.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    replaced: list[tuple[int, object]] = []
    for name in _EXIT_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            replaced.append((signum, signal.signal(signum, _exit_on_signal)))
    try:
        yield
    finally:
        for signum, previous in replaced:
            signal.signal(signum, previous)  # type: ignore[arg-type]
