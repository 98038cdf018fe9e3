"""The machine facts the doctor's GPU checks take, and the GPU fixes.

Both come from the GPU capability, never from a table of the doctor's
own: the facts are :func:`dlchoose.gpu`'s report (driver, the newest CUDA
it runs on this OS, devices and their compute capabilities, its notes),
so ``dlchoose doctor`` and ``dlchoose gpu`` cannot disagree about this
machine; a fix that installs a GPU build is ``gpu_fit()``'s command for
that machine, and where ``gpu_fit()`` answers with the CPU build (or does
not know the framework) the doctor says so in words instead of a command.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from .._gpu import FitStatus, gpu, gpu_fit
from ..exceptions import DlchooseError
from ._doctor_model import MachineFacts


if TYPE_CHECKING:
    from .._gpu import GpuFit, GpuReport
    from .._sources import Source


__all__ = [
    "GpuRemedy",
    "cuda_runs",
    "from_gpu_report",
    "gather_machine",
    "gpu_remedy",
]


def from_gpu_report(report: GpuReport) -> MachineFacts:
    """:class:`MachineFacts` from a :func:`dlchoose.gpu` report."""
    vendor = str(report.vendor)
    devices = tuple(report.devices)
    count = len(devices)
    if vendor == "nvidia" and not count:
        count = 1  # the vendor is NVIDIA: at least one GPU, models unknown
    return MachineFacts(
        nvidia_gpus=count if vendor == "nvidia" else 0,
        driver=report.driver_version,
        max_cuda=report.max_cuda,
        compute_capabilities=[
            d.compute_capability
            for d in devices
            if d.compute_capability is not None
        ],
        source="dlchoose.gpu()",
        description=report.summary,
        notes=report.notes,
        report=report,
    )


def gather_machine(
    read_gpu: Callable[[], GpuReport] | None = None,
) -> MachineFacts:
    """This machine's facts: :func:`dlchoose.gpu`'s (or *read_gpu*'s).

    Its errors are not caught: ``dlchoose gpu`` would fail the same way.
    """
    return from_gpu_report((read_gpu or gpu)())


def _cuda_tuple(text: str) -> tuple[int, ...]:
    """``(12, 8)`` from ``12.8``; ``(12,)`` from the family ``12.x``."""
    return tuple(int(part) for part in re.findall(r"\d+", text))


def cuda_runs(build_cuda: str, max_cuda: str) -> bool:
    """Whether a build for CUDA *build_cuda* (``12.8``) runs on a driver
    whose newest CUDA is *max_cuda* (``12.x`` for a family, ``10.2`` for a
    single release, as :func:`dlchoose.gpu` labels it)."""
    limit = _cuda_tuple(max_cuda)
    return _cuda_tuple(build_cuda)[: len(limit)] <= limit


@attrs.frozen(kw_only=True)
class GpuRemedy:
    """What the GPU capability says to install instead, for one framework."""

    fix: str | None = None
    """``gpu_fit()``'s command, when it answers with a GPU build."""
    hint: str | None = None
    """Why no command, in words, when it does not."""
    cpu_is_best: bool = False
    """``gpu_fit()`` answered with the CPU build: no GPU build runs here."""
    source: Source | None = None
    """Where the GPU build in :attr:`fix` is documented (its table row's
    first source), so the finding cites that framework's page."""


def _fit(key: str, report: GpuReport) -> GpuFit | None:
    try:
        (fit,) = gpu_fit([key], machine=report)
    except DlchooseError:
        return None
    return fit


def gpu_remedy(
    key: str,
    name: str,
    machine: MachineFacts,
    *,
    fit: Callable[[str, Any], GpuFit | None] = _fit,
) -> GpuRemedy:
    """``gpu_fit()``'s answer for registry *key* (display *name*) on
    *machine*: its command when it is a GPU build, else its reason."""
    see = f"see `dlchoose gpu {key}`"
    answer = None if machine.report is None else fit(key, machine.report)
    if answer is None:
        return GpuRemedy(
            hint=f"dlchoose cannot say which GPU build of {name} runs here;"
            f" {see}"
        )
    command = answer.install_command
    if answer.status is FitStatus.GPU and command:
        sources = answer.build.sources if answer.build else ()
        return GpuRemedy(fix=command, source=sources[0] if sources else None)
    why = "; ".join(answer.reasons[:1]) or "no build data"
    if answer.status is FitStatus.CPU:
        return GpuRemedy(
            hint=f"no GPU build of {answer.name} runs here: {why}; {see}",
            cpu_is_best=True,
        )
    return GpuRemedy(
        hint=f"dlchoose cannot say which GPU build of {answer.name} runs"
        f" here: {why}; {see}"
    )
