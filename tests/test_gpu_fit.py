"""Choosing the build a machine's GPU can use: drivers, compute capabilities, uv.

The package-index answer is replaced by a fixed join (``answers``), so these
cases pin the GPU rule itself; ``TestIndexJoin`` covers the real join.

uv's ``--torch-backend=auto``, the reference for the plain cases, as its
source states it (astral-sh/uv ``crates/uv-torch/src/backend.rs``, read
2026-11-29): from the detected driver version, uv lists every PyTorch CUDA
index whose minimum driver the driver meets, newest CUDA first (``cu132``
and ``cu130`` need 580; ``cu129`` … ``cu120`` need 525.60.13 on Linux and
528.33 on Windows; ``cu118`` … ``cu111`` need 450.80.02 / 452.39), then the
CPU index, and takes ``torch`` from the first index that has it.  It never
looks at the compute capability (astral-sh/uv #14742).
"""

from __future__ import annotations

import pytest

import dlchoose

from dlchoose._gpu._api import TABLES, fit_frameworks
from dlchoose._gpu._join import IndexAnswer, JoinResult, index_versions
from dlchoose._gpu._machine import GpuReport, planned_machine
from dlchoose._gpu._target import target_platform
from dlchoose._gpu._values import parse_driver
from dlchoose.exceptions import (
    ConflictingGpuFactsError,
    InvalidComputeCapabilityError,
    UnknownFrameworkError,
    UnknownGpuVendorError,
    UnknownTargetError,
)


LINUX = "manylinux_2_28_x86_64"


def fit(
    name: str = "pytorch",
    *,
    driver: str | None = None,
    cc: str | None = None,
    vendor: str | None = None,
    tag: str = LINUX,
    answers: dict[str, IndexAnswer] | None = None,
    machine: GpuReport | None = None,
):
    platform = target_platform(tag)
    if machine is None:
        machine = planned_machine(
            family=platform.os,
            driver=driver,
            compute_capability=cc,
            gpu_vendor=vendor,
        )

    def join(distributions, python, platform_tag):
        return JoinResult(answers=answers or {})

    (answer,) = fit_frameworks(
        [name], machine=machine, platform=platform, join=join
    )
    return answer


# -- uv's rule, written down from its source ----------------------------------

_UV_LINUX = [
    ("cu132", "580"), ("cu130", "580"), ("cu129", "525.60.13"),
    ("cu128", "525.60.13"), ("cu126", "525.60.13"), ("cu124", "525.60.13"),
    ("cu121", "525.60.13"), ("cu118", "450.80.02"),
]  # fmt: skip
_UV_WINDOWS = [
    (variant, "528.33" if minimum == "525.60.13" else "452.39" if minimum == "450.80.02" else minimum)
    for variant, minimum in _UV_LINUX
]  # fmt: skip


# The newest torch each download.pytorch.org/whl/<variant> index carries
# (x86_64), per PyTorch's RELEASE.md compatibility matrix and the support
# RFCs (#190355, #190385), read 2026-11-29.  Written out here, not read
# from dlchoose's tables, so that an error in the tables shows up as a
# disagreement with uv.
_PYTORCH_INDEX_NEWEST = {
    "cu132": "2.15.0", "cu130": "2.15.0", "cu129": "2.8.0",
    "cu128": "2.11.0", "cu126": "2.14.1", "cu124": "2.6.0",
    "cu121": "2.5.1", "cu118": "2.7.1",
}  # fmt: skip


def uv_auto(driver: str, *, windows: bool = False) -> tuple[str, str]:
    """``(index, torch version)`` uv's --torch-backend=auto installs."""
    for variant, minimum in _UV_WINDOWS if windows else _UV_LINUX:
        if parse_driver(driver) >= parse_driver(minimum):
            return variant, _PYTORCH_INDEX_NEWEST[variant]
    return "cpu", "any"


