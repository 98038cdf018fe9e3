"""Requirements on installed frameworks, for a CI gate.

``check_requirements(["torch>=2.4", "keras"])`` reads each PEP 508 string
with :mod:`packaging`, finds the framework by registry key, name or alias
(``torch`` is PyTorch), and says whether this environment meets it: the
framework is found, its version is in the specifier, and (with *probe*)
it imports in a child process.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .._registry._lookup import get_framework
from ._model import Detection
from ._scan import DEFAULT_PROBE_TIMEOUT, detect


if TYPE_CHECKING:
    from packaging.requirements import Requirement


__all__ = ["RequirementCheck", "check_requirements", "parse_requirement"]


@attrs.frozen(kw_only=True)
class RequirementCheck:
    """Whether one requirement holds in this environment, and why."""

    requirement: str
    """The requirement as written (``torch>=2.4``)."""
    key: str
    """The registry key it names (``pytorch``)."""
    met: bool
    reason: str
    """One sentence saying what was found, or what is missing."""
    detection: Detection

    def to_dict(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "key": self.key,
            "met": self.met,
            "reason": self.reason,
        }


def parse_requirement(text: str) -> Requirement:
    """*text* as a PEP 508 requirement.

    Raises:
        ValueError: it is not one.
    """
    from packaging.requirements import InvalidRequirement, Requirement

    if not isinstance(text, str):
        raise TypeError(f"a requirement must be a string, not {text!r}")
    try:
        return Requirement(text)
    except InvalidRequirement as err:
        raise ValueError(
            f"{text!r} is not a PEP 508 requirement: {err}"
        ) from err


def check_requirements(
    requirements: str | Iterable[str],
    *,
    probe: bool = False,
    timeout: float = DEFAULT_PROBE_TIMEOUT,
) -> tuple[RequirementCheck, ...]:
    """Check each PEP 508 requirement against the detected frameworks.

    A requirement is met when its framework is found (``import`` would
    load it), its installed version is in the specifier (pre-releases and
    local labels count by their number: ``2.5.0a0+git`` meets ``>=2.4``),
    and, with *probe*, the framework imports in a child process.  One
    whose environment marker is false here is met without looking.

    Raises:
        ValueError: a requirement is not PEP 508.
        UnknownFrameworkError: it names no registered framework.
    """
    if isinstance(requirements, str):
        requirements = [requirements]
    parsed = [(text, parse_requirement(text)) for text in requirements]
    keys = [get_framework(req.name).key for _, req in parsed]
    found = {
        d.key: d
        for d in detect(
            list(dict.fromkeys(keys)), probe=probe, timeout=timeout
        )
    }
    return tuple(
        _check(text, req, found[key], probe=probe)
        for (text, req), key in zip(parsed, keys, strict=True)
    )


def _check(
    text: str, requirement: Requirement, detection: Detection, *, probe: bool
) -> RequirementCheck:
    met, reason = _verdict(requirement, detection, probe=probe)
    return RequirementCheck(
        requirement=text,
        key=detection.key,
        met=met,
        reason=reason,
        detection=detection,
    )


def _verdict(
    requirement: Requirement, detection: Detection, *, probe: bool
) -> tuple[bool, str]:
    marker = requirement.marker
    if marker is not None and not marker.evaluate({"extra": ""}):
        return True, f"does not apply here (its marker {marker} is false)"
    if not detection.found:
        return False, f"{detection.key} is not installed ({detection.status})"
    found = f"{detection.key} {detection.version or '(version unknown)'}"
    if requirement.specifier:
        parsed = detection.parsed_version
        if parsed is None:
            return False, f"{found}: the version cannot be compared"
        if not requirement.specifier.contains(parsed, prereleases=True):
            return False, f"{found} does not satisfy {requirement.specifier}"
    result = detection.probe
    if probe and result is not None and not result.importable:
        why = f": {result.error}" if result.error else ""
        return (
            False,
            f"{found} is installed but not importable ({result.status}{why})",
        )
    return True, f"{found} is installed"
