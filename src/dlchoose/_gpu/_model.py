"""What a GPU build of a framework is: the values the build tables hold.

A :class:`GpuBuild` is one installable variant over a run of releases
(``torch`` for CUDA 12.6, 2.12.0 … 2.14.1): what it computes on, the CUDA it
needs (so the minimum driver), the GPU architectures it carries code for,
where it exists, and how to install it.  :class:`FrameworkBuilds` groups a
framework's rows with its CPU build and what a plain ``pip install`` gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from attrs import validators as v
from packaging.version import Version

from .._sources import Source
from ._cuda import min_driver, newest_architecture
from ._values import (
    Accelerator,
    OsFamily,
    capability_tuple,
    to_accelerator,
    to_os,
)


__all__ = ["FrameworkBuilds", "GpuBuild", "Platform"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _families(values: Iterable[OsFamily | str]) -> tuple[OsFamily, ...]:
    return tuple(OsFamily.parse(value) for value in values)


def _sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(values)


def _cuda_text(cuda: tuple[int, ...] | None) -> str | None:
    """``(12, 6)`` → ``"12.6"``; a family ``(12,)`` → ``"12.x"``."""
    if cuda is None:
        return None
    return ".".join(map(str, cuda)) + (".x" if len(cuda) == 1 else "")


@attrs.frozen(kw_only=True)
class Platform:
    """The operating system and CPU a build is chosen for."""

    os: OsFamily = attrs.field(converter=to_os)
    machine: str
    """``x86_64`` or ``aarch64`` (``arm64`` on macOS)."""
    tag: str | None = None
    """The wheel platform tag asked for, if one was."""

    def to_dict(self) -> dict[str, Any]:
        return {"os": self.os.value, "machine": self.machine, "tag": self.tag}


@attrs.frozen(kw_only=True)
class GpuBuild:
    """One GPU (or Metal) build of a framework over a run of releases."""

    framework: str
    """Registry key (``"pytorch"``)."""
    variant: str
    """``cu126``, ``rocm6.4``, ``cuda13``, ``metal``: the build's name."""
    accelerator: Accelerator = attrs.field(converter=to_accelerator)
    first: str
    """The first release with this build."""
    last: str
    """The newest release with this build when the table was written."""
    released: date
    """When :attr:`last` was released."""
    requirement: str
    """What to ``pip install``; ``{version}`` stands for the release."""
    distribution: str
    """The package-index project whose wheels decide Python/platform fit."""
    systems: tuple[OsFamily, ...] = attrs.field(converter=_families)
    machines: tuple[str, ...] = attrs.field(
        converter=_strings, default=("x86_64",)
    )
    cuda: tuple[int, ...] | None = None
    """The CUDA release the build targets, ``(12, 6)``."""
    capabilities: tuple[str, ...] = attrs.field(converter=_strings, default=())
    """Compute capabilities with machine code (``"8.6"``); empty when the
    build's list is not recorded (then :attr:`min_capability` bounds it)."""
    ptx: str | None = None
    """The capability whose PTX the build carries (JIT for newer GPUs)."""
    min_capability: str | None = None
    """The oldest compute capability the build can run on, when only that
    is known (CUDA 13 cannot target anything before 7.5)."""
    architectures: tuple[str, ...] = attrs.field(
        converter=_strings, default=()
    )
    """AMD architectures of a ROCm build (``"gfx1100"``)."""
    index_url: str | None = None
    """The index holding the build (``None``: the default index)."""
    pypi_default_on: tuple[str, ...] = attrs.field(
        converter=_strings, default=()
    )
    """``os/machine`` pairs where a plain ``pip install`` gets this build."""
    note: str | None = None
    sources: tuple[Source, ...] = attrs.field(
        converter=_sources, validator=v.min_len(1)
    )

    def covers(self, version: Version) -> bool:
        return Version(self.first) <= version <= Version(self.last)

    def exists_on(self, platform: Platform) -> bool:
        return (
            platform.os in self.systems and platform.machine in self.machines
        )

    def is_plain_default(self, platform: Platform) -> bool:
        return (
            f"{platform.os.value}/{platform.machine}" in self.pypi_default_on
        )

    def min_driver(self, os_family: OsFamily) -> tuple[int, ...] | None:
        if self.cuda is None:
            return None
        return min_driver(self.cuda, os_family)

    @property
    def newest_capability(self) -> tuple[int, int] | None:
        """The newest compute capability the build's CUDA can target."""
        return newest_architecture(self.cuda) if self.cuda else None

    def beyond_cuda(self, capability: tuple[int, int]) -> bool:
        """Whether *capability* is newer than any this build's CUDA knows.

        Only for rows without a recorded list: whether such a build runs
        on a newer GPU depends on PTX its project does not publish.
        """
        newest = self.newest_capability
        return (
            not self.capabilities
            and newest is not None
            and capability > newest
        )

    def includes(self, capability: tuple[int, int]) -> bool:
        """Whether a GPU of *capability* finds code in this build.

        Machine code for X.y runs on X.z for z >= y (same major); PTX for
        a capability JIT-compiles for any newer one.  Without a recorded
        list, :attr:`min_capability` bounds it from below and the newest
        architecture of the build's CUDA from above (a GPU newer than that
        is not counted as included).
        """
        if self.beyond_cuda(capability):
            return False
        if self.capabilities:
            compiled = (capability_tuple(c) for c in self.capabilities)
            if any(
                c[0] == capability[0] and c <= capability for c in compiled
            ):
                return True
            return (
                self.ptx is not None
                and capability_tuple(self.ptx) <= capability
            )
        return self.min_capability is None or capability >= capability_tuple(
            self.min_capability
        )

    def includes_arch(self, architecture: str) -> bool:
        return architecture in self.architectures

    def command(self, version: str) -> str:
        """The exact ``pip install`` line for *version*."""
        requirement = self.requirement.format(version=version)
        if "[" in requirement:
            requirement = f'"{requirement}"'
        line = f"pip install {requirement}"
        if self.index_url is not None:
            line += f" --index-url {self.index_url}"
        return line

    def describe(self) -> str:
        """``CUDA 12.6 build (cu126)``."""
        if self.cuda is not None:
            return f"CUDA {_cuda_text(self.cuda)} build ({self.variant})"
        return f"{self.variant} build"

    def to_dict(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "accelerator": self.accelerator.value,
            "first": self.first,
            "last": self.last,
            "cuda": _cuda_text(self.cuda),
            "capabilities": list(self.capabilities),
            "ptx": self.ptx,
            "min_capability": self.min_capability,
            "architectures": list(self.architectures),
            "index_url": self.index_url,
            "sources": [source.to_dict() for source in self.sources],
        }


@attrs.frozen(kw_only=True)
class FrameworkBuilds:
    """Every tracked GPU build of one framework, and its CPU build."""

    framework: str
    display_name: str
    builds: tuple[GpuBuild, ...]
    cpu_requirement: str
    """``pip install`` target of the CPU build; ``{version}`` as above."""
    cpu_distribution: str
    """The project whose wheels decide where the CPU build installs (for
    JAX, ``jaxlib``: ``jax`` itself is pure Python)."""
    cpu_index_url: dict[str, str] = attrs.field(factory=dict)
    """Per OS family value: an index for a smaller CPU-only build."""
    retired: str | None = None
    """Why the project is no longer maintained, for historic ones."""
    plain_gpu_note: str | None = None
    """What a plain ``pip install`` lacks for the GPU, when it is not
    simply a CPU-only build."""

    def cpu_command(self, version: str | None, os_family: OsFamily) -> str:
        requirement = (
            self.cpu_requirement.format(version=version)
            if version
            else self.cpu_requirement.split("=")[0]
        )
        line = f"pip install {requirement}"
        index = self.cpu_index_url.get(os_family.value)
        return f"{line} --index-url {index}" if index else line

    @property
    def newest(self) -> str:
        return max((b.last for b in self.builds), key=Version)