class TestAgreesWithUv:
    @pytest.mark.parametrize(
        ("driver", "cc", "tag"),
        [
            ("580.65.06", "8.6", LINUX),
            ("590.44.01", "9.0", LINUX),
            ("580.95.05", "12.0", LINUX),
            ("581.15", "8.9", "win_amd64"),
        ],
    )
    def test_plain_cases(self, driver, cc, tag):
        """A new driver and a Turing-or-newer GPU: the same index and torch as uv."""
        answer = fit(driver=driver, cc=cc, tag=tag)
        expected = uv_auto(driver, windows=tag.startswith("win"))
        assert expected == (answer.build.variant, answer.version)

    def test_no_gpu(self):
        """No GPU: uv and dlchoose both take the CPU build."""
        answer = fit(vendor="none")
        assert ("cpu", "no_gpu") == (answer.status, answer.reason)
        assert answer.install_command.endswith(
            "--index-url https://download.pytorch.org/whl/cpu"
        )

    def test_gpu_too_old_for_the_newest_builds(self):
        """uv gives Pascal a CUDA 13 build it cannot run; dlchoose the newest that can."""
        assert ("cu132", "2.15.0") == uv_auto("580.65.06")
        answer = fit(driver="580.65.06", cc="6.1")
        assert ("2.14.1", "cu126") == (answer.version, answer.build.variant)
        assert "no code for compute capability 6.1" in answer.reasons[1]

    def test_driver_too_old_for_the_default_build(self):
        """A CUDA 12 driver: uv stops at the cu129 index's 2.8.0; dlchoose finds 2.14.1."""
        assert ("cu129", "2.8.0") == uv_auto("550.54.14")
        answer = fit(driver="550.54.14", cc="8.6")
        assert ("2.14.1", "cu126") == (answer.version, answer.build.variant)
        assert (
            "it needs driver >= 580 (this machine has 550.54.14)"
            in answer.reasons[1]
        )
        assert (
            "driver >= 580 would allow 2.15.0 (cu132)",
        ) == answer.alternatives


