"""AMD (ROCm) GPUs and their architectures, without loading a runtime.

The GPU architecture (``gfx1100``) decides which ROCm builds run, the way
the compute capability does for NVIDIA.  It is read from the first of:

1. the KFD topology in sysfs (``/sys/class/kfd/kfd/topology/nodes/*/
   properties``, whose ``gfx_target_version`` is non-zero for GPUs): no
   child process, and present even when ROCm itself is not installed
   (pip's ROCm wheels bring their own runtime);
2. ``rocm_agent_enumerator`` (one ``gfx`` name a line; uv asks it);
3. ``rocminfo`` (``Name: gfx1100`` lines).
"""

from __future__ import annotations

import re

from typing import Final

import attrs

from ._devices import GpuDevice
from ._host import Host
from ._values import Vendor


__all__ = ["AmdReading", "read_amd"]

_TOPOLOGY: Final = "/sys/class/kfd/kfd/topology/nodes"
_TARGET_RE: Final = re.compile(
    r"^gfx_target_version\s+(\d+)\s*$", re.MULTILINE
)
#: How each program names a GPU: the enumerator one per line, rocminfo
#: in ``Name:`` lines (its ISA lines repeat the name inside a triple).
_PATTERNS: Final = {
    "rocm_agent_enumerator": re.compile(
        r"^\s*(gfx[0-9a-f]{3,5})\s*$", re.MULTILINE
    ),
    "rocminfo": re.compile(
        r"^\s*Name:\s+(gfx[0-9a-f]{3,5})\s*$", re.MULTILINE
    ),
}
#: rocm_agent_enumerator lists the CPU agent as gfx000.
_CPU_AGENT: Final = "gfx000"


@attrs.frozen(kw_only=True)
class AmdReading:
    """AMD GPUs found, where they were found, and problems on the way."""

    devices: tuple[GpuDevice, ...] = ()
    source: str | None = None
    notes: tuple[str, ...] = ()


def gfx_name(target_version: int) -> str:
    """``110000`` → ``gfx1100``; ``90010`` → ``gfx90a`` (KFD's encoding).

    The version packs major, minor and stepping as decimal pairs; the
    ``gfx`` name writes minor and stepping as one hex digit each.
    """
    major = target_version // 10000
    minor = (target_version // 100) % 100
    stepping = target_version % 100
    return f"gfx{major}{minor:x}{stepping:x}"


def _from_sysfs(host: Host) -> list[str]:
    names = []
    for node in host.glob(_TOPOLOGY, "*"):
        match = _TARGET_RE.search(host.read(node / "properties") or "")
        if match and int(match.group(1)) != 0:
            names.append(gfx_name(int(match.group(1))))
    return names


def _from_program(
    host: Host, program: str, notes: list[str]
) -> list[str] | None:
    path = host.which(program, "/opt/rocm/bin")
    if path is None:
        return None
    result = host.run([path])
    if result.returncode != 0:
        why = result.problem or f"exited with status {result.returncode}"
        notes.append(f"{program} {why}")
        return None
    names = _PATTERNS[program].findall(result.stdout)
    return [name for name in names if name != _CPU_AGENT]


def read_amd(host: Host) -> AmdReading:
    """AMD GPUs on *host*, each with its architecture."""
    notes: list[str] = []
    names = _from_sysfs(host)
    source = "/sys/class/kfd" if names else None
    for program in ("rocm_agent_enumerator", "rocminfo"):
        if names:
            break
        found = _from_program(host, program, notes)
        if found:
            names, source = found, program
    devices = tuple(
        GpuDevice(
            index=index,
            name="AMD GPU",
            vendor=Vendor.AMD,
            architecture=name,
        )
        for index, name in enumerate(names)
    )
    if devices and not host.exists("/dev/kfd"):
        notes.append("/dev/kfd is missing: ROCm cannot reach the GPU here")
    return AmdReading(devices=devices, source=source, notes=tuple(notes))
