"""dlchoose.recommend on the shipped data: golden cases, constraints, errors,
output formats, properties and determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from datetime import datetime, timezone
from fractions import Fraction
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

import dlchoose

from dlchoose import (
    Framework,
    RepoMetrics,
    bundled_snapshot,
    frameworks,
    get_framework,
)
from dlchoose._metrics._values import LatestRelease, MetricsReport
from dlchoose._recommend._constraints import CORE_QUALITIES as CORE
from dlchoose._recommend._core import Recommendation, recommend
from dlchoose._recommend._criteria import (
    CRITERIA,
    REQUIRABLE,
    SEED_ERA_AS_OF,
    Criterion,
)
from dlchoose._recommend._gather import Gatherer
from dlchoose._recommend._options import DataEra
from dlchoose._recommend._profiles import PROFILES, Purpose, purposes
from dlchoose._recommend._values import candidates, rubric_cell
from dlchoose._recommend._weights import resolve_weights
from dlchoose.exceptions import (
    InvalidConstraintError,
    InvalidWeightsError,
    UnknownCriterionError,
    UnknownFrameworkError,
    UnknownPurposeError,
)
from tests.cli_run import run


@pytest.fixture(name="catalog")
def _catalog() -> tuple[Framework, ...]:
    return frameworks()


def scores(rec: Recommendation) -> list[tuple[str, float]]:
    return [(r.framework, float(r.score)) for r in rec.ranking]


class TestGolden:
    @pytest.mark.parametrize(
        ("purpose", "data", "winner", "least_margin", "labels"),
        [
            ("academic", "current", "pytorch", 10, {"robust"}),
            ("academic", "seed_era", "pytorch", 3, {"fragile", "moderate"}),
            ("industry", "seed_era", "tensorflow", 10, {"robust"}),
            ("beginner", "current", "keras", 2, {"fragile", "moderate"}),
            ("beginner", "seed_era", "keras", 5, {"robust"}),
        ],
    )
    def test_classic_advice(self, purpose, data, winner, least_margin, labels):
        """G1-G3: PyTorch (academic), Keras (beginner) and, on the
        seed-era data, TensorFlow (industry) win by their margins; the
        seed-era academic and today's beginner leads are thin since the
        adoption criteria (2018 papers favoured TensorFlow; Keras is a
        small share of downloads)."""
        rec = recommend(purpose, data=data)
        assert winner == rec.winner
        assert rec.margin is not None
        assert rec.margin >= least_margin
        assert rec.robustness is not None
        assert rec.robustness.label in labels
        assert any("Agrees with the classic advice" in n for n in rec.notes)

    def test_industry_today_follows_downloads(self):
        """G2 today: PyTorch leads industry by the adoption data, and the
        note says the data disagrees with the classic advice and why."""
        rec = recommend("industry")
        assert "pytorch" == rec.winner
        assert ["pytorch", "tensorflow"] == [
            r.framework for r in rec.ranking[:2]
        ]
        (note,) = rec.notes
        assert note.startswith(
            "Today's data disagrees with the classic advice"
            " (industry uses TensorFlow more)"
        )
        assert "use in industry +7.0" in note

    def test_seed_era_academic_adoption_against_pytorch(self):
        """G1 seed era: mid-2018 papers favour TensorFlow (68 %), which
        costs PyTorch points, yet PyTorch stays first on the other
        criteria."""
        rec = recommend("academic", data="seed_era")
        (why,) = [w for w in rec.why_not if w.framework == "tensorflow"]
        split = dict(why.by_criterion)
        assert split["academic_adoption"] < -4
        assert why.gap > 3

    def test_g4_seed_era_distributed(self):
        """G4: with the seed-era data, distributed GPU jobs go to TensorFlow."""
        rec = recommend("large_scale_distributed", data="seed_era")
        assert "tensorflow" == rec.winner
        assert rec.as_of.isoformat() == "2018-06-30"

    def test_g5_current_distributed(self):
        """G5: today TensorFlow and PyTorch lead, and the note says why."""
        rec = recommend("distributed")
        assert {"tensorflow", "pytorch"} == {
            r.framework for r in rec.ranking[:2]
        }
        assert rec.robustness is not None
        assert rec.robustness.min_flip is not None
        if rec.winner != "tensorflow":
            (note,) = rec.notes
            assert note.startswith("Today's data disagrees")
            assert "TensorFlow" in note

    @pytest.mark.parametrize("purpose", list(Purpose))
    def test_g6_core_gate(self, purpose):
        """G6: every ranked framework meets the three core qualities, or
        has an unrated one and a warning naming it."""
        rec = recommend(purpose)
        for entry in rec.ranking:
            levels = {c.criterion: c for c in entry.contributions}
            for criterion in (
                Criterion.GRAPHS,
                Criterion.AUTODIFF,
                Criterion.GPU,
            ):
                spec = CRITERIA[criterion]
                value = levels[criterion].value
                if value is None:
                    assert (
                        f"{entry.name}: cannot verify core quality:"
                        f" {spec.label}; kept"
                    ) in rec.warnings
                    continue
                assert isinstance(value, int)
                assert value >= spec.supported_level
        gated = [
            e
            for e in rec.excluded
            if any(f.constraint == "core_gate" for f in e.failed)
        ]
        assert gated
        for e in gated:
            for f in e.failed:
                if f.constraint != "core_gate":
                    continue
                criterion = next(
                    c for c in CORE if CRITERIA[c].label in f.reason
                )
                cell = rubric_cell(DataEra.CURRENT, e.framework, criterion)
                # only a judged level that is too low excludes; an
                # unknown one keeps the framework (checked above)
                assert cell.value is not None, (e.framework, f)
                assert f.reason.startswith("fails core quality"), f

    def test_g7_unmaintained_only_excluded(self):
        """G7: discontinued frameworks are excluded with dated sources."""
        rec = recommend()
        ranked = {r.framework for r in rec.ranking}
        for key in ("theano", "cntk", "mxnet"):
            assert key not in ranked
            (entry,) = [e for e in rec.excluded if e.framework == key]
            (failure,) = [
                f
                for f in entry.failed
                if f.constraint == "include_unmaintained"
            ]
            assert failure.sources
            assert all(s.date is not None for s in failure.sources)

    def test_done_criterion_str(self):
        """str() of the academic answer puts PyTorch first with reasons."""
        text = str(recommend(purpose="academic"))
        lines = text.splitlines()
        assert lines[0].startswith("Recommended for academic: PyTorch (")
        ranked = [
            line.lstrip() for line in lines if line[:3].strip()[:1].isdigit()
        ]
        assert ranked[0].startswith("1. PyTorch")
        assert any(line.startswith("Why PyTorch:") for line in lines)


class TestResult:
    def test_contributions_sum_to_score(self):
        """Every score is exactly the sum of its contributions."""
        for purpose in Purpose:
            for entry in recommend(purpose).ranking:
                assert entry.score == sum(
                    c.points for c in entry.contributions
                )

    def test_why_not_sums_to_gap(self):
        """Each why-not split sums exactly to the gap."""
        rec = recommend("industry")
        for why in rec.why_not:
            assert why.gap == sum(p for _, p in why.by_criterion)
            assert rec.winner == why.winner

    def test_unknowns_warned_with_interval(self):
        """Unknown values are warned about and widen the interval."""
        rec = recommend(missing="pessimistic")
        jax = next(r for r in rec.ranking if r.framework == "jax")
        assert Criterion.TRAINING_SPEED in jax.unknown
        assert jax.score_max > jax.score
        assert jax.score_min == jax.score
        assert jax.coverage < 1
        assert any(
            w.startswith("JAX: unknown") and "counted as 0" in w
            for w in rec.warnings
        )

    def test_neutral_missing(self):
        """missing='neutral' counts unknowns as half their scale."""
        pessimistic = recommend(missing="pessimistic")
        neutral = recommend(missing="neutral")
        before = dict(scores(pessimistic))
        after = dict(scores(neutral))
        assert after["jax"] > before["jax"]
        assert after["pytorch"] == before["pytorch"]
        assert any("counted as half" in w for w in neutral.warnings)

    def test_stale_metrics_warned(self):
        """Star counts much older than the data date are warned about."""
        rec = recommend()
        assert any("star count observed" in w for w in rec.warnings)

    def test_json_schema(self):
        """to_dict has the documented keys and framework keys as values."""
        data = recommend().to_dict()
        assert [
            "purpose",
            "profile",
            "data",
            "constraints",
            "environment",
            "winner",
            "margin",
            "ranking",
            "why_not",
            "robustness",
            "excluded",
            "relaxations",
            "warnings",
            "notes",
            "data_dates",
        ] == list(data)
        assert "pytorch" == data["winner"]
        first = data["ranking"][0]
        assert {"rank", "framework", "score", "contributions"} <= set(first)
        assert {
            "criterion",
            "value",
            "weight",
            "points",
            "sources",
        } <= set(first["contributions"][0])
        json.dumps(data)

    def test_explain_lists_sources_and_exclusions(self):
        """explain() shows every contribution, why-not, exclusions, sources."""
        text = recommend().explain()
        assert "Why not TensorFlow" in text
        assert "Robustness:" in text
        assert "Excluded: Theano" in text
        assert "Sources:" in text
        assert "[1]" in text

    def test_explain_no_flip(self, catalog):
        """A lone survivor explains that no weight change flips it."""
        rec = recommend(language="java")
        assert {"paddle", "tensorflow", "dl4j", "djl"} == {
            r.framework for r in rec.ranking
        }
        only = recommend(frameworks=[f for f in catalog if f.key == "pytorch"])
        assert only.margin is None
        assert "the only framework left" in str(only)
        assert "no single weight change" in only.explain()

    def test_dominated_runner_up(self, catalog):
        """A runner-up worse on every criterion, even with its unknowns at
        their best, is reported as dominated."""
        rec = recommend(
            "academic",
            frameworks=[get_framework("pytorch"), get_framework("torch7")],
            core_gate=False,
            include_unmaintained=True,
        )
        assert any(w.dominated for w in rec.why_not)
        assert "no weighting ranks it above" in rec.explain()

    def test_seed_era_scope(self):
        """Frameworks released after mid-2018 are excluded from seed-era data."""
        rec = recommend(data="seed_era")
        jax = next(e for e in rec.excluded if e.framework == "jax")
        assert "data" == jax.failed[0].constraint
        assert jax.rank_if_allowed is None
        assert rec.warnings[0].startswith("community is unknown")

    def test_rank_if_allowed(self):
        """Excluded frameworks say where they would rank without their filter."""
        rec = recommend()
        mxnet = next(e for e in rec.excluded if e.framework == "mxnet")
        assert mxnet.rank_if_allowed is not None
        assert 1 <= mxnet.rank_if_allowed <= len(rec.ranking) + 1


class TestConstraints:
    def test_language(self):
        """language='java' keeps Java frameworks and says why others failed."""
        rec = recommend(language="Java")
        for entry in rec.ranking:
            framework = next(
                f for f in frameworks() if f.key == entry.framework
            )
            assert "java" in {lang.casefold() for lang in framework.languages}
        pytorch = next(e for e in rec.excluded if e.framework == "pytorch")
        assert "no official Java API" in pytorch.failed[0].reason
        assert any("PyTorch is excluded here" in n for n in rec.notes)

    def test_require_rnn(self):
        """require=['rnn'] excludes frameworks without RNN support."""
        rec = recommend(require=["rnn"], core_gate=False)
        assert all(
            next(c for c in r.contributions if c.criterion is Criterion.RNN).x
            >= Fraction(1, 2)
            for r in rec.ranking
        )
        pytensor = next(e for e in rec.excluded if e.framework == "pytensor")
        assert any(f.constraint == "require:rnn" for f in pytensor.failed)

    def test_unknown_constraint_value_excludes_or_keeps(self, catalog):
        """Unverifiable constraints exclude by default, or keep with a warning."""
        bare = attrs.evolve(
            next(f for f in catalog if f.key == "pytorch"),
            key="newfw",
            name="NewFW",
            aliases=(),
            repository=None,
            former_repositories=(),
            languages=(),
            gpu_backends=(),
        )
        excluded = recommend(
            frameworks=[bare], language="python", gpu_vendor="amd"
        )
        reasons = [f.reason for f in excluded.excluded[0].failed]
        assert "cannot verify the API languages" in reasons
        assert "cannot verify GPU back ends" in reasons
        kept = recommend(
            frameworks=[bare],
            language="python",
            gpu_vendor="amd",
            core_gate=False,
            require=["cnn"],
            unknown="keep",
        )
        assert ["newfw"] == [r.framework for r in kept.ranking]
        assert any("cannot verify" in w for w in kept.warnings)

    def test_gpu_vendor(self):
        """gpu_vendor='amd' keeps ROCm frameworks, including via backends."""
        rec = recommend(gpu_vendor="amd")
        keys = {r.framework for r in rec.ranking}
        assert {"pytorch", "tensorflow", "keras"} <= keys
        paddle = next(e for e in rec.excluded if e.framework == "paddle")
        assert "no supported amd GPU back end" in paddle.failed[0].reason

    def test_include_unmaintained(self):
        """include_unmaintained=True ranks Theano and MXNet."""
        rec = recommend(include_unmaintained=True, core_gate=False)
        keys = {r.framework for r in rec.ranking}
        assert {"theano", "mxnet", "cntk"} <= keys

    def test_installed_keys(self):
        """installed=<keys> keeps only those frameworks."""
        rec = recommend(installed=["keras", "tensorflow"])
        assert {"keras", "tensorflow"} == {r.framework for r in rec.ranking}
        assert ("keras", "tensorflow") == rec.environment
        assert rec.to_dict()["constraints"]["installed"] is True

    def test_installed_true_uses_detection(self):
        """installed=True asks the gatherer's detection."""
        rec = recommend(
            installed=True, gather=Gatherer(detect=lambda: ("pytorch",))
        )
        assert ["pytorch"] == [r.framework for r in rec.ranking]

    def test_nothing_survives_suggests_relaxations(self):
        """With no survivor, the smallest sets of constraints to drop are listed."""
        rec = recommend(language="lua", installed=[])
        assert [] == list(rec.ranking)
        assert rec.winner is None
        assert rec.robustness is None
        dropped = {r.dropped for r in rec.relaxations}
        assert ("installed", "language") in dropped
        assert all(len(d) == 2 for d in dropped)
        assert "No framework meets every constraint." in str(rec)
        assert (
            "  without the installed-here requirement and the language"
            " requirement, PyTorch would come first"
        ) in str(rec).splitlines()

    def test_relaxations_in_json(self):
        """Relaxations appear in the JSON document."""
        data = recommend(language="lua", installed=[]).to_dict()
        unconstrained = [r.framework for r in recommend().ranking[:3]]
        assert [
            {
                "dropped": ["installed", "language"],
                "winner": "pytorch",
                "top": unconstrained,
            }
        ] == data["relaxations"]
        assert data["robustness"] is None

    def test_no_relaxation_helps(self, catalog):
        """Data-era exclusions cannot be relaxed; the summary says so."""
        jax = [f for f in catalog if f.key == "jax"]
        rec = recommend(frameworks=jax, data="seed_era")
        assert () == rec.relaxations
        assert "no combination of at most three" in str(rec)


