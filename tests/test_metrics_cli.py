"""``dlchoose stats`` and ``dlchoose table``."""

from __future__ import annotations

import csv
import io
import json
import re
import sys

import pytest

import dlchoose

from dlchoose._cli import main
from tests.github_server import FakeGitHub, Reply, repo_body


STATS_KEYS = [
    "framework",
    "repo",
    "stars",
    "forks",
    "watchers",
    "open_issues",
    "open_issues_include_pulls",
    "archived",
    "pushed_at",
    "license",
    "latest_release",
    "source",
    "observed_at",
]


@pytest.fixture(autouse=True)
def _no_enterprise_token(monkeypatch):
    monkeypatch.delenv("DLCHOOSE_GITHUB_TOKEN", raising=False)


@pytest.fixture(name="github")
def _github_server():
    with FakeGitHub() as server:
        server.add_repo(repo_body("pytorch/pytorch", 123))
        yield server


def _json(capsys):
    return json.loads(capsys.readouterr().out)


@pytest.fixture(name="wide")
def _wide(monkeypatch):
    """A terminal wide enough for every column."""
    monkeypatch.setenv("COLUMNS", "250")


class TestStats:
    def test_offline_json_schema(self, capsys):
        """Offline JSON: snapshot-dated figures under the documented keys."""
        assert 0 == main(["stats", "--offline", "--json", "--explain"])
        captured = capsys.readouterr()
        document = json.loads(captured.out)
        assert ["repositories", "errors"] == list(document)
        first = document["repositories"][0]
        assert STATS_KEYS == list(first)
        assert "snapshot" == first["source"]
        assert "tensorflow" == first["framework"]
        assert {"keras-team/tf-keras", "pymc-devs/pytensor"} <= {
            e["repo"] for e in document["errors"]
        }
        assert "bundled snapshot (as of 2026-08-22)" in captured.err

    def test_live_json(self, github, capsys):
        """A live fetch reports REST figures with the framework key."""
        assert 0 == main(
            ["stats", "pytorch", "--api-url", github.url, "--json"]
        )
        (repo,) = _json(capsys)["repositories"]
        assert ("pytorch", "pytorch/pytorch", 123, "rest") == (
            repo["framework"],
            repo["repo"],
            repo["stars"],
            repo["source"],
        )
        assert {"tag": "v1.0.0", "published_at": "2013-02-27T19:35:32Z"} == (
            repo["latest_release"]
        )
        assert 2 == len(github.seen)

    def test_enterprise_token_from_environment(
        self, github, capsys, monkeypatch
    ):
        """DLCHOOSE_GITHUB_TOKEN switches another API to one GraphQL
        request."""
        github.add_graphql([repo_body("pytorch/pytorch", 9)])
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", "ghp_" + "z" * 36)
        assert 0 == main(
            ["stats", "pytorch", "--api-url", github.url, "--json"]
        )
        assert "graphql" == _json(capsys)["repositories"][0]["source"]
        assert 1 == github.count("POST")

    @pytest.mark.parametrize("variable", ["GITHUB_TOKEN", "GH_TOKEN"])
    def test_github_token_not_sent_elsewhere(
        self, github, capsys, monkeypatch, variable
    ):
        """GITHUB_TOKEN and GH_TOKEN never go to another API URL."""
        monkeypatch.setenv(variable, "ghp_" + "z" * 36)
        assert 0 == main(
            ["stats", "pytorch", "--api-url", github.url, "--json"]
        )
        assert "rest" == _json(capsys)["repositories"][0]["source"]
        assert 0 == github.count("POST")
        assert all("authorization" not in s.headers for s in github.seen)

    def test_environment_api_url_gets_no_github_token(
        self, github, capsys, monkeypatch
    ):
        """DLCHOOSE_GITHUB_API_URL counts as another host too."""
        monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "z" * 36)
        monkeypatch.setenv("DLCHOOSE_GITHUB_API_URL", github.url)
        assert 0 == main(["stats", "pytorch", "--json"])
        assert all("authorization" not in s.headers for s in github.seen)
        assert 2 == len(github.seen)

    @pytest.mark.parametrize(
        ("environment", "api_url", "expected"),
        [
            (
                {"GITHUB_TOKEN": "a", "GH_TOKEN": "b"},
                "https://api.github.com",
                "a",
            ),
            ({"GH_TOKEN": "b"}, "https://API.github.com/", "b"),
            ({"DLCHOOSE_GITHUB_TOKEN": "c"}, "https://api.github.com", None),
            ({"GITHUB_TOKEN": "a"}, "https://ghe.example/api/v3", None),
            (
                {"DLCHOOSE_GITHUB_TOKEN": "c"},
                "https://ghe.example/api/v3",
                "c",
            ),
        ],
    )
    def test_token_choice(self, monkeypatch, environment, api_url, expected):
        """github.com reads GITHUB_TOKEN/GH_TOKEN; other hosts only
        DLCHOOSE_GITHUB_TOKEN."""
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        assert expected == dlchoose.github_access(api_url).token

    @pytest.mark.parametrize("command", ["stats", "table"])
    def test_token_refused_for_plain_http(self, capsys, monkeypatch, command):
        """A token for a plain-HTTP remote API is a usage error (exit 2)."""
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", "ghp_" + "z" * 36)
        argv = [command, "--api-url", "http://ghe.example/api/v3"]
        assert 2 == main(argv)
        captured = capsys.readouterr()
        assert "" == captured.out
        assert captured.err.startswith(
            "dlchoose: error: refusing to send a GitHub token"
        )
        assert "ghp_" not in captured.err

    @pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "soon"])
    def test_deadline_must_be_positive_and_finite(self, capsys, value):
        """--deadline rejects non-positive and non-finite values (exit 2)."""
        with pytest.raises(SystemExit) as info:
            main(["stats", "--offline", "--deadline", value])
        assert 2 == info.value.code
        assert "--deadline" in capsys.readouterr().err

    def test_text_output(self, github, capsys, wide):
        """The text table shows figures and where they came from."""
        assert 0 == main(["stats", "pytorch/pytorch", "--api-url", github.url])
        out = capsys.readouterr().out
        assert "pytorch/pytorch" in out
        assert "123" in out
        assert "(live)" in out
        assert " no " in out

    def test_offline_text(self, capsys, wide):
        """Offline text output dates snapshot figures and leaves gaps."""
        assert 0 == main(["stats", "caffe", "--offline"])
        line = capsys.readouterr().out.splitlines()[2]
        assert line.startswith("caffe")
        assert "(snapshot)" in line

    def test_snapshot_issues_marked(self, capsys, wide):
        """Snapshot open-issue counts are marked as issues only."""
        assert 0 == main(["stats", "pytorch", "--offline"])
        lines = capsys.readouterr().out.splitlines()
        assert "* open issues only, without pull requests" in lines[-1]
        assert "open issues+PRs" in lines[0]
        assert re.search(r"\b[\d,]+\*", lines[2])

    def test_live_issues_not_marked(self, github, capsys, wide):
        """Live figures count pull requests too and carry no mark."""
        assert 0 == main(["stats", "pytorch", "--api-url", github.url])
        out = capsys.readouterr().out
        assert "*" not in out
        assert 3 == len(out.splitlines())

    def test_json_says_what_open_issues_count(self, github, capsys):
        """Each JSON entry says whether open_issues includes pull requests."""
        assert 0 == main(["stats", "pytorch", "--offline", "--json"])
        assert (
            False
            is _json(capsys)["repositories"][0]["open_issues_include_pulls"]
        )
        assert 0 == main(
            ["stats", "pytorch", "--api-url", github.url, "--json"]
        )
        assert (
            True
            is _json(capsys)["repositories"][0]["open_issues_include_pulls"]
        )

    def test_all_failed(self, github, capsys):
        """No figures at all: exit 1, the reason and an error line."""
        assert 1 == main(
            ["stats", "example-org/missing", "--api-url", github.url]
        )
        assert [
            "dlchoose: error: no figures for the repository asked for",
            "dlchoose: example-org/missing: not found or not accessible (404)",
        ] == capsys.readouterr().err.splitlines()

    def test_all_failed_counts(self, github, capsys):
        """With several repositories the error line counts them."""
        assert 1 == main(
            ["stats", "o/a", "o/b", "--api-url", github.url, "--json"]
        )
        assert [
            (
                "dlchoose: error: no figures for any of the 2 repositories"
                " asked for"
            ),
            "dlchoose: 2 notes; --explain shows them",
        ] == capsys.readouterr().err.splitlines()

    def test_unknown_framework(self, capsys):
        """An unknown name is a usage-level error with exit 1."""
        assert 1 == main(["stats", "no-such-thing", "--offline"])
        assert "Unknown framework" in capsys.readouterr().err

    def test_progress_on_a_terminal(self, github, capsys, monkeypatch):
        """Many repositories on a terminal: progress on stderr."""
        names = [f"o/r{i}" for i in range(5)]
        for name in names:
            github.add_repo(repo_body(name))
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        assert 0 == main(
            ["stats", *names, "--api-url", github.url, "--no-cache"]
        )
        assert "fetching 5/5 repositories" in capsys.readouterr().err

    def test_error_message_gets_repo(self, github, capsys, monkeypatch):
        """Errors that do not name their repository get it prefixed."""
        github.add(
            "POST", "/graphql", Reply(401, {"message": "Bad credentials"})
        )
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", "ghp_" + "z" * 36)
        assert 1 == main(["stats", "o/gone", "--api-url", github.url])
        assert "o/gone: GitHub refused the credentials" in (
            capsys.readouterr().err
        )


