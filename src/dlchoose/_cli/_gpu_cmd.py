"""``dlchoose gpu``: this machine's GPU and the build of each framework it can use."""

from __future__ import annotations

import argparse

from typing import Any

from .. import gpu, gpu_fit
from ..exceptions import InvalidGpuFactError, UnknownGpuVendorError
from ._output import print_json, warn


#: Reasons shown even without --explain: an answer that rests on an
#: assumption must say so (the driver may be too old for the build).
_ASSUMPTIONS = ("driver version unknown", "compute capability unknown")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gpu",
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


def _details(fit: Any, *, explain: bool) -> list[str]:
    lines: list[str] = []
    shown_reasons = fit.reasons if explain else fit.reasons[:1]
    # A GPU answer speaks for itself; "no GPU found" is said once, in the
    # machine line.
    if explain or (fit.status != "gpu" and fit.reason != "no_gpu"):
        lines.extend(f"    why: {reason}" for reason in shown_reasons)
    if not explain:
        lines.extend(
            f"    why: {reason}"
            for reason in fit.reasons
            if reason.startswith(_ASSUMPTIONS) and reason not in shown_reasons
        )
    alternatives = [
        a for a in fit.alternatives if explain or not a.startswith("CPU build")
    ]
    lines.extend(f"    instead: {a}" for a in alternatives)
    if fit.warning:
        lines.append(f"    warning: {fit.warning}")
    if fit.retired and explain:
        lines.append(f"    retired: {fit.retired}")
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
    fits = gpu_fit(
        args.names or None,
        machine=machine,
        python=args.python,
        platform=args.platform,
    )
    if args.json:
        print_json(
            {
                "machine": machine.to_dict(),
                "target": {"python": args.python, "platform": args.platform},
                "frameworks": [fit.to_dict() for fit in fits],
            }
        )
        return 0
    planned = " (planned machine)" if machine.overridden else ""
    print(f"GPU{planned}: {machine.summary}")
    for fit in fits:
        print(fit.line())
        for line in _details(fit, explain=args.explain):
            print(line)
    notes = dict.fromkeys(
        [*machine.notes, *(n for f in fits for n in f.notes)]
    )
    for note in notes:
        warn(note)
    return 0
