"""Which frameworks this Python environment has, without importing them.

The public entry points of detection: :func:`detect`, :func:`installed`,
:func:`is_installed`.  The fast path takes the frameworks from the
catalog's generated copy while the registry is untouched (:mod:`._known`),
lists every ``sys.path`` folder once (:mod:`._listing`), reads the
metadata of the frameworks asked for (:mod:`._metadata`) and compares it
with where ``import`` would find each module (:mod:`._classify`);
non-Python frameworks are found from their programs and artefacts
(:mod:`._native`).  Nothing here imports a
framework; the opt-in probe (``detect(probe=True)``) does that in child
processes (:mod:`._probe`).

Results are cached per interpreter state: the interpreter, ``sys.path``,
the modification times of its folders, ``PATH`` and the home folders.
"""

# ruff: noqa: PTH109, PTH116
# (plain string paths on the hot path: fewer objects and system calls)

from __future__ import annotations

import os
import sys

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from ._classify import detect_one
from ._known import known, known_by_names, registry_untouched
from ._listing import PathScan, entry_path
from ._model import Detection


if TYPE_CHECKING:
    from ._known import Detectable


__all__ = [
    "DEFAULT_PROBE_TIMEOUT",
    "MAX_PROBE_TIMEOUT",
    "check_timeout",
    "clear_cache",
    "detect",
    "installed",
    "is_installed",
    "keras_backends",
]

DEFAULT_PROBE_TIMEOUT: Final = 30.0
#: A day: longer than any import, and small enough for every wait call
#: (``1e308`` seconds overflows the clocks they use).
MAX_PROBE_TIMEOUT: Final = 86400.0
_INFINITY: Final = float("inf")


def check_timeout(timeout: float) -> float:
    """*timeout* if it is a usable probe timeout.

    Raises:
        ValueError: not a positive, finite number of at most a day.
    """
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number, not {timeout!r}")
    # Comparing with infinity (exact for ints of any size, unlike float()
    # or math.isfinite, which overflow) spares the fast path importing math.
    if not (timeout > 0 and timeout < _INFINITY):
        raise ValueError(
            f"timeout must be positive and finite, not {timeout!r}"
        )
    if timeout > MAX_PROBE_TIMEOUT:
        raise ValueError(
            f"timeout must be at most {MAX_PROBE_TIMEOUT:g} s, not {timeout!r}"
        )
    return float(timeout)


def detect(
    names: str | Iterable[str] | None = None,
    *,
    probe: bool = False,
    timeout: float = DEFAULT_PROBE_TIMEOUT,
) -> tuple[Detection, ...]:
    """Detect every registered framework, or those *names* asks for.

    Without *probe* nothing is imported and the answer comes from module
    specs and distribution metadata; it is cached until ``sys.path``, one
    of its folders, ``PATH`` or the home folder changes.  With *probe*
    each framework that was found is also imported in its own child
    process, killed after *timeout* seconds.

    Raises:
        UnknownFrameworkError: a name matches no registered framework.
        ValueError: *timeout* is not positive and finite (at most a day).
    """
    check_timeout(timeout)
    selected = _select(names)
    results = _with_keras_reasons(_fast_path(selected))
    if not probe:
        return results
    from ._probe import probe_detections

    return probe_detections(results, timeout=timeout)


def installed(
    names: str | Iterable[str] | None = None,
) -> tuple[Detection, ...]:
    """The frameworks that ``import`` would load (fast path only)."""
    return tuple(d for d in detect(names) if d.found)


def is_installed(
    name: str, min_version: str | None = None, *, importable: bool = False
) -> bool:
    """Whether framework *name* is installed, at *min_version* or later.

    Versions compare by :mod:`packaging` rules: ``2.16.1+cpu`` satisfies
    ``"2.16"``, a pre-release such as ``2.16.0rc1`` does not.  An install
    whose version is unknown or not PEP 440 never satisfies a minimum.
    With *importable* the framework is also imported in a child process
    (the probe) and must import without error.

    Raises:
        UnknownFrameworkError: *name* matches no registered framework.
        ValueError: *min_version* is not a version.
    """
    from packaging.version import InvalidVersion, Version

    minimum = None
    if min_version is not None:
        try:
            minimum = Version(min_version)
        except InvalidVersion as err:
            raise ValueError(
                f"min_version {min_version!r} is not a valid version"
            ) from err
    (result,) = detect([name])
    if not result.found:
        return False
    if minimum is not None:
        parsed = result.parsed_version
        if parsed is None or parsed < minimum:
            return False
    if importable:  # only now, as it takes a child process and seconds
        (result,) = detect([name], probe=True)
        return result.probe is not None and result.probe.importable
    return True


