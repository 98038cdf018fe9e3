"""The package-index client: live answers, revalidation, faults, credentials."""

from __future__ import annotations

import os
import socket

from collections.abc import Iterator
from pathlib import Path

import pytest

from dlchoose import DataOrigin
from dlchoose._http import HttpCache, HttpClient
from dlchoose._index._client import ACCEPT, IndexReader
from dlchoose._index._config import PUBLIC_INDEX, IndexLocation, resolve_index
from dlchoose._index._snapshot import bundled
from tests.index_server import HOSTILE, IndexServer, Reply, page, recorded


def snap(name):
    """The recorded project (untyped: tests assert on its optional parts)."""
    return bundled().project(name)


@pytest.fixture(name="server")
def _server() -> Iterator[IndexServer]:
    with IndexServer() as server:
        yield server


@pytest.fixture(name="cache")
def _cache(tmp_path: Path) -> HttpCache:
    return HttpCache(tmp_path / "cache", "index")


def reader(url: str, cache: HttpCache, **kwargs) -> IndexReader:
    location = resolve_index(url, environ={})
    http = HttpClient(
        retries=0, cache=cache, offline=kwargs.pop("offline", False)
    )
    return IndexReader(location, cache=cache, http=http, **kwargs)


def read(url: str, cache: HttpCache, *names: str, **kwargs):
    with reader(url, cache, **kwargs) as index:
        return index.read(names, refresh=True), index


class TestLive:
    def test_reads_the_json_api(self, server, cache):
        """A refresh asks /simple/<name>/ for the PEP 691 JSON, once per name."""
        found, index = read(server.url, cache, "torch", "cntk")
        assert ["/simple/torch/", "/simple/cntk/"] == server.paths()
        assert all(ACCEPT == s.headers["accept"] for s in server.seen)
        assert 2 == index.requests_sent
        torch = found["torch"]
        assert DataOrigin.LIVE is torch.data.origin
        assert server.url == torch.data.index_url
        assert () == torch.notes
        assert "2.0.0" == torch.project.releases[0].version

    def test_warm_refresh_revalidates(self, server, cache):
        """A second refresh sends the ETag and takes the 304 as current."""
        read(server.url, cache, "torch")
        found, _ = read(server.url, cache, "torch")
        assert 2 == len(server.seen)
        assert "if-none-match" in server.seen[1].headers
        assert DataOrigin.LIVE is found["torch"].data.origin
        assert found["torch"].project.releases[-1].version

    def test_live_data_is_parsed_like_the_snapshot(self, server, cache):
        """The recorded live page and the snapshot agree on the newest release."""
        found, _ = read(server.url, cache, "cntk")
        live = found["cntk"].project.releases
        bundled_releases = snap("cntk").releases
        assert [r.version for r in live] == [
            r.version for r in bundled_releases
        ]
        assert live[-1].wheels == bundled_releases[-1].wheels


