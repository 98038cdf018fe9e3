"""A real HTTP server on 127.0.0.1 that answers like GitHub.

Routes map ``(method, path)`` (path compared case-insensitively, as GitHub
does) to a list of :class:`Reply` objects served in turn (the last one
repeats) or to a function of the request.  Every request is recorded, so
tests assert how many GitHub would have received.  Besides ordinary
replies the server can stall, reset the connection, or cut a body short.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


FIXTURES = Path(__file__).parent / "fixtures" / "github"


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    action: str = "reply"  # reply | stall | reset | truncate


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


def rate_headers(
    remaining: int = 4999,
    *,
    resource: str = "core",
    reset_in: float = 3600,
    limit: int = 5000,
) -> dict[str, str]:
    return {
        "x-ratelimit-limit": str(limit),
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-used": str(limit - remaining),
        "x-ratelimit-reset": str(int(time.time() + reset_in)),
        "x-ratelimit-resource": resource,
    }


def envelope(name: str, **header_overrides: str) -> Reply:
    """A ``*.response.json`` fixture as a reply (headers overridable)."""
    data = fixture(name)
    return Reply(
        data["status"], data["body"], {**data["headers"], **header_overrides}
    )


def repo_body(
    full_name: str,
    stars: int = 100,
    *,
    forks: int = 10,
    watchers: int = 5,
    open_issues: int = 3,
    archived: bool = False,
    spdx: str | None = "MIT",
) -> dict[str, Any]:
    """A full repository body: the OpenAPI example with new top-level
    values (nested objects keep the example's, as GitHub's do)."""
    body: dict[str, Any] = fixture("repo.json")
    body.update(
        full_name=full_name,
        name=full_name.split("/")[1],
        stargazers_count=stars,
        watchers_count=stars,
        watchers=stars,
        subscribers_count=watchers,
        forks_count=forks,
        forks=forks,
        open_issues_count=open_issues,
        archived=archived,
        license=(
            {"key": "x", "spdx_id": spdx, "name": spdx}
            if spdx is not None
            else None
        ),
    )
    return body


def graphql_node(body: Mapping[str, Any]) -> dict[str, Any]:
    licence = body.get("license")
    return {
        "nameWithOwner": body["full_name"],
        "url": f"https://github.com/{body['full_name']}",
        "stargazerCount": body["stargazers_count"],
        "forkCount": body["forks_count"],
        "watchers": {"totalCount": body["subscribers_count"]},
        "issues": {"totalCount": body["open_issues_count"]},
        "pullRequests": {"totalCount": 0},
        "isArchived": body["archived"],
        "isDisabled": body["disabled"],
        "pushedAt": body["pushed_at"],
        "createdAt": body["created_at"],
        "licenseInfo": (
            {"spdxId": licence["spdx_id"]}
            if isinstance(licence, dict)
            else None
        ),
        "latestRelease": {
            "tagName": "v1.0.0",
            "publishedAt": "2013-02-27T19:35:32Z",
        },
    }


class FakeGitHub:
    """The server; use as a context manager (the ``github`` fixture does)."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.routes: dict[
            tuple[str, str], list[Reply] | Callable[[Seen], Reply]
        ] = {}
        self.seen: list[Seen] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        handler = _handler_for(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.01,), daemon=True
        )
        self._thread.start()

    @property
    def root(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """The REST base URL."""
        return self.root + self.prefix

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeGitHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- configuring ---------------------------------------------------

    def add(
        self,
        method: str,
        path: str,
        *replies: Reply,
        handler: Callable[[Seen], Reply] | None = None,
    ) -> None:
        key = (method, (self.prefix + path).casefold())
        self.routes[key] = handler if handler is not None else list(replies)

    def add_repo(
        self,
        body: Mapping[str, Any],
        *,
        release: bool = True,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """REST routes for one repository and its latest release; with
        *etag*, ``If-None-Match`` revalidation answers 304."""
        name = body["full_name"]
        extra = {**rate_headers(), **(headers or {})}

        def conditional(
            reply: Reply, tag: str | None
        ) -> Callable[[Seen], Reply]:
            def answer(seen: Seen) -> Reply:
                if tag and seen.headers.get("if-none-match") == tag:
                    return Reply(304, None, {**extra, "etag": tag})
                return Reply(
                    reply.status,
                    reply.body,
                    {**extra, **({"etag": tag} if tag else {})},
                )

            return answer

        self.add(
            "GET",
            f"/repos/{name}",
            handler=conditional(Reply(200, dict(body)), etag),
        )
        self.add(
            "GET",
            f"/repos/{name}/releases/latest",
            handler=conditional(
                Reply(200, fixture("release-latest.json"))
                if release
                else Reply(404, fixture("release-latest-not-found.json")),
                f"W/{etag}" if etag else None,
            ),
        )

    def add_graphql(
        self,
        bodies: Iterable[Mapping[str, Any]],
        path: str = "/graphql",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """A GraphQL endpoint answering per alias from *bodies*."""
        known = {b["full_name"].casefold(): graphql_node(b) for b in bodies}
        extra = {**rate_headers(resource="graphql"), **(headers or {})}

        def answer(seen: Seen) -> Reply:
            variables = seen.body["variables"]
            data: dict[str, Any] = {}
            errors = []
            i = 0
            while f"o{i}" in variables:
                name = f"{variables[f'o{i}']}/{variables[f'n{i}']}"
                node = known.get(name.casefold())
                data[f"r{i}"] = node
                if node is None:
                    errors.append(
                        {
                            "type": "NOT_FOUND",
                            "path": [f"r{i}"],
                            "message": f"Could not resolve {name}",
                        }
                    )
                i += 1
            data["rateLimit"] = {"cost": 1, "remaining": 4998}
            document: dict[str, Any] = {"data": data}
            if errors:
                document["errors"] = errors
            return Reply(200, document, extra)

        self.add("POST", path, handler=answer)

    # -- inspecting ----------------------------------------------------

    def count(self, method: str | None = None, path: str | None = None) -> int:
        with self._lock:
            return sum(
                1
                for s in self.seen
                if (method is None or s.method == method)
                and (
                    path is None
                    or s.path.casefold() == (self.prefix + path).casefold()
                )
            )

    def reply_for(self, seen: Seen) -> Reply:
        with self._lock:
            self.seen.append(seen)
            route = self.routes.get((seen.method, seen.path.casefold()))
            if route is None:
                return Reply(404, fixture("not-found.json"))
            if callable(route):
                pass
            elif len(route) > 1:
                return route.pop(0)
            else:
                return route[0]
        return route(seen)


def _handler_for(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once

        def log_message(self, fmt: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            seen = Seen(
                self.command,
                self.path.split("?", 1)[0],
                {k.lower(): v for k, v in self.headers.items()},
                json.loads(raw) if raw else None,
            )
            reply = fake.reply_for(seen)
            if reply.action == "stall":
                fake.release.wait(10)
                self.close_connection = True
                return
            if reply.action == "reset":
                self.connection.setsockopt(
                    socket.SOL_SOCKET,
                    socket.SO_LINGER,
                    struct.pack("ii", 1, 0),
                )
                self.close_connection = True
                self.connection.close()
                return
            if isinstance(reply.body, (dict, list)):
                data = json.dumps(reply.body).encode()
                kind = "application/json; charset=utf-8"
            elif isinstance(reply.body, str):
                data = reply.body.encode()
                kind = "text/html; charset=utf-8"
            else:
                data = b""
                kind = "application/json; charset=utf-8"
            self.send_response(reply.status)
            headers = {"content-type": kind, **reply.headers}
            for name, value in headers.items():
                if name.lower() not in {"content-length", "connection"}:
                    self.send_header(name, value)
            if reply.action == "truncate":
                self.send_header("Content-Length", str(len(data) + 100))
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = _serve  # noqa: N815 - http.server's method names
        do_POST = _serve  # noqa: N815

    return Handler
