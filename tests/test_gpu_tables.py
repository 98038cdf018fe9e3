"""The sourced GPU tables and the small values they are built from."""

from __future__ import annotations

from datetime import date

import pytest

from packaging.version import Version

import dlchoose

from dlchoose._gpu import newest_cuda
from dlchoose._gpu._api import TABLES
from dlchoose._gpu._cuda import (
    CUDA_DRIVERS,
    max_cuda,
    min_driver,
    newest_architecture,
)
from dlchoose._gpu._target import target_platform
from dlchoose._gpu._values import (
    OsFamily,
    Vendor,
    capability_tuple,
    format_driver,
    os_family,
    parse_capability,
    parse_driver,
    parse_vendor,
)
from dlchoose.exceptions import (
    InvalidChoiceError,
    InvalidComputeCapabilityError,
    InvalidDriverVersionError,
    InvalidGpuFactError,
    UnknownGpuVendorError,
)


BUILDS = [build for table in TABLES.values() for build in table.builds]
TORCH = TABLES["pytorch"].builds


def _torch(version: str, variant: str, machine: str = "x86_64"):
    return next(
        b
        for b in TORCH
        if b.variant == variant
        and machine in b.machines
        and b.covers(Version(version))
    )


class TestTables:
    @pytest.mark.parametrize(
        "build",
        BUILDS,
        ids=lambda b: f"{b.framework}-{b.variant}-{b.machines[0]}-{b.last}",
    )
    def test_every_row_is_sourced_and_consistent(self, build):
        """Each row cites dated public sources and has sane versions and codes."""
        assert all(
            s.url and s.url.startswith("https://") for s in build.sources
        )
        assert all(
            s.date and s.date <= date(2026, 11, 29) for s in build.sources
        )
        assert Version(build.first) <= Version(build.last)
        assert build.released <= date(2026, 11, 29)
        capabilities = [capability_tuple(c) for c in build.capabilities]
        assert sorted(capabilities) == capabilities
        if build.cuda and build.cuda[0] >= 13:
            floor = (
                capabilities[0]
                if capabilities
                else capability_tuple(build.min_capability)
            )
            assert (7, 5) <= floor  # CUDA 13 cannot target pre-Turing GPUs
        if build.index_url is not None:
            assert build.index_url.startswith("https://")

    def test_one_pypi_default_per_torch_release_on_linux_x86_64(self):
        """Every PyTorch release has exactly one Linux x86_64 PyPI default."""
        defaults: dict[str, list[str]] = {}
        for build in TORCH:
            if build.is_plain_default(
                target_platform("manylinux_2_28_x86_64")
            ):
                defaults.setdefault(build.last, []).append(build.variant)
        assert all(1 == len(variants) for variants in defaults.values())
        assert 12 == len(defaults)

    def test_maxwell_and_pascal_left_cuda_12_8_in_2_8(self):
        """2.8's CUDA 12.8 build starts at Volta; 2.7's at Turing; 12.6 keeps Maxwell."""
        assert "7.0" == _torch("2.8.0", "cu128").capabilities[0]
        assert "7.5" == _torch("2.7.1", "cu128").capabilities[0]
        assert "5.0" == _torch("2.8.0", "cu126").capabilities[0]

    def test_volta_left_cuda_12_8_in_2_11(self):
        """2.11's CUDA 12.8 build starts at Turing."""
        assert "7.5" == _torch("2.11.0", "cu128").capabilities[0]

    def test_2_15_has_no_cuda_12_build(self):
        """PyTorch 2.15 removed the CUDA 12.6 builds, the last with pre-Turing code."""
        assert all(
            b.cuda[0] >= 13
            for b in TORCH
            if b.cuda and b.covers(Version("2.15.0"))
        )

    def test_framework_order(self):
        """The frameworks with GPU tables, in the order the CLI lists them."""
        assert [
            "pytorch",
            "jax",
            "tensorflow",
            "paddle",
            "onnxruntime",
            "mxnet",
            "cntk",
        ] == list(TABLES)

    @pytest.mark.parametrize(
        ("cuda", "newest"),
        [
            ((13,), (12, 1)), ((13, 0), (12, 1)), ((12, 9), (12, 1)),
            ((12, 8), (12, 0)), ((12, 6), (9, 0)), ((12, 0), (9, 0)),
            ((12,), (12, 1)), ((11, 8), (9, 0)), ((11, 7), (8, 6)),
            ((11, 2), (8, 6)), ((11, 1), (8, 6)), ((11, 0), (8, 0)),
            ((10, 2), (7, 5)), ((9, 2), (7, 0)), ((8, 0), (6, 2)),
            ((7, 5), (6, 2)),
        ],
    )  # fmt: skip
    def test_newest_architecture_per_cuda(self, cuda, newest):
        """Each CUDA release targets GPUs up to the architecture NVIDIA added last."""
        assert newest == newest_architecture(cuda)

    @pytest.mark.parametrize(
        ("driver", "system", "wsl", "label"),
        [
            ("580.65.06", "linux", False, "13.x"),
            ((550, 54, 14), "linux", False, "12.x"),
            ("527.41", "windows", False, "11.x"),
            ("527.41", "linux", True, "11.x"),
            ("527.41", "linux", False, "12.x"),
            ("300.1", "linux", False, None),
        ],
    )
    def test_newest_cuda_for_a_driver(self, driver, system, wsl, label):
        """newest_cuda (the doctor's driver table) uses the OS's column, WSL's Windows one."""
        assert label == newest_cuda(driver, system, wsl=wsl)

    def test_newest_cuda_refuses_garbage(self):
        """A driver that is not a version is the typed error."""
        with pytest.raises(InvalidDriverVersionError):
            newest_cuda("garbage", "linux")

    def test_table_keys_are_registry_keys(self):
        """Every table and build is keyed by the registry's own key."""
        for key, table in TABLES.items():
            assert key == dlchoose.get_framework(key).key == table.framework
            assert {key} == {build.framework for build in table.builds}

    def test_cpu_commands(self):
        """The CPU command pins the version, with PyTorch's CPU index on Linux."""
        torch = TABLES["pytorch"]
        assert (
            "pip install torch==2.15.0 --index-url https://download.pytorch.org/whl/cpu"
            == torch.cpu_command("2.15.0", OsFamily.LINUX)
        )
        assert "pip install torch==2.15.0" == torch.cpu_command(
            "2.15.0", OsFamily.WINDOWS
        )
        assert "pip install torch" == torch.cpu_command(None, OsFamily.MACOS)


