"""The index client against bad URLs, proxies, damaged caches and huge pages."""

from __future__ import annotations

import json
import socket
import time

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dlchoose import DataOrigin, IndexData
from dlchoose._http import CachedResponse, Deadline, HttpCache, HttpClient
from dlchoose._index._client import Fetched, IndexReader, _FetchFailedError
from dlchoose._index._client import _newer as newer
from dlchoose._index._client import _parse as parse
from dlchoose._index._config import resolve_index
from dlchoose._index._releases import (
    ParseTimeoutError,
    Project,
    parse_project,
)
from dlchoose._time import utc_now
from tests.index_server import HOSTILE, IndexServer, Reply, page


SECRET = "s3cretpass"
BAD_PORT = f"https://alice:{SECRET}@pypi.example:99999/simple/"


@pytest.fixture(name="server")
def _server() -> Iterator[IndexServer]:
    with IndexServer() as server:
        yield server


@pytest.fixture(name="cache")
def _cache(tmp_path: Path) -> HttpCache:
    return HttpCache(tmp_path / "cache", "index")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def read_env(cache: HttpCache, env: dict[str, str], *names: str):
    """Refresh *names* with the index resolved from *env* (no argument)."""
    location = resolve_index(environ=env)
    http = HttpClient(retries=0, cache=cache)
    with IndexReader(location, cache=cache, http=http) as index:
        return index.read(names, refresh=True)


class TestBadIndexUrls:
    @pytest.mark.parametrize(
        "url", ["http://[::1/", BAD_PORT, "https://h:0x50/", "http:/nohost"]
    )
    def test_bad_argument_is_a_value_error(self, url):
        """An index URL argument that does not parse is a ValueError that
        never shows the password."""
        with pytest.raises(ValueError, match="index_url") as caught:
            resolve_index(url, {})
        assert SECRET not in str(caught.value)

    @pytest.mark.parametrize(
        "variable", ["DLCHOOSE_INDEX_URL", "PIP_INDEX_URL"]
    )
    @pytest.mark.parametrize("url", ["http://[::1/", BAD_PORT])
    def test_bad_environment_is_a_note(self, cache, variable, url):
        """A bad URL in the environment: the snapshot answers, with a note
        naming where it came from, and no password anywhere."""
        env = {variable: url, "PIP_CONFIG_FILE": "/dev/null"}
        location = resolve_index(environ=env)
        assert SECRET not in repr(location)
        assert SECRET not in location.url
        found = read_env(cache, env, "torch")["torch"]
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert variable in found.notes[0]
        assert "does not parse" in found.notes[0]
        assert SECRET not in " ".join(found.notes)

    def test_bad_pip_config_is_a_note(self, cache, tmp_path):
        """A pip.conf index-url that does not parse: a note, the snapshot."""
        config = tmp_path / "pip.conf"
        config.write_text("[global]\nindex-url = http://[bad/simple\n")
        env = {
            "PIP_CONFIG_FILE": str(config),
            "XDG_CONFIG_HOME": str(tmp_path),
        }
        found = read_env(cache, env, "torch")["torch"]
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert str(config) in found.notes[0]

    def test_userinfo_with_bad_port_is_never_shown(self):
        """Userinfo is stripped fail-closed even when the port is unparsable."""
        found = resolve_index(environ={"DLCHOOSE_INDEX_URL": BAD_PORT})
        assert "https://pypi.example:99999/simple/" == found.shown
        assert SECRET not in repr(found)
        assert found.problem


class TestProxy:
    @pytest.fixture(name="proxy")
    def _proxy(self, monkeypatch) -> Iterator[IndexServer]:
        """A loopback "proxy" that records what it receives (404 to all)."""
        with IndexServer() as proxy:
            for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
                monkeypatch.delenv(name, raising=False)
            root = proxy.url.removesuffix("simple/")
            for name in ("HTTP_PROXY", "http_proxy"):
                monkeypatch.setenv(name, root)
            yield proxy

    def test_the_proxy_is_used_without_credentials(self, proxy, cache):
        """Without credentials the request does go through the proxy (so
        the next test's silence means something)."""
        index = f"http://127.0.0.1:{_free_port()}/simple/"
        read_env(cache, {"DLCHOOSE_INDEX_URL": index}, "torch")
        assert [f"{index}torch/"] == proxy.paths()

    def test_credentials_never_go_through_a_proxy(self, proxy, cache):
        """Index credentials over plain http to loopback go direct, never
        to the proxy; the proxy sees no Authorization at all."""
        port = _free_port()
        index = f"http://alice:{SECRET}@127.0.0.1:{port}/simple/"
        found = read_env(cache, {"DLCHOOSE_INDEX_URL": index}, "torch")
        assert [] == proxy.seen
        assert DataOrigin.SNAPSHOT is found["torch"].data.origin
        assert SECRET not in " ".join(found["torch"].notes)

    def test_credentials_to_the_server_directly(self, proxy, server, cache):
        """The credentials reach the loopback index itself as Basic auth."""
        index = server.url.replace("http://", f"http://alice:{SECRET}@")
        read_env(cache, {"DLCHOOSE_INDEX_URL": index}, "cntk")
        assert [] == proxy.seen
        assert server.seen[0].headers["authorization"].startswith("Basic ")


