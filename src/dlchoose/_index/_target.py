"""The machine a wheel must fit: this interpreter, or a Python and a platform.

"Here" is :func:`packaging.tags.sys_tags`.  Another target is built the way
pip builds one for ``--python-version`` and ``--platform``
(:func:`packaging.tags.cpython_tags` then
:func:`packaging.tags.compatible_tags`), with one difference that makes the
answer match the real machine: a ``manylinux_2_N`` or ``musllinux_1_N``
platform also accepts the older glibc/musl tags (and the legacy
``manylinux2014``/``2010``/``1`` aliases), as packaging does for the running
system.  pip's ``--platform`` takes a tag literally, so callers that want the
same answer from pip pass every tag of :attr:`Target.platforms`.
"""

from __future__ import annotations

import re
import sys

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..exceptions import UnknownTargetError


if TYPE_CHECKING:
    from packaging.tags import Tag


__all__ = ["PLATFORM_EXAMPLES", "PYTHON_EXAMPLES", "Target"]

PLATFORM_EXAMPLES: Final = (
    "manylinux_2_28_x86_64",
    "manylinux2014_aarch64",
    "musllinux_1_2_aarch64",
    "macosx_11_0_x86_64",
    "macosx_14_0_arm64",
    "win_amd64",
    "win_arm64",
)
PYTHON_EXAMPLES: Final = ("3.10", "3.11", "3.12", "3.13")

_LINUX_ARCHS: Final = frozenset(
    {
        "x86_64",
        "i686",
        "aarch64",
        "armv7l",
        "ppc64",
        "ppc64le",
        "s390x",
        "riscv64",
    }
)
_MAC_ARCHS: Final = frozenset({"x86_64", "arm64", "universal2", "i386"})
_WINDOWS: Final = frozenset({"win32", "win_amd64", "win_arm64"})

# The legacy manylinux names and the glibc each stands for (PEP 513, 571,
# 599).  packaging keeps the same table privately (_LEGACY_MANYLINUX_MAP)
# and exposes the expansion only for the running system's glibc.
_LEGACY_MANYLINUX: Final = {
    (2, 17): "manylinux2014",
    (2, 12): "manylinux2010",
    (2, 5): "manylinux1",
}
_LEGACY_GLIBC: Final = {
    name: glibc for glibc, name in _LEGACY_MANYLINUX.items()
}

# Patterns compile on first use (re caches them): most runs need none.
_PYTHON_RE: Final = r"(3)\.(\d{1,2})(?:\.\d{1,3})?"
_MANYLINUX_RE: Final = r"manylinux_(2)_(\d{1,3})_(\w+)"
_LEGACY_RE: Final = r"(manylinux(?:1|2010|2014))_(\w+)"
_MUSL_RE: Final = r"musllinux_(1)_(\d{1,2})_(\w+)"
_MAC_RE: Final = r"macosx_(\d{1,2})_(\d{1,2})_(\w+)"
_LINUX_RE: Final = r"linux_(\w+)"


def _manylinux(major: int, minor: int, arch: str) -> Iterator[str]:
    """Tags a glibc *major.minor* machine accepts, newest first.

    Mirrors ``packaging._manylinux.platform_tags`` for a glibc other than
    the running one: down to 2.5 on x86, to 2.17 elsewhere, each legacy
    alias right after the tag it equals.
    """
    oldest = 5 if arch in {"x86_64", "i686"} else 17
    for glibc_minor in range(minor, oldest - 1, -1):
        yield f"manylinux_{major}_{glibc_minor}_{arch}"
        legacy = _LEGACY_MANYLINUX.get((major, glibc_minor))
        if legacy is not None:
            yield f"{legacy}_{arch}"


def _linux(platform: str) -> tuple[str, ...] | None:
    """Tags for a manylinux, legacy manylinux, musllinux or linux tag."""
    arch = None
    tags: tuple[str, ...] = ()
    if match := re.fullmatch(_MANYLINUX_RE, platform):
        if int(match[2]) < 5:  # noqa: PLR2004 - glibc 2.5 is manylinux1
            return None
        arch = match[3]
        tags = tuple(_manylinux(int(match[1]), int(match[2]), arch))
    elif match := re.fullmatch(_LEGACY_RE, platform):
        arch = match[2]
        tags = tuple(_manylinux(*_LEGACY_GLIBC[match[1]], arch))
    elif match := re.fullmatch(_MUSL_RE, platform):
        arch = match[3]
        major, minor = int(match[1]), int(match[2])
        tags = tuple(
            f"musllinux_{major}_{m}_{arch}" for m in range(minor, -1, -1)
        )
    elif match := re.fullmatch(_LINUX_RE, platform):
        arch = match[1]
    if arch not in _LINUX_ARCHS:
        return None
    return (*tags, f"linux_{arch}")


