# ruff: noqa: PTH109, PTH111, PTH112, PTH113, PTH114, PTH118, PTH119, PTH120
# (plain string paths on the hot path: importing pathlib, and urllib.parse
# with it, costs a fresh process more than all of detection's own work)
"""Frameworks that are not Python packages: programs, Maven, Cargo, npm,
NuGet and Julia.

Their installs leave programs on ``PATH``, artefacts in Maven's local
repository (``~/.m2/repository``), crates in Cargo's registry cache,
packages in ``node_modules`` folders (the current folder's and its
parents', as Node resolves them, and npm's global one), in NuGet's global
packages folder or in a Julia depot; finding one of those is what
"installed" means for them.  No package manager is run: each hint costs a
few ``stat`` and ``listdir`` calls and at most one small file read per
copy found.
"""

from __future__ import annotations

import os
import re
import sys

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from ._files import MAX_CONFIG_BYTES, UnreadableFile, read_small_text
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
    """Programs on ``PATH``; Maven, Cargo, npm, NuGet and Julia packages;
    else absent."""
    evidence: list[Evidence] = []
    if framework.programs:
        evidence.extend(_programs(framework.programs, checked))
    # A framework published on PyPI is installed here when its Python
    # package is: its Maven, Cargo, npm and NuGet packages (ONNX Runtime's
    # Java and web runtimes, the TensorFlow.js library) are other products,
    # which must not satisfy `--require onnxruntime` or send the doctor
    # looking for a module.  Its own programs (CNTK's) still count.
    python_package = bool(framework.distributions)
    if framework.maven_groups and not python_package:
        evidence.extend(_maven(framework.maven_groups, checked))
    if framework.cargo_crates and not python_package:
        evidence.extend(_cargo(framework.cargo_crates, checked))
    if framework.npm_packages and not python_package:
        evidence.extend(_npm(framework.npm_packages, checked, reasons))
    if framework.nuget_packages and not python_package:
        evidence.extend(_nuget(framework.nuget_packages, checked, reasons))
    if framework.julia_packages and not python_package:
        evidence.extend(_julia(framework.julia_packages, checked, reasons))
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


