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
    from ._cache import DiskCache
    from ._criteria import Criterion
    from ._detect import (
        Detection,
        DetectionStatus,
        DistributionRecord,
        detect,
        installed,
        is_installed,
    )
    from ._environment import EnvironmentReport, environment
    from ._github import GitHubClient, RateLimitStatus, fetch_metrics
    from ._metrics import (
        LatestRelease,
        MetricsReport,
        MetricsSource,
        RepoError,
        RepoMetrics,
        Snapshot,
        bundled_snapshot,
    )
    from ._probe import GpuInfo, ProbeResult, ProbeStatus
    from ._profiles import Profile, Purpose, purposes
    from ._recommend import Recommendation, recommend


__all__ = [
    "Criterion",
    "Deployment",
    "Detection",
    "DetectionStatus",
    "DiskCache",
    "DistributionRecord",
    "EnvironmentReport",
    "Framework",
    "GitHubClient",
    "GpuBackend",
    "GpuInfo",
    "GraphStyle",
    "LatestRelease",
    "MetricsReport",
    "MetricsSource",
    "ProbeResult",
    "ProbeStatus",
    "Profile",
    "Purpose",
    "RateLimitStatus",
    "Recommendation",
    "Release",
    "RepoError",
    "RepoMetrics",
    "Snapshot",
    "Source",
    "Status",
    "Support",
    "bundled_snapshot",
    "detect",
    "environment",
    "fetch_metrics",
    "frameworks",
    "get_framework",
    "installed",
    "is_installed",
    "load_frameworks",
    "purposes",
    "recommend",
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
    "DiskCache": "_cache",
    "GitHubClient": "_github",
    "RateLimitStatus": "_github",
    "fetch_metrics": "_github",
    "LatestRelease": "_metrics",
    "MetricsReport": "_metrics",
    "MetricsSource": "_metrics",
    "RepoError": "_metrics",
    "RepoMetrics": "_metrics",
    "Snapshot": "_metrics",
    "bundled_snapshot": "_metrics",
    "Criterion": "_criteria",
    "Profile": "_profiles",
    "Purpose": "_profiles",
    "purposes": "_profiles",
    "Recommendation": "_recommend",
    "recommend": "_recommend",
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
