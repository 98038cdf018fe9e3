"""Choose and check deep-learning frameworks with sourced data.

The public API lives here; everything else is private.  ``import dlchoose``
is cheap: it loads neither ``requests`` nor any framework.  The registry is
imported eagerly; detection, metrics and the recommender are imported the
first time one of their names is used.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any

from ._registry._lookup import (
    frameworks,
    get_framework,
    load_frameworks,
    register_framework,
)
from ._registry._model import (
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
    from ._detect._environment import EnvironmentReport, environment
    from ._detect._probe import GpuInfo, ProbeResult, ProbeStatus
    from ._detect._scan import (
        Detection,
        DetectionStatus,
        DistributionRecord,
        detect,
        installed,
        is_installed,
    )
    from ._metrics._cache import DiskCache
    from ._metrics._client import GitHubClient, RateLimitStatus, fetch_metrics
    from ._metrics._values import (
        LatestRelease,
        MetricsReport,
        MetricsSource,
        RepoError,
        RepoMetrics,
        Snapshot,
        bundled_snapshot,
    )
    from ._recommend._core import Recommendation, recommend
    from ._recommend._criteria import Criterion
    from ._recommend._profiles import Profile, Purpose, purposes


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
    "Detection": "_detect._scan",
    "DetectionStatus": "_detect._scan",
    "DistributionRecord": "_detect._scan",
    "detect": "_detect._scan",
    "installed": "_detect._scan",
    "is_installed": "_detect._scan",
    "EnvironmentReport": "_detect._environment",
    "environment": "_detect._environment",
    "GpuInfo": "_detect._probe",
    "ProbeResult": "_detect._probe",
    "ProbeStatus": "_detect._probe",
    "DiskCache": "_metrics._cache",
    "GitHubClient": "_metrics._client",
    "RateLimitStatus": "_metrics._client",
    "fetch_metrics": "_metrics._client",
    "LatestRelease": "_metrics._values",
    "MetricsReport": "_metrics._values",
    "MetricsSource": "_metrics._values",
    "RepoError": "_metrics._values",
    "RepoMetrics": "_metrics._values",
    "Snapshot": "_metrics._values",
    "bundled_snapshot": "_metrics._values",
    "Criterion": "_recommend._criteria",
    "Profile": "_recommend._profiles",
    "Purpose": "_recommend._profiles",
    "purposes": "_recommend._profiles",
    "Recommendation": "_recommend._core",
    "recommend": "_recommend._core",
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
