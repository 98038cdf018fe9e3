"""Unknown adoption shares: never more than the series leaves them.

A share series measures the frameworks it lists.  A framework checked and
found absent from it (below a downloads dump's cut-off), or left out by a
series that compares only the leaders (the papers counts), counts at most
the smallest share it lists; one it counts within another (Keras papers
within TensorFlow's) likewise; one the series never looked up, or whose
count it marks unreliable (PyTorch on PyPI in mid-2018), is not bounded.
So a bounded unknown share never outscores a framework the series measured.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from dlchoose import get_framework
from dlchoose._recommend._adoption import (
    CEILINGS,
    Measured,
    Unmeasured,
    load,
    measure,
)
from dlchoose._recommend._core import recommend
from dlchoose._recommend._criteria import Criterion
from dlchoose._recommend._pipeline import _ranking_x
from dlchoose._recommend._values import UNKNOWN_CELL, Candidate, Cell
from dlchoose._registry._model import Status


SHARES = (Criterion.ACADEMIC_ADOPTION, Criterion.INDUSTRY_ADOPTION)
TODAY = date(2026, 11, 29)
SEED = date(2018, 6, 30)
N = len(Criterion)


def smallest_measured_x(criterion: Criterion, as_of: date) -> Fraction:
    """The smallest x among the keys the point on *as_of* measures."""
    series = load().series[criterion.value]
    point = series.latest(as_of)
    assert point is not None
    found = [
        measure(criterion.value, series.key_of(item), as_of)
        for item, _ in point.counts
    ]
    return min(m.x for m in found if isinstance(m, Measured))


class TestCeilings:
    @pytest.mark.parametrize("as_of", [TODAY, SEED])
    def test_unlisted_paper_share_at_most_smallest(self, as_of):
        """The papers series compares the leaders only: a framework it does
        not list is bounded by the smallest share it lists, and its note
        says so."""
        criterion = Criterion.ACADEMIC_ADOPTION
        found = measure(criterion.value, "burn", as_of)
        assert isinstance(found, Unmeasured)
        assert smallest_measured_x(criterion, as_of) == found.ceiling
        assert "the smallest share it lists" in found.note

    @pytest.mark.parametrize(
        ("as_of", "key"),
        [(TODAY, "mindspore"), (TODAY, "tinygrad"), (SEED, "paddle")],
    )
    def test_checked_absent_download_share_at_most_smallest(self, as_of, key):
        """A framework checked and found absent from a downloads dump (below
        its cut-off) is bounded by the smallest share the dump lists."""
        criterion = Criterion.INDUSTRY_ADOPTION
        found = measure(criterion.value, key, as_of)
        assert isinstance(found, Unmeasured)
        assert smallest_measured_x(criterion, as_of) == found.ceiling
        assert "not in the dump" in found.note

    @pytest.mark.parametrize("key", ["onnxruntime", "burn", "torchsharp"])
    def test_never_looked_up_is_not_bounded(self, key):
        """A framework the downloads series never looked up (ONNX Runtime,
        which the dump lists at 79.8 million downloads) or that is not on
        PyPI at all is unknown without a bound: the data gives none."""
        found = measure("industry_adoption", key, TODAY)
        assert isinstance(found, Unmeasured)
        assert found.ceiling is None
        assert found.note.startswith("not counted by")

    @pytest.mark.parametrize("as_of", [TODAY, SEED])
    def test_counted_within_is_bounded_like_unlisted(self, as_of):
        """Keras papers are counted within TensorFlow's, so Keras's own
        share is unmeasured: at most the smallest listed share, which is
        never more than TensorFlow's."""
        keras = measure("academic_adoption", "keras", as_of)
        tensorflow = measure("academic_adoption", "tensorflow", as_of)
        assert isinstance(keras, Unmeasured)
        assert isinstance(tensorflow, Measured)
        smallest = smallest_measured_x(Criterion.ACADEMIC_ADOPTION, as_of)
        assert smallest == keras.ceiling
        assert keras.ceiling <= tensorflow.x
        assert keras.note.startswith("not separated:")

    def test_unreliable_count_is_not_bounded(self):
        """PyTorch's mid-2018 PyPI count missed its conda installs: the
        point bounds nothing, since the real share lies above the count."""
        found = measure("industry_adoption", "pytorch", SEED)
        assert isinstance(found, Unmeasured)
        assert found.ceiling is None
        assert "misses most installs" in found.note

    def test_ceiling_is_on_the_declared_scale(self):
        """The ceiling is the share over the criterion's ceiling share."""
        found = measure("academic_adoption", "jax", SEED)
        assert isinstance(found, Unmeasured)
        share = Fraction(162, 508)  # PyTorch's 2018 papers, the smallest
        expected = round(share / CEILINGS["academic_adoption"] * 1000)
        assert Fraction(expected, 1000) == found.ceiling


def share_cells(
    era: str, purpose: str
) -> list[tuple[str, Criterion, Cell, Fraction]]:
    """(framework, criterion, cell, ranking x) of every ranked framework's
    share criteria."""
    rec = recommend(purpose, data=era)
    return [
        (entry.framework, part.criterion, part.cell, part.x)
        for entry in rec.ranking
        for part in entry._parts
        if part.criterion in SHARES
    ]


