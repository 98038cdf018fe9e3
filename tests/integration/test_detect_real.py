"""``dlchoose detect`` in real environments built by ``nox -s integration``.

The session builds two virtual environments and names them in
``DLCHOOSE_INTEGRATION_ENVS`` (``name=path/to/python`` pairs, ``;``
separated): ``modern`` with torch, tensorflow-cpu, jax and keras, and
``legacy`` with numpy<2, mxnet, Theano and Lasagne, whose imports fail.
"""

from __future__ import annotations

import json
import os
import subprocess

from typing import Any

import pytest


pytestmark = pytest.mark.integration


def _envs() -> dict[str, str]:
    raw = os.environ.get("DLCHOOSE_INTEGRATION_ENVS", "")
    pairs = (item.split("=", 1) for item in raw.split(";") if "=" in item)
    return dict(pairs)


def _python(name: str) -> str:
    python = _envs().get(name)
    if python is None:
        pytest.skip(
            f"environment {name!r} was not built; run `nox -s integration`"
        )
    return python


def _detect(name: str, *args: str) -> dict[str, dict[str, Any]]:
    out = subprocess.run(
        [_python(name), "-m", "dlchoose", "detect", "--json", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return {d["key"]: d for d in json.loads(out.stdout)["frameworks"]}


def _metadata_version(name: str, distribution: str) -> str:
    code = (
        "from importlib.metadata import version;"
        f"print(version({distribution!r}))"
    )
    out = subprocess.run(
        [_python(name), "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


MODERN = {
    "pytorch": "torch",
    "tensorflow": "tensorflow-cpu",
    "jax": "jax",
    "keras": "keras",
}
LEGACY = {"mxnet": "mxnet", "theano": "theano", "lasagne": "lasagne"}


class TestModern:
    def test_fast_path(self):
        """Every framework installed, right version and distribution."""
        found = _detect("modern")

        for key, distribution in MODERN.items():
            entry = found[key]
            assert "installed" == entry["status"], entry
            assert distribution == entry["distribution"]
            assert (
                _metadata_version("modern", distribution) == entry["version"]
            )
            assert entry["probe"] is None
        assert "2.13.0+cpu" == found["pytorch"]["version"]
        assert "cpu" == found["pytorch"]["build"]
        assert "cpu" == found["tensorflow"]["build"]
        others = {k for k, d in found.items() if d["status"] != "absent"}
        assert set(MODERN) == others

    def test_fast_path_imports_nothing(self):
        """detect() without probe imports none of the frameworks."""
        code = (
            "import sys, dlchoose\n"
            "from dlchoose._detect._scan import detect\n"
            "assert len(detect()) >= 24\n"
            "bad = {'torch', 'tensorflow', 'jax', 'keras', 'numpy'}"
            " & set(sys.modules)\n"
            "assert not bad, bad\n"
            "print('ok')\n"
        )
        out = subprocess.run(
            [_python("modern"), "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "ok" == out.stdout.strip()

    def test_probe(self):
        """--probe imports each one in a child: all importable, no GPU."""
        found = _detect("modern", "--probe", "--timeout", "240")

        for key in MODERN:
            probe = found[key]["probe"]
            assert "importable" == probe["status"], probe
            assert probe["version"]
            assert found[key]["version"].startswith(probe["version"][:3])
        for key in ("pytorch", "tensorflow", "jax"):
            gpu = found[key]["probe"]["gpu"]
            assert gpu is not None
            assert gpu["available"] is False


class TestLegacy:
    def test_fast_path(self):
        """Installed by metadata, although none of them imports today."""
        found = _detect("legacy")

        for key, distribution in LEGACY.items():
            entry = found[key]
            assert "installed" == entry["status"], entry
            assert distribution == entry["distribution"]
        assert "1.9.1" == found["mxnet"]["version"]
        assert "1.0.5" == found["theano"]["version"]
        assert "0.1" == found["lasagne"]["version"]

    def test_probe_reports_import_errors(self):
        """The probe flags each as import_error with NumPy's reason."""
        found = _detect("legacy", "--probe", "--timeout", "120")

        for key in LEGACY:
            probe = found[key]["probe"]
            assert "import_error" == probe["status"], probe
            assert "numpy" in probe["error"]
            assert probe["error"].startswith("AttributeError:")


def _gate(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_python(name), "-m", "dlchoose", "detect", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


class TestRequireGate:
    def test_met(self):
        """Requirements the modern environment meets: exit 0."""
        out = _gate(
            "modern",
            "--require",
            "torch>=2",
            "--require",
            "keras",
            "--probe",
            "--timeout",
            "240",
        )

        assert 0 == out.returncode, out.stderr
        assert "UNMET" not in out.stdout

    def test_unmet(self):
        """A version nobody has and an absent framework: exit 1, named."""
        out = _gate("modern", "--require", "torch>=99", "--require", "mxnet")

        assert 1 == out.returncode
        assert "torch>=99" in out.stderr
        assert "mxnet" in out.stderr


class TestKerasAlone:
    def test_no_backend_said(self):
        """Keras without TensorFlow, JAX or PyTorch is not simply
        installed: the reasons say it has no backend, and the gate with
        --probe fails on it."""
        found = _detect("keras-alone", "keras")

        reasons = " ".join(found["keras"]["reasons"])
        assert "installed" == found["keras"]["status"]
        assert "none of Keras' backends" in reasons
        out = _gate("keras-alone", "--require", "keras", "--probe")
        assert 1 == out.returncode
        assert "not importable" in out.stderr
