"""The ``dlchoose`` command: parse, call the public API, render.

Exit codes: 0 success, 1 a :class:`~dlchoose.exceptions.DlchooseError`
(one line on stderr, no traceback), 2 bad usage (argparse's own).  Each
command group lives in its own module and contributes
``register(subparsers)``; business logic stays in the library.

Only the chosen command's module is imported, so ``dlchoose list`` loads
neither the recommender nor the metrics client.  ``dlchoose --help`` (or
no command, or an unknown one) registers every group, so argparse can list
them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from collections.abc import Iterable, Sequence
from typing import Final

from ..exceptions import DlchooseError
from ._output import error


__all__ = ["main"]

#: Command name -> the module in this package that registers and runs it.
#: The order is the order ``dlchoose --help`` lists the commands in.
COMMANDS: Final = {
    "list": "_registry_cmd",
    "show": "_registry_cmd",
    "detect": "_detect_cmd",
    "stats": "_metrics_cmd",
    "table": "_metrics_cmd",
    "recommend": "_recommend_cmd",
    "purposes": "_recommend_cmd",
}


def _version() -> str:
    from .. import __version__

    return f"dlchoose {__version__}"


def _modules_for(args: Sequence[str]) -> list[str]:
    """The command modules *args* needs: the chosen one, else all of them.

    The first argument that is not an option names the command; options
    before it are the top-level parser's own (``--version``, ``--help``).
    """
    for arg in args:
        if not arg.startswith("-"):
            module = COMMANDS.get(arg)
            if module is not None:
                return [module]
            break
    return list(dict.fromkeys(COMMANDS.values()))


def build_parser(
    modules: Iterable[str] | None = None,
) -> argparse.ArgumentParser:
    """The parser with *modules*' commands (every command by default)."""
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
    chosen = dict.fromkeys(COMMANDS.values()) if modules is None else modules
    for name in chosen:
        importlib.import_module(f".{name}", __name__).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--version"]:
        # Answer without building every subparser.
        print(_version())
        return 0
    parser = build_parser(_modules_for(args_list))
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args))
    except DlchooseError as err:
        error(str(err))
        return 1
    except BrokenPipeError:  # pragma: no cover - `dlchoose list | head`
        sys.stderr.close()
        return 0
