"""The recommender's claims hold on the data it has: dominance and leads
with unknown values at their best and worst, ties said as ties, pre-release
installs said as such, and bad input refused with a message."""

from __future__ import annotations

import json

import attrs
import pytest

import dlchoose

from dlchoose import (
    CompatibilityReason,
    DataEra,
    Purpose,
    explain_why_not,
    get_framework,
    recommend,
)
from dlchoose._cli import _recommend_next
from dlchoose.exceptions import InvalidConstraintError, UnknownFrameworkError
from tests.cli_run import run


#: Every purpose in both data eras.
CASES = [(p.value, e.value) for p in Purpose for e in DataEra]

#: Weights under which PaddlePaddle, TensorFlow, PyTorch and
#: TensorFlow.js all score 87.5 (the classic academic pick among them).
TIE_WEIGHTS = (
    "graphs=50,deployment=50,autodiff=0,gpu=0,distributed_gpu=0,"
    "training_speed=0,cnn=0,rnn=0,beginner=0,bindings=0,community=0,"
    "maintenance=0,academic_adoption=0,industry_adoption=0"
)


class TestDominance:
    @pytest.mark.parametrize(("purpose", "era"), CASES)
    def test_unknowns_at_best_never_dominated(self, purpose, era):
        """A rival called dominated cannot beat the winner even with its
        unknown values at their best and the winner's at their worst."""
        rec = recommend(purpose, data=era)
        ranked = {r.framework: r for r in rec.ranking}
        for why in rec.why_not:
            if why.dominated:
                rival, best = ranked[why.framework], rec.ranking[0]
                assert rival.score_max <= best.score_min

    def test_torchsharp_is_not_dominated(self):
        """TorchSharp's six unknowns could put it above PyTorch in
        industry, so neither text nor JSON says no weighting can."""
        rec = recommend("industry")
        why = next(w for w in rec.why_not if w.framework == "torchsharp")
        assert not why.dominated
        assert "no choice of weights" not in explain_why_not(rec, "torchsharp")
        data = rec.to_dict()
        entry = next(
            w for w in data["why_not"] if w["framework"] == "torchsharp"
        )
        assert entry["dominated"] is False

    def test_fully_known_worse_rival_is_dominated(self):
        """Torch7, worse than PyTorch everywhere at its best, is dominated."""
        rec = recommend(
            frameworks=[get_framework("pytorch"), get_framework("torch7")],
            core_gate=False,
            include_unmaintained=True,
        )
        (why,) = rec.why_not
        assert why.dominated
        assert "so no choice of weights ranks Torch7 first" in (
            explain_why_not(rec, "torch7")
        )


class TestLead:
    @pytest.mark.parametrize(("purpose", "era"), CASES)
    def test_clear_lead_implies_data_robust(self, purpose, era):
        """'a clear lead' is said only when no unknown value could change
        the winner."""
        rec = recommend(purpose, data=era)
        assert rec.robustness is not None
        text = " ".join((rec.summary() + "\n" + rec.explain()).split())
        if "clear lead" in text:
            assert rec.robustness.data_robust

    def test_unknowns_that_could_flip_are_named(self):
        """Seed-era prototyping: the lead names the decisive unknowns."""
        rec = recommend("research_prototyping", data="seed_era")
        assert rec.robustness is not None
        assert not rec.robustness.data_robust
        text = " ".join(rec.summary().split())
        assert (
            "PyTorch leads Chainer by 8.4 points, but only on the known"
            " values: unknown values could change the winner (Chainer's"
            " training speed, Chainer's community size," in text
        )
        assert "clear lead" not in text
        assert "on the known values only" in rec.explain()


class TestTie:
    def test_tie_is_said_with_names(self, capsys):
        """An exact tie names every tied framework and no lead."""
        code, out, _ = run(capsys, "recommend", "--weights", TIE_WEIGHTS)
        assert 0 == code
        flat = " ".join(out.split())
        assert (
            "TensorFlow, PaddlePaddle, PyTorch and TensorFlow.js tie at 87.5"
            in flat
        )
        line = next(line for line in out.splitlines() if "tie at 87.5" in line)
        assert "leads" not in line
        assert "lead" not in flat.split("tie at 87.5")[0].splitlines()[-1]

    def test_tie_with_classic_pick_claims_no_disagreement(self):
        """When the classic pick ties the winner, no disagreement is said."""
        weights = dict(item.split("=") for item in TIE_WEIGHTS.split(","))
        rec = recommend(
            "academic", weights={k: float(v) for k, v in weights.items()}
        )
        assert rec.ranking[0].framework != "pytorch"
        text = " ".join(rec.notes)
        assert "disagrees" not in text
        assert f"{rec.ranking[0].name} ties PyTorch at 87.5" in text

    def test_two_tied(self):
        """Two tied frameworks read 'A and B tie'."""
        weights = dict(item.split("=") for item in TIE_WEIGHTS.split(","))
        rec = recommend(
            frameworks=[get_framework("paddle"), get_framework("tensorflow")],
            weights={k: float(v) for k, v in weights.items()},
        )
        assert "TensorFlow and PaddlePaddle tie at 87.5;" in rec.summary()


