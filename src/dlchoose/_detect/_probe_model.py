"""The values the probe returns: :class:`ProbeResult` with its
:class:`GpuInfo` (one framework imported in a child process).

Kept apart from :mod:`._model` so that the fast path, which never probes,
does not build these classes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._choice import Choice
from ._model import strings


__all__ = ["GpuInfo", "ProbeResult", "ProbeStatus"]


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


def _frozen(value: Any) -> Any:
    """Lists become tuples so that results stay hashable."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple((str(k), _frozen(v)) for k, v in value.items())
    return value


def _items(
    value: Mapping[str, Any] | Iterable[tuple[str, Any]],
) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), _frozen(v)) for k, v in items)


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
        converter=strings, default=(), repr=False
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
