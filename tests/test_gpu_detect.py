"""GPU machine facts from fake /proc and /sys trees and fake nvidia-smi programs.

Every test builds a :class:`Host` over a temporary root and a PATH holding
only the fake programs it needs, so nothing here depends on (or notices) a
real GPU on the machine running the tests.
"""

from __future__ import annotations

import shutil
import time

from pathlib import Path

import pytest

from dlchoose._gpu import _machine
from dlchoose._gpu._amd import gfx_name, read_amd
from dlchoose._gpu._devices import GpuDevice
from dlchoose._gpu._host import Host
from dlchoose._gpu._machine import GpuReport, detect_machine, machine_facts
from dlchoose._gpu._nvidia import read_nvidia
from dlchoose._gpu._values import Vendor
from dlchoose._gpu._visible import visibility


FIXTURES = Path(__file__).parent / "fixtures" / "gpu"


def _install(bin_dir: Path, name: str, script: str | Path) -> None:
    target = bin_dir / name
    if isinstance(script, Path):
        shutil.copyfile(script, target)
    else:
        target.write_text("#!/bin/sh\nPATH=/usr/bin:/bin\n" + script)
    target.chmod(0o755)


def make_host(
    tmp_path: Path,
    *,
    tree: str | None = None,
    smi: str | None = None,
    programs: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    system: str = "Linux",
    machine: str = "x86_64",
    timeout: float = 5.0,
) -> Host:
    root = tmp_path / "root"
    if tree is None:
        root.mkdir()
    else:
        shutil.copytree(FIXTURES / "trees" / tree, root)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if smi is not None:
        _install(bin_dir, "nvidia-smi", FIXTURES / "smi" / f"{smi}.sh")
    for name, script in (programs or {}).items():
        _install(bin_dir, name, script)
    return Host(
        root=root,
        environ={"PATH": str(bin_dir), **(env or {})},
        system=system,
        machine=machine,
        timeout=timeout,
    )


@pytest.fixture(name="host_for")
def _host_for(tmp_path):
    def build(**kwargs):
        return make_host(tmp_path, **kwargs)

    return build