class TestInstalledNames:
    def test_string_is_one_name(self):
        """installed='pytorch' is one framework, not a set of letters."""
        rec = recommend(installed="pytorch")
        assert ("pytorch",) == rec.environment
        assert ["pytorch"] == [r.framework for r in rec.ranking]

    def test_aliases_and_objects(self):
        """Installed names resolve like get_framework; Framework objects work."""
        rec = recommend(installed=["torch", get_framework("tf")])
        assert ("pytorch", "tensorflow") == rec.environment

    def test_unknown_name(self):
        """An unknown installed name raises and suggests the closest."""
        with pytest.raises(UnknownFrameworkError) as info:
            recommend(installed=["pytorhc"])
        assert "pytorch" in info.value.suggestions

    def test_none_means_no_constraint(self):
        """installed=None is the same as installed=False."""
        assert recommend().to_dict() == recommend(installed=None).to_dict()


class TestLanguage:
    @pytest.mark.parametrize("language", ["cobol", "pyhton"])
    def test_unknown_language(self, language):
        """A language no framework has raises instead of excluding all."""
        with pytest.raises(InvalidConstraintError) as info:
            recommend(language=language)
        assert language == info.value.value
        assert sorted(info.value.choices) == list(info.value.choices)
        assert {"Python", "Lua", "Java"} <= set(info.value.choices)

    def test_suggests_closest(self):
        """A misspelt language suggests the registry's spelling."""
        with pytest.raises(InvalidConstraintError) as info:
            recommend(language="pyhton")
        assert ("Python",) == info.value.suggestions
        assert "Did you mean 'Python'?" in str(info.value)

    def test_any_case(self):
        """Languages match whatever their case."""
        assert "pytorch" == recommend(language=" PYTHON ").winner

    def test_registry_language_outside_pool(self, catalog):
        """A registry language absent from frameworks= excludes, not raises."""
        pytorch = [f for f in catalog if f.key == "pytorch"]
        rec = recommend(frameworks=pytorch, language="lua")
        assert rec.winner is None


