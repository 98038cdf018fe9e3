"""Release facts per distribution: the live index, the cache, the snapshot.

Without a refresh the bundled snapshot answers: no cache, no network, not
even the HTTP layer is imported (``dlchoose compat`` must start faster than
``import requests``).  With a refresh each distribution costs one request
to the PEP 691 JSON API (revalidated with the cached ``ETag`` when there is
one) under one overall deadline; any failure (offline, a timeout, a 404,
HTML instead of JSON, a malformed or oversized answer) falls back to the
cache, then the snapshot, with a note that says so and the date of the data
used, and a connection failure or a stall stops the requests for the rest
of the run.  Credentials in the index URL go only over https (or to
loopback), never into a note, a log or the cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from .._time import utc_now
from ..exceptions import DlchooseError
from ._config import IndexLocation, resolve_index
from ._model import DataOrigin, IndexData
from ._releases import (
    BadIndexAnswerError,
    ParseTimeoutError,
    Project,
    parse_project,
)
from ._snapshot import bundled


if TYPE_CHECKING:
    from .._http import Deadline, HttpCache, HttpClient, Response


__all__ = ["ACCEPT", "Fetched", "IndexReader"]

ACCEPT: Final = "application/vnd.pypi.simple.v1+json"
#: PyPI's largest project pages are a few MB; 32 MB is an attack.
MAX_BYTES: Final = 32 << 20
DEADLINE_S: Final = 30.0
_CACHE_NAMESPACE: Final = "index"
_NOT_FOUND: Final = 404
_NOT_MODIFIED: Final = 304
_EARLIEST: Final = datetime(2000, 1, 1, tzinfo=timezone.utc)


class Fetched(NamedTuple):
    """A project's releases, where they came from, and what went wrong."""

    project: Project
    data: IndexData
    notes: tuple[str, ...] = ()


class _FetchFailedError(DlchooseError):
    """Internal: the live answer cannot be used (the message says why)."""


def _credentials(location: IndexLocation) -> tuple[str, str] | None:
    """The ``(user, password)`` in the index URL, if it may be sent.

    They go to the HTTP layer's ``auth=``, which sends them only over https
    or directly to loopback (never through a proxy) and redacts them; the
    check here only words the refusal as a note.
    """
    from .._http import credentials_allowed, split_userinfo

    shown, userinfo = split_userinfo(location.url)
    if userinfo is None:
        return None
    if not credentials_allowed(shown):
        raise _FetchFailedError(
            f"not sending the credentials in the index URL to"
            f" {location.shown}: they go only over https"
        )
    return userinfo


