"""``dlchoose.gpu_fit()``: per framework, the build this GPU can use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from .._registry._lookup import get_framework
from ._fit import GpuFit, choose
from ._host import Host
from ._join import Join, JoinResult, index_versions
from ._machine import GpuReport, detect_machine, planned_machine
from ._model import FrameworkBuilds, Platform
from ._other_builds import OTHERS
from ._target import target_platform
from ._torch_builds import PYTORCH
from ._values import FitStatus, Vendor


__all__ = ["TABLES", "fit_frameworks", "gpu_fit"]

#: Every framework with GPU builds dlchoose tracks, in the order shown.
TABLES: Final = {table.framework: table for table in (PYTORCH, *OTHERS)}


def _check_names(names: object) -> tuple[str, ...] | None:
    if names is None:
        return None
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise TypeError(
            "names must be a list of framework names (e.g. ['torch']),"
            f" not {type(names).__name__}"
        )
    checked = tuple(names)
    for name in checked:
        if not isinstance(name, str):
            raise TypeError(f"a framework name must be a str, not {name!r}")
    return checked


def _check_machine(machine: object, overrides: tuple[object, ...]) -> None:
    if not isinstance(machine, GpuReport):
        raise TypeError(
            "machine must be a GpuReport (from dlchoose.gpu()),"
            f" not {type(machine).__name__}"
        )
    if any(value is not None for value in overrides):
        raise ValueError(
            "pass either machine or driver/compute_capability/gpu_vendor,"
            " not both: give the overrides to dlchoose.gpu() instead"
        )


def _untracked(key: str, name: str, platform: Platform) -> GpuFit:
    return GpuFit(
        framework=key,
        name=name,
        status=FitStatus.UNKNOWN,
        reasons=(f"dlchoose has no table of {name}'s GPU builds",),
        platform=platform,
    )


def _distributions(tables: Iterable[FrameworkBuilds]) -> list[str]:
    wanted: dict[str, None] = {}
    for table in tables:
        wanted[table.cpu_distribution] = None
        for build in table.builds:
            wanted[build.distribution] = None
    return list(wanted)


def fit_frameworks(
    keys: Iterable[str],
    *,
    machine: GpuReport,
    platform: Platform,
    python: str | None = None,
    platform_tag: str | None = None,
    join: Join = index_versions,
) -> tuple[GpuFit, ...]:
    """:class:`GpuFit` per registry key in *keys* (the seam tests use)."""
    keys = tuple(dict.fromkeys(keys))
    tables = [TABLES[key] for key in keys if key in TABLES]
    joined = (
        join(_distributions(tables), python, platform_tag)
        if tables
        else JoinResult()
    )
    fits = []
    for key in keys:
        table = TABLES.get(key)
        if table is None:
            fits.append(_untracked(key, get_framework(key).name, platform))
            continue
        fit = choose(table, machine, platform, joined.answers)
        fits.append(attrs.evolve(fit, notes=fit.notes + joined.notes))
    return tuple(fits)


def gpu_fit(
    names: Iterable[str] | None = None,
    *,
    driver: str | None = None,
    compute_capability: str | None = None,
    gpu_vendor: str | Vendor | None = None,
    python: str | None = None,
    platform: str | None = None,
    machine: GpuReport | None = None,
) -> tuple[GpuFit, ...]:
    """Per framework, the build this machine's GPU can use, and the command.

    *names* are registry names or aliases (every framework with GPU builds
    by default).  The machine is this one (:func:`dlchoose.gpu`), the
    *machine* given (a :class:`GpuReport`; then the three overrides must
    be left out), or the one *driver*, *compute_capability* and
    *gpu_vendor* describe.  The target is this interpreter, or CPython
    *python* on *platform* (a wheel platform tag), as in
    :func:`dlchoose.compatibility`, whose answer caps each build at the
    newest release with a wheel for the target.

    Each answer is the newest release whose build runs with the driver and
    carries code for every visible GPU, else the CPU build with the reason
    and what would fit.  Raises
    :class:`~dlchoose.exceptions.UnknownFrameworkError`,
    :class:`~dlchoose.exceptions.UnknownTargetError` and the errors of
    invalid overrides.
    """
    checked = _check_names(names)
    keys = (
        list(TABLES)
        if checked is None
        else [get_framework(name).key for name in checked]
    )
    target = target_platform(platform)
    overrides = (driver, compute_capability, gpu_vendor)
    if machine is not None:
        _check_machine(machine, overrides)
    else:
        machine = (
            detect_machine(Host())
            if all(value is None for value in overrides)
            else planned_machine(
                family=target.os,
                driver=driver,
                compute_capability=compute_capability,
                gpu_vendor=gpu_vendor,
            )
        )
    return fit_frameworks(
        keys,
        machine=machine,
        platform=target,
        python=python,
        platform_tag=platform,
    )
