"""The recommender's maths on the exact toy fixtures of recommender.md §13.2
and property tests on random tables (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from dlchoose._recommend._maths import (
    Matrix,
    Weights,
    flip_point,
    gap_split,
    rank,
    robustness_label,
    robustness_of,
    score_table,
    values_to_tie,
)


CRITERIA = ("graphs", "deploy", "beginner")


def make(table, weights):
    """Matrix and Weights from plain Fraction mappings."""
    w = Weights.of(weights)
    return Matrix.of(table, w.criteria), w


@pytest.fixture(name="toy")
def _toy():
    table = {
        "Alpha": {
            "graphs": Fraction(1),
            "deploy": Fraction(1, 2),
            "beginner": Fraction(3, 4),
        },
        "Beta": {
            "graphs": Fraction(1, 2),
            "deploy": Fraction(1),
            "beginner": Fraction(1, 2),
        },
        "Gamma": {
            "graphs": Fraction(1, 4),
            "deploy": Fraction(1, 4),
            "beginner": Fraction(1),
        },
    }
    weights = {
        "graphs": Fraction(1, 2),
        "deploy": Fraction(1, 5),
        "beginner": Fraction(3, 10),
    }
    return make(table, weights)


def points(m, w, name):
    """A row's score in points (exact)."""
    return Fraction(100 * score_table(m, w)[name], m.denom * w.denom)


class TestToyFixture:
    def test_scores_and_ranking(self, toy):
        """Alpha 0.825, Beta 0.600, Gamma 0.475, ranked in that order."""
        m, w = toy
        ranked = rank(m, w)
        assert ["Alpha", "Beta", "Gamma"] == [r[0] for r in ranked]
        assert [Fraction(165, 2), Fraction(60), Fraction(95, 2)] == [
            points(m, w, n) for n, _, _ in ranked
        ]
        assert [None, None, None] == [r[2] for r in ranked]

    def test_margin(self, toy):
        """Alpha leads Beta by 22.5 points."""
        m, w = toy
        assert Fraction(45, 2) == points(m, w, "Alpha") - points(m, w, "Beta")

    def test_why_not_beta(self, toy):
        """Graphs +25, beginner +7.5, deploy -10: sum 22.5."""
        m, w = toy
        assert (
            ("graphs", Fraction(25)),
            ("beginner", Fraction(15, 2)),
            ("deploy", Fraction(-10)),
        ) == gap_split(m, w, "Alpha", "Beta")

    def test_why_not_gamma(self, toy):
        """Graphs +37.5, deploy +5, beginner -7.5: sum 35."""
        m, w = toy
        items = gap_split(m, w, "Alpha", "Gamma")
        assert (
            ("graphs", Fraction(75, 2)),
            ("deploy", Fraction(5)),
            ("beginner", Fraction(-15, 2)),
        ) == items
        assert Fraction(35) == sum(p for _, p in items)

    def test_flip_points_vs_beta(self):
        """Deploy flips at 13/29 (raise), graphs at 1/11 (lower)."""
        gap = Fraction(9, 40)
        assert (Fraction(13, 29), "increase") == flip_point(
            gap, Fraction(1, 5), Fraction(-1, 2)
        )
        assert (Fraction(1, 11), "decrease") == flip_point(
            gap, Fraction(1, 2), Fraction(1, 2)
        )
        assert None is flip_point(gap, Fraction(3, 10), Fraction(1, 4))

    def test_flip_points_vs_gamma(self):
        """Graphs flips at 1/16, beginner at 17/24; deploy never."""
        gap = Fraction(35, 100)
        assert (Fraction(1, 16), "decrease") == flip_point(
            gap, Fraction(1, 2), Fraction(3, 4)
        )
        assert (Fraction(17, 24), "increase") == flip_point(
            gap, Fraction(3, 10), Fraction(-1, 4)
        )
        assert None is flip_point(gap, Fraction(1, 5), Fraction(1, 4))

    def test_single_criterion_never_flips(self):
        """With all weight on one criterion, no other weight can move."""
        assert None is flip_point(Fraction(1, 2), Fraction(1), Fraction(1, 2))

    def test_min_flip(self, toy):
        """Smallest flip: raise deploy by 36/145 (24.83 points), Beta."""
        m, w = toy
        flip, _, per = robustness_of(m, w, "Alpha", m.rows)
        assert flip is not None
        assert ("deploy", "increase", "Beta") == (
            flip.criterion,
            flip.direction,
            flip.challenger,
        )
        assert Fraction(13, 29) == flip.to_weight
        assert Fraction(3600, 145) == flip.points
        assert "robust" == robustness_label(flip)
        assert {"Beta", "Gamma"} == set(per)

    def test_stability_intervals(self, toy):
        """Graphs (9.09, 100], deploy [0, 44.83), beginner [0, 70.83)."""
        m, w = toy
        _, stability, _ = robustness_of(m, w, "Alpha", m.rows)
        assert (
            ("beginner", Fraction(0), Fraction(1700, 24)),
            ("deploy", Fraction(0), Fraction(1300, 29)),
            ("graphs", Fraction(100, 11), Fraction(100)),
        ) == stability

    def test_value_to_tie(self, toy):
        """Beta needs graphs +0.45 (feasible); the others are infeasible."""
        m, w = toy
        beta = {
            c: (now, need, ok)
            for c, now, need, ok in values_to_tie(m, w, "Alpha", "Beta")
        }
        assert (Fraction(1, 2), Fraction(19, 20), True) == beta["graphs"]
        assert (Fraction(1), Fraction(17, 8), False) == beta["deploy"]
        assert (Fraction(1, 2), Fraction(5, 4), False) == beta["beginner"]
        gamma = {
            c: ok for c, _, _, ok in values_to_tie(m, w, "Alpha", "Gamma")
        }
        assert {"graphs": True, "deploy": False, "beginner": False} == gamma

    def test_boundary_tie_broken_on_deploy(self, toy):
        """At t* Alpha and Beta tie at 21/29; deploy breaks it for Beta."""
        m, _ = toy
        w = Weights.of(
            {
                "graphs": Fraction(10, 29),
                "deploy": Fraction(13, 29),
                "beginner": Fraction(6, 29),
            }
        )
        ranked = rank(m, w)
        assert ["Beta", "Alpha"] == [r[0] for r in ranked[:2]]
        assert ranked[0][1] == ranked[1][1]
        assert points(m, w, "Beta") == Fraction(2100, 29)
        assert "deploy" == ranked[1][2]


