"""The command line under hostile streams: interrupts, pipes, full disks."""

from __future__ import annotations

import argparse
import errno
import io
import os
import subprocess
import sys

from pathlib import Path

import pytest

from dlchoose._cli import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, main


def _dlchoose(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "dlchoose", *args],
        env={**os.environ, **(env or {})},
        **kwargs,
    )


class TestStreams:
    def test_interrupt_prints_one_line_and_exits_130(
        self, capsys, monkeypatch
    ):
        """Ctrl-C ends the command with one line and exit code 130."""

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", interrupted)
        assert EXIT_INTERRUPTED == main(["list"])
        assert [
            "dlchoose: interrupted"
        ] == capsys.readouterr().err.splitlines()

    def test_reader_leaving_early_is_quiet(self):
        """A closed pipe ends the command quietly with 141, no traceback."""
        process = _dlchoose(
            "list", "--json", stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # the JSON is far larger than a pipe buffer
        with process.stderr:
            err = process.stderr.read().decode()
        assert EXIT_BROKEN_PIPE == process.wait(timeout=30)
        assert "" == err

    @pytest.mark.skipif(
        not Path("/dev/full").exists(), reason="needs /dev/full"
    )
    def test_full_disk_is_one_line(self):
        """Writing to a full device ends with one error line and exit 1."""
        with Path("/dev/full").open("wb") as full:
            process = _dlchoose("list", stdout=full, stderr=subprocess.PIPE)
            _, err = process.communicate(timeout=30)
        lines = err.decode().splitlines()
        assert 1 == process.returncode
        assert 1 == len(lines)
        assert lines[0].startswith("dlchoose: error: could not write")

    def test_ascii_terminal_still_prints(self):
        """An ASCII-only stdout gets replacements instead of a crash."""
        process = _dlchoose(
            "recommend",
            env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        out, err = process.communicate(timeout=60)
        assert 0 == process.returncode, err.decode()
        assert b"Traceback" not in err
        out.decode("ascii")  # nothing outside ASCII reached the stream
        assert b"PyTorch" in out

    def test_other_os_errors_are_not_swallowed(self, monkeypatch):
        """Only 'nowhere to write' errors become the one-line message."""

        def broken(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", broken)
        with pytest.raises(PermissionError):
            main(["list"])

    def test_broken_pipe_in_process(self, capsys, monkeypatch):
        """A reader leaving early, seen in-process: exit 141, no words."""

        def leaves(*args: object, **kwargs: object) -> None:
            raise BrokenPipeError

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", leaves)
        assert EXIT_BROKEN_PIPE == main(["list"])
        assert "" == capsys.readouterr().err

    def test_full_disk_in_process(self, capsys, monkeypatch):
        """A full disk, seen in-process: one error line and exit 1."""

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", full)
        assert 1 == main(["list"])
        assert [
            (
                "dlchoose: error: could not write the output:"
                " No space left on device"
            )
        ] == capsys.readouterr().err.splitlines()

    def test_stream_without_reconfigure(self, capsys, monkeypatch):
        """A stdout that cannot be reconfigured is used as it is."""
        plain = io.StringIO()
        monkeypatch.setattr(sys, "stdout", plain)
        assert 0 == main(["--version"])
        assert plain.getvalue().startswith("dlchoose ")

    def test_broken_pipe_points_stdout_at_devnull(self, tmp_path, monkeypatch):
        """After a broken pipe, stdout's descriptor goes to the null device,
        so the flush at exit cannot fail again."""

        def leaves(*args: object, **kwargs: object) -> None:
            sys.stdout.write("lost")
            raise BrokenPipeError

        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", leaves)
        with (tmp_path / "out").open("w") as stream:
            monkeypatch.setattr(sys, "stdout", stream)
            assert EXIT_BROKEN_PIPE == main(["list"])
            stream.flush()
        assert "" == (tmp_path / "out").read_text()