class TestPytorchBoundaries:
    @pytest.mark.parametrize(
        ("driver", "cc", "version", "variant"),
        [
            # The CUDA 13 boundary: 580.
            ("580", "7.5", "2.15.0", "cu132"),
            ("579.99.99", "7.5", "2.14.1", "cu126"),
            # The CUDA 12 boundary: 525.60.13 on Linux.
            ("525.60.13", "8.0", "2.14.1", "cu126"),
            ("525.60.12", "8.0", "2.7.1", "cu118"),
            # The CUDA 11 boundary: 450.80.02.
            ("450.80.02", "8.0", "2.7.1", "cu118"),
            # Architecture removals.
            ("580.65.06", "7.0", "2.14.1", "cu126"),  # Volta: no CUDA 13
            ("580.65.06", "5.0", "2.14.1", "cu126"),  # Maxwell: 12.6 only
            ("580.65.06", "3.7", "2.7.1", "cu118"),  # Kepler K80: 11.8 only
            (
                "575.57.08",
                "12.0",
                "2.11.0",
                "cu128",
            ),  # Blackwell, CUDA 12 driver
            ("575.57.08", "7.0", "2.14.1", "cu126"),
            # Same-major binary compatibility: 8.9 runs 8.6 code, 12.1 runs 12.0.
            ("580.65.06", "8.9", "2.15.0", "cu132"),
            ("580.65.06", "12.1", "2.15.0", "cu132"),
        ],
    )
    def test_cases(self, driver, cc, version, variant):
        """Newest release whose build the driver runs and that has this GPU's code."""
        answer = fit(driver=driver, cc=cc)
        assert ("gpu", version, variant) == (
            answer.status,
            answer.version,
            answer.build.variant,
        )

    def test_volta_kept_in_cuda_12_8_until_2_10(self):
        """2.10's CUDA 12.8 build has Volta; 2.11's does not (PyTorch RFC #172352)."""
        answer = fit(
            driver="575.57.08",
            cc="7.0",
            answers={"torch": IndexAnswer(version="2.10.0")},
        )
        assert ("2.10.0", "cu128") == (answer.version, answer.build.variant)

    def test_pascal_removed_from_cuda_12_8_in_2_8(self):
        """From 2.8 a Pascal GPU gets CUDA 12.6, not the CUDA 12.8 default."""
        answer = fit(
            driver="575.57.08",
            cc="6.1",
            answers={"torch": IndexAnswer(version="2.8.0")},
        )
        assert ("2.8.0", "cu126") == (answer.version, answer.build.variant)
        assert "gives 2.8.0, CUDA 12.8 build (cu128)" in answer.warning

    def test_kepler_k40_has_no_build(self):
        """Compute capability 3.5 is in no tracked build: CPU, and why."""
        answer = fit(driver="550.54.14", cc="3.5")
        assert ("cpu", "architecture_not_included") == (
            answer.status,
            answer.reason,
        )
        assert answer.alternatives[-1].startswith(
            "CPU build: pip install torch=="
        )

    def test_driver_too_old_for_everything(self):
        """A driver older than CUDA 11's minimum: CPU, and the driver that would do."""
        answer = fit(driver="440.33", cc="8.6")
        assert ("cpu", "driver_too_old") == (answer.status, answer.reason)
        assert (
            "driver >= 580 would allow 2.15.0 (cu132)"
            == answer.alternatives[0]
        )

    def test_windows_driver_table(self):
        """Windows' CUDA 12 minimum is 528.33, not Linux's 525.60.13."""
        assert (
            "cu126"
            == fit(driver="528.33", cc="8.6", tag="win_amd64").build.variant
        )
        assert (
            "cu118"
            == fit(driver="528.32", cc="8.6", tag="win_amd64").build.variant
        )

    def test_wsl_reads_the_windows_driver(self):
        """Under WSL2 a Linux build is chosen with Windows' driver table."""
        machine = GpuReport(
            vendor="nvidia",
            os="linux",
            wsl=True,
            driver_version="528.32",
            devices=(
                dlchoose.GpuDevice(
                    index=0,
                    name="RTX",
                    vendor="nvidia",
                    compute_capability="8.6",
                ),
            ),
        )
        answer = fit(machine=machine)
        assert "cu118" == answer.build.variant

    def test_mixed_gpus_need_a_build_for_each(self):
        """H100 and V100 together: only a build with 7.0 and 9.0 fits."""
        machine = GpuReport(
            vendor="nvidia",
            os="linux",
            driver_version="580.65.06",
            devices=(
                dlchoose.GpuDevice(
                    index=0,
                    name="H100",
                    vendor="nvidia",
                    compute_capability="9.0",
                ),
                dlchoose.GpuDevice(
                    index=1,
                    name="V100",
                    vendor="nvidia",
                    compute_capability="7.0",
                ),
            ),
        )
        answer = fit(machine=machine)
        assert ("2.14.1", "cu126") == (answer.version, answer.build.variant)

    def test_hidden_gpus(self):
        """GPUs hidden by CUDA_VISIBLE_DEVICES: the CPU build, and why."""
        machine = GpuReport(
            vendor="none",
            os="linux",
            hidden=1,
            visibility="CUDA_VISIBLE_DEVICES=-1",
        )
        answer = fit(machine=machine)
        assert (
            "no GPU is visible (CUDA_VISIBLE_DEVICES=-1)",
        ) == answer.reasons
        assert answer.line().startswith(
            "PyTorch: CPU build (no GPU): pip install torch=="
        )

    def test_unknown_driver_is_assumed_with_a_note(self):
        """Without a driver version the newest build is chosen, and the need said."""
        answer = fit(cc="8.6")
        assert "2.15.0" == answer.version
        assert (
            "driver version unknown; this build needs >= 580" in answer.reasons
        )

    def test_unknown_capability_is_assumed_with_a_note(self):
        """Without a compute capability the newest build is chosen, noted."""
        answer = fit(driver="580.65.06")
        assert "2.15.0" == answer.version
        assert any("compute capability unknown" in r for r in answer.reasons)

    def test_linux_aarch64(self):
        """Grace Hopper (aarch64, 9.0) gets the aarch64 CUDA 13.2 build."""
        answer = fit(
            driver="580.65.06", cc="9.0", tag="manylinux_2_28_aarch64"
        )
        assert ("2.15.0", "cu132", ("aarch64",)) == (
            answer.version,
            answer.build.variant,
            answer.build.machines,
        )
        assert answer.warning is None  # PyPI's aarch64 wheel is cu132 too

    def test_linux_aarch64_before_2_11(self):
        """Up to 2.10 the tables hold no aarch64 CUDA build: the CPU answer."""
        answer = fit(
            driver="580.65.06",
            cc="9.0",
            tag="manylinux_2_28_aarch64",
            answers={"torch": IndexAnswer(version="2.10.0")},
        )
        assert "cpu" == answer.status  # no aarch64 CUDA rows before 2.11
        assert answer.warning is None

    def test_command_and_warning(self):
        """The exact command, and a warning because plain pip needs driver 580."""
        answer = fit(driver="550.54.14", cc="8.6")
        assert (
            "pip install torch==2.14.1 --index-url https://download.pytorch.org/whl/cu126"
            == answer.install_command
        )
        assert answer.warning.startswith(
            "plain `pip install torch` gives 2.15.0, CUDA 13.2 build (cu132),"
            " which cannot use this GPU: it needs driver >= 580"
        )

    def test_no_warning_when_plain_install_fits(self):
        """When plain `pip install torch` uses this GPU, no warning and no index URL."""
        answer = fit(driver="580.65.06", cc="8.6")
        assert (
            "pip install torch==2.15.0 --index-url https://download.pytorch.org/whl/cu132"
            == answer.install_command
        )
        assert answer.warning is None

    def test_windows_plain_install_is_cpu(self):
        """On Windows, plain `pip install torch` is CPU-only: a warning says so."""
        answer = fit(driver="581.15", cc="8.6", tag="win_amd64")
        assert "is a CPU-only build here" in answer.warning


