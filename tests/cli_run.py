"""Running the ``dlchoose`` command inside a test."""

from __future__ import annotations

import pytest

from dlchoose._cli import main


def run(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """``dlchoose ARGV``: its exit code (argparse's usage errors included),
    stdout and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's usage errors
        code = int(str(exit_.code))
    out, err = capsys.readouterr()
    return code, out, err
