"""GitHub's failed answers as typed errors, with server text made safe.

Text a server sends (its ``message``, a request id) is shortened and run
through :func:`~dlchoose._http.redact` before it can reach a message, a
note or a log: servers have echoed the ``Authorization`` header back.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Final

from .._http import Response, redact
from ..exceptions import (
    AuthenticationError,
    BadResponseError,
    DeadlineExceededError,
    MetricsError,
    MetricsUnavailableError,
    NetworkError,
    OfflineError,
    RedirectRefusedError,
    RepositoryNotFoundError,
    UnreachableError,
)


__all__ = [
    "API_VERSION",
    "error_for",
    "network_error",
    "request_id",
    "safe_text",
    "server_message",
]

API_VERSION: Final = "2022-11-28"
_MAX_MESSAGE: Final = 300


def safe_text(text: str, limit: int = _MAX_MESSAGE) -> str:
    """Server-supplied *text*: printable, redacted and at most *limit*."""
    cleaned = "".join(c if c.isprintable() else " " for c in text[:limit])
    return redact(cleaned.strip())


def server_message(response: Response) -> str:
    """The ``message`` of a GitHub error body, made safe (or ``""``)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    message = body.get("message") if isinstance(body, dict) else None
    return safe_text(message) if isinstance(message, str) else ""


def request_id(response: Response) -> str:
    rid = response.header("x-github-request-id")
    return f" (request id {safe_text(rid, 80)})" if rid else ""


def error_for(response: Response, what: str, repo: str | None) -> MetricsError:
    """The typed error for a failed response (rate limits excluded)."""
    status = response.status
    message = server_message(response)
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
    return error(text + request_id(response), repo=repo)


def network_error(err: NetworkError, what: str) -> MetricsError:
    """The metrics error for a failure of the shared HTTP layer."""
    if isinstance(err, RedirectRefusedError):
        return MetricsError(
            f"GitHub redirected {what} to another host; not following",
            repo=what,
        )
    if isinstance(err, (DeadlineExceededError, OfflineError)):
        text = f"the fetch deadline passed before {what} was fetched"
        if isinstance(err, OfflineError):
            text = f"{what}: offline, and no figures are known"
        return MetricsUnavailableError(text, repo=what)
    if isinstance(err, BadResponseError):
        return MetricsUnavailableError(
            f"GitHub's answer for {what} is not usable ({err})", repo=what
        )
    if isinstance(err, UnreachableError):
        return MetricsUnavailableError(
            f"cannot reach GitHub for {what}: {err.reason}", repo=what
        )
    cause = type(err.__cause__ or err).__name__
    return MetricsUnavailableError(
        f"cannot reach GitHub for {what} ({cause})", repo=what
    )
