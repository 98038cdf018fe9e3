"""The newest stable release per distribution and per Python, from the
snapshot or the live (loopback) index, and the registry's refresh."""

from __future__ import annotations

import json

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from packaging.tags import parse_tag

import dlchoose

from dlchoose import ReleaseOrigin
from dlchoose._http import HttpCache, HttpClient
from dlchoose._index._client import IndexReader
from dlchoose._index._config import resolve_index
from dlchoose._index._latest import (
    SUPPORTED_PYTHONS,
    encode_releases,
    latest_releases,
    read_latest_releases,
    refresh_registry_releases,
    release_of,
)
from dlchoose._index._releases import IndexRelease, Project, Wheel
from tests.index_server import HOSTILE, IndexServer, page, recorded


READ = date(2026, 11, 29)
INDEX = "https://pypi.org/simple/"


def wheel(tag: str, requires: str | None = None, *, yanked: bool = False):
    return Wheel(f"toy-1-{tag}.whl", parse_tag(tag), requires, yanked)


def release(version: str, *wheels: Wheel, **overrides: object):
    fields: dict[str, object] = {
        "version": version,
        "uploaded": date(2026, 1, 1 + len(version)),
        "requires_python": None,
        "yanked": False,
        "wheels": wheels,
        "sdist": False,
        "prerelease": False,
    }
    fields.update(overrides)
    return IndexRelease(**fields)  # type: ignore[arg-type]


def project(*releases: IndexRelease) -> Project:
    return Project(
        name="toy",
        releases=releases,
        read_at=datetime(2026, 11, 29, tzinfo=timezone.utc),
    )


def latest(*releases: IndexRelease, pythons=SUPPORTED_PYTHONS):
    return release_of(
        project(*releases), index_url=INDEX, observed_on=READ, pythons=pythons
    )


class TestReleaseOf:
    def test_newest_stable_release(self):
        """Pre-releases and yanked releases are not the latest."""
        found = latest(
            release("1.1", wheel("py3-none-any")),
            release("1.2", wheel("py3-none-any"), yanked=True),
            release("2.0rc1", wheel("py3-none-any"), prerelease=True),
        )
        assert found is not None
        assert ("1.1", ("1.2",)) == (found.version, found.yanked)
        assert ("toy", ReleaseOrigin.INDEX, READ, INDEX) == (
            found.distribution,
            found.origin,
            found.observed_on,
            found.observed_in,
        )

    def test_nothing_stable(self):
        """Only pre-releases, yanked or empty releases: no latest release."""
        assert None is latest(
            release("1.0"),
            release("1.1", wheel("py3-none-any"), yanked=True),
            release("2.0b1", wheel("py3-none-any"), prerelease=True),
        )

    def test_requires_python_splits_the_view(self):
        """A Python the newest release excludes sees an older one."""
        found = latest(
            release("1.1", wheel("py3-none-any", ">=3.10")),
            release(
                "1.2",
                wheel("py3-none-any", ">=3.12"),
                requires_python=">=3.12",
            ),
        )
        assert found is not None
        assert ">=3.12" == found.requires_python
        assert {"3.10": "1.1", "3.11": "1.1"} == {
            r.python: r.version for r in found.per_python
        }

    def test_wheel_tags_split_the_view(self):
        """Only wheels for a CPython (any platform) count for it; a Python
        with none at all is recorded as having no release."""
        found = latest(
            release("1.1", wheel("cp310-cp310-manylinux_2_28_x86_64")),
            release("1.2", wheel("cp312-abi3-macosx_11_0_arm64")),
        )
        assert found is not None
        assert {"3.10": "1.1", "3.11": None} == {
            r.python: r.version for r in found.per_python
        }

    def test_sdist_serves_every_allowed_python(self):
        """A source distribution counts where requires-python allows it."""
        found = latest(
            release("1.0", sdist=True, requires_python="<3.12"),
        )
        assert found is not None
        assert {"3.12": None, "3.13": None, "3.14": None} == {
            r.python: r.version for r in found.per_python
        }

    def test_yanked_wheel_does_not_serve(self):
        """A yanked file does not make a release installable."""
        found = latest(
            release("1.0", wheel("py3-none-any")),
            release(
                "1.1",
                wheel("cp311-cp311-win_amd64"),
                wheel("cp310-cp310-win_amd64", yanked=True),
            ),
            pythons=("3.10", "3.11"),
        )
        assert found is not None
        assert [("3.10", "1.0")] == [
            (r.python, r.version) for r in found.per_python
        ]

    def test_upload_date_and_requires_python_come_along(self):
        """Per-Python entries carry their release's date and needs."""
        old = release(
            "1.3", wheel("py3-none-any", ">=3.10"), requires_python=">=3.10"
        )
        found = latest(
            old,
            release("1.4", wheel("py3-none-any", ">=3.11")),
            pythons=("3.10",),
        )
        assert found is not None
        (entry,) = found.per_python
        assert (old.uploaded, ">=3.10") == (entry.date, entry.requires_python)


