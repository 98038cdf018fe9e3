"""Adoption criteria, the missing-data policy and the data dates."""

from __future__ import annotations

from datetime import date, datetime, timezone
from fractions import Fraction

import attrs

from dlchoose import RepoMetrics, get_framework
from dlchoose._metrics._values import LatestRelease
from dlchoose._recommend._adoption import (
    CEILINGS,
    Measured,
    Unmeasured,
    load,
    measure,
)
from dlchoose._recommend._core import recommend
from dlchoose._recommend._criteria import SEED_ERA_AS_OF, Criterion
from dlchoose._recommend._pipeline import known_average
from dlchoose._recommend._results import DataDates
from dlchoose._recommend._values import (
    UNKNOWN_CELL,
    Cell,
    adoption_cell,
    release_observed,
)


TODAY = date(2026, 8, 22)
ACADEMIC = "academic_adoption"
INDUSTRY = "industry_adoption"


def known(x: Fraction) -> Cell:
    return UNKNOWN_CELL._replace(x=x, x_max=x, known=True)


class TestSeries:
    def test_every_point_is_dated_and_sourced(self):
        """Each point of each series has a dated public source."""
        for series in load().series.values():
            assert series.points
            for point in series.points:
                assert point.source.url
                assert point.source.url.startswith("https://")
                assert point.source.date is not None

    def test_points_oldest_first(self):
        """Points are sorted by the day they observed."""
        for series in load().series.values():
            days = [p.observed for p in series.points]
            assert sorted(days) == days

    def test_seed_era_sees_only_mid_2018(self):
        """The seed era reads the newest point observed by mid-2018."""
        for series in load().series.values():
            point = series.latest(SEED_ERA_AS_OF)
            assert point is not None
            assert point.observed.year == 2018
            assert point.observed <= SEED_ERA_AS_OF

    def test_papers_2018_favour_tensorflow(self):
        """Mid-2018 papers: PyTorch 162 of 508 (31.9 %), TensorFlow 68.1 %."""
        pytorch = measure(ACADEMIC, "pytorch", SEED_ERA_AS_OF)
        tensorflow = measure(ACADEMIC, "tensorflow", SEED_ERA_AS_OF)
        assert isinstance(pytorch, Measured)
        assert isinstance(tensorflow, Measured)
        assert Fraction(162, 508) == pytorch.share
        assert Fraction(346, 508) == tensorflow.share
        assert Fraction(399, 1000) == pytorch.x  # 0.319 / 0.8
        assert pytorch.note.startswith("162 of 508 papers (31.9%)")

    def test_papers_today_favour_pytorch(self):
        """ICLR 2022: PyTorch 84 % of papers, capped at x = 1."""
        found = measure(ACADEMIC, "pytorch", TODAY)
        assert isinstance(found, Measured)
        assert Fraction(1091, 1299) == found.share
        assert 1 == found.x
        assert date(2021, 10, 22) == found.observed
        assert found.note.startswith(
            "1,091 of 1,299 submissions (84.0%), ICLR 2022 submissions"
        )
        assert "largest share since 2019-12-01" in found.note

    def test_downloads_today(self):
        """April 2026 dump: torch 65.2 % of framework downloads, ahead of
        the TensorFlow packages together since the July 2024 dump; a survey
        is quoted, not scored."""
        found = measure(INDUSTRY, "pytorch", TODAY)
        assert isinstance(found, Measured)
        assert 0.652 == round(float(found.share), 3)
        assert "largest share since 2024-07-01" in found.note
        assert "survey (not scored): 7.61 % in Stack Overflow" in found.note
        assert 2 == len(found.sources)

    def test_tensorflow_downloads_sum_its_distributions(self):
        """tensorflow, tensorflow-gpu and tensorflow-cpu count together."""
        series = load().series[INDUSTRY]
        point = series.latest(TODAY)
        assert point is not None
        assert 22_653_919 + 71_380 + 1_481_099 == series.count(
            point, "tensorflow"
        )

    def test_add_ons_compared_but_not_added(self):
        """Keras is compared with the framework total but not part of it."""
        series = load().series[INDUSTRY]
        point = series.latest(TODAY)
        assert point is not None
        keras = series.share(point, "keras")
        assert keras is not None
        assert Fraction(18_417_904, series.total(point)) == keras
        assert "keras" not in {series.leader(p) for p in series.points}

    def test_keras_papers_counted_within_tensorflow(self):
        """He counts Keras papers as TensorFlow's: Keras is unknown."""
        found = measure(ACADEMIC, "keras", TODAY)
        assert isinstance(found, Unmeasured)
        assert "counts it within tensorflow" in found.note
        assert found.sources

    def test_pytorch_2018_downloads_unreliable(self):
        """PyTorch was not on PyPI in mid-2018: unknown, with the reason."""
        found = measure(INDUSTRY, "pytorch", SEED_ERA_AS_OF)
        assert isinstance(found, Unmeasured)
        assert "2018-12-07" in found.note

    def test_unlisted_framework_unknown(self):
        """A framework the point does not list is unknown, not zero."""
        found = measure(ACADEMIC, "jax", TODAY)
        assert isinstance(found, Unmeasured)
        assert found.note.startswith("not listed")

    def test_ceilings(self):
        """Shares reach x = 1 at 80 % of papers and 60 % of downloads."""
        assert Fraction(4, 5) == CEILINGS[ACADEMIC]
        assert Fraction(3, 5) == CEILINGS[INDUSTRY]


