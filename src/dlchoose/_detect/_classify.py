# ruff: noqa: PTH112, PTH113, PTH116, PTH118, PTH120
# (plain string paths on the hot path: fewer objects and system calls)
"""One framework's status, from where its module is and what is recorded.

Two facts are compared: where ``import <name>`` would load the module from
(:func:`importlib.util.find_spec` on the top-level name, which never runs
the package) and which distributions record an install (from the
:class:`~._listing.PathScan`).  Each disagreement becomes a
:class:`DetectionStatus` with a reason.
"""

from __future__ import annotations

import os

from typing import TYPE_CHECKING, Any

from ._build import build_of
from ._listing import PathScan, real
from ._metadata import Meta, archive_metadata, provides, read_meta
from ._model import (
    Detection,
    DetectionStatus,
    DistributionRecord,
    version_facts,
)
from ._native import detect_native


if TYPE_CHECKING:
    from ._known import Detectable


__all__ = ["detect_one"]


def _find_spec(name: str) -> tuple[Any, str | None]:
    """The module spec of a top-level name (never imports it)."""
    from importlib.util import find_spec

    try:
        return find_spec(name), None
    except Exception as err:  # noqa: BLE001 - any finder may fail
        return None, f"looking up module {name!r} failed: {err!r}"


def _module_root(spec: Any) -> str | None:
    """The folder that holds the top-level module or package."""
    origin: str | None = spec.origin
    if not spec.has_location or not origin:
        return None
    if spec.submodule_search_locations is not None:
        return os.path.dirname(os.path.dirname(origin))
    return os.path.dirname(origin)


def _module_path(spec: Any) -> str:
    origin = str(spec.origin)
    if spec.submodule_search_locations is not None:
        return os.path.dirname(origin)
    return origin


def _inside(path: str, folder: str) -> bool:
    real_path, real_folder = real(path), real(folder)
    return real_path == real_folder or real_path.startswith(
        real_folder.rstrip(os.sep) + os.sep
    )


class _Findings:
    """What is known about one framework while it is being detected.

    A plain slotted class, not attrs: internal, and creating an attrs
    class costs a fresh process about a millisecond.
    """

    __slots__ = ("checked", "import_name", "key", "metas", "reasons")

    def __init__(
        self,
        key: str,
        import_name: str,
        checked: list[str],
        reasons: list[str],
        metas: list[Meta],
    ) -> None:
        self.key = key
        self.import_name = import_name
        self.checked = checked
        self.reasons = reasons
        self.metas = metas

    @property
    def records(self) -> tuple[DistributionRecord, ...]:
        return tuple(meta.record for meta in self.metas)

    def result(
        self, status: DetectionStatus, meta: Meta | None, **extra: Any
    ) -> Detection:
        record = meta.record if meta else None
        for other in self.metas:  # files found unreadable along the way
            self.reasons.extend(
                note for note in other.files.notes if note not in self.reasons
            )
        return Detection(
            key=self.key,
            status=status,
            version=record.version if record else None,
            distribution=record.name if record else None,
            import_name=self.import_name,
            reasons=self.reasons,
            checked=self.checked,
            distributions=self.records,
            **extra,
        )


def detect_one(framework: Detectable, scan: PathScan) -> Detection:
    """Detect *framework* from one listing of ``sys.path``."""
    checked: list[str] = []
    reasons: list[str] = []
    if framework.distributions:
        checked.append(
            "distribution metadata for "
            + ", ".join(framework.distributions)
            + " on sys.path"
        )
    if not framework.import_names:
        return detect_native(framework, checked, reasons, ())
    import_name = framework.import_names[0]
    checked.append(f"module {import_name!r} via importlib.util.find_spec")
    metas = _collect_metadata(framework, scan, reasons)
    reasons.extend(
        f"ignored the leftover of an interrupted pip run: {leftover.path}"
        for name in dict.fromkeys(
            (*framework.distributions, *framework.import_names)
        )
        for leftover in scan.leftovers.get(name, ())
    )
    spec, root = _locate(import_name, reasons)
    _note_strays(import_name, root, scan, reasons)
    findings = _Findings(framework.key, import_name, checked, reasons, metas)
    if spec is None or root is None:
        return _not_found(framework, findings)
    location = _module_path(spec)
    own = [
        meta
        for meta in metas
        if real(meta.record.location) == real(root)
        or (meta.editable_target and _inside(location, meta.editable_target))
    ]
    if not own:
        return _not_own(findings, scan, location)
    return _installed(findings, own, root, location)


def _not_found(framework: Detectable, findings: _Findings) -> Detection:
    """No module: metadata only, a non-Python install, or absent."""
    if not findings.metas:
        return detect_native(framework, findings.checked, findings.reasons, ())
    record = findings.metas[0].record
    findings.reasons.insert(
        0,
        f"{record.name} {record.version} is recorded at"
        f" {record.metadata_path}, but module {findings.import_name!r}"
        " cannot be found",
    )
    return findings.result(DetectionStatus.METADATA_ONLY, findings.metas[0])


