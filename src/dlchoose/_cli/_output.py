"""Rendering helpers shared by the subcommands.

stderr carries three kinds of line, all starting with :data:`PREFIX`:

* :func:`error`: printed at once (``dlchoose: error: ...``);
* :func:`note`: queued, and shown by ``main()`` after the answer: one
  note as one line, several collapsed into one ("3 notes; --explain shows
  them"), every one with ``--explain``, none with ``--quiet``;
* :func:`warn`: printed at once; kept for progress-like messages and the
  commands not yet switched to :func:`note`.
"""

from __future__ import annotations

import json
import sys

from typing import Any, Final


__all__ = [
    "PREFIX",
    "error",
    "flush_notes",
    "note",
    "pending_notes",
    "print_json",
    "reset_notes",
    "warn",
]

#: What every line dlchoose writes on stderr starts with.
PREFIX: Final = "dlchoose: "

_queued: list[str] = []


def error(message: str) -> None:
    """One line on stderr, no traceback."""
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    print(f"{PREFIX}error: {first_line}", file=sys.stderr)


def warn(message: str) -> None:
    """A line for the user on stderr now, prefixed with the program name."""
    print(f"{PREFIX}{message}", file=sys.stderr)


def note(message: str) -> None:
    """Queue *message* (one line; whitespace runs collapse) to be shown
    after the answer.  A note already queued is not queued twice."""
    text = " ".join(message.split())
    if text and text not in _queued:
        _queued.append(text)


def pending_notes() -> tuple[str, ...]:
    """The notes queued so far, oldest first."""
    return tuple(_queued)


def reset_notes() -> None:
    """Forget the queued notes (``main()`` starts every run with none)."""
    _queued.clear()


def flush_notes(*, quiet: bool = False, explain: bool = False) -> None:
    """Show the queued notes on stderr and forget them.

    *quiet* shows none; *explain* shows every one; otherwise one note is
    one line and several are one line saying how many there are.
    """
    notes = pending_notes()
    reset_notes()
    if quiet or not notes:
        return
    if explain or len(notes) == 1:
        for text in notes:
            warn(text)
        return
    warn(f"{len(notes)} notes; --explain shows them")


def print_json(document: dict[str, Any]) -> None:
    """One JSON object on stdout; keys keep their documented order."""
    print(json.dumps(document, indent=2, ensure_ascii=False))
