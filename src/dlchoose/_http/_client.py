"""One HTTP client for every dlchoose service (GitHub, the package index).

:class:`HttpClient` sends one request at a time on a shared, retrying
session and returns a fully read, size-checked :class:`Response`.  It adds
the user agent, a per-request timeout clipped to an overall
:class:`Deadline`, follows redirects only on the same scheme and host,
sends a token only where :func:`~._urls.credentials_allowed` says so (and
then never through a proxy over plain http), and in offline mode refuses
before a socket exists.  :meth:`HttpClient.get` adds the on-disk
:class:`~._cache.HttpCache` with ETag / Last-Modified revalidation.

Errors are :class:`~dlchoose.exceptions.NetworkError` subclasses; no
``requests`` or urllib3 exception escapes.
"""

from __future__ import annotations

import base64
import json as jsonlib
import threading

from collections.abc import Iterator, Mapping
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeAlias
from urllib.parse import urljoin, urlsplit

import attrs

from .._time import utc_now
from ..exceptions import (
    BadResponseError,
    DeadlineExceededError,
    NetworkError,
    OfflineError,
    RedirectRefusedError,
    ResponseTooLargeError,
    TransportError,
    UnreachableError,
)
from ._cache import CachedResponse, HttpCache, scope_for
from ._limits import (
    DEFAULT_MAX_BYTES,
    BodyTooLargeError,
    read_limited,
)
from ._reach import ReachMemory, Unreachable, origin_key, unreachable_reason
from ._redact import redact, register_secret
from ._response import Deadline, Response
from ._session import new_session, retry_budget, user_agent
from ._urls import (
    has_userinfo,
    origin,
    parse_url,
    require_credentials_allowed,
    strip_userinfo,
)


if TYPE_CHECKING:
    import requests


__all__ = [
    "REDIRECTS",
    "Auth",
    "Deadline",
    "HttpClient",
    "Response",
    "credential_for",
]

REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_CHUNK: Final = 64 * 1024


def _no_proxy(url: str) -> dict[str, str | None]:
    """A ``proxies`` value that keeps every proxy setting off *url*."""
    host = urlsplit(url).hostname or ""
    keys = ("http", "https", "all", f"http://{host}", f"all://{host}")
    return dict.fromkeys(keys)


Auth: TypeAlias = "str | tuple[str, str]"
"""A credential: the full ``Authorization`` value, or ``(user, password)``
for Basic."""


def _auth_value(auth: object) -> str:
    """The ``Authorization`` value of *auth*; its secrets registered."""
    if isinstance(auth, str):
        register_secret(auth)
        register_secret(auth.partition(" ")[2].strip())
        return auth
    if (
        isinstance(auth, tuple)
        and len(auth) == 2  # noqa: PLR2004 - (user, password)
        and all(isinstance(part, str) for part in auth)
    ):
        user, password = auth
        encoded = base64.b64encode(f"{user}:{password}".encode()).decode()
        register_secret(password)
        register_secret(encoded)
        return f"Basic {encoded}"
    msg = f"auth must be a str or a (user, password) pair, not {auth!r:.40}"
    raise TypeError(msg)


def credential_for(
    *,
    token: str | None = None,
    auth: Auth | None = None,
    headers: Mapping[str, str] | None = None,
) -> tuple[str | None, dict[str, str]]:
    """The one ``Authorization`` value of a request and its other headers.

    A *token* (Bearer), an *auth* value or pair, and an ``Authorization``
    header are the same thing: a credential, registered for redaction and
    sent only where :func:`~._urls.credentials_allowed` says so.  More than
    one of them is a :class:`ValueError`.
    """
    rest = {
        k: v
        for k, v in (headers or {}).items()
        if k.casefold() != "authorization"
    }
    given = [
        v
        for k, v in (headers or {}).items()
        if k.casefold() == "authorization"
    ]
    values = [_auth_value(value) for value in given if value]
    if auth:
        values.append(_auth_value(auth))
    if token:
        register_secret(token)
        values.append(f"Bearer {token}")
    if len(values) > 1:
        msg = "give one credential: token=, auth= or an Authorization header"
        raise ValueError(msg)
    return (values[0] if values else None), rest


