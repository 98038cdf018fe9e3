"""scripts/refresh_snapshot.py against the local server."""

from __future__ import annotations

import importlib.util
import json

from datetime import date
from pathlib import Path

import pytest

from dlchoose._metrics._client import GitHubClient
from dlchoose._metrics._snapshot import Snapshot, snapshot_from_dict
from dlchoose._metrics._values import MetricsSource, RepoMetrics
from tests.github_server import FakeGitHub, repo_body


SCRIPT = Path(__file__).parent.parent / "scripts" / "refresh_snapshot.py"


@pytest.fixture(name="script", scope="module")
def _script():
    spec = importlib.util.spec_from_file_location("refresh_snapshot", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _get(snapshot: Snapshot, name: str) -> RepoMetrics:
    found = snapshot.get(name)
    assert found is not None
    return found


@pytest.fixture(name="github")
def _github_server():
    with FakeGitHub() as server:
        server.add_graphql([repo_body("pytorch/pytorch", 7)])
        yield server


PREVIOUS = {
    "format": 1,
    "repositories": [
        {
            "repo": "pytorch/pytorch",
            "stars": 1,
            "observed_at": "2020-01-01T00:00:00Z",
        },
        {
            "repo": "old/gone",
            "stars": 2,
            "observed_at": "2021-01-01T00:00:00Z",
        },
    ],
}


class TestRefresh:
    def test_live_rows_replace_old_ones(self, script, github):
        """Live figures replace a row; unanswered rows are kept as they were."""
        with GitHubClient(
            token="ghp_" + "r" * 36, api_url=github.url, cache=None
        ) as client:
            document, problems = script.refresh(
                client,
                ["pytorch/pytorch", "old/gone"],
                PREVIOUS,
                date(2026, 11, 26),
            )
        assert 1 == len(github.seen)
        snapshot = snapshot_from_dict(document)
        assert 7 == _get(snapshot, "pytorch/pytorch").stars
        assert (
            True is _get(snapshot, "pytorch/pytorch").open_issues_include_pulls
        )
        assert 2 == _get(snapshot, "old/gone").stars
        assert MetricsSource.SNAPSHOT is _get(snapshot, "old/gone").source
        assert ["old/gone"] == [p.split(":")[0] for p in problems]

    def test_main_needs_a_token(self, script, tmp_path, capsys):
        """Without a token the script refuses to run."""
        assert 2 == script.main(["--out", str(tmp_path / "s.json")])
        assert "GITHUB_TOKEN" in capsys.readouterr().err

    def test_main_writes(self, script, github, tmp_path, monkeypatch):
        """With a token the file is written and parses as a snapshot."""
        out = tmp_path / "s.json"
        out.write_text(json.dumps(PREVIOUS))
        monkeypatch.setenv("DLCHOOSE_GITHUB_TOKEN", "ghp_" + "r" * 36)
        assert 0 == script.main(["--out", str(out), "--api-url", github.url])
        snapshot = snapshot_from_dict(json.loads(out.read_text()))
        assert 7 == _get(snapshot, "pytorch/pytorch").stars
        assert "ghp_" not in out.read_text()

    def test_github_token_stays_off_other_hosts(
        self, script, github, tmp_path, monkeypatch, capsys
    ):
        """GITHUB_TOKEN/GH_TOKEN are github.com credentials: with another
        --api-url the script refuses instead of sending them there."""
        monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "s" * 36)
        monkeypatch.setenv("GH_TOKEN", "ghp_" + "t" * 36)
        out = tmp_path / "s.json"
        assert 2 == script.main(["--out", str(out), "--api-url", github.url])
        assert "DLCHOOSE_GITHUB_TOKEN" in capsys.readouterr().err
        assert [] == github.seen
