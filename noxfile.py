"""Development sessions: ``nox`` runs tests, lint, mypy and docs.

``nox -s integration`` (opt-in) installs real frameworks in throwaway
environments and checks detection against them.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from pathlib import Path

import nox


nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True
nox.options.sessions = ["tests", "coverage_report", "lint", "mypy", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)
OLDEST, NEWEST = PYTHONS[0], PYTHONS[-1]
DOCS_PYTHON = "3.12"


def _expose_pyenv_pythons(versions: list[str]) -> None:
    """Put pyenv's interpreters for *versions* on PATH.

    pyenv's shims only answer for the versions selected in PYENV_VERSION, so
    on a machine whose pyenv has 3.10 to 3.13 installed, plain ``nox`` would
    otherwise find just one of them.
    """
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return
    root = Path(
        subprocess.run(
            [pyenv, "root"], capture_output=True, text=True, check=False
        ).stdout.strip()
    )
    bins = []
    for version in versions:
        candidates = sorted(
            (root / "versions").glob(f"{version}.*"),
            key=lambda p: [int(x) for x in p.name.split(".") if x.isdigit()],
        )
        if candidates and (candidates[-1] / "bin").is_dir():
            bins.append(str(candidates[-1] / "bin"))
    if bins:
        os.environ["PATH"] = os.pathsep.join([*bins, os.environ["PATH"]])


_expose_pyenv_pythons(PYTHONS)


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session(python=PYTHONS, tags=["tests"])
def tests(session: nox.Session) -> None:
    """Unit tests with branch coverage on one Python."""
    session.install(".", *_group("tests"))
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        *session.posargs,
        env={"COVERAGE_FILE": f".coverage.{session.python}"},
    )
    # Smoke-test the installed entry points.
    session.run("dlchoose", "--version")
    session.run("python", "-m", "dlchoose", "list", silent=True)


@nox.session(python=NEWEST)
def coverage_report(session: nox.Session) -> None:
    """Combine the coverage of every Python and enforce the floor."""
    session.install("coverage[toml]>=7.6")
    session.run("coverage", "combine", success_codes=[0, 1])
    session.run("coverage", "report")


@nox.session(python=NEWEST)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff>=0.8")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=[OLDEST, NEWEST])
def mypy(session: nox.Session) -> None:
    """mypy --strict over the package, tests and tools."""
    session.install(".", *_group("typing"))
    session.run("mypy")


@nox.session(python=DOCS_PYTHON)
def docs(session: nox.Session) -> None:
    """Build the docs with warnings as errors and run their examples."""
    session.install(".", *_group("docs"))
    build = ["sphinx-build", "-W", "-n", "--keep-going", "-q"]
    session.run(*build, "-b", "html", "docs", "docs/_build/html")
    session.run(*build, "-b", "doctest", "docs", "docs/_build/doctest")
    session.run("python", "-m", "doctest", "README.md")


#: Real environments for ``integration`` (and ``benchmarks/bench_detect.py``),
#: each built by one ``pip install`` per step.  torch comes from pip's
#: configured find-links (a CPU wheel); the rest from the package index.
#: ``legacy`` holds frameworks whose imports fail with NumPy 1.26: the probe
#: must say so while the fast path says "installed"; ``keras-alone`` has no
#: backend, which detection must not call simply installed.  The ``doctor-*``
#: environments are broken on purpose, with ``--no-deps`` steps that pip's
#: resolver would otherwise refuse: Keras without a backend and NumPy 2
#: under MXNet 1.9.1; torchvision built for another torch, and tensorflow
#: installed over tensorflow-cpu.
DETECT_ENVS: dict[str, tuple[tuple[str, ...], ...]] = {
    "modern": (("torch==2.13.0", "tensorflow-cpu", "jax", "keras"),),
    "legacy": (("numpy<2", "mxnet", "Theano", "Lasagne"),),
    "keras-alone": (("keras",),),
    "doctor-legacy-numpy2": (("keras",), ("--no-deps", "mxnet==1.9.1")),
    "doctor-mismatch": (
        ("torch==2.13.0", "tensorflow-cpu==2.21.0"),
        ("--no-deps", "torchvision==0.29.1", "tensorflow==2.21.0"),
    ),
}
DETECT_ENVS_ROOT = Path(".nox") / "_detect_envs"


def _detect_env(session: nox.Session, name: str) -> str:
    """Build (once) a venv with *name*'s frameworks; return its python."""
    location = (DETECT_ENVS_ROOT / name).resolve()
    python = location / "bin" / "python"
    stamp = location / ".dlchoose-requirements"
    wanted = "\n".join(
        ("-e .", *(" ".join(step) for step in DETECT_ENVS[name]))
    )
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        session.log(f"reusing {location}")
        return str(python)
    if not python.exists():
        session.run("python", "-m", "venv", str(location))
    pip = (str(python), "-m", "pip", "install", "--disable-pip-version-check")
    for step in DETECT_ENVS[name]:
        session.run(*pip, "-q", *step, external=True)
    session.run(*pip, "-q", "-e", ".", external=True)
    stamp.write_text(wanted, encoding="utf-8")
    return str(python)


@nox.session(python="3.11", default=False)
def integration(session: nox.Session) -> None:
    """Detection against real framework installs (slow, opt-in).

    The environments live in ``.nox/_detect_envs`` and are reused while
    their requirement lists stay the same.
    """
    # The tests' conftest imports dlchoose; the real environments get their
    # own editable install in _detect_env.
    session.install(".", *_group("tests"))
    envs = {name: _detect_env(session, name) for name in DETECT_ENVS}
    session.run(
        "pytest",
        "-m",
        "integration",
        "-p",
        "no:cacheprovider",
        "tests/integration",
        *session.posargs,
        env={
            "DLCHOOSE_INTEGRATION_ENVS": ";".join(
                f"{name}={python}" for name, python in envs.items()
            )
        },
    )


@nox.session(python=NEWEST, default=False)
def browser(session: nox.Session) -> None:
    """The HTML report rendered by headless Chromium (opt-in).

    The screenshot must not be blank and the page must name the winner.
    Fails, rather than skips, without Chromium (Debian: ``apt-get install
    chromium``), so CI cannot pass it without running it.
    """
    if not any(
        shutil.which(name)
        for name in ("chromium", "chromium-browser", "google-chrome")
    ):
        session.error(
            "Chromium is not installed (Debian: apt-get install chromium)"
        )
    session.install(".", *_group("tests"))
    session.run("pytest", "-m", "browser", "tests/browser", *session.posargs)
