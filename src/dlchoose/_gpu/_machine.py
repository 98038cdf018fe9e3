"""This machine's GPU facts: :func:`gpu` and the :class:`GpuReport` it gives.

Nothing here imports a framework or loads a GPU driver into this process;
see :mod:`._nvidia` and :mod:`._amd` for where each fact is read.  Overrides
(a driver version, a compute capability, a vendor) describe another
machine: with any of them, nothing is probed, so CI and planning get the
same answer on every machine.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from ..exceptions import ConflictingGpuFactsError
from ._amd import read_amd
from ._cuda import max_cuda
from ._devices import GpuDevice
from ._host import Host
from ._nvidia import read_nvidia
from ._values import (
    OsFamily,
    Vendor,
    capability_tuple,
    format_driver,
    os_family,
    parse_capability,
    parse_driver,
    parse_vendor,
    to_os,
    to_vendor,
)
from ._visible import visibility


__all__ = [
    "GpuReport",
    "detect_machine",
    "gpu",
    "machine_facts",
    "os_family",
    "planned_machine",
]

_NVIDIA_VISIBILITY: Final = ("CUDA_VISIBLE_DEVICES",)
_CAPABILITY_WORDS: Final = {
    Vendor.NVIDIA: "NVIDIA compute capability",
    Vendor.AMD: "AMD architecture",
}
_AMD_VISIBILITY: Final = (
    "HIP_VISIBLE_DEVICES",
    "ROCR_VISIBLE_DEVICES",
    "CUDA_VISIBLE_DEVICES",
)


@attrs.frozen(kw_only=True)
class GpuReport:
    """What dlchoose knows about this machine's (or a planned machine's) GPU."""

    vendor: Vendor = attrs.field(converter=to_vendor)
    """Whose GPU computes here; ``none`` when no usable GPU was found."""
    os: OsFamily = attrs.field(converter=to_os)
    wsl: bool = False
    """Linux under Windows' WSL2, which reaches the GPU through the
    Windows driver."""
    driver_version: str | None = None
    """NVIDIA driver version as NVIDIA writes it, ``"550.144.03"``."""
    driver_source: str | None = None
    """Where the driver version was read (a file, a variable, a program,
    ``"override"``)."""
    max_cuda: str | None = None
    """The newest CUDA the driver runs builds for, ``"12.x"``."""
    devices: tuple[GpuDevice, ...] = ()
    """The GPUs this process may use (visibility variables applied)."""
    hidden: int = 0
    """GPUs present but hidden by a visibility variable."""
    visibility: str | None = None
    """The visibility variable that applied, ``"CUDA_VISIBLE_DEVICES=0"``."""
    overridden: bool = False
    """Facts came from overrides, not from this machine."""
    notes: tuple[str, ...] = ()

    @property
    def driver(self) -> tuple[int, ...] | None:
        return (
            parse_driver(self.driver_version) if self.driver_version else None
        )

    @property
    def capabilities(self) -> tuple[tuple[int, int], ...]:
        """Each visible NVIDIA GPU's compute capability that is known."""
        return tuple(
            capability_tuple(d.compute_capability)
            for d in self.devices
            if d.compute_capability is not None
        )

    @property
    def architectures(self) -> tuple[str, ...]:
        """Each visible AMD GPU's architecture."""
        return tuple(d.architecture for d in self.devices if d.architecture)

    @property
    def summary(self) -> str:
        """The facts in one line."""
        if self.vendor is Vendor.NONE:
            return _no_gpu_line(self)
        if self.vendor is Vendor.APPLE:
            return "Apple silicon GPU (Metal / MPS)."
        parts = []
        if self.driver_version is not None:
            runs = f", runs CUDA {self.max_cuda}" if self.max_cuda else ""
            parts.append(f"NVIDIA driver {self.driver_version}{runs}")
        count = len(self.devices)
        if count:
            listed = "; ".join(d.describe() for d in self.devices)
            parts.append(f"{count} GPU{'s' if count > 1 else ''}: {listed}")
        elif self.vendor is Vendor.NVIDIA:
            parts.append("GPU models unknown")
        else:
            parts.append("AMD GPU, architecture unknown")
        where = " (WSL2)" if self.wsl else ""
        return f"{', '.join(parts)}{where}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "vendor": self.vendor.value,
            "os": self.os.value,
            "wsl": self.wsl,
            "driver_version": self.driver_version,
            "driver_source": self.driver_source,
            "max_cuda": self.max_cuda,
            "devices": [device.to_dict() for device in self.devices],
            "hidden": self.hidden,
            "visibility": self.visibility,
            "overridden": self.overridden,
            "summary": self.summary,
            "notes": list(self.notes),
        }