class TestRequire:
    @pytest.mark.parametrize(
        "criterion", ["community", "training_speed", "maintenance", "bindings"]
    )
    def test_degrees_not_requirable(self, criterion):
        """Criteria without a meaningful 'supported' level cannot be required."""
        with pytest.raises(UnknownCriterionError) as info:
            recommend(require=[criterion])
        assert tuple(c.value for c in REQUIRABLE) == info.value.choices

    @pytest.mark.parametrize("criterion", [c.value for c in REQUIRABLE])
    def test_capabilities_requirable(self, criterion):
        """Every capability criterion can be required."""
        rec = recommend(require=[criterion])
        assert (criterion,) == dict(rec.constraints)["require"]

    def test_hyphen_spelling(self):
        """Criteria may be spelt with hyphens."""
        rec = recommend(require=["distributed-gpu"])
        assert ("distributed_gpu",) == dict(rec.constraints)["require"]


class TestWeights:
    def test_override_renormalises(self):
        """weights={'deployment': 30} replaces it, then all sum to 1."""
        rec = recommend("academic", weights={"deployment": 30})
        shares = dict(rec.weights)
        assert 1 == sum(shares.values())
        assert Fraction(30, 128) == shares[Criterion.DEPLOYMENT]
        assert (("deployment", "30"),) == rec.overrides

    def test_float_weights_exact(self):
        """Float weights become exact decimal fractions."""
        shares, _ = resolve_weights(
            PROFILES[Purpose.ACADEMIC], weights={"graphs": 0.1}
        )
        assert (
            Fraction(1, 10) / Fraction(8010, 100)
            == dict(shares)[Criterion.GRAPHS]
        )

    def test_priorities_rank_order_centroid(self):
        """priorities a,b,c,d give 52.08, 27.08, 14.58, 6.25."""
        rec = recommend(
            priorities=["deployment", "community", "gpu", "graphs"]
        )
        shares = dict(rec.weights)
        assert [
            Fraction(25, 48),
            Fraction(13, 48),
            Fraction(7, 48),
            Fraction(1, 16),
        ] == [
            shares[c]
            for c in (
                Criterion.DEPLOYMENT,
                Criterion.COMMUNITY,
                Criterion.GPU,
                Criterion.GRAPHS,
            )
        ]
        assert 0 == shares[Criterion.BEGINNER]

    def test_weight_scale_invariance(self):
        """Multiplying every weight by c > 0 keeps the ranking."""
        base = {c.value: w for c, w in PROFILES[Purpose.INDUSTRY].weights}
        a = recommend("industry", weights=base)
        b = recommend("industry", weights={k: v * 7 for k, v in base.items()})
        assert [r.framework for r in a.ranking] == [
            r.framework for r in b.ranking
        ]

    @pytest.mark.parametrize(
        "weights",
        [
            {"graphs": -1},
            {"graphs": float("nan")},
            {"graphs": float("inf")},
            {"graphs": True},
            {"graphs": "3"},
            {c.value: 0 for c in Criterion},
        ],
    )
    def test_invalid_weights(self, weights):
        """Negative, non-finite, non-numeric and all-zero weights are refused."""
        with pytest.raises(InvalidWeightsError):
            recommend(weights=weights)

    def test_invalid_priorities(self):
        """Repeated or empty priorities, or both options, are refused."""
        cases: tuple[dict[str, Any], ...] = (
            {"priorities": ["gpu", "gpu"]},
            {"priorities": []},
            {"priorities": ["gpu"], "weights": {"gpu": 1}},
        )
        for kwargs in cases:
            with pytest.raises(InvalidWeightsError):
                recommend(**kwargs)

    def test_unknown_criterion(self):
        """Unknown criteria list the choices and suggest the closest."""
        with pytest.raises(UnknownCriterionError) as info:
            recommend(weights={"deploymnt": 3})
        assert ("deployment",) == info.value.suggestions
        assert "community" in info.value.choices
        with pytest.raises(UnknownCriterionError):
            recommend(require=[7])  # type: ignore[list-item]


