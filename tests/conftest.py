"""Shared fixtures.  Unit tests cannot reach the network: every socket may
connect to loopback only (127.0.0.0/8, ::1, Unix sockets), and names other
than localhost do not resolve.  Tests marked ``network`` are exempt."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import sys

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dlchoose._registry._lookup

from tests.hermetic import (
    MACHINE_VARIABLES,
    FrameworkFreePath,
    ProgramFreePath,
    gpu_free_host,
    hidden_names,
    hidden_programs,
    is_framework_finder,
    modules_using_host,
)


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class NetworkBlockedError(RuntimeError):
    """Raised when a unit test tries to leave the machine."""


@pytest.fixture(autouse=True)
def _loopback_only(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if request.node.get_closest_marker("network"):
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def _check(sock: socket.socket, address: Any) -> None:
        if sock.family == getattr(socket, "AF_UNIX", object()):
            return
        host = address[0] if isinstance(address, tuple) else address
        if not _is_loopback(host):
            raise NetworkBlockedError(
                f"unit tests may only connect to loopback, not {address!r}"
            )

    def connect(sock: socket.socket, address: Any) -> None:
        _check(sock, address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        _check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(
            host.decode() if isinstance(host, bytes) else host
        ):
            raise NetworkBlockedError(f"unit tests may not resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(autouse=True)
def _wide_plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CLI test depends on the terminal running it: a wide ``COLUMNS``
    (one line per row; tests of the fitted widths set their own) and no
    ``FORCE_COLOR``/``NO_COLOR`` from the runner or CI."""
    monkeypatch.setenv("COLUMNS", "1000")
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _isolated_user_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test sees the developer's cache, token or registry additions."""
    monkeypatch.setenv(
        "DLCHOOSE_CACHE_DIR", str(tmp_path_factory.mktemp("cache"))
    )
    for name in (
        "GITHUB_TOKEN",
        "GH_TOKEN",
        "DLCHOOSE_GITHUB_TOKEN",
        "DLCHOOSE_GITHUB_API_URL",
        "DLCHOOSE_OFFLINE",
    ):
        monkeypatch.delenv(name, raising=False)
    # The package index too: a closed loopback port, so a refresh that no
    # test points elsewhere fails fast and falls back to the snapshot (and
    # no test reads the developer's pip configuration's index).
    monkeypatch.setenv("DLCHOOSE_INDEX_URL", "http://127.0.0.1:9/simple/")
    monkeypatch.delenv("PIP_INDEX_URL", raising=False)
    dlchoose._registry._lookup.reset_registry()
    yield
    dlchoose._registry._lookup.reset_registry()


@pytest.fixture(scope="session")
def _framework_free(
    tmp_path_factory: pytest.TempPathFactory,
) -> FrameworkFreePath:
    return FrameworkFreePath(
        hidden_names(), tmp_path_factory.mktemp("site-mirrors")
    )


@pytest.fixture(scope="session")
def _program_free(
    tmp_path_factory: pytest.TempPathFactory,
) -> ProgramFreePath:
    return ProgramFreePath(
        hidden_programs(), tmp_path_factory.mktemp("path-mirrors")
    )


@pytest.fixture(scope="session")
def _no_gpu_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder standing for ``/``: no /proc, /sys or /dev."""
    return tmp_path_factory.mktemp("no-gpu-root")


@pytest.fixture
def _empty_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home folder with nothing installed in it (no ~/.m2, ~/.nuget,
    ~/.julia or ~/.keras), one per test so none leaks into the next."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture(autouse=True)
def _machine_hidden(
    _framework_free: FrameworkFreePath,
    _program_free: ProgramFreePath,
    _no_gpu_root: Path,
    _empty_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No test sees the frameworks installed beside it, in the home folder
    or through editable installs, nor this machine's GPU and its settings
    (tests/hermetic.py): each builds what it checks."""
    monkeypatch.setattr(sys, "path", _framework_free.of(sys.path))
    monkeypatch.setattr(
        sys,
        "meta_path",
        [
            finder
            for finder in sys.meta_path
            if not is_framework_finder(finder, _framework_free.hidden)
        ],
    )
    monkeypatch.setenv("HOME", str(_empty_home))
    monkeypatch.setenv(
        "PATH", _program_free.of(os.environ.get("PATH", os.defpath))
    )
    for variable in MACHINE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    host = gpu_free_host(_no_gpu_root)
    for module in modules_using_host():
        monkeypatch.setattr(module, "Host", host)


@pytest.fixture(name="default_signals")
def _default_signals() -> Iterator[None]:
    """SIGTERM, SIGHUP and SIGINT at Python's defaults for the test,
    whatever the runner inherited (``nohup`` ignores SIGHUP; a job a
    non-interactive shell starts in the background ignores SIGINT, so
    Python never installs its KeyboardInterrupt handler), restored after."""
    defaults: dict[signal.Signals, Any] = {
        signal.SIGTERM: signal.SIG_DFL,
        signal.SIGHUP: signal.SIG_DFL,
        signal.SIGINT: signal.default_int_handler,
    }
    saved = {
        signum: signal.signal(signum, handler)
        for signum, handler in defaults.items()
    }
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)
