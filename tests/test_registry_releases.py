"""Release facts: the Release value, the generated releases.json and the
merge of index releases into the catalog."""

from __future__ import annotations

import json

from datetime import date

import attrs
import pytest

import dlchoose

from dlchoose import PythonRelease, Release, ReleaseOrigin, Source
from dlchoose._index._latest import (
    SUPPORTED_PYTHONS,
    encode_releases,
    named_distributions,
    releases_from_snapshot,
)
from dlchoose._index._snapshot import bundled
from dlchoose._registry._catalog import CATALOG
from dlchoose._registry._lookup import apply_releases
from dlchoose._registry._releases import (
    HAND_WRITTEN,
    RELEASES_FILE,
    bundled_releases,
    index_source,
    merge_release,
    with_releases,
)


SRC = Source(
    title="Tag page", url="https://example.org/tag", date=date(2024, 1, 2)
)
OLD = Source(title="Older page", url=None, date=date(2020, 1, 1))


def framework(**overrides: object) -> dlchoose.Framework:
    fields: dict[str, object] = {
        "key": "toyflow",
        "name": "Toyflow",
        "status": "active",
        "distributions": ("toyflow", "toyflow-gpu"),
    }
    fields.update(overrides)
    return dlchoose.Framework(**fields)  # type: ignore[arg-type]


def indexed(version: str = "2.0", **overrides: object) -> Release:
    fields: dict[str, object] = {
        "version": version,
        "date": date(2026, 5, 1),
        "distribution": "toyflow",
        "origin": ReleaseOrigin.INDEX,
        "observed_on": date(2026, 11, 29),
        "observed_in": "https://pypi.org/simple/",
    }
    fields.update(overrides)
    return Release(**fields)  # type: ignore[arg-type]


class TestReleaseValue:
    def test_round_trip(self):
        """from_dict reads back exactly what to_dict wrote."""
        release = indexed(
            requires_python=">=3.11",
            per_python=(
                PythonRelease(
                    python="3.10", version="1.9", date=date(2026, 1, 1)
                ),
            ),
            yanked=("2.1",),
        )
        assert release == Release.from_dict(
            json.loads(json.dumps(release.to_dict()))
        )

    def test_only_version_is_required(self):
        """A bare {'version'} object is a release without provenance."""
        release = Release.from_dict({"version": "1.0"})
        assert (None, None, (), ()) == (
            release.origin,
            release.observed_on,
            release.per_python,
            release.yanked,
        )

    def test_per_python_sorted_numerically(self):
        """Per-Python entries sort by version number, 3.9 before 3.10."""
        release = indexed(
            per_python=(
                PythonRelease(python="3.10", version="1"),
                PythonRelease(python="3.9", version="1"),
            )
        )
        assert ["3.9", "3.10"] == [r.python for r in release.per_python]

    def test_bad_python_refused(self):
        """A per-Python entry names a CPython minor version."""
        with pytest.raises(ValueError):
            PythonRelease(python="cp310", version="1")

    def test_for_python(self):
        """for_python gives the recorded entry, else the release itself."""
        release = indexed(
            per_python=(PythonRelease(python="3.10", version=None),)
        )
        assert None is release.for_python("3.10").version
        assert ("2.0", date(2026, 5, 1)) == (
            release.for_python("3.12").version,
            release.for_python("3.12").date,
        )

    def test_unknown_origin_refused(self):
        """An origin outside the choices is refused."""
        with pytest.raises(ValueError):
            Release.from_dict({"version": "1", "origin": "rumour"})


