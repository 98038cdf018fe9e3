"""Repository metrics values and the bundled, dated snapshot.

:class:`RepoMetrics` is what every source of figures produces: the live
GraphQL or REST API, the on-disk cache, or the snapshot shipped inside the
package.  This module imports nothing from the network stack, so the
recommender can read the snapshot without loading ``requests``.
"""

from __future__ import annotations

import functools
import json

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from importlib import resources
from typing import Any, Final

import attrs

from .._choice import Choice
from .._time import iso, parse_time, utc_now
from ..exceptions import (
    AuthenticationError,
    MetricsError,
    RateLimitError,
    RepositoryNotFoundError,
)


__all__ = [
    "LatestRelease",
    "MetricsReport",
    "MetricsSource",
    "RepoError",
    "RepoMetrics",
    "Snapshot",
    "bundled_snapshot",
    "iso",
    "parse_time",
    "utc_now",
]


class MetricsSource(Choice):
    """Where a set of figures came from."""

    GRAPHQL = "graphql"
    REST = "rest"
    CACHE = "cache"
    SNAPSHOT = "snapshot"


@attrs.frozen(kw_only=True)
class LatestRelease:
    """A repository's latest published GitHub release."""

    tag: str
    published_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "published_at": iso(self.published_at),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LatestRelease:
        return cls(
            tag=data["tag"], published_at=parse_time(data.get("published_at"))
        )


@attrs.frozen(kw_only=True)
class RepoMetrics:
    """GitHub figures for one repository at one moment.

    ``requested`` is the name asked for; ``full_name`` the canonical name
    GitHub answered with (they differ after a rename or transfer).  Figures
    GitHub did not give, or the snapshot did not record, are ``None``.
    ``open_issues`` counts issues and pull requests, as GitHub's REST API
    does, except in snapshot figures, which count issues only
    (``open_issues_include_pulls`` says which).
    """

    requested: str
    full_name: str
    stars: int
    forks: int | None = None
    watchers: int | None = None
    """Subscribers (people watching), not the legacy ``watchers_count``."""
    open_issues: int | None = None
    open_issues_include_pulls: bool = True
    archived: bool | None = None
    disabled: bool | None = None
    pushed_at: datetime | None = None
    created_at: datetime | None = None
    license: str | None = None
    """SPDX identifier, or ``None`` when GitHub reports none or NOASSERTION."""
    latest_release: LatestRelease | None = None
    source: MetricsSource = attrs.field(converter=MetricsSource)
    observed_at: datetime
    """When the figures were read from GitHub (aware, UTC)."""
    provenance: str | None = None
    """The dated public record that snapshot figures were copied from."""

    @property
    def url(self) -> str:
        return f"https://github.com/{self.full_name}"

    def age_days(self, now: datetime | None = None) -> float:
        """How old the figures are, in days."""
        now = now or utc_now()
        return (now - self.observed_at).total_seconds() / 86400

    def to_dict(self) -> dict[str, Any]:
        return {
            "requested": self.requested,
            "repo": self.full_name,
            "url": self.url,
            "stars": self.stars,
            "forks": self.forks,
            "watchers": self.watchers,
            "open_issues": self.open_issues,
            "open_issues_include_pulls": self.open_issues_include_pulls,
            "archived": self.archived,
            "disabled": self.disabled,
            "pushed_at": iso(self.pushed_at),
            "created_at": iso(self.created_at),
            "license": self.license,
            "latest_release": (
                self.latest_release.to_dict() if self.latest_release else None
            ),
            "source": self.source.value,
            "observed_at": iso(self.observed_at),
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepoMetrics:
        """The inverse of :meth:`to_dict` (the on-disk cache uses it)."""
        release = data.get("latest_release")
        observed = parse_time(data["observed_at"])
        if observed is None:
            raise ValueError("no observation time")
        return cls(
            requested=data["requested"],
            full_name=data["repo"],
            stars=data["stars"],
            forks=data.get("forks"),
            watchers=data.get("watchers"),
            open_issues=data.get("open_issues"),
            open_issues_include_pulls=data.get(
                "open_issues_include_pulls", True
            ),
            archived=data.get("archived"),
            disabled=data.get("disabled"),
            pushed_at=parse_time(data.get("pushed_at")),
            created_at=parse_time(data.get("created_at")),
            license=data.get("license"),
            latest_release=(
                LatestRelease.from_dict(release) if release else None
            ),
            source=data["source"],
            observed_at=observed,
            provenance=data.get("provenance"),
        )


def error_kind(error: MetricsError) -> str:
    """A stable, machine-readable name for *error*'s class."""
    if isinstance(error, RepositoryNotFoundError):
        return "not_found"
    if isinstance(error, AuthenticationError):
        return "authentication"
    if isinstance(error, RateLimitError):
        return "rate_limited"
    return "unavailable"


@attrs.frozen(kw_only=True)
class RepoError:
    """Why no figures could be found for one repository."""

    repo: str
    """The repository as requested."""
    error: MetricsError = attrs.field(eq=False)

    @property
    def kind(self) -> str:
        """``not_found``, ``authentication``, ``rate_limited`` or
        ``unavailable``."""
        return error_kind(self.error)

    def to_dict(self) -> dict[str, Any]:
        reset_at = getattr(self.error, "reset_at", None)
        return {
            "repo": self.repo,
            "error": self.kind,
            "message": str(self.error),
            "reset_at": iso(reset_at),
        }


@attrs.frozen(kw_only=True)
class MetricsReport:
    """One fetch: figures or an error for every repository asked for.

    ``results`` and ``errors`` keep the order of the request; ``notes``
    say, in words, why some figures are older than asked (rate limit,
    network failure, offline mode) and how old they are.
    """

    results: tuple[RepoMetrics, ...] = ()
    errors: tuple[RepoError, ...] = ()
    notes: tuple[str, ...] = ()

    def get(self, repo: str) -> RepoMetrics | None:
        """The figures for *repo* (requested or canonical name), if any."""
        folded = repo.casefold()
        for metrics in self.results:
            if folded in {
                metrics.requested.casefold(),
                metrics.full_name.casefold(),
            }:
                return metrics
        return None

    @property
    def ok(self) -> bool:
        """Whether every repository has figures."""
        return not self.errors

    @property
    def stale(self) -> tuple[RepoMetrics, ...]:
        """Figures that did not come from GitHub during this fetch."""
        return tuple(
            m
            for m in self.results
            if m.source in {MetricsSource.CACHE, MetricsSource.SNAPSHOT}
        )

    def raise_for_errors(self) -> None:
        """Raise the first repository's error, if there is one."""
        if self.errors:
            raise self.errors[0].error

    def to_dict(self) -> dict[str, Any]:
        return {
            "repositories": [m.to_dict() for m in self.results],
            "errors": [e.to_dict() for e in self.errors],
            "notes": list(self.notes),
        }

    def __iter__(self) -> Iterator[RepoMetrics]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)


