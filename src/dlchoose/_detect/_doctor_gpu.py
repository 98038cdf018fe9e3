"""The machine facts the doctor's GPU checks take, read without a driver.

First from :func:`dlchoose.gpu` (the GPU capability: driver, devices and
their compute capabilities, ``nvidia-smi`` in a child with a timeout).
Should that fail, from what the kernel exposes: the NVIDIA driver version
and the GPUs listed under ``/proc/driver/nvidia/gpus``, less those that
``CUDA_VISIBLE_DEVICES`` hides.  When nothing can be said (no ``/proc``),
the facts stay unknown and the GPU checks say so instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from packaging.version import InvalidVersion, Version

from ._doctor_model import MachineFacts


if TYPE_CHECKING:
    from . import EnvironmentReport


__all__ = [
    "from_gpu_report",
    "gather_machine",
    "machine_facts",
    "max_cuda_for",
]

#: The oldest Linux driver of each CUDA major release, from NVIDIA's CUDA
#: compatibility documentation (minor version compatibility: a driver of
#: the first release of a major runs every minor release of it).
_MINIMUM_DRIVERS: Final = (
    ("13.x", Version("580")),
    ("12.x", Version("525.60.13")),
    ("11.x", Version("450.80.02")),
)


def max_cuda_for(driver: str | None) -> str | None:
    """The newest CUDA major release that Linux *driver* runs (``12.x``)."""
    if driver is None:
        return None
    try:
        version = Version(driver)
    except InvalidVersion:
        return None
    for cuda, minimum in _MINIMUM_DRIVERS:
        if version >= minimum:
            return cuda
    return None


def _gpu_count(proc: Path) -> int | None:
    try:
        return sum(1 for _ in (proc / "driver" / "nvidia" / "gpus").iterdir())
    except OSError:
        return None


def machine_facts(
    env: EnvironmentReport, *, proc: Path = Path("/proc")
) -> MachineFacts:
    """NVIDIA facts from ``/proc`` and the visibility variables.

    No driver in ``/proc`` on Linux means no usable NVIDIA GPU (a
    container without GPU access looks the same, which is the same answer
    for the frameworks in it); without ``/proc`` at all the facts are
    unknown.
    """
    if not (proc / "self").exists():
        return MachineFacts(source="unknown: no /proc on this system")
    driver = env.nvidia_driver
    if driver is None:
        return MachineFacts(
            nvidia_gpus=0, source=f"{proc}: no NVIDIA driver loaded"
        )
    count = _gpu_count(proc)
    visible = env.visible_devices
    if count is not None and visible is not None:
        count = min(count, len(visible))
    return MachineFacts(
        nvidia_gpus=count,
        driver=driver,
        max_cuda=max_cuda_for(driver),
        source=f"{proc}/driver/nvidia",
    )


def from_gpu_report(report: Any) -> MachineFacts:
    """:class:`MachineFacts` from a :func:`dlchoose.gpu` report."""
    vendor = str(report.vendor)
    devices = tuple(report.devices)
    count = len(devices)
    if vendor == "nvidia" and not count:
        count = 1  # the vendor is NVIDIA: at least one GPU, models unknown
    return MachineFacts(
        nvidia_gpus=count if vendor == "nvidia" else 0,
        driver=report.driver_version,
        max_cuda=report.max_cuda,
        compute_capabilities=[
            d.compute_capability
            for d in devices
            if d.compute_capability is not None
        ],
        source="dlchoose.gpu()",
        description=report.summary,
    )


def gather_machine(
    env: EnvironmentReport, read_gpu: Callable[[], Any] | None = None
) -> MachineFacts:
    """This machine's facts: :func:`dlchoose.gpu`'s (or *read_gpu*'s),
    else ``/proc``'s."""
    reader = read_gpu
    if reader is None:
        from .._gpu import gpu

        reader = gpu
    try:
        return from_gpu_report(reader())
    except Exception:  # noqa: BLE001 - GPU facts are extra; /proc remains
        return machine_facts(env)
