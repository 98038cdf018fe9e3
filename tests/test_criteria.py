"""The recommender's data: criteria scales, judgements and seed-era values."""

from __future__ import annotations

import pytest

from dlchoose import frameworks
from dlchoose._recommend._criteria import (
    CRITERIA,
    CURRENT_RATINGS,
    REQUIRABLE,
    RUBRIC_CRITERIA,
    SEED_ERA_AS_OF,
    SEED_ERA_RATINGS,
    SEED_ERA_STATUS,
    Criterion,
)
from dlchoose._recommend._profiles import PROFILES


@pytest.fixture(name="keys")
def _keys() -> set[str]:
    return {f.key for f in frameworks()}


class TestCriteria:
    def test_every_criterion_declared(self):
        """Every criterion has a scale with one anchor per level."""
        assert set(Criterion) == set(CRITERIA)
        for spec in CRITERIA.values():
            assert spec.label
            if spec.scale == "rubric":
                assert len(spec.anchors) == spec.levels + 1
            assert 0 <= spec.supported_level <= spec.levels

    def test_requirable_are_capabilities(self):
        """Only rubric capabilities can be required; degrees cannot."""
        assert set(REQUIRABLE) <= set(RUBRIC_CRITERIA)
        assert {
            Criterion.BINDINGS,
            Criterion.TRAINING_SPEED,
            Criterion.COMMUNITY,
            Criterion.MAINTENANCE,
            Criterion.ACADEMIC_ADOPTION,
            Criterion.INDUSTRY_ADOPTION,
        } == set(Criterion) - set(REQUIRABLE)

    def test_core_criteria(self):
        """The three seed qualities are the core criteria."""
        assert {Criterion.GRAPHS, Criterion.AUTODIFF, Criterion.GPU} == {
            c for c, s in CRITERIA.items() if s.core
        }

    def test_str(self):
        """Criteria print as their JSON id."""
        assert "distributed_gpu" == str(Criterion.DISTRIBUTED_GPU)


class TestRatings:
    def test_catalog_covered(self, keys):
        """Every catalog framework has a full row of rubric ratings."""
        assert keys == set(CURRENT_RATINGS)
        for ratings in CURRENT_RATINGS.values():
            assert set(RUBRIC_CRITERIA) == set(ratings)

    @pytest.mark.parametrize(
        "table", [CURRENT_RATINGS, SEED_ERA_RATINGS], ids=["current", "seed"]
    )
    def test_values_on_declared_levels(self, table):
        """Every known value is a declared level, sourced and dated."""
        for key, ratings in table.items():
            for criterion, rating in ratings.items():
                assert rating.sources, (key, criterion)
                assert rating.as_of is not None
                spec = CRITERIA[criterion]
                if rating.value is not None and spec.scale == "half_units":
                    assert rating.value >= 0  # n = sum m, capped at 5 APIs
                elif rating.value is not None:
                    assert 0 <= rating.value <= spec.levels
                else:
                    assert rating.via or rating.note, (key, criterion)

    def test_via_names_known_frameworks(self, keys):
        """Inherited values name registered frameworks."""
        for table in (CURRENT_RATINGS, SEED_ERA_RATINGS):
            for ratings in table.values():
                for rating in ratings.values():
                    assert set(rating.via) <= keys

    def test_seed_era(self, keys):
        """Seed-era data covers frameworks public by mid-2018, with dates."""
        assert set(SEED_ERA_RATINGS) <= set(SEED_ERA_STATUS)
        assert set(SEED_ERA_STATUS) <= keys
        assert "2018-06-30" == SEED_ERA_AS_OF.isoformat()
        for seed in SEED_ERA_STATUS.values():
            assert seed.since is None or seed.since <= SEED_ERA_AS_OF
            assert seed.source.title
            assert seed.status.value

    def test_classic_picks_are_registered(self, keys):
        """Profiles' classic picks name registered frameworks."""
        for profile in PROFILES.values():
            assert profile.classic_pick is None or profile.classic_pick in keys