class TestTable:
    def test_markdown(self, capsys):
        """The classic comparison, with snapshot dates."""
        assert 0 == main(["table", "--offline"])
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("| Framework | Organisation | Languages")
        assert any("(snapshot)" in line for line in lines)
        assert any(line.startswith("| PyTorch |") for line in lines)

    def test_json(self, capsys):
        """JSON rows carry the facts and the figures' source and date."""
        assert 0 == main(["table", "--offline", "--format", "json"])
        rows = _json(capsys)["frameworks"]
        pytorch = next(r for r in rows if r["framework"] == "pytorch")
        assert [
            "framework",
            "name",
            "organisation",
            "languages",
            "repo",
            "stars",
            "forks",
            "status",
            "source",
            "observed_at",
        ] == list(pytorch)
        assert "snapshot" == pytorch["source"]

    def test_csv(self, capsys):
        """CSV has a header row and joins languages with semicolons."""
        assert 0 == main(["table", "--offline", "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        pytorch = next(r for r in rows if r["framework"] == "pytorch")
        assert "Python" in pytorch["languages"].split("; ")
        missing = next(r for r in rows if r["framework"] == "pytensor")
        assert "" == missing["stars"]

    def test_live(self, github, capsys):
        """Live figures are dated as live."""
        assert 0 == main(["table", "--api-url", github.url, "--deadline", "3"])
        out = capsys.readouterr().out
        pytorch = next(
            line for line in out.splitlines() if "| PyTorch |" in line
        )
        assert "123" in pytorch
        assert "(live)" in pytorch