class TestNvidiaDriver:
    def test_sys_module_version_comes_first(self, host_for):
        """/sys/module/nvidia/version is read before /proc and nvidia-smi."""
        reading = read_nvidia(host_for(tree="nvidia", smi="one"))
        assert (550, 144, 3) == reading.driver
        assert "/sys/module/nvidia/version" == reading.driver_source
        # The GPU list still comes from nvidia-smi.
        assert ["NVIDIA GeForce RTX 4090"] == [d.name for d in reading.devices]

    def test_environment_variable_beats_every_file(self, host_for):
        """DLCHOOSE_CUDA_DRIVER_VERSION overrides what the driver files say."""
        host = host_for(
            tree="nvidia", env={"DLCHOOSE_CUDA_DRIVER_VERSION": "535.104.05"}
        )
        reading = read_nvidia(host)
        assert (535, 104, 5) == reading.driver
        assert "DLCHOOSE_CUDA_DRIVER_VERSION" == reading.driver_source

    def test_invalid_environment_variable_is_a_note_and_falls_back(
        self, host_for
    ):
        """A garbled DLCHOOSE_CUDA_DRIVER_VERSION is noted; the files decide."""
        host = host_for(
            tree="nvidia", env={"DLCHOOSE_CUDA_DRIVER_VERSION": "garbage"}
        )
        reading = read_nvidia(host)
        assert (550, 144, 3) == reading.driver
        assert "/sys/module/nvidia/version" == reading.driver_source
        assert any(
            "DLCHOOSE_CUDA_DRIVER_VERSION='garbage'" in note
            and "ignored" in note
            for note in reading.notes
        )

    def test_invalid_environment_variable_alone_is_a_note(self, host_for):
        """With nothing else to read, gpu facts carry the note, no error."""
        host = host_for(env={"DLCHOOSE_CUDA_DRIVER_VERSION": "latest"})
        report = detect_machine(host)
        assert Vendor.NONE is report.vendor
        assert any("'latest'" in note for note in report.notes)

    def test_proc_version_when_sys_is_absent(self, host_for, tmp_path):
        """/proc/driver/nvidia/version's NVRM line gives the driver."""
        host = host_for(tree="nvidia")
        (host.root / "sys/module/nvidia/version").unlink()
        reading = read_nvidia(host)
        assert (550, 144, 3) == reading.driver
        assert "/proc/driver/nvidia/version" == reading.driver_source

    def test_old_proc_format(self, host_for):
        """The pre-open-module NVRM line (375.74) is read as well."""
        host = host_for()
        proc = host.root / "proc/driver/nvidia"
        proc.mkdir(parents=True)
        (proc / "version").write_text(
            "NVRM version: NVIDIA UNIX x86_64 Kernel Module  375.74  Wed Jun"
            " 14 01:39:39 PDT 2017\nGCC version:  gcc version 5.4.0\n"
        )
        assert (375, 74) == read_nvidia(host).driver

    def test_garbled_driver_files_fall_through_to_nvidia_smi(self, host_for):
        """Unreadable version files are skipped, not fatal."""
        host = host_for(tree="nvidia", smi="one")
        (host.root / "sys/module/nvidia/version").write_text("garbage\n")
        (host.root / "proc/driver/nvidia/version").write_text("NVRM ???\n")
        reading = read_nvidia(host)
        assert (550, 54, 14) == reading.driver
        assert "nvidia-smi" == reading.driver_source

    def test_nothing_nvidia(self, host_for):
        """No files and no nvidia-smi: no driver, no devices, no notes."""
        reading = read_nvidia(host_for())
        assert (None, (), ()) == (
            reading.driver,
            reading.devices,
            reading.notes,
        )

    def test_driver_without_nvidia_smi_lists_proc_gpus(self, host_for):
        """Without nvidia-smi the GPU names come from /proc, with a note."""
        reading = read_nvidia(host_for(tree="nvidia"))
        assert ["NVIDIA A100-SXM4-80GB"] == [d.name for d in reading.devices]
        assert reading.devices[0].compute_capability is None
        assert ("nvidia-smi not found: GPU details unknown",) == reading.notes

    def test_proc_gpu_without_model_line(self, host_for):
        """A /proc GPU entry without a Model line is still one GPU."""
        host = host_for(tree="nvidia")
        info = next((host.root / "proc/driver/nvidia/gpus").iterdir())
        (info / "information").write_text("IRQ: 1\n")
        assert ["NVIDIA GPU"] == [d.name for d in read_nvidia(host).devices]

    def test_wsl_location_of_nvidia_smi(self, host_for):
        """nvidia-smi under /usr/lib/wsl/lib is found though not on PATH."""
        host = host_for(tree="wsl")
        wsl_lib = host.root / "usr/lib/wsl/lib"
        wsl_lib.mkdir(parents=True)
        _install(wsl_lib, "nvidia-smi", FIXTURES / "smi" / "one.sh")
        reading = read_nvidia(host)
        assert (550, 54, 14) == reading.driver


