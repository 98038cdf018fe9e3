"""The missing-data policy, the core gate's unknowns and language searches.

The policy (``missing="known_average"``, the default) counts an unknown
value at the framework's own known average, but never more than the
criterion's typical value: the median of the frameworks whose value is
known, itself at most half the scale (half when fewer than three are
known).  The property tests below state what that guarantees.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from dlchoose import _sources as src
from dlchoose import get_framework
from dlchoose._recommend import _constraints as c
from dlchoose._recommend._core import recommend
from dlchoose._recommend._criteria import (
    CRITERIA,
    SEED_ERA_STATUS,
    Criterion,
)
from dlchoose._recommend._options import DataEra
from dlchoose._recommend._pipeline import (
    HALF,
    _ranking_x,
    known_average,
    typical_values,
)
from dlchoose._recommend._values import (
    UNKNOWN_CELL,
    Candidate,
    Cell,
    latest_release,
    rubric_cell,
)
from dlchoose._registry._model import Status


KEYS = ("pytorch", "tensorflow", "jax", "keras", "mxnet", "burn")
N = len(Criterion)


def cell(x: Fraction | None) -> Cell:
    """A fully known cell at *x*, or an unknown one."""
    if x is None:
        return UNKNOWN_CELL
    return UNKNOWN_CELL._replace(value=1, x=x, x_max=x, known=True)


def candidate(key: str, row: Sequence[Fraction | None]) -> Candidate:
    """A synthetic candidate with one cell per criterion."""
    return Candidate(
        framework=get_framework(key),
        status=Status.ACTIVE,
        status_date=None,
        status_sources=(),
        archived=False,
        cells=dict(zip(Criterion, map(cell, row), strict=True)),
        in_era=True,
    )


def scores(
    rows: dict[str, list[Fraction | None]], weights: Sequence[Fraction]
) -> dict[str, Fraction]:
    """Each framework's score under the default policy."""
    found = [candidate(k, r) for k, r in rows.items()]
    typical = typical_values(found)
    return {
        f.framework.key: sum(
            (
                w * x
                for w, x in zip(
                    weights,
                    _ranking_x(f, "known_average", weights, typical),
                    strict=True,
                )
            ),
            Fraction(0),
        )
        for f in found
    }


def above(points: dict[str, Fraction], key: str) -> set[str]:
    return {k for k, s in points.items() if s > points[key]}


QUARTERS = tuple(Fraction(k, 4) for k in range(5))
quarters = st.sampled_from(QUARTERS)
values = st.one_of(st.none(), quarters)
rows_strategy = st.lists(values, min_size=N, max_size=N)
weights_strategy = st.lists(st.integers(0, 20), min_size=N, max_size=N).filter(
    any
)


def shares(raw: Sequence[int]) -> list[Fraction]:
    total = sum(raw)
    return [Fraction(w, total) for w in raw]


