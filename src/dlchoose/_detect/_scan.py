# ruff: noqa: PTH109, PTH112, PTH113, PTH116, PTH118, PTH119, PTH120, PTH208
# (plain string paths on the hot path: fewer objects and system calls)
"""Which frameworks this Python environment has, without importing them.

The fast path collects two separate facts for every framework and compares
them:

* where ``import <name>`` would load the module from
  (:func:`importlib.util.find_spec` on the *top-level* name, which never
  runs the package), and
* which distributions record an install: ``*.dist-info`` / ``*.egg-info``
  folders named after the framework's distributions, found by listing each
  ``sys.path`` folder once and read with :mod:`importlib.metadata`.

Each disagreement becomes a :class:`DetectionStatus` with a reason.  Non-
Python frameworks are found from the programs, Maven and Cargo artefacts
that their installs leave.  Nothing here imports a framework; the opt-in
probe (``detect(probe=True)``) does that in child processes
(:mod:`dlchoose._probe`).

Results are cached per interpreter state: the interpreter, ``sys.path``,
the modification times of its folders, ``PATH`` and the home folders.
"""

from __future__ import annotations

import json
import os
import re
import sys

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from .._choice import Choice
from .._registry._lookup import frameworks as _registered
from .._registry._lookup import get_framework
from .._registry._model import Framework


if TYPE_CHECKING:
    from ._probe import ProbeResult


__all__ = [
    "Detection",
    "DetectionStatus",
    "DistributionRecord",
    "clear_cache",
    "detect",
    "installed",
    "is_installed",
]

DEFAULT_PROBE_TIMEOUT: Final = 30.0


class DetectionStatus(Choice):
    """What the fast path found for one framework."""

    INSTALLED = "installed"
    """Module and distribution metadata agree."""
    ABSENT = "absent"
    """Neither a module nor metadata (stray folders are noted)."""
    METADATA_ONLY = "metadata_only"
    """A distribution is recorded, but its module cannot be found."""
    UNMANAGED = "unmanaged"
    """A module without distribution metadata (system, conda, source)."""
    SHADOWED = "shadowed"
    """A local file or folder of the same name hides the real install."""
    CONFLICT = "conflict"
    """Several variants or versions were installed over one another."""

    @property
    def found(self) -> bool:
        """Whether ``import`` would load the framework's own module."""
        return self in _FOUND


_FOUND: Final = frozenset(
    {
        DetectionStatus.INSTALLED,
        DetectionStatus.UNMANAGED,
        DetectionStatus.CONFLICT,
    }
)


def _parse_version(raw: str | None) -> Version | None:
    if raw is None:
        return None
    try:
        return Version(raw)
    except InvalidVersion:
        return None


@attrs.frozen(kw_only=True)
class DistributionRecord:
    """One installed distribution's metadata, as found on ``sys.path``."""

    name: str
    """The distribution's canonical name (``tensorflow-cpu``)."""
    version: str
    location: str
    """The folder holding the ``.dist-info`` (a ``sys.path`` entry)."""
    metadata_path: str
    editable: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "location": self.location,
            "metadata_path": self.metadata_path,
            "editable": self.editable,
        }


def _status(value: str | DetectionStatus) -> DetectionStatus:
    return DetectionStatus.parse(value)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    """The converter of the string tuples of detection, probe and
    environment results: order and repeats kept."""
    return tuple(values)