class TestCudaDrivers:
    @pytest.mark.parametrize(
        ("driver", "os", "expected"),
        [
            ("580", "linux", "13.x"),
            ("579.99", "linux", "12.x"),
            ("525.60.13", "linux", "12.x"),
            ("525.60.12", "linux", "11.x"),
            ("450.80.02", "linux", "11.x"),
            ("450.80.01", "linux", "10.2"),
            ("528.33", "windows", "12.x"),
            ("528.32", "windows", "11.x"),
            ("452.39", "windows", "11.x"),
            ("452.38", "windows", "10.2"),
            ("375.26", "linux", "8.0"),
        ],
    )
    def test_newest_cuda_per_driver(self, driver, os, expected):
        """NVIDIA's table, Linux and Windows columns, across the 11/12/13 edges."""
        row = max_cuda(parse_driver(driver), OsFamily(os))
        assert row is not None
        assert expected == row.label

    def test_driver_too_old_for_any_row(self):
        """A driver older than CUDA 8.0's has no row."""
        assert max_cuda(parse_driver("340.108"), OsFamily.LINUX) is None

    def test_min_driver(self):
        """Minimum drivers come from the family row, or the oldest row."""
        assert (580,) == min_driver((13, 2), OsFamily.LINUX)
        assert (452, 39) == min_driver((11, 8), OsFamily.WINDOWS)
        assert (375, 26) == min_driver((7, 5), OsFamily.LINUX)

    def test_every_row_is_sourced(self):
        """Each driver row cites NVIDIA."""
        assert all(
            "docs.nvidia.com" in (row.source.url or "") for row in CUDA_DRIVERS
        )


