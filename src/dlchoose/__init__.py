"""Choose and check deep-learning frameworks with sourced data.

The public API lives here; everything else is private.  ``import dlchoose``
is cheap: it loads neither ``requests`` nor any framework.  The registry is
imported eagerly; detection, metrics and the recommender are imported the
first time one of their names is used.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any

from ._frameworks import (
    frameworks,
    get_framework,
    load_frameworks,
    register_framework,
)
from ._registry import (
    Deployment,
    Framework,
    GpuBackend,
    GraphStyle,
    Release,
    Source,
    Status,
    Support,
)


if TYPE_CHECKING:
    from ._detect import (
        Detection,
        DetectionStatus,
        DistributionRecord,
        detect,
        installed,
        is_installed,
    )
    from ._environment import EnvironmentReport, environment
    from ._metrics import (
        LatestRelease,
        MetricsSource,
        RepoMetrics,
        Snapshot,
        bundled_snapshot,
    )
    from ._probe import GpuInfo, ProbeResult, ProbeStatus


__all__ = [
    "Deployment",
    "Detection",
    "DetectionStatus",
    "DistributionRecord",
    "EnvironmentReport",
    "Framework",
    "GpuBackend",
    "GpuInfo",
    "GraphStyle",
    "LatestRelease",
    "MetricsSource",
    "ProbeResult",
    "ProbeStatus",
    "Release",
    "RepoMetrics",
    "Snapshot",
    "Source",
    "Status",
    "Support",
    "bundled_snapshot",
    "detect",
    "environment",
    "frameworks",
    "get_framework",
    "installed",
    "is_installed",
    "load_frameworks",
    "register_framework",
]

# Public name -> private module that defines it, imported on first use.
_LAZY = {
    "Detection": "_detect",
    "DetectionStatus": "_detect",
    "DistributionRecord": "_detect",
    "detect": "_detect",
    "installed": "_detect",
    "is_installed": "_detect",
    "EnvironmentReport": "_environment",
    "environment": "_environment",
    "GpuInfo": "_probe",
    "ProbeResult": "_probe",
    "ProbeStatus": "_probe",
    "LatestRelease": "_metrics",
    "MetricsSource": "_metrics",
    "RepoMetrics": "_metrics",
    "Snapshot": "_metrics",
    "bundled_snapshot": "_metrics",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._compat import metadata

        return metadata.version("dlchoose")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
