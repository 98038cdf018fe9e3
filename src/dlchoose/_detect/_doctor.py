"""``dlchoose.diagnose()``: why an installed framework fails, and the fix.

Two steps per framework.  First what needs no import: the fast path's
status (shadowed, conflicting variants, files missing), the installed
metadata's requirements, the variables Keras and TensorFlow read, and the
machine's GPU facts against the build.  Then the probe's import in a child
process, whose error is matched against the catalog of signatures
(:mod:`._signatures`).  Each finding says its cause in one sentence, the
evidence, the fix, and the public source it comes from; a failure that no
signature knows is reported verbatim.
"""

from __future__ import annotations

import platform
import sys

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._registry._lookup import get_framework
from ._doctor_checks import (
    COMPANIONS,
    Context,
    apply_gpu_remedies,
    base_facts,
    companion_facts,
    companion_record_findings,
    finding,
    gpu_findings,
    keras_findings,
    keras_runtime_findings,
    requirement_findings,
    status_findings,
    tensorflow_findings,
)
from ._doctor_gpu import gather_machine
from ._doctor_model import (
    Diagnosis,
    DoctorReport,
    Finding,
    Health,
    MachineFacts,
)
from ._doctor_probe import probe_findings
from ._doctor_requirements import Installed
from ._doctor_seam import detect, environment, probe_modules


if TYPE_CHECKING:
    from . import Detection, EnvironmentReport, ProbeResult


__all__ = ["DEFAULT_TIMEOUT", "diagnose", "diagnose_detections"]

DEFAULT_TIMEOUT = 60.0
"""Seconds each import may take; a cold TensorFlow import can take 20."""

#: The frameworks Keras 3 trains on, whose presence its checks need.
_BACKEND_KEYS = ("tensorflow", "jax", "pytorch")


