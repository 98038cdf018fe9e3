"""JSON files on disk: damage of any shape, parallel writers, killed writers."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import warnings

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlchoose._http import (
    default_cache_dir,
    read_json,
    sweep_temp_files,
    update_json,
    write_json,
)
from dlchoose._metrics._cache import DiskCache


ROOT = Path(__file__).parent.parent
API = "https://api.github.com"
WRITERS = 8


def _writer(directory: str, index: int, start: Any) -> None:
    """One process: five renames and five blocks, after the barrier."""
    start.wait()
    cache = DiskCache(directory)
    until = datetime.now(timezone.utc) + timedelta(minutes=30)
    for round_ in range(5):
        cache.add_alias(API, f"o/old{index}-{round_}", f"o/new{index}")
        cache.block(f"scope{index}", f"core{round_}", until)


def run_writers(directory: Path, count: int = WRITERS) -> list[int | None]:
    """*count* real processes (forked: already imported, so they start
    together) updating the same shared files; their exit codes."""
    context: Any = multiprocessing.get_context(
        "fork" if sys.platform == "linux" else "spawn"
    )
    start = context.Event()
    children = [
        context.Process(target=_writer, args=(str(directory), i, start))
        for i in range(count)
    ]
    with warnings.catch_warnings():
        # 3.12+ warns that fork() in a threaded process may deadlock; the
        # children only touch files, never a lock another thread holds.
        warnings.simplefilter("ignore", DeprecationWarning)
        for child in children:
            child.start()
    start.set()
    for child in children:
        child.join(60)
    return [child.exitcode for child in children]


class TestParallelWriters:
    def test_eight_processes_lose_nothing(self, tmp_path):
        """8 processes updating aliases and blocks at once keep all 40
        aliases and 40 blocks (read-modify-write under a lock)."""
        assert [0] * WRITERS == run_writers(tmp_path / "c")
        cache = DiskCache(tmp_path / "c")
        aliases = cache.aliases(API)
        assert 5 * WRITERS == len(aliases)
        for i in range(WRITERS):
            for r in range(5):
                assert cache.blocked_until(f"scope{i}", f"core{r}") is not None
        leftovers = [p.name for p in (tmp_path / "c" / "github").iterdir()]
        assert not [n for n in leftovers if n.endswith(".tmp")]


class TestKilledWriters:
    def test_temp_file_of_killed_writer_swept(self, tmp_path):
        """A writer killed between creating its temporary file and the
        rename leaves a file that the next write removes."""
        directory = tmp_path / "c"
        directory.mkdir()
        code = (
            "import os, sys, time, tempfile\n"
            "tempfile.mkstemp(dir=sys.argv[1],"
            " prefix=f'.aliases.json.{os.getpid()}.', suffix='.tmp')\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n"
        )
        child = subprocess.Popen(
            [sys.executable, "-c", code, str(directory)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        assert b"ready\n" == child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        mine = directory / f".x.json.{os.getpid()}.keep.tmp"
        mine.write_text("", encoding="utf-8")
        parents = directory / f".z.json.{os.getppid()}.live.tmp"
        parents.write_text("", encoding="utf-8")
        old = directory / f".y.json.{os.getpid()}.old.tmp"
        old.write_text("", encoding="utf-8")
        two_hours_ago = time.time() - 7200
        os.utime(old, (two_hours_ago, two_hours_ago))
        (directory / "unrelated.tmp").write_text("", encoding="utf-8")
        assert 2 == sweep_temp_files(directory, force=True)
        names = sorted(p.name for p in directory.iterdir())
        assert sorted([mine.name, parents.name, "unrelated.tmp"]) == names
        assert 0 == sweep_temp_files(directory)  # once per process

    def test_write_failure_removes_temp_file(self, tmp_path):
        """A document that cannot be written leaves no temporary file."""
        with pytest.raises(TypeError):
            write_json(tmp_path / "x.json", {"bad": object()})
        assert [] == list(tmp_path.iterdir())


class TestDamagedFiles:
    @pytest.mark.parametrize(
        "content",
        [
            b"",
            b"\xff\xfe",
            b"{",
            b"[]",
            b'{"format": 2}',
            b"[" * 10_000,
            b'{"format": 1, "aliases": []}',
            b'{"format": 1, "aliases": {"https://api.github.com": []}}',
            (
                b'{"format": 1, "aliases": {"https://api.github.com":'
                b' {"a": 5, "noslash": "x", "o/r": "p/q"}}}'
            ),
            b'{"format": 1, "blocks": {"s|core": {"until": "9999-12-31T00:00:00+00:00"}}}',
            b'{"format": 1, "blocks": {"s|core": {"until": "0001-01-01T00:00:00+14:00"}}}',
            b'{"format": 1, "blocks": {"s|core": 7}}',
        ],
    )
    def test_shared_files(self, tmp_path, content):
        """Damaged aliases/blocks files are ignored, then replaced."""
        cache = DiskCache(tmp_path)
        root = tmp_path / "github"
        root.mkdir()
        for name in ("aliases.json", "blocks.json"):
            (root / name).write_bytes(content)
        aliases = cache.aliases(API)
        assert all("/" in k and "/" in v for k, v in aliases.items())
        assert None is cache.blocked_until("s", "core")
        cache.add_alias(API, "o/a", "o/b")
        until = datetime.now(timezone.utc) + timedelta(minutes=5)
        cache.block("s", "core", until)
        assert "o/b" == cache.aliases(API)["o/a"]
        assert cache.blocked_until("s", "core") is not None

    def test_far_block_capped(self, tmp_path):
        """A stored block is never believed for more than an hour."""
        cache = DiskCache(tmp_path)
        now = datetime.now(timezone.utc)
        cache.block("s", "core", now + timedelta(hours=20))
        found = cache.blocked_until("s", "core")
        assert found is not None
        assert found[0] <= now + timedelta(hours=1, seconds=5)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
    def test_fifo_does_not_hang(self, tmp_path):
        """A FIFO in place of a cache file is ignored at once."""
        os.mkfifo(tmp_path / "x.json")
        started = time.monotonic()
        assert None is read_json(tmp_path / "x.json")
        assert time.monotonic() - started < 1

    def test_directory_and_huge_file(self, tmp_path, monkeypatch):
        """A directory or an oversized file in place of a file is ignored."""
        (tmp_path / "d.json").mkdir()
        assert None is read_json(tmp_path / "d.json")
        from dlchoose._http import _store

        monkeypatch.setattr(_store, "MAX_FILE_BYTES", 10)
        (tmp_path / "big.json").write_text('{"a": "' + "x" * 20 + '"}')
        assert None is read_json(tmp_path / "big.json")

    def test_update_json_starts_empty_on_damage(self, tmp_path):
        """update_json applies the change to {} when the file is damaged."""
        path = tmp_path / "f.json"
        path.write_bytes(b"\x00garbage")
        update_json(path, lambda doc: {**doc, "n": 1})
        assert {"n": 1} == json.loads(path.read_text(encoding="utf-8"))

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        st.binary(max_size=200)
        | st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=30), inner, max_size=3)
            ),
            max_leaves=12,
        ).map(
            lambda doc: json.dumps(
                {"format": 1, "aliases": doc, "blocks": doc}
            ).encode()
        )
    )
    def test_any_shape(self, tmp_path, content):
        """Files of any shape never crash a read, and are replaced by the
        next write."""
        cache = DiskCache(tmp_path / "any")
        root = tmp_path / "any" / "github"
        root.mkdir(parents=True, exist_ok=True)
        for name in ("aliases.json", "blocks.json"):
            (root / name).write_bytes(content)
        cache.aliases(API)
        cache.blocked_until("s", "core")
        cache.add_alias(API, "o/a", "o/b")
        assert "o/b" == cache.aliases(API)["o/a"]


class TestDirectories:
    def test_platformdirs_default(self, monkeypatch):
        """Without DLCHOOSE_CACHE_DIR the platform's cache dir is used."""
        import platformdirs

        monkeypatch.delenv("DLCHOOSE_CACHE_DIR")
        expected = Path(
            platformdirs.user_cache_dir("dlchoose", appauthor=False)
        )
        assert expected == default_cache_dir()

    def test_explicit(self, monkeypatch, tmp_path):
        """DLCHOOSE_CACHE_DIR wins, with ~ expanded."""
        monkeypatch.setenv("DLCHOOSE_CACHE_DIR", str(tmp_path))
        assert tmp_path == default_cache_dir()