def _fetched(read_at: datetime, origin: DataOrigin) -> Fetched:
    project = Project(name="x", releases=(), read_at=read_at)
    data = IndexData(origin=origin, read_at=read_at, index_url="u")
    return Fetched(project=project, data=data)


class TestDamagedCacheDates:
    def test_future_read_time_loses_to_the_snapshot(self):
        """A cache dated in 2999 is not newer than the snapshot: implausible."""
        snapshot = _fetched(
            utc_now() - timedelta(days=30), DataOrigin.SNAPSHOT
        )
        future = _fetched(
            datetime(2999, 1, 1, tzinfo=timezone.utc), DataOrigin.CACHE
        )
        assert newer(future, snapshot) is snapshot

    def test_absurd_read_times_never_crash(self):
        """Naive, far-future and before-2000 read times are all passed over."""
        absurd = [
            datetime(2999, 1, 1),  # naive  # noqa: DTZ001
            datetime.fromisoformat("9999-12-31T23:00:00-14:00"),
            datetime(1970, 1, 1, tzinfo=timezone.utc),
        ]
        assert newer(*(_fetched(m, DataOrigin.CACHE) for m in absurd)) is None

    @pytest.mark.parametrize(
        "stored_at", ["2999-01-01T00:00:00Z", "9999-12-31T23:00:00-14:00"]
    )
    def test_damaged_cache_file(self, server, cache, stored_at):
        """A cache file dated absurdly: no crash, the snapshot answers."""
        url = f"{server.url}cntk/"
        cache.put(
            "anon",
            url,
            CachedResponse(
                url=url, body=page({"files": []}).body, stored_at=utc_now()
            ),
        )
        (path,) = Path(cache.directory).rglob("*.json")
        document = json.loads(path.read_text())
        document["stored_at"] = stored_at
        path.write_text(json.dumps(document))
        server.routes["cntk"] = HOSTILE["server-error"]
        location = resolve_index(server.url, {})
        with IndexReader(
            location, cache=cache, http=HttpClient(retries=0)
        ) as index:
            found = index.read(["cntk"], refresh=True)["cntk"]
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert "2999" not in found.notes[0]


class TestHugePages:
    def test_parsing_checks_the_deadline(self):
        """Parsing a long file list asks the deadline every 1,000 files and
        stops as soon as it has passed."""
        files = [
            {"filename": f"pkg-1.{i}-py3-none-any.whl"} for i in range(5000)
        ]
        asked = []

        def expired() -> bool:
            asked.append(True)
            return len(asked) > 1

        with pytest.raises(ParseTimeoutError):
            parse_project(
                "pkg", {"files": files}, read_at=utc_now(), expired=expired
            )
        assert 2 == len(asked)
        done = parse_project(
            "pkg", {"files": files}, read_at=utc_now(), expired=lambda: False
        )
        assert 5000 == len(done.releases)

    def test_expired_deadline_while_parsing_is_a_fetch_failure(self):
        """A page read as the deadline passes falls back (noted), no CPU spent."""
        body = json.dumps(
            {"files": [{"filename": "pkg-1.0-py3-none-any.whl"}]}
        )
        with pytest.raises(_FetchFailedError, match="deadline"):
            parse("pkg", body.encode(), utc_now(), Deadline.within(0))


class TestDeadline:
    """The refresh deadline holds across the HTTP layer's retries."""

    def _timed_read(self, server, cache, reply):
        server.routes["torch"] = reply
        location = resolve_index(server.url, {})
        http = HttpClient(cache=cache)  # default retries, as in real use
        started = time.monotonic()
        with IndexReader(
            location, cache=cache, http=http, deadline=2.0
        ) as index:
            found = index.read(["torch"], refresh=True)["torch"]
        return found, time.monotonic() - started

    def test_stall_before_headers(self, server, cache):
        """An index that never sends its headers costs the deadline, not a
        read timeout per retry."""
        found, elapsed = self._timed_read(
            server, cache, Reply(stall_before=30.0)
        )
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert elapsed < 4.0

    def test_retry_after_beyond_the_deadline(self, server, cache):
        """A 503 asking to retry after 25 s is not waited for past the deadline."""
        reply = Reply(503, {"retry-after": "25"}, b"busy")
        found, elapsed = self._timed_read(server, cache, reply)
        assert ["/simple/torch/"] == server.paths()[:1]
        assert "503" in found.notes[0]
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert elapsed < 4.0


class TestHostileRedirect:
    def test_unparsable_location(self, server, cache):
        """A redirect to a URL that does not parse is refused: a note, the
        snapshot, no traceback."""
        server.routes["torch"] = Reply(302, {"location": "http://[::1/x"})
        location = resolve_index(server.url, {})
        with IndexReader(
            location, cache=cache, http=HttpClient(retries=0, cache=cache)
        ) as index:
            found = index.read(["torch"], refresh=True)["torch"]
        assert DataOrigin.SNAPSHOT is found.data.origin
        assert "redirect" in found.notes[0]
