"""Detection of installed frameworks: the fast scan, the probe and the
environment report.

Modules, one job each: ``_model`` (the fast path's values), ``_probe_model`` (the probe's), ``_listing`` (one listing
of ``sys.path``), ``_files`` (reading untrusted files), ``_metadata``
(one distribution's metadata), ``_build`` (CPU/CUDA/ROCm build from
metadata), ``_classify`` (one framework's status), ``_native`` (non-Python
installs), ``_keras`` (Keras' backends), ``_scan`` (the public functions
and their cache), ``_require`` (PEP 508 requirement checks), ``_probe``
(children, parent side), ``_child`` (the child, stdlib only),
``_processes`` (ending a child and its descendants), ``_environment``
(variables, ``/proc``, ``keras.json``), ``_known`` (the catalog's
detection facts without building the registry; ``_known_data`` is
generated from the catalog by ``_known_write``).

The names other modules of this capability use are served lazily from
here, so importing the package stays as cheap as importing one module.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from ._environment import EnvironmentReport, environment
    from ._model import Detection, DetectionStatus, DistributionRecord
    from ._probe import probe_modules
    from ._probe_model import GpuInfo, ProbeResult, ProbeStatus
    from ._require import RequirementCheck, check_requirements
    from ._scan import detect, installed, is_installed

__all__ = [
    "Detection",
    "DetectionStatus",
    "DistributionRecord",
    "EnvironmentReport",
    "GpuInfo",
    "ProbeResult",
    "ProbeStatus",
    "RequirementCheck",
    "check_requirements",
    "detect",
    "environment",
    "installed",
    "is_installed",
    "probe_modules",
]

_LAZY = {
    "Detection": "_model",
    "DetectionStatus": "_model",
    "DistributionRecord": "_model",
    "GpuInfo": "_probe_model",
    "ProbeResult": "_probe_model",
    "ProbeStatus": "_probe_model",
    "EnvironmentReport": "_environment",
    "environment": "_environment",
    "probe_modules": "_probe",
    "RequirementCheck": "_require",
    "check_requirements": "_require",
    "detect": "_scan",
    "installed": "_scan",
    "is_installed": "_scan",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
