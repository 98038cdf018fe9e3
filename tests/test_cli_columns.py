"""Text tables that fit the terminal: ``stats`` and ``table`` on 80
columns, wrapping at spaces, hiding the least useful columns."""

from __future__ import annotations

import sys

import pytest

from dlchoose._cli import main
from dlchoose._cli._columns import Column, fit_table


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


class TestFitTable:
    def test_control_characters_never_reach_the_terminal(self):
        """Escape sequences and line breaks in a cell (a version read from
        someone's package.json) are shown as ?, one row a line."""
        fitted = fit_table(
            [Column(header="k"), Column(header="version")],
            [["tfjs", "4.0\x1b[31mRED\n"]],
            80,
        )
        assert "\x1b" not in fitted.text
        assert "tfjs  4.0?[31mRED?" == fitted.text.splitlines()[-1]

    def test_natural_width_when_it_fits(self):
        """A table narrower than the width is left as it is."""
        fitted = fit_table(
            [Column(header="a"), Column(header="n", right=True)],
            [["x", "1"], ["yy", "22"]],
            80,
        )
        assert ["a    n", "--  --", "x    1", "yy  22"] == (
            fitted.text.splitlines()
        )
        assert () == fitted.hidden

    def test_wraps_at_spaces_never_inside_words(self):
        """A wrapping column breaks between words only."""
        text = "alpha beta gamma delta"
        fitted = fit_table(
            [Column(header="k"), Column(header="words", wrap=True)],
            [["1", text]],
            16,
        )
        lines = fitted.text.splitlines()
        assert _widest(fitted.text) <= 16
        words = " ".join(line[3:].strip() for line in lines[2:]).split()
        assert text.split() == words

    def test_drops_in_rank_order(self):
        """Droppable columns go lowest rank first, until the rest fits."""
        columns = [
            Column(header="keep"),
            Column(header="second", drop=2),
            Column(header="first", drop=1),
        ]
        fitted = fit_table(columns, [["k" * 10, "s" * 10, "f" * 10]], 24)
        assert ("first",) == fitted.hidden
        assert _widest(fitted.text) <= 24

    def test_shortens_as_a_last_resort(self):
        """With nothing left to hide, over-long words are shortened with
        the ellipsis given."""
        fitted = fit_table(
            [Column(header="name")], [["x" * 30]], 10, ellipsis="..."
        )
        assert "xxxxxxx..." == fitted.text.splitlines()[-1]

    def test_emphasis_makes_the_header_bold(self):
        """Emphasis wraps header lines in bold escapes, nothing else."""
        fitted = fit_table([Column(header="a")], [["x"]], 80, emphasis=True)
        first, *rest = fitted.text.splitlines()
        assert "\033[1ma\033[0m" == first
        assert "\033[" not in "".join(rest)

    def test_headers_wrap(self):
        """A long header wraps at its spaces to fit a narrow column."""
        fitted = fit_table(
            [Column(header="open issues+PRs", right=True)], [["1"]], 10
        )
        assert ["      open", "issues+PRs"] == fitted.text.splitlines()[:2]


def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is an 80-column terminal without colour settings (patched
    inside the test: capsys swaps sys.stdout after fixtures are set up)."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")


class TestCommandsFit:
    @pytest.mark.parametrize("command", [["stats"], ["table"]])
    def test_80_columns(self, capsys, monkeypatch, command):
        """On an 80-column terminal no line is wider than 80."""
        _terminal(monkeypatch)
        assert 0 == main([*command, "--offline", "-q"])
        out = capsys.readouterr().out.replace("\033[1m", "")
        assert _widest(out.replace("\033[0m", "")) <= 80

    def test_table_text_on_a_terminal(self, capsys, monkeypatch):
        """table on a terminal is an aligned text table, header in bold."""
        _terminal(monkeypatch)
        assert 0 == main(["table", "--offline", "-q"])
        first = capsys.readouterr().out.splitlines()[0]
        assert first.startswith("\033[1mFramework")

    def test_no_color(self, capsys, monkeypatch):
        """NO_COLOR keeps escapes out even on a terminal."""
        _terminal(monkeypatch)
        monkeypatch.setenv("NO_COLOR", "1")
        assert 0 == main(["table", "--offline", "-q"])
        assert "\033[" not in capsys.readouterr().out

    def test_dumb_terminal(self, capsys, monkeypatch):
        """TERM=dumb keeps escapes out."""
        _terminal(monkeypatch)
        monkeypatch.setenv("TERM", "dumb")
        assert 0 == main(["stats", "--offline", "-q"])
        assert "\033[" not in capsys.readouterr().out

    def test_force_color_off_a_terminal(self, capsys, monkeypatch):
        """FORCE_COLOR emphasises even when stdout is not a terminal."""
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.delenv("NO_COLOR", raising=False)
        assert 0 == main(["table", "--offline", "--format", "text", "-q"])
        assert capsys.readouterr().out.startswith("\033[1m")

    def test_wide_terminal_shows_every_column(self, capsys, monkeypatch):
        """COLUMNS wide enough: stats shows all eleven columns."""
        monkeypatch.setenv("COLUMNS", "300")
        assert 0 == main(["stats", "--offline", "-q"])
        header = capsys.readouterr().out.splitlines()[0]
        assert header.split()[:2] == ["framework", "repository"]
        assert "licence" in header
        assert "watchers" in header

    def test_piped_table_stays_markdown(self, capsys):
        """Off a terminal the default format is still Markdown."""
        assert 0 == main(["table", "--offline", "-q"])
        assert capsys.readouterr().out.startswith("| Framework |")

    def test_json_flag(self, capsys):
        """table --json is --format json."""
        assert 0 == main(["table", "--offline", "--json", "-q"])
        assert capsys.readouterr().out.startswith('{\n  "frameworks"')
