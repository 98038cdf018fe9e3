"""A loopback HTTP server that answers exactly what it is told to.

Unlike :mod:`tests.github_server`, replies are raw: any status, any
headers (duplicates, absurd values), any bytes (gzip bombs, invalid UTF-8,
``1e400``), a declared length that lies, or a body that trickles in one
byte at a time.  :data:`HOSTILE_REPLIES` is the table of hostile answers
the metrics and HTTP-layer tests run through; every request is recorded
(with its headers) so tests can check where a token went.
"""

from __future__ import annotations

import gzip
import json
import struct
import threading
import time
import zlib

from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Raw:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    trickle: float = 0.0
    """Seconds between single bytes of the body (0: all at once)."""
    declared_length: int | None = None
    """A Content-Length that may lie (``None``: the true length)."""
    stall: float = 0.0
    """Seconds to wait before the status line (a server stalling before
    its headers)."""


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def json_bytes(document: Any) -> bytes:
    return json.dumps(document).encode()


def _deflate_blocks(size: int, fill: bytes) -> tuple[bytes, bytes]:
    """Raw deflate of *size* bytes of *fill*, built from one compressed
    MiB repeated (a full flush makes every MiB compress alike), so even a
    GiB bomb takes milliseconds to build; and the final empty block."""
    out = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = out.compress(fill * (1 << 20)) + out.flush(zlib.Z_FULL_FLUSH)
    return block * max(size >> 20, 1), out.flush()


