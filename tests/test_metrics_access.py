"""GitHub URL and token resolution: one resolver, and no github.com token
ever reaches another host, through any command or library entry point.

Two loopback servers stand in for "the host from the environment" and
"the host given explicitly"; each records the Authorization header of
every request it received.
"""

from __future__ import annotations

import pytest

import dlchoose

from dlchoose import GitHubAccess, fetch_metrics, github_access, recommend
from dlchoose._cli import main
from dlchoose._metrics._access import resolve_access
from tests.github_server import FakeGitHub, repo_body
from tests.hostile_server import HostileServer, Raw


GITHUB_COM = "ghp_" + "GithubDotComSecret" * 2
OTHER = "other-host-token-" + "x" * 12
EXPLICIT = "explicit-token-" + "y" * 12


@pytest.fixture(name="env_host")
def _env_host(monkeypatch):
    """A server named by DLCHOOSE_GITHUB_API_URL, with github.com tokens
    in the environment."""
    with FakeGitHub() as server:
        server.add_repo(repo_body("pytorch/pytorch"))
        server.add_graphql([repo_body("pytorch/pytorch")])
        monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", server.url)
        monkeypatch.setenv("GITHUB_TOKEN", GITHUB_COM)
        monkeypatch.setenv("GH_TOKEN", GITHUB_COM)
        yield server


@pytest.fixture(name="explicit_host")
def _explicit_host():
    with FakeGitHub() as server:
        server.add_repo(repo_body("pytorch/pytorch"))
        server.add_graphql([repo_body("pytorch/pytorch")])
        yield server


def _tokens(server: FakeGitHub) -> set[str | None]:
    return {s.headers.get("authorization") for s in server.seen}


COMMANDS = {
    "stats": ["stats", "pytorch", "--json", "--deadline", "5"],
    "table": ["table", "--format", "json", "--deadline", "5"],
    "recommend": ["recommend", "--refresh", "--json"],
}


class TestCommands:
    @pytest.mark.parametrize("command", sorted(COMMANDS))
    def test_env_host_never_gets_github_token(self, env_host, capsys, command):
        """With GITHUB_TOKEN/GH_TOKEN set and the API URL from the
        environment, the other host is called without them."""
        main(COMMANDS[command])
        capsys.readouterr()
        assert env_host.seen, "the command did call the configured host"
        assert {None} == _tokens(env_host)

    @pytest.mark.parametrize("command", sorted(COMMANDS))
    def test_env_host_gets_its_own_token(
        self, env_host, monkeypatch, capsys, command
    ):
        """DLCHOOSE_GITHUB_TOKEN is the one token another host receives."""
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", OTHER)
        main(COMMANDS[command])
        capsys.readouterr()
        assert {f"Bearer {OTHER}"} == _tokens(env_host)

    @pytest.mark.parametrize("command", ["stats", "table"])
    def test_explicit_api_url(
        self, env_host, explicit_host, monkeypatch, capsys, command
    ):
        """--api-url wins over the environment's URL and gets
        DLCHOOSE_GITHUB_TOKEN, never GITHUB_TOKEN."""
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", OTHER)
        main([*COMMANDS[command], "--api-url", explicit_host.url])
        capsys.readouterr()
        assert [] == env_host.seen
        assert {f"Bearer {OTHER}"} == _tokens(explicit_host)

    @pytest.mark.parametrize("command", ["stats", "table"])
    @pytest.mark.parametrize(
        "url",
        ["", "  ", "ftp://x", "http://[::1", "http://u:pa55word@127.0.0.1:1"],
    )
    def test_bad_api_url_is_a_usage_error(self, capsys, command, url):
        """An empty, non-http or credential-carrying --api-url exits 2
        without echoing a password."""
        with pytest.raises(SystemExit) as info:
            main([*COMMANDS[command], "--api-url", url])
        assert 2 == info.value.code
        assert "pa55word" not in capsys.readouterr().err

    def test_env_url_with_userinfo_refused(self, monkeypatch, capsys):
        """DLCHOOSE_GITHUB_API_URL with user:password@ is an error."""
        monkeypatch.setenv(
            "DLCHOOSE_GITHUB_API_URL", "https://u:pa55word@ghe.example"
        )
        assert 2 == main(COMMANDS["stats"])
        err = capsys.readouterr().err
        assert "user:password@" in err
        assert "pa55word" not in err


