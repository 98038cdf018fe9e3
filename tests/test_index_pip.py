"""Agreement with pip, the reference: for a table of targets, pip picks the
version dlchoose picks.

A directory of tiny wheels (a minimal dist-info each) carrying real file
names from the index stands in for the index; pip runs with ``--no-index
--find-links`` and ``--isolated`` (this machine's pip configuration adds
find-links and constraints), so nothing leaves the machine.  pip's
``--platform`` is literal, so it gets every tag the dlchoose target
accepts (``Target.platforms``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

from pathlib import Path
from typing import Any

import pytest

from packaging.version import Version

from dlchoose import Target
from dlchoose._index._releases import IndexRelease
from dlchoose._index._select import select
from dlchoose._index._snapshot import bundled


#: distribution -> the oldest version put into the wheel directory.
SUBSET = {"torch": "2.0", "tensorflow": "2.15", "cntk": "2.0", "jax": "0.4.30"}

#: Small on purpose: each row is one pip run (about a second).  Between
#: them: glibc and legacy manylinux expansion, the last Intel-Mac torch,
#: TensorFlow's first cp313 wheels, requires-python (jax) and CNTK's cp36.
TARGETS = [
    ("3.11", "manylinux_2_28_x86_64"),
    ("3.12", "macosx_11_0_x86_64"),
    ("3.13", "win_amd64"),
    ("3.6", "manylinux1_x86_64"),
]


def snap(name):
    """The recorded project (untyped: tests assert on its optional parts)."""
    return bundled().project(name)


def _subset(name: str):
    """The releases put on disk: recent, not yanked (find-links cannot say
    a file is yanked)."""
    found = snap(name)
    oldest = Version(SUBSET[name])
    releases = tuple(
        r
        for r in found.releases
        if Version(r.version) >= oldest and not r.yanked and r.wheels
    )
    return found._replace(releases=releases)


def _tiny_wheel(folder: Path, filename: str, release: IndexRelease) -> None:
    name = filename.split("-", 1)[0]
    info = f"{name}-{release.version}.dist-info"
    metadata = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {release.version}\n"
    )
    if release.requires_python:
        metadata += f"Requires-Python: {release.requires_python}\n"
    with zipfile.ZipFile(folder / filename, "w") as archive:
        archive.writestr(f"{info}/METADATA", metadata)
        archive.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: dlchoose-tests\nRoot-Is-Purelib: true\n",
        )
        archive.writestr(f"{info}/RECORD", "")


@pytest.fixture(scope="module", name="wheels")
def _wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheels")
    for name in SUBSET:
        for release in _subset(name).releases:
            for wheel in release.wheels:
                _tiny_wheel(folder, wheel.filename, release)
    return folder


def _pip_picks(
    folder: Path, target: Target, names: list[str]
) -> dict[str, str]:
    """What pip would install for *names* on *target* ({} if it finds none)."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "--isolated",
        "--disable-pip-version-check",
        "install",
        "--dry-run",
        "--no-deps",
        "--ignore-installed",
        "--only-binary=:all:",
        "--python-version",
        target.python,
        *(
            arg
            for platform in target.platforms
            for arg in ("--platform", platform)
        ),
        "--no-index",
        "--find-links",
        str(folder),
        "--report",
        "-",
        "--quiet",
        *names,
    ]
    env = {**os.environ, "PIP_CONFIG_FILE": os.devnull}
    for variable in ("PIP_FIND_LINKS", "PIP_CONSTRAINT", "PIP_INDEX_URL"):
        env.pop(variable, None)
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        assert (
            "No matching distribution" in done.stderr
            or "require a different Python" in done.stderr
        ), done.stderr
        return {}
    report = json.loads(done.stdout)
    return {
        item["metadata"]["name"].lower(): item["metadata"]["version"]
        for item in report["install"]
    }


@pytest.mark.parametrize(("python", "platform"), TARGETS)
def test_pip_agrees(wheels, python, platform):
    """pip --dry-run picks the same version as dlchoose for every name."""
    target = Target.of(python, platform)
    ours: dict[str, Any] = {
        name: select(_subset(name), target).chosen for name in SUBSET
    }
    installable = sorted(n for n, r in ours.items() if r is not None)
    picked = _pip_picks(wheels, target, installable) if installable else {}
    assert {n: ours[n].version for n in installable} == {
        n: str(Version(v)) for n, v in picked.items()
    }


def test_pip_finds_nothing_either(wheels):
    """Where dlchoose finds no wheel (torch 2.x for CPython 3.6), neither does pip."""
    target = Target.of("3.6", "manylinux1_x86_64")
    assert select(_subset("torch"), target).chosen is None
    assert {} == _pip_picks(wheels, target, ["torch"])
