"""Does one build run on one machine?  The driver test and the GPU test.

Unknown facts (no driver version, a GPU whose compute capability nvidia-smi
did not give) never exclude a build: they pass, and the verdict says what
was assumed, so the answer stays useful for planning and stays honest.
"""

from __future__ import annotations

import attrs

from ._machine import GpuReport
from ._model import GpuBuild
from ._values import Accelerator, OsFamily, format_driver


__all__ = ["BuildCheck", "check_build"]


@attrs.frozen(kw_only=True)
class BuildCheck:
    """The verdict on *build* at *version* for one machine."""

    build: GpuBuild
    version: str
    driver_ok: bool | None
    gpu_ok: bool | None
    why: str = ""
    problem: str = ""
    needs_driver: str | None = None
    """The minimum driver, when this machine's is older."""
    unknowns: tuple[str, ...] = ()
    beyond_cuda: bool = False
    """A visible GPU is newer than anything the build's CUDA can target,
    so whether the build runs is unknown (not counted as a fit)."""

    @property
    def fits(self) -> bool:
        return (
            self.driver_ok is not False
            and self.gpu_ok is not False
            and not self.beyond_cuda
        )

    @property
    def includes_gpu(self) -> bool:
        return self.gpu_ok is not False and not self.beyond_cuda


def _span(build: GpuBuild) -> str:
    if build.capabilities:
        low, high = build.capabilities[0], build.capabilities[-1]
        ptx = "+PTX" if build.ptx else ""
        return f"it has code for {low}-{high}{ptx}"
    return f"it needs {build.min_capability} or newer"


def _driver(
    build: GpuBuild, machine: GpuReport, os_family: OsFamily
) -> tuple[bool | None, str, str | None]:
    """``(ok, text, needed)`` for the driver test."""
    needed = build.min_driver(os_family)
    if needed is None:
        return True, "", None
    shown = format_driver(needed)
    driver = machine.driver
    if driver is None:
        return (
            None,
            f"driver version unknown; this build needs >= {shown}",
            None,
        )
    if driver >= needed:
        return True, f"driver {format_driver(driver)} >= {shown}", None
    return (
        False,
        f"it needs driver >= {shown} (this machine has {format_driver(driver)})",
        shown,
    )


def _cuda_gpus(build: GpuBuild, machine: GpuReport) -> tuple[bool | None, str]:
    known = machine.capabilities
    if not known or len(known) < len(machine.devices):
        return None, (
            "compute capability unknown (pass --compute-capability);"
            f" {_span(build)}"
        )
    beyond = sorted({c for c in known if build.beyond_cuda(c)})
    missing = sorted({c for c in known if not build.includes(c)} - set(beyond))
    shown = ", ".join(
        f"{major}.{minor}" for major, minor in sorted(set(known))
    )
    if missing:
        gaps = ", ".join(f"{major}.{minor}" for major, minor in missing)
        return False, f"no code for compute capability {gaps} ({_span(build)})"
    if beyond:
        return None, _beyond_text(build, beyond)
    return True, f"includes compute capability {shown}"


def _beyond_text(build: GpuBuild, beyond: list[tuple[int, int]]) -> str:
    newest = build.newest_capability or (0, 0)
    gpus = ", ".join(f"{major}.{minor}" for major, minor in beyond)
    return (
        f"compute capability {gpus} is newer than the {build.describe()}"
        f" can target (up to {newest[0]}.{newest[1]}); whether it runs"
        " depends on PTX code its project does not list"
    )


def _rocm_gpus(build: GpuBuild, machine: GpuReport) -> tuple[bool | None, str]:
    known = machine.architectures
    if not known:
        return (
            None,
            "GPU architecture unknown; this build covers "
            + ", ".join(build.architectures),
        )
    missing = sorted({a for a in known if not build.includes_arch(a)})
    if missing:
        return False, f"no code for {', '.join(missing)}"
    return True, f"includes {', '.join(sorted(set(known)))}"


def _gpus(build: GpuBuild, machine: GpuReport) -> tuple[bool | None, str]:
    if build.accelerator is Accelerator.CUDA:
        return _cuda_gpus(build, machine)
    if build.accelerator is Accelerator.ROCM:
        return _rocm_gpus(build, machine)
    return True, "uses the Apple GPU through Metal"


def check_build(
    build: GpuBuild, version: str, machine: GpuReport, os_family: OsFamily
) -> BuildCheck:
    """Whether *build* (at *version*) runs on *machine* under *os_family*.

    Under WSL2 the driver is Windows', so Windows' driver table applies.
    """
    table_os = (
        OsFamily.WINDOWS
        if machine.wsl and os_family is OsFamily.LINUX
        else os_family
    )
    driver_ok, driver_text, needed = _driver(build, machine, table_os)
    gpu_ok, gpu_text = _gpus(build, machine)
    texts = [(driver_ok, driver_text), (gpu_ok, gpu_text)]
    beyond = build.accelerator is Accelerator.CUDA and any(
        build.beyond_cuda(c) for c in machine.capabilities
    )
    return BuildCheck(
        beyond_cuda=beyond,
        build=build,
        version=version,
        driver_ok=driver_ok,
        gpu_ok=gpu_ok,
        why=", ".join(text for ok, text in texts if ok and text),
        problem=" and ".join(text for ok, text in texts if ok is False),
        needs_driver=needed,
        unknowns=tuple(text for ok, text in texts if ok is None),
    )
