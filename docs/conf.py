"""Sphinx configuration for dlchoose's documentation."""

from __future__ import annotations

from importlib import metadata
from typing import Any


project = "dlchoose"
author = "The dlchoose developers"
copyright = "2026, The dlchoose developers"
release = metadata.version("dlchoose")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"dlchoose {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True

# No intersphinx: the build must work offline (CI has no internet).
# Nitpicky mode checks our own cross-references; standard-library and
# third-party types have no local inventory in an offline build.
_STDLIB_AND_THIRD_PARTY = (
    r"(datetime|date|pathlib|collections|typing|enum|argparse|fractions"
    r"|decimal|requests|urllib3|attrs?|packaging|os|types)(\..*)?"
)
_TYPING_NAMES = (
    r"(Any|Final|Iterable|Iterator|Mapping|Sequence|Callable|Path|Fraction"
    r"|Self|TypeVar|Literal|ClassVar|NoneType)"
)
_BUILTINS = (
    r"(str|int|float|bool|bytes|dict|list|tuple|set|object|None|type"
    r"|frozenset|Exception|ValueError|LookupError|TypeError)"
)
nitpick_ignore_regex = [
    (r"py:.*", _STDLIB_AND_THIRD_PARTY),
    (r"py:.*", _TYPING_NAMES),
    (r"py:class", _BUILTINS),
    (r"py:.*", r"dlchoose\._.*"),
    (r"py:class", r"_?[A-Z]\w*"),
]

doctest_global_setup = """
import dlchoose
"""


# The API page: functions first, then classes, generated from __all__ --------

#: The main jobs, in the order a reader meets them; the rest alphabetical.
_FIRST_FUNCTIONS = (
    "recommend",
    "compatibility",
    "detect",
    "diagnose",
    "gpu",
    "gpu_fit",
    "fetch_metrics",
    "frameworks",
    "get_framework",
)
_API_MARK = "<!-- api-listing -->"


def _public_names() -> tuple[list[str], list[str]]:
    """dlchoose's public functions (main jobs first) and classes."""
    import inspect

    import dlchoose

    objects = {name: getattr(dlchoose, name) for name in dlchoose.__all__}
    classes = sorted(n for n, o in objects.items() if inspect.isclass(o))
    functions = sorted(
        (n for n, o in objects.items() if callable(o) and n not in classes),
        key=lambda n: (
            _FIRST_FUNCTIONS.index(n)
            if n in _FIRST_FUNCTIONS
            else len(_FIRST_FUNCTIONS),
            n,
        ),
    )
    return functions, classes


def api_listing() -> str:
    """The Markdown that replaces the mark on the API page."""
    functions, classes = _public_names()
    parts = ["## Functions", "", "```{eval-rst}"]
    parts += [f".. autofunction:: dlchoose.{name}\n" for name in functions]
    parts += ["```", "", "## Classes", "", "```{eval-rst}"]
    parts += [
        f".. autoclass:: dlchoose.{name}\n"
        "   :members:\n"
        "   :undoc-members:\n"
        "   :show-inheritance:\n"
        for name in classes
    ]
    parts += ["```", ""]
    return "\n".join(parts)


def _fill_api_page(_app: Any, docname: str, source: list[str]) -> None:
    if docname == "api":
        source[0] = source[0].replace(_API_MARK, api_listing())


def _attrs_signature(
    _app: Any,
    what: str,
    _name: str,
    obj: object,
    _options: Any,
    _signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """An attrs class's constructor as a reader writes it: field names and
    plain defaults, not ``attr_dict['x'].default`` or ``NOTHING``."""
    import attrs

    if what != "class" or not isinstance(obj, type) or not attrs.has(obj):
        return None
    fields = [f for f in attrs.fields(obj) if f.init]
    keyword_only = bool(fields) and all(f.kw_only for f in fields)
    shown = [_parameter(f) for f in fields]
    if keyword_only:
        shown.insert(0, "*")
    return f"({', '.join(shown)})", return_annotation


def _parameter(field: Any) -> str:
    import attrs

    name = str(field.alias)
    default = field.default
    if default is attrs.NOTHING:
        return name
    if isinstance(default, attrs.Factory):
        if default.factory in {tuple, list, dict, set, frozenset}:
            return f"{name}={default.factory()!r}"
        return f"{name}=..."
    return f"{name}={_shown(default)}"


def _shown(value: object) -> str:
    """A default as source code writes it: ``Support.UNKNOWN``, a
    function's name, else its repr."""
    import enum

    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if callable(value) and hasattr(value, "__name__"):
        return str(value.__name__)
    return repr(value)


def setup(app: Any) -> None:
    app.connect("source-read", _fill_api_page)
    app.connect("autodoc-process-signature", _attrs_signature)
