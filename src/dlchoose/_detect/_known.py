"""The catalog's detection facts, read without building the registry.

``detect()`` needs nine facts per framework (key, distributions, import
names, programs, Maven groups, Cargo crates, npm, NuGet and Julia
packages) and the names users call frameworks by.  Building the registry for them (the catalog's
:class:`~dlchoose.Framework` values, their validators, sources, dates,
``pathlib`` and ``urllib``) costs a fresh process more than the detection
itself, so :mod:`._known_data` holds a copy, generated from the catalog by
:mod:`._known_write` (a test fails when the two drift apart).

The copy is only used while nobody has touched the registry: a framework
can only be registered, replaced or loaded from a file through
``dlchoose._registry._lookup``, so while that module is not imported the
registry *is* the catalog.  Once it is imported (or a name is not in the
copy) detection uses the registry itself, user additions included.
"""

from __future__ import annotations

import sys

from collections.abc import Iterable
from typing import Final, Protocol

from ._known_data import FRAMEWORKS, NAMES


__all__ = [
    "Detectable",
    "KnownFramework",
    "known",
    "known_by_names",
    "registry_untouched",
]

#: The module every change to the default registry goes through.
REGISTRY_MODULE: Final = __name__.rsplit(".", 2)[0] + "._registry._lookup"


class Detectable(Protocol):
    """What detection reads of a framework: a
    :class:`~dlchoose.Framework` or a :class:`KnownFramework`."""

    @property
    def key(self) -> str: ...
    @property
    def distributions(self) -> tuple[str, ...]: ...
    @property
    def import_names(self) -> tuple[str, ...]: ...
    @property
    def programs(self) -> tuple[str, ...]: ...
    @property
    def maven_groups(self) -> tuple[str, ...]: ...
    @property
    def cargo_crates(self) -> tuple[str, ...]: ...
    @property
    def npm_packages(self) -> tuple[str, ...]: ...
    @property
    def nuget_packages(self) -> tuple[str, ...]: ...
    @property
    def julia_packages(self) -> tuple[str, ...]: ...


class KnownFramework:
    """One catalog framework's detection facts.

    A plain slotted class, not attrs: creating an attrs class costs a
    fresh process about a millisecond, and these objects are only read.
    They compare by identity: each exists once, in :func:`known`.
    """

    __slots__ = (
        "cargo_crates",
        "distributions",
        "import_names",
        "julia_packages",
        "key",
        "maven_groups",
        "npm_packages",
        "nuget_packages",
        "programs",
    )

    def __init__(  # noqa: PLR0913, PLR0917 - one per column of a row
        self,
        key: str,
        distributions: tuple[str, ...],
        import_names: tuple[str, ...],
        programs: tuple[str, ...],
        maven_groups: tuple[str, ...],
        cargo_crates: tuple[str, ...],
        npm_packages: tuple[str, ...],
        nuget_packages: tuple[str, ...],
        julia_packages: tuple[str, ...],
    ) -> None:
        self.key = key
        self.distributions = distributions
        self.import_names = import_names
        self.programs = programs
        self.maven_groups = maven_groups
        self.cargo_crates = cargo_crates
        self.npm_packages = npm_packages
        self.nuget_packages = nuget_packages
        self.julia_packages = julia_packages

    def __repr__(self) -> str:
        return f"KnownFramework(key={self.key!r})"


_KNOWN: Final = tuple(KnownFramework(*row) for row in FRAMEWORKS)
_BY_KEY: Final = {framework.key: framework for framework in _KNOWN}


def registry_untouched() -> bool:
    """Whether the default registry is certainly the bare catalog."""
    return REGISTRY_MODULE not in sys.modules


def known() -> tuple[KnownFramework, ...]:
    """Every catalog framework, in registry order."""
    return _KNOWN


def known_by_names(
    names: Iterable[object],
) -> tuple[KnownFramework, ...] | None:
    """The catalog frameworks *names* ask for, each once, in the order
    asked; ``None`` when a name is not a plain catalog name (a GitHub URL,
    an unknown or a misspelt name: the registry answers those)."""
    chosen: dict[str, KnownFramework] = {}
    for name in names:
        if not isinstance(name, str):
            return None
        folded = name.strip().casefold()
        key = NAMES.get(folded)
        # The registry reads GitHub URLs as their repository.
        if key is None or "github.com" in folded:
            return None
        chosen.setdefault(key, _BY_KEY[key])
    return tuple(chosen.values())
