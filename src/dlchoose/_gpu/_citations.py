"""The public sources behind the GPU tables, each defined once.

Dates are publication dates where the page has one, else the day the page
or the package index was read (:data:`READ`).  Facts read from the package
index (which CUDA the default wheel of a release pins) were read from each
wheel's ``METADATA`` (``Requires-Dist``) on that day; a maintainer script,
``scripts/build_gpu_tables.py``, repeats the reading.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from .._sources import Source


#: When the living pages and the package index were read for these tables.
READ: Final = date(2026, 11, 29)

# -- NVIDIA --------------------------------------------------------------------

NVIDIA_MINOR_COMPAT: Final = Source(
    title="NVIDIA, CUDA Compatibility: Minor Version Compatibility (minimum driver per CUDA major: 13.x >= 580, 12.x >= 525, 11.x >= 450)",
    url="https://docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html",
    date=READ,
)
NVIDIA_RELEASE_NOTES: Final = Source(
    title="NVIDIA, CUDA Toolkit Release Notes, 'CUDA Toolkit and Minimum Required Driver Version for CUDA Minor Version Compatibility' (Linux 525.60.13 / Windows 528.33 for 12.x; 450.80.02 / 452.39 for 11.1-11.8)",
    url="https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html",
    date=READ,
)
NVIDIA_RELEASE_NOTES_10_2: Final = Source(
    title="NVIDIA, CUDA Toolkit 10.2 Release Notes, Table 1: CUDA Toolkit and compatible driver versions (8.0-10.2)",
    url="https://docs.nvidia.com/cuda/archive/10.2/cuda-toolkit-release-notes/index.html",
    date=date(2019, 11, 1),
)
NVIDIA_CUDA13_ARCHS: Final = Source(
    title="NVIDIA, CUDA Toolkit 13.0 Release Notes: offline compilation and library support for Maxwell, Pascal and Volta (below sm_75) removed",
    url="https://docs.nvidia.com/cuda/archive/13.0.0/cuda-toolkit-release-notes/index.html",
    date=date(2025, 8, 1),
)
NVIDIA_NVCC_ARCHS: Final = Source(
    title="NVIDIA, CUDA Toolkit release notes and nvcc GPU feature lists per release: sm_80 new in 11.0, sm_86 in 11.1, sm_89 and sm_90 in 11.8, sm_100/sm_120 in 12.8, sm_103/sm_121 in 12.9",
    url="https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html#gpu-feature-list",
    date=READ,
)
UV_TORCH_BACKEND: Final = Source(
    title="astral-sh/uv crates/uv-torch/src/backend.rs: --torch-backend=auto picks the first PyTorch index (newest CUDA first) whose minimum driver the detected driver meets; Linux and Windows tables; GPU architectures in each ROCm build, from torch.cuda.get_arch_list()",
    url="https://github.com/astral-sh/uv/blob/main/crates/uv-torch/src/backend.rs",
    date=READ,
)

# -- PyTorch -------------------------------------------------------------------

TORCH_RELEASE_MD: Final = Source(
    title="PyTorch RELEASE.md: Release Compatibility Matrix (CUDA and ROCm per release) and PyTorch CUDA Support Matrix",
    url="https://github.com/pytorch/pytorch/blob/main/RELEASE.md#release-compatibility-matrix",
    date=date(2026, 9, 18),
)
TORCH_ARCH_LIST_27: Final = Source(
    title="PyTorch .ci/manywheel/build_cuda.sh at v2.7.0: TORCH_CUDA_ARCH_LIST per CUDA version (11.8: 3.7-9.0; 12.x: 5.0-9.0; 12.8: 7.5-12.0)",
    url="https://github.com/pytorch/pytorch/blob/v2.7.0/.ci/manywheel/build_cuda.sh",
    date=date(2025, 4, 23),
)
TORCH_28_ARCHS: Final = Source(
    title="PyTorch dev-discuss: CUDA toolkit version and architecture support update - Maxwell and Pascal removed from CUDA 12.8 and 12.9 builds, Volta kept (release 2.8)",
    url="https://dev-discuss.pytorch.org/t/cuda-toolkit-version-and-architecture-support-update-maxwell-and-pascal-architecture-support-removed-in-cuda-12-8-and-12-9-builds/3128",
    date=date(2025, 7, 14),
)
TORCH_29_ARCHS: Final = Source(
    title="pytorch/pytorch PR #164471: CUDA support matrix for release 2.9 (12.6: 5.0-9.0; 12.8: 7.0-12.0; 13.0: 7.5-12.0+PTX)",
    url="https://github.com/pytorch/pytorch/pull/164471",
    date=date(2025, 10, 2),
)
TORCH_211_ARCHS: Final = Source(
    title="pytorch/pytorch RFC #172352 and PR #175253: Volta dropped from CUDA 12.8 builds in 2.11; CUDA 13.0 published to PyPI",
    url="https://github.com/pytorch/pytorch/pull/175253",
    date=date(2026, 2, 18),
)
TORCH_212_ARCHS: Final = Source(
    title="pytorch/pytorch RFC #178665 and PR #182849: release 2.12 removes CUDA 12.8, adds CUDA 13.2 (7.5-12.0+PTX); 12.6 kept as legacy",
    url="https://github.com/pytorch/pytorch/pull/182849",
    date=date(2026, 5, 7),
)
TORCH_214_MATRIX: Final = Source(
    title="pytorch/pytorch RFC #190355: CUDA support matrix for release 2.14 (12.6 legacy, 13.0 and 13.2 stable)",
    url="https://github.com/pytorch/pytorch/issues/190355",
    date=date(2026, 7, 17),
)
TORCH_215_MATRIX: Final = Source(
    title="pytorch/pytorch RFC #190385: release 2.15 removes the CUDA 12.6 builds, the last with Maxwell, Pascal and Volta",
    url="https://github.com/pytorch/pytorch/issues/190385",
    date=date(2026, 7, 17),
)
TORCH_PYPI_WHEELS: Final = Source(
    title="torch on PyPI: Requires-Dist of each release's manylinux x86_64 wheel (nvidia-*-cu12 / cuda-toolkit pins name the CUDA the plain 'pip install torch' gets)",
    url="https://pypi.org/project/torch/#files",
    date=READ,
)
#: The same page states the GPU architectures in each ROCm build.
UV_AMD_ARCHS: Final = UV_TORCH_BACKEND
TORCH_GET_STARTED: Final = Source(
    title="PyTorch Get Started: pip install torch on macOS uses the MPS backend on Apple silicon; CUDA builds are Linux and Windows only",
    url="https://pytorch.org/get-started/locally/",
    date=READ,
)

# -- JAX -----------------------------------------------------------------------

JAX_INSTALL: Final = Source(
    title="JAX installation guide: jax[cuda12] / jax[cuda13] on Linux x86_64 and aarch64 only (WSL2 experimental, no native Windows); driver >= 525 for CUDA 12, >= 580 for CUDA 13; SM 5.2 or newer",
    url="https://docs.jax.dev/en/latest/installation.html",
    date=READ,
)
JAX_CUDA13_PLUGIN: Final = Source(
    title="jax-cuda13-plugin on PyPI: first release 0.7.2; manylinux x86_64 and aarch64 wheels only",
    url="https://pypi.org/project/jax-cuda13-plugin/#history",
    date=READ,
)

# -- TensorFlow ----------------------------------------------------------------

TF_INSTALL: Final = Source(
    title="TensorFlow, Install TensorFlow with pip: GPU through tensorflow[and-cuda] on Linux; native Windows GPU ended with 2.10, WSL2 since",
    url="https://www.tensorflow.org/install/pip",
    date=READ,
)
TF_TESTED_BUILDS: Final = Source(
    title="TensorFlow, tested build configurations (CUDA and cuDNN per release) and the and-cuda extra's nvidia-*-cu12 pins on PyPI",
    url="https://www.tensorflow.org/install/source#gpu",
    date=READ,
)

TF_BAZELRC_CUDA12: Final = Source(
    title="tensorflow/tensorflow .bazelrc, cuda12_version / cuda_clang configs: sm_60, sm_70, sm_80, sm_89 and PTX compute_90, the list the 2.17-2.21 wheels' build_info.py reports",
    url="https://github.com/tensorflow/tensorflow/blob/4efe77a0562d30d57b733ebb4adfa4ea1f930ecb/.bazelrc#L284-L289",
    date=READ,
)

TF_BUILD_INFO: Final = Source(
    title="tensorflow wheels on PyPI, tensorflow/python/platform/build_info.py cuda_compute_capabilities (Linux x86_64): 2.15 sm_50,sm_60,sm_70,sm_75,compute_80; 2.16 sm_50,sm_60,sm_70,sm_80,compute_90; 2.17-2.21 sm_60,sm_70,sm_80,sm_89,compute_90",
    url="https://pypi.org/project/tensorflow/#files",
    date=READ,
)

# -- Others --------------------------------------------------------------------

PADDLE_INSTALL: Final = Source(
    title="PaddlePaddle quick install (pip): GPU wheels per CUDA on Paddle's own index (packages/stable/cu118, cu126, cu129); PyPI's paddlepaddle-gpu stops at 2.6.2 (CUDA 12.0)",
    url="https://www.paddlepaddle.org.cn/en/install/quick",
    date=READ,
)
ORT_CUDA_EP: Final = Source(
    title="ONNX Runtime, CUDA Execution Provider requirements: onnxruntime-gpu on PyPI built for CUDA 12 (1.19-1.26) and, per the wheels' [cuda] extra, CUDA 13 from 1.27",
    url="https://onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider.html#requirements",
    date=READ,
)
ORT_INSTALL: Final = Source(
    title="ONNX Runtime, Install: from 1.21 onnxruntime-gpu's [cuda,cudnn] extras bring the CUDA and cuDNN libraries from PyPI (pip install onnxruntime-gpu[cuda,cudnn])",
    url="https://onnxruntime.ai/docs/install/#python-installs",
    date=READ,
)
