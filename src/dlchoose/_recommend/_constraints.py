"""The hard constraints: one small function each, applied in a fixed order.

Each check looks at one candidate and returns its findings: a
:class:`Failure` (the framework is excluded, with the evidence) or an
:class:`Unverified` (the data cannot say).  :func:`screen` turns the
unverifiable ones into failures, or into warnings when the caller keeps
unknowns (``unknown="keep"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from .._registry._model import Framework, GpuBackend
from .._sources import Source
from ._criteria import CRITERIA, SEED_ERA_AS_OF, Criterion
from ._options import DataEra, GpuVendor
from ._values import Candidate, Cell


__all__ = [
    "CORE_QUALITIES",
    "GPU_CRITERIA",
    "KEPT_WHEN_UNVERIFIED",
    "Constraints",
    "Failure",
    "Installability",
    "Unverified",
    "check_core_gate",
    "check_era",
    "check_gpu_bases",
    "check_gpu_vendor",
    "check_installable",
    "check_installed",
    "check_language",
    "check_maintained",
    "check_required",
    "screen",
]

#: The three qualities the seed article asks of every framework.
CORE_QUALITIES: Final = (Criterion.GRAPHS, Criterion.AUTODIFF, Criterion.GPU)
#: Constraints whose unverifiable findings keep the framework (with a
#: warning) whatever ``unknown`` says.  The core gate is dlchoose's own
#: floor, not something the caller asked for: a quality no public source
#: rates is a gap in dlchoose's data, not a failing of the framework, and
#: a user choosing by language expects to see that language's frameworks
#: (Flux.jl for Julia, Deep Java Library for Java) flagged, not hidden.
#: Only a judged level below the floor excludes.
KEPT_WHEN_UNVERIFIED: Final = frozenset({"core_gate"})


@attrs.frozen(kw_only=True)
class Failure:
    """One hard constraint a framework fails, with the evidence."""

    constraint: str
    reason: str
    sources: tuple[Source, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "constraint": self.constraint,
            "reason": self.reason,
            "sources": [s.to_dict() for s in self.sources],
        }


@attrs.frozen(kw_only=True)
class Unverified:
    """A constraint the data cannot check for one framework."""

    constraint: str
    what: str
    """What is unknown, in words ("the API languages")."""


Finding = Failure | Unverified


def _sorted_reasons(
    items: Mapping[str, str | None] | Iterable[tuple[str, str | None]],
) -> tuple[tuple[str, str | None], ...]:
    return tuple(sorted(dict(items).items()))


@attrs.frozen(kw_only=True)
class Installability:
    """Which frameworks install on a target, from the package index.

    ``reasons`` maps a registry key to why it cannot be installed there, or
    to ``None`` when it can; a key missing from it was not checked.
    """

    target: str
    """The target in words (``"CPython 3.6 on manylinux1_x86_64"``)."""
    target_record: tuple[tuple[str, Any], ...] = ()
    """The target as the JSON document records it (key, value pairs)."""
    reasons: tuple[tuple[str, str | None], ...] = attrs.field(
        converter=_sorted_reasons, default=()
    )

    def reason(self, key: str) -> tuple[bool, str | None]:
        """Whether *key* was checked, and why it cannot be installed."""
        found = dict(self.reasons)
        return key in found, found.get(key)


@attrs.frozen(kw_only=True)
class Constraints:
    """Every hard constraint and how unknowns count, normalised."""

    language: str | None = None
    environment: frozenset[str] | None = None
    """Registry keys allowed by ``installed=``; ``None``: no constraint."""
    require: tuple[Criterion, ...] = ()
    gpu_vendor: GpuVendor | None = None
    installable: Installability | None = None
    """Only frameworks that install on this target (``None``: any)."""
    include_unmaintained: bool = False
    core_gate: bool = True
    missing: str = "known_average"
    unknown: str = "exclude"

    def items(self) -> tuple[tuple[str, Any], ...]:
        """The constraints as the result records them (JSON order); the
        target appears only when installability was asked for, so other
        documents keep their schema."""
        target = self.installable
        return self._items() + (
            ()
            if target is None
            else (("installable", dict(target.target_record)),)
        )

    def _items(self) -> tuple[tuple[str, Any], ...]:
        return (
            ("language", self.language),
            ("installed", self.environment is not None),
            ("require", tuple(c.value for c in self.require)),
            ("include_unmaintained", self.include_unmaintained),
            (
                "gpu_vendor",
                None if self.gpu_vendor is None else self.gpu_vendor.value,
            ),
            ("core_gate", self.core_gate),
            ("missing", self.missing),
            ("unknown", self.unknown),
        )


def check_era(candidate: Candidate) -> tuple[Finding, ...]:
    """Frameworks that were not public at the seed-era date have no data."""
    if candidate.in_era:
        return ()
    return (
        Failure(
            constraint="data",
            reason=f"no seed-era data: not public by {SEED_ERA_AS_OF.isoformat()}",
        ),
    )


def check_language(
    framework: Framework, language: str | None
) -> tuple[Finding, ...]:
    """An official API in *language* (any case)."""
    if language is None:
        return ()
    if not framework.languages:
        return (Unverified(constraint="language", what="the API languages"),)
    if language.casefold() in {
        lang.casefold() for lang in framework.languages
    }:
        return ()
    return (
        Failure(
            constraint="language",
            reason=f"no official {language} API (has {', '.join(framework.languages)})",
            sources=framework.sources_for("languages"),
        ),
    )


def check_installed(
    framework: Framework, environment: frozenset[str] | None
) -> tuple[Finding, ...]:
    """Installed here, when the caller asked for installed frameworks."""
    if environment is None or framework.key in environment:
        return ()
    return (
        Failure(
            constraint="installed", reason="not installed in this environment"
        ),
    )


def _level(
    cell: Cell,
    criterion: Criterion,
    constraint: str,
    *,
    unknown: str,
    failed: str,
) -> tuple[Finding, ...]:
    """Whether *cell* reaches the criterion's supported level."""
    spec = CRITERIA[criterion]
    if cell.value is None:
        return (Unverified(constraint=constraint, what=unknown),)
    if cell.x >= Fraction(spec.supported_level, spec.levels):
        return ()
    return (
        Failure(constraint=constraint, reason=failed, sources=cell.sources),
    )


