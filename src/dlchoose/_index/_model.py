"""The public answer: can a framework be installed on a target, and how.

:class:`Compatibility` is what :func:`dlchoose.compatibility` returns per
framework; :class:`IndexData` says where its facts came from.  Both are
frozen and serialise with ``to_dict()`` (the ``dlchoose compat --json``
schema).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs

from .._choice import Choice
from .._time import iso
from ._select import CompatibilityReason
from ._target import Target


__all__ = ["Compatibility", "CompatibilityReason", "DataOrigin", "IndexData"]


class DataOrigin(Choice):
    """Where release facts were read."""

    LIVE = "live"
    """Asked the package index just now (or revalidated the cache with it)."""
    CACHE = "cache"
    """An earlier live answer kept on disk."""
    SNAPSHOT = "snapshot"
    """The snapshot bundled with dlchoose."""


@attrs.frozen(kw_only=True)
class IndexData:
    """The provenance of one distribution's release facts."""

    origin: DataOrigin
    read_at: datetime
    """When the index was read (for the snapshot, when it was built)."""
    index_url: str
    """The index asked, without credentials."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin.value,
            "read_at": iso(self.read_at),
            "index_url": self.index_url,
        }


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@attrs.frozen(kw_only=True)
class Compatibility:
    """Whether and what a framework's main distribution installs on a target.

    ``version``/``file``/``released`` name the newest release pip would
    install (``None`` when none fits); ``latest``/``latest_released`` the
    newest release on the index.  ``reason`` (a :class:`CompatibilityReason`) and
    ``detail`` (in words) say why the target does not get ``latest``: it
    is ``None`` exactly when ``version == latest`` with no caveat.  For
    frameworks not installed from the Python package index, ``reason`` is
    :attr:`CompatibilityReason.NOT_PYTHON` and ``detail`` says how they are installed.
    """

    framework: str
    """The registry key (``"pytorch"``)."""
    name: str
    """The display name (``"PyTorch"``)."""
    distribution: str | None
    """The distribution checked (``"torch"``), ``None`` for non-Python ones."""
    target: Target
    installable: bool
    version: str | None = None
    file: str | None = None
    released: date | None = None
    latest: str | None = None
    latest_released: date | None = None
    reason: CompatibilityReason | None = None
    detail: str = ""
    pythons: tuple[str, ...] = ()
    """Python tags with wheels for the target's platform (when the Python
    version is the obstacle), e.g. ``("cp35", "cp36")``."""
    install_command: str | None = None
    """The ``pip install`` line to run on the target."""
    download_command: str | None = None
    """For another target, the ``pip download`` line that fetches the
    same wheel from here."""
    data: IndexData | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "name": self.name,
            "distribution": self.distribution,
            "target": self.target.to_dict(),
            "installable": self.installable,
            "version": self.version,
            "file": self.file,
            "released": _day(self.released),
            "latest": self.latest,
            "latest_released": _day(self.latest_released),
            "reason": self.reason.value if self.reason else None,
            "detail": self.detail,
            "pythons": list(self.pythons),
            "install_command": self.install_command,
            "download_command": self.download_command,
            "data": self.data.to_dict() if self.data else None,
            "notes": list(self.notes),
        }
