"""What one fetch works through: jobs in, figures (with validators) out."""

from __future__ import annotations

import attrs

from ._cache import CacheEntry
from ._values import RepoMetrics


__all__ = ["Fetched", "Job"]


@attrs.frozen
class Job:
    """One repository to fetch: as asked, as known (after a rename), and
    its cache entry (for revalidation)."""

    requested: str
    target: str
    entry: CacheEntry | None


@attrs.frozen
class Fetched:
    """Fresh figures and the REST validators to store with them."""

    metrics: RepoMetrics
    etag_repo: str | None = None
    etag_release: str | None = None
