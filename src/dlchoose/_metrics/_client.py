"""The GitHub metrics client: GraphQL with a token, REST without one.

How a fetch spends requests:

* figures younger than the cache TTL are served from disk (0 requests);
* with a token, one GraphQL query per 50 repositories; without one (or
  when GraphQL is rate limited), ``GET /repos/{o}/{r}`` plus
  ``GET .../releases/latest``, at most ``max_workers`` in flight, with
  ``If-None-Match`` revalidation when authenticated;
* transient failures (5xx, connection errors) are retried by urllib3's
  ``Retry``; rate limits are waited out only up to ``max_wait`` seconds,
  and a longer block is remembered on disk so the next run does not call
  GitHub before the reset;
* whatever cannot be fetched comes from the cache (any age), then from the
  bundled snapshot, and the report's notes say how old it is.

``requests`` is imported only when a request is about to be made, so
``import dlchoose`` and offline use stay free of it.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import math
import os
import queue
import re
import threading
import time

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeVar
from urllib.parse import quote, urljoin, urlsplit

import attrs

from .._registry._model import _GITHUB_URL_RE, _REPO_RE, Framework
from .._time import parse_time, utc_now
from ..exceptions import (
    AuthenticationError,
    MetricsError,
    MetricsUnavailableError,
    RateLimitError,
    RepositoryNotFoundError,
    UnknownFrameworkError,
)
from ._cache import DEFAULT_TTL, CacheEntry, DiskCache
from ._values import (
    LatestRelease,
    MetricsReport,
    MetricsSource,
    RepoError,
    RepoMetrics,
    bundled_snapshot,
)


if TYPE_CHECKING:
    import requests


__all__ = [
    "API_VERSION",
    "DEFAULT_API_URL",
    "GitHubClient",
    "RateLimitStatus",
    "fetch_metrics",
    "graphql_url",
    "normalize_repo",
]

log = logging.getLogger("dlchoose.github")

DEFAULT_API_URL: Final = "https://api.github.com"
API_VERSION: Final = "2022-11-28"
GRAPHQL_BATCH: Final = 50
_MAX_REDIRECTS: Final = 3
_MAX_RATE_WAITS: Final = 3
_SECONDARY_DEFAULT_WAIT: Final = 60.0
_UNKNOWN_RESET_BLOCK: Final = timedelta(minutes=1)
_PLAUSIBLE_RESET: Final = timedelta(hours=2)

_TOKEN_SHAPES: Final = re.compile(
    r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"
)

T = TypeVar("T")


class _RedactTokens(logging.Filter):
    """Defence in depth: mask anything shaped like a GitHub token."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN_SHAPES.search(message):
            record.msg = _TOKEN_SHAPES.sub("<redacted>", message)
            record.args = None
        return True


log.addFilter(_RedactTokens())


def normalize_repo(name: str) -> str:
    """``owner/name`` from a slug or a GitHub URL (``.git`` and slashes
    stripped); anything else raises :class:`ValueError`."""
    cleaned = name.strip()
    url = _GITHUB_URL_RE.match(cleaned)
    if url:
        return url["repo"]
    cleaned = cleaned.strip("/").removesuffix(".git")
    owner = cleaned.partition("/")[0].casefold()
    if owner in {"github.com", "www.github.com"} or not re.match(
        _REPO_RE, cleaned
    ):
        raise ValueError(f"not a GitHub repository (owner/name): {name!r}")
    return cleaned


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


def _strip_slash(url: str) -> str:
    return url.rstrip("/")


def _loopback(host: str | None) -> bool:
    """Whether *host* names this machine (``localhost`` or a loopback IP)."""
    if host is None:
        return False
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


@functools.cache
def _user_agent() -> str:
    from .._compat import metadata

    try:
        version = metadata.version("dlchoose")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed
        version = "0"
    return f"dlchoose/{version} (+https://github.com/dlchoose/dlchoose)"


@attrs.frozen(kw_only=True)
class RateLimitStatus:
    """What the ``x-ratelimit-*`` headers of the latest response said."""

    resource: str
    limit: int | None = None
    remaining: int | None = None
    used: int | None = None
    reset_at: datetime | None = None
    """``None`` when absent or implausible (e.g. milliseconds)."""

    @classmethod
    def from_headers(
        cls, headers: Mapping[str, str], default_resource: str
    ) -> RateLimitStatus | None:
        if not any(k.lower().startswith("x-ratelimit-") for k in headers):
            return None
        return cls(
            resource=headers.get("x-ratelimit-resource") or default_resource,
            limit=_int(headers.get("x-ratelimit-limit")),
            remaining=_int(headers.get("x-ratelimit-remaining")),
            used=_int(headers.get("x-ratelimit-used")),
            reset_at=_reset_time(headers.get("x-ratelimit-reset")),
        )


def _reset_time(value: object, now: datetime | None = None) -> datetime | None:
    """An epoch-seconds reset as an aware datetime; ``None`` if unparsable
    or more than two hours away (GitHub's windows are one hour)."""
    seconds = _int(value)
    if seconds is None:
        return None
    now = now or utc_now()
    try:
        moment = datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if moment - now > _PLAUSIBLE_RESET:
        return None
    return moment


