"""The GitHub client against a real local server that answers like GitHub."""

from __future__ import annotations

import json
import logging
import time

from datetime import datetime, timedelta, timezone

import attrs
import pytest

from dlchoose._http._auth import BearerAuth
from dlchoose._metrics import _client as _github
from dlchoose._metrics import _report, _validate
from dlchoose._metrics import _values as _metrics
from dlchoose._metrics._cache import DiskCache
from dlchoose._metrics._client import (
    GitHubClient,
    fetch_metrics,
    graphql_url,
    normalize_repo,
)
from dlchoose._metrics._graphql import GraphQLFailedError
from dlchoose._metrics._ratelimit import RateLimitStatus, reset_time
from dlchoose._metrics._values import MetricsSource
from dlchoose._time import parse_time
from dlchoose.exceptions import (
    AuthenticationError,
    MetricsError,
    MetricsUnavailableError,
    RateLimitError,
    RepositoryNotFoundError,
    UnknownFrameworkError,
)
from tests.github_server import (
    FakeGitHub,
    Reply,
    envelope,
    fixture,
    rate_headers,
    repo_body,
)


TOKEN = "ghp_" + "T0kenValue" * 4


@pytest.fixture(name="github")
def _github_server():
    with FakeGitHub() as server:
        yield server


@pytest.fixture(name="cache")
def _cache(tmp_path):
    return DiskCache(tmp_path / "cache")


@pytest.fixture(name="make")
def _make(github, cache):
    clients = []

    def make(**kwargs):
        options = {
            "api_url": github.url,
            "cache": cache,
            "connect_timeout": 1.0,
            "read_timeout": 0.5,
            "max_wait": 0.2,
            "deadline": 5.0,
            "retries": 2,
            "backoff": 0.0,
            **kwargs,
        }
        client = GitHubClient(**options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def _expire(cache: DiskCache) -> DiskCache:
    return attrs.evolve(cache, ttl=timedelta(0))


class TestRest:
    def test_repository_fields(self, github, make):
        """REST figures: stars, subscribers as watchers, licence, release."""
        github.add_repo(fixture("repo.json"))
        report = make().fetch(["octocat/Hello-World"])
        (m,) = report.results
        assert (80, 42, 9, 0) == (m.stars, m.watchers, m.forks, m.open_issues)
        assert "MIT" == m.license
        assert False is m.archived
        assert datetime(2011, 1, 26, 19, 6, 43, tzinfo=timezone.utc) == (
            m.pushed_at
        )
        assert "v1.0.0" == m.latest_release.tag
        assert MetricsSource.REST is m.source
        assert "https://github.com/octocat/Hello-World" == m.url
        assert 2 == len(github.seen)

    def test_headers_on_every_request(self, github, make):
        """User-Agent, Accept and the pinned API version go on every call."""
        github.add_repo(fixture("repo.json"))
        make().fetch(["octocat/Hello-World"])
        for seen in github.seen:
            assert seen.headers["user-agent"].startswith("dlchoose/")
            assert "2022-11-28" == seen.headers["x-github-api-version"]
            assert "application/vnd.github+json" == seen.headers["accept"]
            assert "authorization" not in seen.headers

    def test_null_licence_and_no_release(self, github, make):
        """A null licence is none; a 404 on releases/latest is no release."""
        body = fixture("get-repository.recorded.json")["response"]
        github.add_repo(body, release=False)
        (m,) = make().fetch([body["full_name"]]).results
        assert None is m.license
        assert None is m.latest_release
        assert 2 == len(github.seen)

    def test_recorded_headers_tolerated(self, github, make):
        """A millisecond reset is unknown; an integer used count is read."""
        recorded = fixture("get-repository.recorded.json")
        github.add(
            "GET",
            recorded["path"],
            Reply(200, recorded["response"], recorded["headers"]),
        )
        client = make()
        client.fetch(["octokit-fixture-org/hello-world"])
        core = client.rate_limits["core"]
        assert None is core.reset_at
        assert 4999 == core.remaining

    def test_not_found(self, github, make):
        """A 404 on the repository is an error, asked once, no fallback."""
        report = make().fetch(["example-org/missing"])
        (error,) = report.errors
        assert isinstance(error.error, RepositoryNotFoundError)
        assert "not found or not accessible" in str(error.error)
        assert "not_found" == error.kind
        assert 1 == len(github.seen)

    def test_unavailable_for_legal_reasons(self, github, make):
        """A 451 is reported as not found, without retries."""
        github.add(
            "GET",
            "/repos/o/blocked",
            Reply(451, {"message": "Repository access blocked"}),
        )
        (error,) = make().fetch(["o/blocked"]).errors
        assert isinstance(error.error, RepositoryNotFoundError)
        assert 1 == len(github.seen)

    def test_plain_refusal(self, github, make):
        """A 403 without limit signals is a refusal, not a rate limit."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(403, {"message": "Resource not accessible"}),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, AuthenticationError)
        assert 1 == len(github.seen)

    def test_other_client_error(self, github, make):
        """A 400 or 410 is a MetricsError with GitHub's message."""
        github.add("GET", "/repos/o/a", Reply(400, {"message": "Bad"}))
        github.add("GET", "/repos/o/b", Reply(410, {"message": "Gone"}))
        report = make().fetch(["o/a", "o/b"])
        assert ["o/a", "o/b"] == [e.repo for e in report.errors]
        assert "(400: Bad)" in str(report.errors[0].error)
        assert "upgrade dlchoose" in str(report.errors[1].error)

    def test_case_and_duplicates(self, github, make, cache):
        """Names are de-duplicated ignoring case; the cache hits any case."""
        github.add_repo(fixture("repo.json"))
        client = make()
        report = client.fetch(
            [
                "OCTOCAT/hello-world",
                "octocat/Hello-World",
                "https://github.com/octocat/hello-world.git",
            ]
        )
        assert 1 == len(report.results)
        assert "octocat/Hello-World" == report.results[0].full_name
        assert "OCTOCAT/hello-world" == report.results[0].requested
        again = make().fetch(["octocat/HELLO-WORLD"])
        assert MetricsSource.CACHE is again.results[0].source
        assert 2 == len(github.seen)

    def test_bounded_concurrency(self, github, make):
        """Many repositories: two calls each, at most max_workers at once."""
        bodies = [repo_body(f"org/repo{i}", i) for i in range(12)]
        for body in bodies:
            github.add_repo(body)
        report = make(max_workers=3).fetch(b["full_name"] for b in bodies)
        assert list(range(12)) == [m.stars for m in report.results]
        assert 24 == len(github.seen)

    def test_progress(self, github, make):
        """Progress is reported as (done, total) while fetching."""
        for i in range(3):
            github.add_repo(repo_body(f"org/r{i}"))
        calls = []
        make(max_workers=1).fetch(
            [f"org/r{i}" for i in range(3)],
            progress=lambda done, total: calls.append((done, total)),
        )
        assert (3, 3) == calls[-1]

    def test_get_raises(self, github, make):
        """get() returns figures or raises the repository's error."""
        github.add_repo(fixture("repo.json"))
        client = make()
        assert 80 == client.get("octocat/Hello-World").stars
        with pytest.raises(RepositoryNotFoundError):
            client.get("example-org/missing")

    def test_deprecation_warned_once(self, github, make, caplog):
        """Deprecation headers are logged once per client."""
        github.add_repo(
            repo_body("o/r"), headers={"deprecation": "true", "sunset": "x"}
        )
        with caplog.at_level(logging.WARNING, "dlchoose"):
            make().fetch(["o/r"])
        assert 1 == caplog.text.count("deprecated")

    def test_missing_fields(self, github, make):
        """A body without repository fields is unavailable, not a crash."""
        github.add("GET", "/repos/o/r", Reply(200, {"id": 1}))
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, MetricsUnavailableError)

    def test_json_array(self, github, make):
        """A JSON body that is not an object is unavailable."""
        github.add("GET", "/repos/o/r", Reply(200, [1, 2]))
        (error,) = make().fetch(["o/r"]).errors
        assert "not a JSON object" in str(error.error)

    def test_release_without_tag(self, github, make):
        """A release body without a tag counts as no release."""
        github.add("GET", "/repos/o/r", Reply(200, repo_body("o/r")))
        github.add(
            "GET", "/repos/o/r/releases/latest", Reply(200, {"name": "x"})
        )
        (m,) = make().fetch(["o/r"]).results
        assert None is m.latest_release


