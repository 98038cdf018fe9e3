"""``dlchoose compat``: can each framework be installed here, or on a target?"""

from __future__ import annotations

import argparse
import sys

from typing import TYPE_CHECKING, Any, Final

from ._args import index_url
from ._bars import colour_wanted, terminal_width
from ._columns import Column, fit_table
from ._output import note, print_json
from ._report_table import BAD, WARN, HelpFormatter, command_lines, wrap


if TYPE_CHECKING:
    from .. import Compatibility


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compat",
        formatter_class=HelpFormatter,
        help="check which frameworks have a wheel for this or another target",
        description=(
            "Check, from the package index's file lists, whether each"
            " framework can be installed on this interpreter or on another"
            " target (--python and --platform), which version pip would"
            " take, and why not the newest one. Answers come from the cache"
            " or the bundled snapshot; --refresh asks the index."
        ),
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="frameworks or distribution names; default: every framework",
    )
    parser.add_argument(
        "--python", metavar="X.Y", help="target CPython version, e.g. 3.12"
    )
    parser.add_argument(
        "--platform",
        metavar="TAG",
        help=(
            "target wheel platform tag, e.g. manylinux_2_28_x86_64,"
            " macosx_14_0_arm64, win_amd64"
        ),
    )
    parser.add_argument(
        "--pre", action="store_true", help="consider pre-releases (pip --pre)"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="ask the package index now (one request per distribution)",
    )
    parser.add_argument(
        "--index-url",
        metavar="URL",
        type=index_url,
        help="the index to ask with --refresh (default: the one pip uses)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network (wins over --refresh)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.set_defaults(handler=run_compat, compat_parser=parser)


def run_compat(args: argparse.Namespace) -> int:
    from .. import compatibility
    from ..exceptions import UnknownTargetError

    try:
        answers = compatibility(
            args.names or None,
            python=args.python,
            platform=args.platform,
            pre=args.pre,
            refresh=args.refresh,
            index_url=args.index_url,
            offline=True if args.offline else None,
        )
    except UnknownTargetError as err:
        # A --python or --platform no target can be built for: bad usage.
        args.compat_parser.error(str(err))
    if args.json:
        print_json(_document(answers))
        return 0
    width = terminal_width()
    print(
        "\n".join(
            wrap(
                answers[0].target.describe(),
                width,
                first="Target: ",
                rest="  ",
            )
        )
    )
    print(
        fit_table(
            _COLUMNS,
            _rows(answers),
            width,
            styles=[_style(answer) for answer in answers],
            colour=colour_wanted(sys.stdout),
        ).text
    )
    if len(answers) == 1:
        _commands(answers[0], width)
    for text in dict.fromkeys(n for a in answers for n in a.notes):
        note(text)
    return 0


#: The answer table; the names and the reasons wrap first.
_COLUMNS: Final = (
    Column(header="framework", wrap=True),
    Column(header="installs"),
    Column(header="why not the newest", wrap=True),
    Column(header="data"),
)


def _style(answer: Compatibility) -> str | None:
    """Red when it does not install, yellow when not the newest release."""
    if not answer.installable:
        return BAD
    return WARN if answer.reason else None


def _document(answers: tuple[Compatibility, ...]) -> dict[str, Any]:
    return {
        "target": answers[0].target.to_dict(),
        "frameworks": [answer.to_dict() for answer in answers],
    }


def _rows(answers: tuple[Compatibility, ...]) -> list[list[str]]:
    return [
        [
            answer.name,
            answer.version if answer.installable and answer.version else "no",
            answer.detail if answer.reason else "-",
            _data(answer),
        ]
        for answer in answers
    ]


def _data(answer: Compatibility) -> str:
    if answer.data is None:
        return "-"
    return (
        f"{answer.data.origin.value} {answer.data.read_at.date().isoformat()}"
    )


def _commands(answer: Compatibility, width: int) -> None:
    if answer.install_command is None:
        return
    where = "here" if answer.target.here else "on the target"
    print()
    _print_command(f"Install {where}:  ", answer.install_command, width)
    if answer.download_command:
        _print_command("Fetch from here:  ", answer.download_command, width)
    if answer.target.here and answer.distribution is not None:
        _gpu_build(answer.framework, width)


def _print_command(label: str, command: str, width: int) -> None:
    print("\n".join(command_lines(label, command, width)))


def _gpu_build(framework: str, width: int) -> None:
    """This machine's GPU build line for registry key *framework*, when
    its GPU can use one.

    Only for this machine: another target's GPU and driver are unknown.
    """
    from .. import gpu_fit
    from ..exceptions import DlchooseError

    try:
        (fit,) = gpu_fit([framework])
    except DlchooseError as err:
        note(f"no GPU answer: {err}")
        return
    if fit.status == "gpu" and fit.install_command:
        _print_command("GPU build here:   ", fit.install_command, width)
    if fit.warning:
        note(fit.warning)