def _redirect_target(url: str, location: str) -> str:
    """Where a redirect from *url* leads; :class:`RedirectRefusedError`
    unless it is the same scheme and host, or when it does not parse."""
    try:
        target = urljoin(url, location)
        parse_url(target)
        same = not has_userinfo(target) and origin(target) == origin(url)
    except ValueError as err:
        raise RedirectRefusedError(
            f"{url} redirected to an address that does not parse;"
            " not following",
            url=url,
        ) from err
    if not same:
        raise RedirectRefusedError(
            f"{url} redirected to another host; not following", url=url
        )
    if redact(target) != target:
        # The target would be named in later errors and cache keys.
        raise RedirectRefusedError(
            f"{url} redirected to an address holding a credential;"
            " not following",
            url=url,
        )
    return target


def _chunks(raw: Any) -> Iterator[bytes]:
    """Raw (still encoded) body chunks, each returned as soon as data is
    there (``read1``), so a trickling server meets the deadline check."""
    read1 = getattr(raw, "read1", None)
    if read1 is not None:
        while chunk := read1(_CHUNK, decode_content=False):
            yield chunk
        return
    # urllib3 < 2: ``stream`` waits for whole chunks.
    yield from raw.stream(_CHUNK, decode_content=False)  # pragma: no cover


