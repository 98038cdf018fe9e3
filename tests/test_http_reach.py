"""A host out of reach: noticed at the first failure, remembered briefly."""

from __future__ import annotations

import errno
import json
import pickle
import socket
import time

from datetime import timedelta, timezone
from typing import Any, cast

import pytest

from dlchoose._http import HttpClient, ReachMemory, Unreachable
from dlchoose._http._reach import FILE_NAME, origin_key, unreachable_reason
from dlchoose._time import utc_now
from dlchoose.exceptions import TransportError, UnreachableError

from .hostile_server import HostileServer, Raw


def closed_port_url() -> str:
    """A loopback URL nothing listens on (connecting is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(name="memory")
def _memory(tmp_path):
    return ReachMemory.in_directory(tmp_path)


@pytest.fixture(name="unresolvable")
def _unresolvable(monkeypatch):
    """``nowhere.localhost`` does not resolve (as without DNS)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "nowhere.localhost":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service unknown")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return "http://nowhere.localhost:9"


class TestFirstFailure:
    def test_refused_is_unreachable_and_fast(self, memory):
        """A refused connection raises UnreachableError without retries."""
        url = closed_port_url()
        start = time.monotonic()
        with (
            HttpClient(reach=memory) as http,
            pytest.raises(UnreachableError) as caught,
        ):
            http.request("GET", url + "/a")
        assert time.monotonic() - start < 1.0
        assert "connection refused" == caught.value.reason
        assert isinstance(caught.value, TransportError)

    def test_later_requests_send_nothing(self, memory):
        """After the first failure the host gets no more sockets."""
        url = closed_port_url()
        with HttpClient(reach=memory) as http:
            with pytest.raises(UnreachableError):
                http.request("GET", url + "/a")
            sent = http.requests_sent
            with pytest.raises(UnreachableError) as caught:
                http.request("GET", url + "/b")
            assert sent == http.requests_sent
            failure, remembered = http.unreachable or (None, None)
        assert "/b" in str(caught.value)
        assert failure is not None
        assert not remembered
        assert origin_key(url) == failure.origin

    def test_dns_failure_is_unreachable(self, unresolvable):
        """A name that does not resolve is out of reach, said in words."""
        with HttpClient() as http, pytest.raises(UnreachableError) as caught:
            http.request("GET", unresolvable)
        assert "the host name does not resolve" == caught.value.reason

    def test_stalling_server_is_unreachable(self):
        """A server that stops answering is out of reach after one read
        timeout (no retry waits again)."""
        with HostileServer() as server:
            server.routes["/slow"] = Raw(stall=3.0)
            start = time.monotonic()
            with HttpClient(read_timeout=0.3, retries=0) as http:
                with pytest.raises(UnreachableError) as caught:
                    http.request("GET", server.url + "/slow")
                with pytest.raises(UnreachableError):
                    http.request("GET", server.url + "/other")
            assert time.monotonic() - start < 2.0
        assert "stopped answering" in caught.value.reason

    def test_http_error_status_is_not_unreachable(self, memory):
        """An HTTP error status is an answer: nothing is remembered."""
        with HostileServer() as server:
            server.routes["/x"] = Raw(status=503, body=b"down")
            with HttpClient(reach=memory, retries=0) as http:
                assert 503 == http.request("GET", server.url + "/x").status
                assert http.unreachable is None
        assert not (memory.path).exists()

    def test_error_pickles_with_reason(self):
        """UnreachableError keeps url and reason through pickling."""
        error = UnreachableError("m", url="http://h", reason="r")
        copy = pickle.loads(pickle.dumps(error))
        assert ("m", "http://h", "r") == (copy.args[0], copy.url, copy.reason)


