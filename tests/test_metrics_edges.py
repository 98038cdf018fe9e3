"""Edge branches of the metrics room: odd values, cache and HTTP mapping."""

from __future__ import annotations

import json

from datetime import datetime, timezone

import pytest

from dlchoose._http import HttpCache, HttpClient
from dlchoose._metrics._cache import DiskCache
from dlchoose._metrics._client import GitHubClient
from dlchoose._metrics._errors import network_error
from dlchoose._metrics._graphql import graphql_metrics
from dlchoose._metrics._values import LatestRelease, MetricsSource, RepoMetrics
from dlchoose.exceptions import (
    MetricsUnavailableError,
    OfflineError,
    TransportError,
)
from tests.hostile_server import FULL_REPO, HostileServer, Raw, json_bytes


NOW = datetime.now(timezone.utc)


@pytest.fixture(name="server")
def _server():
    with HostileServer() as server:
        yield server


def _figures(**changes):
    data = RepoMetrics(
        requested="o/r",
        full_name="o/r",
        stars=1,
        source=MetricsSource.REST,
        observed_at=NOW,
    ).to_dict()
    return {**data, **changes}


class TestValues:
    @pytest.mark.parametrize(
        "data", [[], "x", {"published_at": "2020-01-01T00:00:00Z"}, {"tag": 5}]
    )
    def test_release_refused(self, data):
        """A release that is not an object with a tag is refused."""
        with pytest.raises((TypeError, ValueError)):
            LatestRelease.from_dict(data)

    @pytest.mark.parametrize(
        "data",
        [
            [],
            _figures(open_issues_include_pulls="yes"),
            _figures(forks="x"),
            _figures(forks=-1),
            _figures(archived="true"),
            _figures(stars=True),
            _figures(repo="noslash"),
            _figures(observed_at="2999-01-01T00:00:00Z"),
            _figures(source="elsewhere"),
            _figures(latest_release={"tag": None}),
        ],
    )
    def test_figures_refused(self, data):
        """Figures with any field out of shape are refused whole."""
        with pytest.raises((TypeError, ValueError)):
            RepoMetrics.from_dict(data)

    def test_round_trip(self):
        """Valid figures survive to_dict/from_dict."""
        metrics = RepoMetrics.from_dict(_figures(forks=3, license="MIT"))
        assert metrics == RepoMetrics.from_dict(metrics.to_dict())

    def test_graphql_release_without_tag(self):
        """A GraphQL release whose tag is not text is no release."""
        node = {
            "nameWithOwner": "o/r",
            "stargazerCount": 1,
            "latestRelease": {"tagName": 5},
        }
        assert None is graphql_metrics(node, "o/r", NOW).latest_release


class TestCacheEdges:
    def test_bad_etag_is_missing(self, tmp_path):
        """An entry whose validator is not short text counts as missing."""
        cache = DiskCache(tmp_path)
        scope = DiskCache.scope_for("https://api.github.com", None)
        path = cache._entry_path(scope, "o/r")
        path.parent.mkdir(parents=True)
        document = {
            "format": 1,
            "stored_at": "2024-01-01T00:00:00Z",
            "etag_repo": 5,
            "metrics": _figures(),
        }
        path.write_text(json.dumps(document), encoding="utf-8")
        assert None is cache.get(scope, "o/r")

    def test_unwritable_shared_file(self, tmp_path, caplog):
        """A shared file that cannot be written is logged, not raised."""
        (tmp_path / "github").write_text("a file, not a directory")
        DiskCache(tmp_path).add_alias("https://api.github.com", "o/a", "o/b")
        assert "cannot write" in caplog.text


