"""Type-level tests of the public API: checked by mypy, never executed."""

from __future__ import annotations

from typing_extensions import assert_type

import dlchoose

from dlchoose import Framework, Source, Status


def registry() -> None:
    assert_type(dlchoose.frameworks(), tuple[Framework, ...])
    assert_type(dlchoose.frameworks(status="active"), tuple[Framework, ...])
    assert_type(
        dlchoose.frameworks(status=[Status.ACTIVE, "maintenance"]),
        tuple[Framework, ...],
    )
    framework = dlchoose.get_framework("torch")
    assert_type(framework, Framework)
    assert_type(framework.sources_for("licence"), tuple[Source, ...])
    assert_type(framework.repository, str | None)
    assert_type(framework.status, Status)
    assert_type(dlchoose.register_framework(framework), Framework)
    assert_type(dlchoose.load_frameworks("x.toml"), tuple[Framework, ...])
    assert_type(Status.parse("active"), Status)


def detection() -> None:
    results = dlchoose.detect(["pytorch"])
    assert_type(results, tuple[dlchoose.Detection, ...])
    assert_type(results[0].status, dlchoose.DetectionStatus)
    assert_type(dlchoose.installed(), tuple[dlchoose.Detection, ...])
    assert_type(dlchoose.is_installed("tf", min_version="2.16"), bool)
    assert_type(dlchoose.environment(), dlchoose.EnvironmentReport)


def metrics() -> None:
    report = dlchoose.fetch_metrics(["pytorch/pytorch"], offline=True)
    assert_type(report, dlchoose.MetricsReport)
    with dlchoose.GitHubClient(offline=True) as client:
        assert_type(client.get("pytorch/pytorch"), dlchoose.RepoMetrics)
    assert_type(dlchoose.bundled_snapshot(), dlchoose.Snapshot)


def recommendation() -> None:
    result = dlchoose.recommend(purpose="academic", language="python")
    assert_type(result, dlchoose.Recommendation)
    assert_type(result.winner, str | None)
    assert_type(dlchoose.purposes(), tuple[dlchoose.Profile, ...])
