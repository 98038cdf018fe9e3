"""docs/cli.md's option reference is generated from the argparse parser and
checked against it, so it cannot drift from the command.

After changing an option, regenerate the block with::

    python -m tests.test_cli_docs --write
"""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from dlchoose._cli import COMMANDS, build_parser


PAGE = Path(__file__).parent.parent / "docs" / "cli.md"
START = (
    "<!-- options:start (generated: python -m tests.test_cli_docs --write) -->"
)
END = "<!-- options:end -->"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every command's parser, in the order ``dlchoose --help`` lists."""
    parser = build_parser()
    (action,) = [
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ]
    return {name: action.choices[name] for name in COMMANDS}


def invocation(action: argparse.Action) -> str:
    """How the option is typed: names, then its value's placeholder."""
    choices = "{" + ",".join(map(str, action.choices or ())) + "}"
    meta = action.metavar or (choices if action.choices else None)
    if not action.option_strings:
        shown = str(meta or action.dest)
        return shown + (" ..." if action.nargs in {"*", "+"} else "")
    names = ", ".join(action.option_strings)
    if action.nargs == 0:
        return names
    return f"{names} {meta or action.dest.upper()}"


def help_text(action: argparse.Action) -> str:
    text = " ".join((action.help or "see the description above").split())
    if "%(" in text:
        text %= {**vars(action), "prog": "dlchoose"}
    return text.replace("%%", "%").replace("|", "\\|")


def reference() -> str:
    """The generated block: per command, its description and a table of
    every argument (``--help`` aside)."""
    lines = [START, ""]
    for name, parser in subcommands().items():
        lines += [f"### `dlchoose {name}`", ""]
        if parser.description:
            lines += [" ".join(parser.description.split()), ""]
        lines += ["| argument | meaning |", "|---|---|"]
        lines += [
            f"| `{invocation(a)}` | {help_text(a)} |"
            for a in parser._actions
            if not isinstance(a, argparse._HelpAction)
        ]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def documented() -> str:
    """The block as it stands in docs/cli.md."""
    page = PAGE.read_text(encoding="utf-8")
    start = page.index(START)
    return page[start : page.index(END, start) + len(END)]


def write() -> None:
    """Replace the block in docs/cli.md with the generated one."""
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(page.replace(documented(), reference()), encoding="utf-8")


class TestOptionReference:
    def test_block_matches_the_parser(self):
        """docs/cli.md lists every command and argument exactly as the
        parser defines them (regenerate with --write)."""
        assert reference() == documented()

    def test_every_option_of_every_command_is_listed(self):
        """No option of any command is left out of the block."""
        block = documented()
        for name, parser in subcommands().items():
            section = block.split(f"### `dlchoose {name}`", 1)[1]
            section = section.split("### ", 1)[0]
            for action in parser._actions:
                for option in action.option_strings:
                    if option not in {"-h", "--help"}:
                        assert f"{option}" in section, (name, option)

    def test_every_command_has_a_section(self):
        """One section per registered command, in --help's order."""
        headings = [
            line.removeprefix("### `dlchoose ").removesuffix("`")
            for line in documented().splitlines()
            if line.startswith("### `dlchoose ")
        ]
        assert list(COMMANDS) == headings


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        sys.stdout.write(reference() + "\n")
