"""`dlchoose show`: release facts with their observation date and place."""

from __future__ import annotations

import json

from datetime import date

import pytest

from dlchoose import PythonRelease, Release, ReleaseOrigin
from dlchoose._cli import main
from dlchoose._cli._registry_cmd import release_text


def show(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert 0 == main(["show", *args])
    return capsys.readouterr().out


class TestShowRelease:
    def test_pytorch_names_the_index_newest(self, capsys):
        """show pytorch names torch's newest stable release on the index,
        its upload date, the Python 3.10 view and the observation date."""
        out = show(capsys, "pytorch")
        (line,) = [x for x in out.splitlines() if "latest release:" in x]
        assert "latest release: 2.15.0 (2026-10-28)" in line
        assert "requires Python >=3.11" in line
        assert "Python 3.10: 2.14.1 (2026-09-30)" in line
        assert "observed 2026-11-29" in line
        assert "https://pypi.org/project/torch/2.15.0/" in out

    def test_hand_written_release_says_so(self, capsys):
        """A release that is not on the index is marked hand-written."""
        out = show(capsys, "oneflow")
        assert (
            "latest release: 1.0.0 (2024-03-11); hand-written from its"
            " source of 2024-03-11"
        ) in out

    def test_undated_release_says_the_date_is_unknown(self, capsys):
        """A release whose date no source states says so, and the source's
        own date is not passed off as the release's."""
        out = show(capsys, "candle")
        (line,) = [x for x in out.splitlines() if "latest release:" in x]
        assert "latest release: 0.11.1 (date unknown);" in line
        assert "hand-written from its source of 2026-11-29" in line

    def test_json_adds_keys(self, capsys):
        """show --json keeps version and date and adds the provenance."""
        release = json.loads(show(capsys, "pytorch", "--json"))[
            "latest_release"
        ]
        assert ["version", "date"] == list(release)[:2]
        assert {
            "version": "2.15.0",
            "date": "2026-10-28",
            "distribution": "torch",
            "origin": "index",
            "observed_on": "2026-11-29",
            "observed_in": "https://pypi.org/simple/",
        }.items() <= release.items()
        assert [
            {
                "python": "3.10",
                "version": "2.14.1",
                "date": "2026-09-30",
                "requires_python": ">=3.10",
            }
        ] == release["per_python"]


class TestReleaseText:
    @pytest.mark.parametrize(
        ("origin", "words"),
        [
            (
                ReleaseOrigin.LIVE,
                "in the package index, read live (https://i/)",
            ),
            (ReleaseOrigin.CACHE, "in a cached package-index answer"),
        ],
    )
    def test_origin_is_named(self, origin, words):
        """Live and cached releases say where they were read."""
        release = Release(
            version="1.0",
            origin=origin,
            observed_on=date(2026, 12, 1),
            observed_in="https://i/",
        )
        assert (
            f"1.0 (date unknown); observed 2026-12-01 {words}"
            in release_text(release)
        )

    def test_bare_release(self):
        """A release with only a version shows only the version."""
        assert "1.0 (date unknown)" == release_text(Release(version="1.0"))

    def test_dated_without_origin(self):
        """An observation date without an origin is still shown."""
        release = Release(version="1.0", observed_on=date(2026, 1, 1))
        assert "1.0 (date unknown); observed 2026-01-01" == release_text(
            release
        )

    def test_index_release_without_date(self):
        """An index release without a read date says only where."""
        release = Release(version="1.0", origin=ReleaseOrigin.INDEX)
        assert (
            "1.0 (date unknown); observed in the bundled package-index data"
            == (release_text(release))
        )

    def test_hand_written_without_date(self):
        """A hand-written release without a dated source says so."""
        release = Release(version="1.0", origin=ReleaseOrigin.HAND)
        assert (
            "1.0 (date unknown); hand-written from its source"
            == release_text(release)
        )

    def test_yanked_and_missing_python(self):
        """Newer yanked versions and Pythons without a release are listed."""
        release = Release(
            version="1.0",
            per_python=(PythonRelease(python="3.14", version=None),),
            yanked=("1.1",),
        )
        assert (
            "1.0 (date unknown); Python 3.14: none; yanked: 1.1"
            == release_text(release)
        )
