"""The unit-test network guard itself."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkBlockedError


class TestLoopbackOnly:
    def test_public_address_refused(self):
        """Connecting to a public address fails before any packet leaves."""
        with socket.socket() as sock, pytest.raises(NetworkBlockedError):
            sock.connect(("192.0.2.1", 443))

    def test_name_resolution_refused(self):
        """Resolving a public host name fails."""
        with pytest.raises(NetworkBlockedError):
            socket.getaddrinfo("api.github.com", 443)

    def test_loopback_allowed(self):
        """A loopback server can be reached."""
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            with socket.socket() as client:
                assert 0 == client.connect_ex(server.getsockname())
