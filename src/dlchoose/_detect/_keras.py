"""Whether an installed Keras has a backend to run on.

Keras 3 runs on TensorFlow, JAX or PyTorch (NumPy and OpenVINO only run
inference) and picks one from ``KERAS_BACKEND``, else ``keras.json``, else
TensorFlow; Keras 2 runs on TensorFlow only.  ``pip install keras`` installs
none of them, so finding Keras says little on its own: these reasons say
what is missing, without importing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from ._environment import KERAS_BACKENDS, keras_backend
from ._model import version_facts


__all__ = ["TRAINING_BACKENDS", "keras_backend_reasons"]

#: The backends Keras 3 trains on.
TRAINING_BACKENDS: Final = ("tensorflow", "jax", "torch")
_KERAS_2_BACKENDS: Final = ("tensorflow",)
#: Keras 3 made Keras multi-backend again.
_MULTI_BACKEND_MAJOR: Final = 3


def keras_backend_reasons(
    version: str | None,
    backend_found: Callable[[str], bool],
    env: Mapping[str, str],
) -> list[str]:
    """Why Keras *version* may have no backend; *backend_found* tells
    whether a backend's module (its import name) is installed."""
    _, major, _ = version_facts(version)
    usable = (
        _KERAS_2_BACKENDS
        if major is not None and major < _MULTI_BACKEND_MAJOR
        else TRAINING_BACKENDS
    )
    reasons: list[str] = []
    if not any(backend_found(name) for name in usable):
        reasons.append(
            "none of Keras' backends (" + ", ".join(usable) + ") is"
            " installed, so Keras cannot train; install one of them"
        )
    if usable is _KERAS_2_BACKENDS:
        return reasons
    chosen, source, note = keras_backend(env)
    if note:
        reasons.append(note)
    elif chosen in KERAS_BACKENDS and not backend_found(chosen):
        reasons.append(
            f"Keras is configured for the {chosen} backend ({source}), which"
            " is not installed: `import keras` will fail"
        )
    return reasons
