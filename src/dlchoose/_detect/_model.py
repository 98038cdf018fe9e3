"""The values the fast path returns.

:class:`Detection` (one framework) and its :class:`DistributionRecord`
rows; the probe's values live in :mod:`._probe_model`, imported only when
a probe runs.  Everything is a frozen attrs class with a ``to_dict()``
whose schema ``docs/detection.md`` documents and golden tests pin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._choice import Choice


if TYPE_CHECKING:
    from packaging.version import Version

    from ._probe_model import ProbeResult


__all__ = [
    "Detection",
    "DetectionStatus",
    "DistributionRecord",
    "parse_version",
    "strings",
    "version_facts",
]


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


def _plain_version(raw: str) -> tuple[int, str | None] | None:
    """The major release and the local label of ``N(.N)*(+local)``, the
    spelling of nearly every framework wheel; ``None`` for anything else.

    Such a version is valid PEP 440 and read here with string methods,
    without importing ``packaging.version`` (whose import and pattern cost
    the fast path more than reading a version) or compiling a pattern.
    """
    release, plus, label = raw.partition("+")
    parts = release.split(".")
    if not all(_ascii_digits(part) for part in parts):
        return None
    if plus and not all(_ascii_alnum(part) for part in label.split(".")):
        return None
    return int(parts[0]), label if plus else None


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()  # "" is not a digit


def _ascii_alnum(text: str) -> bool:
    return text.isascii() and text.isalnum()


def version_facts(raw: str | None) -> tuple[bool, int | None, str | None]:
    """Whether *raw* is a PEP 440 version, its major release number and
    its local label (lower case, ``.``-separated), as packaging reads them."""
    if raw is None:
        return False, None, None
    plain = _plain_version(raw)
    if plain is not None:
        return True, plain[0], _local(plain[1])
    parsed = parse_version(raw)
    if parsed is None:
        return False, None, None
    return True, parsed.major, parsed.local


def _local(label: str | None) -> str | None:
    """A local label as packaging normalises it (``CU121.007`` → ``cu121.7``)."""
    if not label:
        return None
    return ".".join(
        str(int(part)) if part.isdigit() else part.lower()
        for part in label.split(".")
    )


def parse_version(raw: str | None) -> Version | None:
    """*raw* parsed by :mod:`packaging`, or ``None`` when it is not PEP 440."""
    if raw is None:
        return None
    from packaging.version import InvalidVersion, Version

    try:
        return Version(raw)
    except InvalidVersion:
        return None


def strings(values: Iterable[str]) -> tuple[str, ...]:
    """The converter of the string tuples of detection, probe and
    environment results: order and repeats kept."""
    return tuple(values)


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


# -- one framework ---------------------------------------------------------------


def _status(value: str | DetectionStatus) -> DetectionStatus:
    return DetectionStatus.parse(value)


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
    reasons: tuple[str, ...] = attrs.field(converter=strings, default=())
    checked: tuple[str, ...] = attrs.field(converter=strings, default=())
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
        return parse_version(self.version)

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
