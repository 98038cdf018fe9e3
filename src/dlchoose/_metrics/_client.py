"""The GitHub metrics client: GraphQL with a token, REST without one.

How a fetch spends requests:

* figures younger than the cache TTL are served from disk (0 requests);
* with a token, one GraphQL query per 50 repositories; without one (or
  when GraphQL is rate limited), ``GET /repos/{o}/{r}`` plus
  ``GET .../releases/latest``, at most ``max_workers`` in flight, with
  ``If-None-Match`` revalidation when authenticated;
* transient failures (5xx, connection errors) are retried by the shared
  HTTP layer (:mod:`dlchoose._http`); rate limits are waited out only up
  to ``max_wait`` seconds, and a longer block is remembered on disk so the
  next run does not call GitHub before the reset;
* whatever cannot be fetched comes from the cache (any age), then from the
  bundled snapshot, and the report's notes say how old it is.

``requests`` is imported only when a request is about to be made, so
``import dlchoose`` and offline use stay free of it.
"""

from __future__ import annotations

import logging
import os
import time

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from http import HTTPStatus
from types import TracebackType
from typing import Any, Final
from urllib.parse import urlsplit

import attrs

from .._http import (
    Deadline,
    HttpClient,
    ReachMemory,
    RedactingFilter,
    Response,
    register_secret,
)
from .._registry._model import Framework, normalize_repository
from .._time import utc_now
from ..exceptions import (
    DeadlineExceededError,
    MetricsError,
    MetricsUnavailableError,
    NetworkError,
    RateLimitError,
)
from ._access import DEFAULT_API_URL, GitHubAccess, resolve_access
from ._cache import DEFAULT_TTL, CacheEntry, DiskCache
from ._errors import API_VERSION, error_for, network_error, server_message
from ._graphql import (
    GRAPHQL_BATCH,
    GraphQLFailedError,
    fetch_graphql,
    graphql_url,
)
from ._jobs import Fetched, Job
from ._limiter import RateLimitBook
from ._parallel import run_parallel
from ._ratelimit import (
    RateLimitStatus,
    rate_limited,
)
from ._report import build_report, snapshot_figures
from ._rest import fetch_rest
from ._validate import check_wait
from ._values import MetricsReport, MetricsSource, RepoMetrics


__all__ = [
    "API_VERSION",
    "DEFAULT_API_URL",
    "GitHubClient",
    "RateLimitStatus",
    "fetch_metrics",
    "graphql_url",
    "normalize_repo",
    "registry_repositories",
]

log = logging.getLogger("dlchoose.github")
log.addFilter(RedactingFilter())

_MAX_RATE_WAITS: Final = 3
_UNKNOWN_RESET_BLOCK: Final = timedelta(minutes=1)


