"""``stats`` and ``table`` without a network: fast, remembered, one line."""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import time

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dlchoose import GitHubClient, fetch_metrics
from dlchoose._cli import _metrics_cmd, _waiting, main
from dlchoose._http._reach import FILE_NAME
from dlchoose._metrics._access import DEFAULT_API_URL
from dlchoose._metrics._cache import CacheEntry, DiskCache
from dlchoose._metrics._values import MetricsSource, RepoMetrics

from .hostile_server import HostileServer, Raw
from .test_http_reach import closed_port_url


SNAPSHOT_NOTE = (
    "dlchoose: offline (api.github.com: the host name does not resolve):"
    " using the snapshot of 2026-08-22; --offline skips this check"
)


@pytest.fixture(name="no_dns")
def _no_dns(monkeypatch):
    """api.github.com does not resolve (as on a machine without network)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "api.github.com":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service unknown")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(name="memory_file")
def _memory_file() -> Path:
    return Path(os.environ["DLCHOOSE_CACHE_DIR"]) / FILE_NAME


class TestFirstFailureStopsTheRun:
    def test_no_dns_table_is_fast_and_says_one_line(self, no_dns, capsys):
        """Without DNS, table answers from the snapshot at once with one
        line on stderr."""
        start = time.monotonic()
        assert 0 == main(["table", "--format", "csv"])
        assert time.monotonic() - start < 3.0
        captured = capsys.readouterr()
        assert "pytorch" in captured.out
        assert [SNAPSHOT_NOTE] == captured.err.splitlines()

    def test_closed_port_stats_fails_fast(self, capsys):
        """A refused API URL (no snapshot for it): exit 1 at once, the
        error line and the one offline line."""
        url = closed_port_url()
        start = time.monotonic()
        assert 1 == main(["stats", "o/a", "o/b", "o/c", "--api-url", url])
        assert time.monotonic() - start < 3.0
        host = url.removeprefix("http://")
        assert [
            (
                "dlchoose: error: no figures for any of the 3 repositories"
                " asked for"
            ),
            (
                f"dlchoose: offline ({host}: connection refused);"
                " --offline skips this check"
            ),
        ] == capsys.readouterr().err.splitlines()

    def test_stalling_server_ends_at_the_deadline_once(self, capsys):
        """A server that never answers costs one deadline, not one per
        repository, and later repositories send nothing."""
        with HostileServer() as server:
            server.default = Raw(stall=5.0)
            start = time.monotonic()
            names = [f"o/r{i}" for i in range(8)]
            main(["stats", *names, "--api-url", server.url, "--deadline", "1"])
            assert time.monotonic() - start < 4.0
            assert len(server.seen) <= 4  # at most the workers in flight
        host = server.url.removeprefix("http://")
        assert [
            (
                "dlchoose: error: no figures for any of the 8 repositories"
                " asked for"
            ),
            (
                f"dlchoose: offline ({host}: no answer within the 1 s deadline);"
                " --offline skips this check"
            ),
        ] == capsys.readouterr().err.splitlines()

    def test_library_report_says_why(self, no_dns):
        """The report carries the reason and a single note."""
        report = fetch_metrics(["pytorch/pytorch", "google/jax"])
        assert "api.github.com: the host name does not resolve" == (
            report.offline_reason
        )
        assert 1 == len(report.notes)
        assert 2 == len(report.results)

    def test_http_errors_do_not_go_offline(self, capsys):
        """A 404 is an answer: no offline line, nothing remembered."""
        with HostileServer() as server:
            assert 1 == main(["stats", "o/a", "--api-url", server.url])
        err = capsys.readouterr().err
        assert "offline" not in err
        assert "not found" in err


class TestReasons:
    def test_deadline_is_the_reason(self, tmp_path):
        """Work left undone at the deadline makes the deadline the reason,
        said in one line."""
        client = GitHubClient(
            api_url="https://ghe.example/api/v3", cache=None, deadline=2.0
        )
        error = client._as_error(None, "o/a")
        assert "deadline" in str(error)
        assert "ghe.example: no answer within the 2 s deadline" == (
            client.unreachable
        )

    def test_cached_figures_named(self, no_dns, tmp_path):
        """Falling back to cached figures names them and their date."""
        cache = DiskCache(tmp_path, ttl=timedelta(0))
        old = RepoMetrics(
            full_name="o/a",
            requested="o/a",
            stars=1,
            source=MetricsSource.REST,
            observed_at=datetime(2026, 1, 2, tzinfo=timezone.utc),
        )
        cache.put(
            DiskCache.scope_for(DEFAULT_API_URL, None),
            "o/a",
            CacheEntry(metrics=old, stored_at=old.observed_at),
        )
        with GitHubClient(cache=cache) as client:
            report = client.fetch(["o/a"])
        assert (
            (
                "offline (api.github.com: the host name does not resolve):"
                " using cached figures (oldest from 2026-01-02);"
                " --offline skips this check"
            ),
        ) == report.notes


class TestMemory:
    def test_next_run_does_not_try(self, tmp_path):
        """Within minutes, the next client (run) sends nothing and says
        when it will try again."""
        with HostileServer() as server:
            server.default = Raw(stall=5.0)

            def run() -> str | None:
                client = GitHubClient(
                    api_url=server.url,
                    read_timeout=0.3,
                    retries=0,
                    cache=DiskCache(tmp_path),
                )
                with client:
                    return client.fetch(["o/a", "o/b"]).offline_reason

            first = run()
            seen = len(server.seen)
            start = time.monotonic()
            second = run()
            assert time.monotonic() - start < 0.3
            assert seen == len(server.seen)
        assert first is not None
        assert "stopped answering" in first
        assert second is not None
        assert "next try after" in second
        assert server.url in (tmp_path / FILE_NAME).read_text()

    def test_damaged_memory_is_replaced(self, capsys, memory_file):
        """A damaged memory file is not trusted: the run tries, and the
        file is rewritten."""
        memory_file.parent.mkdir(parents=True, exist_ok=True)
        memory_file.write_text("{ damaged")
        url = closed_port_url()
        assert 1 == main(["stats", "o/a", "--api-url", url])
        assert "connection refused);" in capsys.readouterr().err
        document = json.loads(memory_file.read_text())
        assert [url] == list(document["unreachable"])

    def test_no_cache_neither_reads_nor_writes(self, capsys, memory_file):
        """--no-cache also leaves the memory alone."""
        url = closed_port_url()
        main(["stats", "o/a", "--api-url", url, "--no-cache"])
        assert not memory_file.exists()


class TestWaitingOnATerminal:
    def test_stall_is_announced(self, capsys, monkeypatch):
        """On a terminal, a slow fetch says what it waits for and how to
        skip it, soon after it starts."""
        monkeypatch.setattr(_waiting, "WAITING_NOTICE_AFTER", 0.05)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        with HostileServer() as server:
            server.default = Raw(stall=5.0)
            main(["stats", "o/a", "--api-url", server.url, "--deadline", "1"])
        host = server.url.removeprefix("http://")
        lines = capsys.readouterr().err.splitlines()
        assert (
            f"dlchoose: waiting for {host} (at most 1 s);"
            " --offline skips the network, Ctrl-C stops"
        ) == lines[0]

    def test_quick_fetch_is_not_announced(self, capsys, monkeypatch):
        """A fetch that ends quickly prints no waiting line."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        main(["stats", "o/a", "--api-url", closed_port_url()])
        assert "waiting" not in capsys.readouterr().err

    def test_progress_line_is_closed(self, capsys, monkeypatch):
        """A progress line cut short by the deadline still ends its line
        before the waiting notice and the notes."""
        monkeypatch.setattr(_waiting, "WAITING_NOTICE_AFTER", 0.3)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        with HostileServer() as server:
            server.routes["/repos/o/fast"] = Raw(status=404)
            server.default = Raw(stall=5.0)
            names = ["o/fast", *(f"o/r{i}" for i in range(5))]
            main(["stats", *names, "--api-url", server.url, "--deadline", "1"])
        err = capsys.readouterr().err
        assert "\rdlchoose: fetching 1/6 repositories\n" in err
        lines = err.split("\n")
        assert "" == lines.pop()
        assert all(
            line.lstrip("\r").startswith("dlchoose: ") for line in lines
        )

    def test_progress_cut_short_ends_its_line(self):
        """Closing the status ends a progress line left open."""
        stream = io.StringIO()
        status = _waiting.TerminalStatus(stream, "h")
        status.progress(1, 3)
        status.close()
        status.close()
        assert "\rdlchoose: fetching 1/3 repositories\n" == stream.getvalue()

    def test_default_deadline(self):
        """The default deadline is one a person waits for."""
        assert 10 <= _metrics_cmd.DEFAULT_DEADLINE <= 30
