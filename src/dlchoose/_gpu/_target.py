"""The operating system and CPU a build is chosen for, from a platform tag.

The wheel platform tag (``manylinux_2_28_x86_64``, ``win_amd64``,
``macosx_14_0_arm64``) is validated by the package-index answer; here only
its operating system and CPU matter, because GPU builds exist per OS and
CPU, not per glibc or macOS release.
"""

from __future__ import annotations

import platform as _platform
import re

from typing import Final

from ._model import Platform
from ._values import OsFamily, os_family


__all__ = ["target_platform"]

_ARCH_RE: Final = re.compile(
    r"(x86_64|amd64|aarch64|arm64|i686|ppc64le|s390x|armv7l|riscv64"
    r"|universal2|win32)$"
)
_ALIASES: Final = {"amd64": "x86_64", "win32": "x86", "universal2": "arm64"}


def _family(tag: str) -> OsFamily:
    if tag.startswith(("manylinux", "musllinux", "linux")):
        return OsFamily.LINUX
    if tag.startswith("win"):
        return OsFamily.WINDOWS
    if tag.startswith("macosx"):
        return OsFamily.MACOS
    return OsFamily.OTHER


def normalise_machine(machine: str, family: OsFamily) -> str:
    """One spelling per CPU: ``x86_64``, and ``arm64`` (macOS) / ``aarch64``."""
    lowered = machine.lower()
    lowered = _ALIASES.get(lowered, lowered)
    if lowered in {"arm64", "aarch64"}:
        return "arm64" if family is OsFamily.MACOS else "aarch64"
    return lowered


def target_platform(
    tag: str | None,
    *,
    system: str | None = None,
    machine: str | None = None,
) -> Platform:
    """The :class:`Platform` of *tag*, or of this machine when it is ``None``."""
    if tag is not None and not isinstance(tag, str):
        raise TypeError(
            "platform must be a wheel platform tag such as"
            f" 'manylinux_2_28_x86_64', not {type(tag).__name__}"
        )
    if tag is None:
        family = os_family(system or _platform.system())
        raw = machine or _platform.machine()
        return Platform(os=family, machine=normalise_machine(raw, family))
    family = _family(tag)
    match = _ARCH_RE.search(tag)
    raw = match.group(1) if match else "unknown"
    return Platform(os=family, machine=normalise_machine(raw, family), tag=tag)
