"""Sphinx configuration for dlchoose's documentation."""

from __future__ import annotations

from importlib import metadata


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
