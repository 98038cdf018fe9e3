"""Import frameworks in child processes, safely.

Each framework is imported by its own child (:mod:`._child`, run by its
file path in a fresh interpreter): it installs the caller's ``sys.path``,
imports the module, asks it for its version and devices, and prints JSON
lines after a sentinel.  The child leads its own process group and carries
a marker in its environment; when it ends, or runs past its timeout, its
group is killed and every process still holding the marker is found and
killed too (:mod:`._processes`), so neither a crash, a hang, an ``exit()``
nor a grandchild that escaped with ``setsid`` outlives the probe.
Children run in parallel, one thread each, at most
``max(4, os.cpu_count())`` at a time.

When the caller is interrupted (``KeyboardInterrupt``, or ``SystemExit``
from SIGTERM or SIGHUP, which :func:`._processes.signals_exit` raises while
children run) every child is killed before the exception goes on, without
waiting for the timeout.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from ._listing import entry_path
from ._probe_model import GpuInfo, ProbeResult, ProbeStatus
from ._processes import MARKER, kill_group, new_token, signals_exit, sweep


if TYPE_CHECKING:
    import subprocess

    from ._model import Detection


__all__ = [
    "CHILD",
    "max_children",
    "probe_detections",
    "probe_modules",
    "probe_unavailable_reason",
]

_SENTINEL: Final = "@@dlchoose-probe@@"
_STDERR_LINES: Final = 50
_KILL_GRACE: Final = 2.0
#: The child's code, run by its path so it needs nothing but the stdlib.
CHILD: Final = str(Path(__file__).with_name("_child.py"))


def probe_unavailable_reason() -> str | None:
    """Why this interpreter cannot start probe children, or ``None``."""
    if getattr(sys, "frozen", False):
        return "the interpreter is frozen (sys.frozen is set)"
    executable = sys.executable
    if not executable or not Path(executable).is_file():
        return f"sys.executable is not a Python interpreter: {executable!r}"
    if not Path(CHILD).is_file():
        return f"the probe's child code is not a file on disk: {CHILD}"
    return None


def max_children() -> int:
    """How many probe children run at once: ``max(4, os.cpu_count())``.

    Four lets the usual set (PyTorch, TensorFlow, JAX, Keras) overlap even
    on two cores, which measured faster there than two at a time (4.5 s
    against 5.3 s); the bound keeps a machine with many frameworks from
    importing all of them at once.
    """
    return max(4, os.cpu_count() or 4)


@attrs.define
class _Groups:
    """The live children (process group and marker), to end them all."""

    _lock: threading.Lock = attrs.field(factory=threading.Lock)
    _live: dict[int, str] = attrs.field(factory=dict)
    _closed: bool = False

    def start(
        self, popen: Callable[[str], subprocess.Popen[bytes]]
    ) -> subprocess.Popen[bytes]:
        """Start a child with a new marker and record it, unless
        :meth:`kill_all` already ran."""
        token = new_token()
        with self._lock:
            if self._closed:
                raise _Interrupted
            process = popen(token)
            self._live[process.pid] = token
        return process

    def end(self, pgid: int) -> None:
        """Kill what is left of a child's group and its marked
        descendants, and forget it."""
        with self._lock:
            token = self._live.pop(pgid, None)
        _end(pgid, token)

    def kill_all(self) -> None:
        """Kill every live child; children not yet started never start."""
        with self._lock:
            self._closed = True
            live = sorted(self._live.items())
        for pgid, token in live:
            _end(pgid, token)


def _end(pgid: int, token: str | None) -> None:
    kill_group(pgid)
    if token is not None:
        sweep(token)


class _Interrupted(Exception):  # noqa: N818 - internal signal, not an error
    """The probe was interrupted before this child started."""


def _child_path(path: Sequence[str] | None) -> list[str]:
    """The ``sys.path`` for children: ``""`` made absolute, entries that
    cannot be folders (null bytes, not strings) left out."""
    entries = (entry_path(e) for e in (path or sys.path))
    return [entry for entry in entries if entry is not None]


def probe_modules(
    modules: Iterable[str],
    *,
    timeout: float,
    path: Sequence[str] | None = None,
) -> dict[str, ProbeResult]:
    """Import each module in its own child, in parallel; by module name.

    At most :func:`max_children` children run at once.  If the caller is
    interrupted (any exception, ``KeyboardInterrupt`` included) every
    child is killed at once and the exception goes on.
    """
    names = list(dict.fromkeys(modules))
    reason = probe_unavailable_reason()
    if reason is not None:
        return {
            name: ProbeResult(status=ProbeStatus.UNAVAILABLE, error=reason)
            for name in names
        }
    if not names:
        return {}
    with signals_exit():
        return _run_all(names, _child_path(path), timeout)


def _run_all(
    names: list[str], path: list[str], timeout: float
) -> dict[str, ProbeResult]:
    from concurrent.futures import ThreadPoolExecutor

    groups = _Groups()
    pool = ThreadPoolExecutor(max_workers=min(len(names), max_children()))
    try:
        futures = {
            name: pool.submit(_run_child, name, path, timeout, groups)
            for name in names
        }
        results = {name: future.result() for name, future in futures.items()}
    except BaseException:
        # Kill first: then the workers' waits end at once, and nobody
        # waits for them (or for the timeout) on the way out.
        groups.kill_all()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _child_env(token: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")
    env["PYTHONDONTWRITEBYTECODE"] = env.get("PYTHONDONTWRITEBYTECODE", "1")
    env[MARKER] = token
    return env


def _request(name: str, path: list[str], handle: IO[bytes]) -> None:
    """Write the child's request where it reads it: its stdin."""
    request = {"module": name, "path": path, "sentinel": _SENTINEL}
    handle.write(json.dumps(request).encode("ascii"))
    handle.flush()
    handle.seek(0)


