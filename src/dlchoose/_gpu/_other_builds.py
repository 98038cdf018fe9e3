"""GPU builds of JAX, TensorFlow, PaddlePaddle, ONNX Runtime, MXNet and CNTK.

Where a project does not publish the compute capabilities of its wheels,
the row gives the floor of the CUDA it targets instead (CUDA 12 dropped
Kepler, so 5.0; CUDA 13 dropped everything before Turing, so 7.5; CUDA 11
and 10 start at 3.5 and 3.0) and says so in its note; such a row is also
capped at the newest architecture its CUDA can target (see
:data:`._cuda.NEWEST_ARCHITECTURE`).  TensorFlow's wheels do list theirs
(``build_info.py``), so its rows carry the lists.
"""

from __future__ import annotations

from datetime import date
from typing import Final

# MXNet's and CNTK's pages are the registry's sources too: one definition
# each, in the one bibliography.
from .._sources import CNTK_SETUP
from .._sources import MX_ATTIC as MXNET_ATTIC
from ._citations import (
    JAX_CUDA13_PLUGIN,
    JAX_INSTALL,
    NVIDIA_CUDA13_ARCHS,
    NVIDIA_RELEASE_NOTES,
    ORT_CUDA_EP,
    ORT_INSTALL,
    PADDLE_INSTALL,
    TF_BAZELRC_CUDA12,
    TF_BUILD_INFO,
    TF_INSTALL,
    TF_TESTED_BUILDS,
)
from ._model import FrameworkBuilds, GpuBuild
from ._values import Accelerator, OsFamily


__all__ = ["OTHERS"]

_LINUX: Final = (OsFamily.LINUX,)
_LINUX_WINDOWS: Final = (OsFamily.LINUX, OsFamily.WINDOWS)
_NOT_RECORDED: Final = (
    "the build's own list of compute capabilities is not recorded;"
    " the floor is that of its CUDA"
)

_JAX_LAST: Final = "0.12.0.1"
_JAX_DATE: Final = date(2026, 10, 21)

JAX: Final = FrameworkBuilds(
    framework="jax",
    display_name="JAX",
    builds=(
        GpuBuild(
            framework="jax", variant="cuda13", accelerator=Accelerator.CUDA,
            first="0.7.2", last=_JAX_LAST, released=_JAX_DATE,
            requirement="jax[cuda13]=={version}",
            distribution="jax-cuda13-plugin",
            systems=_LINUX, machines=("x86_64", "aarch64"),
            cuda=(13,), min_capability="7.5",
            sources=(JAX_INSTALL, JAX_CUDA13_PLUGIN, NVIDIA_CUDA13_ARCHS),
        ),
        GpuBuild(
            framework="jax", variant="cuda12", accelerator=Accelerator.CUDA,
            first="0.4.26", last=_JAX_LAST, released=_JAX_DATE,
            requirement="jax[cuda12]=={version}",
            distribution="jax-cuda12-plugin",
            systems=_LINUX, machines=("x86_64", "aarch64"),
            cuda=(12,), min_capability="5.2",
            sources=(JAX_INSTALL,),
        ),
    ),
    cpu_requirement="jax=={version}",
    # jax is pure Python; jaxlib (which jax==V pins to V) has the native
    # wheels, so its wheels decide which release installs on the target.
    cpu_distribution="jaxlib",
)  # fmt: skip


def _tensorflow(
    first: str,
    last: str,
    released: date,
    cuda: tuple[int, int],
    archs: tuple[tuple[str, ...], str],
) -> GpuBuild:
    """One TensorFlow row; *archs* is ``(machine code, PTX)`` as the
    wheels' ``tensorflow/python/platform/build_info.py`` lists them."""
    capabilities, ptx = archs
    return GpuBuild(
        framework="tensorflow",
        variant="and-cuda",
        accelerator=Accelerator.CUDA,
        first=first,
        last=last,
        released=released,
        requirement="tensorflow[and-cuda]=={version}",
        distribution="tensorflow",
        systems=_LINUX,
        cuda=cuda,
        capabilities=capabilities,
        ptx=ptx,
        sources=(
            TF_INSTALL,
            TF_TESTED_BUILDS,
            TF_BUILD_INFO,
            *((TF_BAZELRC_CUDA12,) if archs == _TF_217 else ()),
        ),
    )


