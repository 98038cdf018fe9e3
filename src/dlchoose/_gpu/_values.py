"""Small values every part of the GPU capability shares.

A driver version and a compute capability are parsed once, here, into
tuples that compare the way the hardware does (``(550, 144, 3)``,
``(8, 6)``); everything else compares those tuples, never strings.
"""

from __future__ import annotations

import re

from typing import Final

from .._choice import Choice
from ..exceptions import (
    InvalidChoiceError,
    InvalidComputeCapabilityError,
    InvalidDriverVersionError,
    UnknownGpuVendorError,
)


__all__ = [
    "CAPABILITY_EXAMPLES",
    "DRIVER_EXAMPLES",
    "Accelerator",
    "FitStatus",
    "OsFamily",
    "Vendor",
    "os_family",
    "parse_capability",
    "parse_driver",
    "parse_vendor",
    "to_accelerator",
    "to_fit_status",
    "to_os",
    "to_vendor",
]

DRIVER_EXAMPLES: Final = ("580.95.05", "550.54.14", "528.33")
CAPABILITY_EXAMPLES: Final = ("6.1", "8.6", "12.0", "gfx1100")

# Linux drivers are MAJOR.MINOR.PATCH (550.144.03), Windows ones MAJOR.MINOR
# (528.33); uv also accepts a bare major (580), as NVIDIA's own table does.
_DRIVER_RE: Final = re.compile(r"(\d{2,4})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?")
_CAPABILITY_RE: Final = re.compile(r"(?:sm_?)?(\d{1,2})\.?(\d)")
_GFX_RE: Final = re.compile(r"gfx[0-9]{2,4}[0-9a-f]?")


class Vendor(Choice):
    """Who made the GPU this machine would compute on."""

    NVIDIA = "nvidia"
    AMD = "amd"
    APPLE = "apple"
    NONE = "none"


class OsFamily(Choice):
    """The operating system a wheel is built for."""

    LINUX = "linux"
    WINDOWS = "windows"
    MACOS = "macos"
    OTHER = "other"


class Accelerator(Choice):
    """What a build computes on."""

    CUDA = "cuda"
    ROCM = "rocm"
    METAL = "metal"
    CPU = "cpu"


class FitStatus(Choice):
    """The kind of answer :func:`dlchoose.gpu_fit` gives for a framework."""

    GPU = "gpu"
    """A build that uses this machine's GPU; install it with the command."""
    CPU = "cpu"
    """No build uses this GPU here; the CPU build is offered, with why."""
    UNKNOWN = "unknown"
    """dlchoose has no build table for this framework, or cannot tell
    whether its builds run on this GPU (newer than their CUDA)."""


def parse_driver(value: object) -> tuple[int, ...]:
    """An NVIDIA driver version as a tuple of integers.

    ``"550.144.03"`` → ``(550, 144, 3)``; anything else raises
    :class:`~dlchoose.exceptions.InvalidDriverVersionError`.
    """
    if not isinstance(value, str):
        raise TypeError(f"driver must be a string, not {type(value).__name__}")
    match = _DRIVER_RE.fullmatch(value.strip())
    if match is None:
        raise InvalidDriverVersionError(value, DRIVER_EXAMPLES)
    return tuple(int(part) for part in match.groups() if part is not None)


def parse_capability(value: object) -> str:
    """A compute capability, normalised: ``"8.6"``, or ``"gfx1100"`` (AMD).

    Accepts ``8.6``, ``86`` and ``sm_86``; anything else raises
    :class:`~dlchoose.exceptions.InvalidComputeCapabilityError`.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"compute_capability must be a string, not {type(value).__name__}"
        )
    text = value.strip().lower()
    if _GFX_RE.fullmatch(text):
        return text
    match = _CAPABILITY_RE.fullmatch(text)
    # NVIDIA's compute capabilities start at 1.0; 0.x is no GPU.
    if match is None or int(match.group(1)) == 0:
        raise InvalidComputeCapabilityError(value, CAPABILITY_EXAMPLES)
    return f"{int(match.group(1))}.{match.group(2)}"


def capability_tuple(value: str) -> tuple[int, int]:
    """``"8.6"`` → ``(8, 6)``; the value must already be normalised."""
    major, minor = value.split(".")
    return int(major), int(minor)


def parse_vendor(value: object) -> Vendor:
    """A vendor name as :class:`Vendor`; unknown ones raise a typed error."""
    try:
        return Vendor.parse(value)
    except InvalidChoiceError as err:
        raise UnknownGpuVendorError(str(value), Vendor.choices()) from err


def format_driver(version: tuple[int, ...]) -> str:
    """``(550, 144, 3)`` → ``"550.144.03"``, the way NVIDIA writes it."""
    head, *rest = version
    return ".".join([str(head), *(f"{part:02d}" for part in rest)])


def os_family(system: str) -> OsFamily:
    """:class:`OsFamily` from :func:`platform.system`'s answer."""
    return {
        "linux": OsFamily.LINUX,
        "windows": OsFamily.WINDOWS,
        "darwin": OsFamily.MACOS,
    }.get(system.lower(), OsFamily.OTHER)


# Named converters: mypy's attrs plugin accepts functions, not bound methods.


def to_vendor(value: str | Vendor) -> Vendor:
    return Vendor.parse(value)


def to_os(value: str | OsFamily) -> OsFamily:
    return OsFamily.parse(value)


def to_accelerator(value: str | Accelerator) -> Accelerator:
    return Accelerator.parse(value)


def to_fit_status(value: str | FitStatus) -> FitStatus:
    return FitStatus.parse(value)
