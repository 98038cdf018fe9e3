"""``dlchoose doctor`` in real, broken environments built by
``nox -s integration`` (``DLCHOOSE_INTEGRATION_ENVS`` names them).

* ``doctor-legacy-numpy2``: Keras alone (no backend), and MXNet 1.9.1
  installed ``--no-deps`` next to the NumPy 2 that Keras brings.
* ``doctor-mismatch``: torch 2.13.0 with torchvision 0.29.1, which is built
  for torch 2.14, and ``tensorflow`` over ``tensorflow-cpu`` (the second
  step ``--no-deps``).
* ``legacy`` (shared with detection): NumPy 1.26 under MXNet 1.9.1.
* ``modern`` (shared with detection): a healthy environment.
"""

from __future__ import annotations

import json
import os
import subprocess

from typing import Any

import pytest


pytestmark = pytest.mark.integration


def _python(name: str) -> str:
    raw = os.environ.get("DLCHOOSE_INTEGRATION_ENVS", "")
    envs = dict(item.split("=", 1) for item in raw.split(";") if "=" in item)
    python = envs.get(name)
    if python is None:
        pytest.skip(
            f"environment {name!r} was not built; run `nox -s integration`"
        )
    return python


def doctor(env: str, *names: str) -> tuple[int, dict[str, Any]]:
    """Run ``dlchoose doctor --json`` in *env*; the exit code and JSON."""
    out = subprocess.run(
        [_python(env), "-m", "dlchoose", "doctor", "--json", *names],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={
            name: value
            for name, value in os.environ.items()
            if name not in {"KERAS_BACKEND", "TF_USE_LEGACY_KERAS"}
        },
    )
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout)


def findings(document: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The findings of framework *key*, by code."""
    (entry,) = [f for f in document["frameworks"] if f["key"] == key]
    return {f["code"]: f for f in entry["findings"]}


def test_keras_alone():
    """Keras without TensorFlow, JAX or PyTorch: no backend, install one."""
    code, document = doctor("doctor-legacy-numpy2", "keras")

    assert 1 == code
    found = findings(document, "keras")
    finding = found["keras-no-backend"]
    assert "pip install tensorflow" == finding["fix"]
    assert any("tensorflow" in line for line in finding["evidence"])


def test_numpy_2_under_mxnet():
    """MXNet 1.9.1 pins numpy<2: found from metadata, its pin as the fix."""
    code, document = doctor("doctor-legacy-numpy2", "mxnet")

    assert 1 == code
    finding = findings(document, "mxnet")["numpy-major"]
    assert finding["fix"].startswith('pip install "numpy<2')
    assert any(line.startswith("numpy 2.") for line in finding["evidence"])


def test_numpy_1_26_under_mxnet():
    """The legacy environment: MXNet's np.bool is gone since NumPy 1.24."""
    code, document = doctor("legacy", "mxnet")

    assert 1 == code
    finding = findings(document, "mxnet")["numpy-alias"]
    assert 'pip install "numpy<1.24"' == finding["fix"]
    assert "1.26" in finding["cause"]


def test_torchvision_for_another_torch():
    """torchvision 0.29.1 next to torch 2.13.0: rebuild the pair."""
    code, document = doctor("doctor-mismatch", "pytorch")

    assert 1 == code
    finding = findings(document, "pytorch")["torch-companion"]
    assert finding["evidence"][0].startswith(
        "torchvision 0.29.1 requires torch"
    )
    assert (
        "RuntimeError: operator torchvision::nms does not exist"
        in (finding["evidence"])
    )
    assert '"torch==2.13.0"' in finding["fix"]
    assert finding["fix"].endswith("https://download.pytorch.org/whl/cpu")


def test_tensorflow_over_tensorflow_cpu():
    """tensorflow and tensorflow-cpu both installed: uninstall both."""
    code, document = doctor("doctor-mismatch", "tensorflow")

    assert 1 == code
    finding = findings(document, "tensorflow")["conflicting-variants"]
    assert finding["fix"].startswith(
        "pip uninstall -y tensorflow tensorflow-cpu"
    )


def test_healthy_environment():
    """The modern environment is healthy on a machine without a GPU."""
    code, document = doctor("modern")

    if document["machine"]["nvidia_gpus"]:
        pytest.skip("a GPU here makes the CPU builds a finding")
    problems = {
        f["key"]: f["findings"]
        for f in document["frameworks"]
        if f["health"] == "problem"
    }
    assert {} == problems
    assert 0 == code
