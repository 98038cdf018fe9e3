"""Which release pip would install for a target, and why not a newer one.

Pure functions over a :class:`~._releases.Project` and a
:class:`~._target.Target`; the choice follows pip with
``--only-binary=:all:``: a file fits when one of its tags is accepted and
its ``requires-python`` contains the target's Python; pre-releases count
only when asked for or when nothing final fits; yanked releases count only
when nothing else fits (PEP 592); the newest version wins, then the file
whose best tag the target prefers.
"""

from __future__ import annotations

import functools

from collections.abc import Iterator
from typing import NamedTuple

from .._choice import Choice
from ._releases import IndexRelease, Project, Wheel
from ._target import Target


__all__ = ["CompatibilityReason", "Selection", "select", "why_not"]


class CompatibilityReason(Choice):
    """Why the newest release is not what the target gets."""

    NO_WHEEL_FOR_PYTHON = "no-wheel-for-python"
    """Wheels exist for this platform, but for other Python versions."""
    NO_WHEEL_FOR_PLATFORM = "no-wheel-for-platform"
    """No wheel for this operating system or architecture."""
    REQUIRES_PYTHON = "requires-python"
    """The release's ``requires-python`` excludes the target's Python."""
    ONLY_SDIST = "only-sdist"
    """Only a source distribution fits, so pip would have to build it."""
    ONLY_PRERELEASES = "only-prereleases"
    """Only pre-releases fit (pip takes them when nothing final does)."""
    ONLY_YANKED = "only-yanked"
    """Only yanked releases fit (pip takes them, with a warning)."""
    NOT_ON_INDEX = "not-on-index"
    """The package index has no release of the distribution."""
    NOT_PYTHON = "not-python"
    """The framework is not installed from the Python package index."""


class Selection(NamedTuple):
    """The release and file pip would take, and the newest release."""

    chosen: IndexRelease | None
    wheel: Wheel | None
    latest: IndexRelease | None
    reason: CompatibilityReason | None
    pythons: tuple[str, ...] = ()
    """Python tags with wheels for the target's platform, when that helps."""


@functools.lru_cache(maxsize=1024)  # bounded: specifiers come from servers
def _python_allowed(requires: str | None, python: str) -> bool:
    if requires is None:
        return True
    from packaging.specifiers import SpecifierSet

    return SpecifierSet(requires).contains(python, prereleases=True)


def _best_wheel(release: IndexRelease, target: Target) -> Wheel | None:
    """The wheel of *release* pip would take for the target, or ``None``.

    Each file is judged on its own, as pip does: its tags, its own
    ``requires-python``; a file that is not yanked beats a yanked one,
    then the tag the target prefers.
    """
    best: tuple[tuple[bool, int], Wheel] | None = None
    for wheel in release.wheels:
        rank = target.rank(wheel.tags)
        if rank is None or not _python_allowed(
            wheel.requires_python, target.python
        ):
            continue
        key = (wheel.yanked, rank)
        if best is None or key < best[0]:
            best = (key, wheel)
    return best[1] if best else None


def _newest_first(project: Project) -> Iterator[IndexRelease]:
    """Releases newest first.

    Projects keep releases sorted by version and flag pre-releases when
    they are read, so no version is parsed here: parsing the first
    :class:`packaging.version.Version` compiles its large pattern, which
    costs ``dlchoose compat`` more than all of its selection work.
    """
    return reversed(project.releases)


def _latest(project: Project, *, pre: bool) -> IndexRelease | None:
    """The newest release with files: not yanked and final where possible."""
    fallbacks: dict[int, IndexRelease] = {}
    for release in _newest_first(project):
        if not (release.wheels or release.sdist):
            continue
        rank = 2 * release.yanked + (release.prerelease and not pre)
        if rank == 0:
            return release
        fallbacks.setdefault(rank, release)
    return fallbacks[min(fallbacks)] if fallbacks else None


def _choose(
    project: Project, target: Target, *, pre: bool
) -> tuple[IndexRelease, Wheel, CompatibilityReason | None] | None:
    """pip's pick among fitting wheels: finals, then non-yanked, newest.

    The first fitting release that is final (or *pre*) with a fitting
    wheel that is not yanked is the answer; only when there is none do
    pre-releases and yanked files count, as pip lets them.
    """
    fitting = []
    for release in _newest_first(project):
        wheel = _best_wheel(release, target)
        if wheel is None:
            continue
        if not wheel.yanked and (pre or not release.prerelease):
            return release, wheel, None
        fitting.append((release, wheel))
    if not fitting:
        return None
    caveat = None
    finals = [f for f in fitting if pre or not f[0].prerelease]
    if not finals:
        caveat = CompatibilityReason.ONLY_PRERELEASES
        finals = fitting
    kept = [f for f in finals if not f[1].yanked]
    if not kept:
        caveat = CompatibilityReason.ONLY_YANKED
        kept = finals
    release, wheel = kept[0]
    return release, wheel, caveat


def _fits_platform(wheel: Wheel, target: Target) -> bool:
    return any(target.accepts_platform(tag.platform) for tag in wheel.tags)


def why_not(release: IndexRelease, target: Target) -> CompatibilityReason:
    """Why *release* has no file for *target* (it has none)."""
    if any(target.rank(w.tags) is not None for w in release.wheels):
        return CompatibilityReason.REQUIRES_PYTHON
    if release.sdist and _python_allowed(
        release.requires_python, target.python
    ):
        return CompatibilityReason.ONLY_SDIST
    if any(_fits_platform(w, target) for w in release.wheels):
        return CompatibilityReason.NO_WHEEL_FOR_PYTHON
    if not release.wheels and release.sdist:
        return CompatibilityReason.REQUIRES_PYTHON
    return CompatibilityReason.NO_WHEEL_FOR_PLATFORM


def pythons_for_platform(
    release: IndexRelease, target: Target
) -> tuple[str, ...]:
    """Python tags of *release*'s wheels for the target's platform."""
    tags = {
        tag.interpreter
        for wheel in release.wheels
        for tag in wheel.tags
        if target.accepts_platform(tag.platform)
    }
    return tuple(sorted(tags, key=_tag_order))


def _tag_order(interpreter: str) -> tuple[str, int]:
    digits = "".join(c for c in interpreter if c.isdigit())
    return interpreter.rstrip("0123456789"), int(digits or 0)


def select(
    project: Project, target: Target, *, pre: bool = False
) -> Selection:
    """What pip would install from *project* on *target*, and why not newer."""
    latest = _latest(project, pre=pre)
    if latest is None:
        return Selection(
            chosen=None,
            wheel=None,
            latest=None,
            reason=CompatibilityReason.NOT_ON_INDEX,
        )
    picked = _choose(project, target, pre=pre)
    if picked is not None and picked[0] is latest:
        release, wheel, caveat = picked
        return Selection(
            chosen=release, wheel=wheel, latest=latest, reason=caveat
        )
    reason = why_not(latest, target)
    pythons = (
        pythons_for_platform(latest, target)
        if reason is CompatibilityReason.NO_WHEEL_FOR_PYTHON
        else ()
    )
    if picked is None:
        return Selection(
            chosen=None,
            wheel=None,
            latest=latest,
            reason=reason,
            pythons=pythons,
        )
    release, wheel, caveat = picked
    return Selection(
        chosen=release,
        wheel=wheel,
        latest=latest,
        reason=caveat or reason,
        pythons=pythons,
    )