def check_required(
    candidate: Candidate, require: tuple[Criterion, ...]
) -> tuple[Finding, ...]:
    """Each required capability at least at its supported level."""
    findings: list[Finding] = []
    for criterion in require:
        cell = candidate.cells[criterion]
        spec = CRITERIA[criterion]
        findings.extend(
            _level(
                cell,
                criterion,
                f"require:{criterion.value}",
                unknown=spec.label,
                failed=f"{spec.label} {cell.value}/{spec.levels}",
            )
        )
    return tuple(findings)


def check_installable(
    framework: Framework, installable: Installability | None
) -> tuple[Finding, ...]:
    """An installable release for the target, by the package index."""
    if installable is None:
        return ()
    checked, reason = installable.reason(framework.key)
    if not checked:
        return (
            Unverified(
                constraint="installable",
                what=f"installability on {installable.target}",
            ),
        )
    if reason is None:
        return ()
    return (
        Failure(
            constraint="installable",
            reason=f"not installable on {installable.target}: {reason}",
        ),
    )


def _bases(
    framework: Framework, environment: frozenset[str] | None
) -> tuple[str, ...]:
    """What the framework builds on; under ``installed=``, only the
    installed ones (an absent base lends it nothing, issue 12)."""
    if environment is None:
        return framework.builds_on
    return tuple(b for b in framework.builds_on if b in environment)


def _gpu_backends(
    framework: Framework,
    by_key: Mapping[str, Framework],
    environment: frozenset[str] | None = None,
) -> set[GpuBackend]:
    """The framework's back ends, else those of what it builds on."""
    backends = set(framework.gpu_backends)
    if not backends:
        for base in _bases(framework, environment):
            if base in by_key:
                backends |= set(by_key[base].gpu_backends)
    return backends


def _names(keys: Iterable[str], by_key: Mapping[str, Framework]) -> str:
    return ", ".join(by_key[k].name if k in by_key else k for k in keys)


def _no_installed_base(
    framework: Framework,
    environment: frozenset[str] | None,
    by_key: Mapping[str, Framework],
) -> str | None:
    """Why a framework that gets its GPUs from others has none here: it
    has no back end of its own and none of its bases is installed."""
    if (
        environment is None
        or framework.gpu_backends
        or not framework.builds_on
        or _bases(framework, environment)
    ):
        return None
    return (
        f"no GPU here: runs on {_names(framework.builds_on, by_key)},"
        " none of them installed"
    )


