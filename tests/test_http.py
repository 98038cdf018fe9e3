"""The shared HTTP layer: requests, limits, redirects, cache, redaction."""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import socket
import sys
import time
import zlib

from datetime import timedelta
from pathlib import Path

import pytest

from dlchoose._http import (
    CachedResponse,
    Deadline,
    HttpCache,
    HttpClient,
    RedactingFilter,
    Response,
    credentials_allowed,
    has_userinfo,
    is_loopback,
    parse_json,
    parse_url,
    redact,
    register_secret,
    require_valid_url,
    split_userinfo,
    strip_userinfo,
    user_agent,
)
from dlchoose._http._limits import BodyTooLargeError, Decoder, read_limited
from dlchoose._time import utc_now
from dlchoose.exceptions import (
    BadResponseError,
    DeadlineExceededError,
    NetworkError,
    OfflineError,
    RedirectRefusedError,
    ResponseTooLargeError,
    TransportError,
)
from tests.hostile_server import (
    HostileServer,
    Raw,
    Request,
    deflate_bomb,
    gzip_bomb,
    json_bytes,
)


TOKEN = "s3cret-" + "http-layer" * 3
BASIC = "Basic YWxpY2U6czNjcmV0cGFzcw=="  # alice:s3cretpass
ROOT = Path(__file__).parent.parent


@pytest.fixture(name="server")
def _server():
    with HostileServer() as server:
        yield server


@pytest.fixture(name="http")
def _http(tmp_path):
    with HttpClient(
        connect_timeout=1.0,
        read_timeout=1.0,
        retries=0,
        backoff=0.0,
        max_bytes=1 << 20,
        cache=HttpCache(tmp_path / "cache"),
    ) as client:
        yield client