class TestNvidiaSmi:
    def test_one_gpu(self, host_for):
        """The CSV row gives name, compute capability and memory."""
        (device,) = read_nvidia(host_for(smi="one")).devices
        assert (
            GpuDevice(
                index=0,
                name="NVIDIA GeForce RTX 4090",
                vendor=Vendor.NVIDIA,
                compute_capability="8.9",
                memory_mib=24564,
            )
            == device
        )

    def test_mixed_gpus(self, host_for):
        """Every row is a GPU, each with its own compute capability."""
        devices = read_nvidia(host_for(smi="mixed")).devices
        assert ["9.0", "7.0"] == [d.compute_capability for d in devices]

    def test_missing(self, host_for):
        """No nvidia-smi and no driver files: simply no NVIDIA GPU."""
        report = detect_machine(host_for())
        assert Vendor.NONE is report.vendor
        assert () == report.notes

    def test_hanging_is_killed_and_noted(self, host_for):
        """A hung nvidia-smi (and its child) is killed after the timeout."""
        started = time.monotonic()
        reading = read_nvidia(host_for(smi="hang", timeout=0.5))
        assert time.monotonic() - started < 5
        assert ("nvidia-smi timed out after 0.5 s",) == reading.notes
        assert () == reading.devices

    def test_garbage_is_a_note(self, host_for):
        """Output that is not the CSV asked for becomes a note."""
        reading = read_nvidia(host_for(smi="garbage"))
        assert () == reading.devices
        assert reading.notes[0].startswith(
            "nvidia-smi printed something unreadable: '%%% this is not csv"
        )

    def test_non_zero_exit_is_a_note(self, host_for):
        """A failing nvidia-smi is a note with its status and first line."""
        reading = read_nvidia(host_for(smi="failed"))
        assert reading.notes[0].startswith(
            "nvidia-smi exited with status 9: NVIDIA-SMI has failed"
        )

    def test_silent_failure(self, host_for):
        """A failure without output still says which status it was."""
        host = host_for(programs={"nvidia-smi": "exit 3\n"})
        assert ("nvidia-smi exited with status 3",) == read_nvidia(host).notes

    def test_old_driver_without_compute_cap(self, host_for):
        """Drivers that lack the compute_cap field are asked again without it."""
        reading = read_nvidia(host_for(smi="old-driver"))
        (device,) = reading.devices
        assert ("Tesla K80", None, 11441) == (
            device.name,
            device.compute_capability,
            device.memory_mib,
        )
        assert (470, 223, 2) == reading.driver

    def test_not_applicable_fields(self, host_for):
        """[N/A] for compute capability and memory is unknown, not an error."""
        (device,) = read_nvidia(host_for(smi="not-applicable")).devices
        assert (None, None) == (device.compute_capability, device.memory_mib)

    def test_blank_lines_are_skipped(self, host_for):
        """Empty lines between rows do not count as GPUs."""
        host = host_for(
            programs={
                "nvidia-smi": "echo '0, A, 550.54.14, 8.6, 1 MiB'\necho\n"
            }
        )
        assert 1 == len(read_nvidia(host).devices)

    def test_unparseable_driver_in_csv(self, host_for):
        """A driver column that is no version leaves the driver unknown."""
        host = host_for(
            programs={"nvidia-smi": "echo '0, A, N/A, 8.6, 1 MiB'\n"}
        )
        reading = read_nvidia(host)
        assert (None, 1) == (reading.driver, len(reading.devices))

    def test_unrunnable_program(self, host_for, tmp_path):
        """A program that cannot be started is a reason, not an exception."""
        result = host_for().run([str(tmp_path / "no-such-program")])
        assert result.returncode is None
        assert result.problem.startswith("cannot run:")


