"""The suite's own isolation from the machine (tests/hermetic.py)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import types

from pathlib import Path

import dlchoose

from tests.hermetic import (
    MACHINE_PATH,
    FrameworkFreePath,
    gpu_free_host,
    hidden_names,
    hidden_programs,
    is_framework_finder,
)


def test_installed_frameworks_are_hidden(tmp_path):
    """A folder holding torch and its metadata beside another package is
    replaced by a mirror holding only the other package."""
    site = tmp_path / "site"
    for entry in ("torch", "torch-2.11.0.dist-info", "requests"):
        (site / entry).mkdir(parents=True)
    (site / "requests" / "__init__.py").write_text("")
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()

    (mirrored,) = FrameworkFreePath(hidden_names(), mirrors).of([str(site)])

    assert str(site) != mirrored
    assert ["requests"] == sorted(p.name for p in Path(mirrored).iterdir())


def test_folders_without_frameworks_stay(tmp_path):
    """A folder with nothing to hide is kept as it is."""
    (tmp_path / "attrs").mkdir()
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()

    assert [str(tmp_path)] == FrameworkFreePath(hidden_names(), mirrors).of(
        [str(tmp_path)]
    )


def test_this_run_sees_no_framework():
    """Inside a test, detection finds no framework the machine has (run
    on its own by the next test, with a torch installed beside it)."""
    assert importlib.util.find_spec("torch") is None
    assert [] == [d.key for d in dlchoose.detect() if d.status != "absent"]


def test_a_machine_torch_is_hidden_from_the_suite(tmp_path):
    """With a torch on the interpreter's path, which a plain process sees,
    a test run through this conftest sees none."""
    site = tmp_path / "site"
    (site / "torch").mkdir(parents=True)
    (site / "torch" / "__init__.py").write_text("__version__ = '2.11.0'\n")
    (site / "torch-2.11.0.dist-info").mkdir()
    (site / "torch-2.11.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: torch\nVersion: 2.11.0\n\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(site), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    plain = subprocess.run(
        [sys.executable, "-c", "import torch; print(torch.__version__)"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    suite = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{__file__}::test_this_run_sees_no_framework",
        ],
        env=env,
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "2.11.0" == plain.stdout.strip()
    assert 0 == suite.returncode, suite.stdout[-2000:]


def test_machine_programs_are_not_found(tmp_path, monkeypatch):
    """The GPU host sees the PATH folders a test adds, not the machine's."""
    fake = tmp_path / "bin"
    fake.mkdir()
    program = fake / "nvidia-smi"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")

    host = gpu_free_host(tmp_path / "root")()

    folders = host.environ["PATH"].split(os.pathsep)
    assert str(fake) == folders[0]
    assert not MACHINE_PATH.intersection(folders)
    assert str(program) == host.which("nvidia-smi")
    assert host.read("/proc/version") is None


def test_editable_framework_finders_are_recognised(monkeypatch):
    """An editable install's finder mapping a framework's top-level name is
    one to take off sys.meta_path; one for another package is not."""
    hidden = hidden_names()
    for name, mapping in (
        ("__editable___keras_finder", {"keras": "/src/keras/keras"}),
        ("__editable___attrs_finder", {"attr": "/src/attrs/attr"}),
    ):
        module = types.ModuleType(name)
        module.MAPPING = mapping  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, name, module)

    class KerasFinder:
        __module__ = "__editable___keras_finder"

    class AttrsFinder:
        __module__ = "__editable___attrs_finder"

    assert is_framework_finder(KerasFinder, hidden)
    assert not is_framework_finder(AttrsFinder, hidden)


def test_home_is_the_tests_own():
    """HOME is an empty folder of this test, not the developer's."""
    home = Path(os.environ["HOME"])
    assert home.name.startswith("home")
    assert [] == list(home.iterdir())


def test_machine_programs_are_hidden_from_detection():
    """No program detection looks for (th, luajit, caffe, cntk, julia,
    node, nvidia-smi) is on the PATH a test starts with, while the
    interpreter's other tools stay reachable."""
    found = {
        name
        for folder in os.environ["PATH"].split(os.pathsep)
        for name in hidden_programs()
        if (Path(folder) / name).exists()
    }
    assert set() == found
    assert shutil.which("sh") is not None
