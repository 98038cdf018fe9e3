"""Per framework, the build this machine's GPU can use, and how to get it.

The rule: among the framework's GPU builds for this OS and CPU and this
GPU's vendor, keep those whose CUDA the driver runs (NVIDIA's minimum-driver
table) and that carry code for every visible GPU (compute capability, or
AMD architecture); cap each at the newest release the package index has a
wheel for on the target Python and platform; choose the newest release,
then the newest CUDA (uv's ``--torch-backend=auto`` order).  When nothing
fits, the answer is the CPU build, with the reason and what would fit: the
driver the newest build needs, or the newest release that still carries
this GPU's architecture.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from packaging.version import Version

from .._sources import Source
from ._join import IndexAnswer
from ._machine import GpuReport
from ._model import FrameworkBuilds, GpuBuild, Platform
from ._values import (
    Accelerator,
    FitStatus,
    OsFamily,
    Vendor,
    to_fit_status,
)
from ._verdict import BuildCheck, check_build


__all__ = ["FitReason", "GpuFit", "choose"]

_ACCELERATOR: Final = {
    Vendor.NVIDIA: Accelerator.CUDA,
    Vendor.AMD: Accelerator.ROCM,
    Vendor.APPLE: Accelerator.METAL,
}


@attrs.frozen(kw_only=True)
class GpuFit:
    """The GPU answer for one framework on one machine and target."""

    framework: str
    """Registry key (``"pytorch"``)."""
    name: str
    status: FitStatus = attrs.field(converter=to_fit_status)
    reason: str | None = None
    """Why no GPU build, one of ``no_gpu``, ``no_build_for_platform``,
    ``driver_too_old``, ``architecture_not_included``, ``not_installable``,
    ``architecture_unknown`` (status ``unknown``: the GPU is newer than
    every build's CUDA can target); ``None`` when a GPU build fits."""
    version: str | None = None
    """The release to install (GPU build, else CPU build)."""
    build: GpuBuild | None = None
    install_command: str | None = None
    reasons: tuple[str, ...] = ()
    """Why this answer, one sentence each."""
    alternatives: tuple[str, ...] = ()
    """What would fit instead (a newer driver, an older release, the CPU
    build), one sentence each."""
    warning: str | None = None
    """Set when a plain ``pip install NAME`` would give a build this
    machine's GPU cannot use."""
    platform: Platform
    retired: str | None = None
    notes: tuple[str, ...] = ()
    """Caveats about the data (the package index answer unavailable)."""

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.build.sources if self.build else ()

    def line(self) -> str:
        """One line: the framework, the answer, the command."""
        if self.status is FitStatus.GPU and self.build is not None:
            what = f"{self.version} {self.build.describe()}"
        elif self.reason == FitReason.ARCHITECTURE_UNKNOWN:
            what = "GPU build unknown for this GPU (see why)"
        elif self.status is FitStatus.CPU:
            what = f"CPU build ({_REASON_WORDS.get(self.reason or '', '')})"
        else:
            what = "no GPU build data"
        command = f": {self.install_command}" if self.install_command else ""
        return f"{self.name}: {what}{command}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "name": self.name,
            "status": self.status.value,
            "reason": self.reason,
            "version": self.version,
            "build": self.build.to_dict() if self.build else None,
            "install_command": self.install_command,
            "reasons": list(self.reasons),
            "alternatives": list(self.alternatives),
            "warning": self.warning,
            "platform": self.platform.to_dict(),
            "retired": self.retired,
            "notes": list(self.notes),
        }


_REASON_WORDS: Final = {
    "no_gpu": "no GPU",
    "no_build_for_platform": "no GPU build for this platform",
    "driver_too_old": "driver too old",
    "architecture_not_included": "no build has code for this GPU",
    "not_installable": "no GPU build installs on this target",
}


class FitReason:
    """The reason codes of :attr:`GpuFit.reason`."""

    NO_GPU: Final = "no_gpu"
    NO_BUILD_FOR_PLATFORM: Final = "no_build_for_platform"
    DRIVER_TOO_OLD: Final = "driver_too_old"
    ARCHITECTURE_NOT_INCLUDED: Final = "architecture_not_included"
    NOT_INSTALLABLE: Final = "not_installable"
    ARCHITECTURE_UNKNOWN: Final = "architecture_unknown"


def _cap(build: GpuBuild, answers: Mapping[str, IndexAnswer]) -> str | None:
    """The newest release of *build* with a wheel for the target."""
    answer = answers.get(build.distribution)
    if answer is None:
        return build.last  # unknown to the index: trust the table
    if answer.versions is not None:
        covered = [v for v in map(Version, answer.versions) if build.covers(v)]
        return str(max(covered)) if covered else None
    if answer.version is None:
        return None
    newest = Version(answer.version)
    if newest < Version(build.first):
        return None
    return build.last if newest >= Version(build.last) else answer.version


def _order(check: BuildCheck) -> tuple[Version, tuple[int, ...], bool]:
    return (
        Version(check.version),
        check.build.cuda or (),
        bool(check.build.pypi_default_on),
    )


