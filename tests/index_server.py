"""A loopback package index: recorded PEP 691 answers and hostile replies.

``/simple/<name>/`` answers with the recorded page in
``tests/fixtures/index/<name>.json`` (written by
``scripts/build_index_snapshot.py --record``), with an ``ETag`` that a
revalidating client gets a 304 for.  :data:`HOSTILE` maps a name to a
reply that a real index should never send; tests put it in ``routes``.
Every request is recorded with its headers.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import zlib

from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


FIXTURES = Path(__file__).parent / "fixtures" / "index"
JSON_TYPE = "application/vnd.pypi.simple.v1+json"


def recorded(name: str) -> dict[str, Any]:
    """The recorded answer of the real index for *name*."""
    document: dict[str, Any] = json.loads(
        (FIXTURES / f"{name}.json").read_text(encoding="utf-8")
    )
    return document


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    stall: float = 0.0
    """Seconds to wait after the headers before each body byte."""
    stall_before: float = 0.0
    """Seconds to wait before sending anything (no status line yet)."""


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


def page(document: Any, **headers: str) -> Reply:
    body = json.dumps(document).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    return Reply(
        200, {"content-type": JSON_TYPE, "etag": etag, **headers}, body
    )


def _bomb(size: int) -> bytes:
    out = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [out.compress(b" " * (1 << 20)) for _ in range(size >> 20)]
    return b"".join([*parts, out.flush()])


def _json(text: str) -> Reply:
    return Reply(200, {"content-type": JSON_TYPE}, text.encode())


_FILE = {
    "filename": "torch-9.0.0-py3-none-any.whl",
    "upload-time": "2030-01-01T00:00:00Z",
}

#: Replies a real index never sends, by what is wrong with them.
HOSTILE: dict[str, Reply] = {
    "not-found": Reply(404, {"content-type": "text/plain"}, b"Not Found"),
    "server-error": Reply(503, {}, b"busy"),
    "html": Reply(
        200,
        {"content-type": "text/html"},
        b"<html><body><a href='x.whl'>x</a></body></html>",
    ),
    "html-as-json": Reply(200, {"content-type": JSON_TYPE}, b"<html></html>"),
    "not-an-object": _json("[1, 2, 3]"),
    "files-not-a-list": _json('{"files": {"a": 1}}'),
    "no-files": _json('{"name": "torch"}'),
    "nan": _json('{"files": [], "x": NaN}'),
    "huge-number": _json(
        '{"files": [{"filename": "torch-1.0-py3-none-any.whl",'
        ' "size": 1e400, "upload-time": 1e400, "yanked": 1e400}]}'
    ),
    "deep": _json('{"files": ' + "[" * 5000 + "]" * 5000 + "}"),
    "invalid-utf8": Reply(
        200, {"content-type": JSON_TYPE}, b'{"files": "\xff\xfe"}'
    ),
    "odd-files": page(
        {
            "files": [
                None,
                5,
                "torch-1.0-py3-none-any.whl",
                {"filename": 7},
                {"filename": "x" * 5000 + ".whl"},
                {"filename": "not-a-wheel-name.whl"},
                {"filename": "evil-1.0-py3-none-any.whl"},
                {**_FILE, "requires-python": ">=3.oops"},
                {**_FILE, "upload-time": "0001-01-01T00:00:00+14:00"},
                {**_FILE, "yanked": "security hole"},
                {
                    **_FILE,
                    "filename": "torch-9.1.0-py3-none-any.whl",
                    "upload-time": 12345,
                    "yanked": "false-but-a-string",
                },
                {**_FILE, "filename": "torch-9.2.0.exe"},
                {**_FILE, "filename": "torch-9.1.0.tar.gz"},
            ]
        }
    ),
    "oversized": Reply(
        200,
        {"content-type": JSON_TYPE},
        b'{"files": [' + b" " * (40 << 20) + b"]}",
    ),
    "gzip-bomb": Reply(
        200,
        {"content-type": JSON_TYPE, "content-encoding": "gzip"},
        _bomb(64 << 20),
    ),
    "stall": Reply(
        200, {"content-type": JSON_TYPE}, b'{"files": []}', stall=30.0
    ),
}


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer (the stall, the bomb) is expected."""


class IndexServer:
    """``routes`` maps a project name to a :class:`Reply`; the default is
    the recorded page, else 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.seen: list[Seen] = []
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
        return f"http://{host!s}:{port}/simple/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> IndexServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reply_for(self, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.seen.append(Seen(path, headers))
        parts = path.strip("/").split("/")
        name = parts[1] if len(parts) == 2 and parts[0] == "simple" else ""
        reply = self.routes.get(name)
        if reply is None:
            if not name or not (FIXTURES / f"{name}.json").is_file():
                return HOSTILE["not-found"]
            reply = page(recorded(name))
        etag = reply.headers.get("etag")
        if etag and headers.get("if-none-match") == etag:
            return Reply(304, {"etag": etag})
        return reply

    def paths(self) -> list[str]:
        with self._lock:
            return [seen.path for seen in self.seen]


def _handler(server: IndexServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            reply = server.reply_for(self.path, headers)
            if reply.stall_before:
                time.sleep(reply.stall_before)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            try:
                if reply.stall:
                    for byte in reply.body:
                        time.sleep(reply.stall)
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                else:
                    self.wfile.write(reply.body)
            except OSError:
                self.close_connection = True

    return Handler