class TestMerge:
    def test_index_release_fills_a_missing_one(self):
        """Without a hand-written release, the main distribution's index
        release is taken and cited as the index page of that day."""
        merged = merge_release(framework(), {"toyflow": indexed()})
        assert indexed() == merged.latest_release
        (source,) = merged.sources_for("latest_release")
        assert "https://pypi.org/project/toyflow/2.0/" == source.url
        assert date(2026, 11, 29) == source.date
        assert "toyflow 2.0" in source.title
        assert "latest_release" not in merged.unsourced_facts()

    def test_only_the_main_distribution_counts(self):
        """A variant's release does not stand for the framework."""
        merged = merge_release(framework(), {"toyflow-gpu": indexed()})
        assert None is merged.latest_release

    def test_hand_written_release_is_kept_and_marked(self):
        """A hand-written release wins and says where it comes from."""
        hand = framework(
            latest_release=Release(version="1.0", date=date(2024, 1, 2)),
            sources={"latest_release": (OLD, SRC)},
        )
        merged = merge_release(hand, {"toyflow": indexed()})
        release = merged.latest_release
        assert release is not None
        assert ("1.0", ReleaseOrigin.HAND) == (release.version, release.origin)
        assert (date(2024, 1, 2), "https://example.org/tag") == (
            release.observed_on,
            release.observed_in,
        )
        assert (OLD, SRC) == merged.sources_for("latest_release")

    def test_hand_source_without_address_names_its_title(self):
        """A hand source without a URL is named by its title."""
        hand = framework(
            latest_release=Release(version="1.0"),
            sources={"latest_release": (OLD,)},
        )
        release = merge_release(hand, {}).latest_release
        assert release is not None
        assert "Older page" == release.observed_in

    def test_no_release_anywhere(self):
        """Neither hand-written nor on the index: stays unknown."""
        bare = framework(distributions=())
        assert bare == merge_release(bare, {"toyflow": indexed()})

    def test_unsourced_hand_release_has_no_observation(self):
        """A hand-written release without a source has no observation date."""
        release = merge_release(
            framework(latest_release=Release(version="1.0")), {}
        ).latest_release
        assert release is not None
        assert (ReleaseOrigin.HAND, None, None) == (
            release.origin,
            release.observed_on,
            release.observed_in,
        )

    def test_other_index_is_cited_by_its_project_url(self):
        """A release from another index cites that index's project page."""
        mirror = indexed(observed_in="https://mirror.example/simple/")
        source = index_source(mirror)
        assert "https://mirror.example/simple/toyflow/" == source.url
        assert "mirror.example" in source.title

    def test_live_and_cached_releases_say_so(self):
        """The citation says whether the index was read live or cached."""
        live = index_source(indexed(origin=ReleaseOrigin.LIVE))
        cached = index_source(indexed(origin=ReleaseOrigin.CACHE))
        assert "read live" in live.title
        assert "cached" in cached.title

    def test_release_without_provenance_cites_no_page(self):
        """A release with no index named has no address to cite."""
        source = index_source(indexed(observed_in=None, observed_on=None))
        assert (None, None) == (source.url, source.date)


