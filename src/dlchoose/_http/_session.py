"""The ``requests`` session every client shares the recipe of.

``requests`` and urllib3 are imported only when a session is built, so
``import dlchoose`` and offline use stay free of them.
"""

from __future__ import annotations

import contextlib
import functools
import threading

from collections.abc import Iterator
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final


if TYPE_CHECKING:
    import requests

    from typing_extensions import Self
    from urllib3.util.retry import Retry

    from ._response import Deadline


__all__ = ["RETRIED_STATUSES", "new_session", "retry_budget", "user_agent"]

#: Server errors worth another try (urllib3 retries them with backoff).
RETRIED_STATUSES: Final = (500, 502, 503, 504)


class _Budget(threading.local):
    deadline: Deadline | None = None
    attempt: float = 0.0


_budget = _Budget()


@contextlib.contextmanager
def retry_budget(deadline: Deadline, attempt: float) -> Iterator[None]:
    """While a request runs in this thread, urllib3 retries it only when
    the wait before the retry plus one more *attempt* (its connect + read
    timeout, in seconds) still fit before *deadline*; each wait is capped
    at the time left.  So retries never carry a request past its deadline
    (a per-request timeout is fixed when urllib3 starts)."""
    _budget.deadline, _budget.attempt = deadline, attempt
    try:
        yield
    finally:
        _budget.deadline, _budget.attempt = None, 0.0


def _remaining() -> float | None:
    deadline = _budget.deadline
    return None if deadline is None else deadline.remaining()


def _left() -> tuple[float, ...]:
    """The time left, as extra arguments for ``min`` (none: no bound)."""
    remaining = _remaining()
    return () if remaining is None else (remaining,)


@functools.cache
def user_agent() -> str:
    """``dlchoose/<version> (+<home page>)``."""
    from .._compat import metadata

    try:
        version = metadata.version("dlchoose")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed
        version = "0"
    return f"dlchoose/{version} (+https://github.com/dlchoose/dlchoose)"


def _retry_class(cap: float) -> type[Retry]:
    """urllib3's Retry, waiting at most *cap* on a ``Retry-After`` and
    never retrying past the :func:`retry_budget` of the thread."""
    from urllib3.exceptions import InvalidHeader, MaxRetryError, ResponseError
    from urllib3.util.retry import Retry

    class CappedRetry(Retry):
        RETRY_AFTER_STATUS_CODES = frozenset({HTTPStatus.SERVICE_UNAVAILABLE})

        def get_retry_after(self, response: Any) -> float | None:
            try:
                seconds = super().get_retry_after(response)
            except (OverflowError, ValueError, InvalidHeader):
                return None  # unparsable: plain backoff instead
            if seconds is None:
                return None
            return min(max(seconds, 0.0), cap, *_left())

        def get_backoff_time(self) -> float:
            return min(super().get_backoff_time(), *_left())

        def wait_before_next(self, response: Any) -> float:
            """What :meth:`sleep` will wait before the next attempt."""
            # respect_retry_after_header is always on here
            seconds = (
                None if response is None else self.get_retry_after(response)
            )
            return self.get_backoff_time() if seconds is None else seconds

        def increment(
            self,
            method: str | None = None,
            url: str | None = None,
            response: Any = None,
            error: Exception | None = None,
            _pool: Any = None,
            _stacktrace: Any = None,
        ) -> Self:
            new = super().increment(
                method, url, response, error, _pool, _stacktrace
            )
            remaining = _remaining()
            needed = new.wait_before_next(response) + _budget.attempt
            if remaining is not None and remaining < needed:
                reason = error or ResponseError("no time left for a retry")
                raise MaxRetryError(_pool, url, reason) from reason
            return new

    return CappedRetry


def new_session(
    *,
    retries: int = 2,
    connect_retries: int | None = None,
    backoff: float = 0.5,
    max_retry_after: float = 30.0,
    pool: int = 4,
) -> requests.Session:
    """A session retrying connection errors (*connect_retries* times,
    default *retries*) and read errors and 5xx answers (*retries* times;
    GET and POST: the clients only read) with exponential *backoff*; a
    ``Retry-After`` on 503 is honoured up to *max_retry_after* seconds.  403/429 rate limits
    are left to the client, which knows the API's headers.  Inside
    :func:`retry_budget` no wait or retry outlasts the deadline."""
    import requests

    from requests.adapters import HTTPAdapter

    retry = _retry_class(max(0.0, max_retry_after))(
        total=retries,
        connect=retries if connect_retries is None else connect_retries,
        read=retries,
        status=retries,
        other=0,
        backoff_factor=backoff,
        status_forcelist=RETRIED_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD", "POST"}),
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
