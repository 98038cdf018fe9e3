"""Hostile GitHub answers and damaged caches: no crash, no leak, no hang.

Every reply in :data:`tests.hostile_server.HOSTILE_REPLIES` is served to
the REST client; hypothesis adds generated bodies for REST, GraphQL and
the cache.  Whatever comes back must be a report whose figures are
valid, with no credential in any message.
"""

from __future__ import annotations

import json
import time

from datetime import datetime, timedelta, timezone

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlchoose._metrics._cache import DiskCache
from dlchoose._metrics._client import GitHubClient
from dlchoose._metrics._graphql import graphql_metrics
from dlchoose._metrics._rest import rest_metrics
from dlchoose._metrics._validate import EARLIEST, MAX_COUNT
from dlchoose._metrics._values import MetricsReport, RepoMetrics
from dlchoose.exceptions import MetricsError
from tests.hostile_server import (
    FULL_REPO,
    HOSTILE_REPLIES,
    HostileServer,
    Raw,
    Request,
    json_bytes,
)


TOKEN = "ghp_" + "H0stileT0ken" * 3
PLAIN = (
    "plain-secret-" + "z" * 12
)  # no token shape: only registration hides it
NOW = datetime.now(timezone.utc)


@pytest.fixture(name="server", scope="module")
def _server():
    with HostileServer() as server:
        yield server


def _client(server, tmp_path, **options):
    settings = {
        "token": TOKEN,
        "api_url": server.url,
        "cache": DiskCache(tmp_path / "cache"),
        "use_graphql": False,
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "max_wait": 0.0,
        "deadline": 5.0,
        "retries": 0,
        "backoff": 0.0,
        **options,
    }
    return GitHubClient(**settings)


def _valid(metrics: RepoMetrics) -> None:
    """Figures that can be printed, compared and stored."""
    assert isinstance(metrics.stars, int)
    assert not isinstance(metrics.stars, bool)
    assert 0 <= metrics.stars <= MAX_COUNT
    for value in (metrics.forks, metrics.watchers, metrics.open_issues):
        assert value is None or (
            type(value) is int and 0 <= value <= MAX_COUNT
        )
    for flag in (metrics.archived, metrics.disabled):
        assert flag is None or type(flag) is bool
    for moment in (metrics.pushed_at, metrics.created_at):
        assert moment is None or EARLIEST <= moment <= NOW + timedelta(days=2)
    assert metrics.full_name.count("/") == 1
    assert metrics.full_name.isascii()
    json.dumps(metrics.to_dict())


def _check(report: MetricsReport) -> None:
    for metrics in report.results:
        _valid(metrics)
    text = json.dumps(report.to_dict()) + " ".join(report.notes)
    assert TOKEN not in text
    for error in report.errors:
        assert isinstance(error.error, MetricsError)
        assert TOKEN not in repr(error.error)


class TestHostileReplies:
    @pytest.mark.parametrize("case", sorted(HOSTILE_REPLIES))
    def test_reply_table(self, server, tmp_path, case):
        """Each hostile REST reply ends in valid figures or a typed error,
        quickly, with the token nowhere in the report."""
        server.routes["/repos/o/r"] = HOSTILE_REPLIES[case]
        server.routes["/repos/o/r/releases/latest"] = Raw(404, {}, b"{}")
        started = time.monotonic()
        with _client(server, tmp_path) as client:
            report = client.fetch(["o/r"])
        assert time.monotonic() - started < 6
        _check(report)
        assert 1 == len(report.results) + len(report.errors)

    def test_echoed_credentials_redacted(self, server, tmp_path):
        """A server that puts the Authorization value into its message
        never gets it into an error, a note or a log."""

        def echo(request: Request) -> Raw:
            auth = request.headers.get("authorization", "")
            return Raw(
                401, {}, json_bytes({"message": f"bad {auth} / {TOKEN}"})
            )

        server.routes["/repos/o/r"] = echo
        with _client(server, tmp_path) as client:
            report = client.fetch(["o/r"])
        (error,) = report.errors
        assert TOKEN not in str(error.error)
        assert "<redacted>" in str(error.error)

    @pytest.mark.parametrize(
        "headers",
        [
            {"Content-Type": f"text/plain; echo=Bearer {PLAIN}; raw={PLAIN}"},
            {
                "Content-Type": f"x/{PLAIN}",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Resource": PLAIN,
                "Sunset": PLAIN,
            },
        ],
    )
    def test_echoed_headers_redacted(self, server, tmp_path, caplog, headers):
        """A token a server echoes in a header (Content-Type, rate-limit
        resource, Sunset) reaches no error, note, status or log."""
        server.routes["/repos/o/r"] = Raw(200, headers, b"not json")
        with _client(server, tmp_path, token=PLAIN, cache=None) as client:
            report = client.fetch(["o/r"])
            limits = repr(client.rate_limits)
        text = json.dumps(report.to_dict()) + " ".join(report.notes)
        text += " ".join(repr(e.error) for e in report.errors) + limits
        assert report.errors
        assert PLAIN not in text
        assert PLAIN not in caplog.text

    def test_other_repository_name_refused(self, server, tmp_path):
        """A body naming another repository, without a rename redirect,
        is not taken as this repository's figures."""
        server.routes["/repos/o/r"] = Raw(
            200, {}, json_bytes({**FULL_REPO, "full_name": "evil/other"})
        )
        with _client(server, tmp_path, cache=None) as client:
            report = client.fetch(["o/r"])
        assert () == report.results
        assert "another repository" in str(report.errors[0].error)

    def test_trickling_body_meets_the_deadline(self, server, tmp_path):
        """A body sent one byte every 50 ms cannot outlast the deadline."""
        server.routes["/repos/o/r"] = Raw(
            200, {}, json_bytes(FULL_REPO), trickle=0.05
        )
        started = time.monotonic()
        with _client(server, tmp_path, deadline=1.0, cache=None) as client:
            report = client.fetch(["o/r"])
        assert time.monotonic() - started < 3
        assert "deadline" in str(report.errors[0].error)

    def test_absurd_block_not_stored(self, server, tmp_path):
        """A reset 10^20 s away blocks for at most an hour, on disk too."""
        server.routes["/repos/o/r"] = Raw(
            429, {"retry-after": "1" + "0" * 20}, b"{}"
        )
        with _client(server, tmp_path) as client:
            (error,) = client.fetch(["o/r"]).errors
            scope = client._scope()
        limit = datetime.now(timezone.utc) + timedelta(hours=1, minutes=1)
        assert error.error.reset_at < limit
        found = DiskCache(tmp_path / "cache").blocked_until(scope, "*")
        assert found is not None
        assert found[0] < limit


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
_REST_KEYS = sorted(FULL_REPO)
_GRAPHQL_KEYS = [
    "nameWithOwner",
    "stargazerCount",
    "forkCount",
    "isArchived",
    "isDisabled",
    "pushedAt",
    "createdAt",
    "watchers",
    "issues",
    "pullRequests",
    "licenseInfo",
    "latestRelease",
]