class TestOtherVendors:
    @pytest.mark.parametrize(
        ("arch", "expected"),
        [
            ("gfx1100", "rocm7.2"),
            ("gfx1151", "rocm7.2"),
            ("gfx942", "rocm7.2"),
        ],
    )
    def test_rocm(self, arch, expected):
        """An AMD GPU gets the newest ROCm build that lists its architecture."""
        answer = fit(cc=arch)
        assert ("2.13.0", expected) == (answer.version, answer.build.variant)
        assert answer.install_command.endswith(
            "https://download.pytorch.org/whl/rocm7.2"
        )

    def test_rocm_plain_install_is_a_cuda_build(self):
        """On Linux, plain `pip install torch` is CUDA: no use to an AMD GPU."""
        answer = fit(cc="gfx1100")
        assert answer.warning.endswith("which cannot use this AMD GPU")

    def test_rocm_older_architecture(self):
        """gfx1151 is only in ROCm 7.2, so a 2.10 cap finds nothing newer."""
        answer = fit(
            cc="gfx1151", answers={"torch": IndexAnswer(version="2.10.0")}
        )
        assert ("cpu", "architecture_not_included") == (
            answer.status,
            answer.reason,
        )

    def test_rocm_unknown_architecture(self):
        """An AMD GPU of unknown architecture gets the newest ROCm build, noted."""
        answer = fit(vendor="amd")
        assert "rocm7.2" == answer.build.variant
        assert any("architecture unknown" in r for r in answer.reasons)

    def test_rocm_on_windows(self):
        """No ROCm build of PyTorch for Windows: the CPU build, and why."""
        answer = fit(cc="gfx1100", tag="win_amd64")
        assert ("cpu", "no_build_for_platform") == (
            answer.status,
            answer.reason,
        )
        assert answer.warning is None

    def test_apple_silicon(self):
        """Apple silicon: plain `pip install torch` uses MPS."""
        answer = fit(vendor="apple", tag="macosx_14_0_arm64")
        assert ("gpu", "mps", "pip install torch==2.15.0") == (
            answer.status,
            answer.build.variant,
            answer.install_command,
        )
        assert answer.warning is None

    def test_intel_mac(self):
        """An Intel Mac has the CPU build, without the Linux CPU index."""
        answer = fit(vendor="none", tag="macosx_11_0_x86_64")
        assert "pip install torch==2.15.0" == answer.install_command


