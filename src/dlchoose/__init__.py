"""Choose and check deep-learning frameworks with sourced data.

The public API lives here; everything else is private.  ``import dlchoose``
is cheap: it loads neither ``requests`` nor any framework.
"""

from __future__ import annotations

from typing import Any

from ._frameworks import (
    frameworks,
    get_framework,
    load_frameworks,
    register_framework,
)
from ._metrics import (
    LatestRelease,
    MetricsSource,
    RepoMetrics,
    Snapshot,
    bundled_snapshot,
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


__all__ = [
    "Deployment",
    "Framework",
    "GpuBackend",
    "GraphStyle",
    "LatestRelease",
    "MetricsSource",
    "Release",
    "RepoMetrics",
    "Snapshot",
    "Source",
    "Status",
    "Support",
    "bundled_snapshot",
    "frameworks",
    "get_framework",
    "load_frameworks",
    "register_framework",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._compat import metadata

        return metadata.version("dlchoose")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