class TestVisibility:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("0", (0,)),
            ("1,0", (1, 0)),
            (" 1 , 0 ", (1, 0)),
            ("1gpu", (1,)),
            ("0,-1,1", (0,)),
            ("-1", ()),
            ("", ()),
            ("1,1", ()),
        ],
    )
    def test_cuda_rules(self, value, expected):
        """CUDA_VISIBLE_DEVICES is read like the CUDA runtime and PyTorch."""
        seen = visibility(
            {"CUDA_VISIBLE_DEVICES": value}, ["CUDA_VISIBLE_DEVICES"]
        )
        assert expected == seen.indices

    def test_unset_means_all(self):
        """Without the variable every device is visible."""
        seen = visibility({}, ["CUDA_VISIBLE_DEVICES"])
        assert (None, (3, 1)) == (seen.indices, seen.select([3, 1]))

    def test_uuids_keep_every_gpu_with_a_note(self):
        """UUID selections cannot be matched, so all GPUs count, noted."""
        seen = visibility(
            {"CUDA_VISIBLE_DEVICES": "GPU-8a1b2c3d"}, ["CUDA_VISIBLE_DEVICES"]
        )
        assert seen.indices is None
        assert "UUID" in (seen.note or "")

    def test_report_applies_visibility(self, host_for):
        """A machine report lists only the visible GPUs and counts the rest."""
        host = host_for(smi="mixed", env={"CUDA_VISIBLE_DEVICES": "1"})
        report = detect_machine(host)
        assert ["7.0"] == [d.compute_capability for d in report.devices]
        assert (1, "CUDA_VISIBLE_DEVICES=1") == (
            report.hidden,
            report.visibility,
        )

    def test_everything_hidden(self, host_for):
        """CUDA_VISIBLE_DEVICES=-1 leaves no GPU, and says why in one line."""
        host = host_for(smi="one", env={"CUDA_VISIBLE_DEVICES": "-1"})
        report = detect_machine(host)
        assert Vendor.NONE is report.vendor
        assert (
            "No GPU visible: CUDA_VISIBLE_DEVICES=-1 hides 1."
            == report.summary
        )

    def test_duplicate_note(self, host_for):
        """A repeated ordinal hides all GPUs, with a note saying so."""
        host = host_for(smi="mixed", env={"CUDA_VISIBLE_DEVICES": "0,0"})
        report = detect_machine(host)
        assert any("listed twice" in note for note in report.notes)


class TestAmd:
    def test_gfx_names(self):
        """KFD's gfx_target_version encodes the gfx name with hex digits."""
        assert ["gfx1100", "gfx90a", "gfx942", "gfx1030"] == [
            gfx_name(v) for v in (110000, 90010, 90402, 100300)
        ]

    def test_sysfs(self, host_for):
        """KFD topology nodes with a GPU target become AMD devices."""
        reading = read_amd(host_for(tree="amd"))
        assert ["gfx1100", "gfx90a"] == [
            d.architecture for d in reading.devices
        ]
        assert ("/sys/class/kfd", ()) == (reading.source, reading.notes)

    def test_missing_dev_kfd_is_noted(self, host_for):
        """A GPU without /dev/kfd access gets a note."""
        host = host_for(tree="amd")
        (host.root / "dev/kfd").unlink()
        assert any("/dev/kfd" in n for n in read_amd(host).notes)

    def test_rocm_agent_enumerator(self, host_for):
        """The enumerator's gfx lines count, its CPU agent gfx000 does not."""
        host = host_for(
            programs={"rocm_agent_enumerator": "echo gfx000\necho gfx942\n"}
        )
        reading = read_amd(host)
        assert ["gfx942"] == [d.architecture for d in reading.devices]
        assert "rocm_agent_enumerator" == reading.source

    def test_rocminfo(self, host_for):
        """rocminfo's Name lines count once, not its ISA triples."""
        script = (
            "echo '  Name:                    gfx1100'\n"
            "echo '  Name:                    amdgcn-amd-amdhsa--gfx1100'\n"
        )
        host = host_for(programs={"rocminfo": script})
        assert ["gfx1100"] == [d.architecture for d in read_amd(host).devices]

    def test_failing_programs_are_noted(self, host_for):
        """A failing ROCm tool is a note, and the next one is tried."""
        host = host_for(
            programs={
                "rocm_agent_enumerator": "exit 1\n",
                "rocminfo": "exit 2\n",
            },
        )
        reading = read_amd(host)
        assert () == reading.devices
        assert (
            "rocm_agent_enumerator exited with status 1",
            "rocminfo exited with status 2",
        ) == reading.notes

    def test_report_for_amd(self, host_for):
        """A Linux machine with an AMD GPU reports vendor amd and the archs."""
        report = detect_machine(
            host_for(tree="amd", env={"HIP_VISIBLE_DEVICES": "0"})
        )
        assert Vendor.AMD is report.vendor
        assert ("gfx1100",) == report.architectures
        assert 1 == report.hidden

    def test_amd_all_hidden(self, host_for):
        """ROCR_VISIBLE_DEVICES="" leaves no AMD GPU."""
        report = detect_machine(
            host_for(tree="amd", env={"ROCR_VISIBLE_DEVICES": ""})
        )
        assert Vendor.NONE is report.vendor


