"""Every text command fits the terminal: ``COLUMNS`` is respected (80, 60
and 120 columns), no line is wider, no word is broken; colour only where it
is wanted; usage errors exit 2.  JSON, the HTML page and the completion
script are data, not screen text, and are left out."""

from __future__ import annotations

import re
import sys

from datetime import date
from pathlib import Path

import pytest

from dlchoose import Framework, Source
from dlchoose._cli import main
from dlchoose._cli._columns import Column, fit_table
from dlchoose._cli._registry_cmd import render_framework
from dlchoose._cli._report_table import (
    ELLIPSIS,
    command_lines,
    paint,
    short_path,
    wrap,
)
from dlchoose._detect._scan import clear_cache


#: One fake interpreter's answers: fixed target, so runs agree.
TARGET = ("--python", "3.11", "--platform", "manylinux_2_28_x86_64")

#: (id, argv) of every text command owned here, with its longest outputs.
COMMANDS = [
    ("detect", ["detect"]),
    ("detect-all", ["detect", "--all"]),
    ("detect-probe", ["detect", "--probe", "--timeout", "30"]),
    ("detect-require", ["detect", "--require", "torch>=9", "--all"]),
    ("doctor", ["doctor", "--timeout", "30"]),
    ("compat", ["compat", *TARGET]),
    (
        "compat-one",
        ["compat", "torch", "--python", "3.9", "--platform", "win_amd64"],
    ),
    ("gpu", ["gpu", "--explain", *TARGET]),
    (
        "gpu-planned",
        [
            "gpu",
            "--driver",
            "550.54.14",
            "--compute-capability",
            "8.6",
            "--explain",
            *TARGET,
        ],
    ),
    ("compare", ["compare", "pytorch", "tensorflow", "jax", "mxnet"]),
    ("list", ["list"]),
    ("show", ["show", "pytorch"]),
    ("show-tensorflow", ["show", "tensorflow"]),
    ("stats", ["stats", "--offline"]),
    ("table", ["table", "--offline", "--format", "text"]),
    ("recommend", ["recommend", "--purpose", "academic", "--all"]),
    ("recommend-explain", ["recommend", "--purpose", "industry", "--explain"]),
    ("recommend-why-not", ["recommend", "--why-not", "jax"]),
    ("purposes", ["purposes"]),
    ("help", ["--help"]),
    *(
        (f"{name}-help", [name, "--help"])
        for name in (
            "list",
            "show",
            "stats",
            "table",
            "purposes",
            "recommend",
            "detect",
            "doctor",
            "compat",
            "gpu",
            "compare",
            "report",
            "completion",
        )
    ),
]

ANSI = re.compile(r"\033\[[0-9;]*m")


@pytest.fixture(name="site")
def _site(tmp_path, monkeypatch):
    """A home folder holding a deep site-packages with a fake torch that
    imports and a fake TensorFlow that fails, requiring what is missing."""
    home = tmp_path / "home"
    site = home / ".virtualenvs" / "a-rather-long-project-name" / "lib"
    site = site / "python3.11" / "site-packages"
    _package(site, "torch", "2.5.1+cpu", "__version__ = '2.5.1+cpu'\n")
    _package(
        site,
        "tensorflow",
        "2.21.0",
        "raise ImportError('DLL load failed while importing _pywrap_tf2:"
        " the specified module could not be found; see the install guide"
        " for the Microsoft Visual C++ redistributable packages')\n",
        requires=("tensorboard<2.22,>=2.21", "ml-dtypes<1.0.0,>=0.5.1"),
    )
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    monkeypatch.setenv("HOME", str(home))
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM", "CUDA_VISIBLE_DEVICES"):
        monkeypatch.delenv(name, raising=False)
    clear_cache()
    yield site
    clear_cache()


def _package(
    site: Path,
    name: str,
    version: str,
    code: str,
    requires: tuple[str, ...] = (),
) -> None:
    (site / name).mkdir(parents=True)
    (site / name / "__init__.py").write_text(code)
    meta = site / f"{name}-{version}.dist-info"
    meta.mkdir()
    lines = [f"Name: {name}", f"Version: {version}"]
    lines += [f"Requires-Dist: {r}" for r in requires]
    (meta / "METADATA").write_text("\n".join(lines) + "\n")