def _no_gpu_line(report: GpuReport) -> str:
    if report.hidden:
        return f"No GPU visible: {report.visibility} hides {report.hidden}."
    return "No GPU found: CPU builds only."


def _is_wsl(host: Host) -> bool:
    version = (host.read("/proc/version") or "").lower()
    return "microsoft" in version or host.exists("/dev/dxg")


def _apple(host: Host) -> tuple[bool, tuple[str, ...]]:
    """Whether *host* is Apple silicon, and a note when Python is x86_64."""
    if host.machine.lower() == "arm64":
        return True, ()
    sysctl = host.which("sysctl", "/usr/sbin")
    if sysctl is None:
        return False, ()
    result = host.run([sysctl, "-n", "sysctl.proc_translated"])
    if result.returncode == 0 and result.stdout.strip() == "1":
        return True, (
            "Python runs under Rosetta (x86_64); MPS needs an arm64 Python",
        )
    return False, ()


def _cuda_label(
    driver: tuple[int, ...] | None, family: OsFamily
) -> str | None:
    row = max_cuda(driver, family) if driver is not None else None
    return row.label if row is not None else None


def _visible(
    host: Host, devices: tuple[GpuDevice, ...], variables: tuple[str, ...]
) -> tuple[tuple[GpuDevice, ...], int, str | None, str | None]:
    seen = visibility(host.environ, variables)
    chosen = set(seen.select([d.index for d in devices]))
    visible = tuple(d for d in devices if d.index in chosen)
    shown = f"{seen.variable}={seen.value}" if seen.variable else None
    return visible, len(devices) - len(visible), shown, seen.note


def _nvidia_report(
    host: Host, family: OsFamily, *, wsl: bool
) -> GpuReport | None:
    reading = read_nvidia(host)
    if reading.driver is None and not reading.devices:
        return (
            None
            if not reading.notes
            else _nothing(family, wsl=wsl, notes=reading.notes)
        )
    devices, hidden, shown, note = _visible(
        host, reading.devices, _NVIDIA_VISIBILITY
    )
    table_os = OsFamily.WINDOWS if wsl else family
    nodes = _device_nodes_note(host, family, wsl=wsl)
    return GpuReport(
        vendor=Vendor.NVIDIA if devices or not hidden else Vendor.NONE,
        os=family,
        wsl=wsl,
        driver_version=format_driver(reading.driver)
        if reading.driver
        else None,
        driver_source=reading.driver_source,
        max_cuda=_cuda_label(reading.driver, table_os),
        devices=devices,
        hidden=hidden,
        visibility=shown,
        notes=tuple(n for n in (*reading.notes, note, nodes) if n),
    )


def _device_nodes_note(
    host: Host, family: OsFamily, *, wsl: bool
) -> str | None:
    """A note when Linux has the driver but no ``/dev/nvidiactl``.

    Containers see the host's ``/proc/driver/nvidia`` even when no GPU was
    passed in; the device nodes are the better sign that one was.
    """
    if family is not OsFamily.LINUX or wsl or host.exists("/dev/nvidiactl"):
        return None
    return (
        "no /dev/nvidiactl: the driver is loaded on the host, but this"
        " container or sandbox may not reach the GPU"
    )


def _amd_report(host: Host, family: OsFamily) -> GpuReport | None:
    reading = read_amd(host)
    if not reading.devices:
        return None
    devices, hidden, shown, note = _visible(
        host, reading.devices, _AMD_VISIBILITY
    )
    return GpuReport(
        vendor=Vendor.AMD if devices else Vendor.NONE,
        os=family,
        driver_source=reading.source,
        devices=devices,
        hidden=hidden,
        visibility=shown,
        notes=tuple(n for n in (*reading.notes, note) if n),
    )


def _nothing(
    family: OsFamily, *, wsl: bool, notes: tuple[str, ...] = ()
) -> GpuReport:
    return GpuReport(vendor=Vendor.NONE, os=family, wsl=wsl, notes=notes)


def detect_machine(host: Host) -> GpuReport:
    """The GPU facts of *host*: NVIDIA, else AMD, else Apple, else none."""
    family = os_family(host.system)
    wsl = family is OsFamily.LINUX and _is_wsl(host)
    if family is OsFamily.MACOS:
        is_apple, notes = _apple(host)
        if is_apple:
            return GpuReport(
                vendor=Vendor.APPLE,
                os=family,
                devices=(
                    GpuDevice(
                        index=0,
                        name="Apple silicon GPU",
                        vendor=Vendor.APPLE,
                    ),
                ),
                notes=notes,
            )
        return _nothing(family, wsl=wsl)
    nvidia = _nvidia_report(host, family, wsl=wsl)
    if nvidia is not None and nvidia.vendor is Vendor.NVIDIA:
        return nvidia
    amd = _amd_report(host, family) if family is OsFamily.LINUX else None
    if amd is not None:
        return amd
    return nvidia or _nothing(family, wsl=wsl)


