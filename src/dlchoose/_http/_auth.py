"""``Authorization`` as a requests auth object (imports requests)."""

from __future__ import annotations

import requests.auth


__all__ = ["BearerAuth", "HeaderAuth"]


class HeaderAuth(requests.auth.AuthBase):
    """Sets ``Authorization`` to a full header value (any scheme).  An auth
    object, so ``~/.netrc`` cannot replace it and requests drops it on
    cross-host redirects."""

    def __init__(self, value: str) -> None:
        self._value = value

    def __call__(
        self, request: requests.PreparedRequest
    ) -> requests.PreparedRequest:
        request.headers["Authorization"] = self._value
        return request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<redacted>)"


class BearerAuth(HeaderAuth):
    """Adds ``Authorization: Bearer <token>``."""

    def __init__(self, token: str) -> None:
        super().__init__(f"Bearer {token}")
