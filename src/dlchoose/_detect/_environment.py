"""What the environment says about accelerators, without importing anything.

Reads variables (``CUDA_VISIBLE_DEVICES``, ``KERAS_BACKEND``,
``JAX_PLATFORMS`` and the switches other libraries obey), the NVIDIA
driver version the kernel exposes in ``/proc``, and Keras' own config file.
Nothing here starts a process or loads a driver.
"""

from __future__ import annotations

import os
import re

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from ._files import MAX_CONFIG_BYTES, UnreadableFile, read_small_text
from ._model import strings


__all__ = ["EnvironmentReport", "environment", "parse_visible_devices"]

#: Variables that frameworks or the libraries around them obey; reported
#: as found, never acted upon.
VARIABLES: Final = (
    "CUDA_VISIBLE_DEVICES",
    "HIP_VISIBLE_DEVICES",
    "ROCR_VISIBLE_DEVICES",
    "JAX_PLATFORMS",
    "KERAS_BACKEND",
    "KERAS_HOME",
    "TF_USE_LEGACY_KERAS",
    "USE_TORCH",
    "USE_TF",
    "USE_FLAX",
    "USE_JAX",
    "FORCE_TF_AVAILABLE",
    "USE_TORCH_XLA",
    "PYTORCH_NVML_BASED_CUDA_CHECK",
)

KERAS_BACKENDS: Final = ("tensorflow", "jax", "torch", "numpy", "openvino")

_DRIVER_RE: Final = r"Kernel Module\s+(?:for\s+\S+\s+)?(\d+(?:\.\d+)+)"


def _pairs(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(items)


def _optional_strings(
    value: Iterable[str] | None,
) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class EnvironmentReport:
    """Accelerator-related facts read from variables, files and ``/proc``."""

    cuda_visible_devices: str | None = None
    """``CUDA_VISIBLE_DEVICES`` as set (``None``: unset)."""
    visible_devices: tuple[str, ...] | None = attrs.field(
        converter=_optional_strings, default=None
    )
    """The devices CUDA will use, parsed like the CUDA runtime does;
    ``None`` means all of them."""
    hidden_by_env: bool = False
    """Whether the variables hide every GPU."""
    nvidia_driver: str | None = None
    """The loaded NVIDIA kernel module's version, if the kernel says."""
    keras_backend: str = "tensorflow"
    keras_backend_source: str = "Keras' default"
    """``KERAS_BACKEND``, the config file it came from, or the default."""
    jax_platforms: str | None = None
    variables: tuple[tuple[str, str], ...] = attrs.field(
        converter=_pairs, default=()
    )
    """Every relevant variable that is set, in a fixed order (device visibility first)."""
    notes: tuple[str, ...] = attrs.field(converter=strings, default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "cuda_visible_devices": self.cuda_visible_devices,
            "visible_devices": (
                None
                if self.visible_devices is None
                else list(self.visible_devices)
            ),
            "hidden_by_env": self.hidden_by_env,
            "nvidia_driver": self.nvidia_driver,
            "keras_backend": self.keras_backend,
            "keras_backend_source": self.keras_backend_source,
            "jax_platforms": self.jax_platforms,
            "variables": dict(self.variables),
            "notes": list(self.notes),
        }


def parse_visible_devices(value: str | None) -> tuple[str, ...] | None:
    """Parse a ``CUDA_VISIBLE_DEVICES`` value as CUDA and PyTorch do.

    ``None`` (unset) means every device; ``""`` none.  Ordinals are read
    like ``strtoul`` (``"1gpu"`` is 1); an invalid or negative entry ends
    the list; a repeated ordinal hides every device.  ``GPU-``/``MIG-``
    UUID lists end at the first entry without the first one's prefix.

    >>> parse_visible_devices("0,-1,1")
    ('0',)
    >>> parse_visible_devices("1,1")
    ()
    """
    if value is None:
        return None
    entries = [part.strip() for part in value.split(",")]
    if not entries[0]:
        return ()
    for prefix in ("GPU-", "MIG-"):
        if entries[0].startswith(prefix):
            uuids: list[str] = []
            for entry in entries:
                if not entry.startswith(prefix):
                    break
                uuids.append(entry)
            return () if len(set(uuids)) != len(uuids) else tuple(uuids)
    ordinals: list[str] = []
    for entry in entries:
        digits = re.match(r"\d+", entry)
        if digits is None:
            break
        ordinals.append(str(int(digits[0])))
    if len(set(ordinals)) != len(ordinals):
        return ()
    return tuple(ordinals)


def nvidia_driver_version(proc: Path = Path("/proc")) -> str | None:
    """The NVIDIA kernel module version from ``/proc``, if loaded."""
    try:
        text = (proc / "driver" / "nvidia" / "version").read_text(
            encoding="utf-8", errors="replace"
        )
    except OSError:
        return None
    match = re.search(_DRIVER_RE, text)
    return match[1] if match else None


def _keras_dir(env: Mapping[str, str]) -> Path:
    """Where Keras keeps ``keras.json``, by Keras' own rules."""
    if env.get("KERAS_HOME"):
        return Path(env["KERAS_HOME"])
    try:
        home = Path(env.get("HOME") or Path.home())
    except (RuntimeError, KeyError):  # no HOME and no password entry
        home = Path("/nonexistent")
    if os.access(home, os.W_OK):
        return home / ".keras"
    import tempfile  # rarely needed; slow to import

    base = Path(tempfile.gettempdir())
    return base / ".keras"


def keras_backend(
    env: Mapping[str, str],
) -> tuple[str, str, str | None]:
    """Keras' backend, where that came from, and a note on problems."""
    chosen = env.get("KERAS_BACKEND")
    if chosen:
        note = None
        if chosen not in KERAS_BACKENDS:
            note = f"KERAS_BACKEND={chosen!r} is not a backend Keras knows"
        return chosen, "KERAS_BACKEND", note
    config = _keras_dir(env) / "keras.json"
    try:
        text = read_small_text(str(config), MAX_CONFIG_BYTES)
    except UnreadableFile as err:
        return "tensorflow", "Keras' default", f"ignored keras.json: {err}"
    if text is None:
        return "tensorflow", "Keras' default", None
    import json  # only when there is a file to read

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        return (
            "tensorflow",
            "Keras' default",
            f"cannot read {config}: {err}",
        )
    backend = data.get("backend") if isinstance(data, dict) else None
    if not isinstance(backend, str) or not backend:
        return "tensorflow", "Keras' default", None
    return backend, str(config), None


def environment(
    env: Mapping[str, str] | None = None, *, proc: Path = Path("/proc")
) -> EnvironmentReport:
    """What the variables, Keras' config and ``/proc`` say; imports
    nothing."""
    env = os.environ if env is None else env
    notes: list[str] = []
    raw = env.get("CUDA_VISIBLE_DEVICES")
    visible = parse_visible_devices(raw)
    hidden = visible == ()
    if hidden:
        notes.append(f"CUDA_VISIBLE_DEVICES={raw!r} hides every GPU")
    backend, source, note = keras_backend(env)
    if note:
        notes.append(note)
    return EnvironmentReport(
        cuda_visible_devices=raw,
        visible_devices=visible,
        hidden_by_env=hidden,
        nvidia_driver=nvidia_driver_version(proc),
        keras_backend=backend,
        keras_backend_source=source,
        jax_platforms=env.get("JAX_PLATFORMS"),
        variables=[(name, env[name]) for name in VARIABLES if name in env],
        notes=notes,
    )
