"""The recommendation's text in newcomer words: display names, the header,
unknowns, the level meanings and one framework's gap to the winner."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

import dlchoose

from dlchoose import (
    Criterion,
    criterion_name,
    explain_why_not,
    get_framework,
    recommend,
)
from dlchoose._recommend._render import NAMES, _x_text, level_text
from dlchoose.exceptions import UnknownCriterionError, UnknownFrameworkError


class TestCriterionName:
    def test_every_criterion_has_a_display_name(self):
        """Every criterion has a short name in plain words (no ids)."""
        assert set(Criterion) == set(NAMES)
        assert [] == [c for c in Criterion if "_" in criterion_name(c)]

    def test_ids_and_members(self):
        """The id and the member give the same name."""
        assert "language bindings" == criterion_name("bindings")
        assert "GPU support" == criterion_name(Criterion.GPU)
        assert "GPU support" == criterion_name(" GPU ")

    def test_unknown(self):
        """An unknown criterion raises UnknownCriterionError with choices."""
        with pytest.raises(UnknownCriterionError) as info:
            criterion_name("speed")
        assert "graphs" in info.value.choices


class TestHeader:
    def test_constraints_in_words(self):
        """Every hard constraint is named in the scope line."""
        rec = recommend(
            language="java",
            require=["rnn"],
            gpu_vendor="nvidia",
            installed=["pytorch", "tensorflow", "dl4j"],
            include_unmaintained=True,
            core_gate=False,
        )
        scope = next(
            line
            for line in str(rec).splitlines()
            if line.startswith("Ranked:")
        )
        assert scope.startswith("Ranked: frameworks that have an official")
        for words in (
            "Java API",
            "are installed here",
            "support RNN layers",
            "run on nvidia GPUs",
        ):
            assert words in scope
        assert "computation graphs" not in scope

    def test_no_limits(self):
        """Without the core check, the scope line names no limit."""
        rec = recommend(core_gate=False)
        assert (
            f"Ranked: maintained frameworks ({len(rec.excluded)} left out)."
            in str(rec).splitlines()
        )

    def test_data_date_without_data_dates(self):
        """A result without data_dates shows its data date and era."""
        rec = attrs.evolve(recommend(data="seed_era"), data_dates=None)
        assert "Data (seed_era data): as of 2018-06-30." in str(rec)

    def test_installable_target(self):
        """--installable names the target it was checked for."""
        rec = recommend(python="3.12", platform="win_amd64", installable=True)
        assert "are installable on CPython 3.12 on win_amd64" in str(rec)

    @pytest.mark.parametrize(
        ("missing", "words"),
        [
            ("pessimistic", "counted as 0"),
            ("neutral", "counted as half"),
            (
                "known_average",
                (
                    "scored at its average of known values, at most the"
                    " typical measured value and at most half the scale, a"
                    " share at most what its series leaves it;"
                ),
            ),
        ],
    )
    def test_unknowns_say_how_they_count(self, missing, words):
        """The ranking says how unknown values were counted."""
        text = recommend(missing=missing).summary(top=20)
        assert f"({words}" in text


class TestWhyWinner:
    def test_full_and_partial_points(self):
        """Criteria with every point are listed apart from the others,
        which show their points out of the most they can give."""
        rec = recommend()
        best = rec.ranking[0]
        line = next(
            line
            for line in str(rec).splitlines()
            if line.startswith(f"Why {best.name}: full points for ")
        )
        full, partial = line.split("; partly for ")
        for c in best.contributions:
            name = criterion_name(c.criterion)
            if not c.weight:
                assert name not in line
            elif c.points == 100 * c.weight:
                assert name in full
            else:
                weight = f"{float(100 * c.weight):g}"
                assert f"{name} {float(c.points):.1f} of {weight}" in partial

    @pytest.mark.parametrize(
        ("priorities", "expected"),
        [
            (["graphs"], "Why PyTorch: full points for computation graphs."),
            (["bindings"], "Why TensorFlow: partly for language bindings"),
        ],
    )
    def test_one_kind_only(self, priorities, expected):
        """With one criterion, the line has only the part that applies."""
        text = str(recommend(priorities=priorities))
        assert any(line.startswith(expected) for line in text.splitlines())


class TestExplain:
    def test_levels_in_words(self):
        """Values read as levels, stars, APIs, shares or scores."""
        assert "level 2 of 2: first-party layers" == level_text(
            Criterion.CNN, 2
        )
        assert "unknown" == level_text(Criterion.CNN, None)
        assert "1.5 mature language APIs" == level_text(Criterion.BINDINGS, 3)
        assert "12,345 GitHub stars" == level_text(Criterion.COMMUNITY, 12345)
        assert "a share of 45.0%" == level_text(
            Criterion.ACADEMIC_ADOPTION, 0.45
        )
        assert level_text(Criterion.TRAINING_SPEED, 0.5).startswith(
            "score 0.50 (1 = fastest"
        )

    def test_scales_section(self):
        """The breakdown ends its ranking part with what each level means."""
        text = recommend().explain()
        assert "What the levels mean:" in text
        assert "  GPU support (simple single-GPU use):" in text
        assert "    0: no GPU support" in text
        assert "  language bindings:" in text


class TestWhyNot:
    def test_positions_in_units(self):
        """Positions on a scale read in the criterion's own unit."""
        assert "level 4 of 4 (define-by-run by default;" in _x_text(
            "graphs", Fraction(76, 100)
        )
        assert "2.5 mature language APIs" == _x_text(
            "bindings", Fraction(1, 2)
        )
        assert "200,000 GitHub stars" == _x_text("community", Fraction(1))
        assert "a share of 40.0%" == _x_text(
            "academic_adoption", Fraction(1, 2)
        )
        assert "50% of the way to fastest well-attested" == _x_text(
            "training_speed", Fraction(1, 2)
        )

    def test_value_that_would_tie(self):
        """A feasible single change is said in the criterion's unit."""
        rec = recommend("beginner")
        runner_up = next(
            w for w in rec.why_not if any(t[3] for t in w.value_to_tie)
        )
        text = explain_why_not(rec, runner_up.framework)
        assert "What would have to change for" in text
        assert "  its " in text

    def test_alias_and_display_name(self):
        """Keys, display names and registry aliases all find a framework."""
        rec = recommend()
        second = rec.ranking[1]
        expected = explain_why_not(rec, second.framework)
        assert expected == explain_why_not(rec, second.name.upper())
        assert "PyTorch is the recommendation: it ranks first." == (
            explain_why_not(rec, "torch")
        )

    def test_unknown_or_absent(self):
        """A name not in the result raises UnknownFrameworkError."""
        rec = recommend(
            frameworks=[
                dlchoose.get_framework("pytorch"),
                dlchoose.get_framework("tensorflow"),
            ]
        )
        for name in ("nope", "jax"):
            with pytest.raises(UnknownFrameworkError):
                explain_why_not(rec, name)

    def test_no_ranking(self):
        """With nothing ranked there is no winner to compare with."""
        text = explain_why_not(recommend(installed=[]), "pytorch")
        assert "No framework meets every constraint, so none is first." == text

    def test_excluded_winner(self):
        """An excluded framework that would win says so."""
        rec = recommend(language="java")
        text = explain_why_not(rec, "pytorch")
        assert text.startswith("PyTorch was left out before ranking:")
        assert text.endswith(
            f"Without those limits it would rank 1 and beat {rec.ranking[0].name}."
        )

    def test_excluded_without_rank(self):
        """A framework outside the data era has no rank to claim."""
        text = explain_why_not(recommend(data="seed_era"), "jax")
        assert "Without those limits" not in text
        assert "no seed-era data" in text

    def test_dominated(self):
        """A dominated runner-up cannot win under any weights."""
        rec = recommend(
            frameworks=[get_framework("pytorch"), get_framework("torch7")],
            core_gate=False,
            include_unmaintained=True,
        )
        why = next(w for w in rec.why_not if w.dominated)
        text = explain_why_not(rec, why.framework)
        assert "so no choice of weights ranks" in text

    def test_no_weight_flip(self):
        """Without a single-weight flip, only value changes are listed."""
        rec = recommend()
        why = attrs.evolve(rec.why_not[0], weight_to_tie=None)
        text = explain_why_not(
            attrs.evolve(rec, why_not=(why, *rec.why_not[1:])), why.framework
        )
        assert "  weights:" not in text
        assert "What would have to change" in text