class TestRenames:
    def _serve(self, github, location=None):
        first, second = fixture("rename-redirect.recorded.json")
        github.add(
            "GET",
            first["path"],
            Reply(
                301,
                first["response"],
                {"location": location or github.url + "/repositories/1000"},
            ),
        )
        github.add("GET", second["path"], Reply(200, second["response"]))
        return second["response"]["full_name"]

    def test_follow_and_remember(self, github, make, cache):
        """A 301 is followed; the canonical name is reported and remembered."""
        new = self._serve(github)
        github.add_repo(repo_body(new, 7), release=False)
        report = make(token=TOKEN, use_graphql=False).fetch(
            ["octokit-fixture-org/rename-repository"]
        )
        (m,) = report.results
        assert new == m.full_name
        assert "octokit-fixture-org/rename-repository" == m.requested
        assert 3 == len(github.seen)
        assert all(
            s.headers["authorization"] == f"Bearer {TOKEN}"
            for s in github.seen
        )
        assert {"octokit-fixture-org/rename-repository": new} == (
            cache.aliases(github.url)
        )
        github.seen.clear()
        make(token=TOKEN, use_graphql=False, cache=_expire(cache)).fetch(
            ["octokit-fixture-org/rename-repository"]
        )
        assert [f"/repos/{new}", f"/repos/{new}/releases/latest"] == [
            s.path for s in github.seen
        ]

    def test_other_host_not_followed(self, github, make):
        """A redirect to another host is refused, so the token stays."""
        self._serve(github, location="https://elsewhere.example/x")
        (error,) = (
            make().fetch(["octokit-fixture-org/rename-repository"]).errors
        )
        assert "another host" in str(error.error)
        assert 1 == len(github.seen)