# mypy's attrs plugin takes no generic converter, hence a second one.
def _records(
    values: Iterable[DistributionRecord],
) -> tuple[DistributionRecord, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Detection:
    """What dlchoose found out about one framework in this environment."""

    key: str
    """The registry key (``pytorch``)."""
    status: DetectionStatus = attrs.field(converter=_status)
    version: str | None = None
    """The version as installed, unchanged (``2.13.0+cpu``)."""
    distribution: str | None = None
    """The canonical name of the distribution that provides it."""
    import_name: str | None = None
    location: str | None = None
    """Where ``import`` loads the module from, or where a non-Python
    install was found."""
    editable: bool = False
    build: str | None = None
    """The accelerator build the wheel was made for (``cpu``,
    ``cuda 12.1``, ``rocm 6.2``), from version labels, names and
    requirements; ``None`` when the metadata does not say."""
    reasons: tuple[str, ...] = attrs.field(converter=_strings, default=())
    checked: tuple[str, ...] = attrs.field(converter=_strings, default=())
    """What was looked at."""
    distributions: tuple[DistributionRecord, ...] = attrs.field(
        converter=_records, default=()
    )
    """Every complete metadata record of the framework, in ``sys.path``
    order (more than one for conflicts and hidden copies)."""
    probe: ProbeResult | None = None
    """The child-process import check, when one ran."""

    @property
    def parsed_version(self) -> Version | None:
        """:attr:`version` parsed by :mod:`packaging`, or ``None``."""
        return _parse_version(self.version)

    @property
    def found(self) -> bool:
        """Whether ``import`` would load this framework's own module (or,
        for non-Python frameworks, whether their install was found)."""
        return self.status.found

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; the schema is documented in docs/detection.md."""
        parsed = self.parsed_version
        return {
            "key": self.key,
            "status": self.status.value,
            "version": self.version,
            "version_valid": parsed is not None,
            "distribution": self.distribution,
            "import_name": self.import_name,
            "location": self.location,
            "editable": self.editable,
            "build": self.build,
            "reasons": list(self.reasons),
            "checked": list(self.checked),
            "distributions": [d.to_dict() for d in self.distributions],
            "probe": self.probe.to_dict() if self.probe else None,
        }


# -- public functions -------------------------------------------------------


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
        ValueError: *timeout* is not positive.
    """
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, not {timeout!r}")
    selected = _select(names)
    results = _fast_path(selected)
    if not probe:
        return results
    from ._probe import probe_detections

    return probe_detections(results, timeout=timeout)


def installed(
    names: str | Iterable[str] | None = None,
) -> tuple[Detection, ...]:
    """The frameworks that ``import`` would load (fast path only)."""
    return tuple(d for d in detect(names) if d.found)


def is_installed(name: str, min_version: str | None = None) -> bool:
    """Whether framework *name* is installed, at *min_version* or later.

    Versions compare by :mod:`packaging` rules: ``2.16.1+cpu`` satisfies
    ``"2.16"``, a pre-release such as ``2.16.0rc1`` does not.  An install
    whose version is unknown or not PEP 440 never satisfies a minimum.

    Raises:
        UnknownFrameworkError: *name* matches no registered framework.
        ValueError: *min_version* is not a version.
    """
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
    if minimum is None:
        return True
    parsed = result.parsed_version
    return parsed is not None and parsed >= minimum


def clear_cache() -> None:
    """Forget cached results; the next :func:`detect` looks again."""
    _CACHE.clear()


def _select(names: str | Iterable[str] | None) -> tuple[Framework, ...]:
    if names is None:
        return _registered()
    if isinstance(names, str):
        names = [names]
    chosen = [get_framework(name) for name in names]
    return tuple({f.key: f for f in chosen}.values())


# -- caching ----------------------------------------------------------------

_CACHE: dict[tuple[object, ...], dict[Framework, Detection]] = {}

#: Maven's repository is always ``~/.m2/repository`` (``HOME``).
_FINGERPRINT_VARIABLES: Final = ("PATH", "HOME", "CARGO_HOME")


def _entry_path(entry: str) -> str:
    return entry or os.getcwd()


def _fingerprint() -> tuple[object, ...]:
    stamps: list[int | None] = []
    for entry in sys.path:
        try:
            stamps.append(os.stat(_entry_path(entry)).st_mtime_ns)
        except (OSError, ValueError):  # noqa: PERF203 - few entries
            stamps.append(None)
    return (
        sys.executable,
        os.getcwd(),
        tuple(sys.path),
        tuple(stamps),
        tuple(os.environ.get(name) for name in _FINGERPRINT_VARIABLES),
    )


def _fast_path(selected: Sequence[Framework]) -> tuple[Detection, ...]:
    fingerprint = _fingerprint()
    cached = _CACHE.get(fingerprint)
    if cached is None:
        import importlib

        importlib.invalidate_caches()
        _CACHE.clear()
        cached = _CACHE[fingerprint] = {}
    missing = [f for f in selected if f not in cached]
    if missing:
        scan = _PathScan.of(sys.path, missing)
        for framework in missing:
            cached[framework] = _detect_one(framework, scan)
    return tuple(cached[f] for f in selected)


# -- listing sys.path once ----------------------------------------------------

_META_SUFFIXES: Final = (".dist-info", ".egg-info")


@attrs.frozen
class _Entry:
    """A file or folder on a ``sys.path`` folder that matters to us."""

    index: int
    """Position of the ``sys.path`` entry."""
    folder: str
    path: str
    name: str


def _meta_name(filename: str) -> str | None:
    """``Tensorflow_CPU-2.16.1.dist-info`` → ``tensorflow-cpu``."""
    for suffix in _META_SUFFIXES:
        if filename.endswith(suffix):
            stem = filename[: -len(suffix)]
            return canonicalize_name(stem.split("-", 1)[0])
    return None


def _module_name(filename: str, suffixes: Sequence[str]) -> str | None:
    for suffix in suffixes:
        if filename.endswith(suffix):
            return filename[: -len(suffix)]
    if "." not in filename:
        return filename
    return None


@attrs.define
class _PathScan:
    """One listing of every ``sys.path`` folder, filtered to the names
    wanted: metadata folders, module files and folders, pip leftovers."""

    folders: list[str] = attrs.field(factory=list)
    metadata: dict[str, list[_Entry]] = attrs.field(factory=dict)
    modules: dict[str, list[_Entry]] = attrs.field(factory=dict)
    leftovers: dict[str, list[_Entry]] = attrs.field(factory=dict)
    archives: list[tuple[int, str]] = attrs.field(factory=list)
    dist_names: set[str] = attrs.field(factory=set)
    import_names: set[str] = attrs.field(factory=set)

    def add(
        self,
        index: int,
        folder: str,
        entry: os.DirEntry[str],
        tildes: dict[str, str],
        suffixes: Sequence[str],
    ) -> None:
        name = entry.name
        found = _Entry(index, folder, entry.path, name)
        if name.startswith("~"):
            original = tildes.get(canonicalize_name(name.split("-", 1)[0]))
            if original is not None:
                self.leftovers.setdefault(original, []).append(found)
            return
        if name.endswith(_META_SUFFIXES):
            meta = _meta_name(name)
            if meta in self.dist_names:
                self.metadata.setdefault(meta, []).append(found)
            return
        if name.partition(".")[0] not in self.import_names:
            return
        module = _module_name(name, suffixes)
        if module is not None and module in self.import_names:
            self.modules.setdefault(module, []).append(found)

    @classmethod
    def of(cls, path: Sequence[str], wanted: Iterable[Framework]) -> _PathScan:
        from importlib.machinery import all_suffixes

        dist_names: set[str] = set()
        import_names: set[str] = set()
        for framework in wanted:
            dist_names.update(framework.distributions)
            import_names.update(framework.import_names)
        # pip renames a folder it is replacing to "~" + name[1:].
        tildes: dict[str, str] = {
            canonicalize_name("~" + n[1:]): n
            for n in dist_names | import_names
        }
        suffixes = sorted(all_suffixes(), key=len, reverse=True)
        scan = cls(dist_names=dist_names, import_names=import_names)
        seen: set[str] = set()
        for index, raw in enumerate(path):
            folder = _entry_path(raw)
            if folder in seen:
                continue
            seen.add(folder)
            scan.folders.append(folder)
            try:
                entries = list(os.scandir(folder))
            except NotADirectoryError:
                scan.archives.append((index, folder))
                continue
            except OSError:
                continue
            for entry in entries:
                scan.add(index, folder, entry, tildes, suffixes)
        return scan


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


# -- reading metadata ---------------------------------------------------------


@attrs.frozen
class _Meta:
    record: DistributionRecord
    dist: Any
    """The :class:`importlib.metadata.Distribution` behind the record."""
    editable_target: str | None


def _read_meta(path: str, folder: str) -> _Meta | str:
    """A complete record, or the reason the folder is a leftover."""
    from .._compat import metadata

    dist = metadata.PathDistribution(Path(path))
    headers = _headers(dist)
    name, version = headers.get("name"), headers.get("version")
    if not name or not version:
        return f"ignored leftover metadata without a name and version: {path}"
    editable, target = _direct_url(dist, path)
    return _Meta(
        DistributionRecord(
            name=canonicalize_name(name),
            version=version.strip(),
            location=folder,
            metadata_path=path,
            editable=editable,
        ),
        dist,
        target,
    )


def _headers(dist: Any) -> dict[str, str]:
    """The first value of each METADATA header (the body is skipped).

    Reading only the header block is several times faster than parsing
    the whole file as email, which also holds the long description.
    """
    try:
        # An egg-info *file* (distutils) is itself PKG-INFO: read_text("").
        text = (
            dist.read_text("METADATA")
            or dist.read_text("PKG-INFO")
            or dist.read_text("")
        )
    except Exception:  # noqa: BLE001 - unreadable means empty
        text = None
    headers: dict[str, str] = {}
    for line in (text or "").splitlines():
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep and not line[0].isspace():
            headers.setdefault(key.strip().lower(), value.strip())
    return headers


def _requires(dist: Any) -> list[str]:
    """``Requires-Dist`` values, from the header block only."""
    text = dist.read_text("METADATA") or ""
    found = []
    for line in text.splitlines():
        if not line.strip():
            break
        if line.lower().startswith("requires-dist:"):
            found.append(line.partition(":")[2].strip())
    return found


def _direct_url(dist: Any, path: str) -> tuple[bool, str | None]:
    """Whether the install is editable, and the folder it points to."""
    text = dist.read_text("direct_url.json")
    if text:
        try:
            data = json.loads(text)
            editable = bool(data.get("dir_info", {}).get("editable", False))
            url = str(data.get("url", ""))
        except (ValueError, AttributeError):
            return False, None
        if editable and url.startswith("file://"):
            from urllib.parse import unquote, urlsplit

            return True, unquote(urlsplit(url).path)
        return editable, None
    if path.endswith(".egg-info"):
        # A setuptools "develop" install keeps its egg-info in the source
        # tree; a regular one lives in site-packages.
        parent = os.path.basename(os.path.dirname(path))
        if parent not in ("site-packages", "dist-packages"):
            return True, os.path.dirname(path)
    return False, None


def _provides(meta: _Meta, import_name: str) -> bool:
    """Whether a distribution ships *import_name* (unknown: assume so)."""
    top_level = meta.dist.read_text("top_level.txt")
    if top_level is not None and top_level.strip():
        return import_name in top_level.split()
    record = meta.dist.read_text("RECORD")
    if not record:
        return True
    prefixes = (f"{import_name}/", f"{import_name}.")
    return any(line.startswith(prefixes) for line in record.splitlines())


# -- build (CPU / CUDA / ROCm) from metadata ---------------------------------

_LOCAL_BUILD: Final = (
    (re.compile(r"^cu(\d+?)(\d)$"), "cuda {0}.{1}"),
    (re.compile(r"^cuda(\d+)(?:\.(\d+))?"), "cuda {0}"),
    (re.compile(r"^rocm(\d+(?:\.\d+)*)$"), "rocm {0}"),
    (re.compile(r"^(cpu|xpu)$"), "{0}"),
)
_NAME_BUILD: Final = (
    (re.compile(r"-cu(\d+?)(\d)$"), "cuda {0}.{1}"),
    (re.compile(r"-(cpu)$"), "{0}"),
    (re.compile(r"-(rocm)$"), "{0}"),
    (re.compile(r"-gpu$"), "gpu"),
)
_CUDA_RUNTIME: Final = re.compile(r"^nvidia-cuda-runtime(?:-cu(\d+))?$")
#: The specifier that tells the CUDA version, most telling first.
_PIN_OPERATORS: Final = ("===", "==", "~=", ">=", ">")
_QUOTED: Final = re.compile(r"\"[^\"]*\"|'[^']*'")


def _cuda_requirement(line: str) -> str | None:
    """The CUDA version an unconditional CUDA runtime requirement names.

    A requirement that only applies to an extra (TensorFlow's
    ``nvidia-cuda-runtime-cu12 == 12.5.82; extra == "and-cuda"``) says
    nothing about the installed build and is ignored.
    """
    if not line.lower().replace("_", "-").startswith("nvidia-cuda-runtime"):
        return None  # parse only the few lines that can matter
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return None
    match = _CUDA_RUNTIME.match(canonicalize_name(requirement.name))
    marker = requirement.marker
    if match is None or (
        marker is not None
        and re.search(r"\bextra\b", _QUOTED.sub("", str(marker)))
    ):
        return None
    pins = sorted(
        (s for s in requirement.specifier if s.operator in _PIN_OPERATORS),
        key=lambda s: _PIN_OPERATORS.index(s.operator),
    )
    for spec in pins:
        version = re.match(r"\d+(?:\.\d+)?", spec.version)
        if version:
            return version[0]
    return match[1]


def _build(record: DistributionRecord, dist: Any) -> tuple[str | None, str]:
    """The accelerator build and where that came from."""
    parsed = _parse_version(record.version)
    if parsed is not None and parsed.local:
        label = (
            parsed.local.split(".", 1)[0]
            if "rocm" not in parsed.local
            else parsed.local
        )
        for pattern, template in _LOCAL_BUILD:
            match = pattern.match(label)
            if match:
                groups = [g for g in match.groups() if g is not None]
                return template.format(*groups), "the version's local label"
    for pattern, template in _NAME_BUILD:
        match = pattern.search(record.name)
        if match:
            return template.format(*match.groups()), "the distribution name"
    try:
        requires = _requires(dist)
    except Exception:  # noqa: BLE001 - broken metadata: no build information
        requires = []
    for requirement in requires:
        version = _cuda_requirement(requirement)
        if version:
            return f"cuda {version}", "its CUDA runtime requirement"
    return None, ""


# -- one framework ------------------------------------------------------------


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
    real_path, real_folder = _real(path), _real(folder)
    return real_path == real_folder or real_path.startswith(
        real_folder.rstrip(os.sep) + os.sep
    )


@attrs.define
class _Findings:
    """What is known about one framework while it is being detected."""

    key: str
    import_name: str
    checked: list[str]
    reasons: list[str]
    records: tuple[DistributionRecord, ...] = ()

    def result(
        self, status: DetectionStatus, meta: _Meta | None, **extra: Any
    ) -> Detection:
        record = meta.record if meta else None
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


def _detect_one(framework: Framework, scan: _PathScan) -> Detection:
    checked: list[str] = []
    reasons: list[str] = []
    if framework.distributions:
        checked.append(
            "distribution metadata for "
            + ", ".join(framework.distributions)
            + " on sys.path"
        )
    if not framework.import_names:
        return _non_python(framework, checked, reasons, ())
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
    findings = _Findings(
        framework.key,
        import_name,
        checked,
        reasons,
        tuple(meta.record for meta in metas),
    )
    if spec is None or root is None:
        if not metas:
            return _non_python(framework, checked, reasons, findings.records)
        record = metas[0].record
        reasons.insert(
            0,
            f"{record.name} {record.version} is recorded at"
            f" {record.metadata_path}, but module {import_name!r}"
            " cannot be found",
        )
        return findings.result(DetectionStatus.METADATA_ONLY, metas[0])
    location = _module_path(spec)
    own = [
        meta
        for meta in metas
        if _real(meta.record.location) == _real(root)
        or (meta.editable_target and _inside(location, meta.editable_target))
    ]
    if not own:
        return _not_own(findings, scan, metas, location)
    return _installed(findings, metas, own, root, location)


def _locate(import_name: str, reasons: list[str]) -> tuple[Any, str | None]:
    """The module's spec and root folder; namespace packages do not count."""
    spec, error = _find_spec(import_name)
    if error:
        reasons.append(error)
    if spec is None:
        return None, None
    root = _module_root(spec)
    if root is None:
        locations = list(spec.submodule_search_locations or ())
        reasons.append(
            "ignored folder(s) without __init__.py (a namespace package,"
            " not an install): " + ", ".join(locations)
        )
        return None, None
    return spec, root


def _installed(
    findings: _Findings,
    metas: list[_Meta],
    own: list[_Meta],
    root: str,
    location: str,
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
        for meta in metas
        if meta not in own
    )
    build, source = _build(chosen.record, chosen.dist)
    if build:
        reasons.append(f"built for {build}, according to {source}")
    if _parse_version(chosen.record.version) is None:
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
    framework: Framework, scan: _PathScan, reasons: list[str]
) -> list[_Meta]:
    """Complete metadata records of the framework, in import order."""
    found: list[tuple[int, int, _Meta]] = []
    for rank, name in enumerate(framework.distributions):
        for entry in scan.metadata.get(name, ()):
            meta = _read_meta(entry.path, entry.folder)
            if isinstance(meta, str):
                reasons.append(meta)
            else:
                found.append((entry.index, rank, meta))
        for index, archive in scan.archives:
            found.extend(
                (index, rank, meta)
                for meta in _archive_metadata(name, archive)
            )
    found.sort(key=lambda item: item[:2])
    return [meta for _, _, meta in found]