class TestOnTheData:
    @pytest.mark.parametrize("era", ["current", "seed_era"])
    @pytest.mark.parametrize("purpose", ["academic", "industry", "beginner"])
    def test_unknown_share_never_above_a_measured_one(self, era, purpose):
        """No bounded unknown share counts above any measured share of the
        same criterion among the ranked frameworks."""
        cells = share_cells(era, purpose)
        for criterion in SHARES:
            measured = [
                x for _, c, cell, x in cells if c is criterion and cell.known
            ]
            bounded = [
                (key, x)
                for key, c, cell, x in cells
                if c is criterion and cell.ceiling is not None
            ]
            assert measured
            assert bounded
            assert [] == [(k, x) for k, x in bounded if x > min(measured)]

    def test_unmeasured_no_longer_outrank_measured_tensorflow(self):
        """MLX and PaddlePaddle, unmeasured in papers, no longer rank above
        TensorFlow for academic research on their unknown paper share."""
        order = [e.framework for e in recommend("academic").ranking]
        assert order.index("tensorflow") < order.index("mlx")
        assert order.index("tensorflow") < order.index("paddle")

    def test_known_answers_hold(self):
        """Academic PyTorch, beginner Keras, industry PyTorch today and
        TensorFlow in the seed era."""
        assert "pytorch" == recommend("academic").ranking[0].framework
        assert "keras" == recommend("beginner").ranking[0].framework
        assert "pytorch" == recommend("industry").ranking[0].framework
        seed = recommend("industry", data="seed_era")
        assert "tensorflow" == seed.ranking[0].framework


def candidate(cells: dict[Criterion, Cell]) -> Candidate:
    """A synthetic candidate: *cells*, the rest known at 1."""
    full = UNKNOWN_CELL._replace(value=1, x=Fraction(1), known=True)
    return Candidate(
        framework=get_framework("jax"),
        status=Status.ACTIVE,
        status_date=None,
        status_sources=(),
        archived=False,
        cells={c: cells.get(c, full) for c in Criterion},
        in_era=True,
    )


fractions = st.fractions(min_value=0, max_value=1).map(
    lambda f: Fraction(round(f * 1000), 1000)
)


class TestPolicyProperty:
    @settings(max_examples=100, deadline=None)
    @given(ceiling=fractions, typical=fractions, other=fractions)
    def test_unknown_never_counts_above_its_ceiling(
        self, ceiling, typical, other
    ):
        """However strong the framework (its other values at *other*) and
        typical the criterion, an unknown share counts at most its
        ceiling."""
        known = UNKNOWN_CELL._replace(
            value=1, x=other, x_max=other, known=True
        )
        cells = dict.fromkeys(Criterion, known)
        cells.update(
            {c: UNKNOWN_CELL._replace(ceiling=ceiling) for c in SHARES}
        )
        found = candidate(cells)
        weights = [Fraction(1, N)] * N
        x = dict(
            zip(
                Criterion,
                _ranking_x(found, "known_average", weights, [typical] * N),
                strict=True,
            )
        )
        assert all(x[c] <= ceiling for c in SHARES)

    @settings(max_examples=100, deadline=None)
    @given(ceiling=fractions, typical=fractions)
    def test_ceiling_only_lowers(self, ceiling, typical):
        """A ceiling never raises an unknown above what it counted without."""
        weights = [Fraction(1, N)] * N
        bounded = candidate(
            {SHARES[0]: UNKNOWN_CELL._replace(ceiling=ceiling)}
        )
        free = candidate({SHARES[0]: UNKNOWN_CELL})
        row = [typical] * N
        j = list(Criterion).index(SHARES[0])
        with_ceiling = _ranking_x(bounded, "known_average", weights, row)[j]
        without = _ranking_x(free, "known_average", weights, row)[j]
        assert with_ceiling == min(without, ceiling)


class TestNoLanguageDefault:
    def test_every_language_is_ranked_without_language(self):
        """Without language=, frameworks in other languages are ranked too:
        no hidden Python default."""
        rec = recommend("academic")
        ranked = {entry.framework for entry in rec.ranking}
        assert {"burn", "candle", "torchsharp", "flux", "tfjs"} <= ranked
        assert dict(rec.constraints)["language"] is None

    @pytest.mark.parametrize(
        "purpose",
        [
            "academic",
            "industry",
            "beginner",
            "mobile_edge",
            "research_prototyping",
            "large_scale_distributed",
        ],
    )
    def test_top_five_have_python_apis(self, purpose):
        """The top five of every profile have a Python API, so a Python
        default would change no answer near the top."""
        top = recommend(purpose).ranking[:5]
        assert all(
            "Python" in get_framework(e.framework).languages for e in top
        )


class TestDownloadsData:
    def test_every_member_counted_or_checked_absent(self):
        """At every point of the downloads series, each framework the series
        counts is either counted or recorded as checked absent from the
        dump, so no member's share is left unbounded by a transcription
        gap."""
        series = load().series["industry_adoption"]
        keys = {series.key_of(item) for item, _ in series.members}
        add_ons = {series.key_of(item) for item in series.add_ons}
        gaps = [
            (str(point.observed), key)
            for point in series.points
            for key in sorted(keys - add_ons)
            if series.count(point, key) is None
            and key not in dict(point.absent)
            and key not in dict(point.unreliable)
        ]
        assert [] == gaps
