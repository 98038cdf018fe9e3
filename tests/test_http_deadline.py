"""The overall deadline holds across urllib3's retries and their waits."""

from __future__ import annotations

import time

import pytest

from dlchoose._http import Deadline, HttpClient, new_session
from dlchoose.exceptions import (
    DeadlineExceededError,
    TransportError,
    UnreachableError,
)
from tests.hostile_server import HostileServer, Raw


#: Seconds a request may run past its deadline (thread and socket slack).
MARGIN = 0.6


@pytest.fixture(name="server")
def _server():
    with HostileServer() as server:
        yield server


def _client(**options):
    settings = {
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "retries": 2,
        "backoff": 0.0,
        "max_retry_after": 30.0,
        **options,
    }
    return HttpClient(**settings)


def _elapsed_since(started: float) -> float:
    return time.monotonic() - started


class TestRetriesUnderADeadline:
    def test_stall_before_headers(self, server):
        """A server stalling before its headers is not asked again once a
        retry could not finish before the deadline."""
        server.routes["/x"] = Raw(200, {}, b"{}", stall=3.0)
        started = time.monotonic()
        with _client() as client, pytest.raises(TransportError):
            client.request(
                "GET", server.url + "/x", deadline=Deadline.within(2.5)
            )
        assert _elapsed_since(started) < 2.5 + MARGIN
        assert 1 == len(server.seen)

    def test_timeout_cut_by_the_deadline_is_the_deadline(self, server):
        """A read timeout shortened to what the deadline left ends as a
        DeadlineExceededError, not as a server that stopped answering."""
        server.routes["/x"] = Raw(200, {}, b"{}", stall=3.0)
        with (
            _client(read_timeout=30.0, retries=0) as client,
            pytest.raises(DeadlineExceededError) as caught,
        ):
            client.request(
                "GET", server.url + "/x", deadline=Deadline.within(0.5)
            )
        assert not isinstance(caught.value, UnreachableError)
        assert "before the deadline" in str(caught.value)
        # Not remembered as out of reach: the next request is sent.
        assert client.unreachable is None

    def test_own_read_timeout_is_not_the_deadline(self, server):
        """A read timeout shorter than the deadline stays the server's
        fault: it stopped answering."""
        server.routes["/x"] = Raw(200, {}, b"{}", stall=3.0)
        with (
            _client(read_timeout=0.3, retries=0) as client,
            pytest.raises(UnreachableError) as caught,
        ):
            client.request(
                "GET", server.url + "/x", deadline=Deadline.within(10)
            )
        assert "stopped answering" in str(caught.value)

    def test_retry_after_beyond_the_deadline(self, server):
        """A 503 with Retry-After: 25 is answered at once when waiting would
        pass the deadline (the 503 comes back; no sleep)."""
        server.routes["/x"] = Raw(503, {"Retry-After": "25"}, b"{}")
        started = time.monotonic()
        with _client() as client:
            response = client.request(
                "GET", server.url + "/x", deadline=Deadline.within(2.0)
            )
        assert 503 == response.status
        assert _elapsed_since(started) < 2.0 + MARGIN
        assert 1 == len(server.seen)

    def test_backoff_beyond_the_deadline(self, server):
        """An exponential backoff longer than the time left is not slept."""
        server.routes["/x"] = Raw(502, {}, b"{}")
        started = time.monotonic()
        with _client(backoff=50.0) as client:
            response = client.request(
                "GET", server.url + "/x", deadline=Deadline.within(2.0)
            )
        assert 502 == response.status
        assert _elapsed_since(started) < 2.0 + MARGIN

    def test_retry_that_fits_still_happens(self, server):
        """A short Retry-After that fits before the deadline is honoured."""
        answers = iter([Raw(503, {"Retry-After": "1"}, b"{}")])
        server.routes["/x"] = lambda _request: next(
            answers, Raw(200, {}, b"[1]")
        )
        started = time.monotonic()
        with _client() as client:
            response = client.request(
                "GET", server.url + "/x", deadline=Deadline.within(5.0)
            )
        assert [1] == response.json()
        assert 2 == len(server.seen)
        assert 1.0 <= _elapsed_since(started) < 5.0

    def test_without_a_deadline_retries_run_their_course(self, server):
        """Without a deadline every retry is made (urllib3's own rules)."""
        server.routes["/x"] = Raw(503, {"Retry-After": "0"}, b"{}")
        with _client() as client:
            assert 503 == client.request("GET", server.url + "/x").status
        assert 3 == len(server.seen)

    def test_session_outside_a_client(self, server):
        """The session works alone too (no budget: plain capped retries)."""
        server.routes["/x"] = Raw(503, {"Retry-After": "9"}, b"{}")
        session = new_session(retries=1, backoff=0.0, max_retry_after=0.1)
        with session:
            started = time.monotonic()
            assert 503 == session.get(server.url + "/x", timeout=2).status_code
        assert _elapsed_since(started) < 2.0
        assert 2 == len(server.seen)