# -- requests plumbing, built on first use ----------------------------------


@functools.cache
def _auth_type() -> type[Any]:
    import requests.auth

    class TokenAuth(requests.auth.AuthBase):
        """Adds ``Authorization: Bearer`` (an auth object, so ~/.netrc
        cannot replace it and requests drops it on cross-host redirects)."""

        def __init__(self, token: str) -> None:
            self._token = token

        def __call__(
            self, request: requests.PreparedRequest
        ) -> requests.PreparedRequest:
            request.headers["Authorization"] = f"Bearer {self._token}"
            return request

        def __repr__(self) -> str:
            return "TokenAuth(<redacted>)"

    return TokenAuth


def _new_session(
    *, retries: int, backoff: float, max_retry_after: float, pool: int
) -> requests.Session:
    import requests

    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    class CappedRetry(Retry):
        """urllib3's Retry, honouring ``retry-after`` only on 503 and only
        up to the client's cap: 403/429 rate limits are the client's own
        decision, driven by the rate-limit headers."""

        RETRY_AFTER_STATUS_CODES = frozenset({HTTPStatus.SERVICE_UNAVAILABLE})

        def get_retry_after(self, response: Any) -> float | None:
            seconds = super().get_retry_after(response)
            return None if seconds is None else min(seconds, max_retry_after)

    retry = CappedRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        backoff_factor=backoff,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "POST"}),  # GraphQL reads only
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(
        max_retries=retry, pool_connections=1, pool_maxsize=max(pool, 1)
    )
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


# -- response interpretation ------------------------------------------------


