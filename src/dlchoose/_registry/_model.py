"""The framework model: a :class:`Framework` and the values it holds.

A :class:`Framework` is a frozen value: every fact about one framework,
each fact name mapped to the :class:`Source` records that back it.
:func:`normalize_repository` reads the GitHub repository names the model
stores (and that users type).  Lookup lives in :mod:`._lookup`.
"""

from __future__ import annotations

import datetime as dt
import re

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final

import attrs

from attrs import validators as v

from .._choice import Choice
from .._sources import Source, as_date


__all__ = [
    "Deployment",
    "Framework",
    "GpuBackend",
    "GraphStyle",
    "PythonRelease",
    "Release",
    "ReleaseOrigin",
    "Source",
    "Status",
    "Support",
    "normalize_repository",
]


def _optional(validator: Any) -> Any:
    return v.optional(validator)


def _optional_text() -> Any:
    return v.optional(v.min_len(1))


class Status(Choice):
    """How alive a framework is, as its maintainers or its repository say."""

    ACTIVE = "active"
    """Regular releases and commits."""
    MAINTENANCE = "maintenance"
    """Bug fixes only, or rare releases; still open for work."""
    INACTIVE = "inactive"
    """No announcement, but no release for years."""
    DISCONTINUED = "discontinued"
    """The maintainers announced the end of development."""
    ARCHIVED = "archived"
    """The GitHub repository is read-only."""
    RETIRED = "retired"
    """Moved to the Apache Attic or a similar retirement home."""
    MERGED = "merged"
    """The code lives on inside another project."""

    @property
    def maintained(self) -> bool:
        """Whether someone still ships fixes."""
        return self in (Status.ACTIVE, Status.MAINTENANCE)


class Support(Choice):
    """Whether a framework has a capability.  Unknown is a value, not a guess."""

    YES = "yes"
    PARTIAL = "partial"
    """Limited, experimental, or only through an add-on or another framework."""
    NO = "no"
    UNKNOWN = "unknown"


class GraphStyle(Choice):
    """How a framework builds computation graphs."""

    STATIC = "static"
    """Define, compile, then run (Theano, Caffe, TF 1)."""
    DYNAMIC = "dynamic"
    """Define-by-run, the graph is the Python program (PyTorch, Chainer)."""
    BOTH = "both"
    """Eager by default with an opt-in compiled graph (TF 2, MXNet Gluon)."""
    UNKNOWN = "unknown"


class GpuBackend(Choice):
    """Accelerator back ends a framework can train or run on."""

    CUDA = "cuda"
    ROCM = "rocm"
    METAL = "metal"
    TPU = "tpu"
    OPENCL = "opencl"
    XPU = "xpu"
    """Intel GPUs (oneAPI / XPU)."""
    NPU = "npu"
    """Vendor NPUs such as Huawei Ascend or Baidu Kunlun."""


class Deployment(Choice):
    """Ways to put a trained model to work outside the training script."""

    SERVER = "server"
    MOBILE = "mobile"
    BROWSER = "browser"
    CPP = "cpp"
    """A C or C++ runtime without Python."""
    ONNX = "onnx"
    """Export to ONNX, which other runtimes load."""


class ReleaseOrigin(Choice):
    """Where a release fact was observed."""

    INDEX = "index"
    """The package-index data bundled with dlchoose (read by
    ``scripts/build_index_snapshot.py`` on ``observed_on``)."""
    LIVE = "live"
    """The package index, asked during this run."""
    CACHE = "cache"
    """An earlier answer of the package index kept on disk."""
    HAND = "hand"
    """Written by hand from a public source (the release is not on the
    Python package index, or the index's is not the project's)."""


_PYTHON_RE: Final = r"3\.\d{1,2}\Z"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@attrs.frozen(kw_only=True)
class PythonRelease:
    """The newest stable release one Python version can install.

    ``version`` is ``None`` when no stable release serves that Python.
    """

    python: str = attrs.field(validator=v.matches_re(_PYTHON_RE))
    """``"3.10"``: a CPython minor version."""
    version: str | None = attrs.field(default=None, validator=_optional_text())
    date: date | None = None
    requires_python: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "python": self.python,
            "version": self.version,
            "date": _day(self.date),
            "requires_python": self.requires_python,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PythonRelease:
        """The value :meth:`to_dict` wrote."""
        return cls(
            python=data["python"],
            version=data.get("version"),
            date=as_date(data.get("date")),
            requires_python=data.get("requires_python"),
        )


def _python_releases(
    values: Iterable[PythonRelease],
) -> tuple[PythonRelease, ...]:
    return tuple(
        sorted(values, key=lambda r: tuple(map(int, r.python.split("."))))
    )


