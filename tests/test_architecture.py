"""The package's shape: dependencies point one way, without cycles.

``docs/architecture.md`` draws the same arrows.  Imports are read with
:mod:`ast` from the source files (module level and inside functions; not
``if TYPE_CHECKING:`` blocks, which never run), so a lazy import counts
like any other.
"""

from __future__ import annotations

import ast

from collections.abc import Iterator
from pathlib import Path


SRC = Path(__file__).parent.parent / "src"
PACKAGE = "dlchoose"

#: The small modules at the bottom that any capability may use.
LEAVES = frozenset(
    {"_choice", "_compat", "_sources", "_time", "exceptions", "py.typed"}
)

#: Capability -> the capabilities it may import (leaves always allowed).
ALLOWED: dict[str, frozenset[str]] = {
    "_registry": frozenset(),
    "_http": frozenset(),
    "_metrics": frozenset({"_registry", "_http"}),
    "_index": frozenset({"_registry", "_http"}),
    "_gpu": frozenset({"_registry", "_index"}),
    "_detect": frozenset({"_registry", "_gpu", "_index"}),
    "_recommend": frozenset({"_registry"}),
    "_cli": frozenset(),
}

#: The one module per capability allowed to reach further, and where.
SEAMS: dict[str, frozenset[str]] = {
    # recommend() gathers its defaults (snapshot, fresh figures, the
    # installed set, installability) here, and only here.
    f"{PACKAGE}._recommend._gather": frozenset(
        {"_metrics", "_detect", "_index", "_gpu"}
    ),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield other
                yield from _runtime_nodes(other)
            continue
        yield child
        yield from _runtime_nodes(child)


def _imports(path: Path) -> Iterator[tuple[str, str]]:
    """``(module, name)`` for each name *path* imports from dlchoose.

    ``import dlchoose.x`` yields ``("dlchoose.x", "")``.
    """
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    yield alias.name, ""
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop]
                target = ".".join(
                    [*base, *([node.module] if node.module else [])]
                )
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                # `from . import _x` imports a module: record it as one.
                as_module = f"{target}.{alias.name}"
                if _path_of(as_module) is not None:
                    yield as_module, ""
                else:
                    yield target, alias.name


def _path_of(module: str) -> Path | None:
    base = SRC.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _capability(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _graph() -> dict[str, list[tuple[str, str]]]:
    return {
        _module_name(path): list(_imports(path))
        for path in sorted((SRC / PACKAGE).rglob("*.py"))
    }


GRAPH = _graph()


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _violations() -> Iterator[str]:
    for module, imported in GRAPH.items():
        here = _capability(module)
        if here in {"", "__main__"}:
            continue  # the package re-exports lazily; __main__ runs the CLI
        if here in LEAVES:
            yield from _leaf_violations(module, imported)
        elif here == "_cli":
            yield from _cli_violations(module, imported)
        elif here not in ALLOWED:
            yield f"{module}: capability {here!r} is not in ALLOWED"
        else:
            yield from _capability_violations(module, imported)


def _capability_violations(
    module: str, imported: list[tuple[str, str]]
) -> Iterator[str]:
    here = _capability(module)
    allowed = ALLOWED[here] | SEAMS.get(module, frozenset())
    for target, name in imported:
        there = _capability(target)
        if there == here or there in LEAVES:
            continue
        if there not in allowed:
            yield f"{module} imports {target} ({here} may not use {there})"
        elif _private(name):
            yield f"{module} imports the private name {target}.{name}"


def _cli_violations(
    module: str, imported: list[tuple[str, str]]
) -> Iterator[str]:
    for target, name in imported:
        there = _capability(target)
        if there not in {"", "_cli", "exceptions"} or _private(name):
            yield f"{module} uses {target}:{name} (the CLI uses the public API)"


def _leaf_violations(
    module: str, imported: list[tuple[str, str]]
) -> Iterator[str]:
    for target, _ in imported:
        if _capability(target) not in LEAVES:
            yield f"{module} is a leaf but imports {target}"


def _cycles() -> list[list[str]]:
    edges = {
        module: sorted(
            {
                target
                for target, _ in imported
                if target in GRAPH and target != module
            }
        )
        for module, imported in GRAPH.items()
        # The package re-exports everything lazily; counting it would make
        # every `from .. import x` in the CLI a cycle.
        if module != PACKAGE
    }
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in edges.get(module, ()):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in edges:
        if module not in state:
            visit(module)
    return found


class TestArchitecture:
    def test_the_graph_is_read(self):
        """The import reader finds the package's own imports."""
        assert ("dlchoose._registry._model", "Framework") in GRAPH[
            "dlchoose._registry._catalog"
        ]

    def test_no_import_cycles(self):
        """No module imports itself back through others, lazily or not."""
        assert [] == _cycles()

    def test_dependencies_point_one_way(self):
        """Capabilities import only those below them, and no private names."""
        assert [] == sorted(_violations())

    def test_relative_imports_resolve(self):
        """Relative imports resolve against the importing module's package."""
        assert ("dlchoose._time", "utc_now") in GRAPH[
            "dlchoose._metrics._cache"
        ]
        assert ("dlchoose.exceptions", "DlchooseError") in GRAPH[
            "dlchoose._cli"
        ]