class TestOtherFrameworks:
    @pytest.mark.parametrize(
        ("name", "driver", "cc", "variant", "command"),
        [
            ("jax", "580.65.06", "8.6", "cuda13", 'pip install "jax[cuda13]==0.12.0.1"'),
            ("jax", "550.54.14", "8.6", "cuda12", 'pip install "jax[cuda12]==0.12.0.1"'),
            ("jax", "580.65.06", "6.1", "cuda12", 'pip install "jax[cuda12]==0.12.0.1"'),
            ("tensorflow", "550.54.14", "8.6", "and-cuda", 'pip install "tensorflow[and-cuda]==2.21.0"'),
            ("onnxruntime", "580.65.06", "8.6", "cuda13", 'pip install "onnxruntime-gpu[cuda,cudnn]==1.31.1"'),
            ("onnxruntime", "550.54.14", "8.6", "cuda12", 'pip install "onnxruntime-gpu[cuda,cudnn]==1.26.0"'),
            ("tensorflow", "550.54.14", "5.2", "and-cuda", 'pip install "tensorflow[and-cuda]==2.16.2"'),
            ("tensorflow", "550.54.14", "5.0", "and-cuda", 'pip install "tensorflow[and-cuda]==2.16.2"'),
            ("tensorflow", "550.54.14", "7.5", "and-cuda", 'pip install "tensorflow[and-cuda]==2.21.0"'),
            ("tensorflow", "550.54.14", "8.9", "and-cuda", 'pip install "tensorflow[and-cuda]==2.21.0"'),
            ("tensorflow", "550.54.14", "12.0", "and-cuda", 'pip install "tensorflow[and-cuda]==2.21.0"'),
            ("paddle", "520.61.05", "8.6", "cu118", "pip install paddlepaddle-gpu==3.3.1 --index-url https://www.paddlepaddle.org.cn/packages/stable/cu118/"),
            ("mxnet", "450.80.02", "7.0", "cu112", "pip install mxnet-cu112==1.9.1"),
            ("mxnet", "440.33", "7.0", "cu102", "pip install mxnet-cu102==1.9.1"),
        ],
    )  # fmt: skip
    def test_cases(self, name, driver, cc, variant, command):
        """Each framework's newest build this driver and GPU run, as a command."""
        answer = fit(name, driver=driver, cc=cc)
        assert (variant, command) == (
            answer.build.variant,
            answer.install_command,
        )

    def test_onnxruntime_before_1_21_has_no_library_extras(self):
        """1.20 wheels had no [cuda,cudnn] extras: the plain name is installed."""
        answers = {"onnxruntime-gpu": IndexAnswer(version="1.20.2")}
        answer = fit(
            "onnxruntime", driver="550.54.14", cc="8.6", answers=answers
        )
        assert "pip install onnxruntime-gpu==1.20.2" == answer.install_command
        assert "system-wide" in answer.build.note

    def test_tensorflow_kepler_has_no_gpu_build(self):
        """No TensorFlow row carries 3.x code: a Kepler GPU gets the CPU build."""
        answer = fit("tensorflow", driver="550.54.14", cc="3.7")
        assert ("cpu", "architecture_not_included") == (
            answer.status,
            answer.reason,
        )

    def test_tensorflow_2_21_lacks_maxwell(self):
        """TF >= 2.17 compiles sm_60+: a 5.2 GPU gets 2.16.2, told 2.21 has no code."""
        answer = fit("tensorflow", driver="550.54.14", cc="5.2")
        assert "2.16.2" == answer.version
        assert (
            "2.21.0 (and-cuda) does not: no code for compute capability 5.2"
            in (answer.reasons[1])
        )

    @pytest.mark.parametrize(
        ("name", "cc", "driver"),
        [("mxnet", "12.0", "580.65.06"), ("mxnet", "8.9", "580.65.06"),
         ("paddle", "12.0", "580.65.06"), ("cntk", "8.0", "580.65.06")],
    )  # fmt: skip
    def test_gpu_newer_than_the_builds_cuda_is_unknown(self, name, cc, driver):
        """A GPU newer than every build's CUDA can target is unknown, not a match."""
        answer = fit(name, driver=driver, cc=cc)
        assert ("unknown", "architecture_unknown", None) == (
            answer.status,
            answer.reason,
            answer.install_command,
        )
        assert f"compute capability {cc} is newer than" in answer.reasons[0]
        assert answer.alternatives[0].startswith("may work, untested")
        assert answer.alternatives[-1].startswith("CPU build: pip install")
        assert "GPU build unknown for this GPU" in answer.line()

    def test_mxnet_cuda_11_2_reaches_ampere(self):
        """CUDA 11.2 targets up to 8.6, so an 8.6 GPU matches mxnet-cu112."""
        answer = fit("mxnet", driver="580.65.06", cc="8.6")
        assert ("gpu", "cu112") == (answer.status, answer.build.variant)

    def test_jax_maxwell_5_0(self):
        """JAX needs SM 5.2: a 5.0 GPU gets the CPU build."""
        answer = fit("jax", driver="580.65.06", cc="5.0")
        assert ("cpu", "architecture_not_included") == (
            answer.status,
            answer.reason,
        )

    def test_jax_on_windows(self):
        """JAX has no native Windows CUDA build: WSL2 is suggested."""
        answer = fit("jax", driver="581.15", cc="8.6", tag="win_amd64")
        assert "no_build_for_platform" == answer.reason
        assert "WSL2" in answer.reasons[0]

    def test_tensorflow_on_windows(self):
        """TensorFlow's native Windows GPU support ended with 2.10."""
        answer = fit("tensorflow", driver="581.15", cc="8.6", tag="win_amd64")
        assert "ended with TensorFlow 2.10; use WSL2" in answer.reasons[0]

    def test_tensorflow_plain_install_lacks_cuda(self):
        """Plain `pip install tensorflow` brings no CUDA libraries: warned."""
        answer = fit("tensorflow", driver="550.54.14", cc="8.6")
        assert "brings no CUDA libraries" in answer.warning
        # Every row lists its wheels' architectures: no "not recorded" note.
        assert not any(r.startswith("Note:") for r in answer.reasons)

    def test_tensorflow_driver_too_old(self):
        """A CUDA 11 driver runs no TensorFlow 2.15+ build."""
        answer = fit("tensorflow", driver="520.61.05", cc="8.6")
        assert ("cpu", "driver_too_old") == (answer.status, answer.reason)
        assert (
            "driver >= 525.60.13 would allow 2.21.0 (and-cuda)"
            == answer.alternatives[0]
        )

    def test_jax_plain_install_is_cpu(self):
        """Plain `pip install jax` is CPU-only: warned when a GPU build fits."""
        assert (
            "is a CPU-only build here"
            in fit("jax", driver="580", cc="8.6").warning
        )

    def test_retired_framework_says_so(self):
        """MXNet's answer carries that the project is retired."""
        assert (
            "Apache Attic"
            in fit("mxnet", driver="550.54.14", cc="8.6").retired
        )


