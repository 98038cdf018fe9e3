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

#: How unknown values count.  ``known_average`` (the default): an unknown
#: counts at the framework's own weighted average of its known values (as
#: if it were scored on the known criteria with their weights rescaled to
#: 100), but at most half of its scale and at most the criterion's typical
#: value; an unknown adoption share also at most what its series leaves it
#: (the smallest share it lists): unknown is not zero, and not a free pass
#: either.  ``pessimistic`` counts unknowns as 0 and ``neutral`` as
#: half of their scale.  In every mode the result reports coverage, the
#: score interval (unknowns worst to best) and whether the unknowns could
#: change a rank (``Ranked.rank_open``).
MISSING_MODES: Final = ("known_average", "pessimistic", "neutral")
#: Whether a constraint that cannot be checked excludes or keeps.
UNKNOWN_MODES: Final = ("exclude", "keep")