def _locate(import_name: str, reasons: list[str]) -> tuple[Any, str | None]:
    """The module's spec and root folder; namespace packages do not count."""
    spec, error = _find_spec(import_name)
    if error:
        reasons.append(error)
    if spec is None:
        return None, None
    root = _module_root(spec)
    if root is None:
        locations = [str(p) for p in spec.submodule_search_locations or ()]
        reasons.append(
            "ignored folder(s) without __init__.py (a namespace package,"
            " not an install): " + ", ".join(locations)
        )
        return None, None
    return spec, root


def _installed(
    findings: _Findings, own: list[Meta], root: str, location: str
) -> Detection:
    """The module sits where (some of) its metadata says: installed, or
    a conflict when several installs wrote into one place."""
    reasons = findings.reasons
    providers = _logical(own, findings.import_name)
    chosen = providers[0]
    status = DetectionStatus.INSTALLED
    if len(providers) > 1:
        status = DetectionStatus.CONFLICT
        chosen = max(providers, key=_mtime)
        reasons.insert(
            0,
            "several distributions installed module"
            f" {findings.import_name!r} into {root} over one another: "
            + ", ".join(
                f"{m.record.name} {m.record.version}" for m in providers
            )
            + f"; {chosen.record.name} was installed last",
        )
    reasons.extend(
        f"another copy, {meta.record.name} {meta.record.version} at"
        f" {meta.record.location}, is not the one imported"
        for meta in findings.metas
        if meta not in own
    )
    build, source = build_of(chosen.record, chosen.files)
    if build:
        reasons.append(f"built for {build}, according to {source}")
    if not version_facts(chosen.record.version)[0]:
        reasons.append(
            f"version {chosen.record.version!r} is not a valid PEP 440"
            " version; it is kept as written"
        )
    return findings.result(
        status,
        chosen,
        location=location,
        editable=chosen.record.editable,
        build=build,
    )


def _collect_metadata(
    framework: Detectable, scan: PathScan, reasons: list[str]
) -> list[Meta]:
    """Complete metadata records of the framework, in import order."""
    found: list[tuple[int, int, Meta]] = []
    for rank, name in enumerate(framework.distributions):
        for entry in scan.metadata.get(name, ()):
            meta = read_meta(entry.path, entry.folder)
            if isinstance(meta, list):
                reasons.extend(meta)
            else:
                found.append((entry.index, rank, meta))
        for index, archive in scan.archives:
            metas, notes = archive_metadata(name, archive)
            reasons.extend(notes)
            found.extend((index, rank, meta) for meta in metas)
    found.sort(key=lambda item: item[:2])
    return [meta for _, _, meta in found]


def _logical(own: list[Meta], import_name: str) -> list[Meta]:
    """The distinct installs behind the module's own metadata records.

    Records of one distribution that an editable install leaves twice
    (``dist-info`` plus the source tree's ``egg-info``) count once;
    distributions that do not ship the module (``jaxlib`` next to ``jax``)
    do not count at all.
    """
    providers = [meta for meta in own if provides(meta, import_name)] or own
    distinct: list[Meta] = []
    for meta in providers:
        twin = next(
            (
                other
                for other in distinct
                if other.record.name == meta.record.name
                and (other.record.editable or meta.record.editable)
            ),
            None,
        )
        if twin is None:
            distinct.append(meta)
    return distinct


def _mtime(meta: Meta) -> int:
    try:
        return os.stat(meta.record.metadata_path).st_mtime_ns
    except (OSError, ValueError):
        return 0


def _not_own(findings: _Findings, scan: PathScan, location: str) -> Detection:
    """The module is not where any of its metadata says."""
    name = findings.import_name
    folders = {real(entry.folder) for entry in scan.modules.get(name, ())}
    hidden = [m for m in findings.metas if real(m.record.location) in folders]
    if hidden:
        record = hidden[0].record
        findings.reasons.insert(
            0,
            f"{location} hides {record.name} {record.version} installed in"
            f" {record.location}; `import {name}` would load the former",
        )
        return findings.result(
            DetectionStatus.SHADOWED, hidden[0], location=location
        )
    findings.reasons.extend(
        f"{meta.record.name} {meta.record.version} is recorded at"
        f" {meta.record.metadata_path}, but its module is not there"
        for meta in findings.metas
    )
    findings.reasons.insert(
        0,
        f"module {name!r} at {location} has no distribution metadata"
        " (a system, conda or source install?)",
    )
    return findings.result(DetectionStatus.UNMANAGED, None, location=location)


def _note_strays(
    import_name: str, root: str | None, scan: PathScan, reasons: list[str]
) -> None:
    for entry in scan.modules.get(import_name, ()):
        if root is not None and real(entry.folder) == real(root):
            continue
        if os.path.isdir(entry.path) and not os.path.isfile(
            os.path.join(entry.path, "__init__.py")
        ):
            reasons.append(f"stray folder without __init__.py: {entry.path}")
