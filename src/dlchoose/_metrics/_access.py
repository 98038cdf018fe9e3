"""Which GitHub API to call, and with which token: decided only here.

``GITHUB_TOKEN`` and ``GH_TOKEN`` hold github.com credentials: they are
used only for ``https://api.github.com``.  Any other API URL (GitHub
Enterprise, a mirror, a test server) takes ``DLCHOOSE_GITHUB_TOKEN``.
The URL is an explicit argument, else ``DLCHOOSE_GITHUB_API_URL``, else
github.com.  An explicit token belongs to an explicit URL, or to
github.com: it never follows a URL that came from the environment (that
URL gets the environment's ``DLCHOOSE_GITHUB_TOKEN``).  URLs with
``user:password@`` and empty URLs are refused.
"""

from __future__ import annotations

import os

from collections.abc import Mapping
from typing import Final

import attrs

from .._http import (
    has_userinfo,
    parse_url,
    require_credentials_allowed,
)


__all__ = [
    "DEFAULT_API_URL",
    "GitHubAccess",
    "github_access",
    "resolve_access",
]

DEFAULT_API_URL: Final = "https://api.github.com"
GITHUB_COM_TOKENS: Final = ("GITHUB_TOKEN", "GH_TOKEN")
OTHER_HOST_TOKEN: Final = "DLCHOOSE_GITHUB_TOKEN"  # noqa: S105 - a name
API_URL_VARIABLE: Final = "DLCHOOSE_GITHUB_API_URL"


def check_api_url(url: str) -> str:
    """*url* without a trailing slash; :class:`ValueError` when it is empty,
    carries credentials or does not parse (bad host, IPv6 literal or port):
    a URL that cannot be checked is refused, never trusted."""
    if not isinstance(url, str):
        raise TypeError(f"api_url must be a str, got {type(url).__name__}")
    cleaned = url.strip().rstrip("/")
    if not cleaned:
        raise ValueError("the GitHub API URL is empty")
    if has_userinfo(cleaned):
        raise ValueError(
            "the GitHub API URL must not contain user:password@;"
            " pass the token separately"
        )
    # Only parsing here: the scheme is judged where a token is involved.
    parse_url(cleaned, "the GitHub API URL")
    return cleaned


def is_github_com(url: str) -> bool:
    return url.rstrip("/").casefold() == DEFAULT_API_URL


@attrs.frozen(kw_only=True)
class GitHubAccess:
    """An API URL and the token that may be sent to it."""

    api_url: str = attrs.field(converter=check_api_url)
    token: str | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.token:
            require_credentials_allowed(self.api_url, "a GitHub token")

    @property
    def authenticated(self) -> bool:
        return bool(self.token)


def _env_token(url: str, environ: Mapping[str, str]) -> str | None:
    names = GITHUB_COM_TOKENS if is_github_com(url) else (OTHER_HOST_TOKEN,)
    return next((environ[n] for n in names if environ.get(n)), None)


def resolve_access(
    api_url: str | None = None,
    token: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    tokens_from_environment: bool = True,
) -> GitHubAccess:
    """The one resolver (see the module docstring).

    With ``tokens_from_environment=False`` (the library's default) a
    missing token stays missing, except that a URL taken from
    ``DLCHOOSE_GITHUB_API_URL`` always comes with its own
    ``DLCHOOSE_GITHUB_TOKEN`` (or none), never with *token*.
    """
    env = os.environ if environ is None else environ
    if api_url is not None:
        url = check_api_url(api_url)
        if not token and tokens_from_environment:
            token = _env_token(url, env)
        return GitHubAccess(api_url=url, token=token or None)
    from_env = (env.get(API_URL_VARIABLE) or "").strip()
    if from_env and not is_github_com(from_env):
        url = check_api_url(from_env)
        return GitHubAccess(api_url=url, token=_env_token(url, env))
    if not token and tokens_from_environment:
        token = _env_token(DEFAULT_API_URL, env)
    return GitHubAccess(api_url=DEFAULT_API_URL, token=token or None)


def github_access(
    api_url: str | None = None, token: str | None = None
) -> GitHubAccess:
    """The GitHub API URL and token to use, from the arguments and the
    environment: ``GITHUB_TOKEN``/``GH_TOKEN`` only for github.com,
    ``DLCHOOSE_GITHUB_TOKEN`` for any other URL, the URL from *api_url*,
    else ``DLCHOOSE_GITHUB_API_URL``, else ``https://api.github.com``.

    Raises:
        ValueError: the URL is empty, carries ``user:password@``, or a
            token would travel over plain http to a non-loopback host.
    """
    return resolve_access(api_url, token, tokens_from_environment=True)
