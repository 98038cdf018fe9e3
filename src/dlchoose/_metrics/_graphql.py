"""GitHub's GraphQL API: up to 50 repositories in one query.

Names travel as variables, never spliced into the query text; each
alias's answer is validated like a REST body (:mod:`._validate`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from .._http import Deadline
from .._time import utc_now
from ..exceptions import (
    AuthenticationError,
    MetricsError,
    MetricsUnavailableError,
    RateLimitError,
    RepositoryNotFoundError,
)
from ._errors import safe_text
from ._jobs import Fetched, Job
from ._ratelimit import cap_block, reset_time
from ._rest import Requester, json_object, licence
from ._validate import count, flag, moment, repo_name, short_text
from ._values import LatestRelease, MetricsSource, RepoMetrics


__all__ = [
    "GRAPHQL_BATCH",
    "GraphQLFailedError",
    "fetch_graphql",
    "graphql_metrics",
    "graphql_query",
    "graphql_url",
]

GRAPHQL_BATCH: Final = 50
#: How long to stay away when GraphQL says "rate limited" without a reset.
UNKNOWN_RESET_BLOCK: Final = timedelta(minutes=1)

_FIELDS: Final = """
fragment M on Repository {
  nameWithOwner url stargazerCount forkCount isArchived isDisabled
  pushedAt createdAt
  watchers { totalCount }
  issues(states: OPEN) { totalCount }
  pullRequests(states: OPEN) { totalCount }
  licenseInfo { spdxId }
  latestRelease { tagName publishedAt }
}
"""


class GraphQLFailedError(Exception):
    """The GraphQL query as a whole failed in a way REST may not."""


def graphql_url(api_url: str) -> str:
    """The GraphQL endpoint that goes with a REST base URL.

    >>> graphql_url("https://api.github.com")
    'https://api.github.com/graphql'
    >>> graphql_url("https://ghe.example/api/v3")
    'https://ghe.example/api/graphql'
    """
    base = api_url.rstrip("/")
    if base.endswith("/v3"):
        return base[: -len("/v3")] + "/graphql"
    return base + "/graphql"


def graphql_query(names: Sequence[str]) -> dict[str, Any]:
    """One query, one alias per repository, names passed as variables."""
    params = []
    fields = []
    variables: dict[str, str] = {}
    for i, name in enumerate(names):
        owner, repo = name.split("/", 1)
        params.append(f"$o{i}: String!, $n{i}: String!")
        fields.append(
            f"  r{i}: repository(owner: $o{i}, name: $n{i}) {{ ...M }}"
        )
        variables[f"o{i}"] = owner
        variables[f"n{i}"] = repo
    query = (
        f"query({', '.join(params)}) {{\n"
        + "\n".join(fields)
        + "\n  rateLimit { cost remaining resetAt }\n}\n"
        + _FIELDS
    )
    return {"query": query, "variables": variables}


def _total(node: object) -> int | None:
    return count(node.get("totalCount")) if isinstance(node, dict) else None


def _release(node: object) -> LatestRelease | None:
    if not isinstance(node, dict):
        return None
    tag = short_text(node.get("tagName"))
    if tag is None:
        return None
    return LatestRelease(tag=tag, published_at=moment(node.get("publishedAt")))


def graphql_metrics(
    node: Mapping[str, Any], requested: str, observed: datetime
) -> RepoMetrics:
    """Figures from one alias's ``Repository`` node."""
    issues = _total(node.get("issues"))
    pulls = _total(node.get("pullRequests"))
    spdx = node.get("licenseInfo")
    full_name = repo_name(node.get("nameWithOwner"))
    stars = count(node.get("stargazerCount"))
    if full_name is None or stars is None:
        raise MetricsUnavailableError(
            f"GitHub's GraphQL answer for {requested} lacks valid fields",
            repo=requested,
        )
    return RepoMetrics(
        requested=requested,
        full_name=full_name,
        stars=stars,
        forks=count(node.get("forkCount")),
        watchers=_total(node.get("watchers")),
        open_issues=(
            issues + pulls
            if issues is not None and pulls is not None
            else None
        ),
        archived=flag(node.get("isArchived")),
        disabled=flag(node.get("isDisabled")),
        pushed_at=moment(node.get("pushedAt")),
        created_at=moment(node.get("createdAt")),
        license=licence(
            spdx.get("spdxId") if isinstance(spdx, dict) else None
        ),
        latest_release=_release(node.get("latestRelease")),
        source=MetricsSource.GRAPHQL,
        observed_at=observed,
    )


def _alias_error(job: Job, error: Mapping[str, Any]) -> MetricsError:
    """The typed error GraphQL reported for one alias."""
    kind = error.get("type")
    raw = error.get("message")
    text = safe_text(raw) if isinstance(raw, str) and raw else "no data"
    if kind == "NOT_FOUND":
        return RepositoryNotFoundError(
            f"{job.requested}: not found or not accessible",
            repo=job.requested,
        )
    if kind == "FORBIDDEN":
        return AuthenticationError(
            f"GitHub refused access to {job.requested}: {text}",
            repo=job.requested,
        )
    return MetricsUnavailableError(
        f"GitHub's GraphQL answer for {job.requested} failed: {text}",
        repo=job.requested,
    )


def _alias_errors(
    errors: object,
    reset_header: str | None,
    block: Callable[[datetime], None],
) -> dict[str, Mapping[str, Any]]:
    """Errors by alias; a whole-query error raises (rate limit or
    :class:`GraphQLFailedError`)."""
    by_alias: dict[str, Mapping[str, Any]] = {}
    for error in errors if isinstance(errors, list) else []:
        if not isinstance(error, dict):
            continue
        path = error.get("path")
        if isinstance(path, list) and path and isinstance(path[0], str):
            by_alias[path[0]] = error
            continue
        if error.get("type") == "RATE_LIMITED":
            until = cap_block(
                reset_time(reset_header) or utc_now() + UNKNOWN_RESET_BLOCK
            )
            block(until)
            raise RateLimitError(
                "GitHub's GraphQL rate limit is exhausted until"
                f" {until:%Y-%m-%d %H:%M:%S} UTC",
                reset_at=until,
            )
        message = error.get("message")
        raise GraphQLFailedError(
            safe_text(message) if isinstance(message, str) else "failed"
        )
    return by_alias


def fetch_graphql(
    request: Requester,
    url: str,
    jobs: Sequence[Job],
    deadline: Deadline,
    block: Callable[[datetime], None],
) -> list[Fetched | MetricsError]:
    """One query for up to 50 repositories; per-repository errors are
    returned in place, whole-query failures raised.  *block* remembers a
    GraphQL rate-limit block."""
    what = f"a batch of {len(jobs)} repositories"
    response = request(
        "POST",
        url,
        what=what,
        resource="graphql",
        deadline=deadline,
        body=graphql_query([job.target for job in jobs]),
    )
    document = json_object(response, what)
    by_alias = _alias_errors(
        document.get("errors"), response.header("x-ratelimit-reset"), block
    )
    data = document.get("data")
    if not isinstance(data, dict):
        raise GraphQLFailedError("no data in GraphQL answer")
    observed = utc_now()
    out: list[Fetched | MetricsError] = []
    for i, job in enumerate(jobs):
        node = data.get(f"r{i}")
        if not isinstance(node, dict):
            out.append(_alias_error(job, by_alias.get(f"r{i}", {})))
            continue
        try:
            out.append(
                Fetched(metrics=graphql_metrics(node, job.requested, observed))
            )
        except MetricsError as err:
            out.append(err)
    return out
