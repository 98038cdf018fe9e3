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
    NVIDIA_RELEASE_NOTES,
    NVIDIA_RELEASE_NOTES_10_2,
)
from ._values import OsFamily


__all__ = ["CUDA_DRIVERS", "CudaDriver", "max_cuda", "min_driver"]


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