def output(capsys, monkeypatch, argv, columns):
    """stdout of ``dlchoose argv`` at *columns*; ``--help`` exits 0, the
    others answer (0) or report a problem they found (1)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    if "--help" in argv:
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert 0 == stop.value.code
    else:
        assert main(argv) in {0, 1}
    return capsys.readouterr().out


#: Characters of the score bars, whose length follows the width.
BARS = frozenset("\u2588\u2592")


def words(text: str) -> set[str]:
    """The words of *text* that must come out whole, without the
    punctuation around them: not table rules, continuation marks, score
    bars or words shortened with an ellipsis."""
    return {
        word.strip(",;:()")
        for word in text.split()
        if ELLIPSIS not in word
        and word != "\\"
        and set(word) != {"-"}
        and not BARS & set(word)
    }


def too_wide(text: str, columns: int) -> list[str]:
    """Lines wider than *columns*, except a line led by a word about as
    wide by itself (a URL, with at most its date, or a command's word:
    shown whole because a cut one would lead nowhere)."""
    return [
        line
        for line in text.splitlines()
        if len(line) > columns
        and not (len(line.split()) <= 2 and len(line.split()[0]) > columns - 8)
    ]


class TestWidth:
    @pytest.mark.parametrize("columns", [80, 60, 120])
    @pytest.mark.parametrize(
        "argv", [a for _, a in COMMANDS], ids=[i for i, _ in COMMANDS]
    )
    def test_fits_and_breaks_no_word(
        self, site, capsys, monkeypatch, argv, columns
    ):
        """No line is wider than COLUMNS, and every word shown is a whole
        word of the same output at an unlimited width."""
        fitted = output(capsys, monkeypatch, argv, columns)
        wide = output(capsys, monkeypatch, argv, 10_000)

        assert [] == too_wide(fitted, columns)
        assert set() == words(fitted) - words(wide)
        assert fitted.strip()

    def test_wide_terminal_keeps_rows_on_one_line(
        self, site, capsys, monkeypatch
    ):
        """With room, a table row stays on one line (nothing is wrapped
        for its own sake)."""
        out = output(capsys, monkeypatch, ["compat", *TARGET], 400)
        assert 24 <= len(out.splitlines()) - 3
        assert any(
            line.startswith("OneFlow") and "newest that fits" in line
            for line in out.splitlines()
        )

    def test_paths_are_shortened_not_cut(self, site, capsys, monkeypatch):
        """A deep location under HOME shows as ~ and keeps its last folder."""
        out = output(capsys, monkeypatch, ["detect"], 60)
        (row,) = [line for line in out.splitlines() if line.startswith("pyt")]
        assert row.rstrip().endswith("torch")
        assert "~/" in row


class TestShow:
    def test_release_parts_get_a_line_each_when_narrow(
        self, capsys, monkeypatch
    ):
        """At 80 columns pytorch's release keeps its version on the fact
        line and gives each further part a line of its own."""
        monkeypatch.setenv("COLUMNS", "80")
        assert 0 == main(["show", "pytorch"])
        lines = capsys.readouterr().out.splitlines()
        start = lines.index("  latest release: 2.15.0 (2026-10-28) [5]")
        assert [
            "    torch on the package index",
            "    requires Python >=3.11",
            "    Python 3.10: 2.14.1 (2026-09-30)",
        ] == lines[start + 1 : start + 4]

    def test_bare_framework_has_no_summary_or_sources(self):
        """Without a summary or sources, the facts follow the name and no
        Sources block is printed."""
        framework = Framework(key="toy", name="Toy", status="active")
        lines = render_framework(framework, width=40).splitlines()
        assert ["Toy (toy)", ""] == lines[:2]
        assert "Sources:" not in lines

    def test_long_sources_keep_their_address_whole(self):
        """A long source title wraps under its number; the address (whole)
        and the date follow on lines of their own; a source without an
        address gets no address line (the first: facts are numbered
        in their order)."""
        url = "https://example.org/" + "a" * 8
        framework = Framework(
            key="toy",
            name="Toy",
            status="active",
            sources={
                "status": (
                    Source(title="word " * 12, url=url, date=date(2026, 1, 2)),
                ),
                "languages": (Source(title="title " * 10),),
            },
        )
        lines = render_framework(framework, width=40).splitlines()
        sources = lines[lines.index("Sources:") + 1 :]
        assert all(len(line) <= 40 for line in sources)
        assert f"      <{url}>," in sources
        assert "      2026-01-02" in sources
        assert 6 == len(sources)
        assert not any("<" in line for line in sources[:2])


class TestHelpers:
    def test_wrap_indents_and_cuts_only_long_words(self):
        """Words wrap under the first line's text; a word wider than the
        room is cut with an ellipsis."""
        lines = wrap("aa bb cc " + "x" * 30, 12, first="- ", rest="  ")
        assert ["- aa bb cc", "  xxxxxxxxx" + ELLIPSIS] == lines

    def test_command_moves_under_its_label(self):
        """A command that fits alone goes under its label, whole."""
        assert ["  fix:", "    pip install torch==2.5.1"] == command_lines(
            "  fix: ", "pip install torch==2.5.1", 30
        )

    def test_command_continues_between_shell_words(self):
        """A longer command continues with backslashes; quoted words stay
        whole and every line ends in ' \\' but the last."""
        command = (
            "pip install 'numpy<2, >=1.26' --index-url https://x.org/simple"
        )
        lines = command_lines("Run: ", command, 30)
        assert all(line.endswith(" \\") for line in lines[:-1])
        assert "'numpy<2, >=1.26'" in " ".join(lines)
        assert command == " ".join(
            line.removesuffix(" \\").strip() for line in lines
        ).removeprefix("Run: ")

    def test_unclosed_quote_is_one_word(self):
        """A command shlex cannot split is kept as one word."""
        assert ["x:", "  pip 'a b"] == command_lines("x: ", "pip 'a b", 5)

    def test_long_label_goes_on_its_own_line(self):
        """A label leaving too little room keeps its line to itself."""
        lines = command_lines("a" * 30 + ": ", "pip install a b c d e f", 40)
        assert "a" * 30 + ":" == lines[0]
        assert lines[1].startswith("  pip")

    @pytest.mark.parametrize(
        ("path", "width", "expected"),
        [
            ("/opt/a/b/c/torch", 80, "/opt/a/b/c/torch"),
            ("/opt/a/b/c/torch", 12, "/…/b/c/torch"),
            ("/opt/averyveryverylongname", 10, ELLIPSIS + "ylongname"),
        ],
    )
    def test_short_path(self, path, width, expected):
        """Paths lose middle folders first, then their start."""
        assert expected == short_path(path, width)
        assert len(short_path(path, width)) <= width

    def test_short_path_home(self, monkeypatch, tmp_path):
        """The home folder reads ~."""
        monkeypatch.setenv("HOME", str(tmp_path))
        assert "~/x" == short_path(str(tmp_path / "x"), 80)

    def test_table_narrows_flexible_columns_first(self):
        """The flexible column wraps while the others keep their width."""
        text = fit_table(
            [Column(header="name"), Column(header="why", wrap=True)],
            [["torch", "one two three four five six"]],
            20,
        ).text
        assert [
            "name   why",
            "-----  -------------",
            "torch  one two three",
            "       four five six",
        ] == text.splitlines()

    def test_table_paints_rows(self):
        """A row's style colours each of its lines, only with colour on."""
        rows = [["a", "b"], ["c", "d"]]
        columns = [Column(header="x"), Column(header="y")]
        coloured = fit_table(
            columns, rows, 20, styles=["31"], colour=True
        ).text
        plain = fit_table(columns, rows, 20, styles=["31"]).text
        assert "\033[31ma  b\033[0m" in coloured
        assert "\033[" not in plain
        assert plain == ANSI.sub("", coloured)

    def test_paint_without_style(self):
        """No style, no colour or no text: the text unchanged."""
        assert "x" == paint("x", None, colour=True)
        assert "x" == paint("x", "1", colour=False)
        assert "" == paint("", "1", colour=True)


