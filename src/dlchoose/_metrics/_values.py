"""Repository metrics values.

:class:`RepoMetrics` is what every source of figures produces: the live
GraphQL or REST API, the on-disk cache, or the snapshot shipped inside the
package (:mod:`._snapshot`).  This module imports nothing from the network
stack, so the recommender can use it without loading ``requests``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs

from .._choice import Choice
from .._time import iso, utc_now
from ..exceptions import (
    AuthenticationError,
    MetricsError,
    RateLimitError,
    RepositoryNotFoundError,
)
from ._validate import count, moment, repo_name, short_text


__all__ = [
    "LatestRelease",
    "MetricsReport",
    "MetricsSource",
    "RepoError",
    "RepoMetrics",
    "error_kind",
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
        """The inverse of :meth:`to_dict`; :class:`ValueError` if *data*
        is not a release."""
        if not isinstance(data, Mapping):
            raise TypeError("a release must be an object")
        tag = short_text(data.get("tag"))
        if tag is None:
            raise ValueError("a release needs a tag")
        return cls(tag=tag, published_at=moment(data.get("published_at")))


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
        """The inverse of :meth:`to_dict` (the cache and the snapshot use
        it).  Every field is checked: anything out of shape raises
        :class:`ValueError`, so a damaged document is never half-read."""
        if not isinstance(data, Mapping):
            raise TypeError("figures must be an object")
        full_name = repo_name(data.get("repo"))
        requested = short_text(data.get("requested"))
        stars = count(data.get("stars"))
        observed = moment(data.get("observed_at"))
        if (
            full_name is None
            or requested is None
            or stars is None
            or observed is None
        ):
            missing = [
                label
                for label, value in (
                    ("repo", full_name),
                    ("requested name", requested),
                    ("stars", stars),
                    ("observation time", observed),
                )
                if value is None
            ]
            raise ValueError(f"figures lack a valid {', '.join(missing)}")
        release = data.get("latest_release")
        licence = data.get("license")
        return cls(
            requested=requested,
            full_name=full_name,
            stars=stars,
            forks=_optional(data, "forks", count),
            watchers=_optional(data, "watchers", count),
            open_issues=_optional(data, "open_issues", count),
            open_issues_include_pulls=_boolean(
                data.get("open_issues_include_pulls", True)
            ),
            archived=_optional(data, "archived", _strict_bool),
            disabled=_optional(data, "disabled", _strict_bool),
            pushed_at=moment(data.get("pushed_at")),
            created_at=moment(data.get("created_at")),
            license=short_text(licence, 80) if licence is not None else None,
            latest_release=(
                LatestRelease.from_dict(release) if release else None
            ),
            source=data.get("source"),
            observed_at=observed,
            provenance=_optional(data, "provenance", short_text),
        )


def _strict_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected a boolean, got {value!r:.40}")
    return value


def _optional(data: Mapping[str, Any], key: str, check: Any) -> Any:
    """``data[key]`` checked by *check*; absent or null is ``None``, any
    other value that fails the check is a :class:`ValueError`."""
    value = data.get(key)
    if value is None:
        return None
    checked = check(value)
    if checked is None:
        raise ValueError(f"{key}: unexpected value {value!r:.40}")
    return checked


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
    ``offline_reason`` is set when GitHub could not be reached (now, or a
    few minutes ago) and the fetch fell back without trying further, e.g.
    ``"api.github.com: connection refused"``; the notes then hold one line.
    ``offline`` says the fetch ran without the network (asked to, or
    GitHub out of reach): the notes then also speak for the repositories
    that have no figures, so their errors need no words of their own.
    """

    results: tuple[RepoMetrics, ...] = ()
    errors: tuple[RepoError, ...] = ()
    notes: tuple[str, ...] = ()
    offline_reason: str | None = None
    offline: bool = False

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
