"""The probe: real child processes importing fake frameworks."""

from __future__ import annotations

import os
import signal
import sys
import textwrap
import threading
import time

from pathlib import Path

import pytest

from dlchoose import Framework, register_framework
from dlchoose._detect._model import DetectionStatus
from dlchoose._detect._probe import (
    _Groups,
    _Interrupted,
    _records,
    _result,
    _signal_name,
    max_children,
    probe_modules,
)
from dlchoose._detect._probe_model import GpuInfo, ProbeResult, ProbeStatus
from dlchoose._detect._scan import clear_cache, detect


@pytest.fixture(name="modules")
def _modules(tmp_path, monkeypatch):
    """Write fake top-level modules into a folder first on sys.path."""
    folder = tmp_path / "fakes"
    folder.mkdir()
    monkeypatch.setattr(sys, "path", [str(folder), *sys.path])
    clear_cache()

    def write(name: str, code: str) -> Path:
        path: Path = folder / name
        path.mkdir()
        (path / "__init__.py").write_text(textwrap.dedent(code))
        return path

    yield write
    clear_cache()


def probe(name, timeout=10.0):
    return probe_modules([name], timeout=timeout)[name]


def _gone(pid: int) -> bool:
    """Whether *pid* is dead (a zombie nobody reaped counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1]
    except OSError:
        return True
    return state.split()[0] in ("Z", "X")


class TestProbeOutcomes:
    def test_importable(self, modules):
        """A module that imports: importable, with its own __version__."""
        modules("fk_ok", "__version__ = '1.2.3'\n")

        result = probe("fk_ok")

        assert ProbeStatus.IMPORTABLE is result.status
        assert "1.2.3" == result.version
        assert result.importable
        assert result.gpu is None
        assert 0 == result.returncode
        assert "fk_ok" not in sys.modules

    def test_import_error(self, modules):
        """An ImportError: import_error with the exception's summary."""
        modules(
            "fk_cudnn",
            "raise ImportError('libcudnn.so.9: cannot open shared object"
            " file')\n",
        )

        result = probe("fk_cudnn")

        assert ProbeStatus.IMPORT_ERROR is result.status
        assert (
            "ImportError: libcudnn.so.9: cannot open shared object file"
            == result.error
        )

    def test_multi_line_error_and_notes(self, modules):
        """Only the first line of a long message; notes are left out."""
        modules(
            "fk_long",
            """
            err = AttributeError("no attribute 'bool'.\\nUse bool_ instead.")
            if hasattr(err, "add_note"):  # Python 3.11+
                err.add_note("a note")
            raise err
            """,
        )

        result = probe("fk_long")

        assert "AttributeError: no attribute 'bool'." == result.error

    def test_exit_at_import(self, modules):
        """sys.exit() during import is an import error, not a lost child."""
        modules("fk_exit", "import sys\nsys.exit(3)\n")

        result = probe("fk_exit")

        assert ProbeStatus.IMPORT_ERROR is result.status
        assert "SystemExit: 3" == result.error

    def test_hard_exit(self, modules):
        """os._exit() before any result: crashed, with the exit status."""
        modules("fk_hard_exit", "import os\nos._exit(7)\n")

        result = probe("fk_hard_exit")

        assert ProbeStatus.CRASHED is result.status
        assert 7 == result.returncode
        assert result.signal is None
        assert "status 7" in result.error

    @pytest.mark.parametrize(
        ("code", "name", "hint"),
        [
            ("os.kill(os.getpid(), signal.SIGSEGV)", "SIGSEGV", "crashed"),
            ("os.kill(os.getpid(), signal.SIGILL)", "SIGILL", "instruction"),
            ("os.abort()", "SIGABRT", "aborted"),
        ],
    )
    def test_crash(self, modules, code, name, hint):
        """A signal ends the child: crashed, signal named, hint given."""
        modules(
            f"fk_{name.lower()}",
            f"import faulthandler, os, signal\nfaulthandler.disable()\n{code}\n",
        )

        result = probe(f"fk_{name.lower()}")

        assert ProbeStatus.CRASHED is result.status
        assert name == result.signal
        assert hint in result.error

    def test_hang(self, modules):
        """A hanging import is killed at the timeout."""
        modules("fk_hang", "import time\ntime.sleep(60)\n")

        start = time.monotonic()
        result = probe("fk_hang", timeout=0.5)
        elapsed = time.monotonic() - start

        assert ProbeStatus.TIMED_OUT is result.status
        assert elapsed < 5
        assert "the import did not finish" in result.error
        assert result.returncode is None

    def test_grandchild_killed(self, modules, tmp_path):
        """A timeout kills the child's children too."""
        pid_file = tmp_path / "grandchild.pid"
        modules(
            "fk_spawn",
            f"""
            import subprocess, sys, time
            p = subprocess.Popen([sys.executable, "-c",
                                  "import time; time.sleep(60)"])
            open({str(pid_file)!r}, "w").write(str(p.pid))
            time.sleep(60)
            """,
        )

        result = probe("fk_spawn", timeout=1.5)

        assert ProbeStatus.TIMED_OUT is result.status
        pid = int(pid_file.read_text())
        deadline = time.monotonic() + 5
        while not _gone(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(pid)

    def test_grandchild_holding_output(self, modules, tmp_path):
        """A grandchild that keeps stdout open cannot make us wait."""
        pid_file = tmp_path / "grandchild.pid"
        modules(
            "fk_daemon",
            f"""
            import subprocess, sys
            p = subprocess.Popen([sys.executable, "-c",
                                  "import time; time.sleep(60)"])
            open({str(pid_file)!r}, "w").write(str(p.pid))
            __version__ = "1.0"
            """,
        )

        start = time.monotonic()
        result = probe("fk_daemon", timeout=20)

        assert time.monotonic() - start < 10
        assert ProbeStatus.IMPORTABLE is result.status
        pid = int(pid_file.read_text())
        deadline = time.monotonic() + 5
        while not _gone(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(pid)

    def test_noisy_output(self, modules):
        """Output printed at import does not confuse the result."""
        modules(
            "fk_noisy",
            """
            import sys
            print("hello", "{not json}", end="")
            print("@@dlchoose-probe@@{broken")
            print("warning!", file=sys.stderr)
            __version__ = "2.0"
            """,
        )

        result = probe("fk_noisy")

        assert ProbeStatus.IMPORTABLE is result.status
        assert "2.0" == result.version
        assert ("warning!",) == result.stderr_tail


class TestGpuQueries:
    def test_torch_like_gpu(self, modules):
        """The torch query reports CUDA devices through the fake module."""
        modules(
            "torch",
            """
            import types
            __version__ = "9.0+cu999"
            version = types.SimpleNamespace(cuda="12.4", hip=None)
            cuda = types.SimpleNamespace(
                is_available=lambda: True,
                device_count=lambda: 2,
                get_device_name=lambda i: f"Fake GPU {i}",
            )
            backends = types.SimpleNamespace()
            """,
        )

        result = probe("torch")

        assert ProbeStatus.IMPORTABLE is result.status
        assert result.gpu == GpuInfo(
            backend="cuda",
            available=True,
            device_count=2,
            details={
                "cuda_build": "12.4",
                "hip_build": None,
                "devices": ["Fake GPU 0", "Fake GPU 1"],
            },
        )
        assert ["Fake GPU 0", "Fake GPU 1"] == result.to_dict()["gpu"][
            "details"
        ]["devices"]

    def test_failing_gpu_query(self, modules):
        """A device query that raises is reported; the import still counts."""
        modules(
            "jax",
            """
            __version__ = "0.0.1"
            def devices():
                raise RuntimeError("no backend")
            """,
        )

        result = probe("jax")

        assert ProbeStatus.IMPORTABLE is result.status
        assert not result.gpu.available
        assert {"error": "RuntimeError: no backend"} == dict(
            result.gpu.details
        )

    def test_hanging_gpu_query(self, modules):
        """A device query that hangs times out after a successful import."""
        modules(
            "mxnet",
            """
            import time, types
            __version__ = "1.9.1"
            context = types.SimpleNamespace(num_gpus=lambda: time.sleep(60))
            """,
        )

        result = probe("mxnet", timeout=1.5)

        assert ProbeStatus.TIMED_OUT is result.status
        assert "1.9.1" == result.version
        assert "device query" in result.error


class TestParallelAndUnavailable:
    def test_children_run_in_parallel(self, modules):
        """Three one-second imports take far less than three seconds."""
        for name in ("fk_a", "fk_b", "fk_c"):
            modules(name, "import time\ntime.sleep(1.0)\n")

        start = time.monotonic()
        results = probe_modules(["fk_a", "fk_b", "fk_c", "fk_a"], timeout=10)
        elapsed = time.monotonic() - start

        assert ["fk_a", "fk_b", "fk_c"] == list(results)
        assert all(r.importable for r in results.values())
        assert elapsed < 2.7

    def test_nothing_to_probe(self):
        """No modules, no children."""
        assert {} == probe_modules([], timeout=1)

    def test_frozen_interpreter(self, monkeypatch):
        """A frozen interpreter cannot probe: probe_unavailable."""
        monkeypatch.setattr(sys, "frozen", True, raising=False)

        result = probe("fk_anything")

        assert ProbeStatus.UNAVAILABLE is result.status
        assert "frozen" in result.error

    def test_child_code_not_on_disk(self, monkeypatch, tmp_path):
        """The child's code is not a file (a zipped install): unavailable."""
        from dlchoose._detect import _probe

        monkeypatch.setattr(_probe, "CHILD", str(tmp_path / "x.zip" / "c.py"))

        result = probe("fk_anything")

        assert ProbeStatus.UNAVAILABLE is result.status
        assert "not a file on disk" in result.error

    def test_executable_not_python(self, monkeypatch, tmp_path):
        """sys.executable missing: probe_unavailable, no exception."""
        monkeypatch.setattr(sys, "executable", str(tmp_path / "nothing"))

        assert ProbeStatus.UNAVAILABLE is probe("fk_anything").status


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.usefixtures("default_signals")
class TestInterrupted:
    def test_interrupt_kills_every_group(self, modules, tmp_path):
        """An interrupted probe kills each child's group at once, then raises."""
        pid_file = tmp_path / "grandchild.pid"
        modules(
            "fk_stuck",
            f"""
            import os, subprocess, sys, time
            p = subprocess.Popen([sys.executable, "-c",
                                  "import time; time.sleep(60)"])
            with open({str(pid_file) + ".tmp"!r}, "w") as f:
                f.write(f"{{os.getpgrp()}} {{p.pid}}")
            os.replace({str(pid_file) + ".tmp"!r}, {str(pid_file)!r})
            time.sleep(60)
            """,
        )
        main = threading.main_thread().ident
        assert main is not None

        def interrupt() -> None:
            deadline = time.monotonic() + 10
            while not pid_file.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            signal.pthread_kill(main, signal.SIGINT)

        timer = threading.Thread(target=interrupt)
        start = time.monotonic()
        timer.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                probe_modules(["fk_stuck"], timeout=30)
        finally:
            timer.join()
        elapsed = time.monotonic() - start

        pgid, grandchild = map(int, pid_file.read_text().split())
        assert elapsed < 10
        deadline = time.monotonic() + 5
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.02)
        with pytest.raises(ProcessLookupError):
            os.killpg(pgid, 0)
        assert _gone(grandchild)

    def test_no_child_after_kill_all(self):
        """Once every group was killed, no further child is started."""
        groups = _Groups()
        groups.kill_all()
        started: list[str] = []

        with pytest.raises(_Interrupted):
            groups.start(started.append)  # type: ignore[arg-type]

        assert [] == started

    @pytest.mark.parametrize(
        ("cpus", "expected"), [(None, 4), (1, 4), (2, 4), (16, 16)]
    )
    def test_max_children(self, monkeypatch, cpus, expected):
        """At most one child per CPU run at once, and never fewer than 4."""
        monkeypatch.setattr(os, "cpu_count", lambda: cpus)

        assert expected == max_children()


class TestDetectWithProbe:
    def test_probe_attached(self, modules):
        """detect(probe=True) probes found frameworks only."""
        modules("fk_fw", "__version__ = '2.0'\n")
        folder = Path(sys.path[0])
        meta = folder / "fk_fw-1.0.dist-info"
        meta.mkdir()
        (meta / "METADATA").write_text("Name: fk-fw\nVersion: 1.0\n")
        register_framework(
            Framework(
                key="fk-fw",
                name="Fake FW",
                status="active",
                distributions=["fk-fw"],
                import_names=["fk_fw"],
            )
        )
        register_framework(
            Framework(
                key="fk-none",
                name="Fake none",
                status="active",
                distributions=["fk-none"],
                import_names=["fk_none"],
            )
        )

        found, missing = detect(["fk-fw", "fk-none"], probe=True, timeout=10)

        assert DetectionStatus.INSTALLED is found.status
        assert found.probe is not None
        assert ProbeStatus.IMPORTABLE is found.probe.status
        assert any(
            "reports version 2.0, its metadata 1.0" in r for r in found.reasons
        )
        assert "importable" == found.to_dict()["probe"]["status"]
        assert missing.probe is None


class TestResultParsing:
    def test_records_skip_garbage(self):
        """Only sentinel lines holding a JSON object count."""
        stdout = (
            "noise\n"
            '@@dlchoose-probe@@{"stage": "import", "ok": true}\n'
            "@@dlchoose-probe@@[1, 2]\n"
            "@@dlchoose-probe@@{oops"
        )

        assert {"import": {"stage": "import", "ok": True}} == _records(stdout)

    def test_unknown_signal(self):
        """A signal number without a name is still described."""
        assert "signal 99" == _signal_name(-99)

    def test_crash_without_hint(self):
        """A signal without a known cause has no hint."""
        result = _result(
            {},
            returncode=-int(__import__("signal").SIGUSR1),
            timed_out=False,
            timeout=1,
            duration=0.1,
            stderr=[],
        )

        assert "the child died from SIGUSR1" == result.error

    def test_malformed_gpu_record(self):
        """A GPU record that is not an object is ignored."""
        result = _result(
            {"import": {"ok": True, "version": 3}, "gpu": {"gpu": "x"}},
            returncode=0,
            timed_out=False,
            timeout=1,
            duration=0.1,
            stderr=[],
        )

        assert ProbeStatus.IMPORTABLE is result.status
        assert result.gpu is None
        assert result.version is None

    def test_to_dict(self):
        """The probe's JSON schema is pinned."""
        result = ProbeResult(
            status="crashed",
            error="the child died from SIGSEGV",
            signal="SIGSEGV",
            returncode=-11,
            duration=1.23456,
            stderr_tail=["Segmentation fault"],
        )

        assert {
            "status": "crashed",
            "version": None,
            "error": "the child died from SIGSEGV",
            "signal": "SIGSEGV",
            "returncode": -11,
            "duration": 1.235,
            "gpu": None,
            "stderr_tail": ["Segmentation fault"],
        } == result.to_dict()

    def test_gpu_info_from_pairs(self):
        """GpuInfo details accept pairs and stay hashable."""
        info = GpuInfo(details=[("providers", ["A", "B"]), ("n", {"k": 1})])

        assert hash(info)
        assert {"providers": ["A", "B"], "n": [["k", 1]]} == info.to_dict()[
            "details"
        ]


def test_no_leftover_children():
    """The probe tests leave no process group behind (sanity check)."""
    assert os.getpgrp() == os.getpgid(os.getpid())