class TestMemory:
    def test_remembered_for_the_next_client(self, memory):
        """A second client (the next run) fails at once, without a socket,
        and says when the failure was seen and when it retries."""
        url = closed_port_url()
        with (
            HttpClient(reach=memory) as first,
            pytest.raises(UnreachableError),
        ):
            first.request("GET", url)
        with HttpClient(reach=memory) as second:
            with pytest.raises(UnreachableError) as caught:
                second.request("GET", url)
            assert 0 == second.requests_sent
            _, remembered = second.unreachable or (None, None)
        assert remembered
        assert "next try after" in str(caught.value)

    def test_stale_failure_is_tried_again(self, memory):
        """A failure older than the memory's ttl is not trusted."""
        with HostileServer() as server:
            server.routes["/"] = Raw(body=b"{}")
            memory.remember(
                Unreachable(
                    origin=origin_key(server.url),
                    reason="connection refused",
                    at=utc_now() - timedelta(minutes=6),
                )
            )
            with HttpClient(reach=memory) as http:
                assert 200 == http.request("GET", server.url + "/").status
        assert {} == json.loads(memory.path.read_text())["unreachable"]

    def test_future_failure_is_not_trusted(self, memory):
        """A failure stamped in the future has no known age: ignored."""
        url = closed_port_url()
        memory.remember(
            Unreachable(
                origin=origin_key(url),
                reason="x",
                at=utc_now() + timedelta(hours=1),
            )
        )
        assert memory.recall(url) is None

    def test_success_forgets_the_failure(self, memory):
        """A host that answers again is dropped from the file."""
        with HostileServer() as server:
            server.routes["/"] = Raw(body=b"{}")
            memory.remember(
                Unreachable(
                    origin=origin_key(server.url), reason="r", at=utc_now()
                )
            )
            memory.ttl = timedelta(0)  # so the request is tried at all
            with HttpClient(reach=memory) as http:
                http.request("GET", server.url + "/")
                http.request("GET", server.url + "/")
        assert origin_key(server.url) not in memory.path.read_text()

    @pytest.mark.parametrize(
        "content",
        [
            b"{not json",
            b"[]",
            b'{"format": 1}',
            b'{"format": 1, "unreachable": {"http://h": {"at": "x"}}}',
            b'{"format": 1, "unreachable": {"http://h": "text"}}',
            b'{"format": 2, "unreachable": {}}',
        ],
    )
    def test_damaged_file_is_not_trusted(self, memory, content):
        """A damaged file is reported, trusted for nothing, and replaced
        by the next write."""
        memory.path.write_bytes(content)
        assert memory.recall("http://h/x") is None
        assert memory.damaged
        memory.forget("http://h/x")
        assert not memory.damaged
        document = json.loads(memory.path.read_text())
        assert {"format": 1, "unreachable": {}} == document

    def test_damaged_file_replaced_when_remembering(self, memory):
        """Remembering over a damaged file writes a clean one."""
        memory.path.write_bytes(b"\xff\xfe")
        failure = Unreachable(origin="http://h", reason="r", at=utc_now())
        memory.remember(failure)
        assert failure == memory.recall("http://h/path")

    def test_forget_without_entry_writes_nothing(self, memory):
        """Forgetting a host never remembered leaves no file behind."""
        memory.forget("http://h/x")
        assert not memory.path.exists()

    def test_unwritable_directory_is_ignored(self, tmp_path):
        """A cache directory that cannot be written costs only the memory."""
        blocker = tmp_path / "file"
        blocker.write_text("")
        memory = ReachMemory.in_directory(blocker)
        memory.remember(
            Unreachable(origin="http://h", reason="r", at=utc_now())
        )
        assert memory.recall("http://h") is None

    def test_file_name(self, tmp_path):
        """The memory lives in the cache directory under a fixed name."""
        assert tmp_path / FILE_NAME == ReachMemory.in_directory(tmp_path).path


class TestReasons:
    @pytest.mark.parametrize(
        ("number", "words"),
        [
            (errno.ENETUNREACH, "network unreachable"),
            (errno.EHOSTUNREACH, "host unreachable"),
        ],
    )
    def test_errno_reasons(self, number, words):
        """Routing failures are named from their errno."""
        import requests

        cause = OSError(number, "x")
        error = requests.ConnectionError("failed")
        error.__cause__ = cause
        assert words == unreachable_reason(error)

    def test_other_failures_are_not_unreachable(self):
        """A failure with no sign of reachability is some other error."""
        import requests

        assert unreachable_reason(requests.ConnectionError("odd")) is None

    def test_new_connection_error_without_errno(self):
        """A connection that fails for an unnamed reason still counts."""
        import requests
        import urllib3

        inner = urllib3.exceptions.NewConnectionError(
            cast("Any", None), "failed"
        )
        error = requests.ConnectionError(inner)
        assert "cannot connect" == unreachable_reason(error)

    def test_proxy_error(self):
        """A proxy that cannot be reached is named as such."""
        import requests

        error = requests.exceptions.ProxyError("no proxy")
        assert "the proxy cannot be reached" == unreachable_reason(error)

    def test_describe(self):
        """The description names the host; a remembered one, the times."""
        failure = Unreachable(
            origin="https://api.github.com", reason="r", at=utc_now()
        )
        assert "api.github.com: r" == failure.describe(remembered=False)
        assert "next try after" in failure.describe(remembered=True)


class TestStoredEntries:
    def _store(self, memory, entry):
        memory.path.write_text(
            json.dumps({"format": 1, "unreachable": {"http://h": entry}})
        )

    def test_offset_time_is_converted_to_utc(self, memory):
        """A stored time with a UTC offset is shown as the UTC time."""
        at = utc_now().replace(second=0, microsecond=0)
        shifted = at.astimezone(timezone(timedelta(hours=2)))
        self._store(memory, {"reason": "refused", "at": shifted.isoformat()})
        found = memory.recall("http://h/x")
        assert found is not None
        text = found.describe(remembered=True)
        assert f"at {at:%H:%M} UTC" in text
        assert f"next try after {at + memory.ttl:%H:%M} UTC" in text

    def test_control_characters_are_stripped(self, memory):
        """Control characters of a stored reason never reach the terminal."""
        reason = "refused\n\x1b[31mred\x07\r\tend"
        self._store(memory, {"reason": reason, "at": utc_now().isoformat()})
        found = memory.recall("http://h/x")
        assert found is not None
        assert "refused [31mred end" == found.reason
        assert all(c.isprintable() for c in found.describe(remembered=True))

    def test_only_control_characters_is_damage(self, memory):
        """A reason of control characters alone makes the file untrusted."""
        self._store(memory, {"reason": "\x1b\n", "at": utc_now().isoformat()})
        assert memory.recall("http://h/x") is None
        assert memory.damaged

    def test_next_try_uses_the_memory_ttl(self, memory):
        """The next try is announced after the memory's own ttl."""
        memory.ttl = timedelta(minutes=30)
        at = utc_now().replace(second=0, microsecond=0)
        self._store(memory, {"reason": "refused", "at": at.isoformat()})
        found = memory.recall("http://h/x")
        assert found is not None
        assert f"{at + timedelta(minutes=30):%H:%M} UTC" in found.describe(
            remembered=True
        )


def test_naive_time_is_kept_as_given():
    """A naive time (built in code, never read from disk) is not shifted."""
    naive = utc_now().replace(tzinfo=None)
    assert naive == Unreachable(origin="http://h", reason="r", at=naive).at
