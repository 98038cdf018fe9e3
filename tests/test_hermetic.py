"""The suite's own isolation from the machine (tests/hermetic.py)."""

from __future__ import annotations

import importlib.util
import os

from pathlib import Path

import dlchoose

from tests.hermetic import FrameworkFreePath, gpu_free_host, hidden_names


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
    """Inside a test, detection finds no framework the machine has."""
    assert importlib.util.find_spec("torch") is None
    assert [] == [d.key for d in dlchoose.detect() if d.status != "absent"]


def test_machine_programs_are_not_found(tmp_path, monkeypatch):
    """The GPU host sees the PATH folders a test adds, not the machine's."""
    fake = tmp_path / "bin"
    fake.mkdir()
    program = fake / "nvidia-smi"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")

    host = gpu_free_host(tmp_path / "root")()

    assert [str(fake)] == host.environ["PATH"].split(os.pathsep)
    assert str(program) == host.which("nvidia-smi")
    assert host.read("/proc/version") is None