class TestErrors:
    def test_unknown_purpose(self):
        """Unknown purposes list purposes and aliases and suggest the closest."""
        with pytest.raises(UnknownPurposeError) as info:
            recommend("acadmic")
        assert ("academic",) == info.value.suggestions
        assert "production" in info.value.choices
        with pytest.raises(UnknownPurposeError):
            recommend(3)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"data": "1999"},
            {"missing": "drop"},
            {"unknown": "maybe"},
            {"gpu_vendor": "amdd"},
        ],
    )
    def test_invalid_constraint_values(self, kwargs):
        """Constraint values outside their choices raise with the choices."""
        with pytest.raises(InvalidConstraintError) as info:
            recommend(**kwargs)
        assert info.value.choices

    def test_enum_members_accepted(self):
        """Purpose and Criterion members work where strings do."""
        rec = recommend(Purpose.BEGINNER, require=[Criterion.CNN])
        assert "beginner" == str(rec.purpose)
        assert "keras" == rec.winner

    def test_zero_stars(self):
        """A repository without stars scores 0 on community."""
        when = datetime(2026, 8, 22, tzinfo=timezone.utc)
        none = [
            RepoMetrics(
                requested="pytorch/pytorch",
                full_name="pytorch/pytorch",
                stars=0,
                source="rest",
                observed_at=when,
            )
        ]
        rec = recommend(metrics=none)
        pytorch = next(r for r in rec.ranking if r.framework == "pytorch")
        (community,) = [
            c
            for c in pytorch.contributions
            if c.criterion is Criterion.COMMUNITY
        ]
        assert 0 == community.x

    def test_aliases(self):
        """Aliases resolve to their profiles."""
        assert Purpose.INDUSTRY == recommend("Production").purpose
        assert Purpose.MOBILE_EDGE == recommend("edge").purpose
        assert Purpose.ACADEMIC is Purpose.parse(Purpose.ACADEMIC)


