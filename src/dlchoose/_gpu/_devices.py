"""The GPU value detection produces, shared by every vendor's reader."""

from __future__ import annotations

from typing import Any

import attrs

from ._values import Vendor, to_vendor


__all__ = ["GpuDevice"]


@attrs.frozen(kw_only=True)
class GpuDevice:
    """One GPU this process may use."""

    index: int
    """The vendor tool's device index (nvidia-smi, KFD node order)."""
    name: str
    vendor: Vendor = attrs.field(converter=to_vendor)
    compute_capability: str | None = None
    """NVIDIA compute capability, ``"8.6"``; ``None`` when unknown."""
    architecture: str | None = None
    """AMD GPU architecture, ``"gfx1100"``; ``None`` for other vendors."""
    memory_mib: int | None = None

    def describe(self) -> str:
        """``NVIDIA H200 (compute capability 9.0, 140 GiB)``."""
        details = []
        if self.compute_capability is not None:
            details.append(f"compute capability {self.compute_capability}")
        if self.architecture is not None:
            details.append(self.architecture)
        if self.memory_mib is not None:
            details.append(f"{self.memory_mib / 1024:.0f} GiB")
        return f"{self.name} ({', '.join(details)})" if details else self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "vendor": self.vendor.value,
            "compute_capability": self.compute_capability,
            "architecture": self.architecture,
            "memory_mib": self.memory_mib,
        }
