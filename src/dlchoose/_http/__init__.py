"""The HTTP layer every dlchoose client shares (GitHub, the package index).

Session with urllib3 retries, user agent, per-request timeouts under an
overall deadline, offline mode, same-host redirects, body size and JSON
depth limits, a URL-keyed on-disk cache with revalidation, atomic and
locked JSON files, and redaction of secrets.  See ``docs/architecture.md``
and ``/work/handoff/http-api.md`` for the API.  Nothing here knows GitHub.
"""

from __future__ import annotations

from ._cache import CachedResponse, HttpCache, scope_for, token_fingerprint
from ._client import REDIRECTS, Auth, HttpClient, credential_for
from ._limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, parse_json
from ._reach import REMEMBER_FOR, ReachMemory, Unreachable
from ._redact import RedactingFilter, redact, register_secret, safe_header
from ._response import Deadline, Response
from ._session import new_session, user_agent
from ._store import (
    default_cache_dir,
    locked,
    read_json,
    sweep_temp_files,
    update_json,
    write_json,
)
from ._urls import (
    credentials_allowed,
    has_userinfo,
    is_loopback,
    origin,
    parse_url,
    require_credentials_allowed,
    require_valid_url,
    split_userinfo,
    strip_userinfo,
)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "REDIRECTS",
    "REMEMBER_FOR",
    "Auth",
    "CachedResponse",
    "Deadline",
    "HttpCache",
    "HttpClient",
    "ReachMemory",
    "RedactingFilter",
    "Response",
    "Unreachable",
    "credential_for",
    "credentials_allowed",
    "default_cache_dir",
    "has_userinfo",
    "is_loopback",
    "locked",
    "new_session",
    "origin",
    "parse_json",
    "parse_url",
    "read_json",
    "redact",
    "register_secret",
    "require_credentials_allowed",
    "require_valid_url",
    "safe_header",
    "scope_for",
    "split_userinfo",
    "strip_userinfo",
    "sweep_temp_files",
    "token_fingerprint",
    "update_json",
    "user_agent",
    "write_json",
]
