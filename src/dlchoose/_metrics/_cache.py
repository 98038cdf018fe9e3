"""The on-disk cache of repository figures and of rate-limit blocks.

Layout under the cache directory (``DLCHOOSE_CACHE_DIR``, else the
platform's user cache directory, from platformdirs)::

    github/
      entries/<sha256>.json   one repository's figures + REST validators
      aliases.json            renamed repository -> canonical name
      blocks.json             "do not call GitHub before ..." per scope

Entry keys are hashes of (API URL, token fingerprint, repository); the
fingerprint is a truncated SHA-256 of the token, so neither the token nor
anything that reveals it is ever written, and API URLs are stored without
userinfo.  Files are written atomically and read defensively by
:mod:`dlchoose._http` (anything damaged counts as missing and is replaced);
the two shared files are updated under a lock, so parallel processes keep
every update.  Failing to write is logged and otherwise ignored: the cache
saves requests, it never decides whether a fetch succeeds.
"""

from __future__ import annotations

import hashlib
import logging

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

import attrs

from .._http import (
    default_cache_dir,
    read_json,
    strip_userinfo,
    token_fingerprint,
    update_json,
    write_json,
)
from .._time import iso, utc_now
from ._ratelimit import cap_block
from ._validate import moment, repo_name, short_text
from ._values import RepoMetrics


__all__ = [
    "DEFAULT_TTL",
    "CacheEntry",
    "DiskCache",
    "default_cache_dir",
    "token_fingerprint",
]

log = logging.getLogger("dlchoose.cache")

DEFAULT_TTL: Final = timedelta(hours=12)
_FORMAT: Final = 1
_MAX_ETAG: Final = 200


def _api_key(api_url: str) -> str:
    return strip_userinfo(api_url).rstrip("/")


@attrs.frozen(kw_only=True)
class CacheEntry:
    """One repository's cached figures and the validators that revalidate
    them (REST only: GraphQL has no HTTP caching)."""

    metrics: RepoMetrics
    stored_at: datetime
    etag_repo: str | None = None
    etag_release: str | None = None

    def fresh(self, ttl: timedelta, now: datetime | None = None) -> bool:
        """Whether the entry is younger than *ttl*; stored "in the future"
        means an unknown age, so not fresh."""
        age = (now or utc_now()) - self.stored_at
        return timedelta(0) <= age < ttl


def _entry_from(document: Mapping[str, Any]) -> CacheEntry | None:
    stored_at = moment(document.get("stored_at"), naive=False)
    if stored_at is None:
        return None
    etags = [document.get("etag_repo"), document.get("etag_release")]
    if any(e is not None and short_text(e, _MAX_ETAG) is None for e in etags):
        return None
    try:
        metrics = RepoMetrics.from_dict(document["metrics"])
    except (KeyError, TypeError, ValueError):
        return None
    return CacheEntry(
        metrics=metrics,
        stored_at=stored_at,
        etag_repo=etags[0],
        etag_release=etags[1],
    )


