"""Next steps after ``dlchoose recommend``: how to install the winner here,
where its homepage and getting-started guide are, what to ask next.

Offline and fast: installability comes from the package-index snapshot
bundled with dlchoose (:func:`dlchoose.compatibility` without refresh),
the GPU answer (:func:`dlchoose.gpu_fit`) is asked only when this machine
has a GPU, and nothing imports a framework.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .. import get_framework
from ..exceptions import DlchooseError


if TYPE_CHECKING:
    from .. import Compatibility, Framework, Recommendation


__all__ = ["next_steps"]


def next_steps(
    rec: Recommendation,
    *,
    python: str | None = None,
    platform: str | None = None,
) -> list[str]:
    """Lines for the winner: install command, homepage, getting started,
    and the commands that explain more.  Empty when nothing was ranked."""
    if not rec.ranking:
        return []
    best = rec.ranking[0]
    framework = get_framework(best.framework)
    here = python is None and platform is None
    lines = [f"Next steps with {best.name}:"]
    lines += _install_lines(framework, python=python, platform=platform)
    if here:
        lines += _gpu_lines(framework)
    lines += _link_lines(framework)
    more = "  More: run the same command with --explain (every value in words)"
    if len(rec.ranking) > 1:
        more += f" or --why-not {rec.ranking[1].framework}"
    lines.append(more)
    return lines


def _install_lines(
    framework: Framework, *, python: str | None, platform: str | None
) -> list[str]:
    """The install command from the bundled index snapshot, or why none."""
    if not framework.distributions:
        return ["  Install: no Python package (see the homepage)"]
    from .. import compatibility

    try:
        (answer,) = compatibility(
            [framework.key], python=python, platform=platform
        )
    except DlchooseError as err:
        return [f"  Install: unknown here ({err})"]
    where = "here" if answer.target.here else f"on {answer.target.describe()}"
    if answer.installable and answer.install_command:
        caveat = _CAVEATS.get(str(answer.reason or ""), "")
        return [f"  Install {where}: {caveat}{answer.install_command}"]
    return [f"  Install {where}: not possible ({_reason(answer)})"]


#: What an install command that is not a stable release says first
#: (keyed by :class:`dlchoose.CompatibilityReason` value).
_CAVEATS: Final = {
    "only-prereleases": "no stable release installs there; a pre-release"
    " does: ",
    "only-yanked": "only a yanked (withdrawn) release installs there: ",
}


def _reason(answer: Compatibility) -> str:
    return answer.detail or str(answer.reason or "no matching release")


def _gpu_lines(framework: Framework) -> list[str]:
    """The GPU build this machine's GPU can use, only when it has one."""
    from .. import gpu

    machine = gpu()
    if not machine.devices:
        return []
    from .. import gpu_fit  # the build tables load only for a GPU

    return [
        f"  For this GPU: {fit.install_command or fit.reasons[0]}"
        for fit in gpu_fit([framework.key], machine=machine)
    ]


def _link_lines(framework: Framework) -> list[str]:
    lines = []
    if framework.homepage:
        lines.append(f"  Homepage: {framework.homepage}")
    if framework.getting_started:
        lines.append(f"  Get started: {framework.getting_started}")
    return lines