class TestEncode:
    def test_one_sorted_line_per_distribution(self):
        """The file lists distributions sorted, one per line, and reads
        back as JSON with its provenance."""
        found = latest(release("1.0", wheel("py3-none-any")))
        text = encode_releases(
            {"zeta": None, "alpha": found},
            index_url=INDEX,
            generated=READ,
        )
        document = json.loads(text)
        assert ["alpha", "zeta"] == list(document["releases"])
        assert (INDEX, "2026-11-29", list(SUPPORTED_PYTHONS)) == (
            document["index"],
            document["generated"],
            document["pythons"],
        )
        assert None is document["releases"]["zeta"]
        assert 1 == sum(
            line.startswith('"alpha"') for line in text.splitlines()
        )
        assert text.endswith("}\n")


@pytest.fixture(name="server")
def _server() -> Iterator[IndexServer]:
    with IndexServer() as server:
        yield server


def reader(url: str, tmp_path: Path) -> IndexReader:
    cache = HttpCache(tmp_path / "cache", "index")
    http = HttpClient(retries=0, cache=cache)
    return IndexReader(resolve_index(url, environ={}), cache=cache, http=http)


class TestLatestReleases:
    def test_snapshot_without_refresh(self, server):
        """Without refresh the snapshot answers and nothing is asked."""
        found = latest_releases(["torch"], refresh=False)
        assert ReleaseOrigin.INDEX is found["torch"].origin
        assert [] == server.paths()

    def test_live_index(self, server, tmp_path):
        """A refresh reads the index and says the facts are live."""
        with reader(server.url, tmp_path) as index:
            found = latest_releases(["torch", "cntk"], reader=index)
        assert {"torch", "cntk"} == set(found)
        torch = found["torch"]
        assert ("2.15.0", ReleaseOrigin.LIVE) == (torch.version, torch.origin)
        assert server.url == torch.observed_in
        assert datetime.now(timezone.utc).date() == torch.observed_on
        assert "2.14.1" == torch.for_python("3.10").version

    def test_failure_falls_back_to_the_snapshot(self, server, tmp_path):
        """A failing index leaves the snapshot's facts, with a note."""
        server.routes["torch"] = HOSTILE["server-error"]
        with reader(server.url, tmp_path) as index:
            found = read_latest_releases(["torch"], reader=index, refresh=True)
        assert ReleaseOrigin.INDEX is found.releases["torch"].origin
        assert any("torch" in note for note in found.notes)

    def test_unknown_distribution_is_left_out(self, server, tmp_path):
        """A distribution no source knows has no release and a note."""
        with reader(server.url, tmp_path) as index:
            found = read_latest_releases(["no-such-dist"], reader=index)
        assert {} == found.releases
        assert found.notes

    def test_default_reader_is_closed(self, monkeypatch):
        """Without a reader one is made for the call (snapshot answers)."""
        monkeypatch.setenv("DLCHOOSE_OFFLINE", "1")
        found = read_latest_releases(["torch", "torch"])
        assert ["torch"] == list(found.releases)


