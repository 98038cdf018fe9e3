"""Write :mod:`._known_data` from the catalog.

Run ``python -m dlchoose._detect._known_write`` after changing a
framework's distributions, import names, programs, Maven groups, Cargo
crates, npm, NuGet or Julia packages, key, name, aliases or repositories;
``tests/test_detect_known.py`` fails until then.
"""

from __future__ import annotations

import json

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from .._registry._model import Framework


__all__ = ["TARGET", "frameworks_rows", "names_table", "render", "write"]

TARGET = Path(__file__).with_name("_known_data.py")

#: One row per framework: the arguments of ``KnownFramework``.
Row = tuple[
    str,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]

_HEADER = '''\
"""The catalog's detection facts and names (generated: do not edit).

Written by ``python -m dlchoose._detect._known_write`` from the catalog;
``tests/test_detect_known.py`` fails when this copy drifts from it.  A
Python literal rather than JSON: loading it from bytecode costs nothing,
where ``json`` and ``importlib.resources`` would cost the fast path more
than the detection itself.
"""

from __future__ import annotations

from typing import Final


# fmt: off
'''


def frameworks_rows(frameworks: Iterable[Framework]) -> tuple[Row, ...]:
    """The detection facts of *frameworks*, in their order."""
    return tuple(
        (
            f.key,
            f.distributions,
            f.import_names,
            f.programs,
            f.maven_groups,
            f.cargo_crates,
            f.npm_packages,
            f.nuget_packages,
            f.julia_packages,
        )
        for f in frameworks
    )


def names_table(frameworks: Iterable[Framework]) -> dict[str, str]:
    """Every name of *frameworks*, folded as the registry compares them
    (stripped, case-folded), mapped to the framework's key."""
    return {
        name.strip().casefold(): f.key
        for f in frameworks
        for name in f.names()
    }


def _literal(value: str | tuple[str, ...]) -> str:
    """*value* as Python source with double quotes, as ruff writes it."""
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a Python string
    items = ", ".join(_literal(item) for item in value)
    return f"({items},)" if len(value) == 1 else f"({items})"


def render(frameworks: Iterable[Framework]) -> str:
    """The text of :mod:`._known_data` for *frameworks*."""
    chosen = tuple(frameworks)
    lines = [_HEADER, "FRAMEWORKS: Final = ("]
    lines += [
        "    (" + ", ".join(_literal(fact) for fact in row) + "),"
        for row in frameworks_rows(chosen)
    ]
    lines += [")", "", "NAMES: Final = {"]
    lines += [
        f"    {_literal(name)}: {_literal(key)},"
        for name, key in sorted(names_table(chosen).items())
    ]
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


def write(target: Path = TARGET) -> Path:
    """Write the catalog's facts to *target*."""
    from .._registry._lookup import frameworks

    target.write_text(render(frameworks()), encoding="utf-8")
    return target


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    print(f"wrote {write()}")  # noqa: T201 - the command's one line
