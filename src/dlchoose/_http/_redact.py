"""Keeping credentials out of logs, messages and notes.

Every secret a client is given is registered here; :func:`redact` masks
those and anything shaped like a GitHub token in any text, including text
a server sent (servers have been seen echoing the ``Authorization`` value
in their error messages).
"""

from __future__ import annotations

import logging
import re
import threading

from typing import Final
from urllib.parse import quote


__all__ = ["RedactingFilter", "redact", "register_secret", "safe_header"]

REDACTED: Final = "<redacted>"
_MIN_SECRET: Final = 4
_SHAPES: Final = re.compile(
    r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"
    r"|(?i:\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}"
)
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Mask *secret* (and its URL-quoted form) in all later redactions."""
    if not secret or len(secret) < _MIN_SECRET:
        return
    with _lock:
        _secrets.update({secret, quote(secret, safe="")})


def redact(text: str) -> str:
    """*text* with every registered secret and token shape masked."""
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _SHAPES.sub(REDACTED, text)


def safe_header(value: str | None, limit: int = 80) -> str:
    """A server-supplied header value fit for an error or a note:
    printable, at most *limit* characters, secrets masked (``""`` for
    none)."""
    if not value:
        return ""
    cleaned = "".join(c if c.isprintable() else " " for c in value[:limit])
    return redact(cleaned.strip())


class RedactingFilter(logging.Filter):
    """A logging filter applying :func:`redact` to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True