class TestRefreshRegistry:
    def test_registry_takes_live_releases(self, server, tmp_path):
        """The registry's index releases become live ones; hand-written
        releases stay."""
        oneflow = dlchoose.get_framework("oneflow")
        with reader(server.url, tmp_path) as index:
            notes = refresh_registry_releases(index)
        pytorch = dlchoose.get_framework("pytorch").latest_release
        assert pytorch is not None
        assert ReleaseOrigin.LIVE is pytorch.origin
        assert oneflow == dlchoose.get_framework("oneflow")
        asked = {path.strip("/").split("/")[-1] for path in server.paths()}
        assert "torch" in asked
        assert "oneflow" not in asked
        # Distributions without a recorded page fall back with a note.
        assert notes

    def test_all_live_needs_no_note(self, server, tmp_path):
        """A refresh that reads every distribution live adds no note."""
        for framework in dlchoose.frameworks():
            for name in framework.distributions:
                server.routes.setdefault(name, page({"files": []}))
        server.routes["torch"] = page(recorded("torch"))
        with reader(server.url, tmp_path) as index:
            assert () == refresh_registry_releases(index)
        pytorch = dlchoose.get_framework("pytorch").latest_release
        assert pytorch is not None
        assert ReleaseOrigin.LIVE is pytorch.origin


def test_recommend_refresh_reads_release_facts(server, monkeypatch):
    """recommend(refresh=True) also reads release facts from the index
    configured here, for that call only: the registry keeps its facts."""
    from tests.github_server import FakeGitHub, repo_body

    with FakeGitHub() as github:
        github.add_repo(repo_body("pytorch/pytorch"))
        github.add_graphql([repo_body("pytorch/pytorch")])
        monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", github.url)
        monkeypatch.setenv("DLCHOOSE_INDEX_URL", server.url)
        dlchoose.recommend(refresh=True)
    assert "/simple/torch/" in server.paths()
    pytorch = dlchoose.get_framework("pytorch").latest_release
    assert pytorch is not None
    assert (ReleaseOrigin.INDEX, "2.15.0") == (pytorch.origin, pytorch.version)


class TestDisagreeingFiles:
    def test_most_permissive_served_requires_python(self):
        """Files that disagree: the value admitting the Pythons served wins."""
        found = latest(
            release("1.2", wheel("py3-none-any"), requires_python=">=3.10"),
            release(
                "1.3",
                wheel("cp314-cp314-manylinux_2_28_x86_64", ">=3.14"),
                requires_python=">=3.15",
                sdist=True,
            ),
        )
        assert found is not None
        assert ("1.3", ">=3.14") == (found.version, found.requires_python)
        assert "1.3" == found.for_python("3.14").version
        assert "1.2" == found.for_python("3.13").version

    def test_unserved_permissive_value_is_not_shown(self):
        """A permissive value on a wheel no supported Python takes is not
        shown: only Pythons the release serves count."""
        found = latest(
            release(
                "1.0",
                wheel("cp39-cp39-manylinux_2_28_x86_64", ">=3.8"),
                wheel("cp312-cp312-manylinux_2_28_x86_64", ">=3.12"),
                requires_python=">=3.12",
            ),
        )
        assert found is not None
        assert ">=3.12" == found.requires_python

    def test_local_version_is_never_latest(self):
        """A local version (1.1+cpu) never beats its public release."""
        found = latest(
            release("1.0", wheel("py3-none-any")),
            release("1.1", wheel("py3-none-any")),
            release("1.1+cpu", wheel("py3-none-any")),
        )
        assert found is not None
        assert "1.1" == found.version
        assert () == found.per_python

    def test_only_local_versions_mean_no_release(self):
        """A project with local versions only has no stable release."""
        assert latest(release("2.0+cu121", wheel("py3-none-any"))) is None
