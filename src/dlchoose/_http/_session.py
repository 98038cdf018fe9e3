"""The ``requests`` session every client shares the recipe of.

``requests`` and urllib3 are imported only when a session is built, so
``import dlchoose`` and offline use stay free of them.
"""

from __future__ import annotations

import functools

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final


if TYPE_CHECKING:
    import requests


__all__ = ["RETRIED_STATUSES", "new_session", "user_agent"]

#: Server errors worth another try (urllib3 retries them with backoff).
RETRIED_STATUSES: Final = (500, 502, 503, 504)


@functools.cache
def user_agent() -> str:
    """``dlchoose/<version> (+<home page>)``."""
    from .._compat import metadata

    try:
        version = metadata.version("dlchoose")
    except metadata.PackageNotFoundError:  # pragma: no cover - not installed
        version = "0"
    return f"dlchoose/{version} (+https://github.com/dlchoose/dlchoose)"


def new_session(
    *,
    retries: int = 2,
    backoff: float = 0.5,
    max_retry_after: float = 30.0,
    pool: int = 4,
) -> requests.Session:
    """A session retrying connection errors and 5xx answers (GET and POST:
    the clients only read) with exponential *backoff*; a ``Retry-After`` on
    503 is honoured up to *max_retry_after* seconds.  403/429 rate limits
    are left to the client, which knows the API's headers."""
    import requests

    from requests.adapters import HTTPAdapter
    from urllib3.exceptions import InvalidHeader
    from urllib3.util.retry import Retry

    cap = max(0.0, max_retry_after)

    class CappedRetry(Retry):
        """urllib3's Retry, waiting at most *cap* on a ``Retry-After``."""

        RETRY_AFTER_STATUS_CODES = frozenset({HTTPStatus.SERVICE_UNAVAILABLE})

        def get_retry_after(self, response: Any) -> float | None:
            try:
                seconds = super().get_retry_after(response)
            except (OverflowError, ValueError, InvalidHeader):
                return None  # unparsable: plain backoff instead
            return None if seconds is None else min(max(seconds, 0.0), cap)

    retry = CappedRetry(
        total=retries,
        connect=retries,
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