class TestProfiles:
    def test_profiles_sum_to_100_with_rationale(self):
        """Every profile covers every criterion, sums to 100, explains each."""
        for profile in purposes():
            assert 100 == sum(w for _, w in profile.weights)
            assert {c for c, _ in profile.rationale} == set(Criterion)
            assert all(text for _, text in profile.rationale)
            assert profile.to_dict()["id"] == profile.purpose.value


class TestMetrics:
    def test_fresh_metrics_change_community(self, catalog):
        """Passed metrics replace the snapshot and set the data date."""
        when = datetime(2027, 1, 1, tzinfo=timezone.utc)
        fresh = [
            RepoMetrics(
                requested="jax-ml/jax",
                full_name="jax-ml/jax",
                stars=200_000,
                archived=False,
                source="graphql",
                observed_at=when,
            )
        ]
        rec = recommend(metrics=fresh)
        assert "2027-01-01" == rec.as_of.isoformat()
        jax = next(r for r in rec.ranking if r.framework == "jax")
        community = next(
            c for c in jax.contributions if c.criterion is Criterion.COMMUNITY
        )
        assert 200_000 == community.value
        assert 1 == community.x

    def test_refresh_uses_client(self):
        """refresh=True asks the metrics client and passes its notes on."""
        calls, gather = recording_gatherer()
        rec = recommend(refresh=True, gather=gather)
        assert [{"token": None}] == calls
        assert "pytorch" == rec.winner
        assert "offline" in rec.warnings

    def test_refresh_passes_token_without_keeping_it(self):
        """refresh=True hands token= to the client; the result never holds it."""
        calls, gather = recording_gatherer()
        rec = recommend(refresh=True, token="s3cret-token", gather=gather)
        assert [{"token": "s3cret-token"}] == calls
        assert "s3cret-token" not in repr(rec)
        assert "s3cret-token" not in json.dumps(rec.to_dict())
        assert "s3cret-token" not in rec.explain()

    def test_token_unused_without_refresh(self):
        """Without refresh=True the token is ignored and nothing is fetched."""
        calls, gather = recording_gatherer()
        assert "pytorch" == recommend(token="t", gather=gather).winner
        assert [] == calls


