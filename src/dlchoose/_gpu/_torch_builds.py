"""PyTorch's GPU builds, release by release (Linux and Windows, x86_64).

Each minor release ships CUDA builds on ``download.pytorch.org/whl/cuXYZ``
and one of them on PyPI, which is what a plain ``pip install torch`` gets on
Linux x86_64 (Windows' PyPI wheel is CPU-only, macOS' uses MPS).  The CUDA
variants and the architectures in each come from PyTorch's release matrix
and support-matrix RFCs; which variant PyPI carries was read from each
release's wheel metadata (``Requires-Dist`` pins of ``nvidia-*-cuXX`` or
``cuda-toolkit``).  ROCm builds list the GPU architectures uv records for
each ROCm version.  ``scripts/build_gpu_tables.py`` re-reads the PyPI part.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Final

from .._sources import Source
from ._citations import (
    NVIDIA_CUDA13_ARCHS,
    TORCH_28_ARCHS,
    TORCH_29_ARCHS,
    TORCH_211_ARCHS,
    TORCH_212_ARCHS,
    TORCH_214_MATRIX,
    TORCH_215_MATRIX,
    TORCH_ARCH_LIST_27,
    TORCH_GET_STARTED,
    TORCH_PYPI_WHEELS,
    TORCH_RELEASE_MD,
    UV_AMD_ARCHS,
)
from ._model import FrameworkBuilds, GpuBuild
from ._values import Accelerator, OsFamily


__all__ = ["PYTORCH"]

_INDEX: Final = "https://download.pytorch.org/whl/"
_LINUX_WINDOWS: Final = (OsFamily.LINUX, OsFamily.WINDOWS)
_LINUX_X86: Final = "linux/x86_64"
#: The first CUDA major that cannot build for GPUs before Turing.
_CUDA_WITHOUT_PRE_TURING: Final = 13

# Compute capabilities with machine code, per build family.
_CU118: Final = ("3.7", "5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0")
_CU12_LEGACY: Final = ("5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0")
_CU128_VOLTA: Final = ("7.0", "7.5", "8.0", "8.6", "9.0", "10.0", "12.0")
_TURING_ON: Final = ("7.5", "8.0", "8.6", "9.0", "10.0", "12.0")
# Linux aarch64 (Grace Hopper, Grace Blackwell, DGX Spark) builds.
_ARM_CU126: Final = ("8.0", "9.0")
_ARM_CU128: Final = ("8.0", "9.0", "10.0", "12.0")
_ARM_CU13: Final = ("8.0", "9.0", "10.0", "11.0", "12.0")

# GPU architectures per ROCm version (uv's table, from get_arch_list()).
_GFX_BASE: Final = ("gfx900", "gfx906", "gfx908", "gfx90a", "gfx942")
_ROCM: Final = {
    "6.1": (*_GFX_BASE, "gfx1030", "gfx1100", "gfx1101"),
    "6.2": (*_GFX_BASE, "gfx1030", "gfx1100"),
    "6.2.4": (
        *_GFX_BASE,
        "gfx1030",
        "gfx1100",
        "gfx1101",
        "gfx1102",
        "gfx1200",
        "gfx1201",
    ),
    "6.3": (
        *_GFX_BASE,
        "gfx1030",
        "gfx1100",
        "gfx1101",
        "gfx1102",
        "gfx1200",
        "gfx1201",
    ),
    "6.4": (
        *_GFX_BASE,
        "gfx1030",
        "gfx1100",
        "gfx1101",
        "gfx1102",
        "gfx1200",
        "gfx1201",
    ),
    "7.1": (
        *_GFX_BASE,
        "gfx950",
        "gfx1030",
        "gfx1100",
        "gfx1101",
        "gfx1102",
        "gfx1200",
        "gfx1201",
    ),
    "7.2": (
        *_GFX_BASE,
        "gfx950",
        "gfx1030",
        "gfx1100",
        "gfx1101",
        "gfx1102",
        "gfx1150",
        "gfx1151",
        "gfx1200",
        "gfx1201",
    ),
}


class _Release:
    """One minor release: its patch range, date, variants and sources."""

    def __init__(  # noqa: PLR0913 - one table row, every column named
        self,
        first: str,
        last: str,
        released: date,
        cuda: Mapping[str, tuple[str, ...]],
        *,
        default: str,
        rocm: str | None,
        sources: tuple[Source, ...],
        ptx_from: str = "cu130",
        arm: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.first, self.last, self.released = first, last, released
        self.cuda, self.default, self.rocm = cuda, default, rocm
        self.sources, self.ptx_from, self.arm = sources, ptx_from, arm or {}


def _cuda_version(variant: str) -> tuple[int, int]:
    digits = variant.removeprefix("cu")
    return int(digits[:-1]), int(digits[-1])


def _cuda_build(
    release: _Release, variant: str, archs: tuple[str, ...]
) -> GpuBuild:
    cuda = _cuda_version(variant)
    # PTX of 12.0 ships in the Linux CUDA 13 builds (2.9 on), and in 2.7's
    # CUDA 12.8 build; it lets newer Blackwell parts JIT.
    with_ptx = cuda >= _cuda_version(release.ptx_from)
    sources = release.sources + (
        (NVIDIA_CUDA13_ARCHS,) if cuda[0] >= _CUDA_WITHOUT_PRE_TURING else ()
    )
    return GpuBuild(
        framework="pytorch",
        variant=variant,
        accelerator=Accelerator.CUDA,
        first=release.first,
        last=release.last,
        released=release.released,
        requirement="torch=={version}",
        distribution="torch",
        systems=_LINUX_WINDOWS,
        cuda=cuda,
        capabilities=archs,
        ptx="12.0" if with_ptx else None,
        index_url=_INDEX + variant,
        pypi_default_on=(_LINUX_X86,) if variant == release.default else (),
        sources=sources,
    )


def _arm_build(
    release: _Release, variant: str, archs: tuple[str, ...]
) -> GpuBuild:
    return GpuBuild(
        framework="pytorch",
        variant=variant,
        accelerator=Accelerator.CUDA,
        first=release.first,
        last=release.last,
        released=release.released,
        requirement="torch=={version}",
        distribution="torch",
        systems=(OsFamily.LINUX,),
        machines=("aarch64",),
        cuda=_cuda_version(variant),
        capabilities=archs,
        ptx="12.0" if variant >= "cu130" else None,
        index_url=_INDEX + variant,
        # From 2.11 the aarch64 wheel on PyPI is the default CUDA build too
        # (its Requires-Dist pins cuda-toolkit without an x86_64 marker);
        # before, its CUDA pins were x86_64-only, so it was CPU-only.
        pypi_default_on=("linux/aarch64",)
        if variant == release.default
        else (),
        sources=(TORCH_212_ARCHS, TORCH_PYPI_WHEELS),
    )


def _rocm_build(release: _Release, rocm: str) -> GpuBuild:
    return GpuBuild(
        framework="pytorch",
        variant=f"rocm{rocm}",
        accelerator=Accelerator.ROCM,
        first=release.first,
        last=release.last,
        released=release.released,
        requirement="torch=={version}",
        distribution="torch",
        systems=(OsFamily.LINUX,),
        architectures=_ROCM[rocm],
        index_url=f"{_INDEX}rocm{rocm}",
        sources=(TORCH_RELEASE_MD, UV_AMD_ARCHS),
    )


_RELEASES: Final = (
    _Release(
        "2.4.0",
        "2.4.1",
        date(2024, 9, 4),
        {"cu118": _CU118, "cu121": _CU12_LEGACY, "cu124": _CU12_LEGACY},
        default="cu121",
        rocm="6.1",
        ptx_from="cu999",
        sources=(TORCH_RELEASE_MD, TORCH_ARCH_LIST_27, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.5.0",
        "2.5.1",
        date(2024, 10, 29),
        {"cu118": _CU118, "cu121": _CU12_LEGACY, "cu124": _CU12_LEGACY},
        default="cu124",
        rocm="6.2",
        ptx_from="cu999",
        sources=(TORCH_RELEASE_MD, TORCH_ARCH_LIST_27, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.6.0",
        "2.6.0",
        date(2025, 1, 29),
        {"cu118": _CU118, "cu124": _CU12_LEGACY, "cu126": _CU12_LEGACY},
        default="cu124",
        rocm="6.2.4",
        ptx_from="cu999",
        sources=(TORCH_RELEASE_MD, TORCH_ARCH_LIST_27, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.7.0",
        "2.7.1",
        date(2025, 6, 4),
        {"cu118": _CU118, "cu126": _CU12_LEGACY, "cu128": _TURING_ON},
        default="cu126",
        rocm="6.3",
        ptx_from="cu128",
        sources=(TORCH_RELEASE_MD, TORCH_ARCH_LIST_27, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.8.0",
        "2.8.0",
        date(2025, 8, 6),
        {"cu126": _CU12_LEGACY, "cu128": _CU128_VOLTA, "cu129": _CU128_VOLTA},
        default="cu128",
        rocm="6.4",
        ptx_from="cu999",
        sources=(TORCH_RELEASE_MD, TORCH_28_ARCHS, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.9.0",
        "2.9.1",
        date(2025, 11, 12),
        {"cu126": _CU12_LEGACY, "cu128": _CU128_VOLTA, "cu130": _TURING_ON},
        default="cu128",
        rocm="6.4",
        sources=(TORCH_RELEASE_MD, TORCH_29_ARCHS, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.10.0",
        "2.10.0",
        date(2026, 1, 21),
        {"cu126": _CU12_LEGACY, "cu128": _CU128_VOLTA, "cu130": _TURING_ON},
        default="cu128",
        rocm="7.1",
        sources=(TORCH_RELEASE_MD, TORCH_29_ARCHS, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.11.0",
        "2.11.0",
        date(2026, 3, 23),
        {"cu126": _CU12_LEGACY, "cu128": _TURING_ON, "cu130": _TURING_ON},
        default="cu130",
        rocm="7.2",
        arm={"cu126": _ARM_CU126, "cu128": _ARM_CU128, "cu130": _ARM_CU13},
        sources=(TORCH_RELEASE_MD, TORCH_211_ARCHS, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.12.0",
        "2.12.1",
        date(2026, 6, 17),
        {"cu126": _CU12_LEGACY, "cu130": _TURING_ON, "cu132": _TURING_ON},
        default="cu130",
        rocm="7.2",
        arm={"cu126": _ARM_CU126, "cu130": _ARM_CU13, "cu132": _ARM_CU13},
        sources=(TORCH_RELEASE_MD, TORCH_212_ARCHS, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.13.0",
        "2.13.0",
        date(2026, 7, 8),
        {"cu126": _CU12_LEGACY, "cu130": _TURING_ON, "cu132": _TURING_ON},
        default="cu130",
        rocm="7.2",
        arm={"cu126": _ARM_CU126, "cu130": _ARM_CU13, "cu132": _ARM_CU13},
        sources=(TORCH_RELEASE_MD, TORCH_212_ARCHS, TORCH_PYPI_WHEELS),
    ),
    # RFC #190355 planned CUDA 13.2 for PyPI in 2.14; the 2.14.x wheels on
    # PyPI pin cuda-toolkit 13.0.3, so the table follows the wheels.  ROCm
    # for 2.14 and 2.15 is not recorded (the matrix's "ROCm 7.14" looks
    # like a typo), so no ROCm row is claimed.
    _Release(
        "2.14.0",
        "2.14.1",
        date(2026, 9, 30),
        {"cu126": _CU12_LEGACY, "cu130": _TURING_ON, "cu132": _TURING_ON},
        default="cu130",
        rocm=None,
        arm={"cu126": _ARM_CU126, "cu130": _ARM_CU13, "cu132": _ARM_CU13},
        sources=(TORCH_RELEASE_MD, TORCH_214_MATRIX, TORCH_PYPI_WHEELS),
    ),
    _Release(
        "2.15.0",
        "2.15.0",
        date(2026, 10, 28),
        {"cu130": _TURING_ON, "cu132": _TURING_ON},
        default="cu132",
        rocm=None,
        arm={"cu130": _ARM_CU13, "cu132": _ARM_CU13},
        sources=(TORCH_215_MATRIX, TORCH_212_ARCHS, TORCH_PYPI_WHEELS),
    ),
)


def _metal_build() -> GpuBuild:
    newest = _RELEASES[-1]
    return GpuBuild(
        framework="pytorch",
        variant="mps",
        accelerator=Accelerator.METAL,
        first=_RELEASES[0].first,
        last=newest.last,
        released=newest.released,
        requirement="torch=={version}",
        distribution="torch",
        systems=(OsFamily.MACOS,),
        machines=("arm64",),
        pypi_default_on=("macos/arm64",),
        sources=(TORCH_GET_STARTED,),
    )


def _builds() -> Iterator[GpuBuild]:
    for release in reversed(_RELEASES):
        for variant, archs in release.cuda.items():
            yield _cuda_build(release, variant, archs)
        for variant, archs in release.arm.items():
            yield _arm_build(release, variant, archs)
        if release.rocm is not None:
            yield _rocm_build(release, release.rocm)
    yield _metal_build()


PYTORCH: Final = FrameworkBuilds(
    framework="pytorch",
    display_name="PyTorch",
    builds=tuple(_builds()),
    cpu_requirement="torch=={version}",
    cpu_distribution="torch",
    # Linux's PyPI wheel is a CUDA build with gigabytes of CUDA libraries;
    # the CPU index has the small one.
    cpu_index_url={"linux": _INDEX + "cpu"},
)
