"""The doctor's one door into detection: the names the package re-exports
(``detect``, ``environment`` and the probe of single modules), so the
doctor does not depend on which module of detection defines them.
"""

from __future__ import annotations

from . import detect, environment, probe_modules


__all__ = ["detect", "environment", "probe_modules"]
