"""The on-disk cache: figures, renames, rate-limit blocks."""

from __future__ import annotations

import json
import os
import sys

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dlchoose._metrics._cache import (
    CacheEntry,
    DiskCache,
    default_cache_dir,
    token_fingerprint,
)
from dlchoose._metrics._values import LatestRelease, MetricsSource, RepoMetrics


NOW = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
SCOPE = DiskCache.scope_for("https://api.github.com/", "ghp_secret")


@pytest.fixture(name="cache")
def _cache(tmp_path):
    return DiskCache(tmp_path)


def _metrics(**changes):
    values = {
        "requested": "o/r",
        "full_name": "O/R",
        "stars": 3,
        "latest_release": LatestRelease(tag="v1", published_at=NOW),
        "source": MetricsSource.REST,
        "observed_at": NOW,
        **changes,
    }
    return RepoMetrics(**values)


def _entry(**changes):
    return CacheEntry(
        metrics=_metrics(**changes), stored_at=NOW, etag_repo='W/"1"'
    )


class TestDefaultDirectory:
    def test_environment_wins(self, monkeypatch, tmp_path):
        """DLCHOOSE_CACHE_DIR is used as given."""
        monkeypatch.setenv("DLCHOOSE_CACHE_DIR", str(tmp_path))
        assert tmp_path == default_cache_dir()

    @pytest.mark.skipif(sys.platform != "linux", reason="XDG layout")
    def test_xdg(self, monkeypatch, tmp_path):
        """Without it, $XDG_CACHE_HOME/dlchoose, else ~/.cache/dlchoose."""
        monkeypatch.delenv("DLCHOOSE_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert tmp_path / "dlchoose" == default_cache_dir()
        monkeypatch.setenv("XDG_CACHE_HOME", "relative")
        monkeypatch.setenv("HOME", str(tmp_path))
        assert tmp_path / ".cache" / "dlchoose" == default_cache_dir()

    def test_default_cache(self, monkeypatch, tmp_path):
        """DiskCache.default() uses the default directory."""
        monkeypatch.setenv("DLCHOOSE_CACHE_DIR", str(tmp_path))
        assert tmp_path == DiskCache.default().directory


class TestFingerprint:
    def test_anonymous(self):
        """No token is 'anon'."""
        assert "anon" == token_fingerprint(None)
        assert "anon" == token_fingerprint("")

    def test_hash_not_token(self):
        """A token becomes 16 hex digits that do not contain it."""
        fingerprint = token_fingerprint("ghp_secret")
        assert 16 == len(fingerprint)
        assert "secret" not in fingerprint
        assert fingerprint != token_fingerprint("ghp_other")
        assert "ghp_secret" not in SCOPE


class TestEntries:
    def test_round_trip_any_case(self, cache):
        """An entry comes back under either spelling, with validators."""
        cache.put(SCOPE, "o/r", _entry())
        entry = cache.get(SCOPE, "O/r")
        assert _metrics() == entry.metrics
        assert 'W/"1"' == entry.etag_repo
        assert NOW == entry.stored_at

    def test_canonical_name_also_stored(self, cache):
        """After a rename the canonical name hits too."""
        cache.put(SCOPE, "old/name", _entry(full_name="new/name"))
        assert None is not cache.get(SCOPE, "new/name")

    def test_scopes_are_separate(self, cache):
        """Another token or host sees nothing."""
        cache.put(SCOPE, "o/r", _entry())
        assert None is cache.get(DiskCache.scope_for("x", None), "o/r")

    def test_fresh(self):
        """Fresh means younger than the TTL."""
        entry = _entry()
        assert entry.fresh(timedelta(hours=1), NOW + timedelta(minutes=59))
        assert not entry.fresh(timedelta(hours=1), NOW + timedelta(hours=1))

    def test_atomic_write_leaves_no_temp_files(self, cache):
        """Writes go through a temporary file that is renamed away."""
        cache.put(SCOPE, "o/r", _entry())
        files = list((cache.directory / "github").rglob("*"))
        assert [] == [p for p in files if p.name.endswith(".tmp")]

    @pytest.mark.parametrize(
        "content",
        [
            b"{not json",
            b"\xff\xfe",
            b"[]",
            b'{"format": 99}',
            b'{"format": 1, "metrics": {}}',
            b'{"format": 1, "stored_at": "x", "metrics": {"repo": 1}}',
            (
                b'{"format": 1, "stored_at": "2026-01-01T00:00:00Z",'
                b' "metrics": {"repo": 1}}'
            ),
        ],
    )
    def test_corrupt_entry_ignored_and_replaced(self, cache, content):
        """A corrupt file is a miss, and the next write replaces it."""
        cache.put(SCOPE, "o/r", _entry())
        (path,) = (cache.directory / "github" / "entries").glob("*.json")
        path.write_bytes(content)
        assert None is cache.get(SCOPE, "o/r")
        cache.put(SCOPE, "o/r", _entry())
        assert None is not cache.get(SCOPE, "o/r")

    def test_unreadable_entry_ignored(self, cache):
        """A path that cannot be read (a directory) is a miss."""
        cache.put(SCOPE, "o/r", _entry())
        (path,) = (cache.directory / "github" / "entries").glob("*.json")
        path.unlink()
        path.mkdir()
        assert None is cache.get(SCOPE, "o/r")

    def test_unwritable_directory_is_not_fatal(self, tmp_path, caplog):
        """A cache that cannot be written is logged and skipped."""
        blocker = tmp_path / "file"
        blocker.write_text("x")
        cache = DiskCache(blocker)
        cache.put(SCOPE, "o/r", _entry())
        assert None is cache.get(SCOPE, "o/r")
        assert "cannot write cache file" in caplog.text

    def test_failed_write_cleans_up(self, cache, monkeypatch):
        """A write that fails midway removes its temporary file."""

        def explode(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(json, "dump", explode)
        cache.put(SCOPE, "o/r", _entry())
        leftovers = [
            p for p in (cache.directory / "github").rglob("*") if p.is_file()
        ]
        assert [] == leftovers

    def test_interrupted_write_reraises(self, cache, monkeypatch):
        """A KeyboardInterrupt during a write is not swallowed."""

        def interrupt(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(json, "dump", interrupt)
        with pytest.raises(KeyboardInterrupt):
            cache.put(SCOPE, "o/r", _entry())

    @pytest.mark.parametrize(
        "stored_at", ["2026-01-01T00:00:00", "not a time", "", None, 5]
    )
    def test_unknown_age_is_missing(self, cache, stored_at):
        """An entry stored at a naive, unparsable or absent time is missing."""
        cache.put(SCOPE, "o/r", _entry())
        (path,) = (cache.directory / "github" / "entries").glob("*.json")
        document = json.loads(path.read_text())
        document["stored_at"] = stored_at
        path.write_text(json.dumps(document))
        assert None is cache.get(SCOPE, "o/r")

    def test_unknown_age_rewritten(self, cache):
        """The next put replaces an entry of unknown age with a dated one."""
        cache.put(SCOPE, "o/r", _entry())
        (path,) = (cache.directory / "github" / "entries").glob("*.json")
        document = json.loads(path.read_text())
        document["stored_at"] = "not a time"
        path.write_text(json.dumps(document))
        cache.put(SCOPE, "o/r", _entry())
        entry = cache.get(SCOPE, "o/r")
        assert entry is not None
        assert NOW == entry.stored_at

    def test_times_written_with_z(self, cache):
        """Stored times use the same ISO form as every other document."""
        cache.put(SCOPE, "o/r", _entry())
        (path,) = (cache.directory / "github" / "entries").glob("*.json")
        assert (
            "2026-11-26T12:00:00Z" == json.loads(path.read_text())["stored_at"]
        )


class TestAliases:
    def test_round_trip(self, cache):
        """Renames are stored per API host, old name folded."""
        cache.add_alias("https://h/", "Old/Name", "new/name")
        cache.add_alias("https://h", "a/b", "c/d")
        assert {"old/name": "new/name", "a/b": "c/d"} == cache.aliases(
            "https://h"
        )
        assert {} == cache.aliases("https://other")

    def test_malformed_file(self, cache):
        """A malformed alias file is ignored and rewritten."""
        path = cache.directory / "github" / "aliases.json"
        path.parent.mkdir(parents=True)
        path.write_text('{"format": 1, "aliases": {"https://h": []}}')
        assert {} == cache.aliases("https://h")
        path.write_text('{"format": 1, "aliases": []}')
        cache.add_alias("https://h", "a/b", "c/d")
        assert {"a/b": "c/d"} == cache.aliases("https://h")


class TestBlocks:
    def test_block_and_expiry(self, cache):
        """A block holds its resource (or everything) until its time."""
        now = datetime.now(timezone.utc)
        cache.block(SCOPE, "core", now + timedelta(minutes=5))
        assert (now + timedelta(minutes=5), False) == cache.blocked_until(
            SCOPE, "core"
        )
        assert None is cache.blocked_until(SCOPE, "graphql")
        cache.block(SCOPE, "*", now + timedelta(minutes=1), secondary=True)
        assert True is cache.blocked_until(SCOPE, "graphql")[1]
        assert False is cache.blocked_until(SCOPE, "core")[1]
        assert None is cache.blocked_until(
            SCOPE, "core", now=now + timedelta(hours=1)
        )

    def test_expired_blocks_forgotten(self, cache):
        """Writing a block drops the expired ones."""
        now = datetime.now(timezone.utc)
        cache.block(SCOPE, "core", now - timedelta(minutes=1))
        cache.block(SCOPE, "graphql", now + timedelta(minutes=1))
        document = json.loads(
            (cache.directory / "github" / "blocks.json").read_text()
        )
        assert [f"{SCOPE}|graphql"] == list(document["blocks"])

    def test_malformed_blocks(self, cache):
        """Malformed block files and entries are ignored."""
        path = cache.directory / "github" / "blocks.json"
        path.parent.mkdir(parents=True)
        path.write_text('{"format": 1, "blocks": []}')
        assert None is cache.blocked_until(SCOPE, "core")
        path.write_text(
            json.dumps(
                {
                    "format": 1,
                    "blocks": {
                        f"{SCOPE}|core": "x",
                        f"{SCOPE}|*": {"until": 5},
                    },
                }
            )
        )
        assert None is cache.blocked_until(SCOPE, "core")
        cache.block(SCOPE, "core", datetime.now(timezone.utc) + timedelta(1))
        assert None is not cache.blocked_until(SCOPE, "core")


class TestFiles:
    def test_cache_files_are_json(self, tmp_path):
        """Every file the cache writes is plain JSON with a format number."""
        cache = DiskCache(Path(tmp_path))
        cache.put(SCOPE, "o/r", _entry())
        cache.add_alias("h", "a/b", "c/d")
        cache.block(SCOPE, "core", datetime.now(timezone.utc) + timedelta(1))
        for path in (cache.directory / "github").rglob("*.json"):
            assert 1 == json.loads(path.read_text())["format"]
        assert os.sep not in token_fingerprint("a/b")
