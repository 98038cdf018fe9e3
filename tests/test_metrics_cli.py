"""``dlchoose stats`` and ``dlchoose table``."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from dlchoose._cli import main
from tests.github_server import FakeGitHub, Reply, repo_body


STATS_KEYS = [
    "framework",
    "repo",
    "stars",
    "forks",
    "watchers",
    "open_issues",
    "archived",
    "pushed_at",
    "license",
    "latest_release",
    "source",
    "observed_at",
]


@pytest.fixture(name="github")
def _github_server():
    with FakeGitHub() as server:
        server.add_repo(repo_body("pytorch/pytorch", 123))
        yield server


def _json(capsys):
    return json.loads(capsys.readouterr().out)


class TestStats:
    def test_offline_json_schema(self, capsys):
        """Offline JSON: snapshot-dated figures under the documented keys."""
        assert 0 == main(["stats", "--offline", "--json"])
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

    @pytest.mark.parametrize("variable", ["GITHUB_TOKEN", "GH_TOKEN"])
    def test_token_from_environment(
        self, github, capsys, monkeypatch, variable
    ):
        """GITHUB_TOKEN or GH_TOKEN switches to one GraphQL request."""
        github.add_graphql([repo_body("pytorch/pytorch", 9)])
        monkeypatch.setenv(variable, "ghp_" + "z" * 36)
        assert 0 == main(
            ["stats", "pytorch", "--api-url", github.url, "--json"]
        )
        assert "graphql" == _json(capsys)["repositories"][0]["source"]
        assert 1 == github.count("POST")

    def test_text_output(self, github, capsys):
        """The text table shows figures and where they came from."""
        assert 0 == main(["stats", "pytorch/pytorch", "--api-url", github.url])
        out = capsys.readouterr().out
        assert "pytorch/pytorch" in out
        assert "123" in out
        assert "(live)" in out
        assert " no " in out

    def test_offline_text(self, capsys):
        """Offline text output dates snapshot figures and leaves gaps."""
        assert 0 == main(["stats", "caffe", "--offline"])
        line = capsys.readouterr().out.splitlines()[-1]
        assert line.startswith("caffe")
        assert "(snapshot)" in line

    def test_all_failed(self, github, capsys):
        """No figures at all: exit 1 and the reason on stderr."""
        assert 1 == main(
            ["stats", "example-org/missing", "--api-url", github.url]
        )
        assert "not found or not accessible" in capsys.readouterr().err

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
        monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "z" * 36)
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
