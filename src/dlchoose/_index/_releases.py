"""What the package index says about one distribution, read defensively.

:func:`parse_project` turns a PEP 691 JSON answer (with PEP 700's
``versions``, ``upload-time``, ``requires-python`` and ``yanked``) into a
:class:`Project`: releases oldest to newest, each with its wheels and their
tags.  Every value from the network is checked before use; an entry that
does not fit is skipped, an answer that does not fit at all raises
:class:`BadIndexAnswerError`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from .._time import parse_time
from ..exceptions import DlchooseError


if TYPE_CHECKING:
    from packaging.tags import Tag
    from packaging.version import Version


__all__ = [
    "BadIndexAnswerError",
    "IndexRelease",
    "ParseTimeoutError",
    "Project",
    "Wheel",
    "parse_project",
]

#: More files than any real project has; a longer list is an attack.  The
#: largest pages in the snapshot (2026-11-29): keras-nightly 2,936 files,
#: tf-nightly 2,388, tensorflow 1,761; PyPI's largest projects have tens
#: of thousands.
MAX_FILES: Final = 100_000
#: How many files are read between two deadline checks.
_CHECK_EVERY: Final = 1_000
_MAX_TEXT: Final = 300
# The oldest upload PyPI can have, and a bound on clocks far in the future.
_FIRST_UPLOAD: Final = date(2003, 1, 1)
_LAST_UPLOAD: Final = date(2200, 1, 1)


class BadIndexAnswerError(DlchooseError, ValueError):
    """The index answered something that is not a PEP 691 project page.

    Internal: the client falls back to the cache or the snapshot.
    """


class ParseTimeoutError(BadIndexAnswerError):
    """Reading the page took past the deadline (internal, like its base)."""


class Wheel(NamedTuple):
    """One wheel file: its name, the tags it declares, and its own
    ``requires-python`` and yanked flag.

    pip judges every file on its own (PEP 691/592 give both per file), so
    a release whose files disagree is not reduced to one value.  A named
    tuple, not an attrs class: the snapshot builds thousands of these per
    run, and tuple construction is several times cheaper.
    """

    filename: str
    tags: frozenset[Tag]
    requires_python: str | None = None
    yanked: bool = False


class IndexRelease(NamedTuple):
    """One release: when it was uploaded, what it needs and what it ships.

    Named tuples here and below, not attrs classes: they are internal, and
    creating attrs classes at import costs more than ``dlchoose compat``
    can spend (it must start faster than ``import requests``).
    """

    version: str
    uploaded: date | None
    requires_python: str | None
    """The most common ``requires-python`` of the release's files (for
    display; selection reads each wheel's own)."""
    yanked: bool
    """Whether every file of the release is yanked."""
    wheels: tuple[Wheel, ...]
    """Every wheel, yanked ones included (flagged per wheel)."""
    sdist: bool
    """Whether a source distribution exists (pip could build it)."""
    prerelease: bool = False
    """Whether the version is a pre-release, decided with
    :class:`packaging.version.Version` when the release is read."""


class Project(NamedTuple):
    """A distribution's releases, oldest version first, and when read.

    The order is a contract: :func:`parse_project` and the snapshot sort by
    :class:`packaging.version.Version`, so readers need not sort again.
    """

    name: str
    releases: Sequence[IndexRelease]
    """A tuple, or the snapshot's lazy sequence that decodes rows on use."""
    read_at: datetime


def _text(value: object) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= _MAX_TEXT:
        return value
    return None


