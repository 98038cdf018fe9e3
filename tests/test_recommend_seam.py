"""The recommender's seam, its constraint functions and its argument
checks (issues 8 and 9)."""

from __future__ import annotations

from datetime import datetime, timezone
from fractions import Fraction

import attrs
import pytest

import dlchoose

from dlchoose import Criterion, DataEra, GpuVendor, get_framework
from dlchoose._metrics._values import MetricsReport, RepoError, RepoMetrics
from dlchoose._recommend import _constraints as c
from dlchoose._recommend._core import recommend
from dlchoose._recommend._gather import Gatherer
from dlchoose._recommend._values import UNKNOWN_CELL, candidates
from dlchoose.exceptions import (
    InvalidConstraintError,
    MetricsUnavailableError,
    UnknownFrameworkError,
)


WHEN = datetime(2026, 9, 1, tzinfo=timezone.utc)


def figures(repo: str, stars: int = 150_000, source: str = "rest"):
    return RepoMetrics(
        requested=repo,
        full_name=repo,
        stars=stars,
        source=source,
        observed_at=WHEN,
    )


@pytest.fixture(name="pytorch")
def _pytorch():
    (found,) = candidates(
        (get_framework("pytorch"),),
        DataEra.CURRENT,
        {},
        WHEN.date(),
        (Fraction(1, 2), Fraction(1, 2)),
    )
    return found


class TestConstraintFunctions:
    def test_era(self, pytorch):
        """Only frameworks outside the seed era fail the data check."""
        assert () == c.check_era(pytorch)
        (failure,) = c.check_era(pytorch._replace(in_era=False))
        assert "data" == failure.constraint

    def test_language(self, pytorch):
        """A missing API fails; unknown languages are unverifiable."""
        framework = pytorch.framework
        assert () == c.check_language(framework, None)
        assert () == c.check_language(framework, "python")
        (failure,) = c.check_language(framework, "Lua")
        assert isinstance(failure, c.Failure)
        assert "no official Lua API" in failure.reason
        (unverified,) = c.check_language(
            attrs.evolve(framework, languages=()), "Lua"
        )
        assert isinstance(unverified, c.Unverified)

    def test_installed(self, pytorch):
        """Only frameworks outside the installed set fail."""
        framework = pytorch.framework
        assert () == c.check_installed(framework, None)
        assert () == c.check_installed(framework, frozenset({"pytorch"}))
        (failure,) = c.check_installed(framework, frozenset())
        assert "installed" == failure.constraint

    def test_required(self, pytorch):
        """A level below the supported one fails; unknown is unverifiable."""
        assert () == c.check_required(pytorch, (Criterion.RNN,))
        cells = {**pytorch.cells, Criterion.RNN: UNKNOWN_CELL}
        (unverified,) = c.check_required(
            pytorch._replace(cells=cells), (Criterion.RNN,)
        )
        assert "require:rnn" == unverified.constraint

    def test_gpu_vendor(self, pytorch):
        """A missing back end fails; none known is unverifiable."""
        framework = pytorch.framework
        assert () == c.check_gpu_vendor(framework, None, {})
        assert () == c.check_gpu_vendor(framework, GpuVendor.NVIDIA, {})
        bare = attrs.evolve(framework, gpu_backends=())
        (unverified,) = c.check_gpu_vendor(bare, GpuVendor.NVIDIA, {})
        assert isinstance(unverified, c.Unverified)
        cuda_only = attrs.evolve(framework, gpu_backends=("cuda",))
        (failure,) = c.check_gpu_vendor(cuda_only, GpuVendor.AMD, {})
        assert isinstance(failure, c.Failure)
        assert "(rocm)" in failure.reason

    def test_maintained(self, pytorch):
        """Archived or unmaintained frameworks fail, with the era noted."""
        assert () == c.check_maintained(pytorch, DataEra.CURRENT)
        (failure,) = c.check_maintained(
            pytorch._replace(archived=True), DataEra.SEED_ERA
        )
        assert isinstance(failure, c.Failure)
        assert "repository archived (seed-era status)" in failure.reason

    def test_core_gate(self, pytorch):
        """The three core qualities pass for PyTorch, fail at level 0."""
        assert () == c.check_core_gate(pytorch)
        low = pytorch.cells[Criterion.GPU]._replace(value=0, x=Fraction(0))
        cells = {**pytorch.cells, Criterion.GPU: low}
        (failure,) = c.check_core_gate(pytorch._replace(cells=cells))
        assert isinstance(failure, c.Failure)
        assert "fails core quality" in failure.reason

    def test_gpu_vendor_backend(self):
        """Each vendor names the back end a framework needs."""
        assert "rocm" == GpuVendor.AMD.backend.value
        assert "seed_era" in DataEra.choices()
        assert "amd" == dlchoose.GpuVendor("amd").value