class TestFallback:
    def test_404_falls_back_to_the_snapshot(self, server, cache):
        """A 404 falls back to the snapshot with a dated note."""
        found, _ = read(server.url, cache, "tensorflow-gpu")
        fetched = found["tensorflow-gpu"]
        assert DataOrigin.SNAPSHOT is fetched.data.origin
        (note,) = fetched.notes
        assert "404" in note
        assert (
            f"snapshot of {bundled().generated.isoformat()}" in note[-30:]
            or "snapshot of" in note
        )

    def test_falls_back_to_the_cache_first(self, server, cache):
        """With an earlier answer cached, a failure falls back to the cache."""
        read(server.url, cache, "torch")
        server.routes["torch"] = HOSTILE["html"]
        found, _ = read(server.url, cache, "torch")
        fetched = found["torch"]
        assert DataOrigin.CACHE is fetched.data.origin
        assert "HTML" in fetched.notes[0]
        assert "using the cache of" in fetched.notes[0]

    @pytest.mark.parametrize("kind", sorted(set(HOSTILE) - {"stall"}))
    def test_hostile_replies_never_crash(self, server, cache, kind):
        """Every hostile reply ends in an answer: parsed or the snapshot, noted."""
        server.routes["torch"] = HOSTILE[kind]
        found, _ = read(server.url, cache, "torch")
        fetched = found["torch"]
        if kind in {"odd-files", "huge-number"}:
            assert DataOrigin.LIVE is fetched.data.origin
            assert fetched.project.releases
        else:
            assert DataOrigin.SNAPSHOT is fetched.data.origin
            assert fetched.notes

    def test_odd_files_are_skipped(self, server, cache):
        """Entries that are not usable files are skipped, valid ones kept."""
        server.routes["torch"] = HOSTILE["odd-files"]
        found, _ = read(server.url, cache, "torch")
        releases = found["torch"].project.releases
        assert ["9.0.0", "9.1.0"] == [r.version for r in releases]
        nine = releases[0]
        assert not nine.yanked  # one file yanked, the others not
        assert 1 == len(nine.wheels)  # listed three times, kept once
        assert nine.requires_python is None  # the invalid one is ignored
        assert 2030 == nine.uploaded.year  # year 1 is implausible, ignored
        # 9.1.0: the wheel is kept but flagged yanked (any reason string
        # counts), the sdist is not yanked; its bad upload time is ignored.
        assert (False, [True], True) == (
            releases[1].yanked,
            [w.yanked for w in releases[1].wheels],
            releases[1].sdist,
        )

    def test_stall_hits_the_deadline_once(self, server, cache):
        """A stalled index costs one deadline; later names are not asked."""
        server.routes["torch"] = HOSTILE["stall"]
        found, _ = read(server.url, cache, "torch", "cntk", deadline=1.0)
        assert ["/simple/torch/"] == server.paths()
        assert DataOrigin.SNAPSHOT is found["cntk"].data.origin
        assert "failed earlier" in found["cntk"].notes[0]

    def test_unreachable_index(self, cache):
        """A refused connection falls back and is not retried per name."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        found, index = read(
            f"http://127.0.0.1:{port}/simple/", cache, "torch", "cntk"
        )
        assert 1 == index.requests_sent
        assert all(
            DataOrigin.SNAPSHOT is f.data.origin for f in found.values()
        )

    def test_offline_sends_nothing(self, server, cache):
        """Offline, no request is sent and the note says so."""
        found, _ = read(server.url, cache, "torch", offline=True)
        assert [] == server.paths()
        assert "offline" in found["torch"].notes[0]

    def test_file_index_is_refused_honestly(self, cache):
        """A file:// index is not read; the snapshot answers, with a note."""
        found, _ = read("file:///opt/pypi/simple", cache, "torch")
        assert "not an http(s) URL" in found["torch"].notes[0]

    def test_unknown_everywhere(self, server, cache):
        """A name neither the index nor the snapshot knows: empty, noted."""
        found, _ = read(server.url, cache, "no-such-dist")
        fetched = found["no-such-dist"]
        assert () == tuple(fetched.project.releases)
        assert "neither" in fetched.notes[-1]

    def test_without_refresh_only_the_snapshot(self, server, cache):
        """Without a refresh nothing is requested."""
        with reader(server.url, cache) as index:
            found = index.read(["torch"], refresh=False)
        assert [] == server.paths()
        assert DataOrigin.SNAPSHOT is found["torch"].data.origin

    def test_implausibly_many_files(self, server, cache, monkeypatch):
        """A file list longer than any real project's is refused."""
        from dlchoose._index import _releases

        monkeypatch.setattr(_releases, "MAX_FILES", 2)
        server.routes["torch"] = page({"files": [{}, {}, {}]})
        found, _ = read(server.url, cache, "torch")
        assert "not a project page" in found["torch"].notes[0]

    def test_damaged_cache_is_skipped(self, server, cache):
        """A cached copy that no longer parses is passed over for the snapshot."""
        from dlchoose._http import CachedResponse
        from dlchoose._time import utc_now

        url = f"{server.url}torch/"
        cache.put(
            "anon",
            url,
            CachedResponse(url=url, body=b"garbage", stored_at=utc_now()),
        )
        server.routes["torch"] = HOSTILE["not-found"]
        found, _ = read(server.url, cache, "torch")
        assert DataOrigin.SNAPSHOT is found["torch"].data.origin

    def test_unreadable_cache(self, server, tmp_path):
        """A cache that cannot be read is treated as empty."""

        class Broken(HttpCache):
            def get(self, scope, url):
                raise OSError("disk on fire")

            def put(self, scope, url, entry):
                pass

        location = resolve_index(server.url, environ={})
        with IndexReader(
            location, cache=Broken(tmp_path), http=HttpClient(retries=0)
        ) as index:
            found = index.read(["torch", "cntk"], refresh=True)
        assert DataOrigin.LIVE is found["torch"].data.origin
        server.routes["cntk"] = HOSTILE["html"]
        with IndexReader(
            location, cache=Broken(tmp_path), http=HttpClient(retries=0)
        ) as index:
            found = index.read(["cntk"], refresh=True)
        assert DataOrigin.SNAPSHOT is found["cntk"].data.origin

    def test_index_from_the_environment(self, server, monkeypatch, tmp_path):
        """Without a location the reader resolves the index when refreshing."""
        monkeypatch.setenv("DLCHOOSE_INDEX_URL", server.url)
        cache = HttpCache(tmp_path, "index")
        with IndexReader(
            cache=cache, http=HttpClient(retries=0, cache=cache)
        ) as index:
            found = index.read(["cntk"], refresh=True)
        assert server.url == found["cntk"].data.index_url


