# ruff: noqa: PTH111, PTH112, PTH113, PTH118
# (plain string paths on the hot path: importing pathlib, and urllib.parse
# with it, costs a fresh process more than all of detection's own work)
"""Frameworks that are not Python packages: programs, Maven and Cargo.

Their installs leave programs on ``PATH``, artefacts in Maven's local
repository (``~/.m2/repository``) or crates in Cargo's registry cache;
finding one of those is what "installed" means for them.
"""

from __future__ import annotations

import os
import re

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._model import (
    Detection,
    DetectionStatus,
    DistributionRecord,
    parse_version,
)


if TYPE_CHECKING:
    from packaging.version import Version

    from ._known import Detectable


__all__ = ["detect_native"]

#: Where something was found, its version if known, and a sentence.
Evidence = tuple[str, str | None, str]


def detect_native(
    framework: Detectable,
    checked: list[str],
    reasons: list[str],
    records: tuple[DistributionRecord, ...],
) -> Detection:
    """Programs on ``PATH``, Maven and Cargo artefacts; else absent."""
    evidence: list[Evidence] = []
    if framework.programs:
        evidence.extend(_programs(framework.programs, checked))
    if framework.maven_groups:
        evidence.extend(_maven(framework.maven_groups, checked))
    if framework.cargo_crates:
        evidence.extend(_cargo(framework.cargo_crates, checked))
    import_name = framework.import_names[0] if framework.import_names else None
    if not evidence:
        return Detection(
            key=framework.key,
            status=DetectionStatus.ABSENT,
            import_name=import_name,
            reasons=[
                "nothing found; looked at " + "; ".join(checked),
                *reasons,
            ],
            checked=checked,
            distributions=records,
        )
    location, version, _ = evidence[0]
    return Detection(
        key=framework.key,
        status=DetectionStatus.INSTALLED,
        version=version,
        import_name=import_name,
        location=location,
        reasons=[reason for _, _, reason in evidence] + reasons,
        checked=checked,
        distributions=records,
    )


def _which(program: str) -> str | None:
    """Where *program* is on ``PATH``, like :func:`shutil.which`.

    On POSIX the search is spelt out: importing :mod:`shutil` (and the
    compression modules it tries) costs the fast path more than the search.
    """
    if os.name == "nt":  # PATHEXT and the current folder: leave it to shutil
        from shutil import which

        return which(program)
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or os.curdir, program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _programs(programs: Sequence[str], checked: list[str]) -> list[Evidence]:
    checked.append("programs on PATH: " + ", ".join(programs))
    found: list[Evidence] = []
    for program in programs:
        path = _which(program)
        if path:
            found.append((path, None, f"program {program!r} found at {path}"))
    return found


def best_version(versions: Iterable[str]) -> str | None:
    """The highest version; unparseable ones sort below and by text."""
    raws = list(versions)
    valid: list[tuple[Version, str]] = []
    for raw in raws:
        parsed = parse_version(raw)
        if parsed is not None:
            valid.append((parsed, raw))
    if valid:
        return max(valid)[1]
    return max(raws, default=None)


def _path(*parts: str) -> str:
    """``str(pathlib.Path(*parts))``: a later absolute part starts over,
    empty and ``.`` parts drop out, a leading ``//`` (exactly two) stays."""
    if os.name == "nt":  # drives and UNC shares: leave them to pathlib
        from pathlib import Path

        return str(Path(*parts))
    root = ""
    names: list[str] = []
    for part in parts:
        if part.startswith("/"):
            slashes = len(part) - len(part.lstrip("/"))
            root = "//" if slashes == 2 else "/"  # noqa: PLR2004
            names = []
        names += [name for name in part.split("/") if name not in ("", ".")]
    return (root + "/".join(names)) or "."


def _subfolders(folder: str) -> list[str]:
    """The names of the folders in *folder* (links followed), in listing
    order.

    Raises:
        OSError: *folder* cannot be listed.
    """
    names = os.listdir(folder)  # noqa: PTH208 - names only
    return [name for name in names if os.path.isdir(_path(folder, name))]


def _maven_versions(folder: str) -> tuple[list[str], list[str]]:
    """The artefact names of a group folder and all their versions."""
    names: list[str] = []
    versions: list[str] = []
    for artefact in sorted(_subfolders(folder)):
        own = _subfolders(_path(folder, artefact))
        if own:
            names.append(artefact)
            versions.extend(own)
    return names, versions


def _home() -> str:
    """The home folder, as ``pathlib.Path.home()`` finds it;
    ``/nonexistent`` when there is none (no ``HOME`` and no password
    entry), so that nothing is found there."""
    home = os.path.expanduser("~")
    if home.startswith("~"):
        return "/nonexistent"
    return _path(home)


def _maven(groups: Sequence[str], checked: list[str]) -> list[Evidence]:
    repository = _path(_home(), ".m2", "repository")
    found: list[Evidence] = []
    for group in groups:
        folder = _path(repository, *group.split("."))
        checked.append(f"Maven group {group} in {repository}")
        try:
            names, versions = _maven_versions(folder)
        except OSError:
            continue
        if names:
            found.append(
                (
                    folder,
                    best_version(versions),
                    f"Maven artefacts of {group} in {folder}: "
                    + ", ".join(names),
                )
            )
    return found


def _crate_hits(registry: str, crate: str) -> list[tuple[str, str]]:
    """``(version, path)`` of every cached or unpacked copy of *crate*."""
    # Compiled on first use (re's cache): only when a registry is there.
    pattern = rf"^{re.escape(crate)}-(\d[^/]*?)(?:\.crate)?$"
    hits: list[tuple[str, str]] = []
    for kind in ("cache", "src"):
        try:
            indexes = [
                _path(registry, kind, name)
                for name in os.listdir(_path(registry, kind))  # noqa: PTH208
            ]
        except OSError:
            continue
        for index in indexes:
            try:
                names = os.listdir(index)  # noqa: PTH208 - names only
            except OSError:
                continue
            hits.extend(
                (match[1], _path(index, name))
                for name in names
                if (match := re.match(pattern, name))
            )
    return hits


def _cargo(crates: Sequence[str], checked: list[str]) -> list[Evidence]:
    home = _path(os.environ.get("CARGO_HOME") or _path(_home(), ".cargo"))
    registry = _path(home, "registry")
    found: list[Evidence] = []
    for crate in crates:
        checked.append(f"Cargo crate {crate} in {registry}")
        hits = _crate_hits(registry, crate)
        if hits:
            version = best_version(v for v, _ in hits)
            path = next(p for v, p in hits if v == version)
            found.append(
                (path, version, f"Cargo crate {crate} {version} at {path}")
            )
    return found
