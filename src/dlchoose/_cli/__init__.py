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
import contextlib
import errno
import importlib
import os
import sys

from collections.abc import Iterable, Sequence
from typing import Any, Final, TextIO

from ..exceptions import DlchooseError
from ._output import error, flush_notes, reset_notes, warn
from ._report_table import HelpFormatter


__all__ = ["main"]

#: Command name -> the module in this package that registers and runs it.
#: The order is the order ``dlchoose --help`` lists the commands in.
COMMANDS: Final = {
    "list": "_registry_cmd",
    "show": "_registry_cmd",
    "detect": "_detect_cmd",
    "doctor": "_doctor_cmd",
    "stats": "_metrics_cmd",
    "table": "_metrics_cmd",
    "recommend": "_recommend_cmd",
    "purposes": "_recommend_cmd",
    "compat": "_compat_cmd",
    "gpu": "_gpu_cmd",
    "compare": "_compare_cmd",
    "report": "_report_cmd",
    "completion": "_completion_cmd",
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


class _Parser(argparse.ArgumentParser):
    """A parser whose help wraps at spaces only (argparse's own breaks
    ``--no-metrics`` or ``one-line`` at the hyphen), unless a command
    asks for another formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(
    modules: Iterable[str] | None = None,
) -> argparse.ArgumentParser:
    """The parser with *modules*' commands (every command by default)."""
    parser = _Parser(
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
        dest="command",
        metavar="COMMAND",
        required=True,
        parser_class=_Parser,
    )
    chosen = dict.fromkeys(COMMANDS.values()) if modules is None else modules
    for name in chosen:
        importlib.import_module(f".{name}", __name__).register(subparsers)
    for command in {id(p): p for p in subparsers.choices.values()}.values():
        _add_note_options(command)
    return parser


def _add_note_options(command: argparse.ArgumentParser) -> None:
    """``--quiet`` and ``--explain`` on every command, unless the command
    already defines them (``recommend --explain`` shows notes too)."""
    options = (
        (
            ("-q", "--quiet"),
            "no notes on stderr (errors still show)",
        ),
        (
            ("--explain",),
            "show every note instead of a one-line summary",
        ),
    )
    for flags, help_text in options:
        with contextlib.suppress(argparse.ArgumentError):
            command.add_argument(*flags, action="store_true", help=help_text)


#: Exit codes beyond 0/1/2, as a shell reports a process ended by that
#: signal (128 + its number), so scripts can tell an interrupt apart.
EXIT_INTERRUPTED: Final = 130  # SIGINT
EXIT_BROKEN_PIPE: Final = 141  # SIGPIPE: the reader went away


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Whatever happens to the streams (Ctrl-C, a reader that leaves early,
    a full disk, a terminal that cannot show every character), the user
    sees at most one line on stderr, never a traceback.
    """
    _replace_unencodable(sys.stdout)
    try:
        code = _run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `dlchoose list | head`: the reader has what it wanted.  Point
        # stdout at /dev/null so the flush at exit cannot fail again.
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as err:
        if err.errno not in _FULL:
            raise
        _discard_stdout()
        error(f"could not write the output: {err.strerror}")
        return 1
    return code


#: errno values that mean the output has nowhere to go.
_FULL: Final = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _run(args: list[str]) -> int:
    reset_notes()
    if args[:1] == ["--version"]:
        # Answer without building every subparser.
        print(_version())
        return 0
    parser = build_parser(_modules_for(args))
    namespace = parser.parse_args(args)
    try:
        code = int(namespace.handler(namespace))
    except DlchooseError as err:
        error(str(err))
        code = 1
    # Notes come after the answer, so the answer is what a person sees
    # first (and a pipe reading stdout is done before they appear).
    sys.stdout.flush()
    flush_notes(
        quiet=bool(getattr(namespace, "quiet", False)),
        explain=bool(getattr(namespace, "explain", False)),
    )
    return code


def _replace_unencodable(stream: TextIO) -> None:
    """Print what an ASCII-only stdout can show, replacing the rest.

    With ``LC_ALL=C`` or ``PYTHONIOENCODING=ascii`` a single ``…`` would
    otherwise end the command with ``UnicodeEncodeError``.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def _discard_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _say(message: str) -> None:
    with contextlib.suppress(OSError):
        warn(message)
