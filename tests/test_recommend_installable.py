"""recommend(installable=True): only frameworks that install on a target,
each exclusion naming the package index's reason (issue 10)."""

from __future__ import annotations

import json

from typing import Any

import pytest

import dlchoose

from dlchoose import get_framework
from dlchoose._cli import main
from dlchoose._recommend import _constraints as c
from dlchoose._recommend._core import recommend
from dlchoose._recommend._gather import Gatherer, installability
from dlchoose.exceptions import UnknownTargetError


OLD: Any = {"python": "3.6", "platform": "manylinux1_x86_64"}


@pytest.fixture(name="answers", scope="module")
def _answers():
    """The index's answers for CPython 3.6 on manylinux1 (bundled data)."""
    return {a.framework: a for a in dlchoose.compatibility(**OLD)}


class TestInstallable:
    def test_only_installable_frameworks_rank(self, answers):
        """Ranked frameworks install on the target; the rest say why."""
        rec = recommend(installable=True, **OLD)
        assert rec.ranking
        for entry in rec.ranking:
            assert answers[entry.framework].installable
        for excluded in rec.excluded:
            answer = answers[excluded.framework]
            reasons = [
                f.reason
                for f in excluded.failed
                if f.constraint == "installable"
            ]
            if answer.installable:
                assert [] == reasons
            else:
                assert answer.reason is not None
                (reason,) = reasons
                assert answer.reason.value in reason
                assert "CPython 3.6 on manylinux1_x86_64" in reason

    def test_json_records_the_target(self):
        """The constraints record the target only when it was asked for."""
        data = recommend(installable=True, **OLD).to_dict()
        assert {
            "python": "3.6",
            "platform": "manylinux1_x86_64",
            "here": False,
            "target": "CPython 3.6 on manylinux1_x86_64",
        } == data["constraints"]["installable"]
        assert "installable" not in recommend().to_dict()["constraints"]
        assert "installable on CPython 3.6" in str(
            recommend(installable=True, **OLD)
        )

    def test_unchecked_framework_is_unverifiable(self):
        """A framework the index was not asked about cannot be verified."""
        answers = dlchoose.compatibility(names=["jax"], **OLD)
        gather = Gatherer(compatible=lambda python, platform: answers)
        rec = recommend(
            installable=True,
            frameworks=[get_framework("pytorch")],
            gather=gather,
        )
        (excluded,) = rec.excluded
        assert (
            "cannot verify installability on CPython 3.6 on manylinux1_x86_64"
            == excluded.failed[0].reason
        )

    def test_no_answers_verify_nothing(self):
        """Without answers every framework is unverifiable."""
        target = installability(())
        assert "the requested target" == target.target
        assert (False, None) == target.reason("pytorch")

    def test_check_installable(self):
        """The constraint passes, fails with the reason, or cannot say."""
        pytorch = get_framework("pytorch")
        assert () == c.check_installable(pytorch, None)
        target = c.Installability(
            target="T", reasons={"pytorch": None, "jax": "too new"}
        )
        assert () == c.check_installable(pytorch, target)
        (failure,) = c.check_installable(get_framework("jax"), target)
        assert isinstance(failure, c.Failure)
        assert "not installable on T: too new" == failure.reason
        (unknown,) = c.check_installable(get_framework("keras"), target)
        assert isinstance(unknown, c.Unverified)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            ({"python": "3.6"}, ValueError, "pass installable=True"),
            ({"installable": "yes"}, TypeError, "installable must be"),
            (
                {"installable": True, "python": 3.6},
                TypeError,
                "python must be a str",
            ),
            (
                {"installable": True, "platform": "amiga"},
                UnknownTargetError,
                "amiga",
            ),
        ],
    )
    def test_bad_targets(self, kwargs, error, match):
        """Bad target arguments raise with a message."""
        with pytest.raises(error, match=match):
            recommend(**kwargs)


class TestInstallableCli:
    def test_python_implies_installable(self, capsys):
        """--python and --platform choose the target and imply --installable."""
        code = main(
            [
                "recommend",
                "--json",
                "--python",
                "3.6",
                "--platform",
                "manylinux1_x86_64",
            ]
        )
        data = json.loads(capsys.readouterr().out)
        assert 0 == code
        assert "3.6" == data["constraints"]["installable"]["python"]
        assert any(
            f["constraint"] == "installable"
            for e in data["excluded"]
            for f in e["failed"]
        )

    def test_unknown_python_exits_1(self, capsys):
        """An unknown Python version is one error line, exit 1."""
        assert 1 == main(["recommend", "--installable", "--python", "9.9"])
        out, err = capsys.readouterr()
        assert "" == out
        assert err.startswith("dlchoose: error: Unknown Python version")
