"""Running many fetches on a few daemon threads, bounded by a deadline."""

from __future__ import annotations

import queue
import threading

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .._http import Deadline


__all__ = ["run_parallel"]

T = TypeVar("T")


def _drain(
    func: Callable[[T], Any],
    items: Sequence[T],
    pending: queue.SimpleQueue[int],
    results: list[Any],
    done: threading.Condition,
    finished: list[int],
) -> None:
    """A worker: run *func* on queued items until none are left."""
    while True:
        try:
            index = pending.get_nowait()
        except queue.Empty:
            return
        try:
            result: Any = func(items[index])
        except Exception as err:  # noqa: BLE001 - handed to the caller
            result = err
        with done:
            results[index] = result
            finished[0] += 1
            done.notify_all()


def run_parallel(
    func: Callable[[T], Any],
    items: Sequence[T],
    *,
    workers: int,
    deadline: Deadline,
    progress: Callable[[int, int], None] | None = None,
) -> list[Any]:
    """``func`` over *items* on at most *workers* daemon threads; results
    (or the exception raised) in order, ``None`` for items unfinished at
    *deadline* (the threads are daemons, so a stalled request cannot hold
    the process)."""
    results: list[Any] = [None] * len(items)
    if not items:
        return results
    pending: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(items)):
        pending.put(index)
    done = threading.Condition()
    finished = [0]
    for _ in range(min(workers, len(items))):
        threading.Thread(
            target=_drain,
            args=(func, items, pending, results, done, finished),
            name="dlchoose-github",
            daemon=True,
        ).start()
    reported = 0
    with done:
        while finished[0] < len(items):
            left = deadline.remaining()
            if left <= 0:
                break
            # Condition.wait refuses timeouts past TIMEOUT_MAX (an
            # infinite deadline among them).
            done.wait(min(left, threading.TIMEOUT_MAX))
            if progress is not None and finished[0] != reported:
                reported = finished[0]
                progress(reported, len(items))
        return list(results)
