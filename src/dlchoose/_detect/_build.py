"""Which accelerator a wheel was built for, from its metadata alone.

In order: the version's local label (``+cu121``, ``+rocm6.2``, ``+cpu``),
the distribution's name (``tensorflow-cpu``, ``mxnet-cu112``), and the
CUDA runtime a default Linux wheel requires (``nvidia-cuda-runtime-cu12
==12.4.127``).


Patterns are kept as strings and compiled on first use (by :mod:`re`'s
own cache), and only tried on text holding the literal part every match
needs, so a fresh process compiles none for a plain ``2.13.0`` or
``torch``.
"""

from __future__ import annotations

import re

from typing import Final

from ._listing import canonical_name
from ._metadata import MetadataFiles, requires
from ._model import DistributionRecord, version_facts


__all__ = ["build_of"]

#: (text every match starts with, pattern, template)
_LOCAL_BUILD: Final = (
    (("cu",), r"^cu(\d+?)(\d)$", "cuda {0}.{1}"),
    (("cuda",), r"^cuda(\d+)(?:\.(\d+))?", "cuda {0}"),
    (("rocm",), r"^rocm(\d+(?:\.\d+)*)$", "rocm {0}"),
    (("cpu", "xpu"), r"^(cpu|xpu)$", "{0}"),
)
#: (text every match contains, pattern, template)
_NAME_BUILD: Final = (
    ("-cu", r"-cu(\d+?)(\d)$", "cuda {0}.{1}"),
    ("-cpu", r"-(cpu)$", "{0}"),
    ("-rocm", r"-(rocm)$", "{0}"),
    ("-gpu", r"-gpu$", "gpu"),
)
_CUDA_RUNTIME: Final = r"^nvidia-cuda-runtime(?:-cu(\d+))?$"
#: The specifier that tells the CUDA version, most telling first.
_PIN_OPERATORS: Final = ("===", "==", "~=", ">=", ">")
_QUOTED: Final = r"\"[^\"]*\"|'[^']*'"
#: The plain spelling every CUDA wheel uses (``nvidia-cuda-runtime-cu12
#: ==12.4.127; platform_system == "Linux"``), read without importing
#: ``packaging.requirements``: through ``packaging.markers`` and
#: ``packaging.tags`` it imports ``subprocess`` and costs the fast path more
#: than all its own work.  Anything else goes to packaging.
_ONE_SPEC: Final = (
    r"(?:(?:==|!=)\s*\d+(?:\.\d+)*(?:\.\*)?"  # wildcards only here
    r"|~=\s*\d+(?:\.\d+)+"  # at least two parts
    r"|(?:>=|<=|<|>)\s*\d+(?:\.\d+)*)"
)
_PLAIN: Final = (
    r"nvidia[-_.]cuda[-_.]runtime(?:[-_.]cu(?P<major>\d+))?\s*"
    rf"(?P<specs>(?:{_ONE_SPEC}(?:\s*,\s*{_ONE_SPEC})*)?)\s*"
    r"(?:;(?P<marker>.*))?"
)
_SPEC: Final = r"(===|==|~=|>=|<=|!=|<|>)\s*(\d+(?:\.\d+)*)"


def _plain_cuda_requirement(line: str) -> tuple[bool, str | None]:
    """Whether the line is plainly spelt, and then the CUDA version it
    names (``None``: none, or only for an extra)."""
    match = re.fullmatch(_PLAIN, line.strip(), re.IGNORECASE)
    if match is None:
        return False, None
    marker = match["marker"]
    if marker is not None and _names_extra(marker):
        return True, None
    pins = sorted(
        (
            (operator, version)
            for operator, version in re.findall(_SPEC, match["specs"])
            if operator in _PIN_OPERATORS
        ),
        key=lambda pin: _PIN_OPERATORS.index(pin[0]),
    )
    if pins:
        return True, ".".join(pins[0][1].split(".")[:2])
    return True, match["major"]


def _names_extra(marker: str) -> bool:
    return re.search(r"\bextra\b", re.sub(_QUOTED, "", marker)) is not None


def cuda_requirement(line: str) -> str | None:
    """The CUDA version an unconditional CUDA runtime requirement names.

    A requirement that only applies to an extra (TensorFlow's
    ``nvidia-cuda-runtime-cu12 == 12.5.82; extra == "and-cuda"``) says
    nothing about the installed build and is ignored.
    """
    if not line.lower().replace("_", "-").startswith("nvidia-cuda-runtime"):
        return None  # parse only the few lines that can matter
    plain, version = _plain_cuda_requirement(line)
    if plain:
        return version
    return parsed_cuda_requirement(line)


def parsed_cuda_requirement(line: str) -> str | None:
    """:func:`cuda_requirement` read by packaging (any spelling)."""
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return None
    match = re.match(_CUDA_RUNTIME, canonical_name(requirement.name))
    marker = requirement.marker
    if match is None or (marker is not None and _names_extra(str(marker))):
        return None
    pins = sorted(
        (s for s in requirement.specifier if s.operator in _PIN_OPERATORS),
        key=lambda s: _PIN_OPERATORS.index(s.operator),
    )
    for spec in pins:
        number = re.match(r"\d+(?:\.\d+)?", spec.version)
        if number:
            return number[0]
    return match[1]


def _from_label(version: str) -> str | None:
    _, _, local = version_facts(version)
    if not local:
        return None
    label = local if "rocm" in local else local.split(".", 1)[0]
    for prefixes, pattern, template in _LOCAL_BUILD:
        match = label.startswith(prefixes) and re.match(pattern, label)
        if match:
            groups = [g for g in match.groups() if g is not None]
            return template.format(*groups)
    return None


def _from_name(name: str) -> str | None:
    for needle, pattern, template in _NAME_BUILD:
        match = needle in name and re.search(pattern, name)
        if match:
            return template.format(*match.groups())
    return None


def build_of(
    record: DistributionRecord, files: MetadataFiles
) -> tuple[str | None, str]:
    """The accelerator build and where that came from."""
    build = _from_label(record.version)
    if build:
        return build, "the version's local label"
    build = _from_name(record.name)
    if build:
        return build, "the distribution name"
    for requirement in requires(files):
        version = cuda_requirement(requirement)
        if version:
            return f"cuda {version}", "its CUDA runtime requirement"
    return None, ""
