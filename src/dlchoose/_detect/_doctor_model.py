"""The doctor's answers: findings, one diagnosis per framework, the report,
and the machine facts the GPU checks take as an argument."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .._choice import Choice


if TYPE_CHECKING:
    from .._gpu import GpuReport
    from .._sources import Source


__all__ = ["Diagnosis", "DoctorReport", "Finding", "Health", "MachineFacts"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(values)


def _diagnoses(values: Iterable[Diagnosis]) -> tuple[Diagnosis, ...]:
    return tuple(values)


class Health(Choice):
    """The verdict on one framework."""

    HEALTHY = "healthy"
    """Every check passed, the import included."""
    PROBLEM = "problem"
    """At least one finding (see :attr:`Diagnosis.findings`)."""
    UNCHECKED = "unchecked"
    """No problem found, but the import could not be tried (the
    interpreter cannot start a probe child)."""


def _health(value: str | Health) -> Health:
    return Health.parse(value)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem: its cause in a sentence, the evidence, and the fix."""

    code: str
    """The catalog signature (``numpy-abi``, ``torch-companion``…)."""
    title: str
    cause: str
    evidence: tuple[str, ...] = attrs.field(converter=_strings, default=())
    """What shows it, such as the error's last line or the versions involved."""
    fix: str | None = None
    """A shell command that fixes it, when one does."""
    hint: str | None = None
    """What to do, in words, when a command alone does not say it."""
    source: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "cause": self.cause,
            "evidence": list(self.evidence),
            "fix": self.fix,
            "hint": self.hint,
            "source": self.source.to_dict() if self.source else None,
        }


@attrs.frozen(kw_only=True)
class Diagnosis:
    """The doctor's verdict on one installed framework."""

    key: str
    """The registry key (``pytorch``)."""
    name: str
    """The display name (``PyTorch``)."""
    version: str | None = None
    distribution: str | None = None
    health: Health = attrs.field(converter=_health)
    findings: tuple[Finding, ...] = attrs.field(
        converter=_findings, default=()
    )
    notes: tuple[str, ...] = attrs.field(converter=_strings, default=())
    """What could not be checked, and why."""

    @property
    def healthy(self) -> bool:
        """Whether nothing is wrong (an unchecked import counts as fine)."""
        return self.health is not Health.PROBLEM

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "version": self.version,
            "distribution": self.distribution,
            "health": self.health.value,
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"nvidia_gpus must be a count, not {value!r}")
    return value


@attrs.frozen(kw_only=True)
class MachineFacts:
    """What the GPU checks know of this machine; ``None`` is unknown.

    The doctor takes them from :func:`dlchoose.gpu` (so it and ``dlchoose
    gpu`` always agree); tests may pass their own.
    """

    nvidia_gpus: int | None = attrs.field(
        converter=_optional_int, default=None
    )
    """Visible NVIDIA GPUs (after ``CUDA_VISIBLE_DEVICES``)."""
    driver: str | None = None
    """The NVIDIA driver version."""
    max_cuda: str | None = None
    """The newest CUDA release the driver runs (``12.x``, ``13.0``)."""
    compute_capabilities: tuple[str, ...] = attrs.field(
        converter=_strings, default=()
    )
    source: str = "unknown"
    """Where the facts came from."""
    description: str | None = None
    """The facts in words, as their source put them."""
    notes: tuple[str, ...] = attrs.field(converter=_strings, default=())
    """What the source said about its own facts (a variable ignored…)."""
    report: GpuReport | None = attrs.field(default=None, eq=False, repr=False)
    """The :func:`dlchoose.gpu` report behind these facts, which the GPU
    fixes are chosen for (``gpu_fit``); ``None`` for facts made by hand."""

    @property
    def known(self) -> bool:
        """Whether anything is known about the GPUs at all."""
        return self.nvidia_gpus is not None

    @property
    def has_gpu(self) -> bool:
        """Whether a usable NVIDIA GPU is known to be here."""
        return bool(self.nvidia_gpus)

    def summary(self) -> str:
        """The facts in a few words."""
        if self.description:
            return self.description
        if not self.known:
            return "unknown (no GPU facts available)"
        if not self.has_gpu:
            return "no usable NVIDIA GPU"
        text = f"{self.nvidia_gpus} NVIDIA GPU(s)"
        if self.driver:
            text += f", driver {self.driver}"
        if self.max_cuda:
            text += f" (CUDA {self.max_cuda} at most)"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "nvidia_gpus": self.nvidia_gpus,
            "driver": self.driver,
            "max_cuda": self.max_cuda,
            "compute_capabilities": list(self.compute_capabilities),
            "source": self.source,
            "summary": self.summary(),
            "notes": list(self.notes),
        }


@attrs.frozen(kw_only=True)
class DoctorReport:
    """Every diagnosis, and the machine facts they were made with."""

    diagnoses: tuple[Diagnosis, ...] = attrs.field(
        converter=_diagnoses, default=()
    )
    machine: MachineFacts = attrs.field(factory=MachineFacts)

    @property
    def healthy(self) -> bool:
        """Whether no framework has a problem (exit code 0)."""
        return all(d.healthy for d in self.diagnoses)

    @property
    def problems(self) -> tuple[Diagnosis, ...]:
        return tuple(d for d in self.diagnoses if not d.healthy)

    def to_dict(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "frameworks": [d.to_dict() for d in self.diagnoses],
            "machine": self.machine.to_dict(),
        }