class TestRequest:
    def test_json_answer(self, server, http):
        """A JSON answer comes back whole, with the user agent sent."""
        server.routes["/x"] = Raw(200, {"ETag": '"1"'}, json_bytes({"a": 1}))
        response = http.request("GET", server.url + "/x")
        assert {"a": 1} == response.json()
        assert '"1"' == response.header("ETag")
        assert user_agent() == server.seen[0].headers["user-agent"]
        assert 1 == http.requests_sent

    def test_post_json(self, server, http):
        """A JSON body is sent with its content type."""
        server.routes["/q"] = Raw(200, {}, b"{}")
        http.request("POST", server.url + "/q", json={"k": "v"})
        (seen,) = server.seen
        assert {"k": "v"} == json.loads(seen.body)
        assert "application/json" == seen.headers["content-type"]

    def test_statuses_returned(self, server, http):
        """Error statuses are the caller's to interpret."""
        server.routes["/e"] = Raw(404, {}, b'{"message": "no"}')
        assert 404 == http.request("GET", server.url + "/e").status

    def test_offline_opens_no_socket(self, monkeypatch):
        """Offline mode refuses before any socket exists."""

        def no_socket(*args, **kwargs):
            raise AssertionError("a socket was opened")

        monkeypatch.setattr(socket, "socket", no_socket)
        with HttpClient(offline=True) as client, pytest.raises(OfflineError):
            client.request("GET", "http://127.0.0.1:9/x")

    def test_connection_refused(self):
        """A refused connection is a TransportError."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with HttpClient(retries=0) as client, pytest.raises(TransportError):
            client.request("GET", f"http://127.0.0.1:{port}/x")

    def test_expired_deadline(self, server, http):
        """Nothing is sent once the deadline has passed."""
        with pytest.raises(DeadlineExceededError):
            http.request("GET", server.url, deadline=Deadline.within(0))
        assert [] == server.seen

    def test_trickle_meets_deadline(self, server, http):
        """A body trickling in byte by byte stops at the deadline."""
        server.routes["/slow"] = Raw(200, {}, b"x" * 100, trickle=0.05)
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError):
            http.request(
                "GET", server.url + "/slow", deadline=Deadline.within(0.5)
            )
        assert time.monotonic() - started < 2

    def test_truncated_body(self, server, http):
        """A body shorter than announced is a TransportError."""
        server.routes["/t"] = Raw(200, {}, b"{}", declared_length=50)
        with pytest.raises(TransportError):
            http.request("GET", server.url + "/t")

    def test_deadline_values(self):
        """No deadline never expires; a past one has nothing left."""
        assert Deadline.within(None).remaining() == float("inf")
        assert Deadline.within(float("nan")).remaining() == float("inf")
        assert Deadline.within(-1).expired
        assert 0 == Deadline.within(-1).remaining()

    def test_injected_session_not_closed(self, server):
        """A session passed in is used and left open."""
        import requests

        session = requests.Session()
        server.routes["/x"] = Raw(200, {}, b"{}")
        with HttpClient(session=session) as client:
            client.request("GET", server.url + "/x")
        assert client._session is session
        session.close()


class TestRedirects:
    def test_same_origin_followed(self, server, http):
        """A redirect on the same host is followed (token kept)."""
        server.routes["/old"] = Raw(301, {"Location": "/new"})
        server.routes["/new"] = Raw(200, {}, b"{}")
        response = http.request("GET", server.url + "/old", token=TOKEN)
        assert server.url + "/new" == response.url
        assert [f"Bearer {TOKEN}"] * 2 == server.authorizations()

    @pytest.mark.parametrize(
        "location",
        [
            "http://evil.example/x",
            "https://127.0.0.1/x",
            "http://user:pw@127.0.0.1/x",
            "http://[::1/x",
            "http://u:pw@[::1/x",
            "//[::1/x",
            "http://127.0.0.1:99999/x",
        ],
    )
    def test_other_origin_refused(self, server, http, location):
        """Another host, scheme or userinfo, or a Location that does not
        parse, is never followed: always RedirectRefusedError."""
        server.routes["/r"] = Raw(302, {"Location": location})
        with pytest.raises(RedirectRefusedError):
            http.request("GET", server.url + "/r")
        assert 1 == len(server.seen)

    def test_redirect_echoing_a_credential_refused(self, server, http):
        """A same-host Location that carries the token is not followed, so
        the token cannot reach a later error message."""
        server.routes["/r"] = Raw(302, {"Location": f"/x?t={TOKEN}"})
        with pytest.raises(RedirectRefusedError, match="credential") as info:
            http.request("GET", server.url + "/r", token=TOKEN)
        assert TOKEN not in str(info.value)
        assert 1 == len(server.seen)

    def test_loop_stops(self, server, http):
        """A redirect loop stops after max_redirects."""
        server.routes["/loop"] = Raw(302, {"Location": "/loop"})
        with pytest.raises(RedirectRefusedError, match="more than 3"):
            http.request("GET", server.url + "/loop")
        assert 4 == len(server.seen)


class TestCredentials:
    @pytest.mark.parametrize(
        ("url", "allowed"),
        [
            ("https://h/x", True),
            ("http://127.0.0.1:8/x", True),
            ("http://[::1]:8/x", True),
            ("http://localhost/x", True),
            ("http://h/x", False),
            ("http://10.0.0.1/x", False),
            ("https://u:p@h/x", False),
            ("ftp://h/x", False),
            ("http://h:notaport/x", False),
        ],
    )
    def test_where_tokens_go(self, url, allowed):
        """Tokens go over https, or plain http to loopback only."""
        assert allowed == credentials_allowed(url)

    def test_token_refused_before_sending(self, http):
        """A token for plain http to another host raises ValueError."""
        with pytest.raises(ValueError, match="refusing"):
            http.request("GET", "http://example.invalid/x", token=TOKEN)

    @pytest.mark.parametrize(
        ("kwargs", "sent"),
        [
            ({"token": TOKEN}, f"Bearer {TOKEN}"),
            ({"auth": "Basic YWxpY2U6czNjcmV0cGFzcw=="}, BASIC),
            ({"auth": ("alice", "s3cretpass")}, BASIC),
            ({"headers": {"authorization": BASIC}}, BASIC),
        ],
    )
    def test_credentials_bypass_proxies(
        self, server, monkeypatch, kwargs, sent
    ):
        """Any credential over plain http goes directly to loopback, never
        through a configured proxy."""
        with HostileServer() as proxy:
            for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
                monkeypatch.setenv(name, proxy.url)
            for name in ("NO_PROXY", "no_proxy"):
                monkeypatch.delenv(name, raising=False)
            with HttpClient(retries=0) as client:
                client.request("GET", server.url + "/x", **kwargs)
            assert [] == proxy.seen
        assert [sent] == server.authorizations()

    def test_requests_without_credentials_may_use_a_proxy(
        self, server, monkeypatch
    ):
        """Without a credential the environment's proxy is honoured."""
        monkeypatch.setenv("HTTP_PROXY", server.url)
        monkeypatch.setenv("http_proxy", server.url)
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        with HttpClient(retries=0) as client:
            client.request("GET", "http://example.invalid/x")
        assert [None] == server.authorizations()

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"auth": "Basic YWxpY2U6czNjcmV0cGFzcw=="},
            {"auth": ("alice", "s3cretpass")},
            {"headers": {"Authorization": "Token s3cretpass"}},
        ],
    )
    def test_credentials_refused_before_sending(self, http, kwargs):
        """Every credential for plain http to another host is refused."""
        with pytest.raises(ValueError, match="refusing to send a credential"):
            http.request("GET", "http://example.invalid/x", **kwargs)

    def test_credentials_registered_for_redaction(self, http):
        """Password, encoded pair and header secret are all redacted."""
        with pytest.raises(ValueError, match="refusing"):
            http.request("GET", "http://h.invalid/", auth=("al", "pw-pair-1"))
        with pytest.raises(ValueError, match="refusing"):
            http.request(
                "GET",
                "http://h.invalid/",
                headers={"AUTHORIZATION": "X hdr-2x"},
            )
        encoded = base64.b64encode(b"al:pw-pair-1").decode()
        text = redact(f"pw-pair-1 {encoded} hdr-2x")
        assert "pw-pair-1" not in text
        assert encoded not in text
        assert "hdr-2x" not in text

    def test_one_credential_only(self, http):
        """Two credentials at once, or a malformed auth, are refused."""
        with pytest.raises(ValueError, match="one credential"):
            http.request("GET", "https://h/", token=TOKEN, auth=("a", "bb"))
        with pytest.raises(TypeError, match="auth must be"):
            http.request("GET", "https://h/", auth=("a", "b", "c"))

    def test_cache_scoped_by_credential(self, server, http):
        """Answers fetched with an auth pair are not served to others."""
        server.routes["/x"] = lambda request: Raw(
            200, {}, json_bytes(request.headers.get("authorization"))
        )
        url = server.url + "/x"
        hour = timedelta(hours=1)
        with_auth = http.get(url, auth=("alice", "pw-cache"), max_age=hour)
        without = http.get(url, max_age=hour)
        assert with_auth.json() != without.json()
        assert None is without.json()
        assert 2 == len(server.seen)

    def test_userinfo_refused(self, http):
        """A URL with userinfo is refused without echoing the password."""
        with pytest.raises(ValueError, match="user:password") as info:
            http.request("GET", "http://u:pa55@127.0.0.1:1/x")
        assert "pa55" not in str(info.value)

    def test_strip_userinfo(self):
        """Userinfo is stripped; odd URLs pass through."""
        assert "https://h/x" == strip_userinfo("https://u:p@h/x")
        assert "https://h/x" == strip_userinfo("https://h/x")
        assert "http://[::1" == strip_userinfo("http://[::1")

    @pytest.mark.parametrize(
        "url",
        [
            "https://alice:s3cretpass@pypi.example:99999/simple/",
            "https://alice:s3cretpass@h:0x50/x",
            "http://alice:s3cretpass@[::1/x",
            "https://alice:s3cretpass@h:-1",
        ],
    )
    def test_userinfo_found_in_unparsable_urls(self, http, url):
        """Userinfo is detected and stripped even when the port or host
        does not parse; such URLs never get a credential."""
        assert has_userinfo(url)
        assert "s3cretpass" not in strip_userinfo(url)
        assert "alice" not in strip_userinfo(url)
        assert not credentials_allowed(url)
        with pytest.raises(ValueError, match="user:password") as info:
            http.request("GET", url)
        assert "s3cretpass" not in str(info.value)

    def test_split_userinfo(self):
        """The pair comes out percent-decoded, the URL without it."""
        assert ("https://h/x", ("a b", "p@ss")) == split_userinfo(
            "https://a%20b:p%40ss@h/x"
        )
        assert ("https://h:99999/", ("u", "")) == split_userinfo(
            "https://u@h:99999/"
        )
        assert ("https://h/x", None) == split_userinfo("https://h/x")

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("https://u:pw-x1@h:99999/", "user:password"),
            ("https://h:99999/", "does not parse"),
            ("http://[::1/", "does not parse"),
            ("ftp://h/", "not a valid http/https URL"),
            ("https:///x", "no host"),
        ],
    )
    def test_require_valid_url(self, url, message):
        """Bad URLs are refused with a message that shows no password."""
        with pytest.raises(ValueError, match=message) as info:
            require_valid_url(url, "the index URL")
        assert "pw-x1" not in str(info.value)

    def test_require_valid_url_accepts(self):
        """Good URLs pass; userinfo only when allowed; non-str is a TypeError."""
        assert "https://h/x" == require_valid_url("https://h/x")
        url = "https://u:p@h:8/x"
        assert url == require_valid_url(url, allow_userinfo=True)
        assert "ftp://h/" == require_valid_url("ftp://h/", schemes=None)
        with pytest.raises(TypeError, match="must be a str"):
            require_valid_url(None)
        with pytest.raises(ValueError, match="does not parse") as info:
            parse_url("https://u:secret-9@h:0x50/")
        assert "secret-9" not in str(info.value)

    def test_loopback(self):
        """Loopback names and addresses are recognised."""
        assert is_loopback("LOCALHOST")
        assert is_loopback("127.9.9.9")
        assert not is_loopback(None)
        assert not is_loopback("example.com")