@attrs.define
class HttpClient:
    """The shared client; a context manager closing its session.

    Timeouts are seconds: *connect_timeout* and *read_timeout* per request
    (clipped to the deadline), *max_retry_after* caps urllib3's 503 waits.
    *session* injects a ``requests.Session`` (used as it is).

    The first failure to reach a host (see :mod:`._reach`) makes every
    later request to it raise :class:`UnreachableError` at once, without a
    socket; *reach* (a :class:`ReachMemory`) also remembers it on disk for
    a few minutes and is consulted before the first request to a host.
    Connection failures are not retried (*connect_retries*): without a
    network each retry only adds waiting.
    """

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 3
    pool_size: int = 4
    offline: bool = False
    cache: HttpCache | None = None
    reach: ReachMemory | None = None
    connect_retries: int = 0
    user_agent: str = attrs.field(factory=user_agent)
    _session: requests.Session | None = attrs.field(default=None, repr=False)
    _owns_session: bool = attrs.field(init=False, default=False, repr=False)
    _lock: threading.Lock = attrs.field(
        init=False, factory=threading.Lock, repr=False
    )
    requests_sent: int = attrs.field(init=False, default=0, repr=False)
    """Requests sent by this client (urllib3's own retries excluded)."""
    _unreachable: dict[str, tuple[Unreachable, bool]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _reached: set[str] = attrs.field(init=False, factory=set, repr=False)

    @property
    def unreachable(self) -> tuple[Unreachable, bool] | None:
        """The first host found out of reach during this client's life,
        and whether that was remembered from disk rather than tried."""
        with self._lock:
            return next(iter(self._unreachable.values()), None)

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the session if this client created it."""
        if self._session is not None and self._owns_session:
            self._session.close()
            self._session = None
            self._owns_session = False

    def _requests_session(self) -> requests.Session:
        with self._lock:
            if self._session is None:
                self._session = new_session(
                    retries=self.retries,
                    connect_retries=self.connect_retries,
                    backoff=self.backoff,
                    max_retry_after=self.max_retry_after,
                    pool=self.pool_size,
                )
                self._owns_session = True
            return self._session

    # -- one request ---------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        token: str | None = None,
        auth: Auth | None = None,
        deadline: Deadline | None = None,
    ) -> Response:
        """Send one request, following same-origin redirects.

        *token* is sent as ``Authorization: Bearer``; *auth* is any other
        credential: the full ``Authorization`` value (``"Basic …"``) or a
        ``(user, password)`` pair (Basic).  An ``Authorization`` in
        *headers* is treated like *auth*.  Every credential is registered
        for redaction, refused unless the URL is https or loopback, and
        never sent through a proxy over plain http.

        Raises:
            ValueError: *url* carries userinfo, a credential would go to a
                URL that is neither https nor loopback, or more than one
                credential is given.
            TypeError: *auth* is neither a str nor a pair of str.
            OfflineError, DeadlineExceededError, TransportError,
            RedirectRefusedError, BadResponseError: see the module.
        """
        if has_userinfo(url):
            raise ValueError(
                f"refusing a URL with user:password@ ({strip_userinfo(url)})"
            )
        credential, headers = credential_for(
            token=token, auth=auth, headers=headers
        )
        if credential:
            require_credentials_allowed(
                url, "a token" if token else "a credential"
            )
        if self.offline:
            raise OfflineError(
                f"offline: not requesting {url}", url=strip_userinfo(url)
            )
        self._refuse_unreachable(url)
        deadline = deadline or Deadline.within(None)
        for _ in range(self.max_redirects + 1):
            response = self._send(
                method, url, headers, json, credential, deadline
            )
            if response.status not in REDIRECTS:
                return response
            url = _redirect_target(url, response.header("location") or "")
        raise RedirectRefusedError(
            f"more than {self.max_redirects} redirects from {url}", url=url
        )

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None,
        json: Any,
        credential: str | None,
        deadline: Deadline,
    ) -> Response:
        import requests

        remaining = deadline.remaining()
        if remaining <= 0:
            raise DeadlineExceededError(
                f"the deadline passed before {url} was requested", url=url
            )
        session = self._requests_session()
        with self._lock:
            self.requests_sent += 1
        options: dict[str, Any] = {}
        if credential:
            options["auth"] = _header_auth(credential)
            if urlsplit(url).scheme.casefold() == "http":
                options["proxies"] = _no_proxy(url)  # loopback, direct
        data = None
        all_headers = {
            "User-Agent": self.user_agent,
            "Accept-Encoding": "gzip, deflate",
            **(headers or {}),
        }
        if json is not None:
            data = jsonlib.dumps(json).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        timeout = (
            min(self.connect_timeout, remaining),
            min(self.read_timeout, remaining),
        )
        try:
            with retry_budget(deadline, sum(timeout)):
                raw = session.request(
                    method,
                    url,
                    headers=all_headers,
                    data=data,
                    timeout=timeout,
                    allow_redirects=False,
                    stream=True,
                    **options,
                )
        except requests.RequestException as err:
            raise self._failure(err, url, deadline) from err
        except ValueError as err:
            # requests parses a redirect's Location even when it does not
            # follow it; a Location that does not parse ends up here.
            raise RedirectRefusedError(
                f"{url} redirected to an address that does not parse;"
                " not following",
                url=url,
            ) from err
        self._note_reached(url)
        try:
            body = self._read(raw, url, deadline)
        finally:
            raw.close()
        return Response(
            url=url,
            status=raw.status_code,
            headers={k.casefold(): v for k, v in raw.headers.items()},
            body=body,
        )

    # -- reachability ----------------------------------------------------

    def _refuse_unreachable(self, url: str) -> None:
        """Raise :class:`UnreachableError` if *url*'s host is known to be
        out of reach (this run, or remembered on disk)."""
        key = origin_key(url)
        with self._lock:
            known = self._unreachable.get(key)
            first_visit = key not in self._reached and known is None
        if known is None and first_visit and self.reach is not None:
            remembered = self.reach.recall(url)
            if remembered is not None:
                with self._lock:
                    known = self._unreachable.setdefault(
                        key, (remembered, True)
                    )
        if known is not None:
            failure, remembered_flag = known
            raise _unreachable_error(url, failure, remembered=remembered_flag)

    def _failure(
        self, err: Exception, url: str, deadline: Deadline
    ) -> NetworkError:
        """The typed error for a request that *err* ended."""
        reason = unreachable_reason(err)
        if reason is None:
            return TransportError(
                f"cannot reach {url} ({type(err).__name__})", url=url
            )
        if deadline.expired:
            # The timeouts were cut to what the deadline left, so the
            # deadline is why this request ended (however the requests in
            # flight beside it are scheduled), and the host is not
            # remembered as out of reach: it was not given its own time.
            return DeadlineExceededError(
                f"no answer from {url} before the deadline", url=url
            )
        return self._out_of_reach(url, reason)

    def _out_of_reach(self, url: str, reason: str) -> UnreachableError:
        """Record that *url*'s host is out of reach; the error to raise."""
        failure = Unreachable(
            origin=origin_key(url), reason=reason, at=utc_now()
        )
        with self._lock:
            first = failure.origin not in self._unreachable
            self._unreachable.setdefault(failure.origin, (failure, False))
        if first and self.reach is not None:
            self.reach.remember(failure)
        return _unreachable_error(url, failure, remembered=False)

    def _note_reached(self, url: str) -> None:
        """*url*'s host answered: forget any remembered failure, once."""
        key = origin_key(url)
        with self._lock:
            first = key not in self._reached
            self._reached.add(key)
        if first and self.reach is not None:
            self.reach.forget(url)

    def _read(
        self, raw: requests.Response, url: str, deadline: Deadline
    ) -> bytes:
        import requests
        import urllib3

        def check() -> None:
            if deadline.expired:
                raise DeadlineExceededError(
                    f"the deadline passed while reading {url}", url=url
                )

        length = raw.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise ResponseTooLargeError(
                f"the answer from {url} is larger than {self.max_bytes} bytes",
                url=url,
            )
        try:
            return read_limited(
                _chunks(raw.raw),
                encoding=raw.headers.get("content-encoding", ""),
                max_bytes=self.max_bytes,
                check=check,
            )
        except BodyTooLargeError as err:
            raise ResponseTooLargeError(
                f"the answer from {url} is too large: {err}", url=url
            ) from err
        except ValueError as err:
            raise BadResponseError(
                f"the answer from {url} cannot be decoded: {err}", url=url
            ) from err
        except (
            urllib3.exceptions.HTTPError,
            requests.RequestException,
            OSError,
        ) as err:
            raise TransportError(
                f"reading the answer from {url} failed ({type(err).__name__})",
                url=url,
            ) from err

    # -- cached GET ----------------------------------------------------

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
        auth: Auth | None = None,
        deadline: Deadline | None = None,
        max_age: timedelta = timedelta(0),
    ) -> Response:
        """GET *url* through the cache (when the client has one).

        An entry younger than *max_age* is served without a request; an
        older one is revalidated with the validators it was stored with
        (``If-None-Match`` / ``If-Modified-Since``).  A 304 refreshes it;
        a 304 to a request without validators is not trusted: the URL is
        asked once more without conditions.  Offline, any cached entry is
        served, else :class:`OfflineError`.
        """
        cache = self.cache
        credential, _ = credential_for(token=token, auth=auth, headers=headers)
        scope = scope_for(token or credential)
        entry = cache.get(scope, url) if cache is not None else None
        if entry is not None and (entry.fresh(max_age) or self.offline):
            return entry.as_response()
        conditional = {
            **(headers or {}),
            **(entry.validators() if entry else {}),
        }
        response = self.request(
            "GET",
            url,
            headers=conditional,
            token=token,
            auth=auth,
            deadline=deadline,
        )
        if response.status == 304:  # noqa: PLR2004 - Not Modified
            if cache is not None and entry is not None and entry.validators():
                refreshed = attrs.evolve(entry, stored_at=utc_now())
                cache.put(scope, url, refreshed)
                return refreshed.as_response()
            response = self.request(
                "GET",
                url,
                headers=headers,
                token=token,
                auth=auth,
                deadline=deadline,
            )
            if response.status == 304:  # noqa: PLR2004
                raise BadResponseError(
                    f"{url} answered 304 Not Modified to an unconditional"
                    " request",
                    url=url,
                )
        if cache is not None and response.status == 200:  # noqa: PLR2004
            cache.put(scope, url, CachedResponse.of(response))
        return response


def _unreachable_error(
    url: str, failure: Unreachable, *, remembered: bool
) -> UnreachableError:
    return UnreachableError(
        f"cannot reach {failure.describe(remembered=remembered)};"
        f" not requesting {url}",
        url=url,
        reason=failure.reason,
    )


def _header_auth(value: str) -> Any:
    from ._auth import HeaderAuth

    return HeaderAuth(value)