def _folders_in(folder: str, notes: list[str]) -> list[str]:
    """The names of the folders in *folder*; none when it is missing, and
    a note when it cannot be listed (permissions, say)."""
    try:
        return _subfolders(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as err:
        notes.append(f"cannot list {folder}: {err.strerror or err}")
        return []


def _several(versions: Sequence[str]) -> str:
    if len(versions) < 2:  # noqa: PLR2004 - one version says nothing more
        return ""
    return " (versions here: " + ", ".join(sorted(versions)) + ")"


# npm: node_modules folders, as Node resolves them, and npm's global one.


def _node_modules_folders() -> list[str]:
    """The ``node_modules`` folders ``require()`` searches from the current
    folder: its own and each parent's, nearest first, those that exist."""
    try:
        folder = os.getcwd()
    except OSError:  # the current folder was removed
        return []
    found: list[str] = []
    while True:
        if os.path.basename(folder) != "node_modules":
            candidate = os.path.join(folder, "node_modules")
            if os.path.isdir(candidate):
                found.append(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return found
        folder = parent


def _npm_global_folder() -> str | None:
    """npm's global ``node_modules``, as npm's folders page documents it:
    under the ``prefix`` setting (``npm_config_prefix``), which defaults
    to the folder above ``bin/node`` (``%AppData%\\npm`` on Windows).  A
    prefix set only in an ``.npmrc`` file is not read."""
    # npm reads its npm_config_* variables in any case; it sets the lower
    # case one itself for the scripts it runs.
    prefix = os.environ.get("npm_config_prefix") or os.environ.get(  # noqa: SIM112
        "NPM_CONFIG_PREFIX"
    )
    if os.name == "nt":
        prefix = prefix or _path(os.environ.get("APPDATA") or _home(), "npm")
        return _path(prefix, "node_modules")
    if not prefix:
        node = _which("node")
        if node is None:
            return None
        if os.path.islink(node):  # /usr/local/bin/node -> /opt/node/bin/node
            node = os.path.realpath(node)
        prefix = os.path.dirname(os.path.dirname(node))
    return _path(prefix, "lib", "node_modules")


def _npm(
    names: Sequence[str], checked: list[str], notes: list[str]
) -> list[Evidence]:
    """Per package, the copy ``require()`` loads from the current folder
    (the nearest), then the global copy."""
    local = _node_modules_folders()
    where = "node_modules folders of the current folder and its parents"
    global_folder = _npm_global_folder()
    if global_folder is not None:
        where += f", and npm's global {global_folder}"
    found: list[Evidence] = []
    for name in names:
        checked.append(f"npm package {name} in {where}")
        nearest = (_npm_copy(_path(f, name), name, notes) for f in local)
        hit = next((h for h in nearest if h is not None), None)
        if hit is not None:
            found.append(hit)
        if global_folder is not None:
            hit = _npm_copy(_path(global_folder, name), name, notes)
            if hit is not None:
                found.append(hit)
    return found


def _npm_copy(folder: str, name: str, notes: list[str]) -> Evidence | None:
    """The package in *folder*, if its ``package.json`` is there."""
    if not os.path.isdir(folder):
        # A dangling link or a link loop is no package, as for NuGet and
        # Julia; said only when something is there at all.
        if os.path.lexists(folder):
            notes.append(f"npm package {name}: {folder} is not a folder")
        return None
    manifest = _path(folder, "package.json")
    try:
        text = read_small_text(manifest, MAX_CONFIG_BYTES)
    except UnreadableFile as err:
        notes.append(f"npm package {name}: {err}")
        return (
            folder,
            None,
            f"npm package {name} at {folder}, version unknown",
        )
    if text is None:
        return None
    version = _json_version(text)
    if version is None:
        notes.append(
            f"npm package {name}: {manifest} is damaged or names no version"
        )
        return (
            folder,
            None,
            f"npm package {name} at {folder}, version unknown",
        )
    return (folder, version, f"npm package {name} {version} at {folder}")


def _json_version(text: str) -> str | None:
    """The ``version`` string of a JSON object; ``None`` for anything else.

    A byte-order mark is dropped first, as Node and npm do.
    """
    import json

    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return _version_text(version)


#: What a version read from a third-party file may look like: printable
#: ASCII without spaces, short (semver, NuGet, Julia and Maven versions all
#: fit); anything else is "version unknown", never text for the terminal.
_VERSION_MAX: Final = 64


def _version_text(value: object) -> str | None:
    """*value* if it can be a version string, else ``None``."""
    if not isinstance(value, str) or not 0 < len(value) <= _VERSION_MAX:
        return None
    return value if all("!" <= c <= "~" for c in value) else None


# NuGet: the global packages folder, <id in lower case>/<version>/.


def _nuget(
    ids: Sequence[str], checked: list[str], notes: list[str]
) -> list[Evidence]:
    root = _path(
        os.environ.get("NUGET_PACKAGES")
        or _path(_home(), ".nuget", "packages")
    )
    found: list[Evidence] = []
    for package in ids:
        checked.append(f"NuGet package {package} in {root}")
        folder = _path(root, package.lower())
        versions = [v for v in _folders_in(folder, notes) if _version_text(v)]
        if versions:
            version = best_version(versions) or versions[0]
            found.append(
                (
                    _path(folder, version),
                    version,
                    f"NuGet package {package} {version} in {folder}"
                    + _several(versions),
                )
            )
    return found


# Julia: packages/<Name>/<slug>/Project.toml in each depot.


def _julia_depots() -> list[str]:
    """The depots Julia itself would search (its ``init_depot_path``):
    unset, the user depot ``~/.julia``; set but empty, none; otherwise its
    entries with ``~`` expanded, where an empty entry stands for the depots
    bundled with Julia (beside ``julia`` on ``PATH``), and a leading empty
    entry for the user depot too (``:/shared`` appends a depot)."""
    raw = os.environ.get("JULIA_DEPOT_PATH")
    user = _path(_home(), ".julia")
    if raw is None:
        return [user]
    depots: list[str] = []
    for index, entry in enumerate(raw.split(os.pathsep) if raw else ()):
        if entry:
            depots.append(_path(os.path.expanduser(entry)))
            continue
        if index == 0:
            depots.append(user)
        depots.extend(_bundled_julia_depots())
    return list(dict.fromkeys(depots))


def _bundled_julia_depots() -> list[str]:
    """``<julia>/local/share/julia`` and ``<julia>/share/julia``, where
    ``<julia>`` is the folder above the ``julia`` program on ``PATH``."""
    julia = _which("julia")
    if julia is None:
        return []
    top = os.path.dirname(os.path.dirname(os.path.realpath(julia)))
    return [
        _path(top, "local", "share", "julia"),
        _path(top, "share", "julia"),
    ]


def _julia(
    names: Sequence[str], checked: list[str], notes: list[str]
) -> list[Evidence]:
    depots = _julia_depots()
    found: list[Evidence] = []
    for name in names:
        checked.append(f"Julia package {name} in " + ", ".join(depots))
        for depot in depots:
            hit = _julia_copies(_path(depot, "packages", name), name, notes)
            if hit is not None:
                found.append(hit)
    return found


def _julia_copies(folder: str, name: str, notes: list[str]) -> Evidence | None:
    """The best of the package's versions in one depot's folder."""
    copies: list[tuple[str, str | None]] = []
    for slug in _folders_in(folder, notes):
        path = _path(folder, slug)
        copies.append((path, _project_version(path, name, notes)))
    if not copies:
        return None
    version = best_version(v for _, v in copies if v is not None)
    path = next(p for p, v in copies if v == version)
    versions = [v for _, v in copies if v is not None]
    shown = f"{name} {version}" if version else f"{name}, version unknown,"
    return (
        path,
        version,
        f"Julia package {shown} in {folder}" + _several(versions),
    )


def _project_version(folder: str, name: str, notes: list[str]) -> str | None:
    """The version a package's ``Project.toml`` states (Pkg reads
    ``JuliaProject.toml`` first when both exist)."""
    for file_name in ("JuliaProject.toml", "Project.toml"):
        path = _path(folder, file_name)
        try:
            text = read_small_text(path, MAX_CONFIG_BYTES)
        except UnreadableFile as err:
            notes.append(f"Julia package {name}: {err}")
            return None
        if text is not None:
            version = _toml_version(text)
            if version is None:
                notes.append(
                    f"Julia package {name}: {path} is damaged or names no"
                    " version"
                )
            return version
    notes.append(f"Julia package {name}: no Project.toml in {folder}")
    return None


def _toml_version(text: str) -> str | None:
    """The top-level ``version`` string of a TOML document, else ``None``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - only on 3.10
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    return _version_text(data.get("version"))