class TestLimits:
    @pytest.mark.parametrize(
        ("encoding", "body"),
        [
            ("gzip", gzip_bomb(8 << 20)),
            ("deflate", deflate_bomb(8 << 20)),
            ("deflate", deflate_bomb(8 << 20, raw=True)),
            ("", b"x" * (2 << 20)),
        ],
        ids=["gzip", "zlib-deflate", "raw-deflate", "identity"],
    )
    def test_bombs_stop_at_the_limit(self, server, http, encoding, body):
        """Decoded bodies past max_bytes are refused while decoding."""
        headers = {"Content-Encoding": encoding} if encoding else {}
        server.routes["/b"] = Raw(200, headers, body)
        with pytest.raises(ResponseTooLargeError):
            http.request("GET", server.url + "/b")

    def test_declared_length_refused_early(self, server, http):
        """A Content-Length over the limit is refused before reading."""
        server.routes["/b"] = Raw(200, {}, b"{}", declared_length=10**9)
        with pytest.raises(ResponseTooLargeError):
            http.request("GET", server.url + "/b")

    @pytest.mark.parametrize(
        ("encoding", "body"),
        [
            ("gzip", gzip.compress(b'{"a": 1}')),
            ("deflate", zlib.compress(b'{"a": 1}')),
            ("deflate", zlib.compress(b'{"a": 1}')[2:-4]),
            ("identity", b'{"a": 1}'),
        ],
        ids=["gzip", "zlib-deflate", "raw-deflate", "identity"],
    )
    def test_encodings(self, server, http, encoding, body):
        """gzip, zlib deflate, raw deflate and identity decode."""
        server.routes["/e"] = Raw(200, {"Content-Encoding": encoding}, body)
        assert {"a": 1} == http.request("GET", server.url + "/e").json()

    @pytest.mark.parametrize(
        ("encoding", "body"),
        [("br", b"\x0b"), ("gzip", b"not gzip"), ("gzip, gzip", b"")],
        ids=["brotli", "broken-gzip", "two-codings"],
    )
    def test_bad_encodings(self, server, http, encoding, body):
        """Unknown or broken encodings are a BadResponseError."""
        server.routes["/e"] = Raw(200, {"Content-Encoding": encoding}, body)
        with pytest.raises(BadResponseError):
            http.request("GET", server.url + "/e")

    @pytest.mark.parametrize(
        "text",
        [
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 65 + "1" + "}" * 65,
            "NaN",
            '{"a": Infinity}',
            "9" * 5000,
            "{",
            b"\xff",
        ],
        ids=[
            "deep",
            "65-levels",
            "nan",
            "infinity",
            "5000-digits",
            "cut",
            "utf8",
        ],
    )
    def test_json_refused(self, text):
        """Too deep, non-standard or broken JSON is a ValueError."""
        with pytest.raises(ValueError):
            parse_json(text)

    def test_json_depth_boundary(self):
        """64 levels parse; brackets inside strings do not count."""
        assert parse_json("[" * 64 + "]" * 64)
        assert ["[[[[" * 100] == parse_json(json.dumps(["[[[[" * 100]))

    def test_response_json_error(self):
        """Response.json raises BadResponseError naming the URL."""
        response = Response(url="http://h/x", status=200, body=b"<html>")
        with pytest.raises(BadResponseError, match="http://h/x"):
            response.json()
        assert "<html>" == response.text()

    def test_decoder_and_reader(self):
        """The decoder's own checks: unknown coding, raw and flush limits."""
        with pytest.raises(ValueError, match="unsupported"):
            Decoder("br", 10)
        with pytest.raises(BodyTooLargeError):
            read_limited([b"x" * 20], encoding="", max_bytes=10)
        with pytest.raises(BodyTooLargeError):
            read_limited(
                [gzip.compress(b"x" * 100)], encoding="gzip", max_bytes=10
            )

    def test_memory_bound(self, tmp_path):
        """A 1 GiB gzip bomb is refused in a process limited to 512 MiB of
        address space (peak memory stays near max_bytes)."""
        import subprocess

        if sys.platform != "linux":  # pragma: no cover - RLIMIT_AS semantics
            pytest.skip("RLIMIT_AS is reliable on Linux only")
        script = tmp_path / "bomb.py"
        script.write_text(
            "import resource, sys\n"
            "from tests.hostile_server import HostileServer, Raw, gzip_bomb\n"
            "from dlchoose._http import HttpClient\n"
            "from dlchoose.exceptions import ResponseTooLargeError\n"
            "bomb = gzip_bomb(1 << 30)\n"
            "limit = 512 << 20\n"
            "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
            "with HostileServer() as s:\n"
            "    s.routes['/b'] = Raw(200, {'Content-Encoding': 'gzip'}, bomb)\n"
            "    try:\n"
            "        HttpClient(retries=0).request('GET', s.url + '/b')\n"
            "    except ResponseTooLargeError:\n"
            "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "        print('refused', peak // 1024)\n"
            "        sys.exit(0)\n"
            "sys.exit(1)\n",
            encoding="utf-8",
        )
        done = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=60,
            # ROOT for the tests package, before whatever PYTHONPATH made
            # dlchoose importable here (an install with --target, say).
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join(
                    p
                    for p in (str(ROOT), os.environ.get("PYTHONPATH", ""))
                    if p
                ),
            },
            check=False,
        )
        assert 0 == done.returncode, done.stderr[-2000:]
        verdict, peak_mib = done.stdout.split()
        assert "refused" == verdict
        assert int(peak_mib) < 300


