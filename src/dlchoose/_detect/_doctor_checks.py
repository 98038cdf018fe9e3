"""The doctor's checks of one framework, each a small function.

Every check takes what it needs (the :class:`Detection`, the facts of the
environment and the machine) and returns findings; none imports a
framework or reads anything the caller did not hand over, apart from
installed metadata through :class:`Installed`.  Statuses and probe states
are compared by value (they are string enums), so these checks depend on
the detection results' public fields only.
"""

from __future__ import annotations

import contextlib
import re

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from packaging.version import InvalidVersion, Version

from ._doctor_gpu import GpuRemedy, cuda_runs, gpu_remedy
from ._doctor_model import Finding, MachineFacts
from ._doctor_requirements import Installed, Unmet, at, unmet_requirements
from ._signatures import fill, signature


if TYPE_CHECKING:
    from . import Detection, EnvironmentReport


__all__ = [
    "COMPANIONS",
    "GPU_FAILS",
    "NOT_USING_GPU",
    "Context",
    "apply_gpu_remedies",
    "base_facts",
    "finding",
    "gpu_findings",
    "keras_findings",
    "requirement_findings",
    "status_findings",
    "tensorflow_findings",
]

#: Packages built against one torch release; each pins it in Requires-Dist.
COMPANIONS: Final = ("torchvision", "torchaudio")

#: Keras backend name -> (registry key, distribution to install).
KERAS_BACKENDS: Final = {
    "tensorflow": ("tensorflow", "tensorflow"),
    "jax": ("jax", "jax"),
    "torch": ("pytorch", "torch"),
}
_INFERENCE_BACKENDS: Final = {"numpy": "numpy", "openvino": "openvino"}

_NUMPY_2: Final = 2
_KERAS_3: Final = 3

#: TensorFlow reads TF_USE_LEGACY_KERAS as true for exactly these values.
_TRUE: Final = frozenset({"1", "true", "True"})


@attrs.frozen(kw_only=True)
class Context:
    """What every check may consult besides the detection itself."""

    env: EnvironmentReport
    machine: MachineFacts
    installed: Installed
    found: frozenset[str]
    """Registry keys of the frameworks ``import`` would load."""
    platform: str = "linux"
    glibc: str | None = None


def finding(
    code: str, facts: Mapping[str, object], evidence: Iterable[str] = ()
) -> Finding:
    """A catalog signature filled with *facts*."""
    entry = signature(code)
    return Finding(
        code=code,
        title=entry.title,
        cause=fill(entry.cause, facts),
        evidence=tuple(evidence),
        fix=fill(entry.fix, facts) if entry.fix else None,
        hint=fill(entry.hint, facts) if entry.hint else None,
        source=entry.source,
    )


def base_facts(
    detection: Detection, name: str, context: Context
) -> dict[str, Any]:
    """The facts every template of one framework may use."""
    return {
        "name": name,
        "version": detection.version,
        "distribution": detection.distribution,
        "module": detection.import_name,
        "location": detection.location,
        "numpy": context.installed.version("numpy"),
        "protobuf": context.installed.version("protobuf"),
        "glibc": context.glibc,
        "driver": context.machine.driver,
        "max_cuda": context.machine.max_cuda,
        "build": detection.build,
    }


# -- statuses the fast path found -------------------------------------------


def status_findings(
    detection: Detection, facts: Mapping[str, Any]
) -> list[Finding]:
    """Shadowing, conflicting variants and files gone missing."""
    reasons = detection.reasons[:1]
    if detection.status == "shadowed":
        return [finding("shadowed", facts, reasons)]
    if detection.status == "metadata_only":
        return [finding("files-missing", facts, reasons)]
    if detection.status != "conflict":
        return []
    records = detection.distributions
    names = list(dict.fromkeys(r.name for r in records))
    keep = detection.distribution or names[0]
    variants = " and ".join(f"{r.name} {r.version}" for r in records)
    return [
        finding(
            "conflicting-variants",
            {
                **facts,
                "variants": variants,
                "variant_names": " ".join(names),
                "keep": f"{keep}=={detection.version}",
            },
            reasons,
        )
    ]


