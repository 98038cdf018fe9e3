"""The machine running the tests, with its frameworks and GPU taken away.

A developer's environment often holds torch or jax, and a GPU machine has
``nvidia-smi`` and ``/sys/module/nvidia``.  Detection, the doctor and the
GPU capability read exactly those, so without this module the suite's
answers would depend on the machine (seen on an H200 with torch, jax, flax
and onnxruntime installed: 22 tests failed there that pass on CI).

- :class:`FrameworkFreePath` gives ``sys.path`` with every folder that
  holds a framework (a module or a distribution the registry names, or a
  torch companion) replaced by a mirror of symbolic links to everything
  else in it, so dlchoose's own dependencies still import.
- an editable install's import hook for a framework is taken off
  ``sys.meta_path`` (:func:`is_framework_finder`), and ``HOME`` and the
  variables in :data:`MACHINE_VARIABLES` (package-manager folders, Keras
  and GPU settings) are the tests' own, not the machine's;
- :class:`ProgramFreePath` does the same for ``PATH`` and the programs
  detection looks for (a ``luajit`` or ``caffe`` of the machine's own);
- :func:`gpu_free_host` makes a :class:`~dlchoose._gpu._host.Host` that
  reads an empty root and looks for programs only in the ``PATH`` folders
  a test added, not in the machine's own.
"""

from __future__ import annotations

import os
import re
import sys

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import dlchoose

from dlchoose._detect._doctor_checks import COMPANIONS
from dlchoose._gpu._host import Host


__all__ = [
    "MACHINE_VARIABLES",
    "FolderMirrors",
    "FrameworkFreePath",
    "ProgramFreePath",
    "gpu_free_host",
    "hidden_names",
    "hidden_programs",
    "is_framework_finder",
    "modules_using_host",
]

#: The machine's own PATH folders, read once when the tests start (before
#: any test adds a folder of fake programs).
MACHINE_PATH: frozenset[str] = frozenset(
    os.environ.get("PATH", "").split(os.pathsep)
)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def hidden_names() -> frozenset[str]:
    """Normalised module and distribution names the tests must not see."""
    names: set[str] = set(COMPANIONS)
    for framework in dlchoose.frameworks():
        names.update(framework.import_names)
        names.update(framework.distributions)
    return frozenset(_normal(n) for n in names)


def _entry_name(entry: str) -> str:
    """The module or distribution an entry of a site folder stands for."""
    if entry.endswith((".dist-info", ".egg-info")):
        return _normal(entry.rsplit(".", 1)[0].split("-", 1)[0])
    return _normal(entry.split(".", 1)[0])


class FolderMirrors:
    """Folders with the entries *hides* picks replaced by a mirror of links
    to everything else in them, each made once under *into* and reused;
    a folder with nothing to hide (or that cannot be listed) stays."""

    def __init__(self, hides: Callable[[str], bool], into: Path) -> None:
        self.hides = hides
        self.into = into
        self._mirrors: dict[str, str] = {}

    def folder(self, entry: str) -> str:
        """*entry* (a folder; ``""`` is the working one) or its mirror."""
        if entry not in self._mirrors:
            self._mirrors[entry] = self._mirror(Path(entry or ".").resolve())
        return self._mirrors[entry] or entry

    def _mirror(self, folder: Path) -> str:
        try:
            entries = [e.name for e in folder.iterdir()]
        except OSError:
            return ""
        if not any(map(self.hides, entries)):
            return ""
        mirror = self.into / f"{len(self._mirrors)}-{folder.name}"
        mirror.mkdir()
        for entry in entries:
            if not self.hides(entry):
                (mirror / entry).symlink_to(folder / entry)
        return str(mirror)


class FrameworkFreePath(FolderMirrors):
    """``sys.path`` without the modules and distributions in *hidden*."""

    def __init__(self, hidden: frozenset[str], into: Path) -> None:
        super().__init__(lambda entry: _entry_name(entry) in hidden, into)
        self.hidden = hidden

    def of(self, path: Sequence[str]) -> list[str]:
        """*path* with each folder holding a hidden name mirrored."""
        return [self.folder(entry) for entry in path]


#: Variables through which the machine's own installs and GPU settings
#: would reach detection, the doctor or the GPU capability.
MACHINE_VARIABLES: tuple[str, ...] = (
    "CARGO_HOME",
    "NUGET_PACKAGES",
    "JULIA_DEPOT_PATH",
    "npm_config_prefix",
    "NPM_CONFIG_PREFIX",
    "KERAS_BACKEND",
    "KERAS_HOME",
    "TF_USE_LEGACY_KERAS",
    "JAX_PLATFORMS",
    "CUDA_VISIBLE_DEVICES",
    "HIP_VISIBLE_DEVICES",
    "ROCR_VISIBLE_DEVICES",
    "DLCHOOSE_CUDA_DRIVER_VERSION",
)


def is_framework_finder(finder: object, hidden: frozenset[str]) -> bool:
    """Whether *finder* is an editable install's import hook for a hidden
    name (setuptools puts a finder with a ``MAPPING`` of top-level names
    on ``sys.meta_path``, which no ``sys.path`` mirror can hide)."""
    module = sys.modules.get(getattr(finder, "__module__", "") or "")
    mapping = getattr(module, "MAPPING", None) or getattr(
        finder, "MAPPING", None
    )
    if not isinstance(mapping, dict):
        return False
    return any(_normal(str(name)) in hidden for name in mapping)


def hidden_programs() -> frozenset[str]:
    """Programs whose presence on ``PATH`` detection or the GPU checks
    read: the registry's (``th``, ``luajit``, ``caffe``, ``cntk``), and
    ``julia``, ``node``, ``nvidia-smi`` and ROCm's tools."""
    names = {
        "julia",
        "node",
        "nvidia-smi",
        "rocminfo",
        "rocm_agent_enumerator",
    }
    for framework in dlchoose.frameworks():
        names.update(framework.programs)
    return frozenset(names)


class ProgramFreePath(FolderMirrors):
    """``PATH`` without the programs in *hidden*."""

    def __init__(self, hidden: frozenset[str], into: Path) -> None:
        super().__init__(hidden.__contains__, into)

    def of(self, path: str) -> str:
        """*path* with each folder holding a hidden program mirrored."""
        return os.pathsep.join(map(self.folder, path.split(os.pathsep)))


def _test_added(path: str) -> str:
    return os.pathsep.join(
        p for p in path.split(os.pathsep) if p and p not in MACHINE_PATH
    )


def gpu_free_host(root: Path) -> Any:
    """A ``Host`` factory: an empty *root* unless a test names its own, and
    the environment as it is when called, its ``PATH`` cut to the folders
    tests added, so the machine's ``nvidia-smi`` and ``rocminfo`` are not
    found but a test's fake one is."""

    def make(**kwargs: Any) -> Host:
        if "environ" not in kwargs:
            environ = dict(os.environ)
            environ["PATH"] = _test_added(environ.get("PATH", ""))
            kwargs["environ"] = environ
        kwargs.setdefault("root", root)
        return Host(**kwargs)

    return make


def modules_using_host() -> Iterable[Any]:
    """The modules that build a default ``Host()`` for this machine."""
    from dlchoose._gpu import _api, _machine

    return (_api, _machine)
