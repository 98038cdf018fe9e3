"""``dlchoose.compatibility()``: can each framework be installed on a target?"""

from __future__ import annotations

import os

from collections.abc import Iterable
from datetime import timezone
from typing import TYPE_CHECKING, Final

from .._registry._lookup import frameworks, get_framework
from ..exceptions import UnknownFrameworkError
from ._client import Fetched, IndexReader
from ._config import resolve_index
from ._model import Compatibility
from ._select import CompatibilityReason, Selection, select
from ._target import Target


if TYPE_CHECKING:
    from .._registry._model import Framework
    from ._releases import IndexRelease


__all__ = ["compatibility"]

#: How many platforms a "no wheel for this platform" answer lists.
_SHOWN_PLATFORMS: Final = 2


def _check_names(names: object) -> tuple[str, ...] | None:
    if names is None:
        return None
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise TypeError(
            "names must be a list of framework names (e.g. ['torch']),"
            f" not {type(names).__name__}"
        )
    checked = tuple(names)
    for name in checked:
        if not isinstance(name, str):
            raise TypeError(f"a framework name must be a str, not {name!r}")
    return checked


def _resolve(name: str) -> tuple[Framework, str | None]:
    """A framework and the distribution to check, from a name.

    Registry names give the main distribution; a variant's distribution
    name (``tensorflow-cpu``) gives its framework and that variant.
    """
    try:
        framework = get_framework(name)
    except UnknownFrameworkError:
        from packaging.utils import canonicalize_name

        wanted = canonicalize_name(name)
        for candidate in frameworks():
            if wanted in candidate.distributions:
                return candidate, wanted
        raise
    main = framework.distributions[0] if framework.distributions else None
    return framework, main


def _offline(offline: bool | None, /) -> bool:  # noqa: FBT001 - private helper
    if offline is not None:
        return bool(offline)
    return os.environ.get("DLCHOOSE_OFFLINE", "").strip().lower() in {
        "1",
        "true",
        "yes",
    }


def compatibility(
    names: Iterable[str] | None = None,
    *,
    python: str | None = None,
    platform: str | None = None,
    pre: bool = False,
    refresh: bool = False,
    index_url: str | None = None,
    offline: bool | None = None,
) -> tuple[Compatibility, ...]:
    """Whether each framework can be installed on a target, and what.

    *names* are registry names or distribution names (every registered
    framework by default).  The target is this interpreter, or CPython
    *python* (``"3.12"``) on *platform* (a wheel platform tag such as
    ``"manylinux_2_28_x86_64"``, ``"macosx_11_0_x86_64"`` or
    ``"win_amd64"``).  Release facts come from the snapshot bundled with
    dlchoose (no network); *refresh* asks the package index first
    (*index_url*, else the one pip uses here: ``DLCHOOSE_INDEX_URL``,
    ``PIP_INDEX_URL``, pip's configuration files, the public index), one
    request per distribution, and falls back to the cache, then the
    snapshot, with a note.  *offline* (default: ``DLCHOOSE_OFFLINE``) never
    opens a socket.

    Raises :class:`~dlchoose.exceptions.UnknownTargetError` for an unknown
    Python version or platform tag, and
    :class:`~dlchoose.exceptions.UnknownFrameworkError` for an unknown name.
    """
    checked = _check_names(names)
    target = Target.of(python, platform)
    chosen = (
        [
            (f, f.distributions[0] if f.distributions else None)
            for f in frameworks()
        ]
        if checked is None
        # Two names for one framework and distribution answer once.
        else list(dict.fromkeys(_resolve(name) for name in checked))
    )
    # The index is resolved (pip's configuration read) only to refresh.
    location = resolve_index(index_url) if refresh or index_url else None
    distributions = dict.fromkeys(d for _, d in chosen if d is not None)
    with IndexReader(location, offline=_offline(offline)) as reader:
        fetched = reader.read(distributions, refresh=bool(refresh))
    notes: tuple[str, ...] = ()
    return tuple(
        _answer(framework, dist, target, fetched, pre=bool(pre), notes=notes)
        if dist is not None
        else _not_python(framework, target)
        for framework, dist in chosen
    )


def _answer(
    framework: Framework,
    distribution: str,
    target: Target,
    fetched: dict[str, Fetched],
    *,
    pre: bool,
    notes: tuple[str, ...],
) -> Compatibility:
    found = fetched[distribution]
    selection = select(found.project, target, pre=pre)
    chosen = selection.chosen
    latest = selection.latest
    return Compatibility(
        framework=framework.key,
        name=framework.name,
        distribution=distribution,
        target=target,
        installable=chosen is not None,
        version=chosen.version if chosen else None,
        file=selection.wheel.filename if selection.wheel else None,
        released=chosen.uploaded if chosen else None,
        latest=latest.version if latest else None,
        latest_released=latest.uploaded if latest else None,
        reason=selection.reason,
        detail=_detail(selection, distribution, target, found),
        pythons=selection.pythons,
        install_command=_install(distribution, selection),
        download_command=_download(distribution, selection, target),
        data=found.data,
        notes=(*found.notes, *notes),
    )


def _install(distribution: str, selection: Selection) -> str | None:
    if selection.chosen is None:
        return None
    return f"pip install {distribution}=={selection.chosen.version}"


