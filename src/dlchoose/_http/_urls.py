"""URL checks shared by every client: loopback, credentials, origins."""

from __future__ import annotations

import ipaddress

from urllib.parse import SplitResult, urlsplit, urlunsplit


__all__ = [
    "credentials_allowed",
    "has_userinfo",
    "is_loopback",
    "origin",
    "require_credentials_allowed",
    "strip_userinfo",
]


def is_loopback(host: str | None) -> bool:
    """Whether *host* names this machine (``localhost`` or a loopback IP)."""
    if not host:
        return False
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return parts


def has_userinfo(url: str) -> bool:
    """Whether *url* carries ``user[:password]@`` before its host."""
    parts = _split(url)
    return parts is not None and "@" in parts.netloc


def strip_userinfo(url: str) -> str:
    """*url* without ``user:password@`` (safe to log, key or store)."""
    parts = _split(url)
    if parts is None or "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host))


def origin(url: str) -> tuple[str, str]:
    """``(scheme, host:port)`` folded, for same-origin comparisons."""
    parts = urlsplit(url)
    return parts.scheme.casefold(), parts.netloc.casefold()


def credentials_allowed(url: str) -> bool:
    """A credential may go to *url*: over https, or plain http directly to
    a loopback address (a local test server or tunnel)."""
    parts = _split(url)
    if parts is None or "@" in parts.netloc:
        return False
    scheme = parts.scheme.casefold()
    return scheme == "https" or (
        scheme == "http" and is_loopback(parts.hostname)
    )


def require_credentials_allowed(url: str, what: str = "a token") -> None:
    """Raise :class:`ValueError` unless :func:`credentials_allowed`."""
    if not credentials_allowed(url):
        raise ValueError(
            f"refusing to send {what} to {strip_userinfo(url)!r}: the URL"
            " must use https:// (plain http:// only to a loopback address)"
            " and carry no user:password@"
        )
