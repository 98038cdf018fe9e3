"""The ``dlchoose`` command: parse, call the public API, render.

Exit codes: 0 success, 1 a :class:`~dlchoose.exceptions.DlchooseError`
(one line on stderr, no traceback), 2 bad usage (argparse's own).  Each
subcommand lives in its own module and contributes ``register(subparsers)``;
business logic stays in the library.
"""

from __future__ import annotations

import argparse
import sys

from collections.abc import Sequence

from ..exceptions import DlchooseError
from . import _detect_cmd, _metrics_cmd, _recommend_cmd, _registry_cmd
from ._output import error


__all__ = ["main"]

_COMMAND_MODULES = (_registry_cmd, _detect_cmd, _metrics_cmd, _recommend_cmd)


def _version() -> str:
    from .. import __version__

    return f"dlchoose {__version__}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dlchoose",
        # Abbreviations would let `--vers` slip past the early --version.
        allow_abbrev=False,
        description=(
            "Choose and check deep-learning frameworks: a sourced registry,"
            " GitHub metrics, detection of local installs and explained"
            " recommendations."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=argparse.SUPPRESS
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True
    )
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--version"]:
        # Answer without building every subparser.
        print(_version())
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args))
    except DlchooseError as err:
        error(str(err))
        return 1
    except BrokenPipeError:  # pragma: no cover - `dlchoose list | head`
        sys.stderr.close()
        return 0