# -- requirements from metadata ------------------------------------------------


def _effective_record(detection: Detection) -> str | None:
    for record in detection.distributions:
        if record.name == detection.distribution:
            return record.metadata_path
    return None


def _numpy_major(unmet: Unmet) -> bool:
    """Whether NumPy 2 is installed where NumPy 1 is required."""
    try:
        installed = Version(unmet.installed or "")
    except InvalidVersion:
        return False
    return (
        unmet.name == "numpy"
        and installed.major >= _NUMPY_2
        and unmet.requirement.specifier.contains("1.26", prereleases=True)
    )


def _requirement_finding(
    unmet: Unmet, facts: Mapping[str, Any], key: str
) -> Finding:
    own = f"{facts['name']} {facts['version']} requires {unmet.text}"
    if unmet.installed is None:
        return finding(
            "requirement-missing",
            {**facts, "requirement": unmet.text},
            [own, f"{unmet.name} is not installed"],
        )
    evidence = [own, f"{unmet.name} {unmet.installed} is installed"]
    if _numpy_major(unmet):
        return finding(
            "numpy-major", {**facts, "numpy_wanted": unmet.specifier}, evidence
        )
    if unmet.name == "protobuf" and key == "tensorflow":
        return finding(
            "protobuf-range",
            {**facts, "protobuf_wanted": unmet.specifier},
            evidence,
        )
    return finding(
        "requirement-unmet",
        {
            **facts,
            "requirement": unmet.text,
            "dependency": unmet.name,
            "dependency_version": unmet.installed,
        },
        evidence,
    )


def _extra_note(unmet: Unmet, facts: Mapping[str, Any]) -> str:
    marker = unmet.requirement.marker
    return (
        f"{facts['name']} {facts['version']} asks for {unmet.text} with an"
        f" extra ({marker}); {unmet.name} {unmet.installed} is installed,"
        " which matters only if that extra was installed (pip does not"
        " record which extras were)"
    )


def requirement_findings(
    detection: Detection, facts: Mapping[str, Any], context: Context
) -> tuple[list[Finding], list[str]]:
    """The framework's own ``Requires-Dist`` that this environment breaks:
    findings for its unconditional requirements, notes for its extras'."""
    path = _effective_record(detection)
    if path is None:
        return [], []
    unmet = unmet_requirements(at(path), context.installed)
    return (
        [
            _requirement_finding(u, facts, detection.key)
            for u in unmet
            if not u.extra_only
        ],
        [_extra_note(u, facts) for u in unmet if u.extra_only],
    )


def torch_index(torch_version: str | None) -> str:
    """The pip option selecting the PyTorch index of *torch_version*'s
    build (its local label: ``+cpu``, ``+cu126``); empty for PyPI's."""
    try:
        local = Version(torch_version or "").local
    except InvalidVersion:
        return ""
    if local and re.fullmatch(r"cpu|cu\d+|rocm[\d.]+|xpu", local):
        return f" --index-url https://download.pytorch.org/whl/{local}"
    return ""


def companion_facts(
    companion: str, version: str | None, wants: str, torch: str | None
) -> dict[str, Any]:
    """The facts of a torch companion's mismatch; the fix lets pip pick the
    companion release that pins the installed torch."""
    public: str | None = torch
    with contextlib.suppress(InvalidVersion):
        public = Version(torch or "").public
    return {
        "companion": companion,
        "companion_version": version,
        "companion_wants": wants,
        "torch": torch,
        "torch_pin": f'"torch=={public}"',
        "torch_index": torch_index(torch),
    }


def companion_record_findings(
    companion: str, dist: Any, context: Context
) -> list[Finding]:
    """A torch companion whose ``Requires-Dist`` pins another torch."""
    for unmet in unmet_requirements(dist, context.installed):
        if (
            unmet.name != "torch"
            or unmet.installed is None
            or unmet.extra_only
        ):
            continue
        version = context.installed.version(companion)
        facts = companion_facts(
            companion, version, unmet.text, unmet.installed
        )
        evidence = [
            f"{companion} {version} requires {unmet.text}",
            f"torch {unmet.installed} is installed",
        ]
        return [finding("torch-companion", facts, evidence)]
    return []