def recording_gatherer(
    notes=("offline",),
) -> tuple[list[dict[str, Any]], Gatherer]:
    """A gatherer whose fetch records its arguments and answers with the
    bundled snapshot."""
    calls: list[dict[str, Any]] = []
    snapshot = tuple(bundled_snapshot())

    def fetch(token: str | None) -> MetricsReport:
        calls.append({"token": token})
        return MetricsReport(results=snapshot, notes=notes)

    return calls, Gatherer(fetch=fetch)


@pytest.fixture(name="cli_gatherer")
def _cli_gatherer(monkeypatch):
    """Route the CLI's recommend() through a recording gatherer (the CLI
    calls the public ``dlchoose.recommend``)."""
    calls, gather = recording_gatherer()
    real = dlchoose.recommend

    def recommend_with(*args: Any, **kwargs: Any) -> Recommendation:
        return real(*args, gather=state["gather"], **kwargs)

    state = {"gather": gather}
    monkeypatch.setattr(dlchoose, "recommend", recommend_with)
    return calls, state


def maintenance_of(rec: Recommendation, key: str) -> Any:
    ranked = next(r for r in rec.ranking if r.framework == key)
    return next(
        c for c in ranked.contributions if c.criterion is Criterion.MAINTENANCE
    )


def pytorch_metrics(published: datetime | None) -> list[RepoMetrics]:
    return [
        RepoMetrics(
            requested="pytorch/pytorch",
            full_name="pytorch/pytorch",
            stars=100_000,
            archived=False,
            latest_release=LatestRelease(tag="v9.0.0", published_at=published),
            source="rest",
            observed_at=datetime(2028, 6, 1, tzinfo=timezone.utc),
        )
    ]


class TestFreshRelease:
    def test_newer_fetched_release_counts(self):
        """A fetched release newer than the catalog's dates maintenance."""
        published = datetime(2028, 5, 1, tzinfo=timezone.utc)
        rec = recommend(metrics=pytorch_metrics(published))
        maintenance = maintenance_of(rec, "pytorch")
        assert 4 == maintenance.value
        assert "latest release 2028-05-01" in maintenance.note
        assert any(
            "GitHub release v9.0.0 of pytorch/pytorch" in s.title
            for s in maintenance.sources
        )

    def test_catalog_release_when_fetched_is_older(self):
        """An older fetched release leaves the catalog's release date."""
        published = datetime(2020, 1, 1, tzinfo=timezone.utc)
        rec = recommend(metrics=pytorch_metrics(published))
        maintenance = maintenance_of(rec, "pytorch")
        release = get_framework("pytorch").latest_release
        assert release is not None
        assert release.date is not None
        assert 2 == maintenance.value  # 1 to 2 years before 2028-06-01
        assert f"latest release {release.date.isoformat()}" in maintenance.note

    def test_undated_fetched_release_ignored(self):
        """A fetched release without a date leaves the catalog's date."""
        rec = recommend(metrics=pytorch_metrics(None))
        assert 2 == maintenance_of(rec, "pytorch").value

    def test_fetched_release_without_catalog_release(self, catalog):
        """A fetched release dates a framework the catalog has no release for."""
        bare = attrs.evolve(
            next(f for f in catalog if f.key == "pytorch"), latest_release=None
        )
        published = datetime(2028, 5, 1, tzinfo=timezone.utc)
        rec = recommend(metrics=pytorch_metrics(published), frameworks=[bare])
        assert 4 == maintenance_of(rec, "pytorch").value


class TestSeedEraStatus:
    def test_missing_framework_uses_registry_status_sources(self):
        """A framework absent from the seed era cites its own status sources."""
        jax = get_framework("jax")
        half = Fraction(1, 2)
        (candidate,) = candidates(
            (jax,), DataEra.SEED_ERA, {}, SEED_ERA_AS_OF, (half, half)
        )
        assert candidate.in_era is False
        assert jax.sources_for("status") == candidate.status_sources
        assert None is candidate.status_date
        maintenance = candidate.cells[Criterion.MAINTENANCE]
        assert not any(
            "training-speed" in s.title for s in maintenance.sources
        )

    def test_archived_flag_excludes(self, catalog):
        """An archived repository makes a framework unmaintained."""
        when = datetime(2026, 8, 22, tzinfo=timezone.utc)
        archived = [
            RepoMetrics(
                requested="pytorch/pytorch",
                full_name="pytorch/pytorch",
                stars=1,
                archived=True,
                source="rest",
                observed_at=when,
            )
        ]
        rec = recommend(metrics=archived)
        pytorch = next(e for e in rec.excluded if e.framework == "pytorch")
        assert "repository archived" in pytorch.failed[0].reason