@attrs.frozen(kw_only=True)
class Snapshot:
    """Figures bundled with dlchoose, each with its own observation date.

    Lookups ignore case, as GitHub does.
    """

    as_of: date
    """The newest observation date in the snapshot."""
    built: date
    """When the snapshot file was generated."""
    repositories: tuple[RepoMetrics, ...]
    _by_name: Mapping[str, RepoMetrics] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    @_by_name.default
    def _index(self) -> Mapping[str, RepoMetrics]:
        return {m.full_name.casefold(): m for m in self.repositories}

    def get(self, repo: str) -> RepoMetrics | None:
        return self._by_name.get(repo.casefold())

    def __iter__(self) -> Iterator[RepoMetrics]:
        return iter(self.repositories)

    def __len__(self) -> int:
        return len(self.repositories)


_SNAPSHOT_FILE: Final = "github-snapshot.json"


def snapshot_from_dict(data: Mapping[str, Any]) -> Snapshot:
    """Parse the JSON document ``scripts/build_snapshot.py`` writes."""
    include_pulls = data.get("open_issues_include_pulls", False)
    # Snapshot rows are RepoMetrics.to_dict() documents minus what every
    # row shares: the name asked for, the source and the issue convention.
    repos = [
        RepoMetrics.from_dict(
            {
                "requested": row["repo"],
                "open_issues_include_pulls": include_pulls,
                **row,
                "source": MetricsSource.SNAPSHOT.value,
            }
        )
        for row in data["repositories"]
    ]
    return Snapshot(
        as_of=date.fromisoformat(data["as_of"]),
        built=date.fromisoformat(data["built"]),
        repositories=tuple(repos),
    )


@functools.cache
def bundled_snapshot() -> Snapshot:
    """The snapshot shipped with this version of dlchoose (read once)."""
    text = (
        resources.files(__package__)
        .joinpath(_SNAPSHOT_FILE)
        .read_text(encoding="utf-8")
    )
    return snapshot_from_dict(json.loads(text))
