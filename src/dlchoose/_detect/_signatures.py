"""The doctor's catalog: known ways an installed framework fails.

Each :class:`Signature` is data: a code, the public source it comes from,
the cause and the fix as templates, and (for failures recognised from
their text) the patterns that match the error a probe child recorded.
Signatures without patterns are found by the doctor's checks of metadata,
variables and machine facts; they live here so that every diagnosis,
however it was found, cites its source from one table.

Templates are filled from the facts the doctor gathered (``{name}``,
``{version}``, ``{numpy}``…); a fact that is missing reads ``unknown``,
so a template never raises.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

import attrs

from .._sources import Source


__all__ = [
    "CATALOG",
    "TEXT_SIGNATURES",
    "Signature",
    "fill",
    "match_text",
    "normalise",
    "signature",
]

#: The date the living pages below (documentation, install guides) were read.
READ: Final = date(2026, 11, 29)


def _patterns(values: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(value) for value in values)


@attrs.frozen(kw_only=True)
class Signature:
    """One known failure: how to recognise it, why it happens, the fix."""

    code: str = attrs.field(
        validator=attrs.validators.matches_re(r"[a-z0-9]+(?:-[a-z0-9]+)*")
    )
    title: str
    """A few words naming the failure."""
    cause: str
    """One sentence, a template filled from the gathered facts."""
    fix: str | None = None
    """A shell command (a template), when one fixes it."""
    hint: str | None = None
    """Words for what to do when no single command fixes it."""
    source: Source | None
    """Where the failure is described; ``None`` only for the catch-all
    of unrecognised failures."""
    patterns: tuple[re.Pattern[str], ...] = attrs.field(
        converter=_patterns, default=()
    )
    """Regular expressions over the probe's normalised error text; empty
    for failures that the doctor's checks find."""

    def search(self, text: str) -> re.Match[str] | None:
        """The first pattern's match in *text* (normalised), if any."""
        for pattern in self.patterns:
            found = pattern.search(text)
            if found:
                return found
        return None


class _Facts(dict[str, str]):
    """Template facts; a missing one reads ``unknown``."""

    def __missing__(self, key: str) -> str:
        return "unknown"


def fill(template: str, facts: Mapping[str, object]) -> str:
    """*template* with *facts* filled in (missing ones read ``unknown``)."""
    return template.format_map(
        _Facts({k: str(v) for k, v in facts.items() if v is not None})
    )


def normalise(text: str) -> str:
    """Whitespace runs (line breaks too) become one space.

    NumPy breaks its message over several lines; matching on one line
    keeps the patterns simple.
    """
    return " ".join(text.split())


_NUMPY2_NOTES = Source(
    title="NumPy 2.0.0 release notes (ABI break, removed members)",
    url="https://numpy.org/doc/stable/release/2.0.0-notes.html",
    date=date(2024, 6, 16),
)