# -- Keras and TensorFlow ---------------------------------------------------------


def _backend_installed(backend: str, context: Context) -> bool:
    if backend in KERAS_BACKENDS:
        return KERAS_BACKENDS[backend][0] in context.found
    package = _INFERENCE_BACKENDS.get(backend)
    return (
        package is not None and context.installed.version(package) is not None
    )


def is_keras_3(detection: Detection) -> bool:
    """Whether *detection* is Keras 3 or newer: only those choose a backend
    (Keras 2.4-2.15 is TensorFlow's and ignores ``KERAS_BACKEND``)."""
    version = detection.parsed_version
    return version is not None and version.major >= _KERAS_3


def keras_findings(
    detection: Detection, facts: Mapping[str, Any], context: Context
) -> list[Finding]:
    """Keras 3 without any backend, or configured for one that is missing."""
    if not is_keras_3(detection):
        return []
    env = context.env
    backend = env.keras_backend
    if _backend_installed(backend, context):
        return []
    installed = [b for b in KERAS_BACKENDS if _backend_installed(b, context)]
    evidence = [f"Keras backend: {backend} ({env.keras_backend_source})"]
    facts = {
        **facts,
        "backend": backend,
        "backend_source": env.keras_backend_source,
        "backend_package": KERAS_BACKENDS.get(backend, ("", "tensorflow"))[1],
        "installed_backends": ", ".join(installed) or "none",
    }
    if not installed:
        return [finding("keras-no-backend", facts, evidence)]
    facts["backend_fix"] = f"export KERAS_BACKEND={installed[0]}"
    return [finding("keras-backend-missing", facts, evidence)]


def keras_runtime_findings(
    detection: Detection, facts: Mapping[str, Any], context: Context
) -> list[Finding]:
    """Keras 3's probe says it runs on another backend than configured."""
    probe = detection.probe
    if probe is None or probe.gpu is None or not is_keras_3(detection):
        return []
    actual = dict(probe.gpu.details).get("keras_backend")
    wanted = context.env.keras_backend
    if not isinstance(actual, str) or actual == wanted:
        return []
    facts = {
        **facts,
        "actual": actual,
        "backend": wanted,
        "backend_source": context.env.keras_backend_source,
    }
    evidence = [f"keras.config.backend() is {actual!r} in a fresh import"]
    return [finding("keras-backend-ignored", facts, evidence)]


def tensorflow_findings(
    detection: Detection, facts: Mapping[str, Any], context: Context
) -> list[Finding]:
    """TF_USE_LEGACY_KERAS set for TensorFlow >= 2.16 without tf-keras."""
    legacy = dict(context.env.variables).get("TF_USE_LEGACY_KERAS")
    version = detection.parsed_version
    if legacy not in _TRUE or version is None:
        return []
    if (version.major, version.minor) < (2, 16):
        return []
    if context.installed.version("tf-keras") is not None:
        return []
    facts = {
        **facts,
        "legacy": legacy,
        "tf_minor": f"{version.major}.{version.minor}.0",
    }
    evidence = [
        f"TF_USE_LEGACY_KERAS={legacy}",
        "tf-keras is not installed",
    ]
    return [finding("tf-legacy-keras", facts, evidence)]


# -- GPU builds and this machine ------------------------------------------------

#: Findings that say a framework does not use the GPU: when no GPU build of
#: it runs here (``gpu_fit()`` answers with the CPU build), they are notes.
NOT_USING_GPU: Final = frozenset({"cpu-build-on-gpu", "jax-cuda-plugin"})
#: Findings that say a GPU build fails here; ``gpu_fit()`` names the build
#: that runs instead.
GPU_FAILS: Final = frozenset({"cuda-driver", "gpu-too-old"})