class TestUnparsableUrls:
    @pytest.mark.parametrize(
        "url",
        [
            "https://alice:s3cretpass@h:0x50",
            "https://alice:s3cretpass@ghe.example:99999/api/v3",
            "http://alice:s3cretpass@[::1/api",
            "https://ghe.example:99999/api/v3",
            "http://[::1/api",
        ],
    )
    def test_github_access_refuses(self, url):
        """A URL whose host or port does not parse is refused, and its
        password never shows."""
        with pytest.raises(
            ValueError, match=r"user:password|does not parse"
        ) as info:
            github_access(url, token=EXPLICIT)
        assert "s3cretpass" not in str(info.value)

    @pytest.mark.parametrize(
        "url",
        [
            "https://alice:s3cretpass@ghe.example:99999/api/v3",
            "https://ghe.example:99999/api/v3",
        ],
    )
    def test_env_url_refused_without_echo(self, monkeypatch, capsys, url):
        """A bad DLCHOOSE_GITHUB_API_URL is an error that shows no password."""
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", OTHER)
        monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", url)
        assert 2 == main(COMMANDS["stats"])
        err = capsys.readouterr().err
        assert "s3cretpass" not in err
        assert OTHER not in err

    def test_hostile_redirect_is_no_usage_error(self, monkeypatch, capsys):
        """A Location that does not parse is a failed fetch (figures fall
        back), not a usage error that loses the report."""
        with HostileServer() as server:
            server.default = Raw(302, {"Location": "http://[::1/x"})
            monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", server.url)
            monkeypatch.delenv("DLCHOOSE_GITHUB_TOKEN", raising=False)
            code = main([*COMMANDS["stats"], "--no-cache"])
        captured = capsys.readouterr()
        assert 2 != code
        assert "redirected" in captured.err
        assert "pytorch/pytorch" in captured.out

    def test_bad_port_api_url_is_a_usage_error(self, capsys):
        """--api-url with a port that does not parse exits 2."""
        with pytest.raises(SystemExit) as info:
            main([*COMMANDS["stats"], "--api-url", "https://h:99999/api"])
        assert 2 == info.value.code


class TestLibrary:
    def test_fetch_metrics_keeps_explicit_token_off_env_host(
        self, env_host, tmp_path
    ):
        """fetch_metrics(token=...) never sends that token to a URL that
        came from the environment."""
        fetch_metrics("pytorch/pytorch", token=GITHUB_COM, cache_dir=tmp_path)
        assert env_host.seen
        assert {None} == _tokens(env_host)

    def test_recommend_refresh_keeps_token_off_env_host(self, env_host):
        """recommend(refresh=True, token=...) neither."""
        recommend(refresh=True, token=GITHUB_COM)
        assert env_host.seen
        assert GITHUB_COM not in str(_tokens(env_host))

    def test_explicit_pair_is_honoured(self, env_host, explicit_host):
        """An explicit api_url gets the explicit token, and only it."""
        fetch_metrics(
            "pytorch/pytorch",
            token=EXPLICIT,
            api_url=explicit_host.url,
            use_cache=False,
        )
        assert [] == env_host.seen
        assert {f"Bearer {EXPLICIT}"} == _tokens(explicit_host)

    def test_library_reads_no_github_token(self, explicit_host, monkeypatch):
        """Without token=, the library sends none (only the CLI reads
        GITHUB_TOKEN)."""
        monkeypatch.setenv("GITHUB_TOKEN", GITHUB_COM)
        fetch_metrics(
            "pytorch/pytorch", api_url=explicit_host.url, use_cache=False
        )
        assert {None} == _tokens(explicit_host)


