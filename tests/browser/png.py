"""Just enough PNG decoding (stdlib only) to look at a screenshot.

Handles what Chromium writes: 8-bit, non-interlaced RGB or RGBA.
"""

from __future__ import annotations

import struct
import zlib

from typing import Final


SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_CHANNELS: Final = {2: 3, 6: 4}  # colour type -> samples per pixel


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    chunks = []
    offset = len(SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(kind: int, row: bytearray, prior: bytes, bpp: int) -> None:
    if kind == 0:
        return
    if kind == 2:  # up
        row[:] = bytes((x + y) & 0xFF for x, y in zip(row, prior, strict=True))
        return
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        if kind == 1:  # sub
            row[i] = (row[i] + left) & 0xFF
        elif kind == 3:  # average
            row[i] = (row[i] + (left + prior[i]) // 2) & 0xFF
        else:  # 4: paeth
            upper_left = prior[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + _paeth(left, prior[i], upper_left)) & 0xFF


def pixels(
    data: bytes, max_rows: int | None = None
) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and the RGB pixels of the first *max_rows* rows."""
    chunks = _chunks(data)
    header = next(body for kind, body in chunks if kind == b"IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(
        ">IIBBBBB", header
    )
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour {colour}")
    bpp = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(b for k, b in chunks if k == b"IDAT"))
    stride = width * bpp
    rows = height if max_rows is None else min(height, max_rows)
    prior = bytes(stride)
    out: list[tuple[int, ...]] = []
    for y in range(rows):
        start = y * (stride + 1)
        row = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], row, prior, bpp)
        out.extend(tuple(row[x : x + 3]) for x in range(0, stride, bpp))
        prior = bytes(row)
    return width, height, out
