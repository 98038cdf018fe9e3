"""Bounded bodies: size limits while decoding, and JSON nesting limits.

Decompression is done here, not by urllib3, so that every call to zlib
is told how much output it may produce: a gzip or deflate bomb stops at
the limit instead of filling memory.  JSON is checked for nesting depth
before :func:`json.loads` sees it, so a deeply nested body is refused with
a :class:`ValueError` instead of a :class:`RecursionError`.
"""

from __future__ import annotations

import json
import re
import zlib

from collections.abc import Callable, Iterable
from typing import Any, Final


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "BodyTooLargeError",
    "Decoder",
    "nesting_depth",
    "parse_json",
    "read_limited",
]

#: A decoded body larger than this is refused (GitHub's biggest answers
#: here are ~100 kB; the package index's JSON pages are a few MB).
DEFAULT_MAX_BYTES: Final = 32 * 1024 * 1024
#: JSON nested deeper than this is refused (real answers nest < 10).
DEFAULT_MAX_DEPTH: Final = 64

_JSON_TOKENS: Final = re.compile(
    rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL
)


class BodyTooLargeError(ValueError):
    """A body (raw or decoded) exceeds its limit."""


class Decoder:
    """Undo one ``Content-Encoding`` (identity, gzip or deflate), never
    producing more than the limit allows."""

    def __init__(self, encoding: str, limit: int) -> None:
        coding = encoding.strip().casefold()
        self._limit = limit
        self._size = 0
        self._zlib: Any = None
        self._raw_deflate_tried = False
        if coding in {"", "identity"}:
            return
        if coding in {"gzip", "x-gzip"}:
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._zlib = zlib.decompressobj()
        else:
            raise ValueError(f"unsupported content encoding {encoding!r}")
        self._deflate = coding == "deflate"

    def _count(self, piece: bytes) -> bytes:
        self._size += len(piece)
        if self._size > self._limit:
            raise BodyTooLargeError(
                f"the decoded body exceeds {self._limit} bytes"
            )
        return piece

    def feed(self, data: bytes) -> bytes:
        """Decode the next chunk of the body."""
        if self._zlib is None:
            return self._count(data)
        out = bytearray()
        while data:
            # max_length bounds this call's output (0 would mean "no
            # bound", but the room left is always at least 1 here).
            room = self._limit + 1 - self._size
            try:
                piece = self._zlib.decompress(data, room)
            except zlib.error:
                if self._deflate and not self._raw_deflate_tried:
                    # Some servers send raw deflate without the zlib header.
                    self._raw_deflate_tried = True
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._raw_deflate_tried = True
            out += self._count(piece)
            data = self._zlib.unconsumed_tail
        return bytes(out)

    def finish(self) -> bytes:
        """Whatever the decoder still holds."""
        if self._zlib is None:
            return b""
        return self._count(self._zlib.flush())


def read_limited(
    chunks: Iterable[bytes],
    *,
    encoding: str,
    max_bytes: int,
    check: Callable[[], None] | None = None,
) -> bytes:
    """The decoded body from raw *chunks*; :class:`BodyTooLargeError` past
    *max_bytes* (raw or decoded), :class:`ValueError` for a bad encoding.
    *check* runs before each chunk (the caller's deadline)."""
    decoder = Decoder(encoding, max_bytes)
    body = bytearray()
    raw = 0
    for chunk in chunks:
        if check is not None:
            check()
        raw += len(chunk)
        if raw > max_bytes:
            raise BodyTooLargeError(f"the body exceeds {max_bytes} bytes")
        try:
            body += decoder.feed(chunk)
        except zlib.error as err:
            raise ValueError(f"the body cannot be decoded: {err}") from err
    try:
        body += decoder.finish()
    except zlib.error as err:  # pragma: no cover - flush rarely fails
        raise ValueError(f"the body cannot be decoded: {err}") from err
    return bytes(body)


def nesting_depth(data: bytes, stop_after: int) -> int:
    """How deeply *data*'s arrays and objects nest (strings skipped);
    counting stops once *stop_after* is exceeded."""
    if data.count(b"[") + data.count(b"{") <= stop_after:
        return min(data.count(b"[") + data.count(b"{"), stop_after)
    depth = deepest = 0
    for token in _JSON_TOKENS.finditer(data):
        first = token.group()[:1]
        if first in {b"[", b"{"}:
            depth += 1
            deepest = max(deepest, depth)
            if deepest > stop_after:
                break
        elif first in {b"]", b"}"}:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(
    data: bytes | str, *, max_depth: int = DEFAULT_MAX_DEPTH
) -> Any:
    """*data* parsed as strict JSON (no NaN or Infinity), nested at most
    *max_depth* deep; :class:`ValueError` otherwise."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if nesting_depth(raw, max_depth) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError as err:  # pragma: no cover - depth checked first
        raise ValueError("JSON nested too deeply") from err
