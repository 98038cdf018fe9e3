"""The environment report and the ``dlchoose detect`` command."""

from __future__ import annotations

import json

import pytest

from dlchoose import Framework, register_framework
from dlchoose._cli import main
from dlchoose._detect._environment import (
    EnvironmentReport,
    environment,
    nvidia_driver_version,
    parse_visible_devices,
)
from dlchoose._detect._scan import clear_cache


class TestVisibleDevices:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, None),
            ("", ()),
            ("-1", ()),
            ("0,-1,1", ("0",)),
            ("1,1", ()),
            ("0,2", ("0", "2")),
            (" 1gpu , 3", ("1", "3")),
            ("GPU-abc,GPU-def", ("GPU-abc", "GPU-def")),
            ("MIG-abc,GPU-def", ("MIG-abc",)),
            ("GPU-abc,GPU-abc", ()),
            ("x,0", ()),
        ],
    )
    def test_parse(self, value, expected):
        """CUDA_VISIBLE_DEVICES is read the way CUDA and PyTorch read it."""
        assert expected == parse_visible_devices(value)


class TestEnvironment:
    def test_defaults(self, tmp_path):
        """Nothing set: all devices, Keras' default backend, no driver."""
        report = environment({"HOME": str(tmp_path)}, proc=tmp_path)

        assert (
            EnvironmentReport(keras_backend_source="Keras' default") == report
        )
        assert report.visible_devices is None

    def test_variables(self, tmp_path):
        """Variables are reported and parsed, never acted upon."""
        env = {
            "HOME": str(tmp_path),
            "CUDA_VISIBLE_DEVICES": "-1",
            "JAX_PLATFORMS": "cpu",
            "KERAS_BACKEND": "jax",
            "USE_TORCH": "1",
        }

        report = environment(env, proc=tmp_path)

        assert report.hidden_by_env
        assert () == report.visible_devices
        assert ("jax", "KERAS_BACKEND") == (
            report.keras_backend,
            report.keras_backend_source,
        )
        assert "cpu" == report.jax_platforms
        assert {
            "CUDA_VISIBLE_DEVICES": "-1",
            "JAX_PLATFORMS": "cpu",
            "KERAS_BACKEND": "jax",
            "USE_TORCH": "1",
        } == report.to_dict()["variables"]
        assert any("hides every GPU" in n for n in report.notes)

    def test_unknown_keras_backend(self, tmp_path):
        """An unknown KERAS_BACKEND is reported as such."""
        report = environment(
            {"HOME": str(tmp_path), "KERAS_BACKEND": "theano"}, proc=tmp_path
        )

        assert "theano" == report.keras_backend
        assert any("not a backend" in n for n in report.notes)

    @pytest.mark.parametrize(
        ("content", "backend", "from_file", "noted"),
        [
            ('{"backend": "torch"}', "torch", True, False),
            ('{"floatx": "float32"}', "tensorflow", False, False),
            ("[1]", "tensorflow", False, False),
            ("{broken", "tensorflow", False, True),
        ],
    )
    def test_keras_config(self, tmp_path, content, backend, from_file, noted):
        """keras.json in KERAS_HOME decides when KERAS_BACKEND is unset."""
        (tmp_path / "keras.json").write_text(content)

        report = environment({"KERAS_HOME": str(tmp_path)}, proc=tmp_path)

        assert backend == report.keras_backend
        assert from_file is report.keras_backend_source.endswith("keras.json")
        assert noted is bool(report.notes)

    def test_keras_home_default(self, tmp_path):
        """Without KERAS_HOME, Keras looks in ~/.keras."""
        (tmp_path / ".keras").mkdir()
        (tmp_path / ".keras" / "keras.json").write_text('{"backend": "jax"}')

        report = environment({"HOME": str(tmp_path)}, proc=tmp_path)

        assert "jax" == report.keras_backend

    def test_unwritable_home(self, tmp_path, monkeypatch):
        """An unwritable home sends Keras to the temporary folder."""
        monkeypatch.setattr("os.access", lambda *a: False)
        monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
        (tmp_path / ".keras").mkdir()
        (tmp_path / ".keras" / "keras.json").write_text('{"backend": "torch"}')

        report = environment({"HOME": "/nonexistent"}, proc=tmp_path)

        assert "torch" == report.keras_backend

    def test_nvidia_driver(self, tmp_path):
        """The driver version comes from /proc/driver/nvidia/version."""
        folder = tmp_path / "driver" / "nvidia"
        folder.mkdir(parents=True)
        (folder / "version").write_text(
            "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05"
            "  Sat Aug 19 01:15:15 UTC 2023\nGCC version: gcc 12\n"
        )

        assert "535.104.05" == nvidia_driver_version(tmp_path)
        assert "535.104.05" == environment({}, proc=tmp_path).nvidia_driver

    def test_nvidia_driver_unreadable(self, tmp_path):
        """A version file without a version gives None."""
        folder = tmp_path / "driver" / "nvidia"
        folder.mkdir(parents=True)
        (folder / "version").write_text("garbage\n")

        assert nvidia_driver_version(tmp_path) is None

    def test_reads_os_environ(self, monkeypatch):
        """Without an explicit mapping the process environment is read."""
        monkeypatch.setenv("JAX_PLATFORMS", "cuda")

        assert "cuda" == environment().jax_platforms


