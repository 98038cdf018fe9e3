"""``dlchoose gpu``: this machine's GPU and the build of each framework it can use."""

from __future__ import annotations

import argparse
import sys

from typing import Any, Final

from .. import gpu, gpu_fit
from ..exceptions import (
    InvalidGpuFactError,
    UnknownGpuVendorError,
    UnknownTargetError,
)
from ._bars import colour_wanted, terminal_width
from ._output import note, print_json
from ._report_table import (
    DIM,
    GOOD,
    WARN,
    HelpFormatter,
    command_lines,
    paint,
    wrap,
)


#: Reasons shown even without --explain: an answer that rests on an
#: assumption must say so (the driver may be too old for the build).
_ASSUMPTIONS = ("driver version unknown", "compute capability unknown")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gpu",
        formatter_class=HelpFormatter,
        help="which GPU build of each framework this machine can use",
        description=(
            "Read this machine's GPU facts (NVIDIA driver and compute"
            " capability, AMD architecture, Apple silicon) without loading"
            " a driver, and give, per framework with GPU builds, the newest"
            " build that runs here and the command that installs it."
            " --driver, --compute-capability and --gpu-vendor describe"
            " another machine instead (nothing is probed then)."
        ),
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="only these frameworks; default: all with GPU builds",
    )
    parser.add_argument(
        "--driver",
        metavar="VERSION",
        help="NVIDIA driver version of the machine to plan for (550.54.14)",
    )
    parser.add_argument(
        "--compute-capability",
        metavar="X.Y",
        help="its GPU's compute capability (8.6), or AMD architecture (gfx1100)",
    )
    parser.add_argument(
        "--gpu-vendor",
        metavar="VENDOR",
        help="nvidia, amd, apple or none",
    )
    parser.add_argument(
        "--python", metavar="X.Y", help="target Python (default: this one)"
    )
    parser.add_argument(
        "--platform",
        metavar="TAG",
        help="target wheel platform tag (manylinux_2_28_x86_64, win_amd64)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="every reason and alternative, not only the answer",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.set_defaults(handler=run, gpu_parser=parser)


#: What comes before a command inside an answer or an alternative.
_COMMAND_STARTS: Final = (": pip ", ": uv ", ": conda ", ": python ")

#: The first line's style per answer: a GPU build, none, or no data.
_STYLES: Final = {"gpu": GOOD, "cpu": None}


def _details(fit: Any, *, explain: bool) -> list[tuple[str, str]]:
    """(label, text) lines under a framework's answer."""
    lines: list[tuple[str, str]] = []
    shown_reasons = fit.reasons if explain else fit.reasons[:1]
    # A GPU answer speaks for itself; "no GPU found" is said once, in the
    # machine line.
    if explain or (fit.status != "gpu" and fit.reason != "no_gpu"):
        lines.extend(("why", reason) for reason in shown_reasons)
    if not explain:
        lines.extend(
            ("why", reason)
            for reason in fit.reasons
            if reason.startswith(_ASSUMPTIONS) and reason not in shown_reasons
        )
    alternatives = [
        a for a in fit.alternatives if explain or not a.startswith("CPU build")
    ]
    lines.extend(("instead", a) for a in alternatives)
    if fit.warning:
        lines.append(("warning", fit.warning))
    if fit.retired and explain:
        lines.append(("retired", fit.retired))
    return lines


def _fitted(first: str, rest: str, text: str, width: int) -> list[str]:
    """*text* in *width* columns; a command it ends with is kept whole
    (continued with ``\\``), the words before it wrap."""
    cut = max(text.rfind(start) for start in _COMMAND_STARTS)
    if cut < 0:
        return wrap(text, width, first=first, rest=rest)
    words = wrap(text[: cut + 1], width, first=first, rest=rest)
    return [
        *words[:-1],
        *command_lines(words[-1] + " ", text[cut + 2 :], width),
    ]


def render(fits: Any, *, explain: bool, width: int, colour: bool) -> list[str]:
    """Each framework's answer, then its reasons, fitted to *width*."""
    lines: list[str] = []
    for fit in fits:
        answer = _fitted("", "  ", fit.line(), width)
        style = _STYLES.get(str(fit.status), DIM)
        lines.extend(paint(line, style, colour=colour) for line in answer)
        for label, text in _details(fit, explain=explain):
            detail = _fitted(f"    {label}: ", "      ", text, width)
            if label == "warning":
                detail = [paint(line, WARN, colour=colour) for line in detail]
            lines.extend(detail)
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        machine = gpu(
            driver=args.driver,
            compute_capability=args.compute_capability,
            gpu_vendor=args.gpu_vendor,
            platform=args.platform,
        )
    except (InvalidGpuFactError, UnknownGpuVendorError) as err:
        # A bad or contradictory override is a usage error: exit 2.
        args.gpu_parser.error(str(err))
    try:
        fits = gpu_fit(
            args.names or None,
            machine=machine,
            python=args.python,
            platform=args.platform,
        )
    except UnknownTargetError as err:
        args.gpu_parser.error(str(err))
    if args.json:
        print_json(
            {
                "machine": machine.to_dict(),
                "target": {"python": args.python, "platform": args.platform},
                "frameworks": [fit.to_dict() for fit in fits],
            }
        )
        return 0
    width = terminal_width()
    planned = " (planned machine)" if machine.overridden else ""
    print(
        "\n".join(
            wrap(machine.summary, width, first=f"GPU{planned}: ", rest="  ")
        )
    )
    colour = colour_wanted(sys.stdout)
    for line in render(fits, explain=args.explain, width=width, colour=colour):
        print(line)
    for text in dict.fromkeys(
        [*machine.notes, *(n for f in fits for n in f.notes)]
    ):
        note(text)
    return 0
