"""``dlchoose gpu``: the machine line, one line per framework, JSON, errors."""

from __future__ import annotations

import json

from pathlib import Path

import pytest

from dlchoose._cli import main
from dlchoose._gpu import _machine
from dlchoose._gpu._host import Host


LINUX = ("--python", "3.12", "--platform", "manylinux_2_28_x86_64")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["gpu", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(name="this_machine")
def _this_machine(tmp_path, monkeypatch):
    """Point detection at an empty fake machine (so a real GPU is not seen)."""

    def install(smi_script: str | None = None) -> None:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        if smi_script is not None:
            smi = bin_dir / "nvidia-smi"
            smi.write_text("#!/bin/sh\n" + smi_script)
            smi.chmod(0o755)
        root = tmp_path / "root"
        root.mkdir()
        fake = Host(
            root=Path(root),
            environ={"PATH": str(bin_dir)},
            system="Linux",
            machine="x86_64",
        )
        monkeypatch.setattr(_machine, "Host", lambda: fake)

    return install


class TestGpuCommand:
    def test_no_gpu_says_so_in_one_line(self, capsys, this_machine):
        """Without a GPU: one line says so, and every framework offers its CPU build."""
        this_machine()
        code, out, err = run(capsys, *LINUX)
        lines = out.splitlines()
        assert (0, "") == (code, err)
        assert "GPU: No GPU found: CPU builds only." == lines[0]
        framework_lines = [
            line for line in lines[1:] if not line.startswith(" ")
        ]
        assert 7 == len(framework_lines)
        assert all("CPU build (" in line for line in framework_lines)
        assert any(
            "pip install torch==" in line
            and line.endswith(
                "--index-url https://download.pytorch.org/whl/cpu"
            )
            for line in framework_lines
        )
        assert not any("why: no GPU found" in line for line in lines)

    def test_notes_go_to_stderr(self, capsys, this_machine):
        """A failing nvidia-smi is a note on stderr, not a traceback."""
        this_machine("echo 'NVIDIA-SMI has failed'\nexit 9\n")
        code, out, err = run(capsys, "torch", *LINUX)
        assert 0 == code
        assert out.startswith("GPU: No GPU found")
        assert err.startswith("dlchoose: nvidia-smi exited with status 9")

    def test_planned_machine(self, capsys):
        """Overrides plan another machine: the build, the command, the warning."""
        code, out, _ = run(
            capsys, "torch", "--driver", "550.54.14",
            "--compute-capability", "6.1", *LINUX,
        )  # fmt: skip
        lines = out.splitlines()
        assert 0 == code
        assert lines[0].startswith(
            "GPU (planned machine): NVIDIA driver 550.54.14"
        )
        assert lines[1] == (
            "PyTorch: 2.14.1 CUDA 12.6 build (cu126): pip install torch==2.14.1"
            " --index-url https://download.pytorch.org/whl/cu126"
        )
        assert lines[2].startswith(
            "    warning: plain `pip install torch` gives"
        )

    def test_explain_shows_reasons(self, capsys):
        """--explain prints every reason, even for a GPU answer."""
        _, out, _ = run(
            capsys, "jax", "--driver", "580.65.06",
            "--compute-capability", "8.6", "--explain", *LINUX,
        )  # fmt: skip
        assert "    why: JAX " in out
        assert (
            "    instead: CPU build" not in out
        )  # a GPU answer needs no CPU line

    def test_explain_shows_retired_and_cpu_line(self, capsys):
        """--explain names retired projects and the CPU fallback."""
        _, out, _ = run(
            capsys, "mxnet", "--gpu-vendor", "none", "--explain", *LINUX
        )
        assert "    retired: retired to the Apache Attic" in out
        assert "    instead: CPU build: pip install mxnet==" in out

    def test_json(self, capsys):
        """--json prints one object: machine, target, one entry per framework."""
        code, out, _ = run(
            capsys, "torch", "jax", "--gpu-vendor", "none", "--json", *LINUX
        )
        document = json.loads(out)
        assert 0 == code
        assert ["machine", "target", "frameworks"] == list(document)
        assert {
            "python": "3.12",
            "platform": "manylinux_2_28_x86_64",
        } == document["target"]
        assert ["pytorch", "jax"] == [
            f["framework"] for f in document["frameworks"]
        ]
        assert "none" == document["machine"]["vendor"]

    def test_json_schema(self, capsys):
        """The JSON keys of the machine and of each framework are pinned."""
        _, out, _ = run(
            capsys, "torch", "--driver", "550.54.14",
            "--compute-capability", "8.6", "--json", *LINUX,
        )  # fmt: skip
        document = json.loads(out)
        assert [
            "vendor", "os", "wsl", "driver_version", "driver_source",
            "max_cuda", "devices", "hidden", "visibility", "overridden",
            "summary", "notes",
        ] == list(document["machine"])  # fmt: skip
        assert [
            "index", "name", "vendor", "compute_capability", "architecture",
            "memory_mib",
        ] == list(document["machine"]["devices"][0])  # fmt: skip
        (framework,) = document["frameworks"]
        assert [
            "framework", "name", "status", "reason", "version", "build",
            "install_command", "reasons", "alternatives", "warning",
            "platform", "retired", "notes",
        ] == list(framework)  # fmt: skip
        assert [
            "variant", "accelerator", "first", "last", "cuda", "capabilities",
            "ptx", "min_capability", "architectures", "index_url", "sources",
        ] == list(framework["build"])  # fmt: skip
        assert ("12.6", "cu126") == (
            framework["build"]["cuda"],
            framework["build"]["variant"],
        )

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ("--driver", "five-fifty"),
                "Invalid NVIDIA driver version 'five-fifty'",
            ),
            (
                ("--compute-capability", "Ampere"),
                "Invalid compute capability 'Ampere'",
            ),
            (
                ("--compute-capability", "0.0"),
                "Invalid compute capability '0.0'",
            ),
            (("--gpu-vendor", "matrox"), "Unknown GPU vendor 'matrox'"),
            (
                ("--compute-capability", "8.6", "--gpu-vendor", "amd"),
                (
                    "Invalid combination of GPU facts 'NVIDIA compute"
                    " capability 8.6 with GPU vendor amd'"
                ),
            ),
            (
                ("--gpu-vendor", "apple", "--driver", "550"),
                (
                    "Invalid combination of GPU facts 'NVIDIA driver 550 with"
                    " GPU vendor apple'"
                ),
            ),
            (
                ("--compute-capability", "gfx1100", "--driver", "550"),
                "Invalid combination of GPU facts",
            ),
            (("--python", "2.7"), "Unknown Python version '2.7'"),
            (("--platform", "macos"), "Unknown platform tag 'macos'"),
        ],
    )
    def test_bad_overrides_are_usage_errors(self, capsys, argv, message):
        """Bad or contradictory overrides and unknown targets: exit 2 with
        argparse's usage line."""
        with pytest.raises(SystemExit) as exited:
            main(["gpu", *argv])
        out, err = capsys.readouterr()
        assert (2, "") == (exited.value.code, out)
        assert f"dlchoose gpu: error: {message}" in err
        assert "Traceback" not in err

    def test_unknown_driver_is_always_said(self, capsys):
        """Without --explain, a GPU answer on an unknown driver names the need."""
        code, out, _ = run(
            capsys, "torch", "--compute-capability", "8.6", *LINUX
        )
        assert 0 == code
        assert "cu132" in out
        assert (
            "    why: driver version unknown; this build needs >= 580" in out
        )

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("nosuchframework", "--gpu-vendor", "none"), "Unknown framework"),
        ],
    )
    def test_bad_input_exits_1_with_one_line(self, capsys, argv, message):
        """Unknown names: exit 1, one line on stderr, no traceback."""
        code, out, err = run(capsys, *argv)
        assert (1, "") == (code, out)
        assert err.startswith(f"dlchoose: error: {message}")
        assert 1 == len(err.splitlines())
