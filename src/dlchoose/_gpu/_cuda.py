"""Which CUDA a driver runs: NVIDIA's minimum-driver table.

Since CUDA 11, a build for any CUDA X.y runs on a driver that meets the
minimum of the X family ("minor version compatibility"); before CUDA 11
each toolkit release needed its own driver.  Linux and Windows drivers are
numbered differently, so each row has both.  Under WSL2 the driver is the
Windows one, so the Windows column applies.
"""

from __future__ import annotations

from typing import Final

import attrs

from .._sources import Source
from ._citations import (
    NVIDIA_MINOR_COMPAT,
    NVIDIA_NVCC_ARCHS,
    NVIDIA_RELEASE_NOTES,
    NVIDIA_RELEASE_NOTES_10_2,
)
from ._values import OsFamily, parse_driver


__all__ = [
    "CUDA_DRIVERS",
    "NEWEST_ARCHITECTURE",
    "CudaDriver",
    "max_cuda",
    "min_driver",
    "newest_architecture",
    "newest_cuda",
]


@attrs.frozen(kw_only=True)
class CudaDriver:
    """The oldest driver that runs builds for *cuda* (a family or a release)."""

    cuda: tuple[int, ...]
    """``(13,)`` for a whole family, ``(10, 2)`` for one release."""
    linux: tuple[int, ...]
    windows: tuple[int, ...]
    source: Source

    def for_os(self, os_family: OsFamily) -> tuple[int, ...]:
        return self.windows if os_family is OsFamily.WINDOWS else self.linux

    def covers(self, cuda: tuple[int, ...]) -> bool:
        return cuda[: len(self.cuda)] == self.cuda

    @property
    def label(self) -> str:
        return ".".join(map(str, self.cuda)) + (
            ".x" if len(self.cuda) == 1 else ""
        )


#: Newest first.  CUDA 11.0 predates the 11.x family minimum (NVIDIA notes
#: it needs the 450.80.02 / 452.39 update to join the family).
CUDA_DRIVERS: Final = (
    CudaDriver(
        cuda=(13,), linux=(580,), windows=(580,), source=NVIDIA_MINOR_COMPAT
    ),
    CudaDriver(
        cuda=(12,),
        linux=(525, 60, 13),
        windows=(528, 33),
        source=NVIDIA_RELEASE_NOTES,
    ),
    CudaDriver(
        cuda=(11,),
        linux=(450, 80, 2),
        windows=(452, 39),
        source=NVIDIA_RELEASE_NOTES,
    ),
    CudaDriver(
        cuda=(10, 2),
        linux=(440, 33),
        windows=(441, 22),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
    CudaDriver(
        cuda=(10, 1),
        linux=(418, 39),
        windows=(418, 96),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
    CudaDriver(
        cuda=(10, 0),
        linux=(410, 48),
        windows=(411, 31),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
    CudaDriver(
        cuda=(9, 2),
        linux=(396, 26),
        windows=(397, 44),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
    CudaDriver(
        cuda=(9, 0),
        linux=(384, 81),
        windows=(385, 54),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
    CudaDriver(
        cuda=(8, 0),
        linux=(375, 26),
        windows=(376, 51),
        source=NVIDIA_RELEASE_NOTES_10_2,
    ),
)


def _row(cuda: tuple[int, ...]) -> CudaDriver | None:
    return next((row for row in CUDA_DRIVERS if row.covers(cuda)), None)


def min_driver(cuda: tuple[int, ...], os_family: OsFamily) -> tuple[int, ...]:
    """The oldest driver that runs a build for CUDA *cuda* on *os_family*.

    A CUDA release the table does not list (older than 8.0) needs at least
    the 8.0 driver, which is the honest lower bound we can state.
    """
    row = _row(cuda)
    return (row or CUDA_DRIVERS[-1]).for_os(os_family)


def max_cuda(
    driver: tuple[int, ...], os_family: OsFamily
) -> CudaDriver | None:
    """The newest row of the table *driver* meets, or ``None``."""
    return next(
        (row for row in CUDA_DRIVERS if driver >= row.for_os(os_family)),
        None,
    )


def newest_cuda(
    driver: str | tuple[int, ...], os_family: str, *, wsl: bool = False
) -> str | None:
    """The newest CUDA an NVIDIA *driver* runs builds for, ``"12.x"``.

    *driver* is a version (``"550.54.14"`` or ``(550, 54, 14)``),
    *os_family* ``"linux"``, ``"windows"`` or ``"macos"``; under WSL2
    (*wsl*) the Windows driver table applies.  ``None`` when the driver
    is older than every row of the table.  Raises
    :class:`~dlchoose.exceptions.InvalidDriverVersionError` for a version
    that is not one.
    """
    parsed = driver if isinstance(driver, tuple) else parse_driver(driver)
    family = OsFamily.WINDOWS if wsl else OsFamily.parse(os_family)
    row = max_cuda(parsed, family)
    return row.label if row is not None else None


#: The newest compute capability each CUDA release can compile for, newest
#: release first (``(first CUDA release, capability)``).  A build for an
#: older CUDA cannot carry machine code for a newer GPU.  11.4 added 8.7
#: (Jetson Orin only), left out so that 11.4-11.7 stay at 8.6: the
#: conservative answer.  Source: :data:`NEWEST_ARCHITECTURE_SOURCE`.
NEWEST_ARCHITECTURE: Final = (
    ((12, 9), (12, 1)),
    ((12, 8), (12, 0)),
    ((11, 8), (9, 0)),
    ((11, 1), (8, 6)),
    ((11, 0), (8, 0)),
    ((10, 0), (7, 5)),
    ((9, 0), (7, 0)),
    ((8, 0), (6, 2)),
)
NEWEST_ARCHITECTURE_SOURCE: Final = NVIDIA_NVCC_ARCHS


def newest_architecture(cuda: tuple[int, ...]) -> tuple[int, int]:
    """The newest compute capability CUDA *cuda* can compile for.

    A whole family (``(12,)``: some 12.x not recorded) gets its newest
    release's, since the build may use it.
    """
    release = cuda if len(cuda) > 1 else (cuda[0], 99)
    return next(
        (arch for first, arch in NEWEST_ARCHITECTURE if release >= first),
        NEWEST_ARCHITECTURE[-1][1],
    )