def _candidates(
    table: FrameworkBuilds, machine: GpuReport, platform: Platform
) -> list[GpuBuild]:
    wanted = _ACCELERATOR.get(machine.vendor)
    return [
        build
        for build in table.builds
        if build.accelerator is wanted and build.exists_on(platform)
    ]


def _checks(
    builds: Iterable[GpuBuild],
    machine: GpuReport,
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
) -> list[BuildCheck]:
    checks = []
    for build in builds:
        version = _cap(build, answers)
        if version is not None:
            checks.append(check_build(build, version, machine, platform.os))
    return sorted(checks, key=_order, reverse=True)


def _plain_version(
    table: FrameworkBuilds, answers: Mapping[str, IndexAnswer]
) -> str | None:
    answer = answers.get(table.cpu_distribution)
    return answer.version if answer is not None else table.newest


def _index_detail(
    distribution: str, answers: Mapping[str, IndexAnswer]
) -> str:
    """``": <the index's reason>"`` when the index said why, else ``""``."""
    answer = answers.get(distribution)
    return f": {answer.detail}" if answer is not None and answer.detail else ""


def _cpu_fit(
    table: FrameworkBuilds,
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
    *,
    reason: str,
    reasons: Iterable[str],
    alternatives: Iterable[str] = (),
) -> GpuFit:
    version = _plain_version(table, answers)
    command = (
        table.cpu_command(version, platform.os)
        if version is not None
        else None
    )
    cpu_line = (
        f"CPU build: {command}"
        if command
        else "no CPU build installs on this target either"
        + _index_detail(table.cpu_distribution, answers)
    )
    return GpuFit(
        framework=table.framework,
        name=table.display_name,
        status=FitStatus.CPU,
        reason=reason,
        version=version,
        install_command=command,
        reasons=tuple(reasons),
        alternatives=(*alternatives, cpu_line),
        platform=platform,
        retired=table.retired,
    )


def _no_gpu_reason(machine: GpuReport) -> str:
    if machine.hidden:
        return f"no GPU is visible ({machine.visibility})"
    return "no GPU found on this machine"


def _driver_upgrade(
    checks: list[BuildCheck], *, newer_than: str | None
) -> str | None:
    """ "driver >= X would allow V (variant)" for the newest such build."""
    floor = Version(newer_than) if newer_than is not None else None
    for check in checks:
        if floor is not None and Version(check.version) <= floor:
            break
        if check.needs_driver is not None and check.includes_gpu:
            return (
                f"driver >= {check.needs_driver} would allow"
                f" {check.version} ({check.build.variant})"
            )
    return None


def _gpu_fit(
    table: FrameworkBuilds,
    chosen: BuildCheck,
    checks: list[BuildCheck],
    platform: Platform,
) -> GpuFit:
    build = chosen.build
    newest = checks[0]
    reasons = [
        (
            f"{table.display_name} {chosen.version}, {build.describe()}, is"
            f" the newest release whose GPU build runs here: {chosen.why}"
        ),
    ]
    alternatives = []
    if Version(newest.version) > Version(chosen.version):
        reasons.append(
            f"{newest.version} ({newest.build.variant}) does not:"
            f" {newest.problem}"
        )
        upgrade = _driver_upgrade(checks, newer_than=chosen.version)
        if upgrade is not None:
            alternatives.append(upgrade)
    if build.note:
        reasons.append(f"Note: {build.note}")
    return GpuFit(
        framework=table.framework,
        name=table.display_name,
        status=FitStatus.GPU,
        version=chosen.version,
        build=build,
        install_command=build.command(chosen.version),
        reasons=(*reasons, *chosen.unknowns),
        alternatives=tuple(alternatives),
        platform=platform,
        retired=table.retired,
    )


def _newest_with_code(
    candidates: list[GpuBuild], machine: GpuReport, platform: Platform
) -> str | None:
    """The newest release with code for this GPU, wheels or not."""
    checks = sorted(
        (check_build(b, b.last, machine, platform.os) for b in candidates),
        key=_order,
        reverse=True,
    )
    found = next((c for c in checks if c.includes_gpu), None)
    if found is None:
        return None
    return (
        f"{found.version} ({found.build.variant}) is the newest release with"
        " code for this GPU, but it has no wheel for this target"
    )


def _nothing_fits(
    table: FrameworkBuilds,
    checks: list[BuildCheck],
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
    older: str | None,
) -> GpuFit:
    newest = checks[0]
    reasons = [
        (
            f"{table.display_name} {newest.version} ({newest.build.variant})"
            f" cannot use this GPU: {newest.problem}"
        )
    ]
    upgrade = _driver_upgrade(checks, newer_than=None)
    alternatives = [upgrade] if upgrade is not None else []
    if any(c.includes_gpu for c in checks):
        code = FitReason.DRIVER_TOO_OLD
    else:
        code = FitReason.ARCHITECTURE_NOT_INCLUDED
        alternatives.extend([older] if older is not None else [])
    return _cpu_fit(
        table,
        platform,
        answers,
        reason=code,
        reasons=reasons,
        alternatives=alternatives,
    )