def _planned_device(vendor: Vendor, capability: str | None) -> GpuDevice:
    is_gfx = capability is not None and capability.startswith("gfx")
    return GpuDevice(
        index=0,
        name="planned GPU",
        vendor=vendor,
        compute_capability=None if is_gfx else capability,
        architecture=capability if is_gfx else None,
    )


def _check_vendor(
    vendor: Vendor, driver: str | None, capability: str | None
) -> None:
    """Refuse overrides that no machine has (an NVIDIA driver on AMD)."""
    said = f"GPU vendor {vendor.value}"
    if driver is not None and vendor is not Vendor.NVIDIA:
        raise ConflictingGpuFactsError(
            f"NVIDIA driver {driver} with {said}",
            ("a driver with GPU vendor nvidia", "no driver for amd or apple"),
        )
    if capability is None:
        return
    wanted = Vendor.AMD if capability.startswith("gfx") else Vendor.NVIDIA
    if vendor is not wanted:
        raise ConflictingGpuFactsError(
            f"{_CAPABILITY_WORDS[wanted]} {capability} with {said}",
            (
                "compute capability 8.6 with GPU vendor nvidia",
                "gfx1100 with GPU vendor amd",
            ),
        )


def planned_machine(
    *,
    family: OsFamily,
    driver: str | None = None,
    compute_capability: str | None = None,
    gpu_vendor: str | Vendor | None = None,
) -> GpuReport:
    """A machine described by overrides only (nothing is probed).

    Raises :class:`~dlchoose.exceptions.ConflictingGpuFactsError` when the
    overrides contradict each other (an NVIDIA compute capability with
    ``gpu_vendor="amd"``, a driver version with ``"apple"``).
    """
    parsed = parse_driver(driver) if driver is not None else None
    capability = (
        parse_capability(compute_capability)
        if compute_capability is not None
        else None
    )
    if gpu_vendor is not None:
        vendor = parse_vendor(gpu_vendor)
        _check_vendor(vendor, driver, capability)
    elif capability is not None and capability.startswith("gfx"):
        vendor = Vendor.AMD
        _check_vendor(vendor, driver, capability)
    else:
        vendor = Vendor.NVIDIA
    with_device = capability is not None or vendor is Vendor.APPLE
    devices = (
        (_planned_device(vendor, capability),)
        if with_device and vendor is not Vendor.NONE
        else ()
    )
    return GpuReport(
        vendor=vendor,
        os=family,
        driver_version=format_driver(parsed) if parsed else None,
        driver_source="override" if parsed else None,
        max_cuda=_cuda_label(parsed, family),
        devices=devices,
        overridden=True,
    )


def machine_facts(
    host: Host,
    *,
    driver: str | None = None,
    compute_capability: str | None = None,
    gpu_vendor: str | Vendor | None = None,
    family: OsFamily | None = None,
) -> GpuReport:
    """:func:`gpu` for *host* (tests pass a fake one)."""
    if driver is None and compute_capability is None and gpu_vendor is None:
        return detect_machine(host)
    return planned_machine(
        family=family or os_family(host.system),
        driver=driver,
        compute_capability=compute_capability,
        gpu_vendor=gpu_vendor,
    )


def gpu(
    *,
    driver: str | None = None,
    compute_capability: str | None = None,
    gpu_vendor: str | Vendor | None = None,
    platform: str | None = None,
) -> GpuReport:
    """This machine's GPU facts, or a planned machine's from overrides.

    *driver* is an NVIDIA driver version (``"550.54.14"``),
    *compute_capability* a compute capability (``"8.6"``) or an AMD
    architecture (``"gfx1100"``), *gpu_vendor* one of ``nvidia``, ``amd``,
    ``apple``, ``none``.  With any of them nothing is probed: the answer
    describes the machine they name, running the OS of *platform* (a wheel
    platform tag; this OS by default), which decides the driver table.
    Never loads a GPU driver into this process; a missing, hanging or
    garbled ``nvidia-smi`` becomes a note.
    """
    from ._target import target_platform

    return machine_facts(
        Host(),
        driver=driver,
        compute_capability=compute_capability,
        gpu_vendor=gpu_vendor,
        family=target_platform(platform).os if platform else None,
    )
