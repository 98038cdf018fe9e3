"""The probe child: import one module, report what it says, as JSON.

The probe runs this file by its path in a fresh interpreter
(``python -I .../_child.py``), so it uses the standard library only and
never imports dlchoose.  The request (module name, the caller's
``sys.path``, the sentinel) arrives as JSON on stdin, not in argv or the
environment, so a huge ``sys.path`` cannot exceed the kernel's argument
limit.  Each report is one line on stdout after the sentinel, because the
framework itself may print anything there.

Tests import this module and call its functions in-process.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback

from collections.abc import Callable
from typing import IO, Any


__all__ = ["GPU_QUERIES", "gpu_report", "main", "run", "summary"]

GpuReport = dict[str, Any]


def summary(err: BaseException) -> str:
    """``Type: message``, first line only (messages may run for many
    lines, and notes added to the exception are left out)."""
    notes = getattr(err, "__notes__", None) or ()
    text = "".join(traceback.format_exception_only(type(err), err))
    for note in notes:
        text = text.replace(str(note), "")
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    kind = type(err).__name__
    heads = [
        line
        for line in lines
        if line.startswith(kind) or ("." + kind) in line.split(":")[0]
    ]
    return (heads or lines or [kind])[-1]


def _torch(module: Any) -> GpuReport:
    details = {
        "cuda_build": module.version.cuda,
        "hip_build": getattr(module.version, "hip", None),
    }
    backend, count = None, 0
    if module.cuda.is_available():
        backend = "rocm" if details["hip_build"] else "cuda"
        count = module.cuda.device_count()
        details["devices"] = [
            module.cuda.get_device_name(i) for i in range(count)
        ]
    else:
        mps = getattr(module.backends, "mps", None)
        if mps is not None and mps.is_available():
            backend, count = "mps", 1
    return {
        "backend": backend,
        "available": backend is not None,
        "device_count": count,
        "details": details,
    }


def _tensorflow(module: Any) -> GpuReport:
    devices = module.config.list_physical_devices("GPU")
    built = module.test.is_built_with_cuda()
    rocm = module.test.is_built_with_rocm()
    info = dict(module.sysconfig.get_build_info())
    details = {
        "built_with_cuda": built,
        "built_with_rocm": rocm,
        "cuda_build": info.get("cuda_version"),
        "cudnn_build": info.get("cudnn_version"),
        "devices": [d.name for d in devices],
    }
    backend = "rocm" if rocm else "cuda" if built else None
    return {
        "backend": backend if devices else None,
        "available": bool(devices),
        "device_count": len(devices),
        "details": details,
    }


_JAX_BACKENDS = {
    "gpu": "cuda",
    "cuda": "cuda",
    "rocm": "rocm",
    "METAL": "metal",
    "metal": "metal",
    "tpu": "tpu",
}


def _jax(module: Any) -> GpuReport:
    devices = module.devices()
    platform = module.default_backend()
    accelerators = [d for d in devices if d.platform != "cpu"]
    backend = _JAX_BACKENDS.get(platform)
    return {
        "backend": backend if accelerators else None,
        "available": bool(accelerators),
        "device_count": len(accelerators),
        "details": {
            "default_backend": platform,
            "platforms": sorted({d.platform for d in devices}),
        },
    }


def _mxnet(module: Any) -> GpuReport:
    count = module.context.num_gpus()
    return {
        "backend": "cuda" if count else None,
        "available": count > 0,
        "device_count": count,
        "details": {},
    }


def _paddle(module: Any) -> GpuReport:
    count = module.device.cuda.device_count()
    return {
        "backend": "cuda" if count else None,
        "available": count > 0,
        "device_count": count,
        "details": {"built_with_cuda": module.is_compiled_with_cuda()},
    }


def _mlx(module: Any) -> GpuReport:
    import importlib

    core = importlib.import_module(module.__name__ + ".core")
    metal = bool(core.metal.is_available())
    return {
        "backend": "metal" if metal else None,
        "available": metal,
        "device_count": 1 if metal else 0,
        "details": {"default_device": str(core.default_device())},
    }


def _onnxruntime(module: Any) -> GpuReport:
    providers = list(module.get_available_providers())
    backend = (
        "cuda"
        if "CUDAExecutionProvider" in providers
        else "rocm"
        if "ROCMExecutionProvider" in providers
        else None
    )
    return {
        "backend": backend,
        "available": backend is not None,
        "device_count": None,
        "details": {"providers": providers},
    }


def _keras(module: Any) -> GpuReport:
    config = getattr(module, "config", None)
    backend = config.backend() if config is not None else None
    return {
        "backend": None,
        "available": False,
        "device_count": None,
        "details": {"keras_backend": backend},
    }


#: Import name -> what asks that framework about its accelerators.
GPU_QUERIES: dict[str, Callable[[Any], GpuReport]] = {
    "torch": _torch,
    "tensorflow": _tensorflow,
    "jax": _jax,
    "mxnet": _mxnet,
    "paddle": _paddle,
    "mlx": _mlx,
    "onnxruntime": _onnxruntime,
    "keras": _keras,
}


def gpu_report(name: str, module: Any) -> GpuReport | None:
    """What module *name* says about accelerators (``None``: not asked);
    a failing query becomes an error detail, not a failed probe."""
    query = GPU_QUERIES.get(name)
    if query is None:
        return None
    try:
        return query(module)
    except BaseException as err:  # noqa: BLE001 - the framework's own failure
        return {
            "backend": None,
            "available": False,
            "device_count": None,
            "details": {"error": summary(err)},
        }


def _emit(out: IO[str], sentinel: str, **data: Any) -> None:
    out.write("\n" + sentinel + json.dumps(data, default=str) + "\n")
    out.flush()


def run(request: dict[str, Any], out: IO[str]) -> None:
    """Import ``request["module"]`` with ``request["path"]`` as
    ``sys.path`` and write the import and GPU reports to *out*."""
    sys.path[:] = request["path"]
    name, sentinel = request["module"], request["sentinel"]
    start = time.perf_counter()
    try:
        module = __import__(name)
    except BaseException as err:  # noqa: BLE001 - every failure is the report
        _emit(
            out,
            sentinel,
            stage="import",
            ok=False,
            error=summary(err),
            exception=type(err).__name__,
            seconds=time.perf_counter() - start,
        )
        return
    version = getattr(module, "__version__", None)
    _emit(
        out,
        sentinel,
        stage="import",
        ok=True,
        version=None if version is None else str(version),
        seconds=time.perf_counter() - start,
    )
    _emit(out, sentinel, stage="gpu", gpu=gpu_report(name, module))


def _stdin_from_devnull() -> None:
    """The framework gets an empty stdin, as before the request was read."""
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)


def main() -> int:
    """Read the request from stdin, run it, report on stdout."""
    request = json.load(sys.stdin)
    _stdin_from_devnull()
    sys.dont_write_bytecode = True  # -I ignores PYTHONDONTWRITEBYTECODE
    run(request, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