class TestGeneratedBodies:
    @settings(max_examples=60, deadline=None)
    @given(st.dictionaries(st.sampled_from(_REST_KEYS), _JSON))
    def test_rest_bodies(self, changes):
        """Any REST body gives valid figures or a MetricsError."""
        try:
            metrics = rest_metrics({**FULL_REPO, **changes}, "o/r", NOW)
        except MetricsError:
            return
        _valid(metrics)

    @settings(max_examples=60, deadline=None)
    @given(st.dictionaries(st.sampled_from(_GRAPHQL_KEYS), _JSON))
    def test_graphql_nodes(self, node):
        """Any GraphQL node gives valid figures or a MetricsError."""
        base = {"nameWithOwner": "o/r", "stargazerCount": 1}
        try:
            metrics = graphql_metrics({**base, **node}, "o/r", NOW)
        except MetricsError:
            return
        _valid(metrics)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        st.dictionaries(
            st.sampled_from(
                ["format", "stored_at", "etag_repo", "etag_release", "metrics"]
            ),
            _JSON,
        )
        | _JSON
    )
    def test_cache_entries(self, tmp_path, document):
        """Any cache entry document is a valid entry or counts as missing."""
        cache = DiskCache(tmp_path / "generated")
        scope = DiskCache.scope_for("https://api.github.com", None)
        path = cache._entry_path(scope, "o/r")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document), encoding="utf-8")
        entry = cache.get(scope, "o/r")
        if entry is not None:
            _valid(entry.metrics)


GRAPHQL_DOCUMENTS = {
    "errors-string": {"errors": "x"},
    "errors-not-objects": {"errors": [1, "x", None], "data": {}},
    "errors-odd-path": {"errors": [{"path": [5], "type": "NOT_FOUND"}]},
    "errors-echo-token": {"errors": [{"message": f"bad token {TOKEN}"}]},
    "rate-limited": {"errors": [{"type": "RATE_LIMITED"}]},
    "data-list": {"data": []},
    "node-not-object": {"data": {"r0": "o/r"}},
    "node-odd-values": {
        "data": {
            "r0": {
                "nameWithOwner": "o/r",
                "stargazerCount": 10**30,
                "forkCount": -4,
                "isArchived": "false",
                "pushedAt": "0001-01-01T00:00:00+14:00",
                "watchers": {"totalCount": "9"},
                "issues": [],
                "latestRelease": {"tagName": ["v1"]},
            }
        }
    },
    "node-other-name": {
        "data": {"r0": {"nameWithOwner": "noslash", "stargazerCount": 1}}
    },
}


class TestHostileGraphQL:
    @pytest.mark.parametrize("case", sorted(GRAPHQL_DOCUMENTS))
    def test_documents(self, server, tmp_path, case):
        """Odd GraphQL documents end in valid figures (possibly through
        REST) or typed errors, and never echo the token."""
        server.routes["/graphql"] = Raw(
            200,
            {"x-ratelimit-reset": "9" * 30},
            json_bytes(GRAPHQL_DOCUMENTS[case]),
        )
        server.routes["/repos/o/r"] = Raw(200, {}, json_bytes(FULL_REPO))
        server.routes["/repos/o/r/releases/latest"] = Raw(404, {}, b"{}")
        with _client(server, tmp_path, use_graphql=True) as client:
            report = client.fetch(["o/r"])
        _check(report)
        assert 1 == len(report.results) + len(report.errors)