def _message(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    message = body.get("message") if isinstance(body, dict) else None
    return message if isinstance(message, str) else ""


def _request_id(response: requests.Response) -> str:
    rid = response.headers.get("x-github-request-id")
    return f" (request id {rid})" if rid else ""


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    seconds = _int(value)
    if seconds is not None:
        return float(max(seconds, 0))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((moment - utc_now()).total_seconds(), 0.0)


@attrs.frozen(kw_only=True)
class _Limited:
    """A 403/429 (or GraphQL) rate-limit answer and how long it asks to
    wait (``None``: unknown)."""

    secondary: bool
    wait: float | None
    reset_at: datetime | None
    resource: str
    message: str


def _rate_limited(
    response: requests.Response, resource: str, attempt: int
) -> _Limited | None:
    """Classify a 403/429: primary limit, secondary limit, or ``None`` for
    a plain refusal."""
    if response.status_code not in (
        HTTPStatus.FORBIDDEN,
        HTTPStatus.TOO_MANY_REQUESTS,
    ):
        return None
    remaining = _int(response.headers.get("x-ratelimit-remaining"))
    reset_at = _reset_time(response.headers.get("x-ratelimit-reset"))
    message = _message(response)
    retry_after = _retry_after(response)
    now = utc_now()
    if remaining == 0:
        if retry_after is not None:
            wait: float | None = retry_after
            reset_at = reset_at or now + timedelta(seconds=retry_after)
        elif reset_at is not None:
            wait = max((reset_at - now).total_seconds() + 1, 0.0)
        else:
            wait = None
        resource = response.headers.get("x-ratelimit-resource") or resource
        return _Limited(
            secondary=False,
            wait=wait,
            reset_at=reset_at,
            resource=resource,
            message=message,
        )
    secondary = (
        retry_after is not None
        or "secondary rate limit" in message.lower()
        or response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    )
    if not secondary:
        return None
    wait = (
        retry_after
        if retry_after is not None
        else _SECONDARY_DEFAULT_WAIT * 2**attempt
    )
    return _Limited(
        secondary=True,
        wait=wait,
        reset_at=now + timedelta(seconds=wait),
        resource="*",
        message=message,
    )


def _error_for(
    response: requests.Response, what: str, repo: str | None
) -> MetricsError:
    """The typed error for a failed response (rate limits excluded)."""
    status = response.status_code
    message = _message(response)
    detail = f": {message}" if message else ""
    error: type[MetricsError] = MetricsError
    if status == HTTPStatus.UNAUTHORIZED:
        error = AuthenticationError
        text = (
            f"GitHub refused the credentials for {what} (401{detail});"
            " check that the token is valid and not expired"
        )
    elif status == HTTPStatus.FORBIDDEN:
        error = AuthenticationError
        text = f"GitHub refused access to {what} (403{detail})"
    elif status == HTTPStatus.NOT_FOUND:
        error = RepositoryNotFoundError
        text = f"{what}: not found or not accessible (404)"
    elif status == HTTPStatus.UNAVAILABLE_FOR_LEGAL_REASONS:
        error = RepositoryNotFoundError
        text = f"{what}: blocked for legal reasons (451{detail})"
    elif status == HTTPStatus.GONE:
        text = (
            f"GitHub retired API version {API_VERSION} (410); upgrade dlchoose"
        )
    elif status >= HTTPStatus.INTERNAL_SERVER_ERROR:
        error = MetricsUnavailableError
        text = f"GitHub failed to answer for {what} ({status}{detail})"
    else:
        text = f"GitHub rejected the request for {what} ({status}{detail})"
    return error(text + _request_id(response), repo=repo)


def _json_object(response: requests.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as err:
        kind = response.headers.get("content-type", "unknown type")
        raise MetricsUnavailableError(
            f"GitHub's answer for {what} is not JSON ({kind})", repo=what
        ) from err
    if not isinstance(body, dict):
        raise MetricsUnavailableError(
            f"GitHub's answer for {what} is not a JSON object", repo=what
        )
    return body


def _licence(spdx: object) -> str | None:
    if not isinstance(spdx, str) or spdx in {"", "NOASSERTION"}:
        return None
    return spdx


def _rest_metrics(
    body: Mapping[str, Any], requested: str, observed: datetime
) -> RepoMetrics:
    """Figures from a ``GET /repos/{o}/{r}`` body (top-level keys only)."""
    full_name = body.get("full_name")
    stars = body.get("stargazers_count")
    if not isinstance(full_name, str) or _int(stars) is None:
        raise MetricsUnavailableError(
            f"GitHub's answer for {requested} lacks the repository fields",
            repo=requested,
        )
    licence = body.get("license")
    return RepoMetrics(
        requested=requested,
        full_name=full_name,
        stars=_int(stars) or 0,
        forks=_int(body.get("forks_count")),
        watchers=_int(body.get("subscribers_count")),
        open_issues=_int(body.get("open_issues_count")),
        archived=body.get("archived"),
        disabled=body.get("disabled"),
        pushed_at=parse_time(body.get("pushed_at")),
        created_at=parse_time(body.get("created_at")),
        license=_licence(
            licence.get("spdx_id") if isinstance(licence, dict) else None
        ),
        source=MetricsSource.REST,
        observed_at=observed,
    )


def _rest_release(body: Mapping[str, Any]) -> LatestRelease | None:
    tag = body.get("tag_name")
    if not isinstance(tag, str):
        return None
    return LatestRelease(
        tag=tag,
        published_at=parse_time(body.get("published_at"))
        or parse_time(body.get("created_at")),
    )


_GRAPHQL_FIELDS: Final = """
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


def _graphql_query(names: Sequence[str]) -> dict[str, Any]:
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
        + _GRAPHQL_FIELDS
    )
    return {"query": query, "variables": variables}


def _total(node: object) -> int | None:
    return _int(node.get("totalCount")) if isinstance(node, dict) else None


def _graphql_metrics(
    node: Mapping[str, Any], requested: str, observed: datetime
) -> RepoMetrics:
    issues = _total(node.get("issues"))
    pulls = _total(node.get("pullRequests"))
    release = node.get("latestRelease")
    licence = node.get("licenseInfo")
    stars = _int(node.get("stargazerCount"))
    if not isinstance(node.get("nameWithOwner"), str) or stars is None:
        raise MetricsUnavailableError(
            f"GitHub's GraphQL answer for {requested} lacks fields",
            repo=requested,
        )
    return RepoMetrics(
        requested=requested,
        full_name=node["nameWithOwner"],
        stars=stars,
        forks=_int(node.get("forkCount")),
        watchers=_total(node.get("watchers")),
        open_issues=(
            issues + pulls
            if issues is not None and pulls is not None
            else None
        ),
        archived=node.get("isArchived"),
        disabled=node.get("isDisabled"),
        pushed_at=parse_time(node.get("pushedAt")),
        created_at=parse_time(node.get("createdAt")),
        license=_licence(
            licence.get("spdxId") if isinstance(licence, dict) else None
        ),
        latest_release=(
            LatestRelease(
                tag=release["tagName"],
                published_at=parse_time(release.get("publishedAt")),
            )
            if isinstance(release, dict)
            and isinstance(release.get("tagName"), str)
            else None
        ),
        source=MetricsSource.GRAPHQL,
        observed_at=observed,
    )


def _alias_error(job: _Job, error: Mapping[str, Any]) -> MetricsError:
    """The typed error GraphQL reported for one alias."""
    kind = error.get("type")
    text = error.get("message") or "no data"
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


class _GraphQLFailedError(Exception):
    """The GraphQL query as a whole failed in a way REST may not."""


# -- the client -------------------------------------------------------------


def _drain(
    func: Callable[[T], Any],
    items: Sequence[T],
    pending: queue.SimpleQueue[int],
    results: list[Any],
    done: threading.Condition,
    finished: list[int],
) -> None:
    """A worker: run *func* on queued items until none are left."""
    while True:
        try:
            index = pending.get_nowait()
        except queue.Empty:
            return
        try:
            result: Any = func(items[index])
        except Exception as err:  # noqa: BLE001 - handed to the caller
            result = err
        with done:
            results[index] = result
            finished[0] += 1
            done.notify_all()


@attrs.frozen
class _Job:
    requested: str
    target: str
    entry: CacheEntry | None


@attrs.frozen
class _Fetched:
    metrics: RepoMetrics
    etag_repo: str | None = None
    etag_release: str | None = None


def _age(metrics: RepoMetrics, now: datetime) -> str:
    days = metrics.age_days(now)
    if days < 1:
        return f"{max(int(days * 24), 0)} h"
    return f"{int(days)} days"


@attrs.define
class GitHubClient:
    """Fetch repository figures from GitHub (or GitHub Enterprise).

    Use it as a context manager, or call :meth:`close`, to release its
    HTTP session.  *token* is used only in the ``Authorization`` header
    and never shown.  *api_url* is the REST base
    (``https://HOST/api/v3`` on Enterprise Server); the GraphQL URL is
    derived from it.  Timeouts are in seconds: *connect_timeout* and
    *read_timeout* bound every request, *max_wait* every rate-limit wait,
    *deadline* a whole :meth:`fetch`.  ``cache=None`` disables the disk
    cache; *session* injects a ``requests.Session`` (its adapters are used
    as they are).

    A *token* is sent only over HTTPS, or plain HTTP to a loopback address
    (a local test server): any other ``http://`` *api_url* with a token
    raises :class:`ValueError` here, before a request can leak it.
    """

    _token: str | None = attrs.field(default=None, repr=False)
    api_url: str = attrs.field(default=DEFAULT_API_URL, converter=_strip_slash)
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    max_wait: float = 30.0
    deadline: float | None = 60.0
    retries: int = 2
    backoff: float = 0.5
    max_workers: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    batch_size: int = attrs.field(
        default=GRAPHQL_BATCH,
        validator=[attrs.validators.ge(1), attrs.validators.le(GRAPHQL_BATCH)],
    )
    use_graphql: bool = True
    offline: bool = False
    cache: DiskCache | None = attrs.field(factory=DiskCache.default)
    _session: requests.Session | None = attrs.field(default=None, repr=False)
    _owns_session: bool = attrs.field(init=False, default=False, repr=False)
    _limits: dict[str, RateLimitStatus] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _blocks: dict[str, tuple[datetime, bool]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _lock: threading.Lock = attrs.field(
        init=False, factory=threading.Lock, repr=False
    )
    _warned_deprecation: bool = attrs.field(
        init=False, default=False, repr=False
    )
    requests_sent: int = attrs.field(init=False, default=0, repr=False)
    """HTTP requests this client has sent (retries by urllib3 excluded)."""

    def __attrs_post_init__(self) -> None:
        if not self._token:
            return
        api = urlsplit(self.api_url)
        scheme = api.scheme.casefold()
        if scheme == "https" or (scheme == "http" and _loopback(api.hostname)):
            return
        raise ValueError(
            f"refusing to send a GitHub token to {self.api_url!r}: the API"
            " URL must use https:// (plain http:// only to a loopback"
            " address)"
        )

    def __repr__(self) -> str:
        auth = "token" if self._token else "anonymous"
        return (
            f"GitHubClient(api_url={self.api_url!r}, auth={auth!r},"
            f" offline={self.offline!r})"
        )

    # -- lifecycle ---------------------------------------------------

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session if this client created it."""
        if self._session is not None and self._owns_session:
            self._session.close()
            self._session = None
            self._owns_session = False

    @property
    def authenticated(self) -> bool:
        return bool(self._token)

    @property
    def graphql_url(self) -> str:
        return graphql_url(self.api_url)

    @property
    def rate_limits(self) -> Mapping[str, RateLimitStatus]:
        """The latest rate-limit headers seen, by resource."""
        with self._lock:
            return dict(self._limits)

    def _scope(self) -> str:
        return DiskCache.scope_for(self.api_url, self._token)

    def _http(self) -> requests.Session:
        if self.offline:  # pragma: no cover - guarded by fetch()
            raise MetricsUnavailableError("offline: no request may be sent")
        if self._session is None:
            self._session = _new_session(
                retries=self.retries,
                backoff=self.backoff,
                max_retry_after=self.max_wait,
                pool=self.max_workers,
            )
            self._owns_session = True
        return self._session

    # -- one request ---------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "Accept": "application/vnd.github+json",
            "User-Agent": _user_agent(),
            "X-GitHub-Api-Version": API_VERSION,
        }

    def _note_headers(
        self, response: requests.Response, resource: str
    ) -> None:
        status = RateLimitStatus.from_headers(response.headers, resource)
        with self._lock:
            if status is not None:
                self._limits[status.resource] = status
            deprecated = (
                "deprecation" in response.headers
                or "sunset" in response.headers
            ) and not self._warned_deprecation
            if deprecated:
                self._warned_deprecation = True
        if deprecated:
            log.warning(
                "GitHub API version %s is deprecated (sunset: %s);"
                " upgrade dlchoose",
                API_VERSION,
                response.headers.get("sunset", "unknown"),
            )

    def _check_block(self, resource: str, what: str) -> None:
        now = utc_now()
        with self._lock:
            found = [
                self._blocks[name]
                for name in (resource, "*")
                if name in self._blocks and self._blocks[name][0] > now
            ]
        if found:
            until, secondary = max(found)
            raise RateLimitError(
                f"GitHub's {'secondary ' if secondary else ''}rate limit"
                f" blocks {what} until {until:%Y-%m-%d %H:%M:%S} UTC;"
                " not calling GitHub before then",
                reset_at=until,
                secondary=secondary,
                repo=what,
            )

    def _block(
        self, resource: str, until: datetime, *, secondary: bool
    ) -> None:
        with self._lock:
            current = self._blocks.get(resource)
            if current is None or current[0] < until:
                self._blocks[resource] = (until, secondary)
        if self.cache is not None:
            self.cache.block(
                self._scope(), resource, until, secondary=secondary
            )

    def _request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        resource: str,
        deadline: float,
        headers: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        accept: Iterable[int] = (),
    ) -> requests.Response:
        """Send one request, following up to three redirects on the API's
        own host and scheme (renamed and transferred repositories).

        Statuses below 300, 304 and those in *accept* are returned; rate
        limits are waited out when the wait fits the cap and the deadline;
        everything else raises a typed error.
        """
        import requests

        session = self._http()
        accepted = {*accept, HTTPStatus.NOT_MODIFIED}
        hops = 0
        attempt = 0
        auth = _auth_type()(self._token) if self._token else None
        api = urlsplit(self.api_url)
        while True:
            self._check_block(resource, what)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise MetricsUnavailableError(
                    f"the fetch deadline passed before {what} was fetched",
                    repo=what,
                )
            try:
                with self._lock:
                    self.requests_sent += 1
                response = session.request(
                    method,
                    url,
                    headers={**self._headers(), **(headers or {})},
                    json=body,
                    auth=auth,
                    timeout=(
                        min(self.connect_timeout, remaining),
                        min(self.read_timeout, remaining),
                    ),
                    allow_redirects=False,
                )
            except requests.RequestException as err:
                raise MetricsUnavailableError(
                    f"cannot reach GitHub for {what} ({type(err).__name__})",
                    repo=what,
                ) from err
            log.debug("%s %s -> %s", method, url, response.status_code)
            self._note_headers(response, resource)
            status = response.status_code
            if status in {301, 302, 303, 307, 308} and hops < _MAX_REDIRECTS:
                target = urljoin(url, response.headers.get("location", ""))
                parts = urlsplit(target)
                if (parts.scheme, parts.netloc) != (api.scheme, api.netloc):
                    raise MetricsError(
                        f"GitHub redirected {what} to another host;"
                        " not following",
                        repo=what,
                    )
                url = target
                hops += 1
                continue
            if status < HTTPStatus.MULTIPLE_CHOICES or status in accepted:
                return response
            limited = _rate_limited(response, resource, attempt)
            if limited is None:
                raise _error_for(response, what, what)
            wait = limited.wait
            fits = (
                wait is not None
                and wait <= self.max_wait
                and wait < deadline - time.monotonic()
                and attempt < _MAX_RATE_WAITS
            )
            if fits and wait is not None:
                log.info("rate limited; waiting %.1f s", wait)
                time.sleep(wait)
                attempt += 1
                continue
            until = limited.reset_at or (utc_now() + _UNKNOWN_RESET_BLOCK)
            self._block(limited.resource, until, secondary=limited.secondary)
            kind = "secondary" if limited.secondary else "primary"
            need = f"{wait:.0f} s" if wait is not None else "an unknown time"
            raise RateLimitError(
                f"GitHub's {kind} rate limit was hit for {what}; the wait"
                f" ({need}) exceeds the {self.max_wait:g} s cap. Calls"
                f" resume after {until:%Y-%m-%d %H:%M:%S} UTC"
                + _request_id(response),
                reset_at=limited.reset_at or until,
                secondary=limited.secondary,
                repo=what,
            )

    # -- REST ----------------------------------------------------------

    def _rest_one(self, job: _Job, deadline: float) -> _Fetched:
        """At most two requests (plus redirect hops): repository, release."""
        entry = job.entry
        revalidate = self.authenticated and entry is not None
        owner, name = job.target.split("/", 1)
        url = f"{self.api_url}/repos/{quote(owner, safe='')}/{quote(name, safe='')}"
        headers = {}
        if revalidate and entry is not None and entry.etag_repo:
            headers["If-None-Match"] = entry.etag_repo
        response = self._request(
            "GET",
            url,
            what=job.requested,
            resource="core",
            deadline=deadline,
            headers=headers,
        )
        observed = utc_now()
        if response.status_code == HTTPStatus.NOT_MODIFIED and (
            entry is None or not headers
        ):
            # A 304 we did not ask for: ask once more, unconditionally.
            response = self._request(
                "GET",
                url,
                what=job.requested,
                resource="core",
                deadline=deadline,
            )
        if response.status_code == HTTPStatus.NOT_MODIFIED and entry:
            metrics = attrs.evolve(
                entry.metrics,
                requested=job.requested,
                source=MetricsSource.REST,
                observed_at=observed,
            )
            etag_repo = entry.etag_repo
        else:
            body = _json_object(response, job.requested)
            metrics = _rest_metrics(body, job.requested, observed)
            etag_repo = response.headers.get("etag")
        same_repo = (
            entry is not None
            and entry.metrics.full_name.casefold()
            == metrics.full_name.casefold()
        )
        headers = {}
        if revalidate and same_repo and entry and entry.etag_release:
            headers["If-None-Match"] = entry.etag_release
        owner, name = metrics.full_name.split("/", 1)
        release_response = self._request(
            "GET",
            f"{self.api_url}/repos/{quote(owner, safe='')}/"
            f"{quote(name, safe='')}/releases/latest",
            what=job.requested,
            resource="core",
            deadline=deadline,
            headers=headers,
            accept=(HTTPStatus.NOT_FOUND,),
        )
        etag_release = release_response.headers.get("etag")
        if release_response.status_code == HTTPStatus.NOT_FOUND:
            release = None
            etag_release = None
        elif release_response.status_code == HTTPStatus.NOT_MODIFIED:
            release = entry.metrics.latest_release if entry else None
        else:
            release = _rest_release(
                _json_object(release_response, job.requested)
            )
        return _Fetched(
            metrics=attrs.evolve(metrics, latest_release=release),
            etag_repo=etag_repo,
            etag_release=etag_release,
        )

    # -- GraphQL -------------------------------------------------------

    def _graphql_batch(
        self, jobs: Sequence[_Job], deadline: float
    ) -> list[_Fetched | MetricsError]:
        """One query for up to 50 repositories; per-repository errors are
        returned in place, whole-query failures raised."""
        what = f"a batch of {len(jobs)} repositories"
        response = self._request(
            "POST",
            self.graphql_url,
            what=what,
            resource="graphql",
            deadline=deadline,
            body=_graphql_query([job.target for job in jobs]),
        )
        document = _json_object(response, what)
        data = document.get("data")
        errors = document.get("errors") or []
        by_alias: dict[str, Mapping[str, Any]] = {}
        for error in errors if isinstance(errors, list) else []:
            if not isinstance(error, dict):
                continue
            path = error.get("path")
            if isinstance(path, list) and path:
                by_alias[str(path[0])] = error
                continue
            if error.get("type") == "RATE_LIMITED":
                reset = _reset_time(response.headers.get("x-ratelimit-reset"))
                until = reset or (utc_now() + _UNKNOWN_RESET_BLOCK)
                self._block("graphql", until, secondary=False)
                raise RateLimitError(
                    "GitHub's GraphQL rate limit is exhausted until"
                    f" {until:%Y-%m-%d %H:%M:%S} UTC",
                    reset_at=until,
                )
            raise _GraphQLFailedError(str(error.get("message", "")))
        if not isinstance(data, dict):
            raise _GraphQLFailedError("no data in GraphQL answer")
        observed = utc_now()
        out: list[_Fetched | MetricsError] = []
        for i, job in enumerate(jobs):
            node = data.get(f"r{i}")
            if isinstance(node, dict):
                try:
                    metrics = _graphql_metrics(node, job.requested, observed)
                except MetricsError as err:
                    out.append(err)
                    continue
                out.append(_Fetched(metrics=metrics))
                continue
            out.append(_alias_error(job, by_alias.get(f"r{i}", {})))
        return out

    # -- running many --------------------------------------------------

    def _parallel(
        self,
        func: Callable[[T], Any],
        items: Sequence[T],
        deadline: float,
        progress: Callable[[int, int], None] | None,
    ) -> list[Any]:
        """``func`` over *items* on at most ``max_workers`` daemon threads;
        items unfinished at *deadline* come back as ``None`` (the threads
        are daemons, so a stalled request cannot hold the process)."""
        results: list[Any] = [None] * len(items)
        if not items:
            return results
        pending: queue.SimpleQueue[int] = queue.SimpleQueue()
        for index in range(len(items)):
            pending.put(index)
        done = threading.Condition()
        finished = [0]

        def work() -> None:
            _drain(func, items, pending, results, done, finished)

        for _ in range(min(self.max_workers, len(items))):
            threading.Thread(
                target=work, name="dlchoose-github", daemon=True
            ).start()
        reported = 0
        with done:
            while finished[0] < len(items):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                # Condition.wait refuses timeouts past TIMEOUT_MAX (an
                # infinite deadline among them).
                done.wait(min(left, threading.TIMEOUT_MAX))
                if progress is not None and finished[0] != reported:
                    reported = finished[0]
                    progress(reported, len(items))
            return list(results)

    # -- public --------------------------------------------------------

    def get(self, repo: str) -> RepoMetrics:
        """Figures for one repository (``owner/name`` or URL).

        Raises:
            MetricsError: one of its subclasses when no figures, not even
                cached or bundled ones, can be had.
        """
        report = self.fetch([repo])
        report.raise_for_errors()
        return report.results[0]

    def fetch(
        self,
        repos: Iterable[str],
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> MetricsReport:
        """Figures or an error for each repository, in request order.

        Duplicates (ignoring case) are dropped.  *progress* is called with
        ``(done, total)`` while repositories are fetched over the network.
        Never raises :class:`~dlchoose.exceptions.MetricsError`: failures
        are in the report's ``errors``; names that are not ``owner/name``
        raise :class:`ValueError`.
        """
        unique: dict[str, str] = {}
        for repo in repos:
            name = normalize_repo(repo)
            unique.setdefault(name.casefold(), name)
        names = list(unique.values())
        scope = self._scope()
        cache = self.cache
        aliases = cache.aliases(self.api_url) if cache else {}
        jobs = []
        outcome: dict[str, RepoMetrics | MetricsError] = {}
        for name in names:
            target = aliases.get(name.casefold(), name)
            entry = cache.get(scope, target) if cache else None
            if cache and entry and entry.fresh(cache.ttl):
                outcome[name] = attrs.evolve(
                    entry.metrics, requested=name, source=MetricsSource.CACHE
                )
                continue
            jobs.append(_Job(requested=name, target=target, entry=entry))
        if self.offline:
            for job in jobs:
                outcome[job.requested] = MetricsUnavailableError(
                    f"{job.requested}: offline, and no figures are known",
                    repo=job.requested,
                )
        elif jobs:
            outcome.update(self._fetch_live(jobs, progress))
        return self._report(names, outcome)

    def _load_blocks(self) -> None:
        if self.cache is None:
            return
        for resource in ("core", "graphql"):
            found = self.cache.blocked_until(self._scope(), resource)
            if found is not None:
                with self._lock:
                    self._blocks[resource] = found

    def _fetch_live(
        self,
        jobs: Sequence[_Job],
        progress: Callable[[int, int], None] | None,
    ) -> dict[str, RepoMetrics | MetricsError]:
        deadline = time.monotonic() + (
            self.deadline if self.deadline is not None else math.inf
        )
        self._load_blocks()
        fetched: dict[str, _Fetched | MetricsError] = {}
        rest_jobs = list(jobs)
        if self.authenticated and self.use_graphql:
            rest_jobs = []
            chunks = [
                jobs[i : i + self.batch_size]
                for i in range(0, len(jobs), self.batch_size)
            ]

            def batch(chunk: Sequence[_Job]) -> list[_Fetched | MetricsError]:
                return self._graphql_batch(chunk, deadline)

            for chunk, result in zip(
                chunks,
                self._parallel(batch, chunks, deadline, None),
                strict=True,
            ):
                if isinstance(result, list):
                    for job, item in zip(chunk, result, strict=True):
                        fetched[job.requested] = item
                elif isinstance(
                    result, (_GraphQLFailedError, RateLimitError)
                ) and not getattr(result, "secondary", False):
                    # GraphQL's own quota or a query failure: REST has a
                    # separate bucket and may still answer.
                    log.info("GraphQL failed (%s); using REST", result)
                    rest_jobs.extend(chunk)
                else:
                    error = self._as_error(result, "the GraphQL batch")
                    for job in chunk:
                        fetched[job.requested] = error
        rest_jobs = self._within_budget(rest_jobs, fetched)

        def one(job: _Job) -> _Fetched:
            return self._rest_one(job, deadline)

        for job, result in zip(
            rest_jobs,
            self._parallel(
                one,
                rest_jobs,
                deadline,
                progress if len(rest_jobs) > 1 else None,
            ),
            strict=True,
        ):
            fetched[job.requested] = (
                result
                if isinstance(result, _Fetched)
                else self._as_error(result, job.requested)
            )
        return self._store(jobs, fetched)

    def _within_budget(
        self, jobs: list[_Job], fetched: dict[str, _Fetched | MetricsError]
    ) -> list[_Job]:
        """Only as many REST jobs as the known core budget pays for."""
        core = self.rate_limits.get("core")
        if (
            core is None
            or core.remaining is None
            or core.reset_at is None
            or core.reset_at <= utc_now()
            or core.remaining >= 2 * len(jobs)
        ):
            return jobs
        affordable = core.remaining // 2
        for job in jobs[affordable:]:
            fetched[job.requested] = RateLimitError(
                f"{job.requested}: not fetched, the remaining rate-limit"
                f" budget ({core.remaining}) does not cover it",
                reset_at=core.reset_at,
                repo=job.requested,
            )
        return jobs[:affordable]

    @staticmethod
    def _as_error(result: object, what: str) -> MetricsError:
        if isinstance(result, MetricsError):
            return result
        if result is None:
            return MetricsUnavailableError(
                f"the fetch deadline passed before {what} was fetched",
                repo=what,
            )
        if isinstance(result, _GraphQLFailedError):
            return MetricsUnavailableError(
                f"GitHub's GraphQL API failed for {what}: {result}"
            )
        raise (
            result if isinstance(result, BaseException) else TypeError(result)
        )

    def _store(
        self,
        jobs: Sequence[_Job],
        fetched: Mapping[str, _Fetched | MetricsError],
    ) -> dict[str, RepoMetrics | MetricsError]:
        """Write fresh figures and renames to the cache."""
        out: dict[str, RepoMetrics | MetricsError] = {}
        stored_at = utc_now()
        for job in jobs:
            item = fetched[job.requested]
            if isinstance(item, MetricsError):
                out[job.requested] = item
                continue
            out[job.requested] = item.metrics
            if self.cache is None:
                continue
            self.cache.put(
                self._scope(),
                job.requested,
                CacheEntry(
                    metrics=item.metrics,
                    stored_at=stored_at,
                    etag_repo=item.etag_repo,
                    etag_release=item.etag_release,
                ),
            )
            canonical = item.metrics.full_name
            if job.requested.casefold() != canonical.casefold():
                self.cache.add_alias(self.api_url, job.requested, canonical)
        return out

    def _report(
        self,
        names: Sequence[str],
        outcome: Mapping[str, RepoMetrics | MetricsError],
    ) -> MetricsReport:
        """Fill failures from the cache (any age), then the snapshot."""
        results: list[RepoMetrics] = []
        errors: list[RepoError] = []
        fallback: dict[MetricsSource, list[RepoMetrics]] = {}
        reasons: dict[str, None] = {}
        for name in names:
            item = outcome[name]
            if isinstance(item, RepoMetrics):
                results.append(item)
                continue
            figures = None
            if not isinstance(
                item, (RepositoryNotFoundError, AuthenticationError)
            ):
                figures = self._fallback(name)
            if figures is None:
                errors.append(RepoError(repo=name, error=item))
                continue
            results.append(figures)
            fallback.setdefault(figures.source, []).append(figures)
            if not self.offline:
                reasons[_reason(item)] = None
        notes = [*reasons] if reasons else []
        now = utc_now()
        for source, used in fallback.items():
            oldest = max(used, key=lambda m: m.age_days(now))
            label = (
                "cached figures"
                if source is MetricsSource.CACHE
                else f"the bundled snapshot (as of {bundled_snapshot().as_of})"
            )
            notes.append(
                f"{len(used)} of {len(names)} repositories from {label};"
                f" the oldest figures are {_age(oldest, now)} old"
                f" ({oldest.full_name}, observed"
                f" {oldest.observed_at:%Y-%m-%d})"
            )
        return MetricsReport(
            results=tuple(results), errors=tuple(errors), notes=tuple(notes)
        )

    def _fallback(self, name: str) -> RepoMetrics | None:
        """The newest of any cached and bundled figures for *name*."""
        candidates = []
        if self.cache is not None:
            target = self.cache.aliases(self.api_url).get(
                name.casefold(), name
            )
            entry = self.cache.get(self._scope(), target)
            if entry is not None:
                candidates.append(
                    attrs.evolve(entry.metrics, source=MetricsSource.CACHE)
                )
        if self.api_url == DEFAULT_API_URL:
            snapshot = bundled_snapshot()
            for candidate in _snapshot_names(name):
                found = snapshot.get(candidate)
                if found is not None:
                    candidates.append(found)
                    break
        if not candidates:
            return None
        best = max(candidates, key=lambda m: m.observed_at)
        return attrs.evolve(best, requested=name)


def _reason(error: MetricsError) -> str:
    if isinstance(error, RateLimitError) and error.reset_at is not None:
        return (
            "GitHub's rate limit is exhausted until"
            f" {error.reset_at:%Y-%m-%d %H:%M} UTC"
        )
    return f"GitHub could not be reached: {error}"


def _snapshot_names(name: str) -> list[str]:
    """*name*, then the registry's current repository for it."""
    names = [name]
    from .._registry._lookup import default_registry

    try:
        framework = default_registry().get(name)
    except UnknownFrameworkError:
        return names
    if framework.repository:
        names.append(framework.repository)
    return names


def registry_repositories() -> tuple[str, ...]:
    """Every registered framework's repository, in registry order."""
    from .._registry._lookup import frameworks

    return tuple(f.repository for f in frameworks() if f.repository)


def _resolve(name: str | Framework) -> str:
    """A repository name for a framework, key, alias, slug or URL."""
    if isinstance(name, Framework):
        framework = name
    else:
        try:
            return normalize_repo(name)
        except ValueError:
            from .._registry._lookup import get_framework

            framework = get_framework(name)
    if not framework.repository:
        raise ValueError(f"{framework.name} has no GitHub repository")
    return framework.repository


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def fetch_metrics(  # noqa: PLR0913 - keyword-only options
    repos: Iterable[str | Framework] | str | Framework | None = None,
    *,
    token: str | None = None,
    offline: bool | None = None,
    api_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    ttl: timedelta = DEFAULT_TTL,
    max_wait: float = 30.0,
    deadline: float | None = 60.0,
    progress: Callable[[int, int], None] | None = None,
) -> MetricsReport:
    """GitHub figures for *repos* (default: every registered framework).

    *repos* may hold ``owner/name`` slugs, GitHub URLs, framework keys or
    names, or :class:`~dlchoose.Framework` objects; a single string or
    framework means that one repository.  Without a *token* the
    REST API is used anonymously (60 requests an hour).  *offline* (default:
    ``DLCHOOSE_OFFLINE``) never opens a socket and answers from the cache,
    then the bundled snapshot.  *api_url* defaults to
    ``DLCHOOSE_GITHUB_API_URL``, else ``https://api.github.com``.
    *deadline* bounds the whole fetch in seconds; ``None`` means no bound
    beyond each request's own timeouts.

    Raises:
        UnknownFrameworkError: a name is neither a repository nor a
            registered framework.
        ValueError: a framework has no GitHub repository, or a *token*
            would go to a plain ``http://`` API URL that is not loopback.
    """
    if isinstance(repos, (str, Framework)):
        repos = (repos,)
    names = (
        registry_repositories()
        if repos is None
        else tuple(_resolve(r) for r in repos)
    )
    cache = None
    if use_cache:
        cache = (
            DiskCache(cache_dir, ttl)
            if cache_dir is not None
            else DiskCache.default(ttl)
        )
    client = GitHubClient(
        token=token or None,
        api_url=api_url
        or os.environ.get("DLCHOOSE_GITHUB_API_URL")
        or DEFAULT_API_URL,
        offline=_env_flag("DLCHOOSE_OFFLINE") if offline is None else offline,
        cache=cache,
        max_wait=max_wait,
        deadline=deadline,
    )
    with client:
        return client.fetch(names, progress=progress)
