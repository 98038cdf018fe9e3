"""Import frameworks in child processes, safely.

Each framework is imported by its own child: the current interpreter
running a small bootstrap that installs the caller's ``sys.path``, imports
the module, asks it for its version and devices, and prints one JSON line
after a sentinel.  The child leads its own process group; when it runs
past its timeout the whole group is killed, so neither a crash, a hang, an
``exit()`` nor a grandchild can hurt the caller.  Children run in
parallel, one thread each, at most ``max(4, os.cpu_count())`` at a time.

Every live group is recorded, and when the caller is interrupted
(``KeyboardInterrupt``, or ``SystemExit`` from a SIGTERM handler such as
the CLI's) all of them are killed before the exception goes on, without
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

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from .._choice import Choice
from ._scan import _strings


if TYPE_CHECKING:
    import subprocess

    from ._scan import Detection


__all__ = [
    "GpuInfo",
    "ProbeResult",
    "ProbeStatus",
    "max_children",
    "probe_detections",
    "probe_modules",
]


class ProbeStatus(Choice):
    """What importing a framework in a child process did."""

    IMPORTABLE = "importable"
    IMPORT_ERROR = "import_error"
    """The import raised; :attr:`ProbeResult.error` has the exception."""
    CRASHED = "crashed"
    """The child died from a signal or exited without a result."""
    TIMED_OUT = "timed_out"
    """The child ran past the timeout and was killed with its children."""
    UNAVAILABLE = "probe_unavailable"
    """This interpreter cannot start a child (frozen or embedded)."""


def _items(
    value: Mapping[str, Any] | Iterable[tuple[str, Any]],
) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), _frozen(v)) for k, v in items)


def _frozen(value: Any) -> Any:
    """Lists become tuples so that results stay hashable."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple((str(k), _frozen(v)) for k, v in value.items())
    return value