def _archive_metadata(name: str, archive: str) -> list[_Meta]:
    """Metadata inside a zip file on ``sys.path``."""
    from .._compat import metadata

    metas = []
    for dist in metadata.distributions(name=name, path=[archive]):
        version = dist.version
        if not version:
            continue
        metas.append(
            _Meta(
                DistributionRecord(
                    name=canonicalize_name(dist.metadata["Name"]),
                    version=version,
                    location=archive,
                    metadata_path=str(getattr(dist, "_path", archive)),
                ),
                dist,
                None,
            )
        )
    return metas


def _logical(own: list[_Meta], import_name: str) -> list[_Meta]:
    """The distinct installs behind the module's own metadata records.

    Records of one distribution that an editable install leaves twice
    (``dist-info`` plus the source tree's ``egg-info``) count once;
    distributions that do not ship the module (``jaxlib`` next to ``jax``)
    do not count at all.
    """
    providers = [meta for meta in own if _provides(meta, import_name)] or own
    distinct: list[_Meta] = []
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


def _mtime(meta: _Meta) -> int:
    try:
        return os.stat(meta.record.metadata_path).st_mtime_ns
    except OSError:
        return 0


def _not_own(
    findings: _Findings,
    scan: _PathScan,
    metas: list[_Meta],
    location: str,
) -> Detection:
    """The module is not where any of its metadata says."""
    name = findings.import_name
    folders = {_real(entry.folder) for entry in scan.modules.get(name, ())}
    hidden = [m for m in metas if _real(m.record.location) in folders]
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
        for meta in metas
    )
    findings.reasons.insert(
        0,
        f"module {name!r} at {location} has no distribution metadata"
        " (a system, conda or source install?)",
    )
    return findings.result(DetectionStatus.UNMANAGED, None, location=location)