class TestCache:
    def test_etag_revalidation(self, server, http):
        """A stale entry is revalidated with If-None-Match; 304 serves the
        stored body."""

        def answer(request: Request) -> Raw:
            if request.headers.get("if-none-match") == '"v1"':
                return Raw(304, {"ETag": '"v1"'})
            return Raw(200, {"ETag": '"v1"'}, json_bytes({"n": 1}))

        server.routes["/c"] = answer
        first = http.get(server.url + "/c")
        second = http.get(server.url + "/c")
        assert (False, True) == (first.from_cache, second.from_cache)
        assert {"n": 1} == second.json()
        assert '"v1"' == server.seen[1].headers["if-none-match"]

    def test_last_modified_revalidation(self, server, http):
        """Last-Modified is sent back as If-Modified-Since."""
        stamp = "Wed, 21 Oct 2015 07:28:00 GMT"
        server.routes["/c"] = Raw(200, {"Last-Modified": stamp}, b"[]")
        http.get(server.url + "/c")
        http.get(server.url + "/c")
        assert stamp == server.seen[1].headers["if-modified-since"]

    def test_fresh_entry_served_without_request(self, server, http):
        """An entry younger than max_age costs no request."""
        server.routes["/c"] = Raw(200, {}, b"[1]")
        http.get(server.url + "/c")
        again = http.get(server.url + "/c", max_age=timedelta(hours=1))
        assert again.from_cache
        assert 1 == len(server.seen)

    def test_304_without_validators_not_fresh(self, server, http):
        """A 304 to an unconditional request is asked again, then refused."""
        server.routes["/c"] = Raw(304)
        with pytest.raises(BadResponseError, match="304"):
            http.get(server.url + "/c")
        assert 2 == len(server.seen)
        assert all("if-none-match" not in s.headers for s in server.seen)

    def test_304_then_answer(self, server, http):
        """An unasked-for 304 followed by a real answer uses the answer."""
        replies = [Raw(304), Raw(200, {}, b"[2]")]
        server.routes["/c"] = lambda request: replies.pop(0)
        assert [2] == http.get(server.url + "/c").json()

    def test_offline_serves_any_age(self, server, tmp_path):
        """Offline, a cached entry of any age is served; else OfflineError."""
        cache = HttpCache(tmp_path / "c")
        server.routes["/c"] = Raw(200, {}, b"[3]")
        with HttpClient(cache=cache) as online:
            online.get(server.url + "/c")
        with HttpClient(cache=cache, offline=True) as offline:
            assert [3] == offline.get(server.url + "/c").json()
            with pytest.raises(OfflineError):
                offline.get(server.url + "/other")

    def test_future_entry_is_stale(self, tmp_path):
        """An entry stored in the future has an unknown age: not fresh."""
        entry = CachedResponse(
            url="https://h/x",
            body=b"",
            stored_at=utc_now() + timedelta(days=1),
        )
        assert not entry.fresh(timedelta(days=365))

    def test_keys_and_files_hold_no_secrets(self, server, tmp_path):
        """Cache files hold neither the token nor URL userinfo."""
        cache = HttpCache(tmp_path / "c")
        server.routes["/c"] = Raw(200, {"ETag": "e"}, b"[]")
        with HttpClient(cache=cache) as client:
            client.get(server.url + "/c", token=TOKEN)
        entry = CachedResponse(
            url="https://user:pa55@h/x", body=b"", stored_at=utc_now()
        )
        cache.put("anon", "https://user:pa55@h/x", entry)
        for path in (tmp_path / "c").rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                assert TOKEN not in text
                assert "pa55" not in text
        assert cache.get("anon", "https://h/x") is not None

    @pytest.mark.parametrize(
        "document",
        [
            {},
            {"format": 1},
            {
                "format": 1,
                "stored_at": "x",
                "url": "u",
                "body": "",
                "headers": {},
            },
            {
                "format": 1,
                "stored_at": "2020-01-01T00:00:00Z",
                "url": "https://h/x",
                "body": "!!notbase64",
                "headers": {},
            },
            {
                "format": 1,
                "stored_at": "2020-01-01T00:00:00Z",
                "url": "https://h/x",
                "body": "",
                "headers": {"etag": 5},
            },
            {
                "format": 1,
                "stored_at": "2020-01-01T00:00:00Z",
                "url": "https://h/other",
                "body": "",
                "headers": {},
            },
        ],
    )
    def test_damaged_entries_are_missing(self, tmp_path, document):
        """Damaged entries, or another URL's, count as missing."""
        cache = HttpCache(tmp_path / "c")
        path = cache._path("anon", "https://h/x")
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(document), encoding="utf-8")
        assert None is cache.get("anon", "https://h/x")

    @pytest.mark.parametrize(
        "stored_at",
        [
            "9999-12-31T23:00:00-14:00",
            "0001-01-01T00:00:00+14:00",
            "2999-01-01T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "in two days",
        ],
    )
    def test_implausible_storage_time_is_unknown_age(
        self, server, http, stored_at
    ):
        """An entry stored before 2000 or more than a day ahead is not
        used (not even offline) and is refetched, never an overflow."""
        if stored_at == "in two days":
            stored_at = (utc_now() + timedelta(days=2)).isoformat()
        server.routes["/x"] = Raw(200, {}, b"[2]")
        url = server.url + "/x"
        document = {
            "format": 1,
            "stored_at": stored_at,
            "url": url,
            "body": base64.b64encode(b"[1]").decode(),
            "headers": {"etag": '"e"'},
        }
        path = http.cache._path("anon", url)
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(document), encoding="utf-8")
        assert None is CachedResponse.from_dict(document)
        assert [2] == http.get(url, max_age=timedelta(days=9999)).json()
        assert None is server.seen[0].headers.get("if-none-match")
        assert utc_now() - http.cache.get("anon", url).stored_at < timedelta(
            minutes=1
        )

    def test_plausible_storage_time_kept_in_utc(self):
        """A storage time with an offset is kept, converted to UTC."""
        entry = CachedResponse.from_dict(
            {
                "stored_at": "2020-01-01T12:00:00+02:00",
                "url": "https://h/x",
                "body": "",
                "headers": {},
            }
        )
        assert entry is not None
        assert "2020-01-01T10:00:00+00:00" == entry.stored_at.isoformat()

    def test_unwritable_cache_is_ignored(self, tmp_path, caplog):
        """A cache that cannot be written is logged, not raised."""
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        cache = HttpCache(blocker)
        entry = CachedResponse(
            url="https://h/x", body=b"", stored_at=utc_now()
        )
        with caplog.at_level(logging.WARNING):
            cache.put("anon", "https://h/x", entry)
        assert "cannot write" in caplog.text

    def test_default_directory(self, monkeypatch, tmp_path):
        """The default cache honours DLCHOOSE_CACHE_DIR."""
        monkeypatch.setenv("DLCHOOSE_CACHE_DIR", str(tmp_path))
        assert (
            tmp_path / "pypi"
            == HttpCache.default("pypi")._path("anon", "x").parent
        )