class TestTies:
    def test_exact_fractions_tie(self):
        """0.5*0.6 equals 0.5*0.2 + 0.5*0.4 exactly; c1 breaks the tie."""
        m, w = make(
            {
                "Q": {"c1": Fraction(1, 5), "c2": Fraction(2, 5)},
                "P": {"c1": Fraction(3, 5), "c2": Fraction(0)},
            },
            {"c1": Fraction(1, 2), "c2": Fraction(1, 2)},
        )
        ranked = rank(m, w)
        assert [("P", None), ("Q", "c1")] == [(r[0], r[2]) for r in ranked]

    def test_identical_rows_tie_on_name(self):
        """Identical values fall back to the framework key."""
        m, w = make(
            {"b": {"c": Fraction(1)}, "a": {"c": Fraction(1)}},
            {"c": Fraction(1)},
        )
        assert [("a", None), ("b", "framework")] == [
            (r[0], r[2]) for r in rank(m, w)
        ]

    def test_labels(self):
        """Labels: >= 10 robust, >= 5 moderate, else fragile."""
        m, w = make(
            {
                "a": {"c1": Fraction(1), "c2": Fraction(0)},
                "b": {"c1": Fraction(0), "c2": Fraction(1)},
            },
            {"c1": Fraction(51, 100), "c2": Fraction(49, 100)},
        )
        flip, _, _ = robustness_of(m, w, "a", m.rows)
        assert flip is not None
        assert Fraction(1) == flip.points
        assert "fragile" == robustness_label(flip)
        assert "robust" == robustness_label(None)


# -- properties on random tables ----------------------------------------------

NAMES = ("a", "b", "c", "d", "e")
CRITS = ("c1", "c2", "c3", "c4")
levels = st.integers(0, 4).map(lambda n: Fraction(n, 4))


