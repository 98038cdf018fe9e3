"""Agreement with pip, the reference: for a table of targets, pip picks the
version dlchoose picks.

A directory of tiny wheels (a minimal dist-info each) carrying real file
names from the index stands in for the index; pip runs with ``--no-index
--find-links`` and ``--isolated`` (this machine's pip configuration adds
find-links and constraints), so nothing leaves the machine.

pip is asked about every name, also those dlchoose calls not installable
(pip must then find nothing), so a false "no" is caught as well as a wrong
version.  pip expands a macOS or ``manylinux2014``/``manylinux2010``
``--platform`` itself, so for those it gets only the literal tag (and the
expansion is checked against pip's own); other tags (``manylinux_2_28``,
``manylinux1``, ``win_amd64``) pip takes literally, so it gets every tag
the dlchoose target accepts (``Target.platforms``).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import zipfile

from datetime import datetime, timezone
from pathlib import Path

import pytest

from packaging.version import Version

from dlchoose import Target
from dlchoose._index._releases import IndexRelease, Wheel, parse_project
from dlchoose._index._select import select
from dlchoose._index._snapshot import bundled


#: pip before 24.2 does not hold a find-links wheel's Requires-Python
#: against --python-version (measured here: 24.0 and 24.1 pick jax
#: 0.12.0.1 for CPython 3.6; 24.2, 24.3.1, 25.0, 25.1 and 26.3 agree with
#: dlchoose), so an older pip is no reference for this comparison.
OLDEST_REFERENCE_PIP = Version("24.2")
#: The pip these tests would run (``sys.executable -m pip``).
PIP = Version(importlib.metadata.version("pip"))
pytestmark = pytest.mark.skipif(
    PIP < OLDEST_REFERENCE_PIP,
    reason=f"pip {PIP} predates {OLDEST_REFERENCE_PIP}, the first to"
    " check Requires-Python against --python-version for find-links wheels",
)

#: distribution -> the oldest version put into the wheel directory.
SUBSET = {"torch": "2.0", "tensorflow": "2.15", "cntk": "2.0", "jax": "0.4.30"}

#: Small on purpose: each row is one pip run, plus one per name dlchoose
#: finds nothing for (about a second each).  Between them: glibc and legacy
#: manylinux expansion (ours for manylinux_2_28, pip's for manylinux2014
#: down to CNTK's manylinux1 cp36 wheels), the last Intel-Mac torch (pip's
#: macOS expansion), TensorFlow's first cp313 wheels, requires-python (jax).
TARGETS = [
    ("3.11", "manylinux_2_28_x86_64"),
    ("3.12", "macosx_11_0_x86_64"),
    ("3.13", "win_amd64"),
    ("3.6", "manylinux2014_x86_64"),
]

#: Platform prefixes whose --platform pip expands itself (pip's
#: ``_get_custom_platforms``).
PIP_EXPANDS = ("macosx_", "manylinux2014_", "manylinux2010_")


def snap(name):
    """The recorded project (untyped: tests assert on its optional parts)."""
    return bundled().project(name)


def _subset(name: str):
    """The releases put on disk: recent, not yanked (find-links cannot say
    a file is yanked)."""
    found = snap(name)
    oldest = Version(SUBSET[name])
    releases = tuple(
        r._replace(wheels=tuple(w for w in r.wheels if not w.yanked))
        for r in found.releases
        if Version(r.version) >= oldest and not r.yanked and r.wheels
    )
    return found._replace(releases=releases)


def _tiny_wheel(folder: Path, wheel: Wheel, release: IndexRelease) -> None:
    """A wheel file with *wheel*'s name and its own requires-python."""
    filename = wheel.filename
    name = filename.split("-", 1)[0]
    info = f"{name}-{release.version}.dist-info"
    metadata = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {release.version}\n"
    )
    if wheel.requires_python:
        metadata += f"Requires-Python: {wheel.requires_python}\n"
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
                _tiny_wheel(folder, wheel, release)
    return folder


def _platforms(target: Target) -> tuple[str, ...]:
    """The --platform values for pip: the literal tag where pip expands it
    itself, else every tag the target accepts."""
    if target.platform.startswith(PIP_EXPANDS):
        return (target.platform,)
    return target.platforms


