"""The one seam to the package-index answer: which release installs where.

The GPU tables know which builds exist; whether a release has a wheel for
a Python and a platform is the package index's answer
(:func:`dlchoose.compatibility`).  :func:`index_versions` asks it, once,
for every distribution a choice needs, and returns the newest installable
version of each (``None`` when none installs).  A distribution missing
from the answer is unknown; the chooser then trusts its own table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from ..exceptions import DlchooseError, UnknownTargetError


__all__ = ["IndexAnswer", "Join", "JoinResult", "index_versions"]


@attrs.frozen(kw_only=True)
class IndexAnswer:
    """The index's word on one distribution for the target."""

    version: str | None
    """The newest release with a wheel for the target, or ``None``."""
    detail: str = ""
    """Why not, in words, when :attr:`version` is ``None``."""
    versions: frozenset[str] | None = None
    """Every final release with a wheel for the target (``None``: not
    known, so any release up to :attr:`version` is assumed to have one)."""


@attrs.frozen(kw_only=True)
class JoinResult:
    """The index's answers, and notes when it could not give them."""

    answers: Mapping[str, IndexAnswer] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()


#: ``(distributions, python, platform) -> JoinResult``.
Join: TypeAlias = Callable[
    [Sequence[str], "str | None", "str | None"], JoinResult
]


def index_versions(
    distributions: Sequence[str],
    python: str | None,
    platform: str | None,
    *,
    ask: Callable[..., Sequence[Any]] | None = None,
) -> JoinResult:
    """The package index's answer for each of *distributions*.

    Reads the cache or the bundled snapshot (no network).  An unknown
    Python or platform raises
    :class:`~dlchoose.exceptions.UnknownTargetError`, as
    :func:`dlchoose.compatibility` does; any other failure of the index
    answer becomes a note, and the GPU tables answer alone.  *ask*
    replaces :func:`dlchoose.compatibility` (tests).
    """
    if ask is None:
        from .._index._api import compatibility

        ask = compatibility
    try:
        answers = ask(list(distributions), python=python, platform=platform)
    except UnknownTargetError:
        raise
    except (DlchooseError, OSError, ValueError) as err:
        return JoinResult(
            notes=(
                (
                    "the package index answer is unavailable"
                    f" ({type(err).__name__}: {err}); versions come from"
                    " the GPU tables alone"
                ),
            )
        )
    per_release = _release_versions(distributions, python, platform)
    return JoinResult(
        answers={
            answer.distribution: IndexAnswer(
                version=answer.version,
                detail=answer.detail,
                versions=per_release.get(answer.distribution),
            )
            for answer in answers
            if answer.distribution is not None
        }
    )


def _release_versions(
    distributions: Sequence[str], python: str | None, platform: str | None
) -> dict[str, frozenset[str]]:
    """Per distribution, each final release with a wheel for the target.

    An older release may lack a wheel for a new Python (torch 2.7 has none
    for 3.14), so "newest installable" alone does not say which older
    releases install.  Read from the bundled snapshot, one release at a
    time, with the index capability's own selection rules.
    """
    from packaging.version import Version

    from .._index._releases import Project
    from .._index._select import select
    from .._index._snapshot import bundled
    from .._index._target import Target

    target = Target.of(python, platform)
    snapshot = bundled()
    found: dict[str, frozenset[str]] = {}
    for name in distributions:
        project = snapshot.project(name)
        if project is None:
            continue
        found[name] = frozenset(
            release.version
            for release in project.releases
            if not release.yanked
            and not Version(release.version).is_prerelease
            and select(
                Project(project.name, (release,), project.read_at), target
            ).chosen
            is not None
        )
    return found