CATALOG: Final[tuple[Signature, ...]] = (
    Signature(
        code="numpy-abi",
        title="built for NumPy 1, running on NumPy 2",
        cause=(
            "{name} {version} contains compiled code built for NumPy 1.x,"
            " which cannot run with NumPy {numpy}: NumPy 2 changed its"
            " binary interface."
        ),
        fix='pip install "numpy{numpy_wanted}"',
        hint="or upgrade {name} to a release built for NumPy 2",
        source=_NUMPY2_NOTES,
        patterns=(
            r"compiled using NumPy 1\.x cannot be run in NumPy 2",
            r"_ARRAY_API not found",
            r"numpy\.core\.multiarray failed to import",
            (
                r"numpy\.dtype size changed, may indicate binary"
                r" incompatibility"
            ),
        ),
    ),
    Signature(
        code="numpy-major",
        title="made for NumPy 1, NumPy 2 installed",
        cause=(
            "{name} {version} declares that it needs numpy{numpy_wanted}"
            " (NumPy 1), but NumPy {numpy} is installed: NumPy 2 changed"
            " its binary interface and removed old names."
        ),
        fix='pip install "numpy{numpy_wanted}"',
        hint="or upgrade {name} to a release made for NumPy 2",
        source=_NUMPY2_NOTES,
    ),
    Signature(
        code="numpy2-api",
        title="uses NumPy 1 names that NumPy 2 removed",
        cause=(
            "{name} {version} uses `np.{match1}`, which NumPy 2.0 removed"
            " (NumPy {numpy} is installed)."
        ),
        fix='pip install "numpy<2"',
        hint="or upgrade {name} to a release that supports NumPy 2",
        source=_NUMPY2_NOTES,
        patterns=(r"`np\.(\w+)` was removed in the NumPy 2\.0 release",),
    ),
    Signature(
        code="numpy-alias",
        title="uses NumPy aliases removed in 1.24",
        cause=(
            "{name} {version} uses `np.{match1}`, an alias of a Python"
            " type that NumPy 1.24 removed (NumPy {numpy} is installed)."
        ),
        fix='pip install "numpy<1.24"',
        hint=(
            "{name} predates NumPy 1.24; an old NumPy works only in an"
            " environment of the same era (Python 3.11 or older)"
        ),
        source=Source(
            title="NumPy 1.24.0 release notes: expired deprecations"
            " (np.object, np.bool, np.float, np.complex, np.str, np.int)",
            url="https://numpy.org/doc/stable/release/1.24.0-notes.html",
            date=date(2022, 12, 18),
        ),
        patterns=(
            (
                r"module 'numpy' has no attribute"
                r" '(bool|object|float|int|complex|str|long|unicode)'"
            ),
        ),
    ),
    Signature(
        code="torch-companion",
        title="a torch companion built for another torch",
        cause=(
            "{companion} {companion_version} was built for"
            " {companion_wants}, not for the installed torch {torch}."
        ),
        fix="pip install {companion} {torch_pin}{torch_index}",
        source=Source(
            title="pytorch/pytorch#122494: RuntimeError: operator"
            " torchvision::nms does not exist with torch 2.2.1+cpu",
            url="https://github.com/pytorch/pytorch/issues/122494",
            date=date(2024, 3, 23),
        ),
        patterns=(
            r"operator torchvision::\w+ does not exist",
            r"No such operator torchvision::\w+",
            r"(?:torchvision|torchaudio)\S*\.so: undefined symbol",
        ),
    ),
    Signature(
        code="cuda-driver",
        title="a build for a newer CUDA than the driver runs",
        cause=(
            "{name} {version} is built for CUDA {cuda}, newer than the"
            " NVIDIA driver {driver} can run (it runs CUDA {max_cuda} at"
            " most)."
        ),
        # The fix is gpu_fit()'s build for this driver (see _doctor_gpu).
        hint="or update the NVIDIA driver",
        source=Source(
            title="NVIDIA: CUDA Compatibility (minimum driver per CUDA"
            " release)",
            url="https://docs.nvidia.com/deploy/cuda-compatibility/",
            date=READ,
        ),
        patterns=(
            r"CUDA driver version is insufficient for CUDA runtime version",
            r"The NVIDIA driver on your system is too old",
            r"cudaErrorInsufficientDriver",
            r"CUDA_ERROR_INSUFFICIENT_DRIVER",
        ),
    ),
    Signature(
        code="gpu-too-old",
        title="a GPU too old for the build",
        cause=(
            "this build of {name} {version} has no kernels for this GPU's"
            " architecture: the GPU is older than the build supports."
        ),
        # The fix is gpu_fit()'s build for this GPU (see _doctor_gpu).
        source=Source(
            title="PyTorch dev-discuss: Maxwell and Pascal architecture"
            " support removed in CUDA 12.8 and 12.9 builds",
            url="https://dev-discuss.pytorch.org/t/cuda-toolkit-version-"
            "and-architecture-support-update-maxwell-and-pascal-"
            "architecture-support-removed-in-cuda-12-8-and-12-9-builds/3128",
            date=date(2025, 7, 14),
        ),
        patterns=(
            r"no kernel image is available for execution on the device",
            r"is not compatible with the current PyTorch installation",
            r"PyTorch no longer supports this GPU because it is too old",
            r"CUDA_ERROR_NO_BINARY_FOR_GPU",
        ),
    ),
    Signature(
        code="jax-cuda-plugin",
        title="jaxlib without its CUDA plugin on a GPU machine",
        cause=(
            "JAX {version} runs on the CPU only: no CUDA plugin"
            " (jax-cuda12-plugin or jax-cuda13-plugin) is installed,"
            " though this machine has an NVIDIA GPU."
        ),
        # The fix is gpu_fit()'s JAX build for this machine.
        source=Source(
            title="jax-ml/jax#29068: An NVIDIA GPU may be present on this"
            " machine, but a CUDA-enabled jaxlib is not installed",
            url="https://github.com/jax-ml/jax/issues/29068",
            date=date(2025, 5, 28),
        ),
        patterns=(r"CUDA-enabled jaxlib is not installed",),
    ),
    Signature(
        code="glibc-too-old",
        title="glibc older than the build needs",
        cause=(
            "{name} {version} needs glibc {match1} or newer; this system"
            " has glibc {glibc}."
        ),
        hint=(
            "install a release of {name} built for this glibc (an older"
            " one), or run it on a newer Linux or container image"
        ),
        source=Source(
            title="PEP 600: Future 'manylinux' platform tags (glibc floors"
            " of Linux wheels)",
            url="https://peps.python.org/pep-0600/",
            date=date(2019, 5, 3),
        ),
        patterns=(r"GLIBC_(\d+(?:\.\d+)+)'? not found",),
    ),
    Signature(
        code="cpu-instructions",
        title="a CPU without the instructions the build needs",
        cause=(
            "{name} {version} was built for CPU instructions ({match1})"
            " that this CPU does not have."
        ),
        hint=(
            "install a build of {name} without them (an older release, or"
            " a build made for this CPU)"
        ),
        source=Source(
            title="TensorFlow 1.6.0 release notes: prebuilt binaries use"
            " AVX instructions",
            url="https://github.com/tensorflow/tensorflow/releases/tag/v1.6.0",
            date=date(2018, 3, 1),
        ),
        patterns=(
            (
                r"compiled to use (AVX\w*|FMA|SSE[\d.]+) instructions, but"
                r" these aren't available"
            ),
            r"(Illegal instruction)",
        ),
    ),
    Signature(
        code="protobuf-range",
        title="protobuf outside the framework's range",
        cause=(
            "{name} {version} needs protobuf{protobuf_wanted}; protobuf"
            " {protobuf} is installed."
        ),
        fix='pip install "protobuf{protobuf_wanted}"',
        source=Source(
            title="protobuf news 2022-05-06: Python 4.21 needs code"
            " generated by protoc 3.19 or newer",
            url="https://protobuf.dev/news/2022-05-06/",
            date=date(2022, 5, 6),
        ),
        patterns=(
            r"Descriptors cannot (?:not )?be created directly",
            r"cannot import name 'runtime_version' from 'google\.protobuf'",
        ),
    ),
    Signature(
        code="keras-no-backend",
        title="Keras without a backend",
        cause=(
            "Keras {version} is installed, but none of its backends"
            " (TensorFlow, JAX, PyTorch) is; it is configured for"
            " {backend} ({backend_source})."
        ),
        fix="pip install {backend_package}",
        hint="or install JAX or PyTorch and set KERAS_BACKEND to it",
        source=Source(
            title="Keras 3: getting started, configuring your backend",
            url="https://keras.io/getting_started/",
            date=READ,
        ),
    ),
    Signature(
        code="keras-backend-missing",
        title="Keras configured for a backend that is not installed",
        cause=(
            "Keras {version} is configured for {backend}"
            " ({backend_source}), which is not installed; installed"
            " backends: {installed_backends}."
        ),
        fix="{backend_fix}",
        source=Source(
            title="Keras 3: getting started, configuring your backend",
            url="https://keras.io/getting_started/",
            date=READ,
        ),
    ),
    Signature(
        code="keras-backend-ignored",
        title="KERAS_BACKEND set after Keras was imported",
        cause=(
            "Keras runs on {actual} although {backend_source} asks for"
            " {backend}: the backend is fixed when keras is first"
            " imported, so a later setting is ignored."
        ),
        hint=(
            "set KERAS_BACKEND before anything imports keras (in the"
            " shell, or at the very top of the program)"
        ),
        source=Source(
            title="keras-team/keras-core#749: Backend doesn't change to"
            " JAX (set KERAS_BACKEND before importing)",
            url="https://github.com/keras-team/keras-core/issues/749",
            date=date(2023, 8, 18),
        ),
    ),
    Signature(
        code="tf-legacy-keras",
        title="TF_USE_LEGACY_KERAS without tf-keras",
        cause=(
            "TF_USE_LEGACY_KERAS={legacy} asks TensorFlow {version} for"
            " Keras 2, but tf-keras is not installed, so tf.keras fails."
        ),
        fix='pip install "tf-keras~={tf_minor}"',
        hint="or unset TF_USE_LEGACY_KERAS to use Keras 3",
        source=Source(
            title="TensorFlow 2.16.1 release notes: Keras 3 is tf.keras;"
            " tf-keras and TF_USE_LEGACY_KERAS=1 keep Keras 2",
            url="https://github.com/tensorflow/tensorflow/releases/tag/"
            "v2.16.1",
            date=date(2024, 3, 8),
        ),
    ),
    Signature(
        code="cpu-build-on-gpu",
        title="a CPU-only build on a machine with a usable GPU",
        cause=(
            "{name} {version} is a CPU-only build ({build_evidence}), but"
            " this machine has {gpu_summary}."
        ),
        # The fix is gpu_fit()'s build for this machine.
        source=Source(
            title="PyTorch: Start Locally (choose the compute platform)",
            url="https://pytorch.org/get-started/locally/",
            date=READ,
        ),
    ),
    Signature(
        code="conflicting-variants",
        title="several variants installed over one another",
        cause=(
            "{variants} are installed together and share one `{module}`"
            " folder: whichever was installed last overwrote the others,"
            " and uninstalling one breaks the rest."
        ),
        fix="pip uninstall -y {variant_names} && pip install {keep}",
        source=Source(
            title="tensorflow/tensorflow#19883: leftover files from another"
            " TensorFlow install break the import",
            url="https://github.com/tensorflow/tensorflow/issues/19883",
            date=date(2018, 7, 24),
        ),
    ),
    Signature(
        code="shadowed",
        title="a local file shadows the package",
        cause=(
            "`import {module}` loads {location}, not the installed"
            " {distribution} {version}: a file or folder of that name"
            " comes first on sys.path."
        ),
        hint="rename or move {location} (and delete its __pycache__)",
        source=Source(
            title="Python tutorial: the module search path",
            url="https://docs.python.org/3/tutorial/modules.html"
            "#the-module-search-path",
            date=READ,
        ),
    ),
    Signature(
        code="files-missing",
        title="metadata without the package's files",
        cause=(
            "{distribution} {version} is recorded as installed, but its"
            " `{module}` module is missing (a broken or half-finished"
            " install or uninstall)."
        ),
        fix="pip install --force-reinstall --no-deps {distribution}=={version}",
        source=Source(
            title="PyPA: Recording installed projects (the .dist-info folder)",
            url="https://packaging.python.org/en/latest/specifications/"
            "recording-installed-packages/",
            date=READ,
        ),
    ),
    Signature(
        code="requirement-missing",
        title="a required package is missing",
        cause=(
            "{name} {version} requires {requirement}, which is not installed."
        ),
        fix='pip install "{requirement}"',
        source=Source(
            title="PyPA: Dependency specifiers (Requires-Dist)",
            url="https://packaging.python.org/en/latest/specifications/"
            "dependency-specifiers/",
            date=READ,
        ),
    ),
    Signature(
        code="requirement-unmet",
        title="a required package at the wrong version",
        cause=(
            "{name} {version} requires {requirement}; {dependency}"
            " {dependency_version} is installed."
        ),
        fix='pip install "{requirement}"',
        source=Source(
            title="PyPA: Dependency specifiers (Requires-Dist)",
            url="https://packaging.python.org/en/latest/specifications/"
            "dependency-specifiers/",
            date=READ,
        ),
    ),
    Signature(
        code="missing-module",
        title="the import needs a module that is not installed",
        cause=(
            "importing {name} needs the module `{match1}`, which is not"
            " installed."
        ),
        source=Source(
            title="Python documentation: ModuleNotFoundError",
            url="https://docs.python.org/3/library/exceptions.html"
            "#ModuleNotFoundError",
            date=READ,
        ),
        patterns=(r"No module named '([\w.]+)'",),
    ),
    Signature(
        code="not-installed",
        title="not installed",
        cause="{name} is not installed in this environment.",
        fix="pip install {distribution}",
        source=Source(
            title="Python Packaging User Guide: installing packages",
            url="https://packaging.python.org/en/latest/tutorials/"
            "installing-packages/",
            date=READ,
        ),
    ),
    Signature(
        code="unknown-failure",
        title="a failure dlchoose does not recognise",
        cause="{failure}",
        hint="the error is reported as it was; dlchoose does not guess",
        source=None,
    ),
)

_BY_CODE: Final = {s.code: s for s in CATALOG}

#: The signatures recognised from error text, most specific first.
TEXT_SIGNATURES: Final = tuple(s for s in CATALOG if s.patterns)


def signature(code: str) -> Signature:
    """The catalog entry for *code* (a KeyError names a programming slip)."""
    return _BY_CODE[code]


def match_text(text: str) -> tuple[Signature, re.Match[str]] | None:
    """The first text signature that *text* matches, and its match."""
    flat = normalise(text)
    for candidate in TEXT_SIGNATURES:
        found = candidate.search(flat)
        if found:
            return candidate, found
    return None