class TestColour:
    @pytest.mark.parametrize(
        ("argv", "code"),
        [
            (["compat", *TARGET], "\033[31m"),
            (["doctor", "tensorflow", "--timeout", "30"], "\033[31m"),
            (["detect", "--require", "torch>=9"], "\033[31m"),
            (["compare", "torch", "jax"], "\033[1m* "),
            (
                [
                    "gpu",
                    "--driver",
                    "550.54.14",
                    "--compute-capability",
                    "8.6",
                    *TARGET,
                ],
                "\033[32m",
            ),
        ],
    )
    def test_force_color_paints_no_color_wins(
        self, site, capsys, monkeypatch, argv, code
    ):
        """FORCE_COLOR paints problems red and good answers green;
        NO_COLOR wins over it; TERM=dumb and a pipe get none."""
        monkeypatch.setenv("FORCE_COLOR", "1")
        forced = output(capsys, monkeypatch, argv, 80)
        monkeypatch.setenv("NO_COLOR", "1")
        refused = output(capsys, monkeypatch, argv, 80)
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.delenv("FORCE_COLOR")
        monkeypatch.setenv("TERM", "dumb")
        dumb = output(capsys, monkeypatch, argv, 80)

        assert code in forced
        assert ANSI.sub("", forced) == refused == dumb
        assert "\033[" not in refused