class TestRevalidation:
    def test_etag_round_trip(self, github, make, cache):
        """Authenticated REST revalidates with If-None-Match; 304 reuses."""
        github.add_repo(repo_body("o/r", 5), etag='"abc"')
        make(token=TOKEN, use_graphql=False).fetch(["o/r"])
        github.seen.clear()
        client = make(token=TOKEN, use_graphql=False, cache=_expire(cache))
        (m,) = client.fetch(["o/r"]).results
        assert ['"abc"', 'W/"abc"'] == [
            s.headers.get("if-none-match") for s in github.seen
        ]
        assert (5, "v1.0.0") == (m.stars, m.latest_release.tag)
        assert MetricsSource.REST is m.source
        assert 4999 == client.rate_limits["core"].remaining

    def test_anonymous_does_not_revalidate(self, github, make, cache):
        """Without a token no validators are sent (304s would cost anyway)."""
        github.add_repo(repo_body("o/r"), etag='"abc"')
        make().fetch(["o/r"])
        github.seen.clear()
        make(cache=_expire(cache)).fetch(["o/r"])
        assert [None, None] == [
            s.headers.get("if-none-match") for s in github.seen
        ]

    def test_other_token_other_validators(self, github, make, cache):
        """Another token's validators are never sent."""
        github.add_repo(repo_body("o/r"), etag='"abc"')
        make(token=TOKEN, use_graphql=False).fetch(["o/r"])
        github.seen.clear()
        make(
            token="ghp_" + "x" * 36, use_graphql=False, cache=_expire(cache)
        ).fetch(["o/r"])
        assert 2 == len(github.seen)
        assert all("if-none-match" not in s.headers for s in github.seen)

    def test_unexpected_304(self, github, make):
        """A 304 without a cached body triggers one unconditional GET."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(304, None),
            Reply(200, repo_body("o/r", 3)),
        )
        (m,) = make().fetch(["o/r"]).results
        assert 3 == m.stars
        assert 3 == len(github.seen)

    def test_release_changed(self, github, make, cache):
        """A 304 on the repository and a new release are combined."""
        github.add_repo(repo_body("o/r", 5), etag='"abc"')
        make(token=TOKEN, use_graphql=False).fetch(["o/r"])
        github.add(
            "GET",
            "/repos/o/r/releases/latest",
            Reply(
                200, {"tag_name": "v2", "created_at": "2020-01-01T00:00:00Z"}
            ),
        )
        client = make(token=TOKEN, use_graphql=False, cache=_expire(cache))
        (m,) = client.fetch(["o/r"]).results
        assert ("v2", 2020) == (
            m.latest_release.tag,
            m.latest_release.published_at.year,
        )


class TestRateLimits:
    @pytest.mark.parametrize("status", [403, 429])
    def test_primary_limit(self, github, make, cache, status):
        """Remaining 0: no wait past the cap, typed error, block on disk."""
        reply = envelope(
            "primary-rate-limit-403.response.json",
            **{"x-ratelimit-reset": str(int(time.time()) + 600)},
        )
        reply.status = status
        github.add("GET", "/repos/o/r", reply)
        start = time.monotonic()
        report = make().fetch(["o/r", "o/s"])
        assert time.monotonic() - start < 1
        error = report.errors[0].error
        assert isinstance(error, RateLimitError)
        assert False is error.secondary
        assert error.reset_at is not None
        assert error.reset_at > datetime.now(timezone.utc)
        seen = len(github.seen)
        assert seen <= 2
        again = make().fetch(["o/r"])
        assert seen == len(github.seen)
        assert "rate_limited" == again.errors[0].kind

    def test_primary_limit_falls_back_to_snapshot(self, github, make):
        """A rate-limited repository in the snapshot gets snapshot figures."""
        github.add(
            "GET",
            "/repos/pytorch/pytorch",
            envelope(
                "primary-rate-limit-403.response.json",
                **{"x-ratelimit-reset": str(int(time.time()) + 600)},
            ),
        )
        client = make(api_url=_github.DEFAULT_API_URL)
        client._book.block(
            "core",
            datetime.now(timezone.utc) + timedelta(minutes=5),
            secondary=False,
        )
        report = client.fetch(["pytorch/pytorch"])
        (m,) = report.results
        assert MetricsSource.SNAPSHOT is m.source
        assert any("rate limit" in note for note in report.notes)
        assert any("snapshot" in note for note in report.notes)
        assert 0 == len(github.seen)

    def test_past_reset_is_waited_for(self, github, make):
        """A reset already past costs no wait: the call is retried."""
        github.add(
            "GET",
            "/repos/o/r",
            envelope(
                "primary-rate-limit-403.response.json",
                **{"x-ratelimit-reset": str(int(time.time()) - 5)},
            ),
            Reply(200, repo_body("o/r")),
        )
        github.add(
            "GET",
            "/repos/o/r/releases/latest",
            Reply(404, fixture("release-latest-not-found.json")),
        )
        report = make().fetch(["o/r"])
        assert 1 == len(report.results)
        assert 3 == len(github.seen)

    def test_unknown_reset(self, github, make, cache):
        """Remaining 0 without a reset: no wait, blocked for a while."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(403, {"message": "x"}, {"x-ratelimit-remaining": "0"}),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, RateLimitError)
        assert None is not cache.blocked_until(
            DiskCache.scope_for(github.url, None), "core"
        )

    def test_secondary_with_short_retry_after(self, github, make):
        """A retry-after under the cap is honoured, then the call repeats."""
        github.add(
            "GET",
            "/repos/o/r",
            envelope(
                "secondary-rate-limit-403.response.json",
                **{"retry-after": "0"},
            ),
            Reply(200, repo_body("o/r")),
        )
        github.add(
            "GET",
            "/repos/o/r/releases/latest",
            Reply(404, fixture("release-latest-not-found.json")),
        )
        assert 1 == len(make().fetch(["o/r"]).results)
        assert 3 == len(github.seen)

    @pytest.mark.parametrize("retry_after", ["60", None])
    def test_secondary_over_cap(self, github, make, cache, retry_after):
        """A secondary limit longer than the cap raises and blocks all."""
        reply = envelope("secondary-rate-limit-403.response.json")
        if retry_after is None:
            del reply.headers["retry-after"]
        github.add("GET", "/repos/o/r", reply)
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, RateLimitError)
        assert True is error.error.secondary
        blocked = cache.blocked_until(
            DiskCache.scope_for(github.url, None), "graphql"
        )
        assert True is blocked[1]
        assert 1 == len(github.seen)

    def test_429_without_headers_is_secondary(self, github, make):
        """A bare 429 counts as a secondary limit."""
        github.add("GET", "/repos/o/r", Reply(429, {"message": "slow down"}))
        (error,) = make().fetch(["o/r"]).errors
        assert True is error.error.secondary

    def test_http_date_retry_after(self, github, make):
        """A retry-after given as an HTTP date is understood."""
        from email.utils import format_datetime

        when = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(
            minutes=10
        )
        github.add(
            "GET",
            "/repos/o/r",
            Reply(
                429,
                {"message": "x"},
                {"retry-after": format_datetime(when, usegmt=True)},
            ),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert abs(error.error.reset_at - when) < timedelta(seconds=5)

    def test_absurd_retry_after_date_is_capped(self, github, make, cache):
        """A retry-after in 2099 blocks for at most an hour, not decades."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(
                429,
                {"message": "x"},
                {"retry-after": "Wed, 21 Oct 2099 07:28:00 GMT"},
            ),
        )
        (error,) = make().fetch(["o/r"]).errors
        limit = datetime.now(timezone.utc) + timedelta(hours=1, seconds=5)
        assert error.error.reset_at < limit
        scope = DiskCache.scope_for(github.url, None)
        until, _ = cache.blocked_until(scope, "*")
        assert until < limit

    def test_budget_planning(self, github, make):
        """Known budget for 1 of 3 repositories: fetch 1, the rest wait."""
        for name in ("o/a", "o/b", "o/c"):
            github.add_repo(repo_body(name))
        github.add_repo(repo_body("o/first"), headers=rate_headers(3))
        client = make(max_workers=1)
        client.fetch(["o/first"])
        github.seen.clear()
        report = client.fetch(["o/a", "o/b", "o/c"])
        assert ["o/a"] == [m.full_name for m in report.results]
        assert ["rate_limited", "rate_limited"] == [
            e.kind for e in report.errors
        ]
        assert 2 == len(github.seen)


class TestTransientFailures:
    @pytest.mark.parametrize("status", [500, 502])
    def test_server_errors_retried_then_fallback(
        self, github, make, tmp_path, status
    ):
        """5xx is retried by urllib3 (2 retries), then cached figures."""
        github.add_repo(repo_body("o/r", 7))
        cache = DiskCache(tmp_path / "stale", ttl=timedelta(0))
        make(cache=cache).fetch(["o/r"])
        github.add("GET", "/repos/o/r", Reply(status, "<h1>x</h1>"))
        report = make(cache=cache).fetch(["o/r"])
        assert 2 + 3 == len(github.seen)
        assert () == report.errors
        (m,) = report.results
        assert (MetricsSource.CACHE, 7) == (m.source, m.stars)
        assert f"({status})" in report.notes[0]
        assert "cached figures" in report.notes[1]

    @pytest.mark.parametrize("status", [500, 502])
    def test_server_errors_without_figures(self, github, make, status):
        """5xx with nothing cached on a non-github.com host is an error
        (the snapshot describes github.com only)."""
        github.add(
            "GET", "/repos/pytorch/pytorch", Reply(status, "<h1>x</h1>")
        )
        report = make().fetch(["pytorch/pytorch"])
        assert 3 == len(github.seen)
        assert () == report.results
        assert ["unavailable"] == [e.kind for e in report.errors]

    def test_unavailable_at_github_falls_back_to_snapshot(self, make):
        """An unreachable github.com gets snapshot figures, and a note
        naming the snapshot and the reason."""
        client = make(api_url=_github.DEFAULT_API_URL)
        failure = MetricsUnavailableError("502", repo="pytorch/pytorch")
        report = _report.build_report(
            ["pytorch/pytorch"],
            {"pytorch/pytorch": failure},
            fallback=client._fallback,
            offline=False,
        )
        assert () == report.errors
        (m,) = report.results
        assert MetricsSource.SNAPSHOT is m.source
        assert "GitHub could not be reached: 502" == report.notes[0]
        assert "from the bundled snapshot (as of" in report.notes[1]

    def test_server_errors_then_success(self, github, make):
        """A 502 followed by a 200 succeeds through urllib3's Retry."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(502, "<h1>x</h1>"),
            Reply(200, repo_body("o/r")),
        )
        github.add(
            "GET",
            "/repos/o/r/releases/latest",
            Reply(404, fixture("release-latest-not-found.json")),
        )
        assert 1 == len(make().fetch(["o/r"]).results)
        assert 3 == len(github.seen)

    def test_error_with_request_id(self, github, make):
        """GitHub's request id is kept in the message."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(500, {"message": "boom"}, {"x-github-request-id": "AB:CD"}),
        )
        (error,) = make(retries=0).fetch(["o/r"]).errors
        assert "request id AB:CD" in str(error.error)
        assert "unavailable" == error.kind

    def test_stalled_connection(self, github, make):
        """A stall past the read timeout is unavailable, quickly."""
        github.add("GET", "/repos/o/r", Reply(action="stall"))
        start = time.monotonic()
        (error,) = make(read_timeout=0.1, retries=1).fetch(["o/r"]).errors
        assert time.monotonic() - start < 2
        assert isinstance(error.error, MetricsUnavailableError)
        assert 2 == len(github.seen)

    def test_reset_connection(self, github, make):
        """A reset connection is retried, then unavailable."""
        github.add("GET", "/repos/o/r", Reply(action="reset"))
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, MetricsUnavailableError)
        assert 3 == len(github.seen)

    def test_truncated_body(self, github, make):
        """A body cut short is unavailable, never half-parsed."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(200, repo_body("o/r"), action="truncate"),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert isinstance(error.error, MetricsUnavailableError)

    def test_html_instead_of_json(self, github, make):
        """An HTML page instead of JSON is unavailable."""
        github.add("GET", "/repos/o/r", Reply(200, "<html>login</html>"))
        (error,) = make().fetch(["o/r"]).errors
        assert "not JSON" in str(error.error)

    def test_deadline_bounds_everything(self, github, make):
        """A server that stalls every request: the deadline bounds it."""
        for i in range(10):
            github.add("GET", f"/repos/o/r{i}", Reply(action="stall"))
        start = time.monotonic()
        report = make(read_timeout=30, deadline=0.5).fetch(
            [f"o/r{i}" for i in range(10)]
        )
        assert time.monotonic() - start < 1.5
        assert 10 == len(report.errors)
        # In flight or never sent, each request ended by the deadline says
        # so, whichever were in flight when it passed.
        for failed in report.errors:
            assert "deadline" in str(failed.error), failed

    def test_expired_deadline(self, github, make):
        """No request is sent once the deadline has passed."""
        (error,) = make(deadline=0).fetch(["o/r"]).errors
        assert "deadline" in str(error.error)
        assert 0 == len(github.seen)

    def test_stale_cache_preferred_to_snapshot(self, github, make, cache):
        """When GitHub fails, newer cached figures beat the snapshot."""
        github.add_repo(repo_body("pytorch/pytorch", 1))
        make().fetch(["pytorch/pytorch"])
        github.routes.clear()
        github.add("GET", "/repos/pytorch/pytorch", Reply(503, "x"))
        report = make(cache=_expire(cache), retries=0).fetch(
            ["pytorch/pytorch"]
        )
        (m,) = report.results
        assert (MetricsSource.CACHE, 1) == (m.source, m.stars)
        assert any("cached figures" in n for n in report.notes)