def _note_strays(
    import_name: str, root: str | None, scan: _PathScan, reasons: list[str]
) -> None:
    for entry in scan.modules.get(import_name, ()):
        if root is not None and _real(entry.folder) == _real(root):
            continue
        if os.path.isdir(entry.path) and not os.path.isfile(
            os.path.join(entry.path, "__init__.py")
        ):
            note = f"stray folder without __init__.py: {entry.path}"
            if note not in " ".join(reasons):
                reasons.append(note)


# -- non-Python frameworks ----------------------------------------------------


def _non_python(
    framework: Framework,
    checked: list[str],
    reasons: list[str],
    records: tuple[DistributionRecord, ...],
) -> Detection:
    """Programs on ``PATH``, Maven and Cargo artefacts; else absent."""
    evidence: list[tuple[str, str | None, str]] = []
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


def _programs(
    programs: Sequence[str], checked: list[str]
) -> list[tuple[str, str | None, str]]:
    from shutil import which

    checked.append("programs on PATH: " + ", ".join(programs))
    found: list[tuple[str, str | None, str]] = []
    for program in programs:
        path = which(program)
        if path:
            found.append((path, None, f"program {program!r} found at {path}"))
    return found


def _best(versions: Iterable[str]) -> str | None:
    """The highest version; unparseable ones sort below and by text."""
    candidates = sorted(
        versions,
        key=lambda raw: (
            _parse_version(raw) is not None,
            _parse_version(raw) or Version("0"),
            raw,
        ),
    )
    return candidates[-1] if candidates else None


