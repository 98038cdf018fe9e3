"""GitHub's REST API: one repository in at most two requests.

``GET /repos/{owner}/{name}`` then ``GET .../releases/latest``, each with
``If-None-Match`` when an authenticated client holds a validator.  Every
field is validated (:mod:`._validate`); a body naming another repository
than the one asked for (without a rename redirect) is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from http import HTTPStatus
from typing import Any, Protocol
from urllib.parse import quote

import attrs

from .._http import Deadline, Response, safe_header
from .._time import utc_now
from ..exceptions import MetricsUnavailableError
from ._jobs import Fetched, Job
from ._validate import count, flag, moment, repo_name, short_text
from ._values import LatestRelease, MetricsSource, RepoMetrics


__all__ = [
    "Requester",
    "fetch_rest",
    "json_object",
    "licence",
    "rest_metrics",
    "rest_release",
]


class Requester(Protocol):
    """The client's request method, as the API modules use it."""

    def __call__(
        self,
        method: str,
        url: str,
        *,
        what: str,
        resource: str,
        deadline: Deadline,
        headers: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        accept: Iterable[int] = (),
    ) -> Response: ...


def json_object(response: Response, what: str) -> dict[str, Any]:
    """The body as a JSON object, else :class:`MetricsUnavailableError`."""
    try:
        body = response.json()
    except ValueError as err:
        kind = safe_header(response.header("content-type")) or "unknown type"
        raise MetricsUnavailableError(
            f"GitHub's answer for {what} is not JSON ({kind})",
            repo=what,
        ) from err
    if not isinstance(body, dict):
        raise MetricsUnavailableError(
            f"GitHub's answer for {what} is not a JSON object", repo=what
        )
    return body


def licence(spdx: object) -> str | None:
    """An SPDX id, or ``None`` for none, ``NOASSERTION`` or junk."""
    text = short_text(spdx, 80)
    return None if text in {None, "NOASSERTION"} else text


def rest_metrics(
    body: Mapping[str, Any], requested: str, observed: datetime
) -> RepoMetrics:
    """Figures from a ``GET /repos/{o}/{r}`` body (top-level keys only)."""
    full_name = repo_name(body.get("full_name"))
    stars = count(body.get("stargazers_count"))
    if full_name is None or stars is None:
        raise MetricsUnavailableError(
            f"GitHub's answer for {requested} lacks valid repository fields",
            repo=requested,
        )
    spdx = body.get("license")
    return RepoMetrics(
        requested=requested,
        full_name=full_name,
        stars=stars,
        forks=count(body.get("forks_count")),
        watchers=count(body.get("subscribers_count")),
        open_issues=count(body.get("open_issues_count")),
        archived=flag(body.get("archived")),
        disabled=flag(body.get("disabled")),
        pushed_at=moment(body.get("pushed_at")),
        created_at=moment(body.get("created_at")),
        license=licence(
            spdx.get("spdx_id") if isinstance(spdx, dict) else None
        ),
        source=MetricsSource.REST,
        observed_at=observed,
    )


def rest_release(body: Mapping[str, Any]) -> LatestRelease | None:
    tag = short_text(body.get("tag_name"))
    if tag is None:
        return None
    return LatestRelease(
        tag=tag,
        published_at=moment(body.get("published_at"))
        or moment(body.get("created_at")),
    )


def _repo_url(api_url: str, name: str) -> str:
    owner, repo = name.split("/", 1)
    return f"{api_url}/repos/{quote(owner, safe='')}/{quote(repo, safe='')}"


def _repository(
    request: Requester,
    api_url: str,
    job: Job,
    deadline: Deadline,
    revalidate: bool,  # noqa: FBT001 - internal step
) -> tuple[RepoMetrics, str | None]:
    """The repository's figures and ETag (304: the cached figures)."""
    entry = job.entry
    url = _repo_url(api_url, job.target)
    headers = {}
    if revalidate and entry is not None and entry.etag_repo:
        headers["If-None-Match"] = entry.etag_repo
    what = job.requested
    response = request(
        "GET", url, what=what, resource="core", deadline=deadline,
        headers=headers,
    )  # fmt: skip
    observed = utc_now()
    if response.status == HTTPStatus.NOT_MODIFIED and (
        entry is None or not headers
    ):
        # A 304 to a request without validators is not an answer: ask
        # once more, unconditionally.
        response = request(
            "GET", url, what=what, resource="core", deadline=deadline
        )
    if response.status == HTTPStatus.NOT_MODIFIED:
        if entry is None or not headers:
            raise MetricsUnavailableError(
                f"GitHub answered 304 without validators for {what}",
                repo=what,
            )
        metrics = attrs.evolve(
            entry.metrics,
            requested=what,
            source=MetricsSource.REST,
            observed_at=observed,
        )
        return metrics, entry.etag_repo
    metrics = rest_metrics(json_object(response, what), what, observed)
    renamed = response.url != url
    if not renamed and metrics.full_name.casefold() != job.target.casefold():
        raise MetricsUnavailableError(
            f"GitHub's answer for {what} names another repository",
            repo=what,
        )
    return metrics, short_text(response.header("etag"))


def fetch_rest(
    request: Requester,
    api_url: str,
    job: Job,
    deadline: Deadline,
    *,
    revalidate: bool,
) -> Fetched:
    """At most two requests (plus redirect hops): repository, release."""
    entry = job.entry
    metrics, etag_repo = _repository(
        request, api_url, job, deadline, revalidate
    )
    same_repo = (
        entry is not None
        and entry.metrics.full_name.casefold() == metrics.full_name.casefold()
    )
    headers = {}
    if revalidate and same_repo and entry and entry.etag_release:
        headers["If-None-Match"] = entry.etag_release
    response = request(
        "GET",
        _repo_url(api_url, metrics.full_name) + "/releases/latest",
        what=job.requested,
        resource="core",
        deadline=deadline,
        headers=headers,
        accept=(HTTPStatus.NOT_FOUND,),
    )
    etag_release = short_text(response.header("etag"))
    if response.status == HTTPStatus.NOT_FOUND:
        release, etag_release = None, None
    elif response.status == HTTPStatus.NOT_MODIFIED:
        release = entry.metrics.latest_release if entry and headers else None
        if not headers:
            etag_release = None
    else:
        release = rest_release(json_object(response, job.requested))
    return Fetched(
        metrics=attrs.evolve(metrics, latest_release=release),
        etag_repo=etag_repo,
        etag_release=etag_release,
    )