class TestMachine:
    def test_wsl(self, host_for):
        """WSL2 is recognised, and its driver is read with Windows' table."""
        host = host_for(tree="wsl", smi="one")
        report = detect_machine(host)
        assert report.wsl
        assert "12.x" == report.max_cuda
        assert report.summary.endswith("(WSL2).")

    def test_nvidia_summary(self, host_for):
        """One line: driver, the CUDA it runs, each GPU."""
        report = detect_machine(host_for(tree="nvidia", smi="mixed"))
        assert (
            "NVIDIA driver 550.144.03, runs CUDA 12.x, 2 GPUs:"
            " NVIDIA H100 80GB HBM3 (compute capability 9.0, 80 GiB);"
            " Tesla V100-SXM2-16GB (compute capability 7.0, 16 GiB)."
        ) == report.summary

    @pytest.mark.parametrize(
        ("kwargs", "summary"),
        [
            (
                {"compute_capability": "8.6"},
                "1 GPU: planned GPU (compute capability 8.6).",
            ),
            (
                {"compute_capability": "gfx1100"},
                "1 GPU: planned GPU (gfx1100).",
            ),
            ({"gpu_vendor": "amd"}, "AMD GPU, architecture unknown."),
        ],
    )
    def test_planned_summaries(self, host_for, kwargs, summary):
        """Planned machines summarise what was given, and what is unknown."""
        assert summary == machine_facts(host_for(), **kwargs).summary

    def test_summary_of_names_only(self, host_for):
        """GPUs known only by name (from /proc) are listed by name."""
        report = detect_machine(host_for(tree="nvidia"))
        assert report.summary.endswith("1 GPU: NVIDIA A100-SXM4-80GB.")

    def test_amd_summary(self, host_for):
        """AMD GPUs are listed with their architecture."""
        report = detect_machine(host_for(tree="amd"))
        assert "2 GPUs: AMD GPU (gfx1100); AMD GPU (gfx90a)." == report.summary

    def test_container_without_device_nodes(self, host_for):
        """A driver without /dev/nvidiactl (a container) gets a note."""
        host = host_for(tree="nvidia", smi="one")
        (host.root / "dev/nvidiactl").unlink()
        notes = detect_machine(host).notes
        assert any(n.startswith("no /dev/nvidiactl") for n in notes)

    def test_host_with_device_nodes_has_no_note(self, host_for):
        """A normal Linux host with the device nodes has no such note."""
        assert () == detect_machine(host_for(tree="nvidia", smi="one")).notes

    def test_driver_without_models(self, host_for):
        """A driver whose GPUs cannot be listed says the models are unknown."""
        host = host_for(env={"DLCHOOSE_CUDA_DRIVER_VERSION": "580.95.05"})
        report = detect_machine(host)
        assert (
            "NVIDIA driver 580.95.05, runs CUDA 13.x, GPU models unknown."
            == (report.summary)
        )

    def test_failing_smi_without_driver_reports_no_gpu_with_note(
        self, host_for
    ):
        """nvidia-smi failing on a machine without a driver: no GPU, noted."""
        report = detect_machine(host_for(smi="failed"))
        assert Vendor.NONE is report.vendor
        assert 1 == len(report.notes)

    def test_apple_silicon(self, host_for):
        """macOS on arm64 has the Apple GPU (MPS)."""
        report = detect_machine(host_for(system="Darwin", machine="arm64"))
        assert Vendor.APPLE is report.vendor
        assert "Apple silicon GPU (Metal / MPS)." == report.summary

    def test_rosetta(self, host_for):
        """An x86_64 Python on Apple silicon is noticed through sysctl."""
        host = host_for(
            system="Darwin", machine="x86_64", programs={"sysctl": "echo 1\n"}
        )
        report = detect_machine(host)
        assert Vendor.APPLE is report.vendor
        assert "Rosetta" in report.notes[0]

    def test_intel_mac(self, host_for):
        """An Intel Mac has no GPU that frameworks use."""
        host = host_for(
            system="Darwin", machine="x86_64", programs={"sysctl": "echo 0\n"}
        )
        assert Vendor.NONE is detect_machine(host).vendor

    def test_intel_mac_without_sysctl(self, host_for):
        """Without sysctl an x86_64 Mac is taken as Intel."""
        host = host_for(system="Darwin", machine="x86_64")
        assert Vendor.NONE is detect_machine(host).vendor

    def test_windows_uses_windows_driver_table(self, host_for):
        """On Windows, driver 527.41 is below CUDA 12's 528.33: CUDA 11.x."""
        host = host_for(
            system="Windows",
            env={"DLCHOOSE_CUDA_DRIVER_VERSION": "527.41"},
        )
        assert "11.x" == detect_machine(host).max_cuda

    def test_overrides_skip_probing(self, host_for):
        """With an override nothing is read from the machine."""
        host = host_for(tree="nvidia", smi="one")
        report = machine_facts(
            host, driver="580.65.06", compute_capability="sm_86"
        )
        assert report.overridden
        assert ("580.65.06", "override", "13.x") == (
            report.driver_version,
            report.driver_source,
            report.max_cuda,
        )
        assert ["8.6"] == [d.compute_capability for d in report.devices]

    @pytest.mark.parametrize(
        ("kwargs", "vendor", "architectures"),
        [
            ({"compute_capability": "gfx1100"}, "amd", ("gfx1100",)),
            ({"gpu_vendor": "apple"}, "apple", ()),
            ({"gpu_vendor": "none"}, "none", ()),
            ({"gpu_vendor": "NVIDIA"}, "nvidia", ()),
        ],
    )
    def test_vendor_overrides(self, host_for, kwargs, vendor, architectures):
        """Overrides name the vendor directly or through a gfx architecture."""
        report = machine_facts(host_for(), **kwargs)
        assert (vendor, architectures) == (report.vendor, report.architectures)

    def test_to_dict_is_json_ready(self, host_for):
        """to_dict gives plain values with stable keys."""
        data = detect_machine(host_for(smi="one")).to_dict()
        assert [
            "vendor", "os", "wsl", "driver_version", "driver_source",
            "max_cuda", "devices", "hidden", "visibility", "overridden",
            "summary", "notes",
        ] == list(data)  # fmt: skip
        assert "8.9" == data["devices"][0]["compute_capability"]

    def test_public_gpu_reads_this_host(self, host_for, monkeypatch):
        """dlchoose.gpu() without overrides detects through the host seam."""
        fake = host_for(smi="one")
        monkeypatch.setattr(_machine, "Host", lambda: fake)
        import dlchoose

        assert "8.9" == dlchoose.gpu().devices[0].compute_capability

    def test_public_gpu_override_uses_platform(self):
        """gpu(platform=...) reads the driver table of that platform's OS."""
        import dlchoose

        report = dlchoose.gpu(driver="527.41", platform="win_amd64")
        assert ("windows", "11.x") == (report.os, report.max_cuda)

    def test_report_is_frozen_and_hashable(self):
        """GpuReport is a frozen value."""
        report = GpuReport(vendor="none", os="linux")
        assert hash(report) == hash(GpuReport(vendor="none", os="linux"))
        assert report.driver is None
