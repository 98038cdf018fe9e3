"""Choose and check deep-learning frameworks with sourced data.

The public API lives here; everything else is private.  ``import dlchoose``
is cheap: it loads neither ``requests`` nor any framework, nor even the
registry.  Each capability is imported the first time one of its names is
used, from the one table below.
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from ._detect._doctor import diagnose
    from ._detect._doctor_model import (
        Diagnosis,
        DoctorReport,
        Finding,
        Health,
    )
    from ._detect._environment import EnvironmentReport, environment
    from ._detect._model import Detection, DetectionStatus, DistributionRecord
    from ._detect._probe_model import GpuInfo, ProbeResult, ProbeStatus
    from ._detect._require import RequirementCheck, check_requirements
    from ._detect._scan import detect, installed, is_installed
    from ._gpu._api import gpu_fit
    from ._gpu._devices import GpuDevice
    from ._gpu._fit import GpuFit
    from ._gpu._machine import GpuReport, gpu
    from ._gpu._model import GpuBuild
    from ._gpu._values import FitStatus
    from ._index._api import compatibility
    from ._index._model import (
        Compatibility,
        CompatibilityReason,
        DataOrigin,
        IndexData,
    )
    from ._index._target import Target
    from ._metrics._access import GitHubAccess, github_access
    from ._metrics._cache import DiskCache
    from ._metrics._client import GitHubClient, fetch_metrics
    from ._metrics._ratelimit import RateLimitStatus
    from ._metrics._snapshot import Snapshot, bundled_snapshot
    from ._metrics._values import (
        LatestRelease,
        MetricsReport,
        MetricsSource,
        RepoError,
        RepoMetrics,
    )
    from ._recommend._core import Recommendation, recommend
    from ._recommend._criteria import Criterion
    from ._recommend._gather import Gatherer
    from ._recommend._options import DataEra, GpuVendor
    from ._recommend._profiles import Profile, Purpose, purposes
    from ._recommend._render import criterion_name, explain_why_not
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
        PythonRelease,
        Release,
        ReleaseOrigin,
        Status,
        Support,
    )
    from ._sources import Source


__all__ = [
    "Compatibility",
    "CompatibilityReason",
    "Criterion",
    "DataEra",
    "DataOrigin",
    "Deployment",
    "Detection",
    "DetectionStatus",
    "Diagnosis",
    "DiskCache",
    "DistributionRecord",
    "DoctorReport",
    "EnvironmentReport",
    "Finding",
    "FitStatus",
    "Framework",
    "Gatherer",
    "GitHubAccess",
    "GitHubClient",
    "GpuBackend",
    "GpuBuild",
    "GpuDevice",
    "GpuFit",
    "GpuInfo",
    "GpuReport",
    "GpuVendor",
    "GraphStyle",
    "Health",
    "IndexData",
    "LatestRelease",
    "MetricsReport",
    "MetricsSource",
    "ProbeResult",
    "ProbeStatus",
    "Profile",
    "Purpose",
    "PythonRelease",
    "RateLimitStatus",
    "Recommendation",
    "Release",
    "ReleaseOrigin",
    "RepoError",
    "RepoMetrics",
    "RequirementCheck",
    "Snapshot",
    "Source",
    "Status",
    "Support",
    "Target",
    "bundled_snapshot",
    "check_requirements",
    "compatibility",
    "criterion_name",
    "detect",
    "diagnose",
    "environment",
    "explain_why_not",
    "fetch_metrics",
    "frameworks",
    "get_framework",
    "github_access",
    "gpu",
    "gpu_fit",
    "installed",
    "is_installed",
    "load_frameworks",
    "purposes",
    "recommend",
    "register_framework",
]

# Public name -> private module that defines it, imported on first use.
_LAZY = {
    "frameworks": "_registry._lookup",
    "get_framework": "_registry._lookup",
    "load_frameworks": "_registry._lookup",
    "register_framework": "_registry._lookup",
    "Deployment": "_registry._model",
    "Framework": "_registry._model",
    "GpuBackend": "_registry._model",
    "GraphStyle": "_registry._model",
    "PythonRelease": "_registry._model",
    "Release": "_registry._model",
    "ReleaseOrigin": "_registry._model",
    "Status": "_registry._model",
    "Support": "_registry._model",
    "Source": "_sources",
    "compatibility": "_index._api",
    "FitStatus": "_gpu._values",
    "GpuBuild": "_gpu._model",
    "GpuDevice": "_gpu._devices",
    "GpuFit": "_gpu._fit",
    "GpuReport": "_gpu._machine",
    "gpu": "_gpu._machine",
    "gpu_fit": "_gpu._api",
    "Compatibility": "_index._model",
    "CompatibilityReason": "_index._model",
    "DataOrigin": "_index._model",
    "IndexData": "_index._model",
    "Target": "_index._target",
    "Detection": "_detect._model",
    "DetectionStatus": "_detect._model",
    "DistributionRecord": "_detect._model",
    "detect": "_detect._scan",
    "installed": "_detect._scan",
    "is_installed": "_detect._scan",
    "RequirementCheck": "_detect._require",
    "check_requirements": "_detect._require",
    "EnvironmentReport": "_detect._environment",
    "diagnose": "_detect._doctor",
    "Diagnosis": "_detect._doctor_model",
    "DoctorReport": "_detect._doctor_model",
    "Finding": "_detect._doctor_model",
    "Health": "_detect._doctor_model",
    "environment": "_detect._environment",
    "GpuInfo": "_detect._probe_model",
    "ProbeResult": "_detect._probe_model",
    "ProbeStatus": "_detect._probe_model",
    "DiskCache": "_metrics._cache",
    "GitHubAccess": "_metrics._access",
    "github_access": "_metrics._access",
    "GitHubClient": "_metrics._client",
    "RateLimitStatus": "_metrics._ratelimit",
    "fetch_metrics": "_metrics._client",
    "LatestRelease": "_metrics._values",
    "MetricsReport": "_metrics._values",
    "MetricsSource": "_metrics._values",
    "RepoError": "_metrics._values",
    "RepoMetrics": "_metrics._values",
    "Snapshot": "_metrics._snapshot",
    "bundled_snapshot": "_metrics._snapshot",
    "Criterion": "_recommend._criteria",
    "DataEra": "_recommend._options",
    "Gatherer": "_recommend._gather",
    "GpuVendor": "_recommend._options",
    "Profile": "_recommend._profiles",
    "Purpose": "_recommend._profiles",
    "purposes": "_recommend._profiles",
    "Recommendation": "_recommend._core",
    "recommend": "_recommend._core",
    "criterion_name": "_recommend._render",
    "explain_why_not": "_recommend._render",
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