class TestIndexJoin:
    def test_cap_by_the_index(self):
        """The newest release with a wheel for the target caps the choice."""
        answer = fit(
            driver="580.65.06",
            cc="8.6",
            answers={"torch": IndexAnswer(version="2.12.0")},
        )
        assert ("2.12.0", "cu132") == (answer.version, answer.build.variant)

    def test_not_installable(self):
        """No wheel for the target: the CPU answer carries the index's reason."""
        answers = {
            "torch": IndexAnswer(
                version=None, detail="no wheel for CPython 3.16"
            )
        }
        answer = fit(driver="580.65.06", cc="8.6", answers=answers)
        assert ("cpu", "not_installable") == (answer.status, answer.reason)
        assert "torch: no wheel for CPython 3.16" in answer.reasons[0]
        assert answer.install_command is None
        assert answer.warning is None

    def test_index_older_than_every_build(self):
        """An installable release older than every tracked build is not a GPU fit."""
        answer = fit(
            driver="580.65.06",
            cc="8.6",
            answers={"torch": IndexAnswer(version="2.3.1")},
        )
        assert "not_installable" == answer.reason
        assert "no wheel" in answer.reasons[0]

    def test_old_release_without_a_wheel_for_this_python(self):
        """A CUDA 11 driver on a Python no CUDA 11.8 release has wheels for: CPU."""
        newer = frozenset({"2.9.1", "2.14.1", "2.15.0"})
        answers = {"torch": IndexAnswer(version="2.15.0", versions=newer)}
        answer = fit(driver="470.223.02", cc="7.5", answers=answers)
        assert ("cpu", "driver_too_old") == (answer.status, answer.reason)
        assert (
            "driver >= 580 would allow 2.15.0 (cu132)"
            == answer.alternatives[0]
        )

    def test_newest_release_with_code_but_no_wheel(self):
        """A Kepler K80 on a new Python: the release with its code is named."""
        newer = frozenset({"2.9.1", "2.14.1", "2.15.0"})
        answers = {"torch": IndexAnswer(version="2.15.0", versions=newer)}
        answer = fit(driver="470.223.02", cc="3.7", answers=answers)
        assert "architecture_not_included" == answer.reason
        assert (
            "2.7.1 (cu118) is the newest release with code for this GPU,"
            " but it has no wheel for this target"
        ) == answer.alternatives[0]

    def test_the_patch_release_with_a_wheel_is_chosen(self):
        """Within a run of releases, the newest one with a wheel is installed."""
        answers = {
            "torch": IndexAnswer(
                version="2.4.0", versions=frozenset({"2.4.0"})
            )
        }
        answer = fit(driver="470.223.02", cc="7.5", answers=answers)
        assert ("2.4.0", "cu118") == (answer.version, answer.build.variant)

    def test_real_join_knows_each_release(self):
        """The real join lists releases with wheels: torch 2.7.1 has none for 3.14."""
        versions = (
            index_versions(["torch"], "3.14", LINUX).answers["torch"].versions
        )
        assert versions is not None
        assert "2.15.0" in versions
        assert "2.7.1" not in versions

    def test_release_versions_skip_unknown_projects(self):
        """A distribution missing from the snapshot has no per-release answer."""
        from dlchoose._gpu._join import _release_versions

        assert {} == _release_versions(["no-such-distribution"], "3.12", LINUX)

    def test_real_join_reads_the_snapshot(self):
        """The real join answers from the bundled index data, without network."""
        result = index_versions(["torch"], "3.12", LINUX)
        assert result.answers["torch"].version is not None
        assert () == result.notes

    def test_real_join_refuses_unknown_targets(self):
        """An unknown Python is the index's typed error, not a note."""
        with pytest.raises(UnknownTargetError):
            index_versions(["torch"], "2.7", LINUX)

    def test_real_join_failure_is_a_note(self):
        """When the index answer fails, the tables answer alone, with a note."""

        def broken(*args, **kwargs):
            raise OSError("snapshot missing")

        result = index_versions(["torch"], None, None, ask=broken)
        assert {} == dict(result.answers)
        assert "OSError: snapshot missing" in result.notes[0]

    @pytest.mark.parametrize(
        ("detail", "line"),
        [
            (
                "2.15.0 has no wheel for CPython 3.99",
                (
                    "no CPU build installs on this target either: 2.15.0 has no"
                    " wheel for CPython 3.99"
                ),
            ),
            ("", "no CPU build installs on this target either"),
        ],
    )
    def test_no_cpu_build_says_the_index_reason(self, detail, line):
        """When not even the CPU build installs, the index's reason is given."""
        answers = {"torch": IndexAnswer(version=None, detail=detail)}
        answer = fit(vendor="none", answers=answers)
        assert (None, line) == (
            answer.install_command,
            answer.alternatives[-1],
        )

    @pytest.mark.parametrize(
        ("tag", "version"),
        [("macosx_11_0_x86_64", "0.4.38"), ("macosx_14_0_arm64", "0.12.0.1")],
    )
    def test_jax_cpu_build_follows_jaxlib(self, tag, version):
        """jax is pure Python: jaxlib's wheels decide the CPU release (none for Intel Macs after 0.4.38)."""
        (answer,) = dlchoose.gpu_fit(
            ["jax"], gpu_vendor="none", python="3.12", platform=tag
        )
        assert f"pip install jax=={version}" == answer.install_command


