"""Finding frameworks: the :class:`Registry` index, the default registry
and the public functions that use it.

A registry indexes frameworks by key, display name, alias, repository
(current and former) and GitHub URL, so ``get_framework`` finds ``torch``,
``DL4J`` or ``apache/incubator-mxnet`` alike.  The default registry is
built from the shipped catalog on first use, so ``import dlchoose`` stays
cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from ..exceptions import (
    DuplicateFrameworkError,
    UnknownFrameworkError,
    closest,
)
from ._model import (
    _GITHUB_URL_RE,
    Framework,
    Release,
    ReleaseOrigin,
    Status,
    _ordered,
)


__all__ = [
    "Registry",
    "apply_releases",
    "default_registry",
    "frameworks",
    "get_framework",
    "load_frameworks",
    "register_framework",
    "reset_registry",
]


def _fold(name: str) -> str:
    """The form names are compared in: case-folded, URL reduced to its repo."""
    name = name.strip()
    match = _GITHUB_URL_RE.match(name)
    if match:
        name = match["repo"]
    return name.casefold()


@attrs.define
class Registry:
    """An ordered, indexed collection of frameworks.

    Keys, display names, aliases and repositories are unique across the
    registry (case-insensitively); adding a framework that reuses one raises
    :class:`~dlchoose.exceptions.DuplicateFrameworkError`.
    """

    _by_key: dict[str, Framework] = attrs.field(factory=dict, init=False)
    _index: dict[str, str] = attrs.field(factory=dict, init=False)

    @classmethod
    def of(cls, frameworks: Iterable[Framework]) -> Registry:
        registry = cls()
        for framework in frameworks:
            registry.add(framework)
        return registry

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[Framework]:
        return iter(self._by_key.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _fold(name) in self._index

    def keys(self) -> tuple[str, ...]:
        return tuple(self._by_key)

    def add(self, framework: Framework, *, replace: bool = False) -> None:
        """Add *framework*; with *replace*, first drop the one with its key."""
        if not isinstance(framework, Framework):
            raise TypeError(
                f"expected a Framework, got {type(framework).__name__}"
            )
        ignore = framework.key if replace else None
        folded = [_fold(name) for name in framework.names()]
        for name, fold in zip(framework.names(), folded, strict=True):
            owner = self._index.get(fold)
            if owner is not None and owner != ignore:
                raise DuplicateFrameworkError(name, owner, framework.key)
        if replace and framework.key in self._by_key:
            self._forget_names(framework.key)
        # Assigning to an existing key keeps its place: replacing a
        # framework does not reorder the registry.
        self._by_key[framework.key] = framework
        for fold in folded:
            self._index[fold] = framework.key

    def remove(self, key: str) -> Framework:
        """Remove and return the framework registered under *key*."""
        framework = self.get(key)
        del self._by_key[framework.key]
        self._forget_names(framework.key)
        return framework

    def _forget_names(self, key: str) -> None:
        self._index = {
            name: owner for name, owner in self._index.items() if owner != key
        }

    def get(self, name: str) -> Framework:
        """Find a framework by key, name, alias, repository or GitHub URL."""
        if not isinstance(name, str):
            raise TypeError(f"expected a str, got {type(name).__name__}")
        key = self._index.get(_fold(name))
        if key is None:
            raise UnknownFrameworkError(
                name,
                known=self.keys(),
                suggestions=self._suggest(name),
            )
        return self._by_key[key]

    def _suggest(self, name: str) -> tuple[str, ...]:
        matches = closest(_fold(name), self._index)
        # Report each framework once, by key, in order of closeness.
        return _ordered(self._index[match.casefold()] for match in matches)

    def select(
        self, status: Iterable[Status | str] | Status | str | None = None
    ) -> tuple[Framework, ...]:
        """Frameworks in registry order, optionally only those of *status*."""
        if status is None:
            return tuple(self._by_key.values())
        wanted = (
            {Status.parse(status)}
            if isinstance(status, str)
            else {Status.parse(s) for s in status}
        )
        return tuple(f for f in self._by_key.values() if f.status in wanted)


_registry: Registry | None = None


def default_registry() -> Registry:
    """The process-wide registry: the catalog plus what users added."""
    global _registry  # noqa: PLW0603 - one lazily built registry per process
    if _registry is None:
        from ._catalog import CATALOG
        from ._releases import with_releases

        _registry = Registry.of(with_releases(CATALOG))
    return _registry


def apply_releases(releases: Mapping[str, Release | None]) -> tuple[str, ...]:
    """Give registered frameworks newer release facts (a refresh).

    *releases* maps distribution names to releases (as
    ``releases.json`` does); a framework takes the one of its main
    distribution unless its release is hand-written.  Returns the keys of
    the frameworks that changed.
    """
    from ._releases import merge_release

    registry = default_registry()
    changed = []
    for framework in tuple(registry):
        current = framework.latest_release
        if current is not None and current.origin in (
            None,
            ReleaseOrigin.HAND,
        ):
            continue
        merged = merge_release(framework, releases)
        if merged != framework:
            registry.add(merged, replace=True)
            changed.append(framework.key)
    return tuple(changed)


def reset_registry() -> None:
    """Forget user additions: the next call rebuilds from the catalog."""
    global _registry  # noqa: PLW0603
    _registry = None


def frameworks(
    status: Status | str | Iterable[Status | str] | None = None,
) -> tuple[Framework, ...]:
    """Every registered framework in a stable order, optionally by *status*.

    >>> [f.key for f in dlchoose.frameworks(status="retired")]
    ['mxnet']
    """
    return default_registry().select(status)


def get_framework(name: str) -> Framework:
    """Find a framework by key, display name, alias, repository or URL.

    Matching ignores case; ``torch``, ``tf``, ``DL4J``,
    ``apache/incubator-mxnet`` and ``https://github.com/pytorch/pytorch``
    all work.

    >>> dlchoose.get_framework("torch").name
    'PyTorch'

    Raises:
        UnknownFrameworkError: nothing matches; the error suggests the
            closest names.
    """
    return default_registry().get(name)


def register_framework(
    framework: Framework, *, replace: bool = False
) -> Framework:
    """Add *framework* to the default registry and return it.

    Raises:
        DuplicateFrameworkError: its key, name, an alias or a repository
            is taken (and *replace* is false or the clash is with another
            framework).
    """
    default_registry().add(framework, replace=replace)
    return framework


def load_frameworks(
    path: str | Path, *, replace: bool = False
) -> tuple[Framework, ...]:
    """Register every framework defined in a JSON or TOML file.

    The file is validated completely before anything is registered, so a
    bad entry leaves the registry as it was.

    Raises:
        InvalidFrameworkError: an entry is invalid; names file, entry and
            field.
        DuplicateFrameworkError: an entry clashes with a registered one.
    """
    from ._files import read_framework_file

    loaded = read_framework_file(path)
    registry = default_registry()
    # Check every entry against a scratch copy first: all or nothing.
    scratch = Registry.of(registry)
    for framework in loaded:
        scratch.add(framework, replace=replace)
    for framework in loaded:
        registry.add(framework, replace=replace)
    return loaded
