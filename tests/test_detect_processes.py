"""Nothing the probe starts outlives it: escaped descendants, signals,
and requests of any size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

from pathlib import Path

import pytest

from dlchoose._detect._probe import probe_modules
from dlchoose._detect._processes import (
    MARKER,
    marked_processes,
    new_token,
    signals_exit,
    sweep,
)


pytestmark = pytest.mark.skipif(
    not Path("/proc/self/environ").exists(), reason="needs Linux /proc"
)

#: A module that, at import, starts a daemon the classic way (fork, setsid,
#: fork again), so it leaves the probe child's process group and session.
ESCAPE = """
import os, time
r, w = os.pipe()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        open({pid_file!r} + ".tmp", "w").write(str(os.getpid()))
        os.rename({pid_file!r} + ".tmp", {pid_file!r})
        os.write(w, b"x")
        time.sleep(120)
    os._exit(0)
os.read(r, 1)
__version__ = "1.0"
{after}
"""


def _alive(pid: int) -> bool:
    """Whether *pid* runs (a zombie nobody reaped counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1]
    except OSError:
        return False
    return state.split()[0] not in ("Z", "X")


def _wait_gone(pid: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


def _wait_file(path: Path, seconds: float = 20.0) -> int:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)
    return int(path.read_text())


@pytest.fixture(name="escaping")
def _escaping(tmp_path):
    """Write a module that escapes with setsid; return its pid file."""

    def write(name: str, after: str = ""):
        pid_file = tmp_path / f"{name}.pid"
        (tmp_path / f"{name}.py").write_text(
            textwrap.dedent(ESCAPE).format(pid_file=str(pid_file), after=after)
        )
        return pid_file

    return write


class TestSweep:
    def test_marked_process_killed(self):
        """A process carrying the marker is found and killed."""
        token = new_token()
        env = {**os.environ, MARKER: token}
        process = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(60)"], env=env
        )
        try:
            deadline = time.monotonic() + 5
            while process.pid not in marked_processes(token):
                assert time.monotonic() < deadline
                time.sleep(0.02)

            assert 1 <= sweep(token)
            assert process.wait(timeout=5) == -signal.SIGKILL
            assert [] == marked_processes(token)
        finally:
            process.kill()
            process.wait()

    def test_rounds_are_bounded(self, monkeypatch):
        """A holder that cannot be killed does not make the sweep spin."""
        from dlchoose._detect import _processes

        calls = []

        def always(token, proc):
            calls.append(token)
            return [2**31 - 1]  # no such process: the kill is refused

        monkeypatch.setattr(_processes, "marked_processes", always)

        assert 0 == sweep("x")
        assert 50 == len(calls)

    def test_unknown_group_ended(self):
        """Ending a group that is not (or no longer) live is harmless."""
        from dlchoose._detect._probe import _Groups

        _Groups().end(2**31 - 1)

    def test_tokens_unique_and_no_proc(self, tmp_path):
        """Tokens differ; without /proc nothing is found."""
        assert new_token() != new_token()
        assert [] == marked_processes("x", proc=tmp_path / "none")
        assert 0 == sweep("x", proc=tmp_path / "none")


class TestEscapedDescendants:
    def test_daemon_after_successful_import(self, escaping, tmp_path):
        """A double-forked, setsid daemon is ended when the probe ends."""
        pid_file = escaping("fk_escape_ok")

        result = probe_modules(
            ["fk_escape_ok"], timeout=20, path=[str(tmp_path), *sys.path]
        )["fk_escape_ok"]

        assert result.importable
        assert _wait_gone(_wait_file(pid_file))

    def test_daemon_after_timeout(self, escaping, tmp_path):
        """The daemon of a child that hangs is ended with it."""
        pid_file = escaping("fk_escape_hang", "time.sleep(120)")

        result = probe_modules(
            ["fk_escape_hang"], timeout=2, path=[str(tmp_path), *sys.path]
        )["fk_escape_hang"]

        assert "timed_out" == result.status
        assert _wait_gone(_wait_file(pid_file))


@pytest.mark.usefixtures("default_signals")
class TestSignals:
    def test_inherited_ignore_is_kept(self):
        """A signal the process was started ignoring (``nohup``) stays
        ignored while children run."""
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        with signals_exit():
            assert signal.SIG_IGN == signal.getsignal(signal.SIGHUP)
            signal.raise_signal(signal.SIGHUP)  # ignored: no SystemExit
        assert signal.SIG_IGN == signal.getsignal(signal.SIGHUP)

    def test_signals_raise_system_exit(self):
        """Inside, SIGTERM and SIGHUP raise SystemExit(128 + n); the
        handlers come back after."""
        before = signal.getsignal(signal.SIGHUP)

        for signum in (signal.SIGTERM, signal.SIGHUP):
            with pytest.raises(SystemExit) as exc, signals_exit():
                signal.raise_signal(signum)
            assert 128 + signum == exc.value.code

        assert before == signal.getsignal(signal.SIGHUP)

    def test_own_handlers_kept(self):
        """A handler the application set is left alone."""
        seen = []
        previous = signal.signal(signal.SIGHUP, lambda *a: seen.append(1))
        try:
            with signals_exit():
                signal.raise_signal(signal.SIGHUP)
        finally:
            signal.signal(signal.SIGHUP, previous)

        assert [1] == seen

    def test_off_main_thread(self):
        """Off the main thread nothing is touched."""
        seen = []

        def worker():
            with signals_exit():
                seen.append(signal.getsignal(signal.SIGHUP))

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()

        assert [signal.SIG_DFL] == seen

    @pytest.mark.parametrize(
        "signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]
    )
    def test_cli_signal_ends_everything(self, escaping, tmp_path, signum):
        """A signal to `dlchoose detect --probe` ends the probe child and
        the daemon it started; the CLI exits at once."""
        pid_file = escaping("fk_signal", "time.sleep(120)")
        script = textwrap.dedent(
            f"""
            import signal, sys
            # Default dispositions, whatever the runner inherited (nohup
            # ignores SIGHUP; a shell's background job ignores SIGINT).
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            sys.path.insert(0, {str(tmp_path)!r})
            from dlchoose import Framework, register_framework
            from dlchoose._cli import main
            register_framework(Framework(key="fk-signal", name="FK",
                status="active", import_names=["fk_signal"]))
            sys.exit(main(["detect", "fk-signal", "--probe",
                           "--timeout", "120"]))
            """
        )
        cli = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            daemon = _wait_file(pid_file)
            start = time.monotonic()
            cli.send_signal(signum)
            code = cli.wait(timeout=15)
        finally:
            cli.kill()
            stderr = cli.communicate()[1]

        assert time.monotonic() - start < 10
        assert code != 0, stderr
        assert _wait_gone(daemon)


def test_huge_sys_path(tmp_path):
    """A sys.path far beyond the argument limit still reaches the child."""
    (tmp_path / "fk_huge.py").write_text("__version__ = '1'\n")
    # 20,000 entries of 40 characters: 800 kB, over the 128 kB one
    # argument may hold and most systems' 2 MB total.
    path = [f"/nonexistent/{i:027d}" for i in range(20_000)]

    result = probe_modules(
        ["fk_huge"], timeout=30, path=[*path, str(tmp_path), *sys.path]
    )["fk_huge"]

    assert result.importable, result.error
