"""argparse ``type=`` validators shared by the commands.

A value they refuse is a usage error: argparse prints the usage and
``dlchoose <command>: error: argument --x: <why>`` and exits with 2.
"""

from __future__ import annotations

import argparse
import math

from urllib.parse import SplitResult, urlsplit


__all__ = ["api_url", "index_url", "seconds"]


def seconds(text: str) -> float:
    """A positive, finite number of seconds (``--deadline 20``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(
            f"must be positive and finite (seconds): {text!r}"
        )
    return value


def _split(url: str) -> SplitResult | None:
    """*url*'s parts, or ``None`` when its host or port does not parse."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return parts


def api_url(text: str) -> str:
    """An http(s) URL with a host and without ``user:password@``
    (``--api-url https://ghe.example/api/v3``); surrounding blanks go."""
    cleaned = text.strip()
    parts = _split(cleaned)
    if (
        parts is None
        or parts.scheme not in {"http", "https"}
        or not parts.hostname
    ):
        raise argparse.ArgumentTypeError(
            "must be an http(s) URL such as https://ghe.example/api/v3"
        )
    if "@" in parts.netloc:
        raise argparse.ArgumentTypeError(
            "must not contain user:password@ (set DLCHOOSE_GITHUB_TOKEN)"
        )
    return cleaned


def index_url(text: str) -> str:
    """``--index-url``: a non-empty URL whose host and port parse (the
    message never repeats it: it may carry a password)."""
    cleaned = text.strip()
    parts = _split(cleaned)
    if (
        not cleaned
        or parts is None
        or (parts.scheme and not parts.netloc and parts.scheme != "file")
    ):
        raise argparse.ArgumentTypeError(
            "must be an index URL such as https://pypi.org/simple/"
        )
    return cleaned