def _run_child(
    name: str, path: list[str], timeout: float, groups: _Groups
) -> ProbeResult:
    import subprocess
    import tempfile

    # Files, not pipes: a grandchild that keeps them open cannot block us,
    # and a request of any size cannot fill a pipe or the argument list.
    with (
        tempfile.TemporaryFile() as request,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory(prefix="dlchoose-probe-") as cwd,
    ):
        _request(name, path, request)
        start = time.perf_counter()
        process = groups.start(
            lambda token: subprocess.Popen(  # noqa: S603 - our interpreter, no shell
                [sys.executable, "-I", CHILD],
                stdin=request,
                stdout=out,
                stderr=err,
                cwd=cwd,
                env=_child_env(token),
                start_new_session=True,
            )
        )
        timed_out = _wait(process, timeout, groups)
        duration = time.perf_counter() - start
        records = _records(_read(out))
        stderr = _read(err).splitlines()[-_STDERR_LINES:]
    return _result(
        records,
        returncode=None if timed_out else process.returncode,
        timed_out=timed_out,
        timeout=timeout,
        duration=duration,
        stderr=stderr,
    )


def _wait(
    process: subprocess.Popen[bytes], timeout: float, groups: _Groups
) -> bool:
    """Wait for the child, then end whatever it left; whether it timed out."""
    import subprocess

    timed_out = False
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        # Whatever happened, nothing the child started may outlive it.
        groups.end(process.pid)
    if timed_out:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=_KILL_GRACE)
    return timed_out


def _read(handle: IO[bytes]) -> str:
    handle.seek(0)
    return handle.read().decode("utf-8", "replace")


def _records(stdout: str) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for line in stdout.splitlines():
        if line.startswith(_SENTINEL):
            try:
                data = json.loads(line[len(_SENTINEL) :])
            except ValueError:
                continue
            if isinstance(data, dict):
                records[str(data.get("stage"))] = data
    return records


def _signal_name(returncode: int) -> str:
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


_SIGNAL_HINTS: Final = {
    "SIGILL": "the CPU lacks an instruction the build needs",
    "SIGKILL": "killed from outside, often by the out-of-memory killer",
    "SIGSEGV": "a native library crashed",
    "SIGABRT": "a native library aborted",
    "SIGBUS": "a native library crashed",
}


def _gpu(data: Any) -> GpuInfo | None:
    if not isinstance(data, dict):
        return None
    count = data.get("device_count")
    details = data.get("details")
    return GpuInfo(
        backend=data.get("backend"),
        available=bool(data.get("available")),
        device_count=count if isinstance(count, int) else None,
        details=details if isinstance(details, dict) else {},
    )


def _result(
    records: dict[str, dict[str, Any]],
    *,
    returncode: int | None,
    timed_out: bool,
    timeout: float,
    duration: float,
    stderr: list[str],
) -> ProbeResult:
    imported = records.get("import", {})
    version = imported.get("version")
    common: dict[str, Any] = {
        "version": version if isinstance(version, str) else None,
        "returncode": returncode,
        "duration": duration,
        "stderr_tail": stderr,
    }
    if imported.get("ok") is False:
        return ProbeResult(
            status=ProbeStatus.IMPORT_ERROR,
            error=str(imported.get("error")),
            **common,
        )
    if timed_out:
        stage = "its device query" if imported.get("ok") else "the import"
        return ProbeResult(
            status=ProbeStatus.TIMED_OUT,
            error=f"{stage} did not finish within {timeout:g} s; the child"
            " and its process group were killed",
            **common,
        )
    if returncode is not None and returncode < 0:
        name = _signal_name(returncode)
        hint = _SIGNAL_HINTS.get(name)
        return ProbeResult(
            status=ProbeStatus.CRASHED,
            signal=name,
            error=f"the child died from {name}"
            + (f" ({hint})" if hint else ""),
            **common,
        )
    if not imported.get("ok"):
        return ProbeResult(
            status=ProbeStatus.CRASHED,
            error=f"the child exited with status {returncode} before"
            " reporting a result",
            **common,
        )
    return ProbeResult(
        status=ProbeStatus.IMPORTABLE,
        gpu=_gpu(records.get("gpu", {}).get("gpu")),
        **common,
    )


def probe_detections(
    detections: Sequence[Detection], *, timeout: float
) -> tuple[Detection, ...]:
    """Attach a probe to every detection whose module ``import`` finds."""
    wanted = {
        d.key: d.import_name for d in detections if d.found and d.import_name
    }
    results = probe_modules(wanted.values(), timeout=timeout)
    probed = []
    for detection in detections:
        name = wanted.get(detection.key)
        if name is None:
            probed.append(detection)
            continue
        result = results[name]
        reasons = list(detection.reasons)
        if (
            result.version
            and detection.version
            and result.version != detection.version
        ):
            reasons.append(
                f"the module reports version {result.version}, its"
                f" metadata {detection.version}"
            )
        probed.append(attrs.evolve(detection, probe=result, reasons=reasons))
    return tuple(probed)