def _versions(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Release:
    """A release: its version as published, its date, and where and when
    that was observed.

    Releases read from the package index are the newest stable one
    (neither a pre-release nor yanked) of ``distribution``, with its
    ``requires_python``; ``per_python`` lists, for each supported Python
    whose newest installable release differs, that release (jax 0.12 needs
    Python 3.12, so 3.11 gets 0.10.2); ``yanked`` names newer versions
    that were yanked.  ``observed_on`` is the day the index was read, or
    the date of the hand source; ``observed_in`` the index or the source.
    """

    version: str = attrs.field(validator=v.min_len(1))
    date: date | None = None
    """The upload (or publication) date."""
    requires_python: str | None = None
    distribution: str | None = None
    """The distribution on the package index the release belongs to."""
    origin: ReleaseOrigin | None = attrs.field(
        default=None, converter=attrs.converters.optional(ReleaseOrigin)
    )
    observed_on: dt.date | None = None
    observed_in: str | None = None
    """The index URL, or the hand source's address (else its title)."""
    per_python: tuple[PythonRelease, ...] = attrs.field(
        converter=_python_releases,
        default=(),
        validator=v.deep_iterable(v.instance_of(PythonRelease)),
    )
    yanked: tuple[str, ...] = attrs.field(converter=_versions, default=())
    """Versions newer than this one that were yanked."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "date": _day(self.date),
            "requires_python": self.requires_python,
            "distribution": self.distribution,
            "origin": self.origin.value if self.origin else None,
            "observed_on": _day(self.observed_on),
            "observed_in": self.observed_in,
            "per_python": [r.to_dict() for r in self.per_python],
            "yanked": list(self.yanked),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """The value :meth:`to_dict` wrote; only ``version`` is required."""
        origin = data.get("origin")
        return cls(
            version=data["version"],
            date=as_date(data.get("date")),
            requires_python=data.get("requires_python"),
            distribution=data.get("distribution"),
            origin=None if origin is None else ReleaseOrigin.parse(origin),
            observed_on=as_date(data.get("observed_on")),
            observed_in=data.get("observed_in"),
            per_python=tuple(
                PythonRelease.from_dict(r) for r in data.get("per_python", ())
            ),
            yanked=tuple(data.get("yanked", ())),
        )

    def for_python(self, python: str) -> PythonRelease:
        """The newest release *python* (``"3.10"``) can install, as far as
        recorded: its own entry, else this release."""
        for entry in self.per_python:
            if entry.python == python:
                return entry
        return PythonRelease(
            python=python,
            version=self.version,
            date=self.date,
            requires_python=self.requires_python,
        )


# -- converters: collections become sorted-or-ordered tuples ---------------


def _ordered(values: Iterable[str]) -> tuple[str, ...]:
    """Keep the author's order (it means priority), drop repeats."""
    return tuple(dict.fromkeys(values))


_CANONICAL_NAME: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _distributions(values: Iterable[str]) -> tuple[str, ...]:
    names = tuple(values)
    if all(_CANONICAL_NAME.fullmatch(name) for name in names):
        # The catalog already spells names canonically; skipping packaging
        # here keeps it (and packaging.tags) out of `import dlchoose`.
        return tuple(dict.fromkeys(names))
    from packaging.utils import canonicalize_name

    return tuple(dict.fromkeys(canonicalize_name(name) for name in names))


def _nuget_ids(values: Iterable[str]) -> tuple[str, ...]:
    """Keep the author's order and spelling; drop repeats in any case."""
    first: dict[str, str] = {}
    for value in values:
        first.setdefault(str(value).casefold(), value)
    return tuple(first.values())


def _gpu_backends(
    values: Iterable[str | GpuBackend],
) -> tuple[GpuBackend, ...]:
    return tuple(sorted({GpuBackend(value) for value in values}))


def _deployments(values: Iterable[str | Deployment]) -> tuple[Deployment, ...]:
    return tuple(sorted({Deployment(value) for value in values}))


def _fact_sources(
    value: Mapping[str, Iterable[Source]]
    | Iterable[tuple[str, Iterable[Source]]],
) -> tuple[tuple[str, tuple[Source, ...]], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((name, tuple(srcs)) for name, srcs in items))


_NON_BLANK_RE: Final = r"\S"
_KEY_RE: Final = r"[a-z0-9][a-z0-9-]*\Z"
_REPO_RE: Final = r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z"
_SPDX_RE: Final = r"[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*\Z"
# Package names become folder names when detection looks for them, so
# none may hold a path separator of its own or start with a dot.
_NPM_NAME: Final = v.and_(
    v.instance_of(str),
    v.max_len(214),  # npm's own limit
    v.matches_re(r"(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*\Z"),
)
"""New npm names: lower case, URL-safe, optionally ``@scope/`` first."""
_NUGET_ID: Final = v.and_(
    v.instance_of(str),
    v.max_len(100),  # nuget.org's limit
    v.matches_re(r"[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*\Z"),
)
"""NuGet ids: word characters in dot- or dash-separated parts."""
_JULIA_NAME: Final = v.and_(
    v.instance_of(str),
    # A folder name: file systems refuse names over 255 bytes.
    v.max_len(255),
    v.matches_re(r"[A-Za-z_][A-Za-z0-9_]*\Z"),
)
"""Julia package names: ASCII identifiers (the General registry's rule)."""


#: Facts that must carry at least one source when their value is known.
SOURCED_FACTS: Final = (
    "organisation",
    "languages",
    "licence",
    "repository",
    "first_release",
    "latest_release",
    "status",
    "graph_style",
    "autodiff",
    "gpu_backends",
    "distributed",
    "cnn",
    "rnn",
    "deployment",
)


@attrs.frozen(kw_only=True)
class Framework:
    """Everything dlchoose knows about one deep-learning framework.

    Facts that are not known are ``None``, an empty tuple or
    :attr:`Support.UNKNOWN`; they are never guessed.  ``sources`` maps a
    fact's name (one of the attribute names) to the sources backing it;
    :meth:`sources_for` reads it.
    """

    key: str = attrs.field(validator=v.matches_re(_KEY_RE))
    """Stable lower-case identifier, e.g. ``"pytorch"``."""
    name: str = attrs.field(validator=v.min_len(1))
    """Display name, e.g. ``"PyTorch"``."""
    aliases: tuple[str, ...] = attrs.field(
        converter=_ordered,
        default=(),
        validator=v.deep_iterable(v.matches_re(_NON_BLANK_RE, func=re.search)),
    )
    """Other names it answers to; never empty or blank."""
    summary: str = ""
    organisation: str | None = None
    languages: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Official API languages, most important first (``"Python"``, ``"C++"``)."""
    licence: str | None = attrs.field(
        default=None, validator=_optional(v.matches_re(_SPDX_RE))
    )
    """SPDX licence expression."""
    repository: str | None = attrs.field(
        default=None, validator=_optional(v.matches_re(_REPO_RE))
    )
    """Canonical GitHub ``owner/name`` today."""
    former_repositories: tuple[str, ...] = attrs.field(
        converter=_ordered,
        default=(),
        validator=v.deep_iterable(v.matches_re(_REPO_RE)),
    )
    """Older ``owner/name`` spellings that GitHub redirects to ``repository``."""
    homepage: str | None = None
    getting_started: str | None = None
    """The project's own page for installing it and a first model."""
    first_release: int | None = attrs.field(
        default=None, validator=_optional(v.and_(v.ge(1990), v.le(2100)))
    )
    """Year of the first public release."""
    latest_release: Release | None = None
    """Latest release that could be confirmed, with its date."""
    status: Status = attrs.field(converter=Status)
    status_date: date | None = None
    """When the status took effect or was announced."""
    inference_only: bool = False
    """Runs trained models but does not train them (ONNX Runtime)."""
    graph_style: GraphStyle = attrs.field(
        converter=GraphStyle, default=GraphStyle.UNKNOWN
    )
    autodiff: Support = attrs.field(converter=Support, default=Support.UNKNOWN)
    gpu_backends: tuple[GpuBackend, ...] = attrs.field(
        converter=_gpu_backends, default=()
    )
    distributed: Support = attrs.field(
        converter=Support, default=Support.UNKNOWN
    )
    cnn: Support = attrs.field(converter=Support, default=Support.UNKNOWN)
    rnn: Support = attrs.field(converter=Support, default=Support.UNKNOWN)
    deployment: tuple[Deployment, ...] = attrs.field(
        converter=_deployments, default=()
    )
    builds_on: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Keys of frameworks this one runs on or inherits capabilities from."""
    successors: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Keys (or names) of projects users moved to when this one stopped."""
    distributions: tuple[str, ...] = attrs.field(
        converter=_distributions, default=()
    )
    """Python distribution names (PEP 503-normalised), main one first."""
    import_names: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Top-level modules to import, main one first."""
    programs: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Executables on ``PATH`` that a non-Python install leaves."""
    maven_groups: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Maven group ids of JVM artefacts (``org.deeplearning4j``)."""
    cargo_crates: tuple[str, ...] = attrs.field(converter=_ordered, default=())
    """Rust crate names of Cargo artefacts (``leaf``)."""
    npm_packages: tuple[str, ...] = attrs.field(
        converter=_ordered,
        default=(),
        validator=v.deep_iterable(_NPM_NAME),
    )
    """npm package names, scoped or not (``@tensorflow/tfjs``), main one
    first."""
    nuget_packages: tuple[str, ...] = attrs.field(
        converter=_nuget_ids,
        default=(),
        validator=v.deep_iterable(_NUGET_ID),
    )
    """NuGet package ids (``TorchSharp``), main one first; NuGet compares
    them ignoring case, so repeats in another case are dropped."""
    julia_packages: tuple[str, ...] = attrs.field(
        converter=_ordered,
        default=(),
        validator=v.deep_iterable(_JULIA_NAME),
    )
    """Julia package names (``Flux``, without ``.jl``), main one first."""
    sources: tuple[tuple[str, tuple[Source, ...]], ...] = attrs.field(
        converter=_fact_sources, factory=tuple
    )

    @sources.validator
    def _check_sources(
        self, _: attrs.Attribute[Any], value: tuple[Any, ...]
    ) -> None:
        names = attrs.fields_dict(type(self))
        for fact, srcs in value:
            if fact not in names:
                raise ValueError(f"sources name an unknown fact {fact!r}")
            if not srcs or not all(isinstance(s, Source) for s in srcs):
                raise ValueError(
                    f"sources for {fact!r} must be one or more Source"
                )

    def sources_for(self, fact: str) -> tuple[Source, ...]:
        """The sources backing *fact*; empty when none were recorded."""
        for name, srcs in self.sources:
            if name == fact:
                return srcs
        return ()

    def unsourced_facts(self) -> tuple[str, ...]:
        """Known facts that no source backs (the catalog keeps this empty)."""
        return tuple(
            fact
            for fact in SOURCED_FACTS
            if _is_known(getattr(self, fact)) and not self.sources_for(fact)
        )

    @property
    def maintained(self) -> bool:
        """Whether the framework still receives fixes."""
        return self.status.maintained

    @property
    def repository_url(self) -> str | None:
        if self.repository is None:
            return None
        return f"https://github.com/{self.repository}"

    def names(self) -> tuple[str, ...]:
        """Every name this framework answers to, key first."""
        repos = (self.repository, *self.former_repositories)
        return _ordered(
            [self.key, self.name, *self.aliases]
            + [repo for repo in repos if repo]
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; keys are the attribute names (snake_case)."""
        return {
            "key": self.key,
            "name": self.name,
            "aliases": list(self.aliases),
            "summary": self.summary,
            "organisation": self.organisation,
            "languages": list(self.languages),
            "licence": self.licence,
            "repository": self.repository,
            "former_repositories": list(self.former_repositories),
            "homepage": self.homepage,
            "getting_started": self.getting_started,
            "first_release": self.first_release,
            "latest_release": (
                self.latest_release.to_dict() if self.latest_release else None
            ),
            "status": self.status.value,
            "status_date": (
                self.status_date.isoformat() if self.status_date else None
            ),
            "inference_only": self.inference_only,
            "graph_style": self.graph_style.value,
            "autodiff": self.autodiff.value,
            "gpu_backends": [b.value for b in self.gpu_backends],
            "distributed": self.distributed.value,
            "cnn": self.cnn.value,
            "rnn": self.rnn.value,
            "deployment": [d.value for d in self.deployment],
            "builds_on": list(self.builds_on),
            "successors": list(self.successors),
            "distributions": list(self.distributions),
            "import_names": list(self.import_names),
            "programs": list(self.programs),
            "maven_groups": list(self.maven_groups),
            "cargo_crates": list(self.cargo_crates),
            "npm_packages": list(self.npm_packages),
            "nuget_packages": list(self.nuget_packages),
            "julia_packages": list(self.julia_packages),
            "sources": {
                fact: [s.to_dict() for s in srcs]
                for fact, srcs in self.sources
            },
        }


def _is_known(value: object) -> bool:
    if value is None or value == ():
        return False
    return value not in (Support.UNKNOWN, GraphStyle.UNKNOWN)


_GITHUB_URL_RE: Final = re.compile(
    r"^(?:https?://)?(?:www\.)?github\.com/"
    r"(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?(?:[#?].*)?$",
    re.IGNORECASE,
)


def normalize_repository(text: str) -> str | None:
    """``owner/name`` from a slug or a GitHub URL, else ``None``.

    Surrounding blanks and slashes, a ``.git`` suffix and a URL's query or
    fragment are dropped; the case is kept (GitHub's own spelling).

    >>> normalize_repository("https://github.com/pytorch/pytorch.git")
    'pytorch/pytorch'
    >>> normalize_repository("not a repository") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    cleaned = text.strip()
    url = _GITHUB_URL_RE.match(cleaned)
    if url:
        return url["repo"]
    cleaned = cleaned.strip("/").removesuffix(".git")
    owner = cleaned.partition("/")[0].casefold()
    if owner in {"github.com", "www.github.com"} or not re.match(
        _REPO_RE, cleaned
    ):
        return None
    return cleaned
