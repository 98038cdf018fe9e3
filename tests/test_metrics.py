"""Metrics values, the report and the bundled snapshot."""

from __future__ import annotations

import json

from datetime import date, datetime, timedelta, timezone

import pytest

from dlchoose._metrics._snapshot import bundled_snapshot, snapshot_from_dict
from dlchoose._metrics._values import (
    LatestRelease,
    MetricsReport,
    MetricsSource,
    RepoError,
    RepoMetrics,
)
from dlchoose._time import iso, parse_time, utc_now
from dlchoose.exceptions import (
    AuthenticationError,
    MetricsUnavailableError,
    RateLimitError,
    RepositoryNotFoundError,
)


NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)


def _metrics(name="o/r", source=MetricsSource.GRAPHQL, **changes):
    return RepoMetrics(
        requested=name,
        full_name=name.upper(),
        stars=1,
        source=source,
        observed_at=NOW,
        **changes,
    )


class TestRepoMetrics:
    def test_dict_round_trip(self):
        """from_dict inverts to_dict."""
        metrics = _metrics(
            watchers=2,
            license="MIT",
            pushed_at=NOW,
            latest_release=LatestRelease(tag="v1"),
        )
        data = json.loads(json.dumps(metrics.to_dict()))
        assert metrics == RepoMetrics.from_dict(data)

    def test_missing_observation(self):
        """A record without an observation time is refused."""
        data = _metrics().to_dict() | {"observed_at": None}
        with pytest.raises(ValueError, match="observation"):
            RepoMetrics.from_dict(data)


class TestRepoError:
    @pytest.mark.parametrize(
        ("error", "kind"),
        [
            (RepositoryNotFoundError("x"), "not_found"),
            (AuthenticationError("x"), "authentication"),
            (RateLimitError("x", reset_at=NOW), "rate_limited"),
            (MetricsUnavailableError("x"), "unavailable"),
        ],
    )
    def test_kind(self, error, kind):
        """Each error class has a stable kind."""
        assert kind == RepoError(repo="o/r", error=error).kind

    def test_to_dict(self):
        """The JSON form carries kind, message and reset time."""
        error = RepoError(repo="o/r", error=RateLimitError("m", reset_at=NOW))
        assert {
            "repo": "o/r",
            "error": "rate_limited",
            "message": "m",
            "reset_at": "2026-11-26T00:00:00Z",
        } == error.to_dict()


class TestMetricsReport:
    def test_lookup_and_flags(self):
        """get() finds requested or canonical names; stale lists old ones."""
        live = _metrics("a/b")
        old = _metrics("c/d", MetricsSource.SNAPSHOT)
        report = MetricsReport(results=(live, old))
        assert live is report.get("A/B")
        assert old is report.get("C/D")
        assert None is report.get("x/y")
        assert (old,) == report.stale
        assert report.ok
        assert 2 == len(report)
        assert [live, old] == list(report)
        report.raise_for_errors()

    def test_errors(self):
        """raise_for_errors raises the first error; to_dict lists all."""
        error = RepositoryNotFoundError("gone")
        report = MetricsReport(
            errors=(RepoError(repo="o/r", error=error),), notes=("n",)
        )
        assert not report.ok
        with pytest.raises(RepositoryNotFoundError):
            report.raise_for_errors()
        assert {
            "repositories": [],
            "errors": [
                {
                    "repo": "o/r",
                    "error": "not_found",
                    "message": "gone",
                    "reset_at": None,
                }
            ],
            "notes": ["n"],
        } == report.to_dict()


class TestSnapshot:
    def test_bundled(self):
        """The bundled snapshot is dated and answers case-insensitively."""
        snapshot = bundled_snapshot()
        assert date(2026, 8, 22) == snapshot.as_of
        pytorch = snapshot.get("PyTorch/PyTorch")
        assert pytorch is not None
        assert MetricsSource.SNAPSHOT is pytorch.source
        assert False is pytorch.open_issues_include_pulls
        assert "EvanLi" in (pytorch.provenance or "")
        assert len(snapshot) == len(list(snapshot))

    def test_live_format_fields(self):
        """A refreshed snapshot keeps watchers, licence and release."""
        snapshot = snapshot_from_dict(
            {
                "format": 1,
                "as_of": "2026-11-26",
                "built": "2026-11-26",
                "open_issues_include_pulls": True,
                "repositories": [
                    {
                        "repo": "o/r",
                        "stars": 1,
                        "watchers": 2,
                        "license": "MIT",
                        "latest_release": {"tag": "v1", "published_at": None},
                        "observed_at": "2026-11-26T10:00:00Z",
                    }
                ],
            }
        )
        (m,) = snapshot
        assert m.latest_release is not None
        assert (2, "MIT", "v1", True) == (
            m.watchers,
            m.license,
            m.latest_release.tag,
            m.open_issues_include_pulls,
        )


class TestSmallPieces:
    def test_source_str(self):
        """A source prints as its value."""
        assert "graphql" == str(MetricsSource.GRAPHQL)

    def test_naive_times_are_utc(self):
        """Naive timestamps in records are read as UTC."""
        data = _metrics().to_dict() | {"pushed_at": "2020-01-01T00:00:00"}
        pushed = RepoMetrics.from_dict(data).pushed_at
        assert pushed is not None
        assert timezone.utc == pushed.tzinfo

    @pytest.mark.parametrize("value", [None, "", "yesterday", 5])
    def test_unparsable_times_are_none(self, value):
        """Values that are not ISO 8601 text are unknown, not errors."""
        assert None is parse_time(value)

    def test_naive_refused_on_request(self):
        """naive=False rejects a time without an offset."""
        assert None is parse_time("2020-01-01T00:00:00", naive=False)
        assert datetime(2020, 1, 1, tzinfo=timezone.utc) == parse_time(
            "2020-01-01T00:00:00Z", naive=False
        )

    def test_iso_is_utc_with_z(self):
        """iso() writes UTC with a Z suffix and keeps None."""
        tokyo = timezone(timedelta(hours=9))
        assert "2020-01-01T00:00:00Z" == iso(
            datetime(2020, 1, 1, 9, tzinfo=tokyo)
        )
        assert None is iso(None)

    def test_utc_now_is_aware(self):
        """utc_now() is aware and in UTC."""
        assert timezone.utc == utc_now().tzinfo