def _start_pip(
    folder: Path, target: Target, names: list[str]
) -> subprocess.Popen[str]:
    """pip install --dry-run for *names* on *target*, started, not awaited."""
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
            for platform in _platforms(target)
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
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _picks(run: subprocess.Popen[str]) -> dict[str, str]:
    """What pip would install ({} if it finds none)."""
    stdout, stderr = run.communicate(timeout=120)
    if run.returncode != 0:
        assert (
            "No matching distribution" in stderr
            or "require a different Python" in stderr
        ), stderr
        return {}
    report = json.loads(stdout)
    return {
        item["metadata"]["name"].lower(): str(
            Version(item["metadata"]["version"])
        )
        for item in report["install"]
    }


#: One release whose files need different Pythons (review net.md item 9):
#: pip judges each file, so CPython 3.11 gets 2.0 through its cp311 wheel.
PER_FILE = {
    "demo-2.0-cp312-cp312-linux_x86_64.whl": ">=3.12",
    "demo-2.0-cp313-cp313-linux_x86_64.whl": ">=3.12",
    "demo-2.0-cp311-cp311-linux_x86_64.whl": ">=3.11",
    "demo-1.0-py3-none-any.whl": ">=3.8",
}
PER_FILE_TARGET = Target.of("3.11", "linux_x86_64")


@pytest.fixture(scope="module", name="per_file_pip")
def _per_file_pip(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str | None, subprocess.Popen[str]]:
    """dlchoose's pick for :data:`PER_FILE`, and pip's run, started."""
    folder = tmp_path_factory.mktemp("per-file")
    document = {
        "files": [
            {"filename": name, "requires-python": spec}
            for name, spec in PER_FILE.items()
        ]
    }
    found = parse_project("demo", document, read_at=datetime.now(timezone.utc))
    for release in found.releases:
        for wheel in release.wheels:
            _tiny_wheel(folder, wheel, release)
    chosen = select(found, PER_FILE_TARGET).chosen
    run = _start_pip(folder, PER_FILE_TARGET, ["demo"])
    return (chosen.version if chosen else None), run


def test_pip_judges_each_file(per_file_pip, answers):
    """A release whose wheels need different Pythons: pip and dlchoose both
    take the newest release with a file that fits (2.0 via cp311)."""
    ours, run = per_file_pip
    assert {"demo": "2.0"} == {"demo": ours} == _picks(run)


@pytest.fixture(scope="module", name="answers")
def _answers(
    wheels: Path, per_file_pip: object
) -> dict[tuple[str, str], tuple[dict[str, str], dict[str, str]]]:
    """Per target: dlchoose's picks and pip's, pip asked about every name.

    The installable names go to pip in one run (it must pick the same
    versions); each name dlchoose calls not installable gets its own run
    (pip fails on the first name it cannot install).  All runs start at
    once (with the per-file run), so the file costs about the slowest
    run, not their sum.
    """
    del per_file_pip  # requested only so that its pip run starts first
    runs = {}
    ours = {}
    for python, platform in TARGETS:
        target = Target.of(python, platform)
        chosen = {
            name: select(_subset(name), target).chosen for name in SUBSET
        }
        ours[python, platform] = {
            n: r.version for n, r in chosen.items() if r is not None
        }
        yes = sorted(ours[python, platform])
        groups = [yes] if yes else []
        groups += [[n] for n, r in chosen.items() if r is None]
        runs[python, platform] = [
            _start_pip(wheels, target, g) for g in groups
        ]
    found = {}
    for key, started in runs.items():
        pip: dict[str, str] = {}
        for run in started:
            pip.update(_picks(run))
        found[key] = (ours[key], pip)
    return found


@pytest.mark.parametrize(("python", "platform"), TARGETS)
def test_pip_agrees(answers, python, platform):
    """pip --dry-run picks the same version as dlchoose for every name, and
    nothing where dlchoose finds nothing."""
    ours, pip = answers[python, platform]
    assert ours == pip


def test_the_table_has_both_answers(answers):
    """Some targets find no release of a name (so a false "no" shows) and
    every name is installable somewhere (so a false "yes" shows)."""
    ours = [set(picked) for picked, _ in answers.values()]
    assert any(picked != set(SUBSET) for picked in ours)
    assert set(SUBSET) == set().union(*ours)


def test_platform_arguments():
    """pip gets the literal tag where it expands it itself, else every tag."""
    assert ("macosx_11_0_x86_64",) == _platforms(
        Target.of("3.12", "macosx_11_0_x86_64")
    )
    assert ("manylinux2014_x86_64",) == _platforms(
        Target.of("3.6", "manylinux2014_x86_64")
    )
    many = _platforms(Target.of("3.11", "manylinux_2_28_x86_64"))
    assert "manylinux2014_x86_64" in many