class TestGraphQL:
    def test_batch_with_missing_repository(self, github, make):
        """One POST; r2's NOT_FOUND is its own error, the rest succeed."""
        github.add(
            "POST",
            "/graphql",
            Reply(200, fixture("graphql-repositories.synthetic.json")),
        )
        names = [
            "octocat/Hello-World",
            "example-org/archived-framework",
            "example-org/does-not-exist",
        ]
        report = make(token=TOKEN).fetch(names)
        assert 1 == len(github.seen)
        assert f"Bearer {TOKEN}" == github.seen[0].headers["authorization"]
        ok, archived = report.results
        assert (80, 42, "MIT", "v1.0.0") == (
            ok.stars,
            ok.watchers,
            ok.license,
            ok.latest_release.tag,
        )
        assert (True, None, None, 5) == (
            archived.archived,
            archived.license,
            archived.latest_release,
            archived.open_issues,
        )
        assert MetricsSource.GRAPHQL is ok.source
        (error,) = report.errors
        assert "example-org/does-not-exist" == error.repo
        assert isinstance(error.error, RepositoryNotFoundError)

    def test_variables_not_string_building(self, github, make):
        """Names travel as variables, never inside the query text."""
        github.add_graphql([repo_body("o/r")])
        make(token=TOKEN).fetch(["o/r"])
        body = github.seen[0].body
        assert {"o0": "o", "n0": "r"} == body["variables"]
        assert "o/r" not in body["query"]

    def test_batches_of_fifty(self, github, make):
        """120 repositories take three GraphQL requests."""
        bodies = [repo_body(f"org/r{i}", i) for i in range(120)]
        github.add_graphql(bodies)
        report = make(token=TOKEN).fetch(b["full_name"] for b in bodies)
        assert 120 == len(report.results)
        assert 3 == github.count("POST", "/graphql")

    def test_rate_limited_falls_back_to_rest(self, github, make, cache):
        """RATE_LIMITED (HTTP 200): REST instead, GraphQL blocked till reset."""
        github.add(
            "POST",
            "/graphql",
            envelope(
                "graphql-rate-limited.synthetic.response.json",
                **{"x-ratelimit-reset": str(int(time.time()) + 600)},
            ),
        )
        github.add_repo(repo_body("o/r"))
        report = make(token=TOKEN).fetch(["o/r"])
        assert MetricsSource.REST is report.results[0].source
        assert (1, 2) == (github.count("POST"), github.count("GET"))
        make(token=TOKEN, cache=_expire(cache)).fetch(["o/r"])
        assert (1, 4) == (github.count("POST"), github.count("GET"))

    def test_unauthenticated(self, github, make):
        """A 401 is an authentication error for all; no REST fallback."""
        github.add(
            "POST",
            "/graphql",
            Reply(401, fixture("graphql-unauthenticated-401.json")),
        )
        report = make(token=TOKEN).fetch(["pytorch/pytorch", "o/r"])
        assert ["authentication", "authentication"] == [
            e.kind for e in report.errors
        ]
        assert 1 == len(github.seen)

    def test_no_token_no_graphql(self, github, make):
        """Without a token GraphQL is never called."""
        github.add_repo(repo_body("o/r"))
        make().fetch(["o/r"])
        assert 0 == github.count("POST")

    def test_query_failure_falls_back_to_rest(self, github, make):
        """A whole-query error goes to REST."""
        github.add(
            "POST",
            "/graphql",
            Reply(200, {"errors": [{"message": "Something went wrong"}]}),
        )
        github.add_repo(repo_body("o/r"))
        report = make(token=TOKEN).fetch(["o/r"])
        assert MetricsSource.REST is report.results[0].source

    def test_no_data_falls_back_to_rest(self, github, make):
        """An answer without data goes to REST."""
        github.add("POST", "/graphql", Reply(200, {"data": None}))
        github.add_repo(repo_body("o/r"))
        assert 1 == len(make(token=TOKEN).fetch(["o/r"]).results)

    def test_forbidden_and_odd_alias_errors(self, github, make):
        """FORBIDDEN and unknown alias errors stay with their repository."""
        github.add(
            "POST",
            "/graphql",
            Reply(
                200,
                {
                    "data": {
                        "r0": None,
                        "r1": None,
                        "r2": {"stargazerCount": 1},
                    },
                    "errors": [
                        {"type": "FORBIDDEN", "path": ["r0"], "message": "no"},
                        "junk",
                    ],
                },
            ),
        )
        report = make(token=TOKEN).fetch(["o/a", "o/b", "o/c"])
        assert ["authentication", "unavailable", "unavailable"] == [
            e.kind for e in report.errors
        ]

    def test_secondary_limit_not_sent_to_rest(self, github, make):
        """A secondary limit on GraphQL also holds REST back."""
        github.add(
            "POST",
            "/graphql",
            envelope("secondary-rate-limit-403.response.json"),
        )
        report = make(token=TOKEN).fetch(["o/r"])
        assert "rate_limited" == report.errors[0].kind
        assert 0 == github.count("GET")

    def test_enterprise_urls(self, make):
        """An Enterprise base URL serves REST there, GraphQL at /api/graphql."""
        with FakeGitHub(prefix="/api/v3") as ghe:
            ghe.add_graphql([repo_body("o/r")], path="/../graphql")
            ghe.add_repo(repo_body("o/s"))
            client = make(api_url=ghe.url + "/", token=TOKEN)
            assert ghe.root + "/api/graphql" == client.graphql_url
            # The POST goes to /api/graphql, outside the REST prefix.
            ghe.routes[("POST", "/api/graphql")] = ghe.routes.pop(
                ("POST", "/api/v3/../graphql")
            )
            assert 1 == len(client.fetch(["o/r"]).results)
            assert "/api/graphql" == ghe.seen[0].path
            make(api_url=ghe.url, use_graphql=False).fetch(["o/s"])
            assert "/api/v3/repos/o/s" == ghe.seen[1].path


