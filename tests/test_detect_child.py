"""The probe child's code, called in-process with fake frameworks.

The probe runs ``_child.py`` in a fresh interpreter (tests/test_detect_probe.py
covers that end to end); here its functions run in the test process, so
they are covered and each query is checked against a fake module.
"""

from __future__ import annotations

import ast
import io
import json
import sys

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from dlchoose._detect import _child
from dlchoose._detect._child import gpu_report, run, summary


SENTINEL = "@@test@@"


def _records(text: str) -> list[dict[str, Any]]:
    return [
        json.loads(line[len(SENTINEL) :])
        for line in text.splitlines()
        if line.startswith(SENTINEL)
    ]


class TestStdlibOnly:
    def test_imports_only_the_stdlib(self):
        """The child imports nothing outside the standard library."""
        tree = ast.parse(Path(_child.__file__).read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, "relative import in the child"
                names.add((node.module or "").split(".")[0])

        assert names <= sys.stdlib_module_names | {"__future__"}


class TestSummary:
    def test_first_line_of_type_and_message(self):
        """Type: message, the last matching line, notes left out."""
        err = ImportError("libcudnn.so.9: cannot open\nmore detail")
        if sys.version_info >= (3, 11):  # exception notes exist from 3.11
            err.add_note("a note")

        assert "ImportError: libcudnn.so.9: cannot open" == summary(err)

    def test_empty_message(self):
        """An exception without a message is its type's name."""
        assert "KeyError" == summary(KeyError())


def _torch(available, hip=None, mps=False):
    return SimpleNamespace(
        version=SimpleNamespace(cuda="12.4", hip=hip),
        cuda=SimpleNamespace(
            is_available=lambda: available,
            device_count=lambda: 1,
            get_device_name=lambda i: f"GPU {i}",
        ),
        backends=SimpleNamespace(
            mps=SimpleNamespace(is_available=lambda: mps)
        ),
    )


def _tensorflow(devices, cuda=True, rocm=False):
    return SimpleNamespace(
        config=SimpleNamespace(
            list_physical_devices=lambda kind: [
                SimpleNamespace(name=f"/GPU:{i}") for i in range(devices)
            ]
        ),
        test=SimpleNamespace(
            is_built_with_cuda=lambda: cuda,
            is_built_with_rocm=lambda: rocm,
        ),
        sysconfig=SimpleNamespace(
            get_build_info=lambda: {"cuda_version": "12.3"}
        ),
    )


def _jax(platforms, default):
    return SimpleNamespace(
        devices=lambda: [SimpleNamespace(platform=p) for p in platforms],
        default_backend=lambda: default,
    )


def report_of(name, module) -> dict[str, Any]:
    """The GPU report of a module that has a query."""
    report = gpu_report(name, module)
    assert report is not None
    return report


class TestGpuQueries:
    @pytest.mark.parametrize(
        ("module", "expected"),
        [
            (_torch(True), ("cuda", True, 1)),
            (_torch(True, hip="6.2"), ("rocm", True, 1)),
            (_torch(False, mps=True), ("mps", True, 1)),
            (_torch(False), (None, False, 0)),
        ],
    )
    def test_torch(self, module, expected):
        """torch: CUDA, ROCm, MPS or nothing."""
        report = report_of("torch", module)

        assert expected == (
            report["backend"],
            report["available"],
            report["device_count"],
        )

    @pytest.mark.parametrize(
        ("module", "expected"),
        [
            (_tensorflow(2), ("cuda", True, 2)),
            (_tensorflow(1, cuda=False, rocm=True), ("rocm", True, 1)),
            (_tensorflow(1, cuda=False), (None, True, 1)),
            (_tensorflow(0), (None, False, 0)),
        ],
    )
    def test_tensorflow(self, module, expected):
        """tensorflow: its GPUs and how it was built."""
        report = report_of("tensorflow", module)

        assert expected == (
            report["backend"],
            report["available"],
            report["device_count"],
        )
        assert "12.3" == report["details"]["cuda_build"]

    @pytest.mark.parametrize(
        ("module", "expected"),
        [
            (_jax(["gpu", "gpu"], "gpu"), ("cuda", True, 2)),
            (_jax(["cpu"], "cpu"), (None, False, 0)),
        ],
    )
    def test_jax(self, module, expected):
        """jax: accelerators are the non-CPU devices."""
        report = report_of("jax", module)

        assert expected == (
            report["backend"],
            report["available"],
            report["device_count"],
        )

    def test_mxnet_and_paddle(self):
        """mxnet and paddle count CUDA devices."""
        mxnet = SimpleNamespace(context=SimpleNamespace(num_gpus=lambda: 0))
        paddle = SimpleNamespace(
            device=SimpleNamespace(
                cuda=SimpleNamespace(device_count=lambda: 3)
            ),
            is_compiled_with_cuda=lambda: True,
        )

        assert not report_of("mxnet", mxnet)["available"]
        assert 3 == report_of("paddle", paddle)["device_count"]

    def test_mlx(self, monkeypatch):
        """mlx: Metal through mlx.core."""
        core = SimpleNamespace(
            metal=SimpleNamespace(is_available=lambda: True),
            default_device=lambda: "Device(gpu, 0)",
        )
        monkeypatch.setitem(sys.modules, "fake_mlx", SimpleNamespace())
        monkeypatch.setitem(sys.modules, "fake_mlx.core", core)

        report = report_of("mlx", SimpleNamespace(__name__="fake_mlx"))

        assert ("metal", True) == (report["backend"], report["available"])

    @pytest.mark.parametrize(
        ("providers", "backend"),
        [
            (["CUDAExecutionProvider"], "cuda"),
            (["ROCMExecutionProvider"], "rocm"),
            (["CPUExecutionProvider"], None),
        ],
    )
    def test_onnxruntime(self, providers, backend):
        """onnxruntime: from its execution providers."""
        module = SimpleNamespace(get_available_providers=lambda: providers)

        assert backend == report_of("onnxruntime", module)["backend"]

    def test_keras(self):
        """keras: only its configured backend, never a device."""
        with_config = SimpleNamespace(
            config=SimpleNamespace(backend=lambda: "jax")
        )

        assert (
            "jax"
            == report_of("keras", with_config)["details"]["keras_backend"]
        )
        assert (
            None
            is report_of("keras", SimpleNamespace())["details"][
                "keras_backend"
            ]
        )

    def test_unknown_and_failing(self):
        """No query for unknown modules; a failing query is an error."""
        assert None is gpu_report("fakenet", SimpleNamespace())
        report = report_of("mxnet", SimpleNamespace())

        assert not report["available"]
        assert report["details"]["error"].startswith("AttributeError")


class TestRun:
    def test_importable(self, tmp_path, monkeypatch):
        """An importable module: its version, then its GPU report."""
        (tmp_path / "fk_child_ok.py").write_text("__version__ = 3\n")
        monkeypatch.setattr(sys, "path", list(sys.path))
        out = io.StringIO()

        run(
            {
                "module": "fk_child_ok",
                "path": [str(tmp_path), *sys.path],
                "sentinel": SENTINEL,
            },
            out,
        )

        first, second = _records(out.getvalue())
        assert (True, "3") == (first["ok"], first["version"])
        assert {"stage": "gpu", "gpu": None} == second

    def test_import_error(self, tmp_path, monkeypatch):
        """A failing import: one record with the exception's summary."""
        (tmp_path / "fk_child_bad.py").write_text("raise ImportError('x')\n")
        monkeypatch.setattr(sys, "path", list(sys.path))
        out = io.StringIO()

        run(
            {
                "module": "fk_child_bad",
                "path": [str(tmp_path)],
                "sentinel": SENTINEL,
            },
            out,
        )

        (record,) = _records(out.getvalue())
        assert (False, "ImportError: x") == (record["ok"], record["error"])

    def test_main_reads_stdin(self, tmp_path, monkeypatch, capsys):
        """main() takes its request from stdin and leaves stdin empty."""
        (tmp_path / "fk_child_main.py").write_text("__version__ = '1'\n")
        monkeypatch.setattr(sys, "path", list(sys.path))
        request = {
            "module": "fk_child_main",
            "path": [str(tmp_path), *sys.path],
            "sentinel": SENTINEL,
        }
        monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(request)))
        monkeypatch.setattr(sys, "dont_write_bytecode", False)
        dup2 = []
        monkeypatch.setattr("os.dup2", lambda a, b: dup2.append(b))

        assert 0 == _child.main()

        assert [0] == dup2
        assert "1" == _records(capsys.readouterr().out)[0]["version"]


def test_runs_as_a_script(tmp_path, monkeypatch, capsys):
    """Run by its path, the module reads stdin and exits 0."""
    import runpy

    (tmp_path / "fk_child_script.py").write_text("__version__ = '2'\n")
    monkeypatch.setattr(sys, "path", list(sys.path))
    request = {
        "module": "fk_child_script",
        "path": [str(tmp_path), *sys.path],
        "sentinel": SENTINEL,
    }
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(request)))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr("os.dup2", lambda a, b: None)

    with pytest.raises(SystemExit) as exc:
        runpy.run_path(_child.__file__, run_name="__main__")

    assert 0 == exc.value.code
    assert "2" == _records(capsys.readouterr().out)[0]["version"]