class TestCredentials:
    def test_user_without_password(self, server, cache):
        """A user name alone still goes as Basic auth."""
        url = server.url.replace("http://", "http://alice@")
        read(url, cache, "cntk")
        assert server.seen[0].headers["authorization"].startswith("Basic ")

    def test_basic_auth_to_loopback(self, server, cache, tmp_path):
        """Credentials in the URL become Basic auth; never shown or cached."""
        url = server.url.replace("http://", "http://alice:s3cr3t@")
        found, index = read(url, cache, "torch")
        assert server.seen[0].headers["authorization"].startswith("Basic ")
        assert "s3cr3t" not in repr(index.location)
        assert "s3cr3t" not in found["torch"].data.index_url
        for path in tmp_path.rglob("*"):
            if path.is_file():
                assert b"s3cr3t" not in path.read_bytes()

    def test_no_credentials_in_clear_text(self, cache):
        """Credentials are not sent over plain http to another host."""
        found, index = read(
            "http://alice:s3cr3t@example.invalid/simple/", cache, "torch"
        )
        assert 0 == index.requests_sent
        note = found["torch"].notes[0]
        assert "only over https" in note
        assert "s3cr3t" not in note

    def test_server_echoing_the_secret_is_redacted(self, server, cache):
        """A server that echoes the credential in an error never gets it shown."""
        server.routes["torch"] = Reply(
            200, {"content-type": "text/html"}, b"s3cr3t"
        )
        url = server.url.replace("http://", "http://alice:s3cr3t@")
        found, _ = read(url, cache, "torch")
        assert all("s3cr3t" not in note for note in found["torch"].notes)


class TestResolveIndex:
    def test_default(self, tmp_path):
        """Without settings the public index is used."""
        env = {"PIP_CONFIG_FILE": os.devnull}
        assert IndexLocation(
            PUBLIC_INDEX, PUBLIC_INDEX, "default"
        ) == resolve_index(environ=env)

    def test_precedence(self):
        """Argument, then DLCHOOSE_INDEX_URL, then PIP_INDEX_URL."""
        env = {
            "DLCHOOSE_INDEX_URL": "https://a/simple",
            "PIP_INDEX_URL": "https://b/simple/",
            "PIP_CONFIG_FILE": os.devnull,
        }
        assert (
            "https://c/simple/" == resolve_index("https://c/simple", env).url
        )
        assert ("https://a/simple/", "DLCHOOSE_INDEX_URL") == resolve_index(
            environ=env
        )[1:3]
        del env["DLCHOOSE_INDEX_URL"]
        assert "PIP_INDEX_URL" == resolve_index(environ=env).origin

    def test_pip_config_files(self, tmp_path):
        """index-url from pip's files; [install] over [global]; later files win."""
        xdg = tmp_path / "xdg" / "pip"
        xdg.mkdir(parents=True)
        (xdg / "pip.conf").write_text(
            "[global]\nindex-url = https://global/simple\n"
        )
        explicit = tmp_path / "explicit.conf"
        explicit.write_text(
            "[global]\nindex-url = https://g/simple\n"
            "[install]\nindex_url = https://i/simple\n"
        )
        env = {
            # An empty entry (a trailing separator) is skipped, as pip does.
            "XDG_CONFIG_DIRS": f"{tmp_path / 'xdg'}{os.pathsep}",
            "XDG_CONFIG_HOME": str(tmp_path),
        }
        assert "https://global/simple/" == resolve_index(environ=env).url
        env["PIP_CONFIG_FILE"] = str(explicit)
        found = resolve_index(environ=env)
        assert ("https://i/simple/", str(explicit)) == (
            found.url,
            found.origin,
        )

    def test_broken_config_is_ignored(self, tmp_path):
        """An unreadable config file is skipped, not an error."""
        bad = tmp_path / "bad.conf"
        bad.write_bytes(b"\xff\xfe[global\nindex-url")
        env = {
            "PIP_CONFIG_FILE": str(bad),
            "XDG_CONFIG_DIRS": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path),
        }
        assert "default" == resolve_index(environ=env).origin

    def test_credentials_are_not_shown(self):
        """The shown URL has no credentials; the repr shows no URL with them."""
        found = resolve_index("https://u:pw@host/simple/", {})
        assert "https://host/simple/" == found.shown
        assert "pw" not in repr(found)

    def test_bad_arguments(self):
        """An empty index URL is a ValueError, a non-string a TypeError."""
        with pytest.raises(ValueError, match="non-empty"):
            resolve_index("  ", {})
        with pytest.raises(TypeError):
            resolve_index(5, {})  # type: ignore[arg-type]

    def test_page_helper_sets_an_etag(self):
        """The test server's pages carry an ETag (revalidation needs one)."""
        assert page(recorded("cntk")).headers["etag"]
