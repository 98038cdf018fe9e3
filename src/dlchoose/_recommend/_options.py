"""The choices ``recommend()`` takes besides the purpose."""

from __future__ import annotations

from typing import Final

from .._choice import Choice
from .._registry._model import GpuBackend


__all__ = ["MISSING_MODES", "UNKNOWN_MODES", "DataEra", "GpuVendor"]


class DataEra(Choice):
    """Which data a recommendation rests on."""

    CURRENT = "current"
    """Today's judgements, the bundled GitHub snapshot and the registry."""
    SEED_ERA = "seed_era"
    """The state of mid-2018, the era of the classic comparisons."""


class GpuVendor(Choice):
    """A GPU maker whose hardware a framework must support."""

    AMD = "amd"
    APPLE = "apple"
    INTEL = "intel"
    NVIDIA = "nvidia"
    TPU = "tpu"
    """Google's TPUs (not a GPU, but chosen the same way)."""

    @property
    def backend(self) -> GpuBackend:
        """The back end a framework needs for this vendor's hardware."""
        return _BACKENDS[self]


_BACKENDS: Final = {
    GpuVendor.AMD: GpuBackend.ROCM,
    GpuVendor.APPLE: GpuBackend.METAL,
    GpuVendor.INTEL: GpuBackend.XPU,
    GpuVendor.NVIDIA: GpuBackend.CUDA,
    GpuVendor.TPU: GpuBackend.TPU,
}

#: How unknown values count: 0 (``pessimistic``) or half (``neutral``) of
#: their scale.
MISSING_MODES: Final = ("pessimistic", "neutral")
#: Whether a constraint that cannot be checked excludes or keeps.
UNKNOWN_MODES: Final = ("exclude", "keep")