def _download(
    distribution: str, selection: Selection, target: Target
) -> str | None:
    if selection.chosen is None or selection.wheel is None or target.here:
        return None
    # pip's --platform is literal: name the tag the chosen wheel carries.
    platforms = [
        tag.platform
        for tag in selection.wheel.tags
        if tag.platform != "any" and target.accepts_platform(tag.platform)
    ]
    platform = (
        min(platforms, key=target.platforms.index)
        if platforms
        else target.platform
    )
    return (
        f"pip download {distribution}=={selection.chosen.version} --no-deps"
        f" --only-binary=:all: --python-version {target.python}"
        f" --platform {platform} -d wheels"
    )


def _detail(
    selection: Selection, distribution: str, target: Target, found: Fetched
) -> str:
    latest, chosen = selection.latest, selection.chosen
    if selection.reason is CompatibilityReason.NOT_ON_INDEX or latest is None:
        day = found.data.read_at.astimezone(timezone.utc).date().isoformat()
        return (
            f"{distribution} has no release on the package index (read {day})"
        )
    if selection.reason is None:
        return f"{latest.version} is the newest release and fits"
    why = _why(selection, target)
    if chosen is None or chosen is latest:
        return why
    when = f", {chosen.uploaded.isoformat()}" if chosen.uploaded else ""
    return f"{why}; newest that fits: {chosen.version}{when}"


def _why(selection: Selection, target: Target) -> str:
    latest = selection.latest
    assert latest is not None  # noqa: S101 - checked by the caller
    python = f"CPython {target.python.rsplit('.', 1)[0] if target.here else target.python}"
    where = target.platform
    reason = selection.reason
    if reason is CompatibilityReason.NO_WHEEL_FOR_PYTHON:
        having = ", ".join(selection.pythons)
        extra = f" (wheels for this platform: {having})" if having else ""
        return f"{latest.version} has no wheel for {python}{extra}"
    if reason is CompatibilityReason.NO_WHEEL_FOR_PLATFORM:
        has = _has(latest, target)
        return f"{latest.version} has no wheel for {where}{has}"
    if reason is CompatibilityReason.REQUIRES_PYTHON:
        # The files for this platform may need another Python than the
        # release's most common requires-python: name theirs.
        requires = next(
            (
                w.requires_python
                for w in latest.wheels
                if w.requires_python and target.rank(w.tags) is not None
            ),
            latest.requires_python,
        )
        return f"{latest.version} requires Python {requires}"
    if reason is CompatibilityReason.ONLY_SDIST:
        return (
            f"{latest.version} has only a source distribution for this"
            " target: pip would build it (compiled code needs a toolchain)"
        )
    chosen = selection.chosen
    version = chosen.version if chosen else "?"
    if reason is CompatibilityReason.ONLY_PRERELEASES:
        return f"only pre-releases fit: pip takes {version}"
    return f"only yanked releases fit: pip takes {version} with a warning"


def _has(release: IndexRelease, target: Target) -> str:
    """`` (it has wheels for a, b, …)``: the platforms a release does ship,
    those most like the target's first (same system, then same ending)."""
    platforms = {t.platform for w in release.wheels for t in w.tags} - {"any"}
    if not platforms:
        return ""
    ranked = sorted(
        platforms, key=lambda p: (-_likeness(p, target.platform), p)
    )
    shown = ", ".join(ranked[:_SHOWN_PLATFORMS])
    more = ", …" if len(ranked) > _SHOWN_PLATFORMS else ""
    return f" (it has wheels for {shown}{more})"


def _likeness(platform: str, wanted: str) -> int:
    """How alike two platform tags read: the same system (the word before
    the first ``_``, digits dropped) first, then the length of their common
    ending (the architecture)."""
    same_system = platform.split("_", maxsplit=1)[0].rstrip("0123456789") == (
        wanted.split("_", maxsplit=1)[0].rstrip("0123456789")
    )
    ending = 0
    while ending < min(len(platform), len(wanted)) and (
        platform[-1 - ending] == wanted[-1 - ending]
    ):
        ending += 1
    return 100 * same_system + ending


def _not_python(framework: Framework, target: Target) -> Compatibility:
    return Compatibility(
        framework=framework.key,
        name=framework.name,
        distribution=None,
        target=target,
        installable=False,
        reason=CompatibilityReason.NOT_PYTHON,
        detail=_how_installed(framework),
    )


def _how_installed(framework: Framework) -> str:
    """How a framework without a Python distribution is installed."""
    languages = ", ".join(framework.languages[:2]) or "another language"
    if framework.successors and framework.status.value == "merged":
        return (
            f"not a separate package: merged into"
            f" {', '.join(framework.successors)}; check that instead"
        )
    if framework.maven_groups:
        return (
            f"a JVM library ({languages}): add the Maven artefacts of"
            f" {', '.join(framework.maven_groups)} to a Maven or Gradle build"
        )
    if framework.cargo_crates:
        return (
            f"a Rust crate: cargo add {framework.cargo_crates[0]}"
            " (not on the Python package index)"
        )
    registry = _package_manager_command(framework)
    if registry:
        return f"{registry} (not on the Python package index)"
    programs = ", ".join(framework.programs)
    provides = f"; provides {programs}" if programs else ""
    return (
        f"not on the Python package index ({languages}): built from"
        f" source or a system package{provides}"
    )


def _package_manager_command(framework: Framework) -> str | None:
    """The command of the package manager that installs *framework*, for
    the npm, NuGet and Julia packages the registry names."""
    if framework.npm_packages:
        return f"a JavaScript package: npm install {framework.npm_packages[0]}"
    if framework.nuget_packages:
        return (
            f"a .NET package: dotnet add package {framework.nuget_packages[0]}"
        )
    if framework.julia_packages:
        name = framework.julia_packages[0]
        return f"a Julia package: julia -e 'using Pkg; Pkg.add(\"{name}\")'"
    return None