@attrs.define
class DiskCache:
    """Repository figures, renames and rate-limit blocks on disk.

    *scope* separates API hosts and credentials: build it with
    :meth:`scope_for`; it holds a token fingerprint, never a token.
    """

    directory: Path = attrs.field(converter=Path)
    ttl: timedelta = DEFAULT_TTL

    @classmethod
    def default(cls, ttl: timedelta = DEFAULT_TTL) -> DiskCache:
        return cls(default_cache_dir(), ttl)

    @staticmethod
    def scope_for(api_url: str, token: str | None) -> str:
        return f"{_api_key(api_url)}|{token_fingerprint(token)}"

    @property
    def _root(self) -> Path:
        return self.directory / "github"

    def _entry_path(self, scope: str, repo: str) -> Path:
        key = f"{scope}|{repo.casefold()}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self._root / "entries" / f"{digest}.json"

    def _write(self, path: Path, document: Mapping[str, Any]) -> None:
        try:
            write_json(path, document)
        except OSError as err:
            log.warning("cannot write cache file %s: %s", path, err)

    def _update(
        self,
        name: str,
        key: str,
        change: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> None:
        """Change the *key* object of the shared file *name* under its
        lock (a damaged file, or a damaged object in it, starts empty)."""

        def apply(document: dict[str, Any]) -> dict[str, Any]:
            current = document.get(key)
            if not isinstance(current, dict):
                current = {}
            return {"format": _FORMAT, key: change(current)}

        path = self._root / name
        try:
            update_json(path, apply, expect_format=_FORMAT)
        except OSError as err:
            log.warning("cannot write cache file %s: %s", path, err)

    def _shared(self, name: str, key: str) -> dict[str, Any]:
        document = read_json(self._root / name, expect_format=_FORMAT) or {}
        found = document.get(key)
        return found if isinstance(found, dict) else {}

    # -- figures ------------------------------------------------------

    def get(self, scope: str, repo: str) -> CacheEntry | None:
        """The entry for *repo* (any case), fresh or not, or ``None``.

        An entry that is damaged in any way, or whose storage time is
        missing, unparsable, offset-less or implausible, counts as
        missing: it is refetched and rewritten rather than trusted.
        """
        document = read_json(
            self._entry_path(scope, repo), expect_format=_FORMAT
        )
        if document is None:
            return None
        entry = _entry_from(document)
        if entry is None:
            log.warning("ignoring malformed cache entry for %s", repo)
        return entry

    def put(self, scope: str, repo: str, entry: CacheEntry) -> None:
        """Store *entry* under *repo* (and, after a rename, the canonical
        name, so both spellings hit)."""
        document = {
            "format": _FORMAT,
            "stored_at": iso(entry.stored_at),
            "etag_repo": entry.etag_repo,
            "etag_release": entry.etag_release,
            "metrics": entry.metrics.to_dict(),
        }
        names = {repo.casefold(), entry.metrics.full_name.casefold()}
        for name in sorted(names):
            self._write(self._entry_path(scope, name), document)

    # -- renames ------------------------------------------------------

    def aliases(self, api_url: str) -> dict[str, str]:
        """Renamed repositories seen on *api_url*: old (folded) -> new.
        Entries that are not ``owner/name`` pairs are ignored."""
        found = self._shared("aliases.json", "aliases").get(_api_key(api_url))
        if not isinstance(found, dict):
            return {}
        return {
            old: new
            for old, new in found.items()
            if repo_name(old) is not None and repo_name(new) is not None
        }

    def add_alias(self, api_url: str, old: str, new: str) -> None:
        host = _api_key(api_url)

        def change(aliases: dict[str, Any]) -> dict[str, Any]:
            known = aliases.get(host)
            known = known if isinstance(known, dict) else {}
            return {**aliases, host: {**known, old.casefold(): new}}

        self._update("aliases.json", "aliases", change)

    # -- rate-limit blocks --------------------------------------------

    def blocked_until(
        self, scope: str, resource: str, now: datetime | None = None
    ) -> tuple[datetime, bool] | None:
        """``(reset, secondary)`` while *resource* (or everything) is
        blocked for *scope*; ``None`` when calls may go out.  A stored
        block is never believed for longer than an hour from now."""
        now = now or utc_now()
        blocks = self._shared("blocks.json", "blocks")
        found: tuple[datetime, bool] | None = None
        for name in (resource, "*"):
            block = blocks.get(f"{scope}|{name}")
            if not isinstance(block, dict):
                continue
            until = moment(block.get("until"), naive=False, now=now)
            if until is None or until <= now:
                continue
            pair = (cap_block(until, now), block.get("secondary") is True)
            if found is None or pair[0] > found[0]:
                found = pair
        return found

    def block(
        self,
        scope: str,
        resource: str,
        until: datetime,
        *,
        secondary: bool = False,
    ) -> None:
        """Remember not to call GitHub for *resource* before *until*
        (capped at an hour from now)."""
        now = utc_now()

        def change(blocks: dict[str, Any]) -> dict[str, Any]:
            live = {
                key: value
                for key, value in blocks.items()
                if isinstance(value, dict)
                and (moment(value.get("until"), naive=False) or now) > now
            }
            live[f"{scope}|{resource}"] = {
                "until": iso(cap_block(until, now)),
                "secondary": secondary,
            }
            return live

        self._update("blocks.json", "blocks", change)