class TestProperties:
    @settings(max_examples=15, deadline=None)
    @given(st.sampled_from(list(Purpose)), st.data())
    def test_removing_a_framework_keeps_order(self, purpose, data):
        """Removing any framework leaves the others' order unchanged."""
        pool = frameworks()
        full = [
            r.framework for r in recommend(purpose, frameworks=pool).ranking
        ]
        gone = data.draw(st.sampled_from([f.key for f in pool]))
        smaller = recommend(
            purpose, frameworks=[f for f in pool if f.key != gone]
        )
        assert [k for k in full if k != gone] == [
            r.framework for r in smaller.ranking
        ]

    @settings(max_examples=10, deadline=None)
    @given(st.sampled_from(list(Purpose)), st.randoms(use_true_random=False))
    def test_input_order(self, purpose, rnd):
        """Shuffling the frameworks gives identical JSON."""
        pool = list(frameworks())
        expected = json.dumps(recommend(purpose, frameworks=pool).to_dict())
        rnd.shuffle(pool)
        got = json.dumps(recommend(purpose, frameworks=pool).to_dict())
        assert expected == got

    @settings(max_examples=10, deadline=None)
    @given(
        st.sampled_from(list(Purpose)),
        st.sampled_from(["jax", "paddle", "tensorflow", "mlx", "keras"]),
    )
    def test_more_stars_never_lower_rank(self, purpose, key):
        """Raising a framework's star count never lowers its rank."""
        snapshot = list(bundled_snapshot())
        before = [r.framework for r in recommend(purpose).ranking]
        framework = next(f for f in frameworks() if f.key == key)
        boosted = [
            attrs.evolve(m, stars=m.stars * 10)
            if m.full_name == framework.repository
            else m
            for m in snapshot
        ]
        after = [
            r.framework for r in recommend(purpose, metrics=boosted).ranking
        ]
        assert after.index(key) <= before.index(key)