def check_gpu_vendor(
    framework: Framework,
    vendor: GpuVendor | None,
    by_key: Mapping[str, Framework],
    environment: frozenset[str] | None = None,
) -> tuple[Finding, ...]:
    """A back end for the vendor's hardware (inherited when it has none;
    under ``installed=``, only from installed bases)."""
    if vendor is None:
        return ()
    absent = _no_installed_base(framework, environment, by_key)
    if absent is not None:
        return (Failure(constraint="gpu_vendor", reason=absent),)
    backends = _gpu_backends(framework, by_key, environment)
    wanted = vendor.backend
    if not backends:
        return (Unverified(constraint="gpu_vendor", what="GPU back ends"),)
    if wanted in backends:
        return ()
    return (
        Failure(
            constraint="gpu_vendor",
            reason=f"no supported {vendor.value} GPU back end ({wanted.value})",
            sources=framework.sources_for("gpu_backends"),
        ),
    )


#: The criteria a framework that runs on others gets only through them.
GPU_CRITERIA: Final = frozenset({Criterion.GPU, Criterion.DISTRIBUTED_GPU})


def check_gpu_bases(
    framework: Framework,
    constraints: Constraints,
    by_key: Mapping[str, Framework],
) -> tuple[Finding, ...]:
    """Under ``installed=``, GPU use that is asked for (required, or by the
    core gate) is not credited through bases that are not installed."""
    asked = constraints.core_gate or not GPU_CRITERIA.isdisjoint(
        constraints.require
    )
    absent = _no_installed_base(framework, constraints.environment, by_key)
    if not asked or absent is None:
        return ()
    return (Failure(constraint="installed", reason=absent),)


def check_maintained(
    candidate: Candidate, era: DataEra
) -> tuple[Finding, ...]:
    """Still maintained: an active or maintenance status, not archived."""
    if candidate.status.maintained and not candidate.archived:
        return ()
    parts = []
    if not candidate.status.maintained:
        when = (
            f" since {candidate.status_date.isoformat()}"
            if candidate.status_date
            else ""
        )
        parts.append(f"status {candidate.status.value}{when}")
    if candidate.archived:
        parts.append("repository archived")
    era_text = " (seed-era status)" if era is DataEra.SEED_ERA else ""
    return (
        Failure(
            constraint="include_unmaintained",
            reason=f"unmaintained: {'; '.join(parts)}{era_text}",
            sources=candidate.status_sources,
        ),
    )


def check_core_gate(candidate: Candidate) -> tuple[Finding, ...]:
    """Large graphs, automatic differentiation and simple GPU use."""
    findings: list[Finding] = []
    for criterion in CORE_QUALITIES:
        cell = candidate.cells[criterion]
        spec = CRITERIA[criterion]
        findings.extend(
            _level(
                cell,
                criterion,
                "core_gate",
                unknown=f"core quality: {spec.label}",
                failed=(
                    f"fails core quality: {spec.label}"
                    f" ({cell.value}/{spec.levels})"
                ),
            )
        )
    return tuple(findings)


def _findings(
    candidate: Candidate,
    constraints: Constraints,
    era: DataEra,
    by_key: Mapping[str, Framework],
) -> tuple[Finding, ...]:
    """Every constraint's findings, in the documented order."""
    framework = candidate.framework
    findings = (
        *check_era(candidate),
        *check_language(framework, constraints.language),
        *check_installed(framework, constraints.environment),
        *check_gpu_bases(framework, constraints, by_key),
        *check_installable(framework, constraints.installable),
        *check_required(candidate, constraints.require),
        *check_gpu_vendor(
            framework, constraints.gpu_vendor, by_key, constraints.environment
        ),
    )
    if not constraints.include_unmaintained:
        findings += check_maintained(candidate, era)
    if constraints.core_gate:
        findings += check_core_gate(candidate)
    return findings


def screen(
    candidate: Candidate,
    constraints: Constraints,
    *,
    era: DataEra,
    by_key: Mapping[str, Framework],
) -> tuple[tuple[Failure, ...], tuple[str, ...]]:
    """Failed constraints, and warnings for unknowns kept (under ``keep``,
    and always for :data:`KEPT_WHEN_UNVERIFIED`)."""
    keep = constraints.unknown == "keep"
    name = candidate.framework.name
    failures: list[Failure] = []
    kept: list[str] = []
    for finding in _findings(candidate, constraints, era, by_key):
        if isinstance(finding, Failure):
            failures.append(finding)
        elif keep or finding.constraint in KEPT_WHEN_UNVERIFIED:
            kept.append(f"{name}: cannot verify {finding.what}; kept")
        else:
            failures.append(
                Failure(
                    constraint=finding.constraint,
                    reason=f"cannot verify {finding.what}",
                )
            )
    return tuple(failures), tuple(kept)
