"""Framework definitions from JSON or TOML files and plain dicts.

A file holds either a list of entries or an object with a ``frameworks``
list (TOML: ``[[frameworks]]`` tables).  Each entry uses the same field
names as :meth:`Framework.to_dict`; ``sources`` maps a fact to a list of
``{title, url, date}`` objects.  Every problem is reported as an
:class:`~dlchoose.exceptions.InvalidFrameworkError` naming the file, the
entry and the field.
"""

from __future__ import annotations

import errno
import json
import re
import stat
import sys

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from .._sources import as_date
from ..exceptions import InvalidFrameworkError
from ._model import (
    Deployment,
    Framework,
    GpuBackend,
    GraphStyle,
    Release,
    Source,
    Status,
    Support,
)


__all__ = ["framework_from_dict", "read_framework_file"]

_FIELDS: Final = attrs.fields_dict(Framework)
_LIST_FIELDS: Final = frozenset(
    name
    for name, field in _FIELDS.items()
    if str(field.type).startswith("tuple") and name != "sources"
)
_ENUM_FIELDS: Final[dict[str, type[Status | Support | GraphStyle]]] = {
    "status": Status,
    "graph_style": GraphStyle,
    "autodiff": Support,
    "distributed": Support,
    "cnn": Support,
    "rnn": Support,
}
_ENUM_LIST_FIELDS: Final[dict[str, type[GpuBackend | Deployment]]] = {
    "gpu_backends": GpuBackend,
    "deployment": Deployment,
}
_TEXT_FIELDS: Final = (
    frozenset(
        name for name, field in _FIELDS.items() if "str" in str(field.type)
    )
    - _LIST_FIELDS
)


def read_framework_file(path: str | Path) -> tuple[Framework, ...]:
    """Parse every entry of a JSON or TOML file into a :class:`Framework`."""
    path = Path(path)
    shown = str(path)
    try:
        raw = _read_regular_file(path)
    except OSError as err:
        raise InvalidFrameworkError(
            path=shown, entry="*", field=None, reason=f"cannot read: {err}"
        ) from err
    try:
        data = _parse(path, raw)
    except ValueError as err:
        raise InvalidFrameworkError(
            path=shown, entry="*", field=None, reason=f"not valid: {err}"
        ) from err
    except RecursionError as err:
        raise InvalidFrameworkError(
            path=shown, entry="*", field=None, reason="nested too deeply"
        ) from err
    if isinstance(data, Mapping):
        data = data.get("frameworks")
    if not isinstance(data, list):
        raise InvalidFrameworkError(
            path=shown,
            entry="*",
            field=None,
            reason="expected a list of frameworks or a 'frameworks' list",
        )
    return tuple(
        framework_from_dict(entry, path=shown, position=i)
        for i, entry in enumerate(data)
    )


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes; a FIFO, device or directory is refused before it
    is opened (opening a FIFO would wait for a writer forever)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return path.read_bytes()


def _parse(path: Path, raw: bytes) -> Any:
    if path.suffix.lower() == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - only on 3.10
            import tomli as tomllib
        return tomllib.loads(raw.decode("utf-8"))
    return json.loads(raw)


def framework_from_dict(
    data: object, *, path: str | None = None, position: int = 0
) -> Framework:
    """Build a :class:`Framework` from a dict shaped like ``to_dict()``."""
    if not isinstance(data, Mapping):
        raise InvalidFrameworkError(
            path=path,
            entry=f"#{position}",
            field=None,
            reason=f"expected an object, got {type(data).__name__}",
        )
    entry = str(data.get("key") or f"#{position}")

    def fail(field: str | None, reason: str) -> InvalidFrameworkError:
        return InvalidFrameworkError(
            path=path, entry=entry, field=field, reason=reason
        )

    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise fail(
            unknown[0],
            f"unknown field; valid fields: {', '.join(sorted(_FIELDS))}",
        )
    for required in ("key", "name", "status"):
        if required not in data:
            raise fail(required, "missing required field")

    kwargs: dict[str, Any] = {}
    name = ""
    try:
        for name, value in data.items():
            kwargs[name] = _convert(name, value)
    except (TypeError, ValueError, KeyError) as err:
        raise fail(name, _reason(err)) from err
    try:
        return Framework(**kwargs)
    except (TypeError, ValueError) as err:
        raise fail(_field_of(err), _reason(err)) from err


def _convert(name: str, value: Any) -> Any:
    """Turn one JSON/TOML value into what the Framework field takes."""
    if value is None:
        return None
    special = _CONVERTERS.get(name)
    if special is not None:
        return special(value)
    if name in _ENUM_FIELDS:
        return _ENUM_FIELDS[name].parse(value)
    if name in _ENUM_LIST_FIELDS:
        parse = _ENUM_LIST_FIELDS[name].parse
        return tuple(parse(item) for item in _strings(value))
    if name in _LIST_FIELDS:
        return _strings(value)
    if name in _TEXT_FIELDS and not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(
        isinstance(item, str) for item in value
    ):
        raise TypeError("expected a list of strings")
    return tuple(value)


def _release(value: Any) -> Release:
    if not isinstance(value, Mapping):
        raise TypeError("expected an object with 'version' and 'date'")
    per_python = value.get("per_python", [])
    if not isinstance(per_python, list) or not all(
        isinstance(entry, Mapping) for entry in per_python
    ):
        raise TypeError("expected 'per_python' to be a list of objects")
    _strings(value.get("yanked", []))
    return Release.from_dict(value)


def _source_lists(value: Any) -> dict[str, tuple[Source, ...]]:
    if not isinstance(value, Mapping):
        raise TypeError("expected an object mapping facts to sources")
    return {
        fact: tuple(Source.from_dict(s) for s in _sequence(srcs))
        for fact, srcs in value.items()
    }


def _sequence(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list of sources")
    return value


def _year(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a year as an integer")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


_CONVERTERS: Final[dict[str, Callable[[Any], Any]]] = {
    "latest_release": _release,
    "status_date": as_date,
    "sources": _source_lists,
    "first_release": _year,
    "inference_only": _flag,
}


def _reason(err: BaseException) -> str:
    if isinstance(err, KeyError):
        return f"missing {err.args[0]!r}"
    return str(err)


def _field_of(err: BaseException) -> str | None:
    """The field an attrs validator complained about.

    Most validators pass the attribute as the second argument; the
    comparison validators only name it, quoted, at the start of the message.
    """
    args = err.args
    if len(args) > 1 and isinstance(args[1], attrs.Attribute):
        return args[1].name
    match = re.match(r"'(\w+)'", str(err))
    if match and match[1] in _FIELDS:
        return match[1]
    return None
