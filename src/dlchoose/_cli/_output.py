"""Rendering helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys

from collections.abc import Sequence
from typing import Any


def error(message: str) -> None:
    """One line on stderr, no traceback."""
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    print(f"dlchoose: error: {first_line}", file=sys.stderr)


def warn(message: str) -> None:
    """A note for the user on stderr, prefixed with the program name."""
    print(f"dlchoose: {message}", file=sys.stderr)


def print_json(document: dict[str, Any]) -> None:
    """One JSON object on stdout; keys keep their documented order."""
    print(json.dumps(document, indent=2, ensure_ascii=False))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain aligned text table."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        for row in rows
    )
    return "\n".join(line.rstrip() for line in lines)