def normalize_repo(name: str) -> str:
    """``owner/name`` from a slug or a GitHub URL (``.git`` and slashes
    stripped); anything else raises :class:`ValueError`."""
    found = normalize_repository(name)
    if found is None:
        raise ValueError(f"not a GitHub repository (owner/name): {name!r}")
    return found


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

    A *token* is sent only over HTTPS, or plain HTTP directly to a loopback
    address (a local test server): any other ``http://`` *api_url* with a
    token, an empty *api_url* or one with ``user:password@`` raises
    :class:`ValueError` here, before a request can leak anything.
    """

    _token: str | None = attrs.field(default=None, repr=False)
    api_url: str = attrs.field(default=DEFAULT_API_URL)
    connect_timeout: float = 5.0
    #: GitHub ends a request that takes it more than 10 s itself
    #: (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
    #: #timeouts), so 12 s of silence means the network, not GitHub; and a
    #: stall is noticed (and remembered) before the CLI's 20 s deadline.
    read_timeout: float = 12.0
    max_wait: float = attrs.field(default=30.0, converter=check_wait)
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
    _session: Any = attrs.field(default=None, repr=False)
    _http: HttpClient = attrs.field(init=False, repr=False)
    _book: RateLimitBook = attrs.field(init=False, repr=False)
    _deadline_passed: bool = attrs.field(init=False, default=False)

    def __attrs_post_init__(self) -> None:
        access = GitHubAccess(api_url=self.api_url, token=self._token or None)
        self.api_url = access.api_url
        register_secret(self._token)
        self._book = RateLimitBook(cache=self.cache, scope=self._scope)
        self._http = HttpClient(
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            retries=self.retries,
            backoff=self.backoff,
            max_retry_after=self.max_wait,
            pool_size=self.max_workers,
            offline=self.offline,
            session=self._session,
            reach=(
                ReachMemory.in_directory(self.cache.directory)
                if self.cache is not None
                else None
            ),
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
        self._http.close()

    @property
    def authenticated(self) -> bool:
        return bool(self._token)

    @property
    def graphql_url(self) -> str:
        return graphql_url(self.api_url)

    @property
    def requests_sent(self) -> int:
        """HTTP requests this client has sent (urllib3's retries excluded)."""
        return self._http.requests_sent

    @property
    def rate_limits(self) -> Mapping[str, RateLimitStatus]:
        """The latest rate-limit headers seen, by resource."""
        return self._book.limits

    def _scope(self) -> str:
        return DiskCache.scope_for(self.api_url, self._token)

    @property
    def unreachable(self) -> str | None:
        """Why GitHub was out of reach during this client's fetches (or a
        few minutes before, as remembered on disk), or that the deadline
        passed, in words; else None."""
        if self._deadline_passed and self.deadline is not None:
            # Said first: when a read timeout and the deadline coincide,
            # the deadline is why the run stopped.
            host = urlsplit(self.api_url).netloc
            return f"{host}: no answer within the {self.deadline:g} s deadline"
        found = self._http.unreachable
        if found is None:
            return None
        failure, remembered = found
        return failure.describe(remembered=remembered)

    # -- one request ---------------------------------------------------

    def _send(
        self,
        method: str,
        url: str,
        what: str,
        deadline: Deadline,
        headers: Mapping[str, str],
        body: Mapping[str, Any] | None,
    ) -> Response:
        try:
            return self._http.request(
                method,
                url,
                headers={
                    "Accept": "application/vnd.github+json",
                    "X-GitHub-Api-Version": API_VERSION,
                    **headers,
                },
                json=body,
                token=self._token,
                deadline=deadline,
            )
        except NetworkError as err:
            if isinstance(err, DeadlineExceededError):
                self._deadline_passed = True
            raise network_error(err, what) from err

    def _request(
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
    ) -> Response:
        """Send one request (same-host redirects followed by the HTTP
        layer).  Statuses below 300, 304 and those in *accept* are
        returned; rate limits are waited out when the wait fits the cap
        and the deadline; everything else raises a typed error."""
        accepted = {*accept, HTTPStatus.NOT_MODIFIED}
        for attempt in range(_MAX_RATE_WAITS + 1):
            self._book.check(resource, what)
            response = self._send(
                method, url, what, deadline, headers or {}, body
            )
            log.debug("%s %s -> %s", method, url, response.status)
            self._book.note(response, resource)
            if response.status < HTTPStatus.MULTIPLE_CHOICES or (
                response.status in accepted
            ):
                return response
            limited = rate_limited(
                response.status,
                response.headers,
                server_message(response),
                resource,
                attempt,
            )
            if limited is None:
                raise error_for(response, what, what)
            wait = limited.wait
            if (
                wait is None
                or wait > self.max_wait
                or wait >= deadline.remaining()
                or attempt >= _MAX_RATE_WAITS
            ):
                raise self._book.give_up(
                    limited, response, what, self.max_wait
                )
            log.info("rate limited; waiting %.1f s", wait)
            time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

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
        outcome, jobs = self._from_cache(names)
        if self.offline:
            for job in jobs:
                outcome[job.requested] = MetricsUnavailableError(
                    f"{job.requested}: offline, and no figures are known",
                    repo=job.requested,
                )
        elif jobs:
            outcome.update(self._fetch_live(jobs, progress))
        return build_report(
            names,
            outcome,
            fallback=self._fallback,
            offline=self.offline,
            unreachable=self.unreachable,
        )

    def _from_cache(
        self, names: Sequence[str]
    ) -> tuple[dict[str, RepoMetrics | MetricsError], list[Job]]:
        """Fresh cached figures, and a job for every other name."""
        cache = self.cache
        aliases = cache.aliases(self.api_url) if cache else {}
        outcome: dict[str, RepoMetrics | MetricsError] = {}
        jobs = []
        for name in names:
            target = aliases.get(name.casefold(), name)
            entry = cache.get(self._scope(), target) if cache else None
            if cache and entry and entry.fresh(cache.ttl):
                outcome[name] = attrs.evolve(
                    entry.metrics, requested=name, source=MetricsSource.CACHE
                )
                continue
            jobs.append(Job(requested=name, target=target, entry=entry))
        return outcome, jobs

    # -- live fetching -------------------------------------------------

    def _fetch_live(
        self,
        jobs: Sequence[Job],
        progress: Callable[[int, int], None] | None,
    ) -> dict[str, RepoMetrics | MetricsError]:
        deadline = Deadline.within(self.deadline)
        self._book.load()
        fetched: dict[str, Fetched | MetricsError] = {}
        rest_jobs = list(jobs)
        if self.authenticated and self.use_graphql:
            rest_jobs = self._graphql_all(jobs, deadline, fetched)
        refused: dict[str, MetricsError] = {}
        rest_jobs = self._book.affordable(
            rest_jobs, lambda job: job.requested, refused
        )
        fetched.update(refused)
        results = run_parallel(
            lambda job: fetch_rest(
                self._request,
                self.api_url,
                job,
                deadline,
                revalidate=self.authenticated,
            ),
            rest_jobs,
            workers=self.max_workers,
            deadline=deadline,
            progress=progress if len(rest_jobs) > 1 else None,
        )
        for job, result in zip(rest_jobs, results, strict=True):
            fetched[job.requested] = (
                result
                if isinstance(result, Fetched)
                else self._as_error(result, job.requested)
            )
        return self._store(jobs, fetched)

    def _graphql_all(
        self,
        jobs: Sequence[Job],
        deadline: Deadline,
        fetched: dict[str, Fetched | MetricsError],
    ) -> list[Job]:
        """GraphQL batches; returns the jobs REST should try instead."""
        chunks = [
            jobs[i : i + self.batch_size]
            for i in range(0, len(jobs), self.batch_size)
        ]

        def batch(chunk: Sequence[Job]) -> list[Fetched | MetricsError]:
            return fetch_graphql(
                self._request,
                self.graphql_url,
                chunk,
                deadline,
                lambda until: self._book.block(
                    "graphql", until, secondary=False
                ),
            )

        rest_jobs: list[Job] = []
        results = run_parallel(
            batch, chunks, workers=self.max_workers, deadline=deadline
        )
        for chunk, result in zip(chunks, results, strict=True):
            if isinstance(result, list):
                for job, item in zip(chunk, result, strict=True):
                    fetched[job.requested] = item
            elif isinstance(
                result, (GraphQLFailedError, RateLimitError)
            ) and not getattr(result, "secondary", False):
                # GraphQL's own quota or a query failure: REST has a
                # separate bucket and may still answer.
                log.info("GraphQL failed (%s); using REST", result)
                rest_jobs.extend(chunk)
            else:
                error = self._as_error(result, "the GraphQL batch")
                for job in chunk:
                    fetched[job.requested] = error
        return rest_jobs

    def _as_error(self, result: object, what: str) -> MetricsError:
        if isinstance(result, MetricsError):
            return result
        if result is None:
            self._deadline_passed = True
            return MetricsUnavailableError(
                f"the fetch deadline passed before {what} was fetched",
                repo=what,
            )
        if isinstance(result, GraphQLFailedError):
            return MetricsUnavailableError(
                f"GitHub's GraphQL API failed for {what}: {result}"
            )
        raise (
            result if isinstance(result, BaseException) else TypeError(result)
        )

    def _store(
        self,
        jobs: Sequence[Job],
        fetched: Mapping[str, Fetched | MetricsError],
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
            found = snapshot_figures(name)
            if found is not None:
                candidates.append(found)
        if not candidates:
            return None
        best = max(candidates, key=lambda m: m.observed_at)
        return attrs.evolve(best, requested=name)


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
    ``DLCHOOSE_GITHUB_API_URL``, else ``https://api.github.com``; a URL
    taken from that variable is sent ``DLCHOOSE_GITHUB_TOKEN`` (or no
    token), never *token*, which belongs to *api_url* or github.com.
    *deadline* bounds the whole fetch in seconds; ``None`` means no bound
    beyond each request's own timeouts.

    Raises:
        UnknownFrameworkError: a name is neither a repository nor a
            registered framework.
        ValueError: a framework has no GitHub repository, the API URL is
            empty or carries ``user:password@``, or a token would go to a
            plain ``http://`` API URL that is not loopback, or *max_wait*
            is negative, infinite or NaN.
        TypeError: *max_wait* is not a number.
    """
    check_wait(max_wait)
    if isinstance(repos, (str, Framework)):
        repos = (repos,)
    names = (
        registry_repositories()
        if repos is None
        else tuple(_resolve(r) for r in repos)
    )
    access = resolve_access(api_url, token, tokens_from_environment=False)
    cache = None
    if use_cache:
        cache = (
            DiskCache(cache_dir, ttl)
            if cache_dir is not None
            else DiskCache.default(ttl)
        )
    client = GitHubClient(
        token=access.token,
        api_url=access.api_url,
        offline=_env_flag("DLCHOOSE_OFFLINE") if offline is None else offline,
        cache=cache,
        max_wait=max_wait,
        deadline=deadline,
    )
    with client:
        return client.fetch(names, progress=progress)