#: sm_60, sm_70, sm_80, sm_89 + compute_90 from 2.17 (TF's .bazelrc
#: cuda12 settings; Maxwell dropped); sm_50 … sm_80 + compute_90 in 2.16;
#: sm_50 … sm_75 + compute_80 in 2.15.
_TF_217: Final = (("6.0", "7.0", "8.0", "8.9"), "9.0")
_TF_216: Final = (("5.0", "6.0", "7.0", "8.0"), "9.0")
_TF_215: Final = (("5.0", "6.0", "7.0", "7.5"), "8.0")


TENSORFLOW: Final = FrameworkBuilds(
    framework="tensorflow",
    display_name="TensorFlow",
    builds=(
        _tensorflow(
            "2.18.0",
            "2.21.0",
            date(2026, 3, 6),
            (12, 5),
            _TF_217,
        ),
        _tensorflow("2.17.0", "2.17.1", date(2024, 10, 24), (12, 3), _TF_217),
        _tensorflow("2.16.1", "2.16.2", date(2024, 6, 28), (12, 3), _TF_216),
        _tensorflow("2.15.0", "2.15.1", date(2024, 3, 8), (12, 2), _TF_215),
    ),
    cpu_requirement="tensorflow=={version}",
    cpu_distribution="tensorflow",
    plain_gpu_note=(
        "brings no CUDA libraries, so TensorFlow sees no GPU unless CUDA"
        " and cuDNN are installed system-wide"
    ),
)

_PADDLE_INDEX: Final = "https://www.paddlepaddle.org.cn/packages/stable/"

PADDLEPADDLE: Final = FrameworkBuilds(
    framework="paddle",
    display_name="PaddlePaddle",
    builds=(
        GpuBuild(
            framework="paddle", variant="cu126",
            accelerator=Accelerator.CUDA,
            first="3.0.0", last="3.3.1", released=date(2026, 3, 26),
            requirement="paddlepaddle-gpu=={version}",
            distribution="paddlepaddle",
            systems=_LINUX_WINDOWS, cuda=(12, 6), min_capability="5.0",
            index_url=_PADDLE_INDEX + "cu126/", note=_NOT_RECORDED,
            sources=(PADDLE_INSTALL,),
        ),
        GpuBuild(
            framework="paddle", variant="cu118",
            accelerator=Accelerator.CUDA,
            first="3.0.0", last="3.3.1", released=date(2026, 3, 26),
            requirement="paddlepaddle-gpu=={version}",
            distribution="paddlepaddle",
            systems=_LINUX_WINDOWS, cuda=(11, 8), min_capability="3.5",
            index_url=_PADDLE_INDEX + "cu118/", note=_NOT_RECORDED,
            sources=(PADDLE_INSTALL,),
        ),
        GpuBuild(
            framework="paddle", variant="pypi-cu120",
            accelerator=Accelerator.CUDA,
            first="2.6.0", last="2.6.2", released=date(2024, 9, 13),
            requirement="paddlepaddle-gpu=={version}",
            distribution="paddlepaddle-gpu",
            systems=_LINUX_WINDOWS, cuda=(12, 0), min_capability="5.0",
            note=_NOT_RECORDED, sources=(PADDLE_INSTALL,),
        ),
    ),
    cpu_requirement="paddlepaddle=={version}",
    cpu_distribution="paddlepaddle",
)  # fmt: skip

_ORT_CUDA_NOTE: Final = (
    "the [cuda,cudnn] extras bring the CUDA and cuDNN libraries from PyPI"
    " (1.21 on); " + _NOT_RECORDED
)
_ORT_OLD_NOTE: Final = (
    "needs CUDA 12 and cuDNN 9 installed system-wide (the [cuda,cudnn]"
    " extras start at 1.21); " + _NOT_RECORDED
)
#: From 1.21 the wheel's extras pull CUDA and cuDNN from PyPI.
_ORT_WITH_LIBRARIES: Final = "onnxruntime-gpu[cuda,cudnn]=={version}"