class TestTypicalValues:
    def test_median_of_known(self):
        """The typical value is the median of the known values."""
        low: list[Fraction | None] = [Fraction(0)] * N
        rows: list[list[Fraction | None]] = [
            low,
            low,
            [Fraction(1, 4)] * N,
            [None] * N,
        ]
        found = [candidate(k, r) for k, r in zip(KEYS, rows, strict=False)]
        assert (Fraction(0),) * N == typical_values(found)

    def test_capped_at_half(self):
        """A high median still counts at most half."""
        found = [candidate(k, [Fraction(1)] * N) for k in KEYS[:3]]
        assert (HALF,) * N == typical_values(found)

    def test_too_few_known_is_half(self):
        """Fewer than three known values give no typical value: half."""
        found = [candidate(k, [Fraction(0)] * N) for k in KEYS[:2]]
        assert (HALF,) * N == typical_values(found)

    def test_frameworks_outside_the_era_do_not_count(self):
        """Frameworks not public in the era lend no typical value."""
        found = [
            candidate(k, [Fraction(0)] * N)._replace(in_era=False)
            for k in KEYS[:3]
        ]
        assert (HALF,) * N == typical_values(found)

    def test_unknown_counts_at_lower_of_average_and_typical(self):
        """An unknown counts at min(own known average, typical value)."""
        weights = [Fraction(1, N)] * N
        row: list[Fraction | None] = [Fraction(1)] * (N - 1) + [None]
        strong = candidate("pytorch", row)
        typical = (Fraction(1, 10),) * N
        assert (
            Fraction(1, 10)
            == _ranking_x(strong, "known_average", weights, typical)[-1]
        )
        weak = candidate("jax", [Fraction(0)] * (N - 1) + [None])
        assert 0 == _ranking_x(weak, "known_average", weights, typical)[-1]
        assert known_average(list(weak.cells.values()), weights) == 0

    def test_unmeasured_downloads_count_at_most_the_typical_share(self):
        """A framework PyPI downloads never measure (Flux.jl) counts at
        most what measured frameworks typically have, not half."""
        rec = recommend("industry")
        parts = {
            r.framework: {p.criterion: p for p in r.contributions}
            for r in rec.ranking
        }
        flux = parts["flux"][Criterion.INDUSTRY_ADOPTION]
        assert not flux.known
        measured = sorted(
            p[Criterion.INDUSTRY_ADOPTION].x
            for p in parts.values()
            if p[Criterion.INDUSTRY_ADOPTION].known
        )
        assert flux.x <= measured[len(measured) // 2] < HALF


class TestPolicyProperties:
    """What the default policy guarantees, for any data.

    1. Making one of a framework's unknown values known at the top of its
       scale never lets another framework score above it that did not
       before (its rank can only improve, exact ties aside).
    2. If A is unknown only where B is unknown too, at least as good as B
       wherever both are known, and wherever only A is known at least B's
       own known average, then A never scores below B: a framework never
       falls below a weaker one only because one of its facts is unknown.
    """

    @settings(max_examples=150, deadline=None)
    @given(
        rows=st.lists(rows_strategy, min_size=2, max_size=6),
        raw=weights_strategy,
        data=st.data(),
    )
    def test_knowing_the_best_value_never_lowers_rank(self, rows, raw, data):
        """An unknown made known at x = 1 never lets a rival overtake."""
        weights = shares(raw)
        table = dict(zip(KEYS, rows, strict=False))
        key = data.draw(st.sampled_from(sorted(table)))
        unknown = [j for j, x in enumerate(table[key]) if x is None]
        if not unknown:
            return
        j = data.draw(st.sampled_from(unknown))
        before = scores(table, weights)
        better = dict(table)
        better[key] = [
            Fraction(1) if i == j else x for i, x in enumerate(table[key])
        ]
        after = scores(better, weights)
        assert above(after, key) <= above(before, key)
        assert after[key] >= before[key]

    @settings(max_examples=150, deadline=None)
    @given(
        b_row=rows_strategy,
        others=st.lists(rows_strategy, max_size=4),
        raw=weights_strategy,
        data=st.data(),
    )
    def test_dominance(self, b_row, others, raw, data):
        """A framework at least as good as another everywhere the data
        allows comparing them never scores below it."""
        weights = shares(raw)
        known_w = sum(
            (w for w, x in zip(weights, b_row, strict=True) if x is not None),
            Fraction(0),
        )
        b_avg = (
            sum(
                (
                    w * x
                    for w, x in zip(weights, b_row, strict=True)
                    if x is not None
                ),
                Fraction(0),
            )
            / known_w
            if known_w
            else Fraction(0)
        )
        a_row: list[Fraction | None] = []
        for x in b_row:
            floor = b_avg if x is None else x
            better = data.draw(
                st.sampled_from([q for q in QUARTERS if q >= floor])
            )
            choices = [better] if x is not None else [None, better]
            a_row.append(data.draw(st.sampled_from(choices)))
        table = {"pytorch": a_row, "tensorflow": b_row}
        table.update(zip(KEYS[2:], others, strict=False))
        points = scores(table, weights)
        assert points["pytorch"] >= points["tensorflow"]

    @settings(max_examples=100, deadline=None)
    @given(row=rows_strategy, raw=weights_strategy)
    def test_between_pessimistic_and_neutral(self, row, raw):
        """Each unknown counts between 0 and half."""
        weights = shares(raw)
        found = [candidate(k, row) for k in KEYS[:3]]
        x = _ranking_x(found[0], "known_average", weights, (HALF,) * N)
        for value, counted in zip(row, x, strict=True):
            if value is None:
                assert 0 <= counted <= HALF


class TestCoreGateUnknowns:
    def test_unrated_core_quality_kept_with_warning(self):
        """An unrated core quality keeps the framework, with a warning,
        even when unknowns exclude (the default)."""
        pool = [get_framework(k) for k in ("djl", "pytorch")]
        rec = recommend("academic", frameworks=pool)
        assert {"djl", "pytorch"} == {r.framework for r in rec.ranking}
        label = CRITERIA[Criterion.GRAPHS].label
        assert (
            f"Deep Java Library: cannot verify core quality: {label}; kept"
            in rec.warnings
        )

    def test_unknown_language_still_excludes(self):
        """Constraints the caller set still exclude when unverifiable."""
        bare = c.Constraints(language="java")
        framework = get_framework("pytorch")
        assert () == c.check_language(framework, None)
        assert "core_gate" in c.KEPT_WHEN_UNVERIFIED
        assert "language" not in c.KEPT_WHEN_UNVERIFIED
        assert bare.unknown == "exclude"

    def test_judged_failure_still_excludes(self):
        """A core quality judged below the floor excludes, with its reason."""
        rec = recommend("academic", language="c#")
        (mlnet,) = [e for e in rec.excluded if e.framework == "mlnet"]
        reasons = [f.reason for f in mlnet.failed]
        assert any(
            r.startswith("fails core quality: large and dynamic")
            for r in reasons
        )
        assert all(f.sources for f in mlnet.failed)

    def test_no_warning_about_frameworks_left_out(self):
        """Kept-unknown warnings name only frameworks that were ranked."""
        rec = recommend("academic", language="rust")
        ranked = {r.name for r in rec.ranking}
        for warning in rec.warnings:
            if "cannot verify" in warning:
                assert warning.split(":")[0] in ranked


class TestLanguages:
    @pytest.mark.parametrize(
        ("language", "expected", "left_out"),
        [
            ("julia", {"flux"}, set()),
            ("java", {"djl", "dl4j", "paddle", "tensorflow"}, {"onnxruntime"}),
            ("rust", {"burn", "candle"}, set()),
            ("c#", {"torchsharp"}, {"mlnet", "onnxruntime"}),
            ("javascript", {"tfjs", "tensorflow"}, {"onnxruntime"}),
        ],
    )
    def test_language_finds_its_frameworks(self, language, expected, left_out):
        """--language ranks the language's frameworks; those left out
        carry the reason."""
        rec = recommend("academic", language=language)
        assert expected == {r.framework for r in rec.ranking}
        excluded = {e.framework: e for e in rec.excluded}
        for key in left_out:
            assert excluded[key].failed
            assert all(f.reason for f in excluded[key].failed)

    @pytest.mark.parametrize(
        ("key", "source"),
        [
            ("flux", src.FLUX_BASICS),
            ("candle", src.CANDLE_BACKPROP),
            ("tfjs", src.TFJS_CORE_README),
        ],
    )
    def test_new_graph_ratings_are_sourced(self, key, source):
        """Define-by-run graph ratings cite the page that says so."""
        found = rubric_cell(DataEra.CURRENT, key, Criterion.GRAPHS)
        assert 4 == found.value
        assert source in found.sources


class TestSeedEraStatus:
    def test_torch7_discontinued_by_notice(self):
        """Torch7 had announced its end before mid-2018."""
        seed = SEED_ERA_STATUS["torch7"]
        assert Status.DISCONTINUED == seed.status
        assert date(2017, 12, 21) == seed.since
        assert src.T7_NOTICE == seed.source

    @pytest.mark.parametrize(
        ("key", "since"),
        [("cntk", date(2018, 4, 17)), ("chainer", date(2018, 6, 21))],
    )
    def test_latest_release_before_the_seed_date(self, key, since):
        """Seed-era release dates are the newest upload before mid-2018."""
        assert since == SEED_ERA_STATUS[key].since

    @pytest.mark.parametrize(
        ("purpose", "winner"),
        [
            ("academic", "pytorch"),
            ("beginner", "keras"),
            ("industry", "tensorflow"),
        ],
    )
    def test_classic_seed_era_answers(self, purpose, winner):
        """The seed-era data still gives the classic answers."""
        assert winner == recommend(purpose, data="seed_era").winner


class TestUndatedRelease:
    def test_status_date_stands_in(self):
        """A hand-written release whose date no source states counts as at
        least as recent as the status date, not as no release at all."""
        candle = get_framework("candle")
        assert candle.latest_release is not None
        assert candle.latest_release.date is None
        assert candle.status_date is not None

        when, sources = latest_release(candle, None)

        assert candle.status_date == when
        assert () == sources

    def test_dated_release_is_used_as_it_is(self):
        """A dated release is its own date, whatever the status date."""
        oneflow = get_framework("oneflow")
        assert oneflow.latest_release is not None

        when, _ = latest_release(oneflow, None)

        assert oneflow.latest_release.date == when