class TestCells:
    def test_measured_cell(self):
        """A measured share becomes a known cell dated by its point."""
        cell = adoption_cell(Criterion.INDUSTRY_ADOPTION, "tensorflow", TODAY)
        assert cell.known
        assert date(2026, 4, 1) == cell.as_of
        assert 0.181 == cell.value

    def test_unknown_cell(self):
        """An unmeasured framework is an unknown cell with the reason."""
        cell = adoption_cell(Criterion.ACADEMIC_ADOPTION, "mlx", TODAY)
        assert not cell.known
        assert cell.value is None
        assert cell.note is not None
        assert cell.note.startswith("not listed")


class TestKnownAverage:
    def test_weighted_average_of_known(self):
        """Unknown cells carry no weight in the average."""
        cells = [known(Fraction(1)), known(Fraction(1, 2)), UNKNOWN_CELL]
        weights = [Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)]
        assert Fraction(3, 4) == known_average(cells, weights)

    def test_partial_cell(self):
        """A cell missing part of its value counts its known part only."""
        half_known = UNKNOWN_CELL._replace(
            x=Fraction(1, 4), x_max=Fraction(3, 4), known=False
        )
        assert Fraction(1, 2) == known_average([half_known], [Fraction(1)])

    def test_nothing_known(self):
        """With nothing known the average is 0."""
        assert 0 == known_average([UNKNOWN_CELL], [Fraction(1)])


class TestMissingPolicy:
    def test_default_counts_unknowns_at_capped_average(self):
        """By default an unknown counts at the known average, at most half."""
        rec = recommend("academic")
        assert ("missing", "known_average") in rec.constraints
        jax = next(r for r in rec.ranking if r.framework == "jax")
        assert jax.score_min < jax.score < jax.score_max
        for c in jax.contributions:
            if not c.known:
                assert c.x <= Fraction(1, 2)

    def test_never_below_pessimistic_nor_above_neutral(self):
        """The default lies between counting unknowns 0 and counting half."""
        default = {r.framework: r.score for r in recommend().ranking}
        low = {
            r.framework: r.score
            for r in recommend(missing="pessimistic").ranking
        }
        mid = {
            r.framework: r.score for r in recommend(missing="neutral").ranking
        }
        for key, score in default.items():
            assert low[key] <= score <= mid[key]

    def test_rank_open(self):
        """rank_open is set exactly when another score range crosses."""
        rec = recommend("academic")
        ranking = rec.ranking
        for i, entry in enumerate(ranking):
            crossing = any(
                other.score_min < entry.score_max for other in ranking[:i]
            ) or any(
                other.score_max > entry.score_min for other in ranking[i + 1 :]
            )
            assert crossing == entry.rank_open
        assert not ranking[0].rank_open
        assert any(entry.rank_open for entry in ranking)

    def test_fully_known_ranking_is_settled(self):
        """Frameworks without unknowns and distinct scores are not open."""
        pool = [get_framework(k) for k in ("pytorch", "tensorflow")]
        rec = recommend("industry", frameworks=pool)
        assert [False, False] == [r.rank_open for r in rec.ranking]
        assert rec.robustness is not None
        assert rec.robustness.data_robust

    def test_json_keys(self):
        """Ranked JSON adds rank_open and unknown to the existing keys."""
        entry = recommend().to_dict()["ranking"][1]
        assert isinstance(entry["rank_open"], bool)
        assert isinstance(entry["unknown"], list)
        low, high = entry["score_interval"]
        assert low <= entry["score"] <= high

    def test_warning_names_the_policy(self):
        """The unknown-value warning says how unknowns counted."""
        rec = recommend()
        assert any(
            w.startswith("JAX: unknown") and "known average" in w
            for w in rec.warnings
        )