class TestUsage:
    def test_timeout_without_probe_is_a_note(self, site, capsys, monkeypatch):
        """detect --timeout without --probe answers, with one note saying
        the timeout does nothing."""
        monkeypatch.setenv("COLUMNS", "80")
        assert 0 == main(["detect", "--timeout", "5"])
        err = capsys.readouterr().err
        assert "dlchoose: --timeout has no effect without --probe" in err

        assert 0 == main(["detect", "--timeout", "5", "--quiet"])
        assert "" == capsys.readouterr().err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["compat", "--python", "2.7"], "Unknown Python version"),
            (["gpu", "--platform", "macos"], "Unknown platform tag"),
            (["compare", "a", "b", "--purpose", "golf"], "Unknown purpose"),
            (["report", "-o", " "], "must name a file"),
            (["report", "-o", "-", "--purpose", "golf"], "Unknown purpose"),
            (["detect", "--timeout", "0"], "must be positive"),
        ],
    )
    def test_bad_values_exit_2(self, capsys, argv, message):
        """Values no run could use are argparse errors: exit 2, the usage
        line and the reason on stderr, nothing on stdout."""
        with pytest.raises(SystemExit) as stop:
            main(argv)
        out, err = capsys.readouterr()
        assert (2, "") == (stop.value.code, out)
        assert message in err
        assert err.startswith("usage: dlchoose ")

    def test_purpose_alias_is_canonical(self, capsys):
        """An alias of a purpose is accepted and answered as its purpose."""
        assert 0 == main(["compare", "torch", "jax", "--purpose", "research"])
        assert "for academic" in capsys.readouterr().out


class TestRenderers:
    def test_detect_parts_take_a_width(self):
        """detect's renderers fit the width they are given."""
        from types import SimpleNamespace

        from dlchoose import environment
        from dlchoose._cli._detect_cmd import render, render_requirements

        unmet = SimpleNamespace(
            met=False, requirement="torch>=9", reason="too old: " + "x " * 30
        )
        text = render([], environment({}), probe=False, hidden=3, width=30)
        text += "\n" + render_requirements([unmet], width=30)

        assert all(len(line) <= 30 for line in text.splitlines())
        assert "  UNMET torch>=9: too old: x x" in text.splitlines()

    def test_doctor_machine_notes_wrap(self):
        """The machine's notes wrap under their label."""
        from dlchoose._cli._doctor_cmd import render
        from dlchoose._detect._doctor_model import (
            Diagnosis,
            DoctorReport,
            MachineFacts,
        )

        machine = MachineFacts(
            nvidia_gpus=0, source="test", notes=("word " * 20,)
        )
        diagnosis = Diagnosis(key="k", name="K", health="healthy")
        report = DoctorReport(diagnoses=[diagnosis], machine=machine)

        lines = render(report, width=40).splitlines()

        notes = [
            line for line in lines if line.startswith(("  note:", "    "))
        ]
        assert len(notes) > 1
        assert all(len(line) <= 40 for line in lines)
        assert "K: healthy" == lines[0]
