"""Telling a terminal what a network fetch is waiting for.

A fetch that hears nothing is silent for its whole deadline; a person
cannot tell a slow network from a hung program.  So on a terminal, a
fetch that takes more than :data:`WAITING_NOTICE_AFTER` seconds says what
it waits for, for how long at most, and how to skip it; and a progress
count shares the line discipline (always closed before other lines).
Off a terminal nothing is printed.
"""

from __future__ import annotations

import sys
import threading

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final, TextIO

from ._output import PREFIX


__all__ = ["WAITING_NOTICE_AFTER", "TerminalStatus", "waiting_notice"]

#: After this many seconds of fetching, a terminal is told what is awaited.
WAITING_NOTICE_AFTER: Final = 2.0


class TerminalStatus:
    """What a terminal sees while figures are fetched: after
    :data:`WAITING_NOTICE_AFTER` seconds, what is being waited for and how
    to skip it; with many repositories, a progress count."""

    def __init__(self, stream: TextIO, waiting_for: str) -> None:
        self._stream = stream
        self._waiting_for = waiting_for
        self._lock = threading.Lock()
        self._line_open = False

    def waiting(self) -> None:
        with self._lock:
            start = "\n" if self._line_open else ""
            self._line_open = False
            print(
                f"{start}{PREFIX}waiting for {self._waiting_for};"
                " --offline skips the network, Ctrl-C stops",
                file=self._stream,
                flush=True,
            )

    def progress(self, done: int, of: int) -> None:
        with self._lock:
            self._line_open = done != of
            print(
                f"\r{PREFIX}fetching {done}/{of} repositories",
                end="" if self._line_open else "\n",
                file=self._stream,
                flush=True,
            )

    def close(self) -> None:
        with self._lock:
            if self._line_open:
                print(file=self._stream, flush=True)
            self._line_open = False


@contextmanager
def waiting_notice(
    host: str,
    deadline: float,
    *,
    total: int = 0,
    progress_from: int = 5,
) -> Iterator[Callable[[int, int], None] | None]:
    """Around a network fetch from *host*: on a terminal (stderr is a
    tty), say after :data:`WAITING_NOTICE_AFTER` seconds what is awaited
    and how to skip it.  Yields a ``progress(done, of)`` callback when
    *total* reaches *progress_from*, else ``None``."""
    stream = sys.stderr
    if not stream.isatty():
        yield None
        return
    status = TerminalStatus(stream, f"{host} (at most {deadline:g} s)")
    timer = threading.Timer(WAITING_NOTICE_AFTER, status.waiting)
    timer.daemon = True
    timer.start()
    try:
        yield status.progress if total >= progress_from else None
    finally:
        timer.cancel()
        timer.join()
        status.close()