class TestRedaction:
    def test_registered_secrets_and_shapes(self):
        """Registered secrets, their URL-quoted form and token shapes are
        masked."""
        secret = "my secret/value"
        register_secret(secret)
        register_secret("ab")  # too short to mask safely
        text = redact(
            f"x {secret} y my%20secret%2Fvalue z ghp_{'a' * 36}"
            " Authorization: Bearer abcdefgh12345 ab"
        )
        assert "secret" not in text
        assert "ghp_" not in text
        assert "abcdefgh12345" not in text
        assert text.endswith(" ab")

    def test_content_type_redacted(self):
        """A Content-Type echoing a registered secret is masked in errors."""
        register_secret("ct-secret-value-1")
        response = Response(
            url="http://h/x",
            status=200,
            headers={"content-type": "text/plain; raw=ct-secret-value-1\n"},
            body=b"not json",
        )
        with pytest.raises(BadResponseError, match="redacted") as info:
            response.json()
        assert "ct-secret-value-1" not in str(info.value)

    def test_log_filter(self, caplog):
        """The logging filter masks secrets in formatted records."""
        register_secret(TOKEN)
        logger = logging.getLogger("dlchoose.test-redaction")
        logger.addFilter(RedactingFilter())
        with caplog.at_level(logging.INFO):
            logger.info("sent %s", TOKEN)
            logger.info("nothing to hide")
        assert TOKEN not in caplog.text
        assert "nothing to hide" in caplog.text

    def test_errors_carry_urls_not_secrets(self, server):
        """NetworkError carries the URL and pickles."""
        import pickle

        error = TransportError("x", url="https://h/x")
        again = pickle.loads(pickle.dumps(error))
        assert ("x", "https://h/x") == (str(again), again.url)
        assert isinstance(again, NetworkError)
