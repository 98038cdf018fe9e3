"""Fixes from the application review: empty option values on the command
line (finding 6) and GPUs credited through back ends that are not
installed (finding 8, issue 12)."""

from __future__ import annotations

import json

import attrs
import pytest

from dlchoose import Criterion, GpuVendor, frameworks, get_framework
from dlchoose._recommend import _constraints as c
from dlchoose._recommend._core import recommend
from dlchoose._recommend._gather import Gatherer
from tests.cli_run import run


BY_KEY = {f.key: f for f in frameworks()}
KERAS = BY_KEY["keras"]


def installed(*keys: str) -> Gatherer:
    """A gatherer whose detection finds exactly *keys*."""
    return Gatherer(detect=lambda: keys)


def excluded(rec, key):
    """The failed constraints of *key*, as (constraint, reason) pairs."""
    (entry,) = [e for e in rec.excluded if e.framework == key]
    return [(f.constraint, f.reason) for f in entry.failed]


class TestInstalledBases:
    def test_review_example_keras_alone_on_apple(self):
        """Keras alone is not credited with Apple GPUs through absent bases."""
        rec = recommend(
            "beginner",
            installed=True,
            gpu_vendor="apple",
            gather=installed("keras"),
        )
        assert rec.winner != "keras"
        assert "keras" not in {r.framework for r in rec.ranking}
        reasons = dict(excluded(rec, "keras"))
        assert "none of them installed" in reasons["gpu_vendor"]
        assert "TensorFlow, JAX, PyTorch" in reasons["gpu_vendor"]

    def test_installed_base_lends_its_backends(self):
        """Keras with PyTorch installed gets PyTorch's Apple back end."""
        rec = recommend(
            "beginner",
            installed=True,
            gpu_vendor="apple",
            gather=installed("keras", "pytorch"),
        )
        assert "keras" == rec.winner

    def test_only_installed_bases_count(self):
        """TPU support of absent TensorFlow and JAX is not lent to Keras."""
        rec = recommend(
            "beginner",
            installed=True,
            gpu_vendor="tpu",
            gather=installed("keras", "pytorch"),
        )
        assert ("gpu_vendor", "no supported tpu GPU back end (tpu)") in (
            excluded(rec, "keras")
        )
        with_jax = recommend(
            "beginner",
            installed=True,
            gpu_vendor="tpu",
            gather=installed("keras", "jax"),
        )
        assert "keras" in {r.framework for r in with_jax.ranking}

    def test_core_gate_gpu_not_credited_without_a_base(self):
        """Keras alone fails the core gate's GPU use under installed=."""
        rec = recommend("beginner", installed=True, gather=installed("keras"))
        assert rec.winner is None
        assert any(
            constraint == "installed" and "none of them installed" in reason
            for constraint, reason in excluded(rec, "keras")
        )

    def test_without_installed_nothing_changes(self):
        """Without installed=, every base still lends its back ends."""
        assert "keras" == recommend("beginner", gpu_vendor="apple").winner
        assert "keras" == recommend("beginner").winner

    def test_check_gpu_vendor_environment(self):
        """Under an environment, inherited back ends come from it alone."""
        apple = GpuVendor.APPLE
        assert () == c.check_gpu_vendor(KERAS, apple, BY_KEY)
        assert () == c.check_gpu_vendor(KERAS, apple, BY_KEY, None)
        (failure,) = c.check_gpu_vendor(
            KERAS, apple, BY_KEY, frozenset({"keras"})
        )
        assert isinstance(failure, c.Failure)
        assert () == c.check_gpu_vendor(
            KERAS, apple, BY_KEY, frozenset({"keras", "pytorch"})
        )
        pytorch = BY_KEY["pytorch"]
        assert () == c.check_gpu_vendor(pytorch, apple, BY_KEY, frozenset())

    @pytest.mark.parametrize(
        ("core_gate", "require", "environment", "fails"),
        [
            (True, (), frozenset({"keras"}), True),
            (False, (Criterion.GPU,), frozenset({"keras"}), True),
            (False, (Criterion.DISTRIBUTED_GPU,), frozenset(), True),
            (False, (Criterion.RNN,), frozenset({"keras"}), False),
            (True, (), None, False),
            (True, (), frozenset({"keras", "tensorflow"}), False),
        ],
    )
    def test_check_gpu_bases(self, core_gate, require, environment, fails):
        """GPU use that is asked for fails only when no base is installed."""
        constraints = c.Constraints(
            environment=environment, require=require, core_gate=core_gate
        )
        findings = c.check_gpu_bases(KERAS, constraints, BY_KEY)
        assert fails == bool(findings)
        assert all(f.constraint == "installed" for f in findings)

    def test_frameworks_with_own_or_no_bases_unaffected(self):
        """Own back ends, or no bases at all, are judged as before."""
        gated = c.Constraints(environment=frozenset())
        pytorch = get_framework("pytorch")
        assert () == c.check_gpu_bases(pytorch, gated, BY_KEY)
        bare = attrs.evolve(pytorch, gpu_backends=(), builds_on=())
        assert () == c.check_gpu_bases(bare, gated, BY_KEY)
        (unverified,) = c.check_gpu_vendor(
            bare, GpuVendor.NVIDIA, BY_KEY, frozenset()
        )
        assert isinstance(unverified, c.Unverified)

    def test_unknown_base_named_by_key(self):
        """A base outside the pool is named by its key in the reason."""
        bare = attrs.evolve(KERAS, builds_on=("nowhere",))
        (failure,) = c.check_gpu_vendor(
            bare, GpuVendor.NVIDIA, BY_KEY, frozenset()
        )
        assert isinstance(failure, c.Failure)
        assert "runs on nowhere, none of them installed" in failure.reason


class TestEmptyOptionValues:
    @pytest.mark.parametrize(
        "option",
        [
            "--python",
            "--platform",
            "--language",
            "--weights",
            "--priorities",
            "--purpose",
            "--require",
        ],
    )
    @pytest.mark.parametrize("value", ["", "  "])
    def test_empty_value_is_usage_error(self, capsys, option, value):
        """An empty or blank option value exits 2 with a usage message."""
        code, out, err = run(capsys, "recommend", option, value)
        assert (2, "") == (code, out)
        assert f"argument {option}: must not be empty" in err
        assert "Traceback" not in err

    def test_weights_naming_nothing_exits_1(self, capsys):
        """--weights of commas only names no weight: exit 1, one line."""
        code, out, err = run(capsys, "recommend", "--weights", ",,")
        assert (1, "") == (code, out)
        assert ["dlchoose: error: --weights ',,' names no weight;"] == [
            err.splitlines()[0].split(" use ")[0]
        ]

    def test_python_alone_implies_installable(self, capsys):
        """--python X.Y (no --installable) targets that Python."""
        code, out, _ = run(capsys, "recommend", "--python", "3.12", "--json")
        assert 0 == code
        assert (
            "3.12" == json.loads(out)["constraints"]["installable"]["python"]
        )