def _maven(
    groups: Sequence[str], checked: list[str]
) -> list[tuple[str, str | None, str]]:
    repository = Path.home() / ".m2" / "repository"
    found = []
    for group in groups:
        folder = repository.joinpath(*group.split("."))
        checked.append(f"Maven group {group} in {repository}")
        try:
            artefacts = sorted(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            continue
        versions: list[str] = []
        names = []
        for artefact in artefacts:
            own = [p.name for p in artefact.iterdir() if p.is_dir()]
            if own:
                names.append(artefact.name)
                versions.extend(own)
        if names:
            found.append(
                (
                    str(folder),
                    _best(versions),
                    f"Maven artefacts of {group} in {folder}: "
                    + ", ".join(names),
                )
            )
    return found


def _cargo(
    crates: Sequence[str], checked: list[str]
) -> list[tuple[str, str | None, str]]:
    home = Path(os.environ.get("CARGO_HOME") or Path.home() / ".cargo")
    registry = home / "registry"
    found = []
    for crate in crates:
        checked.append(f"Cargo crate {crate} in {registry}")
        pattern = re.compile(rf"^{re.escape(crate)}-(\d[^/]*?)(?:\.crate)?$")
        hits: list[tuple[str, str]] = []
        for kind in ("cache", "src"):
            try:
                indexes = list((registry / kind).iterdir())
            except OSError:
                continue
            for index in indexes:
                try:
                    names = os.listdir(index)
                except OSError:
                    continue
                for name in names:
                    match = pattern.match(name)
                    if match:
                        hits.append((match[1], str(index / name)))
        if hits:
            version = _best(v for v, _ in hits)
            path = next(p for v, p in hits if v == version)
            found.append(
                (path, version, f"Cargo crate {crate} {version} at {path}")
            )
    return found