def _beyond_cuda(
    table: FrameworkBuilds,
    checks: list[BuildCheck],
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
) -> GpuFit:
    """Unknown: the newest candidate's CUDA predates this GPU."""
    check = next(c for c in checks if c.beyond_cuda)
    cpu = _cpu_fit(
        table,
        platform,
        answers,
        reason=FitReason.ARCHITECTURE_UNKNOWN,
        reasons=(),
    )
    command = check.build.command(check.version)
    return attrs.evolve(
        cpu,
        status=FitStatus.UNKNOWN,
        version=check.version,
        build=check.build,
        install_command=None,
        reasons=(
            (
                f"{table.display_name} {check.version}"
                f" ({check.build.variant}): {', '.join(check.unknowns)}"
            ),
        ),
        alternatives=(
            f"may work, untested on this GPU: {command}",
            *cpu.alternatives,
        ),
    )


def _no_build(
    table: FrameworkBuilds,
    machine: GpuReport,
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
    candidates: list[GpuBuild],
) -> GpuFit:
    if candidates:
        said = {
            b.distribution: answers[b.distribution].detail
            for b in candidates
            if b.distribution in answers and answers[b.distribution].detail
        }
        detail = "; ".join(f"{name}: {text}" for name, text in said.items())
        return _cpu_fit(
            table,
            platform,
            answers,
            reason=FitReason.NOT_INSTALLABLE,
            reasons=[
                (
                    f"no GPU build of {table.display_name} installs on this"
                    f" target: {detail or 'no wheel'}"
                )
            ],
        )
    where = f"{platform.os.value}/{platform.machine}"
    return _cpu_fit(
        table,
        platform,
        answers,
        reason=FitReason.NO_BUILD_FOR_PLATFORM,
        reasons=[
            (
                f"{table.display_name} has no {machine.vendor.value} GPU"
                f" build for {where} in dlchoose's tables"
                f"{_platform_hint(table, platform)}"
            )
        ],
    )


def _platform_hint(table: FrameworkBuilds, platform: Platform) -> str:
    """Where the GPU builds are, when the target is Windows and they are not."""
    linux_only = all(
        build.systems == (OsFamily.LINUX,)
        for build in table.builds
        if build.cuda
    )
    if platform.os is not OsFamily.WINDOWS or not linux_only:
        return ""
    if table.framework == "tensorflow":
        return (
            " (native Windows GPU support ended with TensorFlow 2.10;"
            " use WSL2)"
        )
    return " (its CUDA builds are Linux only; WSL2 runs them)"


def _warning(
    table: FrameworkBuilds,
    fit: GpuFit,
    machine: GpuReport,
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
) -> str | None:
    """Why a plain ``pip install NAME`` would not use this GPU, if it would not."""
    if machine.vendor is Vendor.NONE or fit.reason in {
        FitReason.NO_BUILD_FOR_PLATFORM,
        FitReason.NOT_INSTALLABLE,
    }:
        return None
    plain = table.cpu_requirement.split("=")[0]
    version = _plain_version(table, answers)
    default = next(
        (
            b
            for b in table.builds
            if b.is_plain_default(platform)
            and version is not None
            and b.covers(Version(version))
        ),
        None,
    )
    if default is None:
        if fit.status is not FitStatus.GPU:
            return None
        lacks = table.plain_gpu_note or "is a CPU-only build here"
        return f"plain `pip install {plain}` {lacks}; use the command above"
    if default.accelerator is not _ACCELERATOR.get(machine.vendor):
        return (
            f"plain `pip install {plain}` gives {version}, {default.describe()},"
            f" which cannot use this {machine.vendor.value.upper()} GPU"
        )
    check = check_build(default, version or default.last, machine, platform.os)
    if check.fits:
        return None
    return (
        f"plain `pip install {plain}` gives {version}, {default.describe()},"
        f" which cannot use this GPU: {check.problem}"
    )


def choose(
    table: FrameworkBuilds,
    machine: GpuReport,
    platform: Platform,
    answers: Mapping[str, IndexAnswer],
) -> GpuFit:
    """The :class:`GpuFit` of *table* for *machine* on *platform*."""
    if machine.vendor is Vendor.NONE:
        return _cpu_fit(
            table,
            platform,
            answers,
            reason=FitReason.NO_GPU,
            reasons=[_no_gpu_reason(machine)],
        )
    candidates = _candidates(table, machine, platform)
    checks = _checks(candidates, machine, platform, answers)
    if not checks:
        fit = _no_build(table, machine, platform, answers, candidates)
    else:
        fitting = [c for c in checks if c.fits]
        beyond = any(c.beyond_cuda for c in checks)
        fit = (
            _gpu_fit(table, fitting[0], checks, platform)
            if fitting
            else _beyond_cuda(table, checks, platform, answers)
            if beyond
            else _nothing_fits(
                table,
                checks,
                platform,
                answers,
                _newest_with_code(candidates, machine, platform),
            )
        )
    return attrs.evolve(
        fit, warning=_warning(table, fit, machine, platform, answers)
    )