def clear_cache() -> None:
    """Forget cached results; the next :func:`detect` looks again."""
    _CACHE.clear()


def _select(names: str | Iterable[str] | None) -> tuple[Detectable, ...]:
    """The frameworks *names* asks for (all when ``None``).

    While the registry is untouched they come from the catalog's
    generated copy (:mod:`._known`), which spares a fresh process the
    building of every :class:`~dlchoose.Framework`; otherwise, or for a
    name the copy does not know, from the registry itself.
    """
    if isinstance(names, str):
        names = [names]
    elif names is not None:
        names = list(names)  # read twice below
    if registry_untouched():
        chosen = known() if names is None else known_by_names(names)
        if chosen is not None:
            return chosen
    return _registered(names)


def _registered(names: list[str] | None) -> tuple[Detectable, ...]:
    from .._registry._lookup import frameworks, get_framework

    if names is None:
        return frameworks()
    picked = [get_framework(name) for name in names]
    return tuple({f.key: f for f in picked}.values())


# -- Keras' backends ----------------------------------------------------------


def _module_installed(import_name: str) -> bool:
    """Whether a registered framework with this import name is found, or
    else whether ``import`` would find a real module of that name."""
    for framework in _select(None):
        if import_name in framework.import_names[:1]:
            return _fast_path([framework])[0].found
    from importlib.util import find_spec

    try:
        spec = find_spec(import_name)
    except Exception:  # noqa: BLE001 - any finder may fail: not found
        return False
    return spec is not None and bool(spec.has_location)


def keras_backends() -> tuple[str, ...]:
    """The Keras training backends (import names: ``tensorflow``, ``jax``,
    ``torch``) that are installed, so that nothing credits Keras with what
    only an absent backend could give (a GPU, say)."""
    from ._keras import TRAINING_BACKENDS

    return tuple(name for name in TRAINING_BACKENDS if _module_installed(name))


def _with_keras_reasons(
    results: tuple[Detection, ...],
) -> tuple[Detection, ...]:
    """Keras found without a usable backend says so (not cached: the
    backend comes from variables and ``keras.json``)."""
    if not any(d.import_name == "keras" and d.found for d in results):
        return results
    import attrs

    from ._keras import keras_backend_reasons

    def amended(detection: Detection) -> Detection:
        if detection.import_name != "keras" or not detection.found:
            return detection
        extra = keras_backend_reasons(
            detection.version, _module_installed, os.environ
        )
        return attrs.evolve(detection, reasons=[*detection.reasons, *extra])

    return tuple(amended(d) for d in results)


# -- caching ----------------------------------------------------------------

_CACHE: dict[tuple[object, ...], dict[Detectable, Detection]] = {}

#: Maven's repository is always ``~/.m2/repository`` (``HOME``); the
#: others move Cargo's registry, npm's global folder (its ``prefix``),
#: NuGet's global packages folder and the Julia depots.
_FINGERPRINT_VARIABLES: Final = (
    "PATH",
    "HOME",
    "CARGO_HOME",
    "npm_config_prefix",
    "NPM_CONFIG_PREFIX",
    "APPDATA",
    "NUGET_PACKAGES",
    "JULIA_DEPOT_PATH",
)


def _stamp(entry: str) -> int | None:
    folder = entry_path(entry)
    if folder is None:
        return None
    try:
        return os.stat(folder).st_mtime_ns
    except (OSError, ValueError):
        return None


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:
        return None


def _fingerprint() -> tuple[object, ...]:
    return (
        sys.executable,
        _cwd(),
        tuple(sys.path),
        tuple(_stamp(entry) for entry in sys.path),
        tuple(os.environ.get(name) for name in _FINGERPRINT_VARIABLES),
    )


def _fast_path(selected: Sequence[Detectable]) -> tuple[Detection, ...]:
    fingerprint = _fingerprint()
    cached = _CACHE.get(fingerprint)
    if cached is None:
        import importlib

        importlib.invalidate_caches()
        _CACHE.clear()
        cached = _CACHE[fingerprint] = {}
    missing = [f for f in selected if f not in cached]
    if missing:
        scan = PathScan.of(sys.path, missing)
        for framework in missing:
            cached[framework] = detect_one(framework, scan)
    return tuple(cached[f] for f in selected)