class TestOffline:
    def test_no_socket(self, monkeypatch, tmp_path):
        """Offline mode never creates a socket; the snapshot answers."""
        import socket

        def refuse(*args, **kwargs):
            raise AssertionError("offline mode opened a socket")

        monkeypatch.setattr(socket, "socket", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        report = fetch_metrics(
            ["pytorch/pytorch", "example-org/unknown"],
            offline=True,
            cache_dir=tmp_path,
        )
        (m,) = report.results
        assert MetricsSource.SNAPSHOT is m.source
        assert "unavailable" == report.errors[0].kind
        assert any("snapshot" in n for n in report.notes)

    def test_environment_switch(self, monkeypatch):
        """DLCHOOSE_OFFLINE=1 means offline."""
        monkeypatch.setenv("DLCHOOSE_OFFLINE", "1")
        report = fetch_metrics(["apache/mxnet"])
        assert MetricsSource.SNAPSHOT is report.results[0].source

    def test_fresh_cache_used(self, github, make, cache):
        """Offline serves fresh cached figures as they are."""
        github.add_repo(repo_body("o/r", 9))
        make().fetch(["o/r"])
        (m,) = make(offline=True).fetch(["o/r"]).results
        assert (MetricsSource.CACHE, 9) == (m.source, m.stars)


class TestFetchMetrics:
    def test_default_is_the_registry(self, monkeypatch):
        """Without names, every registered framework's repository."""
        report = fetch_metrics(offline=True)
        expected = [f.repository for f in _github_frameworks() if f.repository]
        assert sorted(expected) == sorted(
            [m.requested for m in report.results]
            + [e.repo for e in report.errors]
        )

    def test_names_and_frameworks(self, github):
        """Keys, aliases, URLs and Framework objects are accepted."""
        from dlchoose import get_framework

        github.add_repo(repo_body("pytorch/pytorch"))
        report = fetch_metrics(
            [
                "pytorch",
                get_framework("pytorch"),
                "https://github.com/pytorch/pytorch",
            ],
            api_url=github.url,
            use_cache=False,
        )
        assert ["pytorch/pytorch"] == [m.full_name for m in report.results]

    def test_environment_api_url(self, github, monkeypatch, tmp_path):
        """DLCHOOSE_GITHUB_API_URL points the library at another server."""
        github.add_repo(repo_body("o/r"))
        monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", github.url)
        fetch_metrics(["o/r"], cache_dir=tmp_path)
        assert 2 == len(github.seen)

    def test_unknown_name(self):
        """A name that is neither a repository nor a framework raises."""
        with pytest.raises(UnknownFrameworkError):
            fetch_metrics(["no-such-framework"], offline=True)

    @pytest.mark.parametrize("single", ["pytorch/pytorch", "pytorch"])
    def test_single_string(self, github, single):
        """One string is one repository, not a sequence of characters."""
        github.add_repo(repo_body("pytorch/pytorch"))
        report = fetch_metrics(single, api_url=github.url, use_cache=False)
        assert ["pytorch/pytorch"] == [m.full_name for m in report.results]
        assert () == report.errors

    def test_single_framework(self, github):
        """One Framework is that framework's repository."""
        from dlchoose import get_framework

        github.add_repo(repo_body("pytorch/pytorch"))
        report = fetch_metrics(
            get_framework("pytorch"), api_url=github.url, use_cache=False
        )
        assert ["pytorch/pytorch"] == [m.full_name for m in report.results]

    def test_no_deadline(self, github, tmp_path):
        """deadline=None fetches without a bound instead of overflowing."""
        for name in ("o/a", "o/b"):
            github.add_repo(repo_body(name))
        report = fetch_metrics(
            ["o/a", "o/b"],
            api_url=github.url,
            deadline=None,
            cache_dir=tmp_path,
        )
        assert ["o/a", "o/b"] == [m.full_name for m in report.results]
        assert MetricsSource.REST is report.results[0].source

    def test_framework_without_repository(self):
        """A framework without a repository cannot be fetched."""
        from dlchoose import get_framework

        framework = attrs.evolve(get_framework("pytorch"), repository=None)
        with pytest.raises(ValueError, match="no GitHub repository"):
            fetch_metrics([framework], offline=True)


def _github_frameworks():
    from dlchoose import frameworks

    return frameworks()


class TestTokenTransport:
    @pytest.mark.parametrize(
        "api_url",
        [
            "http://ghe.example/api/v3",
            "http://10.0.0.1/api/v3",
            "ftp://ghe.example",
            "ghe.example/api/v3",
            "http:///api/v3",
        ],
    )
    def test_token_needs_https(self, api_url, cache):
        """A token with a non-HTTPS, non-loopback API URL is refused."""
        with pytest.raises(
            ValueError, match="refusing to send a GitHub token"
        ):
            GitHubClient(token=TOKEN, api_url=api_url, cache=cache)

    def test_message_hides_token(self, cache):
        """The refusal names the URL, never the token."""
        with pytest.raises(ValueError, match=r"http://ghe\.example") as info:
            GitHubClient(
                token=TOKEN, api_url="http://ghe.example", cache=cache
            )
        assert TOKEN not in str(info.value)

    @pytest.mark.parametrize(
        "api_url",
        [
            "https://ghe.example/api/v3",
            "HTTPS://api.github.com",
            "http://127.0.0.1:8080",
            "http://[::1]:8080/api",
            "http://localhost:8080",
        ],
    )
    def test_https_and_loopback_allowed(self, api_url, cache):
        """HTTPS anywhere and plain HTTP to loopback accept a token."""
        with GitHubClient(token=TOKEN, api_url=api_url, cache=cache) as client:
            assert client.authenticated

    def test_anonymous_http_allowed(self, cache):
        """Without a token any API URL is accepted."""
        with GitHubClient(api_url="http://ghe.example", cache=cache) as client:
            assert not client.authenticated

    def test_fetch_metrics_refuses(self, tmp_path):
        """fetch_metrics() refuses a token for a plain-HTTP remote host."""
        with pytest.raises(ValueError, match="https://"):
            fetch_metrics(
                ["o/r"],
                token=TOKEN,
                api_url="http://ghe.example/api/v3",
                cache_dir=tmp_path,
            )


class TestTokenHygiene:
    def test_token_never_leaks(self, github, make, cache, caplog):
        """The token is in no repr, error, log line or cache file."""
        github.add(
            "GET", "/repos/o/r", Reply(401, {"message": "Bad credentials"})
        )
        github.add_repo(repo_body("o/ok"))
        client = make(token=TOKEN, use_graphql=False)
        with caplog.at_level(logging.DEBUG):
            report = client.fetch(["o/r", "o/ok"])
            logging.getLogger("dlchoose.github").warning("leak %s", TOKEN)
        assert TOKEN not in repr(client)
        assert "auth='token'" in repr(client)
        assert "auth='anonymous'" in repr(make())
        for error in report.errors:
            assert TOKEN not in str(error.error)
            assert TOKEN not in repr(error.error)
            assert TOKEN not in json.dumps(error.to_dict())
        assert TOKEN not in caplog.text
        assert "<redacted>" in caplog.text
        files = [p for p in cache.directory.rglob("*") if p.is_file()]
        assert files
        for path in files:
            assert TOKEN not in path.read_text(encoding="utf-8")
        auth = BearerAuth(TOKEN)
        assert TOKEN not in repr(auth)
        assert isinstance(report.errors[0].error, AuthenticationError)


class TestHelpers:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("pytorch/pytorch", "pytorch/pytorch"),
            ("https://github.com/pytorch/pytorch.git", "pytorch/pytorch"),
            ("github.com/a/b/", "a/b"),
            ("https://www.github.com/a/b?tab=x", "a/b"),
        ],
    )
    def test_normalize(self, given, expected):
        """Slugs and GitHub URLs become owner/name."""
        assert expected == normalize_repo(given)

    @pytest.mark.parametrize(
        "bad",
        [
            "pytorch",
            "a/b/c",
            "a b/c",
            "",
            "github.com/pytorch",
            "https://github.com/a/b/tree/main",
        ],
    )
    def test_normalize_rejects(self, bad):
        """Anything else is a ValueError."""
        with pytest.raises(ValueError, match="owner/name"):
            normalize_repo(bad)

    def test_graphql_url(self):
        """GraphQL URLs derive from the REST base."""
        assert "https://h/api/graphql" == graphql_url("https://h/api/v3/")
        assert "https://api.x.ghe.com/graphql" == graphql_url(
            "https://api.x.ghe.com"
        )

    def test_rate_status_from_headers(self):
        """Headers parse defensively; none at all gives None."""
        assert None is RateLimitStatus.from_headers({}, "core")
        status = RateLimitStatus.from_headers(
            {
                "x-ratelimit-remaining": "x",
                "x-ratelimit-reset": "99999999999999999999",
            },
            "core",
        )
        assert status is not None
        assert (None, None) == (status.remaining, status.reset_at)

    def test_int_and_time_parsing(self):
        """Odd values are unknown, not errors."""
        assert None is _validate.header_int(True)
        assert None is _validate.header_int(1.5)
        assert None is parse_time("yesterday")
        naive = parse_time("2011-01-26T19:06:43")
        assert naive is not None
        assert timezone.utc == naive.tzinfo

    def test_one_time_parser(self):
        """The client, the cache and the values share one time parser."""
        from dlchoose._metrics import _cache

        copies = ["_parse_time", "_date_time", "_iso", "_now"]
        assert [] == [
            f"{module.__name__}.{name}"
            for module in (_cache, _github, _metrics)
            for name in copies
            if hasattr(module, name)
        ]

    def test_one_url_pattern(self):
        """Repository URLs are parsed by the registry's pattern."""
        assert not hasattr(_github, "_URL_RE")
        assert "o/r" == normalize_repo("HTTPS://GitHub.com/o/r.git/#readme")

    def test_unexpected_exception_propagates(self):
        """Bugs inside workers are re-raised, not reported as metrics."""
        with pytest.raises(KeyError):
            GitHubClient(cache=None)._as_error(KeyError("x"), "o/r")
        assert isinstance(
            GitHubClient(cache=None)._as_error(GraphQLFailedError("x"), "b"),
            MetricsError,
        )

    def test_close_twice(self, make):
        """Closing twice is fine; a closed client can fetch again."""
        client = make()
        client._http._requests_session()
        client.close()
        client.close()
        assert None is client._http._session


