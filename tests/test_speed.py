"""The generated training-speed module matches a fresh fit of the bundled
benchmark table (benchmarks.md §5)."""

from __future__ import annotations

import importlib.util
import sys

from pathlib import Path
from types import ModuleType

import pytest

from dlchoose._recommend._speed import SEED_ERA_CUTOFF, SPEED, SpeedRow


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(name="build", scope="module")
def _build() -> ModuleType:
    path = ROOT / "scripts" / "build_speed.py"
    spec = importlib.util.spec_from_file_location("build_speed", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_speed"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(name="rows", scope="module")
def _rows(build):
    return build.read_rows(build.BUNDLED_CSV)


class TestSpeed:
    def test_generated_module_is_current(self, build, rows):
        """SPEED equals a fresh fit of data/benchmarks.csv."""
        fitted = build.fit_all(rows)
        assert set(fitted) == set(SPEED)
        for era, by_key in fitted.items():
            assert {
                key: {
                    task: SpeedRow(**score._asdict())
                    for task, score in tasks.items()
                }
                for key, tasks in by_key.items()
            } == SPEED[era]

    def test_published_table(self):
        """The fit reproduces the scores published in benchmarks.md."""
        current = SPEED["current"]
        assert 0.907 == current["pytorch"]["cnn"].score
        assert 1.0 == current["pytorch"]["rnn"].score
        assert 0.856 == current["tensorflow"]["cnn"].score
        assert 0.607 == current["tensorflow"]["rnn"].score
        assert 0.784 == current["keras"]["cnn"].score
        pytorch_cnn = current["pytorch"]["cnn"]
        assert (3, 36) == (pytorch_cnn.n_sources, pytorch_cnn.n_cells)
        assert "jax" not in current

    def test_seed_era_uses_early_rows(self):
        """Seed-era scores rest only on rows up to the cutoff."""
        for tasks in SPEED["seed_era"].values():
            for row in tasks.values():
                assert row.last_date[:7] <= SEED_ERA_CUTOFF[:7]

    def test_scores_in_range(self):
        """Every score is in (0, 1] with at least one source."""
        for by_key in SPEED.values():
            for tasks in by_key.values():
                for row in tasks.values():
                    assert 0 < row.score <= 1
                    assert row.n_sources == len(row.sources) >= 1
                    assert row.n_cells >= row.n_sources

    def test_main_regenerates(self, build, tmp_path, monkeypatch):
        """main() copies the CSV and writes the module deterministically."""
        out = tmp_path / "_speed.py"
        csv_copy = tmp_path / "benchmarks.csv"
        monkeypatch.setattr(build, "OUTPUT", out)
        monkeypatch.setattr(build, "BUNDLED_CSV", csv_copy)
        monkeypatch.setattr(build, "ROOT", tmp_path)
        assert 0 == build.main(
            [str(ROOT / "src/dlchoose/_recommend/benchmarks.csv")]
        )
        first = out.read_text()
        assert 0 == build.main([str(csv_copy)])
        assert first == out.read_text()
        assert "SPEED" in first