def diagnose(
    names: str | Iterable[str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
) -> DoctorReport:
    """Diagnose every installed framework, or those *names* asks for.

    Each framework found is checked without importing it, then imported in
    a child process (killed after *timeout* seconds).  A framework named in
    *names* that is not installed is a problem too.

    Raises:
        UnknownFrameworkError: a name matches no registered framework.
        ValueError: *timeout* is not a positive, finite number.
    """
    if isinstance(names, str):
        names = [names]
    asked = None if names is None else list(names)
    detections = detect(asked, probe=True, timeout=timeout)
    env = environment()
    installed = Installed()
    context = Context(
        env=env,
        machine=gather_machine(),
        installed=installed,
        found=_found_keys(detections),
        platform=sys.platform,
        glibc=platform.libc_ver()[1] or None,
    )
    companions = _probe_companions(detections, installed, timeout)
    return diagnose_detections(
        detections, context, companions=companions, explicit=asked is not None
    )


def _found_keys(detections: Sequence[Detection]) -> frozenset[str]:
    """Registry keys that ``import`` would load, the Keras backends
    included even when they were not asked for."""
    found = {d.key for d in detections if d.found}
    missing = [
        k for k in _BACKEND_KEYS if k not in {d.key for d in detections}
    ]
    if missing:
        found |= {d.key for d in detect(missing) if d.found}
    return frozenset(found)


def _probe_companions(
    detections: Sequence[Detection], installed: Installed, timeout: float
) -> dict[str, ProbeResult]:
    """Import torch's installed companions, when torch itself imports."""
    torch = next((d for d in detections if d.key == "pytorch"), None)
    if torch is None or torch.probe is None or not torch.probe.importable:
        return {}
    names = [c for c in COMPANIONS if installed.version(c) is not None]
    return probe_modules(names, timeout=timeout) if names else {}


def diagnose_detections(
    detections: Sequence[Detection],
    context: Context,
    *,
    companions: dict[str, ProbeResult] | None = None,
    explicit: bool = False,
) -> DoctorReport:
    """The report for *detections* (probed or not) in *context*.

    Absent frameworks are left out unless *explicit* (the caller named
    them), when they count as a problem.
    """
    diagnoses = [
        _diagnose_one(d, context, companions or {})
        for d in detections
        if explicit or d.status != "absent"
    ]
    return DoctorReport(diagnoses=diagnoses, machine=context.machine)


def _diagnose_one(
    detection: Detection,
    context: Context,
    companions: dict[str, ProbeResult],
) -> Diagnosis:
    name = get_framework(detection.key).name
    common: dict[str, Any] = {
        "key": detection.key,
        "name": name,
        "version": detection.version,
        "distribution": detection.distribution,
    }
    if detection.status == "absent":
        return _absent(detection, name, common)
    if detection.import_name is None:
        return Diagnosis(
            **common,
            health=Health.UNCHECKED,
            notes=[
                (
                    f"found at {detection.location}; dlchoose checks Python"
                    " installs only"
                )
            ],
        )
    facts = base_facts(detection, name, context)
    findings, notes = _static_findings(detection, facts, context)
    findings = probe_findings(detection.probe, facts, findings)
    if detection.key == "keras":
        findings.extend(keras_runtime_findings(detection, facts, context))
    findings, gpu_notes = apply_gpu_remedies(
        findings, detection, name, context
    )
    if detection.key == "pytorch":
        findings.extend(_companion_findings(detection, context, companions))
    return Diagnosis(
        **common,
        health=_health(detection, findings),
        findings=findings,
        notes=[*notes, *gpu_notes, *_notes(detection, context)],
    )


def _absent(
    detection: Detection, name: str, common: dict[str, Any]
) -> Diagnosis:
    framework = get_framework(detection.key)
    distribution = (framework.distributions or (detection.key,))[0]
    found = finding(
        "not-installed",
        {"name": name, "distribution": distribution},
        detection.reasons[:1],
    )
    return Diagnosis(**common, health=Health.PROBLEM, findings=[found])


def _static_findings(
    detection: Detection, facts: dict[str, Any], context: Context
) -> tuple[list[Finding], list[str]]:
    """Everything found before importing, and the notes it leaves."""
    findings = status_findings(detection, facts)
    notes: list[str] = []
    if detection.status != "metadata_only":
        unmet, notes = requirement_findings(detection, facts, context)
        findings.extend(unmet)
    if detection.key == "keras":
        findings.extend(keras_findings(detection, facts, context))
    if detection.key == "tensorflow":
        findings.extend(tensorflow_findings(detection, facts, context))
    findings.extend(gpu_findings(detection, facts, context))
    return findings, notes


def _companion_findings(
    torch: Detection,
    context: Context,
    companions: dict[str, ProbeResult],
) -> list[Finding]:
    """torchvision / torchaudio built for another torch: from their pins
    first, then from their own import."""
    findings: list[Finding] = []
    for companion in COMPANIONS:
        dist = context.installed.distribution(companion)
        if dist is None:
            continue
        found = companion_record_findings(companion, dist, context)
        facts = {
            "name": companion,
            "version": str(dist.version),
            **companion_facts(
                companion,
                str(dist.version),
                "another torch release or build (its operators do not load)",
                torch.version,
            ),
        }
        findings.extend(
            probe_findings(companions.get(companion), facts, found)
        )
    return findings


def _health(detection: Detection, findings: Sequence[Finding]) -> Health:
    if findings:
        return Health.PROBLEM
    probe = detection.probe
    if probe is None or probe.status == "probe_unavailable":
        return Health.UNCHECKED
    return Health.HEALTHY


def _notes(detection: Detection, context: Context) -> list[str]:
    notes = []
    probe = detection.probe
    if probe is None:
        notes.append("not imported: the probe did not run")
    elif probe.status == "probe_unavailable":
        notes.append(f"not imported: {probe.error}")
    if not context.machine.known:
        notes.append(f"GPU checks skipped: {context.machine.source}")
    return notes


def report_for(
    detections: Sequence[Detection],
    env: EnvironmentReport,
    machine: MachineFacts,
    **kwargs: Any,
) -> DoctorReport:
    """:func:`diagnose_detections` with a context built from parts (tests
    and callers that already hold detections)."""
    context = Context(
        env=env,
        machine=machine,
        installed=kwargs.pop("installed", Installed()),
        found=frozenset(d.key for d in detections if d.found),
        platform=kwargs.pop("platform", sys.platform),
        glibc=kwargs.pop("glibc", None),
    )
    return diagnose_detections(detections, context, **kwargs)