def _cpu_only(detection: Detection) -> str | None:
    """Why the installed build is CPU-only, or ``None``."""
    if detection.build == "cpu":
        return f"built for {detection.build}"
    if (
        detection.key == "onnxruntime"
        and detection.distribution == "onnxruntime"
    ):
        return "the onnxruntime package has only the CPU provider"
    probe = detection.probe
    if detection.key == "pytorch" and probe and probe.gpu:
        details = dict(probe.gpu.details)
        if "cuda_build" in details and not (
            details.get("cuda_build") or details.get("hip_build")
        ):
            return "torch.version.cuda is None"
    return None


def _cuda_build(build: str | None) -> str | None:
    """``12.8`` from the build ``cuda 12.8``."""
    return build[5:] if build and build.startswith("cuda ") else None


def gpu_findings(
    detection: Detection, facts: Mapping[str, Any], context: Context
) -> list[Finding]:
    """CPU-only builds, CUDA builds newer than the driver, and JAX without
    its CUDA plugin, on a machine known to have an NVIDIA GPU (the fixes
    come later, from :func:`apply_gpu_remedies`)."""
    machine = context.machine
    if not machine.has_gpu:
        return []
    # The summary is a sentence; the templates end their own.
    facts = {**facts, "gpu_summary": machine.summary().rstrip(".")}
    found: list[Finding] = []
    why = _cpu_only(detection)
    if why:
        cpu_build = finding(
            "cpu-build-on-gpu",
            {**facts, "build_evidence": why},
            [why, machine.summary()],
        )
        if detection.key != "pytorch":
            # The signature cites PyTorch's install selector, which says
            # nothing of other frameworks: their GPU build's own source
            # comes with the fix (apply_gpu_remedies), or none is cited.
            cpu_build = attrs.evolve(cpu_build, source=None)
        found.append(cpu_build)
    cuda = _cuda_build(detection.build)
    if cuda and machine.max_cuda and not cuda_runs(cuda, machine.max_cuda):
        found.append(
            finding(
                "cuda-driver",
                {**facts, "cuda": cuda},
                [f"built for {detection.build}", machine.summary()],
            )
        )
    if detection.key == "jax" and not _has_jax_plugin(context):
        found.append(
            finding(
                "jax-cuda-plugin",
                facts,
                [
                    "no jax-cuda12-plugin or jax-cuda13-plugin",
                    machine.summary(),
                ],
            )
        )
    return found


def _has_jax_plugin(context: Context) -> bool:
    names = ("jax-cuda12-plugin", "jax-cuda13-plugin", "jax-rocm7-plugin")
    return any(context.installed.version(n) is not None for n in names)


def apply_gpu_remedies(
    findings: Sequence[Finding],
    detection: Detection,
    name: str,
    context: Context,
) -> tuple[list[Finding], list[str]]:
    """GPU findings with ``gpu_fit()``'s fix, or its reason in words.

    A finding that the framework does not use the GPU becomes a note when
    ``gpu_fit()`` says no GPU build of it runs here: the CPU build is then
    the right one.  Returns the findings and those notes.
    """
    codes = {f.code for f in findings} & (NOT_USING_GPU | GPU_FAILS)
    if not codes:
        return list(findings), []
    remedy = gpu_remedy(detection.key, name, context.machine)
    kept: list[Finding] = []
    notes: list[str] = []
    for found in findings:
        if found.code not in codes:
            kept.append(found)
        elif found.code in NOT_USING_GPU and remedy.cpu_is_best:
            notes.append(f"{found.title}, but {remedy.hint}")
        else:
            kept.append(_with_remedy(found, remedy, detection.distribution))
    return kept, notes


def _with_remedy(
    found: Finding, remedy: GpuRemedy, installed: str | None
) -> Finding:
    """*found* with *remedy*'s command, the installed build uninstalled
    first (a CPU build of the same version would count as installed, and
    variants share one module folder); JAX's plugin needs no uninstall."""
    fix = remedy.fix
    if fix and installed and found.code != "jax-cuda-plugin":
        fix = f"pip uninstall -y {installed} && {fix}"
    return attrs.evolve(
        found,
        fix=fix,
        hint=found.hint if fix else remedy.hint,
        source=remedy.source if fix and remedy.source else found.source,
    )