class TestEdgeBranches:
    def test_far_reset_is_unknown(self):
        """A reset more than two hours away is treated as unknown."""
        far = str(int(time.time()) + 3 * 3600)
        assert None is reset_time(far)

    def test_primary_with_retry_after(self, github, make):
        """Remaining 0 with retry-after: primary, waits per retry-after."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(
                403,
                {"message": "x"},
                {"x-ratelimit-remaining": "0", "retry-after": "120"},
            ),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert False is error.error.secondary
        assert None is not error.error.reset_at

    def test_bad_retry_after_date(self, github, make):
        """An unparsable retry-after counts as absent."""
        github.add(
            "GET",
            "/repos/o/r",
            Reply(429, {"message": "x"}, {"retry-after": "soon"}),
        )
        (error,) = make().fetch(["o/r"]).errors
        assert True is error.error.secondary

    def test_later_block_kept(self, make):
        """An earlier block never shortens a later one."""
        client = make(cache=None)
        later = datetime.now(timezone.utc) + timedelta(hours=1)
        client._book.block("core", later, secondary=False)
        client._book.block(
            "core", later - timedelta(minutes=30), secondary=True
        )
        assert (later, False) == client._book.blocks["core"]

    def test_no_cache_fallback_is_snapshot(self, make):
        """Without a cache, failures fall back to the snapshot only."""
        client = make(
            cache=None, api_url=_github.DEFAULT_API_URL, offline=True
        )
        (m,) = client.fetch(["pytorch/pytorch"]).results
        assert MetricsSource.SNAPSHOT is m.source

    def test_snapshot_name_for_framework_without_repo(self, monkeypatch):
        """A framework without a repository adds no snapshot name."""
        from dlchoose._registry import _lookup as _frameworks

        registry = _frameworks.default_registry()
        framework = registry.get("pytorch")
        registry.add(attrs.evolve(framework, repository=None), replace=True)
        assert ["PyTorch"] == _report.snapshot_names("PyTorch")
