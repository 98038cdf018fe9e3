"""Which package index to ask: the one pip would use here.

In order: the ``index_url`` argument (``--index-url``), then
``DLCHOOSE_INDEX_URL``, then pip's own ``PIP_INDEX_URL``, then ``index-url``
from pip's configuration files (``[install]`` over ``[global]``; the files
pip reads on Linux, macOS and Windows, later ones overriding earlier ones,
``PIP_CONFIG_FILE`` last, and none when ``PIP_CONFIG_FILE`` is
``os.devnull``), else the public index.  ``extra-index-url`` and
``find-links`` are not read: dlchoose answers for the one primary index.
"""

from __future__ import annotations

import os
import sys

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final, NamedTuple


__all__ = ["PUBLIC_INDEX", "IndexLocation", "resolve_index"]

PUBLIC_INDEX: Final = "https://pypi.org/simple/"


class IndexLocation(NamedTuple):
    """The index to ask and where that choice came from.

    ``url`` keeps any credentials and is never shown (``repr`` leaves it
    out); ``shown`` is the same URL without them.  ``origin`` is
    ``"argument"``, ``"DLCHOOSE_INDEX_URL"``, ``"PIP_INDEX_URL"``, a
    configuration file's path, or ``"default"``.  ``problem`` says why a
    configured URL cannot be used (it does not parse): the index is then
    not asked, and the snapshot answers with that note.
    """

    url: str
    shown: str
    origin: str
    problem: str | None = None

    def __repr__(self) -> str:
        return f"IndexLocation(shown={self.shown!r}, origin={self.origin!r})"

    @property
    def is_http(self) -> bool:
        return self.url.lower().startswith(("https://", "http://"))


def _config_files(environ: Mapping[str, str]) -> Iterator[Path]:
    """pip's configuration files, lowest precedence first."""
    explicit = environ.get("PIP_CONFIG_FILE")
    if explicit == os.devnull:
        return
    home = Path.home()
    if sys.platform == "win32":  # pragma: no cover - Windows paths
        program_data = environ.get("PROGRAMDATA", r"C:\ProgramData")
        yield Path(program_data) / "pip" / "pip.ini"
        appdata = environ.get("APPDATA", str(home))
        yield home / "pip" / "pip.ini"
        yield Path(appdata) / "pip" / "pip.ini"
        yield Path(sys.prefix) / "pip.ini"
    else:
        xdg_dirs = environ.get("XDG_CONFIG_DIRS", "/etc/xdg")
        for folder in reversed(xdg_dirs.split(os.pathsep)):
            if folder:
                yield Path(folder) / "pip" / "pip.conf"
        yield Path("/etc/pip.conf")
        yield home / ".pip" / "pip.conf"
        if sys.platform == "darwin":  # pragma: no cover - macOS path
            yield home / "Library" / "Application Support" / "pip" / "pip.conf"
        config_home = environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        yield Path(config_home) / "pip" / "pip.conf"
        yield Path(sys.prefix) / "pip.conf"
    if explicit:
        yield Path(explicit)


def _index_from_file(path: Path) -> str | None:
    import configparser

    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    for section in ("install", "global"):
        value = parser.get(section, "index-url", fallback=None)
        if value is None:
            value = parser.get(section, "index_url", fallback=None)
        if value and value.strip():
            return value.strip()
    return None


def _from_pip_config(environ: Mapping[str, str]) -> tuple[str, str] | None:
    found = None
    for path in _config_files(environ):
        if path.is_file():
            url = _index_from_file(path)
            if url is not None:
                found = (url, str(path))
    return found


def _normalised(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def resolve_index(
    index_url: str | None = None, environ: Mapping[str, str] | None = None
) -> IndexLocation:
    """The index pip would use, overridden by *index_url* when given.

    A bad *index_url* is the caller's mistake: :class:`ValueError` (its
    message never shows a password).  A bad URL from the environment or
    pip's configuration is not: the location carries a ``problem``.
    """
    env = os.environ if environ is None else environ
    chosen: tuple[str, str] | None = None
    if index_url is not None:
        chosen = (check_index_url(index_url), "argument")
    else:
        for variable in ("DLCHOOSE_INDEX_URL", "PIP_INDEX_URL"):
            value = env.get(variable, "").strip()
            if value:
                chosen = (value.split()[0], variable)
                break
        else:
            chosen = _from_pip_config(env) or (PUBLIC_INDEX, "default")
    url, origin = _normalised(chosen[0]), chosen[1]
    shown = _shown(url)
    problem = _unparsable(url)
    if problem is not None:
        # Fail closed: the raw URL (and any password in it) is dropped.
        return IndexLocation(
            url=shown, shown=shown, origin=origin, problem=problem
        )
    return IndexLocation(url=url, shown=shown, origin=origin)


def check_index_url(index_url: object) -> str:
    """*index_url* stripped, or :class:`TypeError`/:class:`ValueError` when
    it is not a non-empty URL that parses (also argparse's ``type=``)."""
    if not isinstance(index_url, str):
        raise TypeError(f"index_url must be a str, not {index_url!r:.40}")
    if not index_url.strip():
        raise ValueError("index_url must be a non-empty URL")
    problem = _unparsable(index_url.strip())
    if problem is not None:
        raise ValueError(f"index_url {problem}")
    return index_url.strip()


def _unparsable(url: str) -> str | None:
    """Why *url* cannot be used as an index URL, or ``None``."""
    from .._http import parse_url

    try:
        parts = parse_url(url)
    except ValueError:
        return f"does not parse (host or port): {_shown(url)!r}"
    if parts.scheme and not parts.netloc and parts.scheme != "file":
        return f"has no host: {_shown(url)!r}"
    return None


def _shown(url: str) -> str:
    """*url* without credentials; the HTTP layer loads only when needed.

    Fails closed: any ``@`` counts, even where the port does not parse.
    """
    if "@" not in url:
        return url
    from .._http import strip_userinfo

    return strip_userinfo(url)
