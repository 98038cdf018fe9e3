"""GPU fit: this machine's GPU facts and the framework builds that use them.

Machine facts come from files and child programs, never from a driver
loaded in-process (:mod:`._nvidia`, :mod:`._amd`, :mod:`._machine`); the
framework builds are sourced, dated tables (:mod:`._torch_builds`,
:mod:`._other_builds`); :mod:`._fit` chooses, joined with the package
index's answer through one seam (:mod:`._join`).
"""

from __future__ import annotations

from ._api import gpu_fit
from ._cuda import newest_cuda
from ._devices import GpuDevice
from ._fit import GpuFit
from ._machine import GpuReport, gpu
from ._model import GpuBuild, Platform
from ._values import FitStatus, Vendor


__all__ = [
    "FitStatus",
    "GpuBuild",
    "GpuDevice",
    "GpuFit",
    "GpuReport",
    "Platform",
    "Vendor",
    "gpu",
    "gpu_fit",
    "newest_cuda",
]
