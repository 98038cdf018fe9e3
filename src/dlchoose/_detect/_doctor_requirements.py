"""The doctor's first step: requirements read from installed metadata.

A framework's ``Requires-Dist`` lines are evaluated with
:mod:`packaging.markers` against this interpreter.  A requirement that
applies only to an extra is reported apart (:attr:`Unmet.extra_only`):
pip does not record which extras were asked for, so an installed package
that misses an extra's pin may belong to something else entirely
(TensorFlow's ``and-cuda`` pins a cuDNN that torch, next to it, replaced).
Nothing is imported: a mismatch found here is found before the probe.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version


__all__ = ["Installed", "Unmet", "at", "read_requires", "unmet_requirements"]


@attrs.define
class Installed:
    """Versions of installed distributions, looked up once each.

    The first distribution of a name on ``sys.path`` wins, as for
    ``import``.
    """

    _found: dict[str, Any] = attrs.field(factory=dict)

    def distribution(self, name: str) -> Any:
        """The first complete distribution named *name*, or ``None``."""
        key = canonicalize_name(name)
        if key not in self._found:
            self._found[key] = _lookup(key)
        return self._found[key]

    def version(self, name: str) -> str | None:
        """The installed version of distribution *name*, or ``None``."""
        dist = self.distribution(name)
        return None if dist is None else str(dist.version)


def _lookup(name: str) -> Any:
    from .._compat import metadata

    for dist in metadata.distributions(name=name):
        if version_of(dist):
            return dist
    return None


def version_of(dist: Any) -> str | None:
    """*dist*'s version; ``None`` for a leftover without metadata (newer
    Pythons raise or warn there instead of answering ``None``)."""
    try:
        version = dist.version
    except Exception:  # noqa: BLE001 - any failure means no usable version
        return None
    return str(version) if version else None


@attrs.frozen(kw_only=True)
class Unmet:
    """A requirement that the environment does not satisfy."""

    requirement: Requirement
    installed: str | None
    """The installed version; ``None`` when the package is missing."""
    extra_only: bool = False
    """The requirement applies only to an extra (which pip does not record
    as chosen or not)."""

    @property
    def name(self) -> str:
        return canonicalize_name(self.requirement.name)

    @property
    def specifier(self) -> str:
        return str(self.requirement.specifier)

    @property
    def text(self) -> str:
        """The requirement without its marker (``numpy<2,>=1.16``)."""
        return f"{self.requirement.name}{self.requirement.specifier}"


def at(metadata_path: str) -> Any:
    """The distribution whose ``.dist-info`` is *metadata_path*."""
    from .._compat import metadata

    return metadata.PathDistribution(Path(metadata_path))


def read_requires(dist: Any) -> tuple[list[str], list[str]]:
    """``Requires-Dist`` and ``Provides-Extra`` of distribution *dist*."""
    try:
        requires = list(dist.requires or ())
        meta: Any = dist.metadata
        extras = list((meta.get_all("Provides-Extra") if meta else None) or ())
    except Exception:  # noqa: BLE001 - damaged metadata has no requirements
        return [], []
    return requires, extras


def _applies(requirement: Requirement, extras: Sequence[str]) -> str | None:
    """``"always"``, ``"extra"`` (only with an extra) or ``None``."""
    marker: Marker | None = requirement.marker
    if marker is None or marker.evaluate({"extra": ""}):
        return "always"
    if any(marker.evaluate({"extra": extra}) for extra in extras):
        return "extra"
    return None


def _satisfied(requirement: Requirement, installed: str) -> bool:
    try:
        version = Version(installed)
    except InvalidVersion:
        return True  # not PEP 440: no judgement either way
    return requirement.specifier.contains(version, prereleases=True)


def unmet_requirements(dist: Any, installed: Installed) -> tuple[Unmet, ...]:
    """The requirements of distribution *dist* that this environment does
    not meet, in the order its metadata lists them.

    An extra's requirement counts only when its package is installed and
    meets no requirement on that package (see :func:`_any_satisfied`).
    """
    requires, extras = read_requires(dist)
    applicable = [
        (requirement, applies)
        for requirement in _parsed(requires)
        if (applies := _applies(requirement, extras)) is not None
    ]
    found: list[Unmet] = []
    for requirement, applies in applicable:
        version = installed.version(requirement.name)
        always = applies == "always"
        if version is None:
            if always:
                found.append(Unmet(requirement=requirement, installed=None))
        elif not _satisfied(requirement, version) and (
            always or not _any_satisfied(applicable, requirement.name, version)
        ):
            found.append(
                Unmet(
                    requirement=requirement,
                    installed=version,
                    extra_only=not always,
                )
            )
    return tuple(found)


def _parsed(lines: Sequence[str]) -> list[Requirement]:
    """The lines that parse as PEP 508 requirements (others are skipped)."""
    return [r for r in map(_requirement, lines) if r is not None]


def _requirement(line: str) -> Requirement | None:
    try:
        return Requirement(line)
    except InvalidRequirement:
        return None


def _any_satisfied(
    applicable: Sequence[tuple[Requirement, str]], name: str, version: str
) -> bool:
    """Whether *version* of *name* meets any requirement that names it.

    Extras may pin one package differently (jax pins ``jaxlib==0.10.1``
    for its ``minimum-jaxlib`` extra and a range everywhere else).  Since
    pip does not record which extras were chosen, an extra's pin is worth
    a note only when no requirement on that package is met.
    """
    key = canonicalize_name(name)
    return any(
        _satisfied(requirement, version)
        for requirement, _ in applicable
        if canonicalize_name(requirement.name) == key
    )