class TestMapping:
    def test_offline_error_mapped(self):
        """An OfflineError from the HTTP layer reads as offline."""
        error = network_error(OfflineError("x"), "o/r")
        assert isinstance(error, MetricsUnavailableError)
        assert "offline" in str(error)

    def test_transport_error_names_cause(self):
        """A transport failure names its cause's type."""
        error = network_error(TransportError("x"), "o/r")
        assert "cannot reach GitHub for o/r (TransportError)" == str(error)

    def test_requests_counted(self, server, tmp_path):
        """requests_sent counts what the client sent."""
        server.routes["/repos/o/r"] = Raw(200, {}, json_bytes(FULL_REPO))
        with GitHubClient(api_url=server.url, cache=None, retries=0) as client:
            client.fetch(["o/r"])
            assert 2 == client.requests_sent

    def test_unasked_304_for_release(self, server):
        """A 304 for a release never asked about keeps no release."""
        server.routes["/repos/o/r"] = Raw(200, {}, json_bytes(FULL_REPO))
        server.routes["/repos/o/r/releases/latest"] = Raw(304, {"ETag": '"e"'})
        with GitHubClient(api_url=server.url, cache=None, retries=0) as client:
            (metrics,) = client.fetch(["o/r"]).results
        assert None is metrics.latest_release


class TestHttpEdges:
    def test_token_over_https_has_no_proxy_override(self, server):
        """A token over https is sent normally (here: TLS fails cleanly)."""
        with HttpClient(retries=0) as client, pytest.raises(TransportError):
            client.request(
                "GET", server.url.replace("http:", "https:"), token="t0ken"
            )

    def test_get_without_cache(self, server):
        """get() without a cache just fetches."""
        server.routes["/x"] = Raw(200, {}, b"[1]")
        with HttpClient() as client:
            assert [1] == client.get(server.url + "/x").json()

    @pytest.mark.parametrize(
        "value", ["soon", "Fri, 31 Dec 9999 23:59:59 GMT", "1" + "0" * 30]
    )
    def test_odd_retry_after_on_503(self, server, value):
        """Any Retry-After on a 503 is capped or ignored, never raised."""
        server.routes["/x"] = Raw(503, {"Retry-After": value}, b"{}")
        with HttpClient(retries=1, backoff=0.0, max_retry_after=0.1) as client:
            assert 503 == client.request("GET", server.url + "/x").status
        assert 2 == len(server.seen)

    def test_sweep_of_missing_directory(self, tmp_path):
        """Sweeping a directory that does not exist removes nothing."""
        from dlchoose._http import sweep_temp_files

        assert 0 == sweep_temp_files(tmp_path / "missing", force=True)

    def test_cache_put_after_refresh(self, server, tmp_path):
        """A revalidated entry is stored again with a new time."""
        cache = HttpCache(tmp_path)

        def answer(request):
            if request.headers.get("if-none-match"):
                return Raw(304)
            return Raw(200, {"ETag": '"e"'}, b"[]")

        server.routes["/x"] = answer
        with HttpClient(cache=cache) as client:
            client.get(server.url + "/x")
            first = cache.get("anon", server.url + "/x")
            client.get(server.url + "/x")
        again = cache.get("anon", server.url + "/x")
        assert first is not None
        assert again is not None
        assert again.stored_at >= first.stored_at
        assert 2 == len(server.seen)


class TestMaxWait:
    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (float("nan"), ValueError),
            (float("inf"), ValueError),
            (-1.0, ValueError),
            (-1e400, ValueError),
            ("30", TypeError),
            (True, TypeError),
            (None, TypeError),
        ],
    )
    def test_bad_max_wait_refused(self, tmp_path, value, error):
        """max_wait must be finite and >= 0, in fetch_metrics and the client."""
        from dlchoose import fetch_metrics

        with pytest.raises(error, match="max_wait"):
            fetch_metrics(
                "o/r", max_wait=value, cache_dir=tmp_path, offline=True
            )
        with pytest.raises(error, match="max_wait"):
            GitHubClient(max_wait=value, cache=None)

    def test_good_max_wait_kept(self):
        """A finite, non-negative max_wait is kept as seconds."""
        with GitHubClient(max_wait=0, cache=None) as client:
            assert 0.0 == client.max_wait
