"""The public registry functions and the default registry behind them.

The default registry is built from the shipped catalog on first use, so
``import dlchoose`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ._model import Framework, Registry, Status


__all__ = [
    "default_registry",
    "frameworks",
    "get_framework",
    "load_frameworks",
    "register_framework",
    "reset_registry",
]

_registry: Registry | None = None


def default_registry() -> Registry:
    """The process-wide registry: the catalog plus what users added."""
    global _registry  # noqa: PLW0603 - one lazily built registry per process
    if _registry is None:
        from ._catalog import CATALOG

        _registry = Registry.of(CATALOG)
    return _registry


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
