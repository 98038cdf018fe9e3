"""URL checks shared by every client: loopback, credentials, origins."""

from __future__ import annotations

import ipaddress

from collections.abc import Collection
from urllib.parse import SplitResult, unquote, urlsplit


__all__ = [
    "credentials_allowed",
    "has_userinfo",
    "is_loopback",
    "origin",
    "parse_url",
    "require_credentials_allowed",
    "require_valid_url",
    "split_userinfo",
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
    """*url* split, ``None`` when it cannot be (bad IPv6 or port)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return parts


def _authority(url: str) -> str:
    """The part between ``//`` and the path, found without parsing it
    (so it also works where :func:`urlsplit` gives up)."""
    try:
        return urlsplit(url).netloc
    except ValueError:
        rest = url.partition("//")[2]
        for end in "/?#":
            rest = rest.partition(end)[0]
        return rest


def has_userinfo(url: str) -> bool:
    """Whether *url* carries ``user[:password]@`` before its host.  Fails
    closed: any ``@`` in the authority counts, parsable port or not."""
    return "@" in _authority(url)


def strip_userinfo(url: str) -> str:
    """*url* without ``user:password@`` (safe to log, key or store), even
    when the rest of the URL does not parse."""
    authority = _authority(url)
    if "@" not in authority:
        return url
    host = authority.rpartition("@")[2]
    return url.replace(authority, host, 1)


def split_userinfo(url: str) -> tuple[str, tuple[str, str] | None]:
    """*url* without userinfo, and the ``(user, password)`` it carried
    (percent-decoded; ``None`` when there was none) for ``auth=``."""
    authority = _authority(url)
    if "@" not in authority:
        return url, None
    userinfo = authority.rpartition("@")[0]
    user, _, password = userinfo.partition(":")
    return strip_userinfo(url), (unquote(user), unquote(password))


def parse_url(url: str, what: str = "the URL") -> SplitResult:
    """*url* split; :class:`ValueError` (never showing a password) when it
    does not parse: a bad IPv6 literal or port.  Check a URL with this
    before anything trusts it: a URL that cannot be checked is refused."""
    parts = _split(url)
    if parts is None:
        msg = f"{what} does not parse (host or port): {strip_userinfo(url)!r}"
        raise ValueError(msg)
    return parts


def require_valid_url(
    url: object,
    what: str = "the URL",
    *,
    allow_userinfo: bool = False,
    schemes: Collection[str] | None = ("http", "https"),
) -> str:
    """*url* when it is an absolute URL (scheme in *schemes*; ``None``:
    any) with a host and a valid port; else :class:`ValueError` (whose
    message never shows a password).  Userinfo is refused too unless
    *allow_userinfo*."""
    if not isinstance(url, str):
        msg = f"{what} must be a str, got {type(url).__name__}"
        raise TypeError(msg)
    shown = strip_userinfo(url)
    if not allow_userinfo and has_userinfo(url):
        msg = f"{what} must not contain user:password@ ({shown!r})"
        raise ValueError(msg)
    parts = parse_url(url, what)
    if schemes is not None and parts.scheme.casefold() not in schemes:
        kind = "/".join(schemes)
        msg = f"{what} is not a valid {kind} URL: {shown!r}"
        raise ValueError(msg)
    if not parts.hostname:
        msg = f"{what} has no host: {shown!r}"
        raise ValueError(msg)
    return url


def origin(url: str) -> tuple[str, str]:
    """``(scheme, host:port)`` folded, for same-origin comparisons."""
    parts = urlsplit(url)
    return parts.scheme.casefold(), parts.netloc.casefold()


def credentials_allowed(url: str) -> bool:
    """A credential may go to *url*: over https, or plain http directly to
    a loopback address (a local test server or tunnel)."""
    parts = _split(url)
    if parts is None or has_userinfo(url):
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