class TestProxy:
    def test_token_over_plain_http_bypasses_proxies(
        self, explicit_host, monkeypatch
    ):
        """A token over plain http goes directly to the loopback host,
        never through a configured proxy."""
        with HostileServer() as proxy:
            for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
                monkeypatch.setenv(name, proxy.url)
            for name in ("NO_PROXY", "no_proxy"):
                monkeypatch.delenv(name, raising=False)
            fetch_metrics(
                "pytorch/pytorch",
                token=EXPLICIT,
                api_url=explicit_host.url,
                use_cache=False,
            )
            assert [] == proxy.seen
        assert {f"Bearer {EXPLICIT}"} == _tokens(explicit_host)


class TestResolver:
    @pytest.mark.parametrize(
        ("environment", "api_url", "token", "expected"),
        [
            (
                {"GITHUB_TOKEN": "a"},
                None,
                None,
                ("https://api.github.com", "a"),
            ),
            ({"GH_TOKEN": "b"}, None, None, ("https://api.github.com", "b")),
            (
                {"GITHUB_TOKEN": "a"},
                None,
                "t",
                ("https://api.github.com", "t"),
            ),
            (
                {"GITHUB_TOKEN": "a", "DLCHOOSE_GITHUB_API_URL": "https://h/"},
                None,
                "t",
                ("https://h", None),
            ),
            (
                {
                    "GITHUB_TOKEN": "a",
                    "DLCHOOSE_GITHUB_TOKEN": "c",
                    "DLCHOOSE_GITHUB_API_URL": "https://h",
                },
                None,
                "t",
                ("https://h", "c"),
            ),
            ({"GITHUB_TOKEN": "a"}, "https://h", None, ("https://h", None)),
            ({"GITHUB_TOKEN": "a"}, "https://h", "t", ("https://h", "t")),
            (
                {"DLCHOOSE_GITHUB_API_URL": "https://API.github.com/"},
                None,
                "t",
                ("https://api.github.com", "t"),
            ),
            (
                {"DLCHOOSE_GITHUB_API_URL": ""},
                None,
                None,
                ("https://api.github.com", None),
            ),
        ],
    )
    def test_table(self, environment, api_url, token, expected):
        """Explicit beats environment; github.com tokens only go to
        github.com; an environment URL brings its own token."""
        access = resolve_access(
            api_url, token, environ=environment, tokens_from_environment=True
        )
        assert expected == (access.api_url, access.token)

    @pytest.mark.parametrize(
        "url", ["", " ", "https://u:p@h", "https://tok@h/api/v3"]
    )
    def test_refused_urls(self, url):
        """Empty URLs and URLs with userinfo are refused."""
        with pytest.raises(ValueError, match=r"empty|user:password"):
            github_access(url)

    def test_token_hidden(self):
        """The token appears in no repr."""
        access = GitHubAccess(api_url="https://h", token=OTHER)
        assert OTHER not in repr(access)
        assert access.authenticated

    def test_plain_http_token_refused(self):
        """A token for a plain-http remote URL is refused."""
        with pytest.raises(ValueError, match="refusing"):
            GitHubAccess(api_url="http://ghe.example", token=OTHER)

    def test_public(self):
        """The resolver is public API."""
        assert dlchoose.github_access is github_access
        with pytest.raises(TypeError):
            github_access(5)  # type: ignore[arg-type]


class TestUsageErrors:
    def test_framework_without_repository(self, monkeypatch, capsys):
        """A registered framework without a repository is a usage error
        found before any request (exit 2)."""
        import attrs

        from dlchoose._cli import _metrics_cmd

        torch = dlchoose.get_framework("pytorch")
        bare = attrs.evolve(torch, repository=None)
        monkeypatch.setattr(_metrics_cmd, "get_framework", lambda _name: bare)
        monkeypatch.setenv("DLCHOOSE_OFFLINE", "1")
        assert 2 == main(["stats", "pytorch"])
        assert "has no GitHub repository" in capsys.readouterr().err

    def test_framework_objects_with_repositories_pass(self):
        """Framework objects with repositories need nothing more."""
        from dlchoose._cli._metrics_cmd import _without_repository

        torch = dlchoose.get_framework("pytorch")
        assert None is _without_repository([torch, "o/r", "no-such-name"])