class TestGatherer:
    def test_failed_refresh_falls_back_and_says_so(self):
        """A refresh that fails entirely scores with the snapshot and says so."""

        def fetch(token):
            raise MetricsUnavailableError("network down")

        rec = recommend(refresh=True, gather=Gatherer(fetch=fetch))
        assert "pytorch" == rec.winner
        assert any(
            w.startswith("refresh failed (network down)") for w in rec.warnings
        )
        assert rec == recommend(refresh=True, gather=Gatherer(fetch=fetch))

    def test_repository_error_uses_snapshot_figures(self):
        """A repository without fresh figures keeps its snapshot figures."""
        report = MetricsReport(
            results=(figures("pytorch/pytorch"),),
            errors=(
                RepoError(
                    repo="jax-ml/jax", error=MetricsUnavailableError("x")
                ),
                RepoError(
                    repo="nobody/nothing", error=MetricsUnavailableError("y")
                ),
            ),
        )
        rec = recommend(refresh=True, gather=Gatherer(fetch=lambda _: report))
        jax = next(r for r in rec.ranking if r.framework == "jax")
        community = next(
            x for x in jax.contributions if x.criterion is Criterion.COMMUNITY
        )
        assert community.value is not None
        assert any("refresh failed for jax-ml/jax" in w for w in rec.warnings)
        assert any(
            "nobody/nothing" in w and "unknown" in w for w in rec.warnings
        )

    def test_fallback_summary(self):
        """Figures from the cache or snapshot are counted in one note."""
        report = MetricsReport(
            results=(
                figures("pytorch/pytorch"),
                figures("jax-ml/jax", source="cache"),
            )
        )
        rec = recommend(refresh=True, gather=Gatherer(fetch=lambda _: report))
        assert (
            "refresh: 1 repositories fresh from GitHub, 1 from the cache"
            in rec.warnings
        )

    def test_installed(self):
        """installed() is the set of detected keys."""
        gather = Gatherer(detect=lambda: ["pytorch", "pytorch"])
        assert frozenset({"pytorch"}) == gather.installed()


class TestArgumentTypes:
    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"priorities": "gpu"}, "priorities must be a list"),
            ({"require": "rnn"}, r"write \['rnn'\]"),
            ({"require": 3}, "require must be a list"),
            ({"weights": ["gpu"]}, "weights must be a mapping"),
            ({"language": 3}, "language must be a str"),
            ({"core_gate": "no"}, "core_gate must be True or False"),
            ({"include_unmaintained": 1}, "include_unmaintained must be"),
            ({"refresh": "yes"}, "refresh must be True or False"),
            ({"token": 3}, "token must be a str"),
            ({"frameworks": [3]}, "frameworks must hold Framework"),
            ({"frameworks": "pytorch"}, "frameworks must be a list"),
            ({"installed": [3]}, "installed must hold"),
            ({"installed": 3}, "installed must be a list"),
            ({"metrics": 3}, "metrics must be an iterable"),
            ({"metrics": [3]}, "metrics must hold RepoMetrics"),
            ({"gather": 3}, "gather must be a Gatherer"),
        ],
    )
    def test_wrong_types_raise_type_error(self, kwargs, match):
        """Wrong argument types raise TypeError with a message."""
        with pytest.raises(TypeError, match=match):
            recommend(**kwargs)

    def test_bad_choice_names_constraint(self):
        """A bad data era raises InvalidConstraintError naming 'data'."""
        with pytest.raises(InvalidConstraintError) as info:
            recommend(data="future")
        assert "data" == info.value.constraint

    def test_installed_names(self):
        """installed= takes a name, names and Framework objects."""
        rec = recommend(installed=[get_framework("jax"), "torch"])
        assert ("jax", "pytorch") == rec.environment
        assert ("pytorch",) == recommend(installed="torch").environment
        with pytest.raises(UnknownFrameworkError):
            recommend(installed=["nope-framework"])

    def test_metrics_without_dates_use_snapshot_date(self):
        """Empty metrics leave the data date at the snapshot's."""
        assert recommend(metrics=[]).as_of == recommend().as_of

    def test_requirable_criteria(self):
        """Criterion.requirable marks the capabilities require= accepts."""
        assert Criterion.RNN.requirable
        assert not Criterion.COMMUNITY.requirable


