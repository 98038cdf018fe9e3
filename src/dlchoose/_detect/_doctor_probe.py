"""The doctor's second step: what the probe's import recorded.

The probe child keeps the exception's line and the tail of stderr; this
module matches them against the catalog's text signatures.  A match that a
finding of the first step already explains adds its evidence there; an
import that failed in a way no signature knows is reported verbatim.
"""

from __future__ import annotations

import re

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._doctor_checks import finding
from ._signatures import match_text, normalise


if TYPE_CHECKING:
    from . import ProbeResult
    from ._doctor_model import Finding
    from ._signatures import Signature


__all__ = ["probe_findings"]

#: Failed imports; an importable one is only searched for GPU warnings.
_FAILED: Final = frozenset({"import_error", "crashed", "timed_out"})
#: Signatures that an import which worked may still print as a warning.
#: How much of an unrecognised error the one-sentence cause quotes.
_CAUSE_CHARS: Final = 200
_WARNINGS: Final = frozenset({"jax-cuda-plugin", "gpu-too-old", "cuda-driver"})


def _evidence(probe: ProbeResult, found: re.Match[str] | None) -> list[str]:
    """The error's line, and the stderr line that matched if another."""
    lines = [probe.error] if probe.error else []
    if found is not None:
        needle = normalise(found[0])
        for line in probe.stderr_tail:
            if needle in normalise(line) and line.strip() not in lines:
                lines.append(line.strip())
                break
    return lines


def _text_facts(
    entry: Signature, found: re.Match[str], facts: Mapping[str, Any]
) -> dict[str, Any]:
    filled = {**facts, "match1": found.group(1) if found.groups() else None}
    if entry.code == "numpy-abi":
        filled.setdefault("numpy_wanted", "<2")
    if entry.code == "protobuf-range" and not filled.get("protobuf_wanted"):
        # Old generated code needs an old protobuf; new code a new one.
        filled["protobuf_wanted"] = (
            "<=3.20.3" if "Descriptors" in found[0] else ">=5.26"
        )
    return filled


def _merge(findings: list[Finding], code: str, evidence: list[str]) -> bool:
    """Add *evidence* to the finding with *code*; whether there was one."""
    for index, existing in enumerate(findings):
        if existing.code == code:
            extra = [e for e in evidence if e not in existing.evidence]
            findings[index] = attrs.evolve(
                existing, evidence=(*existing.evidence, *extra)
            )
            return True
    return False


def _explained_module(findings: list[Finding], module: str) -> str | None:
    """The code of a finding that already names missing module *module*."""
    top = re.escape(module.split(".", maxsplit=1)[0])
    for existing in findings:
        words = " ".join((existing.cause, *existing.evidence))
        if re.search(rf"\b{top}\b", words.replace("-", "_"), re.IGNORECASE):
            return existing.code
    return None


def _unknown(probe: ProbeResult, facts: Mapping[str, Any]) -> Finding:
    """The failure word for word: the cause shows its start, the evidence
    all of it and the last lines of stderr."""
    failure = probe.error or f"the import ended with status {probe.status}"
    short = failure
    if len(short) > _CAUSE_CHARS:
        short = short[: _CAUSE_CHARS - 1].rstrip() + "…"
    tail = [line.strip() for line in probe.stderr_tail if line.strip()]
    evidence = [failure, *(t for t in tail[-3:] if t != failure)]
    return finding(
        "unknown-failure",
        {**facts, "failure": f"importing {facts['name']} failed: {short}"},
        evidence,
    )


def probe_findings(
    probe: ProbeResult | None,
    facts: Mapping[str, Any],
    findings: list[Finding],
) -> list[Finding]:
    """*findings* with what *probe* shows added, merged or verbatim."""
    findings = list(findings)
    if probe is None or probe.status not in (_FAILED | {"importable"}):
        return findings
    text = "\n".join([probe.error or "", *probe.stderr_tail])
    matched = match_text(text)
    failed = probe.status in _FAILED
    if matched is None or (not failed and matched[0].code not in _WARNINGS):
        if not failed:
            return findings
        if probe.signal == "SIGILL":
            return _added(findings, "cpu-instructions", probe, None, facts)
        return [*findings, _unknown(probe, facts)]
    entry, found = matched
    if entry.code == "missing-module":
        explained = _explained_module(findings, found[1])
        if explained is not None:
            _merge(findings, explained, _evidence(probe, found))
            return findings
    return _added(
        findings, entry.code, probe, found, _text_facts(entry, found, facts)
    )


def _added(
    findings: list[Finding],
    code: str,
    probe: ProbeResult,
    found: re.Match[str] | None,
    facts: Mapping[str, Any],
) -> list[Finding]:
    evidence = _evidence(probe, found)
    if code == "cpu-instructions" and found is None:
        evidence.append(f"the import died from {probe.signal}")
        facts = {
            **facts,
            "match1": f"not named; the import died from {probe.signal}",
        }
    if not _merge(findings, code, evidence):
        findings.append(finding(code, facts, evidence))
    return findings