class IndexReader:
    """Reads projects for one index; a context manager when it goes live.

    *cache* and *http* are injectable (tests pass their own); by default
    they are created on the first refresh.
    """

    def __init__(
        self,
        location: IndexLocation | None = None,
        *,
        offline: bool = False,
        cache: HttpCache | None = None,
        http: HttpClient | None = None,
        deadline: float = DEADLINE_S,
    ) -> None:
        self._location = location
        self._deadline_s = deadline
        self.offline = offline
        self._cache = cache
        self._http = http
        self._deadline: Any = None
        self.requests_sent = 0
        self._down: str | None = None
        """Why the index failed at the connection level earlier in this run."""

    @property
    def location(self) -> IndexLocation:
        """The index asked on refresh (resolved then, not before)."""
        if self._location is None:
            self._location = resolve_index()
        return self._location

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._http is not None:
            self._http.close()

    def _cache_store(self) -> HttpCache:
        if self._cache is None:
            from .._http import HttpCache

            self._cache = HttpCache.default(_CACHE_NAMESPACE)
        return self._cache

    def _url(self, name: str) -> str:
        return f"{self.location.shown}{name}/"

    def read(
        self, names: Iterable[str], *, refresh: bool
    ) -> dict[str, Fetched]:
        """Each of *names* (canonical distribution names), best source first."""
        return {name: self._read_one(name, refresh=refresh) for name in names}

    def _read_one(self, name: str, *, refresh: bool) -> Fetched:
        snapshot = self._snapshot(name)
        if not refresh:
            # The fast path: no cache, no HTTP layer, no network.
            return snapshot or _missing(name, [])
        notes: list[str] = []
        if self.offline:
            notes.append(f"{name}: offline, the index was not asked")
        else:
            try:
                return self._live(name)
            except _FetchFailedError as err:
                notes.append(f"{name}: {err}")
        chosen = _newer(self._cached(name), snapshot)
        if chosen is None:
            return _missing(name, notes)
        notes[-1] += f"; using the {_describe(chosen.data)}"
        return chosen._replace(notes=(*chosen.notes, *notes))

    def _revalidate(self, name: str, auth: tuple[str, str] | None) -> Project:
        """One conditional GET; the cache is updated only by a valid answer.

        The HTTP layer's own ``get`` would store any 200, so an HTML page or
        garbage could replace a good cached copy; here the answer is parsed
        first and stored only when it is a project page.
        """
        from .._http import CachedResponse, scope_for

        url = self._url(name)
        scope = scope_for(None)
        try:
            entry = self._cache_store().get(scope, url)
        except (OSError, ValueError):
            entry = None
        validators = entry.validators() if entry is not None else {}
        self.requests_sent += 1
        try:
            response = self._client().request(
                "GET",
                url,
                headers={"Accept": ACCEPT, **validators},
                auth=auth,
                deadline=self._deadline,
            )
        except ValueError as err:  # a credential the layer will not send
            raise _FetchFailedError(str(err)) from err
        if (
            response.status == _NOT_MODIFIED
            and entry is not None
            and validators
        ):
            return _parse(name, entry.body, utc_now(), self._deadline)
        body = _json_body(response)
        project = _parse(name, body, utc_now(), self._deadline)
        self._cache_store().put(scope, url, CachedResponse.of(response))
        return project

    # -- the three sources -------------------------------------------------

    def _snapshot(self, name: str) -> Fetched | None:
        snapshot = bundled()
        project = snapshot.project(name)
        if project is None:
            return None
        data = IndexData(
            origin=DataOrigin.SNAPSHOT,
            read_at=project.read_at,
            index_url=snapshot.index_url,
        )
        return Fetched(project=project, data=data)

    def _cached(self, name: str) -> Fetched | None:
        from .._http import scope_for

        try:
            entry = self._cache_store().get(scope_for(None), self._url(name))
        except (OSError, ValueError):
            return None
        if entry is None:
            return None
        try:
            project = _parse(name, entry.body, entry.stored_at)
        except _FetchFailedError:
            return None
        data = IndexData(
            origin=DataOrigin.CACHE,
            read_at=entry.stored_at,
            index_url=self.location.shown,
        )
        return Fetched(project=project, data=data)

    def _client(self) -> HttpClient:
        if self._http is None:
            from .._http import HttpClient, ReachMemory

            cache = self._cache_store()
            # Remembered failures make a second run without network fast
            # (keyed by host, so GitHub's and the index's do not mix).
            self._http = HttpClient(
                cache=cache,
                offline=self.offline,
                max_bytes=MAX_BYTES,
                reach=ReachMemory.in_directory(cache.directory),
            )
        return self._http

    def _live(self, name: str) -> Fetched:
        from .._http import Deadline, redact
        from ..exceptions import (
            DeadlineExceededError,
            NetworkError,
            TransportError,
        )

        if self._down is not None:
            raise _FetchFailedError(f"not asked: {self._down}")
        if self.location.problem is not None:
            raise _FetchFailedError(
                f"the index URL from {self.location.origin}"
                f" {self.location.problem}"
            )
        if not self.location.is_http:
            raise _FetchFailedError(
                f"the index {self.location.shown} is not an http(s) URL;"
                " dlchoose reads only the JSON API"
            )
        if self._deadline is None:
            # One deadline for the whole refresh, not one per request.
            self._deadline = Deadline.within(self._deadline_s)
        auth = _credentials(self.location)
        try:
            project = self._revalidate(name, auth)
        except NetworkError as err:
            message = redact(str(err))
            if isinstance(err, (TransportError, DeadlineExceededError)):
                # Unreachable or stalled: the next name would wait the same.
                self._down = f"the index failed earlier ({message})"
            raise _FetchFailedError(message) from err
        # A cached answer here was revalidated just now (304): as fresh as
        # a new one.
        data = IndexData(
            origin=DataOrigin.LIVE,
            read_at=utc_now(),
            index_url=self.location.shown,
        )
        return Fetched(project=project, data=data)


def _json_body(response: Response) -> bytes:
    if response.status == _NOT_FOUND:
        raise _FetchFailedError("the index answered 404 (no such project)")
    if response.status != 200:  # noqa: PLR2004 - HTTP OK
        raise _FetchFailedError(f"the index answered HTTP {response.status}")
    kind = (response.header("content-type") or "").lower()
    if "html" in kind:
        raise _FetchFailedError("the index answered HTML, not the JSON API")
    return response.body


def _parse(
    name: str, body: bytes, read_at: datetime, deadline: Deadline | None = None
) -> Project:
    """*body* as a project; with *deadline*, parsing stops when it passes
    (a hostile page within the size limits must not cost more CPU)."""
    from .._http import parse_json

    try:
        document = parse_json(body)
    except ValueError as err:
        raise _FetchFailedError(
            "the index's answer is not valid JSON"
        ) from err
    expired = None if deadline is None else (lambda: deadline.expired)
    try:
        return parse_project(name, document, read_at=read_at, expired=expired)
    except ParseTimeoutError as err:
        raise _FetchFailedError(
            "the deadline passed while reading the index's answer"
        ) from err
    except BadIndexAnswerError as err:
        raise _FetchFailedError(
            "the index's answer is not a project page"
        ) from err


def _plausible(moment: datetime) -> bool:
    """A read time that can be true: after 2000, before tomorrow.  A damaged
    cache entry dated far ahead must not win over the snapshot."""
    try:
        return _EARLIEST <= moment <= utc_now() + timedelta(days=1)
    except (TypeError, ValueError, OverflowError):  # naive or absurd
        return False


def _newer(*candidates: Fetched | None) -> Fetched | None:
    """The most recently read of *candidates* whose read time is plausible."""
    found = [
        c for c in candidates if c is not None and _plausible(c.data.read_at)
    ]
    if not found:
        return None
    return max(found, key=lambda f: f.data.read_at)


def _describe(data: IndexData) -> str:
    day = data.read_at.astimezone(timezone.utc).date().isoformat()
    return f"{data.origin.value} of {day}"


def _missing(name: str, notes: list[str]) -> Fetched:
    """No source knows *name*: an empty project ("not on the index")."""
    now = utc_now()
    return Fetched(
        project=Project(name=name, releases=(), read_at=now),
        data=IndexData(
            origin=DataOrigin.SNAPSHOT, read_at=now, index_url="(none)"
        ),
        notes=(
            *notes,
            f"{name}: neither the index, the cache nor the snapshot knows it",
        ),
    )
