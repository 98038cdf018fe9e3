"""The on-disk cache of repository figures and of rate-limit blocks.

Layout under the cache directory (``DLCHOOSE_CACHE_DIR``, else the
platform's user cache directory)::

    github/
      entries/<sha256>.json   one repository's figures + REST validators
      aliases.json            renamed repository -> canonical name
      blocks.json             "do not call GitHub before ..." per scope

Entry keys are hashes of (API URL, token fingerprint, repository); the
fingerprint is a truncated SHA-256 of the token, so neither the token nor
anything that reveals it is ever written.  Every write goes to a temporary
file in the same directory and is moved into place with :func:`os.replace`;
a file that cannot be read or parsed counts as missing and is replaced on
the next write.  Failing to write is logged and otherwise ignored: the
cache saves requests, it never decides whether a fetch succeeds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

import attrs

from .._time import iso, parse_time, utc_now
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


def default_cache_dir() -> Path:
    """``DLCHOOSE_CACHE_DIR``, else the platform's user cache directory.

    Linux and other Unixes: ``$XDG_CACHE_HOME/dlchoose`` or
    ``~/.cache/dlchoose``; macOS: ``~/Library/Caches/dlchoose``; Windows:
    ``%LOCALAPPDATA%\\dlchoose\\Cache``.
    """
    explicit = os.environ.get("DLCHOOSE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":  # pragma: no cover - platform specific
        base = os.environ.get("LOCALAPPDATA") or str(
            Path.home() / "AppData" / "Local"
        )
        return Path(base) / "dlchoose" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - platform specific
        return Path.home() / "Library" / "Caches" / "dlchoose"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "dlchoose"
    return Path.home() / ".cache" / "dlchoose"


def token_fingerprint(token: str | None) -> str:
    """``anon``, or the first 16 hex digits of the token's SHA-256."""
    if not token:
        return "anon"
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


@attrs.frozen(kw_only=True)
class CacheEntry:
    """One repository's cached figures and the validators that revalidate
    them (REST only: GraphQL has no HTTP caching)."""

    metrics: RepoMetrics
    stored_at: datetime
    etag_repo: str | None = None
    etag_release: str | None = None

    def fresh(self, ttl: timedelta, now: datetime | None = None) -> bool:
        """Whether the entry is younger than *ttl*."""
        return (now or utc_now()) - self.stored_at < ttl


def _write_json(path: Path, document: Mapping[str, Any]) -> None:
    """Write atomically: a temporary file beside *path*, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def _read_json(path: Path) -> dict[str, Any] | None:
    """The object stored in *path*, or ``None`` if missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        log.warning("ignoring unreadable cache file %s: %s", path, err)
        return None
    try:
        document = json.loads(text)
    except ValueError:
        log.warning("ignoring corrupt cache file %s", path)
        return None
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        log.warning("ignoring cache file %s in an unknown format", path)
        return None
    return document


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
        return f"{api_url.rstrip('/')}|{token_fingerprint(token)}"

    @property
    def _root(self) -> Path:
        return self.directory / "github"

    def _entry_path(self, scope: str, repo: str) -> Path:
        key = f"{scope}|{repo.casefold()}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self._root / "entries" / f"{digest}.json"

    def _write(self, path: Path, document: Mapping[str, Any]) -> None:
        try:
            _write_json(path, document)
        except OSError as err:
            log.warning("cannot write cache file %s: %s", path, err)

    # -- figures ------------------------------------------------------

    def get(self, scope: str, repo: str) -> CacheEntry | None:
        """The entry for *repo* (any case), fresh or not, or ``None``.

        An entry whose storage time is missing, unparsable or lacks an
        offset counts as missing: its age is unknown, so it is refetched
        and rewritten rather than trusted forever.
        """
        document = _read_json(self._entry_path(scope, repo))
        if document is None:
            return None
        stored_at = parse_time(document.get("stored_at"), naive=False)
        if stored_at is None:
            log.warning("ignoring cache entry for %s of unknown age", repo)
            return None
        try:
            return CacheEntry(
                metrics=RepoMetrics.from_dict(document["metrics"]),
                stored_at=stored_at,
                etag_repo=document.get("etag_repo"),
                etag_release=document.get("etag_release"),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            log.warning("ignoring malformed cache entry for %s", repo)
            return None

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
        """Renamed repositories seen on *api_url*: old (folded) -> new."""
        document = _read_json(self._root / "aliases.json") or {}
        found = document.get("aliases", {}).get(api_url.rstrip("/"), {})
        if not isinstance(found, dict):
            return {}
        return {str(k): str(v) for k, v in found.items()}

    def add_alias(self, api_url: str, old: str, new: str) -> None:
        path = self._root / "aliases.json"
        document = _read_json(path) or {}
        aliases = document.get("aliases")
        if not isinstance(aliases, dict):
            aliases = {}
        host = aliases.get(api_url.rstrip("/"))
        if not isinstance(host, dict):
            host = {}
        host[old.casefold()] = new
        aliases[api_url.rstrip("/")] = host
        self._write(path, {"format": _FORMAT, "aliases": aliases})

    # -- rate-limit blocks --------------------------------------------

    def blocked_until(
        self, scope: str, resource: str, now: datetime | None = None
    ) -> tuple[datetime, bool] | None:
        """``(reset, secondary)`` while *resource* (or everything) is
        blocked for *scope*; ``None`` when calls may go out."""
        now = now or utc_now()
        document = _read_json(self._root / "blocks.json") or {}
        blocks = document.get("blocks", {})
        if not isinstance(blocks, dict):
            return None
        found: tuple[datetime, bool] | None = None
        for name in (resource, "*"):
            block = blocks.get(f"{scope}|{name}")
            if not isinstance(block, dict):
                continue
            until = parse_time(block.get("until"), naive=False)
            if until is not None and until > now:
                secondary = bool(block.get("secondary"))
                if found is None or until > found[0]:
                    found = (until, secondary)
        return found

    def block(
        self,
        scope: str,
        resource: str,
        until: datetime,
        *,
        secondary: bool = False,
    ) -> None:
        """Remember not to call GitHub for *resource* before *until*."""
        path = self._root / "blocks.json"
        document = _read_json(path) or {}
        blocks = document.get("blocks")
        if not isinstance(blocks, dict):
            blocks = {}
        now = utc_now()
        # Forget blocks that have expired.
        blocks = {
            key: value
            for key, value in blocks.items()
            if isinstance(value, dict)
            and (parse_time(value.get("until"), naive=False) or now) > now
        }
        blocks[f"{scope}|{resource}"] = {
            "until": iso(until),
            "secondary": secondary,
        }
        self._write(path, {"format": _FORMAT, "blocks": blocks})