def gzip_bomb(size: int) -> bytes:
    """*size* zero bytes, gzip-compressed (about 1000:1)."""
    body, end = _deflate_blocks(size, b"\0")
    crc = 0
    chunk = b"\0" * (1 << 20)
    for _ in range(max(size >> 20, 1)):
        crc = zlib.crc32(chunk, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return header + body + end + trailer


def deflate_bomb(size: int, *, raw: bool = False) -> bytes:
    """*size* bytes of ``{``, deflated with or without the zlib header."""
    body, end = _deflate_blocks(size, b"{")
    if raw:
        return body + end
    adler = 1
    chunk = b"{" * (1 << 20)
    for _ in range(max(size >> 20, 1)):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + body + end + struct.pack(">I", adler)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up mid-reply is what these tests provoke."""


class HostileServer:
    """Routes ``path`` -> :class:`Raw` or a function of the request."""

    def __init__(self) -> None:
        self.routes: dict[str, Raw | Callable[[Request], Raw]] = {}
        self.default: Raw = Raw(404, {}, b'{"message": "Not Found"}')
        self.seen: list[Request] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.01,), daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reply_for(self, request: Request) -> Raw:
        with self._lock:
            self.seen.append(request)
            route = self.routes.get(request.path.split("?", 1)[0])
        if route is None:
            return self.default
        return route(request) if callable(route) else route

    def authorizations(self) -> list[str | None]:
        with self._lock:
            return [r.headers.get("authorization") for r in self.seen]


def _handler(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                body,
            )
            reply = server.reply_for(request)
            if reply.stall:
                time.sleep(reply.stall)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            declared = (
                len(reply.body)
                if reply.declared_length is None
                else reply.declared_length
            )
            self.send_header("Content-Length", str(declared))
            if declared != len(reply.body):
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                if reply.trickle:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                else:
                    self.wfile.write(reply.body)
            except OSError:
                self.close_connection = True

        do_GET = _serve  # noqa: N815 - http.server's method names
        do_POST = _serve  # noqa: N815

    return Handler


# -- the table of hostile GitHub answers ----------------------------------

FULL_REPO: dict[str, Any] = {
    "full_name": "o/r",
    "stargazers_count": 10,
    "forks_count": 1,
    "subscribers_count": 1,
    "open_issues_count": 1,
    "archived": False,
    "disabled": False,
    "pushed_at": "2024-01-01T00:00:00Z",
    "created_at": "2016-01-01T00:00:00Z",
    "license": {"spdx_id": "MIT"},
}


def _repo(**changes: Any) -> Raw:
    return Raw(
        200,
        {"content-type": "application/json"},
        json_bytes({**FULL_REPO, **changes}),
    )


def _raw_json(text: str, **headers: str) -> Raw:
    return Raw(
        200, {"content-type": "application/json", **headers}, text.encode()
    )


_ODD_NUMBERS: dict[str, Any] = {
    "negative": -1,
    "huge": 10**20,
    "float": 1.5,
    "string": "12",
    "bool": True,
    "word": "abc",
    "list": [1],
}
_ODD_DATES = {
    "before-epoch-offset": "0001-01-01T00:00:00+14:00",
    "max-offset": "9999-12-31T23:59:59-14:00",
    "far-future": "2999-01-01T00:00:00Z",
    "number": 12345,
    "garbage": "yesterday",
}
_ODD_NAMES: dict[str, Any] = {
    "no-slash": "noslash",
    "other-repo": "evil/other",
    "unicode": "ö/r",
    "three-parts": "o/r/x",
    "number": 5,
    "url": "https://github.com/o/r",
    "long": "o/" + "r" * 500,
}
_ODD_HEADERS = {
    "retry-after-huge": {
        "retry-after": "1" + "0" * 20,
        "x-ratelimit-remaining": "0",
    },
    "retry-after-negative": {"retry-after": "-5"},
    "retry-after-float": {"retry-after": "1e400"},
    "retry-after-2099": {"retry-after": "Wed, 21 Oct 2099 07:28:00 GMT"},
    "retry-after-year-1": {"retry-after": "Mon, 01 Jan 0001 00:00:00 GMT"},
    "reset-huge": {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": "9" * 30,
    },
    "reset-negative": {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": "-1",
    },
    "reset-nan": {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "nan"},
    "remaining-negative": {
        "x-ratelimit-remaining": "-3",
        "x-ratelimit-reset": "1",
    },
}

HOSTILE_REPLIES: dict[str, Raw] = {
    **{
        f"stars-{k}": _repo(stargazers_count=v)
        for k, v in _ODD_NUMBERS.items()
    },
    **{f"forks-{k}": _repo(forks_count=v) for k, v in _ODD_NUMBERS.items()},
    "stars-1e400": _raw_json(
        '{"full_name": "o/r", "stargazers_count": 1e400}'
    ),
    "stars-nan": _raw_json('{"full_name": "o/r", "stargazers_count": NaN}'),
    "stars-5000-digits": _raw_json(
        '{"full_name": "o/r", "stargazers_count": ' + "9" * 5000 + "}"
    ),
    **{f"pushed-{k}": _repo(pushed_at=v) for k, v in _ODD_DATES.items()},
    **{f"created-{k}": _repo(created_at=v) for k, v in _ODD_DATES.items()},
    **{f"name-{k}": _repo(full_name=v) for k, v in _ODD_NAMES.items()},
    "archived-string": _repo(archived="true"),
    "disabled-number": _repo(disabled=1),
    "licence-number": _repo(license={"spdx_id": 5}),
    "licence-string": _repo(license="MIT"),
    "licence-long": _repo(license={"spdx_id": "x" * 5000}),
    "body-array": _raw_json("[]"),
    "body-string": _raw_json('"hello"'),
    "body-null": _raw_json("null"),
    "body-empty": _raw_json(""),
    "body-invalid-utf8": Raw(
        200, {"content-type": "application/json"}, b'{"full_name": "\xff\xfe"}'
    ),
    "body-deep": _raw_json("[" * 100_000 + "]" * 100_000),
    "body-deep-objects": _raw_json('{"a":' * 50_000 + "1" + "}" * 50_000),
    "body-html": Raw(
        200, {"content-type": "text/html"}, b"<html>login</html>"
    ),
    "body-gzip-bomb": Raw(
        200,
        {"content-type": "application/json", "content-encoding": "gzip"},
        gzip_bomb(64 << 20),
    ),
    "body-deflate-bomb": Raw(
        200,
        {"content-type": "application/json", "content-encoding": "deflate"},
        deflate_bomb(64 << 20),
    ),
    "body-raw-deflate-bomb": Raw(
        200, {"content-encoding": "deflate"}, deflate_bomb(64 << 20, raw=True)
    ),
    "body-brotli": Raw(200, {"content-encoding": "br"}, b"\x0b\x02\x80{}\x03"),
    "body-double-gzip": Raw(
        200,
        {"content-encoding": "gzip, gzip"},
        gzip.compress(gzip.compress(json_bytes(FULL_REPO))),
    ),
    "body-bad-gzip": Raw(
        200, {"content-encoding": "gzip"}, b"not gzip at all"
    ),
    "body-too-long-declared": Raw(200, {}, b"{}", declared_length=10**12),
    "body-short": Raw(
        200,
        {},
        json_bytes(FULL_REPO),
        declared_length=len(json_bytes(FULL_REPO)) + 50,
    ),
    "status-304-unasked": Raw(304, {}, b""),
    "status-301-other-host": Raw(
        301, {"location": "http://evil.example/repos/o/r"}, b""
    ),
    "status-301-userinfo": Raw(
        301, {"location": "http://user:pw@127.0.0.1:1/x"}, b""
    ),
    "status-301-no-location": Raw(301, {}, b""),
    "status-302-self-loop": Raw(302, {"location": "/repos/o/r"}, b""),
    "status-418": Raw(418, {}, json_bytes({"message": "teapot"})),
    "status-401-echo": Raw(401, {}, b""),  # body set by the echo route
    **{
        f"headers-{k}": Raw(
            429 if "retry" in k else 403, v, json_bytes({"message": "rate"})
        )
        for k, v in _ODD_HEADERS.items()
    },
}
