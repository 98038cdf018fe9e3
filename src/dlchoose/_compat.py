"""The one place that chooses between the stdlib and backported modules."""

from __future__ import annotations

import sys


if sys.version_info >= (3, 11):
    from importlib import metadata
else:  # pragma: no cover - only on 3.10
    import importlib_metadata as metadata

__all__ = ["metadata"]
