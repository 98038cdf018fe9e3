"""Notes after the answer, --quiet and --explain on every command, and the
shared argument validators."""

from __future__ import annotations

import argparse

import pytest

from dlchoose._cli import COMMANDS, _output, build_parser, main
from dlchoose._cli._args import api_url, seconds


@pytest.fixture(autouse=True)
def _empty_queue():
    _output.reset_notes()
    yield
    _output.reset_notes()


def _subparser(command: str) -> argparse.ArgumentParser:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen: argparse.ArgumentParser = action.choices[command]
            return chosen
    raise AssertionError("no subcommands")


class TestNotes:
    def test_one_note_is_one_line(self, capsys):
        """A single note is printed as it is, with the common prefix."""
        _output.note("figures are  2 days\n old")
        _output.flush_notes()
        assert "dlchoose: figures are 2 days old\n" == capsys.readouterr().err

    def test_several_collapse_to_one_line(self, capsys):
        """Several notes become one line that says how to see them."""
        for text in ("a", "b", "c"):
            _output.note(text)
        _output.flush_notes()
        assert [
            "dlchoose: 3 notes; --explain shows them"
        ] == capsys.readouterr().err.splitlines()

    def test_explain_shows_all(self, capsys):
        """With explain every note is shown, in order."""
        for text in ("a", "b"):
            _output.note(text)
        _output.flush_notes(explain=True)
        assert [
            "dlchoose: a",
            "dlchoose: b",
        ] == capsys.readouterr().err.splitlines()

    def test_quiet_shows_none(self, capsys):
        """Quiet silences notes and still empties the queue."""
        _output.note("a")
        _output.flush_notes(quiet=True, explain=True)
        assert "" == capsys.readouterr().err
        assert () == _output.pending_notes()

    def test_duplicates_and_blanks_dropped(self):
        """The same note twice is queued once; a blank one not at all."""
        _output.note("same")
        _output.note(" same ")
        _output.note("   ")
        assert ("same",) == _output.pending_notes()

    def test_errors_stay_immediate(self, capsys):
        """error() prints at once, before any queued note."""
        _output.note("later")
        _output.error("now\nsecond line")
        _output.flush_notes()
        assert [
            "dlchoose: error: now",
            "dlchoose: later",
        ] == capsys.readouterr().err.splitlines()


class TestMainFlushesNotes:
    def test_notes_after_the_answer(self, capsys):
        """stats prints its answer first; its notes collapse into one line
        counting what --explain lists, one line each."""
        assert 0 == main(["stats", "--offline", "--explain"])
        listed = capsys.readouterr().err.splitlines()
        assert len(listed) > 1
        assert all(line.startswith("dlchoose: ") for line in listed)
        assert 0 == main(["stats", "--offline"])
        captured = capsys.readouterr()
        assert captured.out.startswith("framework")
        assert [
            f"dlchoose: {len(listed)} notes; --explain shows them"
        ] == captured.err.splitlines()

    @pytest.mark.parametrize("flag", ["-q", "--quiet"])
    def test_quiet(self, capsys, flag):
        """-q / --quiet: the answer and no notes."""
        assert 0 == main(["stats", "--offline", flag])
        captured = capsys.readouterr()
        assert "" == captured.err
        assert "pytorch/pytorch" in captured.out

    def test_queue_starts_empty_each_run(self, capsys):
        """A note left from an earlier run is not shown by the next."""
        _output.note("stale")
        assert 0 == main(["list"])
        assert "" == capsys.readouterr().err

    def test_notes_flushed_after_an_error(self, capsys, monkeypatch):
        """A command failing with a DlchooseError still shows its notes,
        after the error line, and exits 1."""
        assert 1 == main(["stats", "o/missing", "--offline"])
        lines = capsys.readouterr().err.splitlines()
        assert lines[0].startswith("dlchoose: error: ")
        assert (
            "dlchoose: no figures are known offline for o/missing"
            == (lines[1])
        )


class TestEveryCommand:
    @pytest.mark.parametrize("command", sorted(COMMANDS))
    def test_quiet_and_explain_parse(self, command):
        """Every command accepts --quiet, -q and --explain."""
        sub = _subparser(command)
        options = {o for a in sub._actions for o in a.option_strings}
        assert {"-q", "--quiet", "--explain"} <= options

    def test_recommend_keeps_its_own_explain(self):
        """recommend's own --explain is kept (not redefined)."""
        sub = _subparser("recommend")
        helps = [
            a.help for a in sub._actions if "--explain" in a.option_strings
        ]
        assert 1 == len(helps)
        assert "show every note instead of a one-line summary" != helps[0]


class TestUsageErrors:
    @pytest.mark.parametrize(
        "value",
        [
            "notaurl",
            "ftp://ghe.example/api",
            "http://",
            "https://ghe.example:99999/api",
            "https://user:pw@ghe.example/api",
        ],
    )
    @pytest.mark.parametrize("command", ["stats", "table"])
    def test_bad_api_url_exits_2(self, capsys, command, value):
        """A bad --api-url is a usage error: exit 2, no password echoed."""
        with pytest.raises(SystemExit) as info:
            main([command, "--api-url", value])
        assert 2 == info.value.code
        err = capsys.readouterr().err
        assert "argument --api-url" in err
        assert "pw" not in err

    def test_api_url_accepts_and_strips(self):
        """A good URL passes, surrounding blanks removed."""
        assert "https://ghe.example/api/v3" == api_url(
            " https://ghe.example/api/v3 "
        )

    @pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "x"])
    def test_seconds_refused(self, value):
        """Seconds must be a positive finite number."""
        with pytest.raises(argparse.ArgumentTypeError):
            seconds(value)

    def test_seconds_accepted(self):
        """A positive number of seconds passes as a float."""
        assert 2.5 == seconds("2.5")
