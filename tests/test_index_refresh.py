"""recommend(refresh=True): GitHub and the package index asked together
within one deadline, one note per outage, and the registry left alone."""

from __future__ import annotations

import time

from collections.abc import Iterator
from datetime import date

import pytest

import dlchoose

from dlchoose import ReleaseOrigin
from dlchoose._metrics import _client as metrics_client
from dlchoose._metrics._values import MetricsReport, RepoError
from dlchoose._recommend import _gather
from dlchoose._recommend._gather import DEFAULT_GATHERER, Fresh, Gatherer
from dlchoose.exceptions import MetricsUnavailableError
from tests.index_server import IndexServer, Reply


@pytest.fixture(name="server")
def _server() -> Iterator[IndexServer]:
    with IndexServer() as server:
        yield server


def _offline_report(repos: tuple[str, ...]) -> MetricsReport:
    """GitHub out of reach: one offline line and an error per repository."""
    return MetricsReport(
        errors=tuple(
            RepoError(repo=r, error=MetricsUnavailableError("offline"))
            for r in repos
        ),
        notes=("offline: api.github.com: the host name does not resolve",),
        offline_reason="api.github.com: the host name does not resolve",
        offline=True,
    )


def _main_distributions() -> list[str]:
    return [
        f.distributions[0] for f in dlchoose.frameworks() if f.distributions
    ]


def test_refresh_leaves_the_registry_alone(server, monkeypatch):
    """recommend(refresh=True) reads the index but changes no registry
    fact for later calls."""
    monkeypatch.setenv("DLCHOOSE_INDEX_URL", server.url)
    monkeypatch.setattr(
        metrics_client, "fetch_metrics", lambda **_: _offline_report(())
    )
    before = dlchoose.frameworks()
    dlchoose.recommend(refresh=True)
    assert "/simple/torch/" in server.paths()
    assert before == dlchoose.frameworks()
    pytorch = dlchoose.get_framework("pytorch").latest_release
    assert pytorch is not None
    assert ReleaseOrigin.INDEX is pytorch.origin


def test_gathered_releases_apply_to_the_call_only(server, monkeypatch):
    """The refreshed releases travel with the gathered inputs, applied to
    a pool on request; hand-written releases stay."""
    monkeypatch.setenv("DLCHOOSE_INDEX_URL", server.url)
    monkeypatch.setattr(
        metrics_client, "fetch_metrics", lambda **_: _offline_report(())
    )
    found = DEFAULT_GATHERER.metrics(None, refresh=True, token=None)
    assert ReleaseOrigin.LIVE is found.releases["torch"].origin
    pool = {f.key: f for f in found.pool(dlchoose.frameworks())}
    assert pool["pytorch"].latest_release == found.releases["torch"]
    assert pool["caffe"] == dlchoose.get_framework("caffe")
    assert ReleaseOrigin.INDEX is (
        dlchoose.get_framework("pytorch").latest_release.origin  # type: ignore[union-attr]
    )


def test_no_releases_no_change():
    """Without refreshed releases the pool is returned as given."""
    found = _gather.Gathered(metrics={}, as_of=date(2026, 11, 29))
    pool = dlchoose.frameworks()
    assert pool == found.pool(pool)


def test_github_and_index_share_one_deadline(server, monkeypatch):
    """GitHub and the index are asked at the same time, each within the
    one refresh deadline: a stalled index costs no more than GitHub."""
    monkeypatch.setattr(_gather, "REFRESH_DEADLINE", 1.0)
    monkeypatch.setenv("DLCHOOSE_INDEX_URL", server.url)
    for name in _main_distributions():
        server.routes[name] = Reply(stall_before=10.0)
    deadlines = []

    def slow_github(**options: object) -> MetricsReport:
        deadlines.append(options["deadline"])
        time.sleep(1.0)
        return _offline_report(())

    monkeypatch.setattr(metrics_client, "fetch_metrics", slow_github)
    start = time.monotonic()
    fresh = _gather.fetch_fresh(None)
    elapsed = time.monotonic() - start
    assert [1.0] == deadlines
    assert elapsed < 1.9
    assert 1 == len(server.paths())  # the first stall stops the rest
    assert 1 == len(fresh.notes)
    assert fresh.notes[0].startswith("release facts: 0 of")


def test_default_deadline_is_the_metrics_commands():
    """The refresh waits as long as `dlchoose stats` does by default."""
    assert 20.0 == _gather.REFRESH_DEADLINE


def test_offline_is_one_note_not_one_per_repository():
    """GitHub out of reach: the offline line, no line per repository."""
    snapshot = _gather.bundled()
    repos = tuple(m.full_name for m in snapshot)[:7]
    gather = Gatherer(fetch=lambda _token: _offline_report(repos))
    found = gather.metrics(None, refresh=True, token=None)
    assert found.notes == (
        "offline: api.github.com: the host name does not resolve",
    )
    assert {r.casefold() for r in repos} <= set(found.metrics)


def test_offline_repositories_without_figures_share_a_line():
    """Repositories the snapshot lacks are named in one line (three, then
    a count)."""
    repos = ("a/one", "b/two", "c/three", "d/four", "e/five")
    gather = Gatherer(fetch=lambda _token: _offline_report(repos))
    found = gather.metrics(None, refresh=True, token=None)
    expected = (
        "no figures offline for a/one, b/two, c/three and 2 more: their"
        " community and archived state are unknown"
    )
    assert found.notes[1:] == (expected,)


def test_online_failures_keep_their_own_lines():
    """A failure while GitHub is reachable still says which repository."""
    report = MetricsReport(
        errors=(RepoError(repo="x/y", error=MetricsUnavailableError("503")),)
    )
    found = Gatherer(fetch=lambda _token: report).metrics(
        None, refresh=True, token=None
    )
    assert any("refresh failed for x/y" in n for n in found.notes)


def test_fresh_notes_follow_the_metrics_notes():
    """A Fresh answer's release note comes after GitHub's notes."""
    fresh = Fresh(report=_offline_report(()), notes=("release facts: x",))
    found = Gatherer(fetch=lambda _token: fresh).metrics(
        None, refresh=True, token=None
    )
    assert found.notes == (
        "offline: api.github.com: the host name does not resolve",
        "release facts: x",
    )


def test_refreshed_releases_are_scored(monkeypatch):
    """recommend(refresh=True) scores maintenance with the release the
    refresh read, not the bundled one, and leaves the registry alone."""
    fresh_torch = dlchoose.Release(
        version="9.0",
        date=date(2026, 11, 20),
        origin=ReleaseOrigin.LIVE,
        observed_on=date(2026, 11, 29),
    )
    gather = Gatherer(
        fetch=lambda _token: Fresh(
            report=_offline_report(()), releases={"torch": fresh_torch}
        )
    )
    rec = dlchoose.recommend("academic", refresh=True, gather=gather)
    pytorch = next(r for r in rec.ranking if r.framework == "pytorch")
    (maintenance,) = (
        c for c in pytorch.contributions if c.criterion.value == "maintenance"
    )
    assert maintenance.note is not None
    assert "latest release 2026-11-20" in maintenance.note
    assert ReleaseOrigin.INDEX is (
        dlchoose.get_framework("pytorch").latest_release.origin  # type: ignore[union-attr]
    )