class TestDeterminism:
    def test_repeat_calls_equal(self):
        """The same call twice returns equal results."""
        assert recommend("mobile").to_dict() == recommend("mobile").to_dict()

    def test_same_json_across_processes(self):
        """Fresh interpreters with different hash seeds print identical JSON."""
        code = (
            "import json, dlchoose._recommend._core as r;"
            "print(json.dumps(r.recommend('industry').to_dict()))"
        )
        outputs = set()
        for seed in ("0", "1", "12345"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            result = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            outputs.add(result.stdout)
        assert 1 == len(outputs)


class TestCli:
    def test_default_short_answer(self, capsys):
        """`dlchoose recommend` prints a short ranked answer."""
        code, out, _ = run(capsys, "recommend")
        assert 0 == code
        assert out.startswith("Recommended for academic: PyTorch (")
        ranked = [line for line in out.splitlines() if " 1. " in line[:4]]
        assert ranked[0].startswith(" 1. PyTorch ")

    def test_explain(self, capsys):
        """--explain prints the full breakdown."""
        code, out, _ = run(
            capsys, "recommend", "--purpose", "industry", "--explain"
        )
        assert 0 == code
        assert "Sources:" in out
        assert "Why not" in out

    def test_json(self, capsys):
        """--json prints the whole Recommendation."""
        code, out, _ = run(
            capsys,
            "recommend",
            "--json",
            "--weights",
            "deployment=30,community=5",
            "--require",
            "rnn",
            "--language",
            "python",
            "--gpu-vendor",
            "nvidia",
            "--data",
            "current",
        )
        assert 0 == code
        data = json.loads(out)
        assert data["winner"] in {"pytorch", "tensorflow"}
        assert ["rnn"] == data["constraints"]["require"]

    def test_priorities_and_flags(self, capsys):
        """--priorities, --include-unmaintained and --no-core-gate reach the API."""
        code, out, _ = run(
            capsys,
            "recommend",
            "--json",
            "--priorities",
            "graphs,gpu",
            "--include-unmaintained",
            "--no-core-gate",
        )
        data = json.loads(out)
        assert 0 == code
        assert data["constraints"]["core_gate"] is False
        assert 50 < data["profile"]["weights"]["graphs"]

    def test_installed_flag(self, capsys, cli_gatherer):
        """--installed uses the detection."""
        _, state = cli_gatherer
        state["gather"] = Gatherer(detect=tuple)
        code, out, _ = run(capsys, "recommend", "--installed")
        assert 0 == code
        assert "No framework meets every constraint." in out

    @pytest.mark.parametrize(
        "argv",
        [
            ("recommend", "--weights", "graphs"),
            ("recommend", "--weights", "graphs=x"),
            ("recommend", "--purpose", "nope"),
        ],
    )
    def test_errors_exit_1(self, capsys, argv):
        """Bad weights or purposes exit 1 with one line on stderr."""
        code, out, err = run(capsys, *argv)
        assert (1, "") == (code, out)
        assert err.startswith("dlchoose: error:")

    @pytest.mark.parametrize(
        "argv",
        [
            ("recommend", "--require", "community"),
        ],
    )
    def test_bad_constraint_exits_1(self, capsys, argv):
        """An unrequirable criterion exits 1, one line (an unknown language
        is a usage error: tests/test_recommend_fixes.py)."""
        code, out, err = run(capsys, *argv)
        assert (1, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith("dlchoose: error:")

    def test_short_answer_prints_warnings(self, capsys, cli_gatherer):
        """The short answer prints the warnings to stderr."""
        _, state = cli_gatherer
        _, state["gather"] = recording_gatherer(
            notes=("fell back to the bundled snapshot",)
        )
        code, out, err = run(capsys, "recommend", "--refresh")
        assert 0 == code
        assert "PyTorch" in out
        _, document, _ = run(capsys, "recommend", "--refresh", "--json")
        warnings = json.loads(document)["warnings"]
        assert "fell back to the bundled snapshot" == warnings[0]
        assert [
            f"dlchoose: {len(warnings)} notes; --explain shows them"
        ] == err.splitlines()
        code, out, err = run(capsys, "recommend", "--refresh", "--explain")
        assert "Warning: fell back to the bundled snapshot" in out

    def test_short_answer_counts_warnings_without_refresh(self, capsys):
        """The short answer only counts the warnings, after the answer."""
        expected = len(dlchoose.recommend().warnings)
        code, out, err = run(capsys, "recommend")
        assert 0 == code
        assert "PyTorch" in out
        line = f"dlchoose: {expected} notes; --explain shows them"
        assert [line] == err.splitlines()

    def test_constraint_error_names_the_constraint(self):
        """Bad constraint values name the constraint and suggest a choice."""
        with pytest.raises(InvalidConstraintError) as info:
            dlchoose.recommend(gpu_vendor="amdd")
        assert ("gpu_vendor", ("amd",)) == (
            info.value.constraint,
            info.value.suggestions,
        )
        with pytest.raises(InvalidConstraintError, match="Unknown language"):
            dlchoose.recommend(language="pyhton")

    @pytest.mark.parametrize(
        ("env", "token"),
        [
            ({"GITHUB_TOKEN": "gh1", "GH_TOKEN": "gh2"}, "gh1"),
            ({"GH_TOKEN": "gh2"}, "gh2"),
            ({}, None),
        ],
    )
    def test_refresh_reads_token(
        self, capsys, monkeypatch, cli_gatherer, env, token
    ):
        """--refresh passes GITHUB_TOKEN, else GH_TOKEN, to the client."""
        monkeypatch.delenv("GITHUB_TOKEN", raising=False)
        monkeypatch.delenv("GH_TOKEN", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        calls, _ = cli_gatherer
        code, out, _ = run(capsys, "recommend", "--refresh", "--json")
        assert 0 == code
        assert [{"token": token}] == calls
        assert "gh1" not in out
        assert "gh2" not in out

    def test_refresh_with_unusable_api_url_sends_no_token(
        self, capsys, monkeypatch, cli_gatherer
    ):
        """An API URL the credential rules refuse gets no token at all."""
        monkeypatch.setenv("GITHUB_TOKEN", "gh1")
        monkeypatch.setenv(
            "DLCHOOSE_GITHUB_API_URL", "http://user:pw@example.com"
        )
        calls, _ = cli_gatherer
        code, out, _ = run(capsys, "recommend", "--refresh", "--json")
        assert 0 == code
        assert [{"token": None}] == calls
        assert "gh1" not in out

    def test_empty_weight_items_ignored(self, capsys):
        """Stray commas in --weights are ignored."""
        code, _, _ = run(capsys, "recommend", "--weights", "graphs=1,,")
        assert 0 == code

    def test_purposes(self, capsys):
        """`dlchoose purposes` lists every profile with weights."""
        code, out, _ = run(capsys, "purposes")
        assert 0 == code
        assert "large_scale_distributed" in out
        assert "aliases: research" in out

    def test_purposes_json(self, capsys):
        """`dlchoose purposes --json` lists the profiles as JSON."""
        code, out, _ = run(capsys, "purposes", "--json")
        assert 0 == code
        data = json.loads(out)
        assert [p.value for p in Purpose] == [
            p["id"] for p in data["purposes"]
        ]

    def test_fresh_process(self):
        """The CLI answers in a fresh process without importing requests."""
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "import sys; from dlchoose._cli import main;"
                    " code = main(['recommend']);"
                    " assert 'requests' not in sys.modules; sys.exit(code)"
                ),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "PyTorch" in result.stdout