@st.composite
def tables(draw, min_size=2):
    """A random x table (quarter steps) and random integer weights."""
    names = draw(
        st.lists(st.sampled_from(NAMES), min_size=min_size, unique=True)
    )
    table = {n: {c: draw(levels) for c in CRITS} for n in names}
    raw = draw(st.lists(st.integers(0, 10), min_size=4, max_size=4))
    if not any(raw):
        raw[0] = 1
    total = sum(raw)
    weights = {c: Fraction(r, total) for c, r in zip(CRITS, raw, strict=True)}
    return table, weights


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(tables())
    def test_additivity(self, data):
        """Why-not items sum exactly to the gap in points."""
        m, w = make(*data)
        ranked = rank(m, w)
        top = ranked[0][0]
        for name, _, _ in ranked[1:]:
            assert points(m, w, top) - points(m, w, name) == sum(
                p for _, p in gap_split(m, w, top, name)
            )

    @settings(max_examples=60, deadline=None)
    @given(tables(min_size=3), st.data())
    def test_filter_invariance(self, data, draw):
        """Removing a row never reorders the others."""
        table, weights = data
        m, w = make(table, weights)
        order = [r[0] for r in rank(m, w)]
        gone = draw.draw(st.sampled_from(sorted(table)))
        smaller = {k: v for k, v in table.items() if k != gone}
        m2, w2 = make(smaller, weights)
        assert [n for n in order if n != gone] == [r[0] for r in rank(m2, w2)]

    @settings(max_examples=60, deadline=None)
    @given(tables(), st.data())
    def test_monotonicity(self, data, draw):
        """Raising one of a row's values never lowers its rank."""
        table, weights = data
        m, w = make(table, weights)
        name = draw.draw(st.sampled_from(sorted(table)))
        crit = draw.draw(st.sampled_from(CRITS))
        before = [r[0] for r in rank(m, w)].index(name)
        raised = {k: dict(v) for k, v in table.items()}
        raised[name][crit] = min(
            Fraction(1), raised[name][crit] + Fraction(1, 4)
        )
        m2, w2 = make(raised, weights)
        assert [r[0] for r in rank(m2, w2)].index(name) <= before

    @settings(max_examples=60, deadline=None)
    @given(tables(), st.integers(1, 50))
    def test_weight_scale_invariance(self, data, factor):
        """Weights times c > 0 give the same ranking."""
        table, weights = data
        m, w = make(table, weights)
        total = sum(weights.values()) * factor
        scaled = {c: v * factor / total for c, v in weights.items()}
        m2, w2 = make(table, scaled)
        assert [r[0] for r in rank(m, w)] == [r[0] for r in rank(m2, w2)]

    @settings(max_examples=60, deadline=None)
    @given(tables(), st.randoms(use_true_random=False))
    def test_input_order_invariance(self, data, rnd):
        """Shuffling rows gives the same ranking."""
        table, weights = data
        keys = list(table)
        rnd.shuffle(keys)
        m, w = make(table, weights)
        m2, w2 = make({k: table[k] for k in keys}, weights)
        assert rank(m, w) == rank(m2, w2)

    @settings(max_examples=60, deadline=None)
    @given(tables())
    def test_flip_correctness(self, data):
        """Just past t* the pair flips; just before it does not."""
        table, weights = data
        m, w = make(table, weights)
        winner = rank(m, w)[0][0]
        flip, _, _ = robustness_of(m, w, winner, m.rows)
        if flip is None:
            return
        eps = Fraction(1, 10**6)
        step = eps if flip.direction == "increase" else -eps

        def moved(t):
            k = flip.criterion
            rest = (1 - t) / (1 - weights[k])
            return {c: (t if c == k else v * rest) for c, v in weights.items()}

        def lead(t):
            m2, w2 = make(table, moved(t))
            return points(m2, w2, winner) - points(m2, w2, flip.challenger)

        assert lead(flip.to_weight - step) > 0 or flip.points == 0
        assert lead(flip.to_weight + step) < 0
        assert 0 == lead(flip.to_weight)