ONNXRUNTIME: Final = FrameworkBuilds(
    framework="onnxruntime",
    display_name="ONNX Runtime",
    builds=(
        GpuBuild(
            framework="onnxruntime", variant="cuda13",
            accelerator=Accelerator.CUDA,
            first="1.27.0", last="1.31.1", released=date(2026, 10, 26),
            requirement=_ORT_WITH_LIBRARIES,
            distribution="onnxruntime-gpu",
            systems=_LINUX_WINDOWS, cuda=(13,), min_capability="7.5",
            note=_ORT_CUDA_NOTE,
            sources=(ORT_CUDA_EP, ORT_INSTALL, NVIDIA_CUDA13_ARCHS),
        ),
        GpuBuild(
            framework="onnxruntime", variant="cuda12",
            accelerator=Accelerator.CUDA,
            first="1.21.0", last="1.26.0", released=date(2026, 5, 8),
            requirement=_ORT_WITH_LIBRARIES,
            distribution="onnxruntime-gpu",
            systems=_LINUX_WINDOWS, cuda=(12,), min_capability="5.0",
            note=_ORT_CUDA_NOTE, sources=(ORT_CUDA_EP, ORT_INSTALL),
        ),
        GpuBuild(
            framework="onnxruntime", variant="cuda12",
            accelerator=Accelerator.CUDA,
            first="1.19.0", last="1.20.2", released=date(2025, 3, 7),
            requirement="onnxruntime-gpu=={version}",
            distribution="onnxruntime-gpu",
            systems=_LINUX_WINDOWS, cuda=(12,), min_capability="5.0",
            note=_ORT_OLD_NOTE, sources=(ORT_CUDA_EP,),
        ),
    ),
    cpu_requirement="onnxruntime=={version}",
    cpu_distribution="onnxruntime",
)  # fmt: skip


def _mxnet(variant: str, cuda: tuple[int, int], first: str) -> GpuBuild:
    return GpuBuild(
        framework="mxnet",
        variant=variant,
        accelerator=Accelerator.CUDA,
        first=first,
        last="1.9.1",
        released=date(2022, 5, 17),
        requirement=f"mxnet-{variant}=={{version}}",
        distribution=f"mxnet-{variant}",
        systems=_LINUX,
        cuda=cuda,
        min_capability="3.5" if cuda >= (11, 0) else "3.0",
        note=_NOT_RECORDED,
        sources=(MXNET_ATTIC, NVIDIA_RELEASE_NOTES),
    )


MXNET: Final = FrameworkBuilds(
    framework="mxnet",
    display_name="Apache MXNet",
    builds=(
        _mxnet("cu112", (11, 2), "1.8.0.post0"),
        _mxnet("cu110", (11, 0), "1.8.0"),
        _mxnet("cu102", (10, 2), "1.6.0.post0"),
        _mxnet("cu101", (10, 1), "1.4.1"),
    ),
    cpu_requirement="mxnet=={version}",
    cpu_distribution="mxnet",
    retired="retired to the Apache Attic in 2023; last release 1.9.1 (2022)",
)

CNTK: Final = FrameworkBuilds(
    framework="cntk",
    display_name="Microsoft Cognitive Toolkit",
    builds=(
        GpuBuild(
            framework="cntk", variant="cuda10", accelerator=Accelerator.CUDA,
            first="2.5", last="2.7.post2", released=date(2020, 12, 9),
            requirement="cntk-gpu=={version}", distribution="cntk-gpu",
            systems=_LINUX_WINDOWS, cuda=(10, 0), min_capability="3.0",
            note="wheels for Python 3.5 and 3.6 only; " + _NOT_RECORDED,
            sources=(CNTK_SETUP,),
        ),
    ),
    cpu_requirement="cntk=={version}",
    cpu_distribution="cntk",
    retired="no release since 2.7 (2019); Microsoft points to ONNX Runtime",
)  # fmt: skip

OTHERS: Final = (JAX, TENSORFLOW, PADDLEPADDLE, ONNXRUNTIME, MXNET, CNTK)
