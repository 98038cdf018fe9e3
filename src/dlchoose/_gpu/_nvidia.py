"""NVIDIA facts without loading a driver: the driver version and the GPUs.

The driver version comes from the first of these that answers (uv's
``--torch-backend=auto`` reads the same places, in the same order, after
its own environment variable):

1. ``DLCHOOSE_CUDA_DRIVER_VERSION``;
2. ``/sys/module/nvidia/version`` (``550.144.03``);
3. ``/proc/driver/nvidia/version`` (``NVRM version: ... 550.144.03 ...``);
4. ``nvidia-smi --query-gpu=index,name,driver_version,compute_cap,
   memory.total --format=csv,noheader`` in a child with a timeout.

The GPUs (name, compute capability, memory) come from that same
``nvidia-smi`` query; without it, the names under
``/proc/driver/nvidia/gpus`` are the fallback.  Anything missing, hanging
or garbled becomes a note, never an exception.
"""

from __future__ import annotations

import csv
import re

from collections.abc import Iterator
from typing import Final

import attrs

from ..exceptions import InvalidGpuFactError
from ._devices import GpuDevice
from ._host import Host
from ._values import Vendor, parse_capability, parse_driver


__all__ = ["DRIVER_VARIABLE", "NvidiaReading", "read_nvidia"]

DRIVER_VARIABLE: Final = "DLCHOOSE_CUDA_DRIVER_VERSION"
SMI_FIELDS: Final = "index,name,driver_version,compute_cap,memory.total"
# Drivers older than about 510 do not know the compute_cap field.
_SMI_FIELDS_OLD: Final = "index,name,driver_version,memory.total"
#: Where WSL2 puts nvidia-smi and libcuda (often not on PATH).
WSL_LIB: Final = "/usr/lib/wsl/lib"
_PROC_VERSION_RE: Final = re.compile(r"\s(\d{2,4}\.\d{1,3}(?:\.\d{1,3})?)\s")
_MEMORY_RE: Final = re.compile(r"(\d+)\s*MiB")


@attrs.frozen(kw_only=True)
class NvidiaReading:
    """What the NVIDIA side of the machine said."""

    driver: tuple[int, ...] | None = None
    driver_source: str | None = None
    devices: tuple[GpuDevice, ...] = ()
    notes: tuple[str, ...] = ()


def _parse_or_none(text: str) -> tuple[int, ...] | None:
    try:
        return parse_driver(text)
    except InvalidGpuFactError:
        return None


def _driver_from_files(host: Host) -> tuple[tuple[int, ...], str] | None:
    text = host.read("/sys/module/nvidia/version")
    if text is not None and (found := _parse_or_none(text)) is not None:
        return found, "/sys/module/nvidia/version"
    text = host.read("/proc/driver/nvidia/version")
    if text is not None:
        match = _PROC_VERSION_RE.search(text.partition("\n")[0] + " ")
        if match and (found := _parse_or_none(match.group(1))) is not None:
            return found, "/proc/driver/nvidia/version"
    return None


def _memory(text: str) -> int | None:
    match = _MEMORY_RE.search(text)
    return int(match.group(1)) if match else None


def _capability(text: str) -> str | None:
    try:
        return parse_capability(text)
    except InvalidGpuFactError:
        return None  # "[N/A]" on drivers or GPUs that do not say


def _smi_rows(stdout: str, *, with_capability: bool) -> Iterator[GpuDevice]:
    """Devices from nvidia-smi's CSV; raises ValueError on garbage."""
    width = len(
        (SMI_FIELDS if with_capability else _SMI_FIELDS_OLD).split(",")
    )
    for row in csv.reader(stdout.splitlines(), skipinitialspace=True):
        if not row:
            continue
        if len(row) != width:
            raise ValueError(f"expected {width} fields, got {row!r}")
        yield GpuDevice(
            index=int(row[0]),
            name=row[1].strip(),
            vendor=Vendor.NVIDIA,
            compute_capability=_capability(row[3])
            if with_capability
            else None,
            memory_mib=_memory(row[-1]),
        )


def _query(host: Host, smi: str, fields: str) -> tuple[str | None, str | None]:
    """nvidia-smi's stdout, or ``None`` and why not."""
    result = host.run([smi, f"--query-gpu={fields}", "--format=csv,noheader"])
    if result.returncode is None:
        return None, f"nvidia-smi {result.problem}"
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        detail = f": {said[0][:200]}" if said else ""
        return (
            None,
            f"nvidia-smi exited with status {result.returncode}{detail}",
        )
    return result.stdout, None


def _smi_devices(
    host: Host, smi: str
) -> tuple[tuple[GpuDevice, ...], str | None, str | None]:
    """``(devices, driver text, problem)`` from one nvidia-smi query."""
    stdout, problem = _query(host, smi, SMI_FIELDS)
    with_capability = True
    if stdout is None and problem and "compute_cap" in problem:
        stdout, problem = _query(host, smi, _SMI_FIELDS_OLD)
        with_capability = False
    if stdout is None:
        return (), None, problem
    try:
        devices = tuple(_smi_rows(stdout, with_capability=with_capability))
        driver = next(csv.reader([stdout.strip().splitlines()[0]]))[2]
    except (ValueError, IndexError, StopIteration):
        first = stdout.strip().splitlines()[:1]
        shown = repr(first[0][:80]) if first else "nothing"
        return (), None, f"nvidia-smi printed something unreadable: {shown}"
    return devices, driver.strip(), None


def _proc_devices(host: Host) -> tuple[GpuDevice, ...]:
    """GPU names from ``/proc/driver/nvidia/gpus/*/information``."""
    devices = []
    for index, folder in enumerate(host.glob("/proc/driver/nvidia/gpus", "*")):
        info = host.read(folder / "information")
        model = re.search(r"^Model:\s*(.+)$", info or "", re.MULTILINE)
        name = model.group(1).strip() if model else "NVIDIA GPU"
        devices.append(GpuDevice(index=index, name=name, vendor=Vendor.NVIDIA))
    return tuple(devices)


def read_nvidia(host: Host) -> NvidiaReading:
    """The NVIDIA driver version and GPUs of *host* (see module docstring)."""
    notes: list[str] = []
    driver: tuple[int, ...] | None = None
    source: str | None = None
    env_value = host.environ.get(DRIVER_VARIABLE, "").strip()
    if env_value and (driver := _parse_or_none(env_value)) is not None:
        source = DRIVER_VARIABLE
    else:
        if env_value:
            # A typo in the variable should not hide the real driver.
            notes.append(
                f"{DRIVER_VARIABLE}={env_value[:40]!r} is not a driver"
                " version; ignored"
            )
        if (found := _driver_from_files(host)) is not None:
            driver, source = found
    devices: tuple[GpuDevice, ...] = ()
    smi = host.which("nvidia-smi", WSL_LIB)
    if smi is None:
        if driver is not None:
            notes.append("nvidia-smi not found: GPU details unknown")
    else:
        devices, smi_driver, problem = _smi_devices(host, smi)
        if problem is not None:
            notes.append(problem)
        if driver is None and smi_driver is not None:
            driver = _parse_or_none(smi_driver)
            source = "nvidia-smi" if driver is not None else None
    if not devices and driver is not None:
        devices = _proc_devices(host)
    return NvidiaReading(
        driver=driver,
        driver_source=source,
        devices=devices,
        notes=tuple(notes),
    )