class TestPublicApi:
    def test_gpu_fit_with_overrides(self):
        """gpu_fit(driver=..., compute_capability=...) plans another machine."""
        (answer,) = dlchoose.gpu_fit(
            ["torch"],
            driver="550.54.14",
            compute_capability="8.6",
            python="3.12",
            platform=LINUX,
        )
        assert answer.build is not None
        assert ("gpu", "cu126") == (answer.status, answer.build.variant)

    def test_gpu_fit_every_framework_by_default(self):
        """Without names every framework with GPU builds answers, in order."""
        answers = dlchoose.gpu_fit(
            gpu_vendor="none", python="3.12", platform=LINUX
        )
        assert list(TABLES) == [a.framework for a in answers]

    @pytest.mark.parametrize(
        "name", ["paddle", "paddlepaddle", "PaddlePaddle"]
    )
    def test_paddle_by_name_and_alias(self, name):
        """Asking by registry key or alias reaches PaddlePaddle's GPU table."""
        (answer,) = dlchoose.gpu_fit(
            [name],
            driver="520.61.05",
            compute_capability="8.6",
            platform=LINUX,
            python="3.12",
        )
        assert ("paddle", "gpu") == (answer.framework, answer.status)

    def test_frameworks_without_tables(self):
        """A registered framework without GPU tables says so instead of guessing."""
        (answer,) = dlchoose.gpu_fit(
            ["keras"], gpu_vendor="none", platform=LINUX
        )
        assert ("unknown", None, "Keras: no GPU build data") == (
            answer.status,
            answer.build,
            answer.line(),
        )

    @pytest.mark.parametrize(
        ("call", "error", "message"),
        [
            (
                lambda: dlchoose.gpu(platform=3),  # type: ignore[arg-type]
                TypeError,
                "platform must be",
            ),
            (
                lambda: dlchoose.gpu_fit(["torch"], platform=3),  # type: ignore[arg-type]
                TypeError,
                "platform must be a wheel",
            ),
            (
                lambda: dlchoose.gpu_fit(["torch"], machine="x86_64"),  # type: ignore[arg-type]
                TypeError,
                "machine must be a GpuReport",
            ),
            (
                lambda: dlchoose.gpu_fit(
                    ["torch"], machine=dlchoose.gpu(gpu_vendor="none"),
                    driver="550.54.14",
                ),
                ValueError,
                "either machine or",
            ),
            (
                lambda: dlchoose.gpu(compute_capability="8.6", gpu_vendor="amd"),
                ConflictingGpuFactsError,
                "8.6 with GPU vendor amd",
            ),
            (
                lambda: dlchoose.gpu(driver="550", gpu_vendor="apple"),
                ConflictingGpuFactsError,
                "NVIDIA driver 550 with GPU vendor apple",
            ),
            (
                lambda: dlchoose.gpu(compute_capability="8.6", gpu_vendor="none"),
                ConflictingGpuFactsError,
                "with GPU vendor none",
            ),
            (
                lambda: dlchoose.gpu(compute_capability="0.0"),
                InvalidComputeCapabilityError,
                "'0.0'",
            ),
        ],
    )  # fmt: skip
    def test_bad_arguments_are_clear_errors(self, call, error, message):
        """Wrong types and contradictory facts raise with a message, never AttributeError."""
        with pytest.raises(error, match=message):
            call()

    def test_machine_argument(self):
        """A GpuReport from gpu() can be passed on."""
        machine = dlchoose.gpu(gpu_vendor="none")
        (answer,) = dlchoose.gpu_fit(["jax"], machine=machine, platform=LINUX)
        assert "no_gpu" == answer.reason

    @pytest.mark.parametrize("names", ["torch", 3])
    def test_names_must_be_a_list(self, names):
        """A bare string or a number is refused, not read letter by letter."""
        with pytest.raises(TypeError, match="list of framework names"):
            dlchoose.gpu_fit(names)

    def test_name_items_must_be_strings(self):
        """Every name must be a string."""
        with pytest.raises(TypeError, match="must be a str"):
            dlchoose.gpu_fit([b"torch"])  # type: ignore[list-item]

    def test_unknown_framework(self):
        """Unknown names are the registry's typed error."""
        with pytest.raises(UnknownFrameworkError):
            dlchoose.gpu_fit(["nosuchframework"], gpu_vendor="none")

    def test_invalid_overrides(self):
        """Bad overrides are typed errors naming valid examples."""
        with pytest.raises(InvalidComputeCapabilityError, match=r"8\.6"):
            dlchoose.gpu_fit(["torch"], compute_capability="Ampere")
        with pytest.raises(UnknownGpuVendorError, match="nvidia"):
            dlchoose.gpu_fit(["torch"], gpu_vendor="matrox")

    def test_to_dict(self):
        """GpuFit.to_dict is plain JSON data with the build and its sources."""
        data = fit(driver="550.54.14", cc="8.6").to_dict()
        assert "cu126" == data["build"]["variant"]
        assert data["build"]["sources"][0]["url"].startswith("https://")
        assert {"os": "linux", "machine": "x86_64", "tag": LINUX} == data[
            "platform"
        ]

    def test_to_dict_of_a_metal_build(self):
        """A build without CUDA has no CUDA version in its JSON."""
        data = fit(vendor="apple", tag="macosx_14_0_arm64").to_dict()
        assert (None, "metal") == (
            data["build"]["cuda"],
            data["build"]["accelerator"],
        )

    def test_sources_of_an_answer(self):
        """A GPU answer cites its build's sources; a CPU answer cites none."""
        assert fit(driver="550.54.14", cc="8.6").sources
        assert () == fit(vendor="none").sources