class TestClassicAdvice:
    def test_industry_today_disagrees_with_figures(self):
        """Today's downloads put PyTorch first for industry, and the note
        says so with the adoption figures."""
        rec = recommend("industry")
        (note,) = rec.notes
        if rec.winner == "pytorch":
            assert note.startswith("Today's data disagrees")
            assert "use in industry +" in note
        else:
            assert note.startswith("Agrees")

    def test_industry_seed_era_tensorflow_by_adoption(self):
        """In mid-2018 TensorFlow wins industry, helped by its downloads."""
        rec = recommend("industry", data="seed_era")
        assert "tensorflow" == rec.winner
        (why,) = [w for w in rec.why_not if w.framework == "mxnet"]
        assert ("industry_adoption", why.by_criterion[0][0]) == (
            "industry_adoption",
            "industry_adoption",
        )

    def test_seed_era_academic_adoption_favours_tensorflow(self):
        """The seed-era academic split shows adoption counting for
        TensorFlow, and PyTorch still first."""
        rec = recommend("academic", data="seed_era")
        assert "pytorch" == rec.winner
        (why,) = [w for w in rec.why_not if w.framework == "tensorflow"]
        assert dict(why.by_criterion)["academic_adoption"] < 0


class TestDataDates:
    def test_current(self):
        """Current data: GitHub range, adoption points, maintenance dates."""
        dates = recommend().data_dates
        assert dates is not None
        assert dates.github is not None
        assert TODAY == dates.github[1]
        assert dict(dates.adoption) == {
            ACADEMIC: date(2021, 10, 22),
            INDUSTRY: date(2026, 4, 1),
        }
        text = dates.describe()
        assert text.startswith("GitHub figures observed ")
        assert "adoption series up to 2021-10-22 (academic)" in text
        assert dates.benchmarks is not None
        assert f"speed benchmarks up to {dates.benchmarks[1]}" in text
        data = recommend().to_dict()["data_dates"]
        assert "2026-04-01" == data["adoption"][INDUSTRY]

    def test_seed_era(self):
        """Seed-era data has no GitHub figures and 2018 adoption points."""
        dates = recommend(data="seed_era").data_dates
        assert dates is not None
        assert dates.github is None
        assert dates.releases is None
        assert all(d.year == 2018 for _, d in dates.adoption)
        assert dates.benchmarks is not None
        assert dates.benchmarks[1] <= SEED_ERA_AS_OF
        assert "GitHub" not in dates.describe()

    def test_describe_without_figures(self):
        """With nothing dated, describe() gives the data date."""
        empty = DataDates(
            as_of=TODAY,
            github=None,
            releases=None,
            maintenance=None,
            adoption=(),
            judged=None,
        )
        assert "data as of 2026-08-22" == empty.describe()
        assert empty.to_dict()["github"] is None

    def test_json_key_last(self):
        """to_dict() ends with the new data_dates key."""
        assert "data_dates" == list(recommend().to_dict())[-1]


class TestMaintenanceDate:
    def _metrics(self, published: datetime | None) -> RepoMetrics:
        return RepoMetrics(
            requested="pytorch/pytorch",
            full_name="pytorch/pytorch",
            stars=90_000,
            source="rest",
            observed_at=datetime(2026, 12, 1, tzinfo=timezone.utc),
            latest_release=None
            if published is None
            else LatestRelease(tag="v9", published_at=published),
        )

    def test_fetched_release_observed_with_figures(self):
        """A fetched release in use was observed with the figures."""
        pytorch = get_framework("pytorch")
        found = self._metrics(datetime(2026, 11, 30, tzinfo=timezone.utc))
        assert date(2026, 12, 1) == release_observed(
            pytorch, found, date(2026, 11, 30)
        )

    def test_catalog_release_observation(self):
        """Otherwise the catalog release's own observation day counts."""
        pytorch = get_framework("pytorch")
        release = pytorch.latest_release
        assert release is not None
        observed = release_observed(pytorch, self._metrics(None), release.date)
        assert release.observed_on == observed

    def test_scored_as_of_release_observation(self):
        """Maintenance is scored as of the later of the data date and the
        release observation, and the note names that date."""
        pytorch = get_framework("pytorch")
        release = pytorch.latest_release
        assert release is not None
        seen = date(2027, 1, 1)
        moved = attrs.evolve(
            pytorch, latest_release=attrs.evolve(release, observed_on=seen)
        )
        rec = recommend(frameworks=[moved])
        (cell,) = [
            c
            for c in rec.ranking[0].contributions
            if c.criterion is Criterion.MAINTENANCE
        ]
        assert seen == cell.as_of
        assert cell.note is not None
        assert cell.note.endswith(f"before {seen.isoformat()}")
