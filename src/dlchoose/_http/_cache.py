"""A URL-keyed on-disk cache of response bodies with their validators.

One file per (credential scope, URL) under ``<directory>/<namespace>/``,
named by a SHA-256 of both: the URL (userinfo stripped) and a token
fingerprint, never a token.  Entries are JSON, written atomically; an
entry that is damaged in any way, or stored "in the future", counts as
missing or stale, never as fresh.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final

import attrs

from .._time import iso, parse_time, utc_now
from ._response import Response
from ._store import default_cache_dir, read_json, write_json
from ._urls import strip_userinfo


__all__ = ["CachedResponse", "HttpCache", "scope_for", "token_fingerprint"]

_FORMAT: Final = 1
#: Headers worth keeping with a body.
_KEPT_HEADERS: Final = ("content-type", "etag", "last-modified")


def token_fingerprint(token: str | None) -> str:
    """``anon``, or the first 16 hex digits of the token's SHA-256."""
    if not token:
        return "anon"
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


def scope_for(token: str | None) -> str:
    """The cache scope of a credential (answers may differ per token)."""
    return token_fingerprint(token)


EARLIEST: Final = datetime(2000, 1, 1, tzinfo=timezone.utc)
"""No entry was stored before this; an earlier time is damage."""


def _plausible(moment: datetime | None) -> datetime | None:
    """*moment* in UTC when it lies between :data:`EARLIEST` and a day from
    now, else ``None`` (unknown age: the entry is refetched).  Compared
    before converting, so a year-9999 time cannot overflow."""
    if moment is None or not EARLIEST <= moment <= utc_now() + timedelta(
        days=1
    ):
        return None
    return moment.astimezone(timezone.utc)


@attrs.frozen(kw_only=True)
class CachedResponse:
    """One stored 200 answer."""

    url: str = attrs.field(converter=strip_userinfo)
    body: bytes
    stored_at: datetime
    headers: Mapping[str, str] = attrs.field(factory=dict, eq=False)

    @classmethod
    def of(cls, response: Response) -> CachedResponse:
        return cls(
            url=response.url,
            body=response.body,
            stored_at=utc_now(),
            headers={
                k: v for k, v in response.headers.items() if k in _KEPT_HEADERS
            },
        )

    def fresh(self, max_age: timedelta, now: datetime | None = None) -> bool:
        """Younger than *max_age*; a storage time in the future is an
        unknown age, so never fresh."""
        age = (now or utc_now()) - self.stored_at
        return timedelta(0) <= age < max_age

    def validators(self) -> dict[str, str]:
        """Conditional-request headers from the stored validators."""
        found = {}
        if self.headers.get("etag"):
            found["If-None-Match"] = self.headers["etag"]
        if self.headers.get("last-modified"):
            found["If-Modified-Since"] = self.headers["last-modified"]
        return found

    def as_response(self) -> Response:
        return Response(
            url=self.url,
            status=200,
            headers=dict(self.headers),
            body=self.body,
            from_cache=True,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "url": self.url,
            "stored_at": iso(self.stored_at),
            "headers": dict(self.headers),
            "body": base64.b64encode(self.body).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CachedResponse | None:
        """The entry, or ``None`` when any part of *data* is unusable."""
        stored_at = _plausible(parse_time(data.get("stored_at"), naive=False))
        url, body, headers = (
            data.get("url"),
            data.get("body"),
            data.get("headers"),
        )
        if (
            stored_at is None
            or not isinstance(url, str)
            or not isinstance(body, str)
            or not isinstance(headers, dict)
            or not all(
                isinstance(k, str) and isinstance(v, str)
                for k, v in headers.items()
            )
        ):
            return None
        try:
            raw = base64.b64decode(body.encode("ascii"), validate=True)
        except (ValueError, binascii.Error):
            return None
        return cls(url=url, body=raw, stored_at=stored_at, headers=headers)


@attrs.define
class HttpCache:
    """Stored answers under ``directory/namespace`` (default directory:
    ``DLCHOOSE_CACHE_DIR``, else the platform's user cache directory)."""

    directory: Path = attrs.field(converter=Path)
    namespace: str = "http"

    @classmethod
    def default(cls, namespace: str = "http") -> HttpCache:
        return cls(default_cache_dir(), namespace)

    def _path(self, scope: str, url: str) -> Path:
        key = f"{scope}|{strip_userinfo(url)}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self.directory / self.namespace / f"{digest}.json"

    def get(self, scope: str, url: str) -> CachedResponse | None:
        document = read_json(self._path(scope, url), expect_format=_FORMAT)
        if document is None:
            return None
        entry = CachedResponse.from_dict(document)
        if entry is None or entry.url != strip_userinfo(url):
            return None
        return entry

    def put(self, scope: str, url: str, entry: CachedResponse) -> None:
        """Store *entry*; failing to write is logged, never raised."""
        path = self._path(scope, url)
        try:
            write_json(path, entry.to_dict())
        except OSError as err:
            import logging

            logging.getLogger("dlchoose.cache").warning(
                "cannot write cache file %s: %s", path, err
            )