class TestValues:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("550.144.03", (550, 144, 3)),
            (" 528.33\n", (528, 33)),
            ("580", (580,)),
        ],
    )
    def test_driver(self, text, expected):
        """Driver versions parse into integer tuples."""
        assert expected == parse_driver(text)

    @pytest.mark.parametrize("text", ["", "abc", "550.", "1.2.3.4", "5"])
    def test_invalid_driver(self, text):
        """Anything else is a typed error (also a ValueError) with examples."""
        with pytest.raises(InvalidDriverVersionError) as info:
            parse_driver(text)
        assert isinstance(info.value, ValueError)
        assert "550.54.14" in info.value.examples

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("8.6", "8.6"),
            ("86", "8.6"),
            ("sm_86", "8.6"),
            ("12.0", "12.0"),
            ("sm_120", "12.0"),
            ("GFX90A", "gfx90a"),
        ],
    )
    def test_capability(self, text, expected):
        """Compute capabilities are normalised to X.Y (gfx names kept)."""
        assert expected == parse_capability(text)

    @pytest.mark.parametrize("text", ["Ampere", "8.", "x86", "123.4"])
    def test_invalid_capability(self, text):
        """Unreadable capabilities are typed errors."""
        with pytest.raises(InvalidComputeCapabilityError):
            parse_capability(text)

    @pytest.mark.parametrize("func", [parse_driver, parse_capability])
    def test_wrong_types(self, func):
        """Non-strings are TypeErrors, as for every argument."""
        with pytest.raises(TypeError, match="must be a string"):
            func(550)

    def test_vendor(self):
        """Vendors parse case-insensitively; unknown ones list the choices."""
        assert Vendor.AMD is parse_vendor(" AMD ")
        with pytest.raises(UnknownGpuVendorError) as info:
            parse_vendor("matrox")
        assert isinstance(info.value, InvalidChoiceError)
        assert "nvidia" in info.value.choices

    def test_errors_pickle(self):
        """The new errors survive pickling with their attributes."""
        import pickle

        error = InvalidDriverVersionError("x", ("580",))
        copy = pickle.loads(pickle.dumps(error))
        assert (InvalidDriverVersionError, "x", ("580",)) == (
            type(copy),
            copy.value,
            copy.examples,
        )
        assert isinstance(copy, InvalidGpuFactError)

    def test_format_driver(self):
        """Drivers are written the way NVIDIA writes them."""
        assert ["450.80.02", "528.33", "580"] == [
            format_driver(v) for v in ((450, 80, 2), (528, 33), (580,))
        ]

    @pytest.mark.parametrize(
        ("system", "expected"),
        [
            ("Linux", "linux"),
            ("Windows", "windows"),
            ("Darwin", "macos"),
            ("FreeBSD", "other"),
        ],
    )
    def test_os_family(self, system, expected):
        """platform.system() names map onto OS families."""
        assert expected == os_family(system)


class TestTargetPlatform:
    @pytest.mark.parametrize(
        ("tag", "os", "machine"),
        [
            ("manylinux_2_28_x86_64", "linux", "x86_64"),
            ("manylinux2014_aarch64", "linux", "aarch64"),
            ("musllinux_1_2_aarch64", "linux", "aarch64"),
            ("win_amd64", "windows", "x86_64"),
            ("win_arm64", "windows", "aarch64"),
            ("win32", "windows", "x86"),
            ("macosx_14_0_arm64", "macos", "arm64"),
            ("macosx_11_0_universal2", "macos", "arm64"),
            ("macosx_11_0_x86_64", "macos", "x86_64"),
            ("any", "other", "unknown"),
        ],
    )
    def test_tags(self, tag, os, machine):
        """A wheel platform tag gives the OS family and CPU builds exist for."""
        platform = target_platform(tag)
        assert (os, machine, tag) == (
            platform.os,
            platform.machine,
            platform.tag,
        )

    def test_this_machine(self):
        """Without a tag, the given (or this) system and machine are used."""
        platform = target_platform(None, system="Windows", machine="AMD64")
        assert ("windows", "x86_64", None) == (
            platform.os,
            platform.machine,
            platform.tag,
        )
        assert target_platform(None).machine