def _mac(platform: str) -> tuple[str, ...] | None:
    from packaging.tags import mac_platforms

    match = re.fullmatch(_MAC_RE, platform)
    if match is None or match[3] not in _MAC_ARCHS:
        return None
    version = (int(match[1]), int(match[2]))
    if version < (10, 0):
        return None
    return tuple(mac_platforms(version, match[3]))


def _platforms(platform: str) -> tuple[str, ...]:
    """Every platform tag a machine described by *platform* accepts."""
    if platform in _WINDOWS:
        return (platform,)
    tags = _linux(platform) or _mac(platform)
    if tags is None:
        raise UnknownTargetError("platform", platform, PLATFORM_EXAMPLES)
    return tags


def _python(version: str) -> tuple[int, int]:
    match = re.fullmatch(_PYTHON_RE, version.strip())
    if match is None:
        raise UnknownTargetError("python", version, PYTHON_EXAMPLES)
    return int(match[1]), int(match[2])


def _shown_platform(platforms: tuple[str, ...]) -> str:
    """The tag that names this machine best: packaging lists ``linux_*``
    first (for locally built wheels); the manylinux tag after it says more."""
    named = [p for p in platforms if not p.startswith("linux_")]
    return (named or list(platforms))[0]


@attrs.frozen(kw_only=True)
class Target:
    """The interpreter and platform a wheel has to fit.

    ``python`` is the version ``requires-python`` is checked against
    (``"3.11.7"`` here, ``"3.12"`` for another target, as pip does);
    ``platform`` the platform tag given, or this machine's most specific
    one; ``here`` whether this is the running interpreter.  ``platforms``
    lists every platform tag the target accepts, most preferred first.
    """

    python: str
    platform: str
    here: bool
    platforms: tuple[str, ...]
    _priority: dict[Tag, int] = attrs.field(eq=False, repr=False, hash=False)
    _interpreters: set[tuple[str, str]] = attrs.field(
        init=False, factory=set, eq=False, repr=False, hash=False
    )
    """Filled on first use: most answers never need it."""

    _ranks: dict[frozenset[Tag], int | None] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )
    """Memo of :meth:`rank`: wheels of one project share few tag sets."""

    @classmethod
    def current(cls) -> Target:
        """This interpreter on this machine (:func:`packaging.tags.sys_tags`)."""
        from packaging.tags import platform_tags, sys_tags

        tags = list(sys_tags())
        platforms = tuple(platform_tags())
        info = sys.version_info
        return cls(
            python=f"{info.major}.{info.minor}.{info.micro}",
            platform=_shown_platform(platforms),
            here=True,
            platforms=platforms,
            priority={tag: i for i, tag in enumerate(tags)},
        )

    @classmethod
    def of(
        cls, python: str | None = None, platform: str | None = None
    ) -> Target:
        """A CPython *python* (``"3.12"``) on *platform* (a wheel platform tag).

        Either may be ``None`` for this interpreter's version or this
        machine's platform; both ``None`` is :meth:`current`.  Unknown values
        raise :class:`~dlchoose.exceptions.UnknownTargetError`.
        """
        for value in (python, platform):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"expected a str, got {type(value).__name__}")
        if python is None and platform is None:
            return cls.current()
        from packaging.tags import compatible_tags, cpython_tags

        major, minor = (
            _python(python) if python is not None else sys.version_info[:2]
        )
        if platform is None:
            platforms = Target.current().platforms
            platform = _shown_platform(platforms)
        else:
            platforms = _platforms(platform.strip())
        version = (major, minor)
        tags = [
            *cpython_tags(version, platforms=platforms),
            *compatible_tags(
                version, interpreter=f"cp{major}{minor}", platforms=platforms
            ),
        ]
        return cls(
            python=f"{major}.{minor}",
            platform=platform.strip(),
            here=False,
            platforms=platforms,
            priority={tag: i for i, tag in enumerate(tags)},
        )

    def rank(self, tags: frozenset[Tag]) -> int | None:
        """The best (lowest) priority among *tags*, ``None`` if none fits."""
        if tags in self._ranks:
            return self._ranks[tags]
        ranks = [self._priority[t] for t in tags if t in self._priority]
        best = min(ranks) if ranks else None
        self._ranks[tags] = best
        return best

    def accepts_platform(self, platform: str) -> bool:
        return platform == "any" or platform in self.platforms

    def accepts_interpreter(self, tag: Tag) -> bool:
        """Whether *tag*'s interpreter and ABI fit, ignoring the platform."""
        if not self._interpreters:
            self._interpreters.update(
                (t.interpreter, t.abi) for t in self._priority
            )
        return (tag.interpreter, tag.abi) in self._interpreters

    def describe(self) -> str:
        """``"CPython 3.12 on macosx_11_0_x86_64"`` (or ``"(here)"``)."""
        where = (
            f"{self.platform} (this machine)" if self.here else self.platform
        )
        return f"CPython {self.python} on {where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "python": self.python,
            "platform": self.platform,
            "here": self.here,
        }