@pytest.fixture(name="fake_installed")
def _fake_installed(tmp_path, monkeypatch):
    """One fake framework installed, one absent."""
    import sys

    folder = tmp_path / "site"
    (folder / "fk_cli").mkdir(parents=True)
    (folder / "fk_cli" / "__init__.py").write_text("__version__ = '1.0'\n")
    meta = folder / "fk_cli-1.0+cpu.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Name: fk-cli\nVersion: 1.0+cpu\n")
    monkeypatch.setattr(sys, "path", [str(folder), *sys.path])
    monkeypatch.setenv("HOME", str(tmp_path))
    for key, dist in (("fk-cli", "fk-cli"), ("fk-gone", "fk-gone")):
        register_framework(
            Framework(
                key=key,
                name=key.upper(),
                status="active",
                distributions=[dist],
                import_names=[dist.replace("-", "_")],
            )
        )
    clear_cache()
    yield folder
    clear_cache()


class TestCli:
    def test_json(self, fake_installed, capsys):
        """--json prints one object with every framework and the environment."""
        assert 0 == main(["detect", "--json"])

        data = json.loads(capsys.readouterr().out)
        by_key = {d["key"]: d for d in data["frameworks"]}
        assert {"python", "frameworks", "environment"} == set(data)
        assert "installed" == by_key["fk-cli"]["status"]
        assert "1.0+cpu" == by_key["fk-cli"]["version"]
        assert "absent" == by_key["fk-gone"]["status"]
        assert by_key["fk-cli"]["probe"] is None

    def test_table_hides_absent(self, fake_installed, capsys):
        """The table lists found frameworks; --all adds the absent ones."""
        assert 0 == main(["detect"])
        out = capsys.readouterr().out
        assert "fk-cli" in out
        assert "fk-gone" not in out.split("Notes:")[0]
        assert "absent frameworks not shown" in out

        assert 0 == main(["detect", "--all"])
        assert "fk-gone" in capsys.readouterr().out

    def test_names_and_probe(self, fake_installed, capsys, monkeypatch):
        """Named frameworks are always shown; --probe adds probe columns."""
        monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")

        assert 0 == main(
            ["detect", "fk-cli", "fk-gone", "--probe", "--timeout", "20"]
        )

        out = capsys.readouterr().out
        assert "importable" in out
        assert "fk-gone" in out
        assert "(hides every GPU)" in out
        assert "the module reports version 1.0" in out

    def test_probe_crash_rendered(self, fake_installed, capsys):
        """A crashed probe shows its signal in the table."""
        (fake_installed / "fk_cli" / "__init__.py").write_text(
            "import faulthandler, os, signal\nfaulthandler.disable()\n"
            "os.kill(os.getpid(), signal.SIGSEGV)\n"
        )

        assert 0 == main(["detect", "fk-cli", "--probe", "--timeout", "20"])

        out = capsys.readouterr().out
        assert "crashed (SIGSEGV)" in out
        assert "probe: the child died from SIGSEGV" in out

    def test_nothing_found(self, fake_installed, capsys):
        """An empty table says so."""
        from dlchoose._cli._detect_cmd import render

        assert render([], environment({}), probe=False, hidden=0).startswith(
            "No framework found."
        )

    @pytest.mark.parametrize(
        "value", ["0", "-2", "soon", "inf", "-inf", "nan", "1e308", "86401"]
    )
    def test_bad_timeout(self, value, capsys):
        """--timeout must be a positive, finite number of at most a day
        (usage error, exit 2)."""
        with pytest.raises(SystemExit) as exc:
            main(["detect", "--timeout", value])

        assert 2 == exc.value.code
        assert "--timeout" in capsys.readouterr().err

    def test_unknown_name(self, capsys):
        """An unknown framework is a DlchooseError: exit 1, one line."""
        assert 1 == main(["detect", "no-such-framework"])
        assert capsys.readouterr().err.startswith("dlchoose: error: Unknown")

    def test_home_shortened(self):
        """Locations under the home folder are shown with ~."""
        from pathlib import Path

        from dlchoose._cli._detect_cmd import _short

        home = str(Path("~").expanduser())
        assert "~/x/torch" == _short(home + "/x/torch")
        assert "/opt/torch" == _short("/opt/torch")

    def test_gpu_cell(self):
        """A usable GPU shows as backend and device count."""
        from dlchoose._cli._detect_cmd import _gpu_cell
        from dlchoose._detect._model import Detection
        from dlchoose._detect._probe_model import GpuInfo, ProbeResult

        def with_gpu(gpu):
            probe = ProbeResult(status="importable", gpu=gpu)
            return Detection(key="x", status="installed", probe=probe)

        assert "cuda x2" == _gpu_cell(
            with_gpu(GpuInfo(backend="cuda", available=True, device_count=2))
        )
        assert "none" == _gpu_cell(with_gpu(GpuInfo()))
        assert "-" == _gpu_cell(with_gpu(None))