def _requires_python(value: object) -> str | None:
    """A valid specifier set, or ``None`` (pip ignores invalid ones too)."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    text = _text(value)
    if text is None or not text.strip():
        return None
    try:
        SpecifierSet(text)
    except InvalidSpecifier:
        return None
    return text.strip()


def _upload_date(value: object) -> date | None:
    moment = parse_time(value)
    if moment is None:
        return None
    try:
        day = moment.date()
    except OverflowError:  # pragma: no cover - fromisoformat bounds years
        return None
    return day if _FIRST_UPLOAD <= day < _LAST_UPLOAD else None


class _File(NamedTuple):
    filename: str
    version: str
    wheel: Wheel | None
    uploaded: date | None
    requires_python: str | None
    yanked: bool


def _read_file(project: str, entry: object) -> _File | None:
    """One ``files`` entry, or ``None`` when it is not a usable file."""
    from packaging.utils import (
        InvalidSdistFilename,
        InvalidWheelFilename,
        parse_sdist_filename,
        parse_wheel_filename,
    )

    if not isinstance(entry, Mapping):
        return None
    filename = _text(entry.get("filename"))
    if filename is None:
        return None
    wheel = None
    try:
        if filename.endswith(".whl"):
            name, version, _, tags = parse_wheel_filename(filename)
            wheel = Wheel(filename=filename, tags=tags)
        elif filename.endswith((".tar.gz", ".zip")):
            name, version = parse_sdist_filename(filename)
        else:
            return None  # eggs, installers: pip does not use them
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None
    if name != project:
        return None
    flag = entry.get("yanked", False)
    # PEP 592: a string is the reason, and means yanked too.
    yanked = flag is True or (isinstance(flag, str) and bool(flag))
    requires = _requires_python(entry.get("requires-python"))
    if wheel is not None:
        wheel = wheel._replace(requires_python=requires, yanked=yanked)
    return _File(
        filename=filename,
        version=str(version),
        wheel=wheel,
        uploaded=_upload_date(entry.get("upload-time")),
        requires_python=requires,
        yanked=yanked,
    )


def _release(version: Version, files: list[_File]) -> IndexRelease:
    """Files of one version as a release.

    Every wheel is kept with its own ``requires-python`` and yanked flag
    (selection judges each file, as pip does); the release-wide values
    (date, the most common ``requires-python``, sdist) come from the files
    that are not yanked, unless all are.
    """
    yanked = all(f.yanked for f in files)
    kept = files if yanked else [f for f in files if not f.yanked]
    specs = Counter(f.requires_python for f in kept)
    dates = [f.uploaded for f in kept if f.uploaded is not None]
    return IndexRelease(
        version=str(version),
        uploaded=min(dates) if dates else None,
        requires_python=specs.most_common(1)[0][0],
        yanked=yanked,
        wheels=tuple(f.wheel for f in files if f.wheel is not None),
        sdist=any(f.wheel is None for f in kept),
        prerelease=version.is_prerelease,
    )


def group_releases(files: Iterable[_File]) -> tuple[IndexRelease, ...]:
    """Releases from files, oldest version first."""
    from packaging.version import Version

    by_version: dict[str, list[_File]] = defaultdict(list)
    for file in files:
        by_version[file.version].append(file)
    ordered = sorted((Version(v), v) for v in by_version)
    return tuple(_release(parsed, by_version[v]) for parsed, v in ordered)


def parse_project(
    name: str,
    document: Any,
    *,
    read_at: datetime,
    expired: Callable[[], bool] | None = None,
) -> Project:
    """A :class:`Project` from a PEP 691 JSON document about *name*.

    *expired* is asked every ``_CHECK_EVERY`` files; when it says so,
    :class:`ParseTimeoutError` (a page within the size limits can still
    hold enough files to cost seconds of CPU).
    """
    from packaging.utils import canonicalize_name

    if not isinstance(document, Mapping):
        raise BadIndexAnswerError(f"{name}: the answer is not a JSON object")
    files = document.get("files")
    if not isinstance(files, list):
        raise BadIndexAnswerError(f"{name}: the answer has no file list")
    if len(files) > MAX_FILES:
        raise BadIndexAnswerError(f"{name}: implausibly many files")
    project = canonicalize_name(name)
    kept: dict[str, _File] = {}
    for position, entry in enumerate(files):
        if expired is not None and position % _CHECK_EVERY == 0 and expired():
            raise ParseTimeoutError(f"{name}: the deadline passed")
        file = _read_file(project, entry)
        # A file listed twice is kept once, as first listed.
        if file is not None and file.filename not in kept:
            kept[file.filename] = file
    return Project(
        name=project,
        releases=group_releases(kept.values()),
        read_at=read_at,
    )