class TestDefaultGatherer:
    def test_offline_refresh_uses_the_metrics_client(self, monkeypatch):
        """The default refresh asks fetch_metrics (offline here) and warns
        about every repository it could not refresh."""
        monkeypatch.setenv("DLCHOOSE_OFFLINE", "1")
        rec = recommend(refresh=True)
        assert "pytorch" == rec.winner
        assert any("bundled snapshot" in w for w in rec.warnings)

    def test_installed_true_runs_detection(self):
        """The default detection answers with registry keys."""
        rec = recommend(installed=True)
        assert rec.environment is not None
        keys = {f.key for f in dlchoose.frameworks()}
        assert set(rec.environment) <= keys

    def test_fresh_figures_need_no_summary(self):
        """Figures all fresh from GitHub add no fallback note."""
        report = MetricsReport(results=(figures("pytorch/pytorch"),))
        rec = recommend(refresh=True, gather=Gatherer(fetch=lambda _: report))
        assert not any(w.startswith("refresh") for w in rec.warnings)


class TestRendering:
    def test_single_survivor(self):
        """With one framework left, no weight change can flip the winner."""
        rec = recommend(frameworks=[get_framework("pytorch")])
        assert "the only framework left" in rec.summary()
        assert "no single weight change flips the winner" in rec.explain()

    def test_no_survivor_has_no_sources(self):
        """An empty ranking explains exclusions without a source list."""
        text = recommend(installed=[]).explain()
        assert "No framework meets every constraint." in text
        assert "Sources:" not in text

    def test_gpu_backends_inherited_only_from_known_frameworks(self, pytorch):
        """A base missing from the pool lends no back ends."""
        bare = attrs.evolve(
            pytorch.framework, gpu_backends=(), builds_on=("nowhere",)
        )
        (unverified,) = c.check_gpu_vendor(bare, GpuVendor.NVIDIA, {})
        assert isinstance(unverified, c.Unverified)

    def test_dominated_rival_cannot_flip(self):
        """When no single weight flips the winner, the lead says no more."""
        rec = recommend(
            frameworks=[get_framework("tensorflow"), get_framework("torch7")],
            core_gate=False,
            include_unmaintained=True,
            missing="pessimistic",
        )
        assert rec.robustness is not None
        assert rec.robustness.min_flip is None
        assert "before another framework wins" not in rec.summary()

    def test_tie_broken_is_explained(self):
        """A tie-broken entry says which criterion broke the tie."""
        rec = recommend()
        second = attrs.evolve(rec.ranking[1], tie_broken_by="graphs")
        tied = attrs.evolve(rec, ranking=(rec.ranking[0], second))
        assert "; tie broken by graphs" in tied.explain()

    def test_unmaintained_without_release(self):
        """A discontinued framework without releases notes only its status."""
        bare = attrs.evolve(
            get_framework("pytorch"),
            key="gone",
            name="Gone",
            aliases=(),
            repository=None,
            former_repositories=(),
            status="discontinued",
            latest_release=None,
        )
        rec = recommend(
            frameworks=[bare], include_unmaintained=True, core_gate=False
        )
        (entry,) = rec.ranking
        maintenance = next(
            x
            for x in entry.contributions
            if x.criterion is Criterion.MAINTENANCE
        )
        assert "status discontinued" == maintenance.note