class TestExplainWhyNotArguments:
    @pytest.mark.parametrize("value", [None, 3])
    def test_not_a_string(self, value):
        """A framework that is not a str is a TypeError with a message."""
        with pytest.raises(TypeError, match="framework must be"):
            explain_why_not(recommend("academic"), value)

    def test_unknown_name_with_empty_ranking(self):
        """An unknown name is refused even when nothing was ranked."""
        rec = recommend("academic", language="Perl")
        assert not rec.ranking
        with pytest.raises(UnknownFrameworkError):
            explain_why_not(rec, "bogus")


class TestNextSteps:
    @pytest.mark.parametrize(
        ("reason", "words"),
        [
            (
                CompatibilityReason.ONLY_PRERELEASES,
                "no stable release installs there; a pre-release does:",
            ),
            (
                CompatibilityReason.ONLY_YANKED,
                "only a yanked (withdrawn) release installs there:",
            ),
        ],
    )
    def test_prerelease_install_is_said(self, monkeypatch, reason, words):
        """An install command that is no stable release says so first."""
        (real,) = dlchoose.compatibility(["pytorch"], python="3.12")
        fake = attrs.evolve(
            real,
            installable=True,
            reason=reason,
            install_command="pip install torch==9.0rc1",
        )
        monkeypatch.setattr(dlchoose, "compatibility", lambda *_, **__: [fake])
        lines = _recommend_next.next_steps(
            recommend("academic"), python="3.12"
        )
        install = next(line for line in lines if "Install" in line)
        assert install.endswith(f"{words} pip install torch==9.0rc1")

    def test_stable_install_has_no_caveat(self):
        """A stable release is shown as a plain command."""
        lines = _recommend_next.next_steps(
            recommend("academic"), python="3.12"
        )
        install = next(line for line in lines if "Install" in line)
        assert ": pip install " in install


class TestUnknownFootnote:
    def test_describes_the_rule(self, capsys):
        """The ? footnote states the default rule in full."""
        _, out, _ = run(capsys, "recommend", "--purpose", "industry", "--all")
        flat = " ".join(out.split())
        assert (
            "? some values unknown, scored at the lower of the framework's"
            " own average of known values and the criterion's typical"
            " measured value (the median, at most half the scale); an"
            " unknown share its series bounds at most the smallest share"
            " it measures:" in flat
        )


class TestCliArguments:
    def test_explain_with_why_not_is_refused(self, capsys):
        """--why-not with --explain is a usage error, not silently ignored."""
        code, out, err = run(
            capsys, "recommend", "--why-not", "keras", "--explain"
        )
        assert (2, "") == (code, out)
        assert "--explain: not allowed with argument --why-not" in err

    def test_unknown_language_is_usage_error(self, capsys):
        """An unknown --language exits 2 naming the known languages."""
        code, out, err = run(capsys, "recommend", "--language", "cobol")
        assert (2, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith("dlchoose: error: argument --language:")
        assert "Python" in err
        assert "Java" in err

    def test_other_bad_constraint_still_exits_1(self, capsys, monkeypatch):
        """A bad constraint other than the language stays a typed error."""

        def refuse(*_: object, **__: object) -> None:
            raise InvalidConstraintError("x", ("a",), constraint="gpu_vendor")

        monkeypatch.setattr(dlchoose, "recommend", refuse)
        code, out, err = run(capsys, "recommend")
        assert (1, "") == (code, out)
        assert err.startswith("dlchoose: error: Unknown gpu_vendor 'x'.")

    def test_huge_weights_are_recorded_briefly(self, capsys):
        """Huge or fractional weights are recorded to 6 significant digits."""
        code, out, _ = run(
            capsys,
            "recommend",
            "--weights",
            "deployment=1e308,graphs=0.1,cnn=30",
            "--json",
        )
        assert 0 == code
        overrides = json.loads(out)["profile"]["overrides"]
        assert {
            "cnn": "30",
            "deployment": "1e+308",
            "graphs": "0.1",
        } == overrides


class TestAdoptionDates:
    def test_no_point_after_its_source(self):
        """No adoption point is dated after the file that records it."""
        from dlchoose._recommend._adoption import load

        for series in load().series.values():
            for point in series.points:
                assert point.source.date is not None
                assert point.observed <= point.source.date, point.label

    def test_iclr_submissions_called_submissions(self):
        """The ICLR 2021/2022 points say they count submissions, and the
        series says it mixes papers with submissions."""
        from dlchoose._recommend._adoption import load

        series = load().series["academic_adoption"]
        iclr = [p for p in series.points if "ICLR 202" in p.label]
        assert {"submissions", "papers and submissions"} == {
            p.unit for p in iclr
        }
        assert all("submissions" in p.label for p in iclr)
        assert "mixes papers with submissions" in series.measures