def _thawed(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


@attrs.frozen(kw_only=True)
class GpuInfo:
    """What a framework itself says about accelerators."""

    backend: str | None = None
    """``cuda``, ``rocm``, ``mps``, ``metal`` or ``None`` (CPU only)."""
    available: bool = False
    """Whether the framework can use a device right now."""
    device_count: int | None = None
    details: tuple[tuple[str, Any], ...] = attrs.field(
        converter=_items, default=()
    )
    """Framework-specific findings (build CUDA version, device names)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "available": self.available,
            "device_count": self.device_count,
            "details": {k: _thawed(v) for k, v in self.details},
        }


def _probe_status(value: str | ProbeStatus) -> ProbeStatus:
    return ProbeStatus.parse(value)


@attrs.frozen(kw_only=True)
class ProbeResult:
    """The outcome of importing one framework in a child process."""

    status: ProbeStatus = attrs.field(converter=_probe_status)
    version: str | None = None
    """The version the module itself reports (``__version__``)."""
    error: str | None = None
    """``Type: message`` of the exception (its first line), or what went
    wrong with the child."""
    signal: str | None = None
    """The signal that ended the child (``SIGSEGV``)."""
    returncode: int | None = None
    duration: float = 0.0
    """Seconds from starting the child to its end (or its killing)."""
    gpu: GpuInfo | None = None
    stderr_tail: tuple[str, ...] = attrs.field(
        converter=_strings, default=(), repr=False
    )
    """The last lines the child wrote to stderr."""

    @property
    def importable(self) -> bool:
        return self.status is ProbeStatus.IMPORTABLE

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "version": self.version,
            "error": self.error,
            "signal": self.signal,
            "returncode": self.returncode,
            "duration": round(self.duration, 3),
            "gpu": self.gpu.to_dict() if self.gpu else None,
            "stderr_tail": list(self.stderr_tail),
        }


_SENTINEL: Final = "@@dlchoose-probe@@"
_STDERR_LINES: Final = 50
_KILL_GRACE: Final = 2.0

#: Run in the child: import one module, report as JSON after the sentinel.
_BOOTSTRAP: Final = r"""
import json, os, sys, time, traceback
args = json.loads(sys.argv[1])
sys.path[:] = args["path"]
out = sys.stdout
def emit(**data):
    out.write("\n" + args["sentinel"] + json.dumps(data, default=str) + "\n")
    out.flush()
def summary(err):
    # "Type: message", first line only (messages may run for many lines).
    notes = getattr(err, "__notes__", None) or ()
    text = "".join(traceback.format_exception_only(type(err), err))
    for note in notes:
        text = text.replace(str(note), "")
    lines = [l.rstrip() for l in text.splitlines() if l.strip()]
    kind = type(err).__name__
    heads = [l for l in lines if l.startswith(kind) or ("." + kind) in l.split(":")[0]]
    return (heads or lines or [kind])[-1]
name = args["module"]
start = time.perf_counter()
try:
    module = __import__(name)
except BaseException as err:
    emit(stage="import", ok=False, error=summary(err),
         exception=type(err).__name__, seconds=time.perf_counter() - start)
    raise SystemExit(0)
version = getattr(module, "__version__", None)
emit(stage="import", ok=True, version=version and str(version),
     seconds=time.perf_counter() - start)
gpu = None
try:
    exec(args["gpu_code"])
except BaseException as err:
    gpu = {"backend": None, "available": False, "device_count": None,
           "details": {"error": summary(err)}}
emit(stage="gpu", gpu=gpu)
"""

#: Per import name: code that sets ``gpu`` (a dict) in the child.
_GPU_CODE: Final[Mapping[str, str]] = {
    "torch": r"""
details = {"cuda_build": module.version.cuda,
           "hip_build": getattr(module.version, "hip", None)}
backend, count = None, 0
if module.cuda.is_available():
    backend = "rocm" if details["hip_build"] else "cuda"
    count = module.cuda.device_count()
    details["devices"] = [module.cuda.get_device_name(i) for i in range(count)]
else:
    mps = getattr(module.backends, "mps", None)
    if mps is not None and mps.is_available():
        backend, count = "mps", 1
gpu = {"backend": backend, "available": backend is not None,
       "device_count": count, "details": details}
""",
    "tensorflow": r"""
devices = module.config.list_physical_devices("GPU")
built = module.test.is_built_with_cuda()
rocm = module.test.is_built_with_rocm()
info = dict(module.sysconfig.get_build_info())
details = {"built_with_cuda": built, "built_with_rocm": rocm,
           "cuda_build": info.get("cuda_version"),
           "cudnn_build": info.get("cudnn_version"),
           "devices": [d.name for d in devices]}
backend = ("rocm" if rocm else "cuda" if built else None) if devices else None
gpu = {"backend": backend, "available": bool(devices),
       "device_count": len(devices), "details": details}
""",
    "jax": r"""
devices = module.devices()
platform = module.default_backend()
accel = [d for d in devices if d.platform != "cpu"]
backend = {"gpu": "cuda", "cuda": "cuda", "rocm": "rocm",
           "METAL": "metal", "metal": "metal", "tpu": "tpu"}.get(platform)
gpu = {"backend": backend if accel else None, "available": bool(accel),
       "device_count": len(accel),
       "details": {"default_backend": platform,
                   "platforms": sorted({d.platform for d in devices})}}
""",
    "mxnet": r"""
count = module.context.num_gpus()
gpu = {"backend": "cuda" if count else None, "available": count > 0,
       "device_count": count, "details": {}}
""",
    "paddle": r"""
count = module.device.cuda.device_count()
built = module.is_compiled_with_cuda()
gpu = {"backend": "cuda" if count else None, "available": count > 0,
       "device_count": count, "details": {"built_with_cuda": built}}
""",
    "mlx": r"""
import mlx.core as mx
metal = mx.metal.is_available()
gpu = {"backend": "metal" if metal else None, "available": metal,
       "device_count": 1 if metal else 0,
       "details": {"default_device": str(mx.default_device())}}
""",
    "onnxruntime": r"""
providers = module.get_available_providers()
backend = ("cuda" if "CUDAExecutionProvider" in providers else
           "rocm" if "ROCMExecutionProvider" in providers else None)
gpu = {"backend": backend, "available": backend is not None,
       "device_count": None, "details": {"providers": providers}}
""",
    "keras": r"""
backend = module.config.backend() if hasattr(module, "config") else None
gpu = {"backend": None, "available": False, "device_count": None,
       "details": {"keras_backend": backend}}
""",
}


def probe_unavailable_reason() -> str | None:
    """Why this interpreter cannot start probe children, or ``None``."""
    if getattr(sys, "frozen", False):
        return "the interpreter is frozen (sys.frozen is set)"
    executable = sys.executable
    if not executable or not Path(executable).is_file():
        return f"sys.executable is not a Python interpreter: {executable!r}"
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
    """The process groups of live children, to kill them all at once."""

    _lock: threading.Lock = attrs.field(factory=threading.Lock)
    _live: set[int] = attrs.field(factory=set)
    _closed: bool = False

    def start(
        self, popen: Callable[[], subprocess.Popen[bytes]]
    ) -> subprocess.Popen[bytes]:
        """Start a child and record its group, unless :meth:`kill_all`
        already ran."""
        with self._lock:
            if self._closed:
                raise _Interrupted
            process = popen()
            self._live.add(process.pid)
        return process

    def end(self, pgid: int) -> None:
        """Kill what is left of a child's group and forget it."""
        _kill_group(pgid)
        with self._lock:
            self._live.discard(pgid)

    def kill_all(self) -> None:
        """Kill every live group; children not yet started never start."""
        with self._lock:
            self._closed = True
            live = sorted(self._live)
        for pgid in live:
            _kill_group(pgid)


class _Interrupted(Exception):  # noqa: N818 - internal signal, not an error
    """The probe was interrupted before this child started."""


def probe_modules(
    modules: Iterable[str],
    *,
    timeout: float,
    path: Sequence[str] | None = None,
) -> dict[str, ProbeResult]:
    """Import each module in its own child, in parallel; by module name.

    At most :func:`max_children` children run at once.  If the caller is
    interrupted (any exception, ``KeyboardInterrupt`` included) every
    child's process group is killed at once and the exception goes on.
    """
    names = list(dict.fromkeys(modules))
    reason = probe_unavailable_reason()
    if reason is not None:
        return {
            name: ProbeResult(status=ProbeStatus.UNAVAILABLE, error=reason)
            for name in names
        }
    child_path = [entry or str(Path.cwd()) for entry in (path or sys.path)]
    if not names:
        return {}
    from concurrent.futures import ThreadPoolExecutor

    groups = _Groups()
    pool = ThreadPoolExecutor(max_workers=min(len(names), max_children()))
    try:
        futures = {
            name: pool.submit(_run_child, name, child_path, timeout, groups)
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


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")
    env["PYTHONDONTWRITEBYTECODE"] = env.get("PYTHONDONTWRITEBYTECODE", "1")
    return env


def _run_child(
    name: str, path: list[str], timeout: float, groups: _Groups
) -> ProbeResult:
    import subprocess
    import tempfile

    args = json.dumps(
        {
            "module": name,
            "path": path,
            "sentinel": _SENTINEL,
            "gpu_code": _GPU_CODE.get(name, "gpu = None"),
        }
    )
    # Files, not pipes: a grandchild that keeps them open cannot block us.
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory(prefix="dlchoose-probe-") as cwd,
    ):
        start = time.perf_counter()
        process = groups.start(
            lambda: subprocess.Popen(  # noqa: S603 - our interpreter, no shell
                [sys.executable, "-c", _BOOTSTRAP, args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=cwd,
                env=_child_env(),
                start_new_session=True,
            )
        )
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


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


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
