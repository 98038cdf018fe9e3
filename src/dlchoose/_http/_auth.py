"""``Authorization: Bearer`` as a requests auth object (imports requests)."""

from __future__ import annotations

import requests.auth


__all__ = ["BearerAuth"]


class BearerAuth(requests.auth.AuthBase):
    """Adds ``Authorization: Bearer``.  An auth object, so ``~/.netrc``
    cannot replace it and requests drops it on cross-host redirects."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(
        self, request: requests.PreparedRequest
    ) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"