class TestShippedReleases:
    def test_file_agrees_with_the_snapshot(self):
        """releases.json is exactly what the snapshot gives (no drift):
        rerun scripts/build_index_snapshot.py --releases-only after any
        snapshot or registry change."""
        snapshot = bundled()
        expected = encode_releases(
            releases_from_snapshot(snapshot, named_distributions(CATALOG)),
            index_url=snapshot.index_url,
            generated=snapshot.generated,
        )
        assert expected == RELEASES_FILE.read_text(encoding="utf-8")

    def test_file_covers_every_named_distribution(self):
        """Every distribution the registry names has a line."""
        shipped = bundled_releases()
        assert set(named_distributions(CATALOG)) == set(shipped.releases)
        assert SUPPORTED_PYTHONS == shipped.pythons

    def test_pytorch_is_the_index_newest(self):
        """show pytorch's release is torch's newest on the index, dated,
        with its observation date (torch 2.15.0, 2026-10-28, per the
        2026-11-29 audit; Python 3.10 stops at 2.14.1)."""
        release = dlchoose.get_framework("pytorch").latest_release
        assert release is not None
        assert ("torch", "2.15.0", date(2026, 10, 28)) == (
            release.distribution,
            release.version,
            release.date,
        )
        assert ReleaseOrigin.INDEX is release.origin
        assert bundled().generated == release.observed_on
        assert "2.14.1" == release.for_python("3.10").version

    @pytest.mark.parametrize(
        ("key", "python", "version"),
        [
            ("jax", "3.11", "0.10.2"),
            ("jax", "3.12", "0.12.0.1"),
            ("keras", "3.10", "3.12.4"),
            ("tensorflow", "3.14", None),
            ("mindspore", "3.13", None),
        ],
    )
    def test_per_python_view(self, key, python, version):
        """Each Python sees its own newest release (audit, 2026-11-29)."""
        release = dlchoose.get_framework(key).latest_release
        assert release is not None
        assert version == release.for_python(python).version

    def test_every_release_is_observed(self):
        """Every registered release says when and where it was observed."""
        unobserved = [
            f.key
            for f in dlchoose.frameworks()
            if f.latest_release is not None
            and (
                f.latest_release.origin is None
                or f.latest_release.observed_on is None
                or f.latest_release.observed_in is None
            )
        ]
        assert [] == unobserved

    def test_hand_written_only_where_the_index_cannot_say(self):
        """A catalog release is hand-written only where the index has no
        stable release of the main distribution, or HAND_WRITTEN says why."""
        shipped = bundled_releases().releases
        needless = [
            f.key
            for f in CATALOG
            if f.latest_release is not None
            and f.distributions
            and shipped.get(f.distributions[0]) is not None
            and f.key not in HAND_WRITTEN
        ]
        assert [] == needless
        stale = [
            key
            for key in HAND_WRITTEN
            if next(f for f in CATALOG if f.key == key).latest_release is None
        ]
        assert [] == stale


class TestApplyReleases:
    def test_fresh_release_replaces_the_index_one(self):
        """A refresh replaces index releases and keeps the registry order."""
        keys = [f.key for f in dlchoose.frameworks()]
        fresh = indexed("9.0", distribution="torch", origin=ReleaseOrigin.LIVE)
        assert ("pytorch",) == apply_releases({"torch": fresh})
        assert fresh == dlchoose.get_framework("pytorch").latest_release
        assert keys == [f.key for f in dlchoose.frameworks()]

    def test_hand_written_releases_stay(self):
        """A refresh never replaces a hand-written release."""
        before = dlchoose.get_framework("oneflow")
        assert () == apply_releases(
            {"oneflow": indexed(distribution="oneflow")}
        )
        assert before == dlchoose.get_framework("oneflow")

    def test_unchanged_facts_change_nothing(self):
        """Facts equal to the registry's report no change."""
        shipped = {
            name: release
            for name, release in bundled_releases().releases.items()
            if release is not None
        }
        assert () == apply_releases(shipped)

    def test_user_framework_without_release_takes_one(self):
        """A user framework with no release gets its distribution's."""
        dlchoose.register_framework(framework())
        assert ("toyflow",) == apply_releases({"toyflow": indexed()})
        assert indexed() == dlchoose.get_framework("toyflow").latest_release

    def test_user_release_without_origin_is_hand_written(self):
        """A user's release without an origin counts as hand-written."""
        dlchoose.register_framework(
            framework(latest_release=Release(version="1.0"))
        )
        assert () == apply_releases({"toyflow": indexed()})


def test_bundled_release_read_once():
    """The generated file is read once per process."""
    assert bundled_releases() is bundled_releases()


def test_merged_catalog_keeps_order_and_keys():
    """with_releases changes release facts only."""
    merged = with_releases(CATALOG)
    assert [f.key for f in CATALOG] == [f.key for f in merged]
    for raw, done in zip(CATALOG, merged, strict=True):
        assert attrs.evolve(raw, latest_release=None, sources={}) == (
            attrs.evolve(done, latest_release=None, sources={})
        )
