"""``dlchoose compare``, the terminal bars and the side-by-side table."""

from __future__ import annotations

import io
import json
import re

from typing import Any

import pytest

import dlchoose

from dlchoose._cli import main
from dlchoose._cli._bars import (
    ASCII_FILLS,
    MIN_BAR_WIDTH,
    UNICODE_FILLS,
    Bar,
    Segment,
    can_encode,
    colour_wanted,
    legend,
    legend_letters,
    render_bars,
    terminal_width,
)
from dlchoose._cli._compare_cmd import comparison, score_bars, text
from dlchoose._cli._report_table import ELLIPSIS, Row, fit, grid
from dlchoose.exceptions import DlchooseError


ANSI = re.compile(r"\033\[[0-9;]*m")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def compare_json(capsys, *names: str) -> dict[str, Any]:
    code, out, _ = run(capsys, "compare", *names, "--json")
    assert 0 == code
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.fixture(name="no_colour_env")
def _no_colour_env(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(name="bare")
def _bare():
    """Two user frameworks with nothing known but their names."""
    return [
        dlchoose.register_framework(
            dlchoose.Framework(key=key, name=key.title(), status="active")
        )
        for key in ("bare-one", "bare-two")
    ]


class TestCompareText:
    def test_fits_80_columns(self, capsys, monkeypatch):
        """With COLUMNS=80 no line of the output is wider than 80."""
        monkeypatch.setenv("COLUMNS", "80")
        code, out, _ = run(capsys, "compare", "pytorch", "jax", "mxnet")
        assert 0 == code
        assert max(len(line) for line in out.splitlines()) <= 80

    @pytest.mark.parametrize("columns", [50, 60, 100, 132])
    def test_fits_other_widths(self, capsys, monkeypatch, columns):
        """COLUMNS is respected at narrow and wide widths, five columns too."""
        monkeypatch.setenv("COLUMNS", str(columns))
        names = ("pytorch", "tensorflow", "jax", "mxnet", "dl4j")
        _, out, _ = run(capsys, "compare", *names)
        assert max(len(line) for line in out.splitlines()) <= columns

    def test_words_are_never_broken(self, capsys, monkeypatch):
        """At 60 columns every word is one shown whole at 400 columns, or a
        start of one cut with an ellipsis: words never split over lines."""
        names = ("pytorch", "dl4j", "mxnet")
        monkeypatch.setenv("COLUMNS", "400")
        _, wide, _ = run(capsys, "compare", *names)
        monkeypatch.setenv("COLUMNS", "60")
        _, narrow, _ = run(capsys, "compare", *names)
        whole = set(wide.split("Score bars")[0].split())
        for token in narrow.split("Score bars")[0].split():
            if token.endswith(ELLIPSIS):
                stem = token[:-1]
                assert any(word.startswith(stem) for word in whole), token
            else:
                assert token in whole, token

    def test_differences_are_marked(self, capsys, monkeypatch):
        """Rows that differ start with '*'; rows that agree do not."""
        monkeypatch.setenv("COLUMNS", "100")
        _, out, _ = run(capsys, "compare", "pytorch", "jax")
        lines = out.splitlines()
        licence = next(line for line in lines if "licence" in line)
        autodiff = next(line for line in lines if "autodiff  " in line)
        assert licence.startswith("* licence")
        assert autodiff.startswith("  autodiff")
        assert "* marks a row where the frameworks differ." in out

    def test_shows_dates_of_scores_figures_and_compatibility(self, capsys):
        """The scores' data date, each figure's date and the target show."""
        _, out, _ = run(capsys, "compare", "pytorch", "jax")
        document = compare_json(capsys, "pytorch", "jax")
        assert f"data as of {document['scores_as_of']}" in out
        for column in document["frameworks"]:
            assert column["figures"]["as_of"] in out
        assert "installs on CPython" in out

    def test_bars_follow_the_table(self, capsys, monkeypatch, no_colour_env):
        """The output ends with one bar per framework and the legend."""
        monkeypatch.setenv("COLUMNS", "80")
        _, out, _ = run(capsys, "compare", "jax", "pytorch")
        tail = out.split("Score bars")[1].splitlines()
        assert tail[1].startswith("PyTorch")
        assert tail[2].startswith("JAX")
        assert "G graphs" in tail[3]
        assert not ANSI.search(out)

    def test_force_color_colours_the_bars(self, capsys, monkeypatch):
        """FORCE_COLOR adds colour even when stdout is not a terminal."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("FORCE_COLOR", "1")
        _, out, _ = run(capsys, "compare", "jax", "pytorch")
        assert ANSI.search(out)

    @pytest.mark.parametrize(
        ("name", "value"), [("NO_COLOR", "1"), ("TERM", "dumb")]
    )
    def test_no_colour_when_asked(self, capsys, monkeypatch, name, value):
        """NO_COLOR (even with FORCE_COLOR unset) and TERM=dumb: no colour."""
        monkeypatch.delenv("FORCE_COLOR", raising=False)
        monkeypatch.setenv(name, value)
        monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
        _, out, _ = run(capsys, "compare", "jax", "pytorch")
        assert not ANSI.search(out)


class TestCompareArguments:
    def test_aliases_resolve_once(self, capsys):
        """Aliases name frameworks; one named twice is compared once."""
        document = compare_json(capsys, "torch", "pytorch", "jax")
        assert ["pytorch", "jax"] == [
            c["framework"] for c in document["frameworks"]
        ]

    def test_unknown_name_exits_1_with_one_line(self, capsys):
        """An unknown name prints the typed error's one line and exits 1."""
        code, out, err = run(capsys, "compare", "pytorch", "nonesuch")
        assert (1, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith("dlchoose: error: Unknown framework 'nonesuch'")

    def test_one_name_is_a_usage_error(self, capsys):
        """compare needs two names: one is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as info:
            main(["compare", "pytorch"])
        assert 2 == info.value.code

    def test_unknown_purpose_is_a_usage_error(self, capsys):
        """An unknown --purpose is a usage error (exit 2) listing the
        choices."""
        with pytest.raises(SystemExit) as info:
            main(["compare", "a", "b", "--purpose", "golf"])
        err = capsys.readouterr().err
        assert 2 == info.value.code
        assert "dlchoose compare: error: argument --purpose:" in err
        assert "Unknown purpose 'golf'" in err


class TestCompareJson:
    def test_golden_keys(self, capsys):
        """The documented keys, in order: renames break this test."""
        document = compare_json(capsys, "pytorch", "jax")
        assert [
            "purpose",
            "scores_as_of",
            "weights",
            "frameworks",
            "differences",
        ] == list(document)
        column = document["frameworks"][0]
        assert [
            "framework",
            "name",
            "facts",
            "rank",
            "score",
            "score_interval",
            "points",
            "excluded",
            "figures",
            "compatibility",
        ] == list(column)
        assert [
            "organisation",
            "licence",
            "status",
            "graph_style",
            "autodiff",
            "gpu_backends",
            "deployment",
            "languages",
            "latest_release",
        ] == list(column["facts"])
        assert [
            "repo",
            "stars",
            "forks",
            "open_issues",
            "pushed_at",
            "as_of",
            "source",
            "provenance",
        ] == list(column["figures"])
        assert [
            "status",
            "version",
            "detail",
            "target",
            "as_of",
            "source",
        ] == list(column["compatibility"])

    def test_scores_are_the_recommenders(self, capsys):
        """Scores and points are recommend()'s for the same frameworks."""
        document = compare_json(
            capsys, "pytorch", "jax", "--purpose", "production"
        )
        expected = dlchoose.recommend(
            "industry",
            frameworks=[dlchoose.get_framework(k) for k in ("pytorch", "jax")],
        )
        scores = {r.framework: r.to_dict()["score"] for r in expected.ranking}
        assert "industry" == document["purpose"]
        for column in document["frameworks"]:
            assert scores[column["framework"]] == column["score"]
            assert column["score"] == pytest.approx(
                sum(column["points"].values()), abs=0.01
            )

    def test_figures_carry_their_date(self, capsys):
        """Each framework's figures name the day they were observed."""
        document = compare_json(capsys, "pytorch", "jax")
        for column in document["frameworks"]:
            row = dlchoose.bundled_snapshot().get(column["figures"]["repo"])
            assert row is not None
            assert (
                row.observed_at.date().isoformat()
                == (column["figures"]["as_of"])
            )
            assert row.stars == column["figures"]["stars"]

    def test_differences_list_what_differs(self, capsys):
        """differences names the licence (differs), not autodiff (same)."""
        document = compare_json(capsys, "pytorch", "jax")
        assert "facts.licence" in document["differences"]
        assert "facts.autodiff" not in document["differences"]
        assert "score" in document["differences"]

    def test_compatibility_is_this_interpreters(self, capsys):
        """Compatibility answers come from dlchoose.compatibility, offline."""
        document = compare_json(capsys, "pytorch", "caffe")
        pytorch, caffe = document["frameworks"]
        assert "installable" == pytorch["compatibility"]["status"]
        assert pytorch["compatibility"]["version"]
        assert "not-installable" == caffe["compatibility"]["status"]
        assert caffe["compatibility"]["version"] is None

    def test_compatibility_unknown_without_the_function(
        self, capsys, monkeypatch
    ):
        """Without dlchoose.compatibility every answer is 'unknown'."""
        monkeypatch.setattr(dlchoose, "compatibility", None)
        document = compare_json(capsys, "pytorch", "jax")
        assert {"unknown"} == {
            c["compatibility"]["status"] for c in document["frameworks"]
        }
        _, out, _ = run(capsys, "compare", "pytorch", "jax")
        assert "installs on this interpreter" in out

    def test_compatibility_error_reads_unknown(self, capsys, monkeypatch):
        """A DlchooseError from compatibility() reads 'unknown', not exit 1."""

        def refuse(*args, **kwargs):
            raise DlchooseError("no target")

        monkeypatch.setattr(dlchoose, "compatibility", refuse)
        document = compare_json(capsys, "pytorch", "jax")
        assert (
            "unknown" == document["frameworks"][0]["compatibility"]["status"]
        )

    def test_metrics_error_reads_unknown(self, capsys, monkeypatch):
        """When the figures cannot be read, they are null and say unknown."""

        def refuse(*args, **kwargs):
            raise DlchooseError("nothing")

        monkeypatch.setattr(dlchoose, "fetch_metrics", refuse)
        document = compare_json(capsys, "pytorch", "jax")
        assert [None, None] == [c["figures"] for c in document["frameworks"]]
        _, out, _ = run(capsys, "compare", "pytorch", "jax")
        assert re.search(r"stars\s+unknown\s+unknown", out)

    def test_frameworks_without_repository(self, capsys, bare):
        """Frameworks with no repository have no figures and unknown facts."""
        document = compare_json(capsys, "bare-one", "bare-two")
        assert [None, None] == [c["figures"] for c in document["frameworks"]]
        assert document["frameworks"][0]["facts"]["licence"] is None
        _, out, _ = run(capsys, "compare", "bare-one", "bare-two")
        assert re.search(r"licence\s+unknown\s+unknown", out)

    def test_excluded_framework(self, capsys, monkeypatch, no_colour_env):
        """A framework the recommender excludes shows why and gets no bar."""
        real = dlchoose.recommend

        def strict(purpose, **kwargs):
            return real(purpose, frameworks=kwargs["frameworks"])

        monkeypatch.setattr(dlchoose, "recommend", strict)
        document = compare_json(capsys, "pytorch", "mxnet")
        mxnet = document["frameworks"][1]
        assert (None, {}) == (mxnet["score"], mxnet["points"])
        assert any("unmaintained" in r for r in mxnet["excluded"])
        _, out, _ = run(capsys, "compare", "pytorch", "mxnet")
        assert "excluded: unmaintained" in out
        bars = out.split("Score bars")[1]
        assert "Apache MXNet" not in bars


class TestText:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, "unknown"),
            ([], "unknown"),
            ("unknown", "unknown"),
            (["cuda", "rocm"], "cuda, rocm"),
            ({"version": "1.0", "date": "2020-01-02"}, "1.0 (2020-01-02)"),
            ({"version": "1.0", "date": None}, "1.0"),
            (True, "yes"),
            (False, "no"),
            (1234567, "1,234,567"),
            ("BSD-3-Clause", "BSD-3-Clause"),
        ],
    )
    def test_values_in_words(self, value, expected):
        """JSON values read as words: unknown, lists, releases, numbers."""
        assert expected == text(value)


class TestBars:
    def test_letters_are_distinct_and_mnemonic(self):
        """Each key gets its first free letter; gpu after graphs gets P."""
        letters = legend_letters(["graphs", "gpu", "autodiff", "graphs"])
        assert {"graphs": "G", "gpu": "P", "autodiff": "A"} == letters

    def test_letters_fall_back_to_the_alphabet(self):
        """When a key's letters are taken, the first free letter is used."""
        assert {"x": "X", "xx": "A"} == legend_letters(["x", "xx"])

    def test_letters_run_out_to_question_mark(self):
        """Past 36 keys there is no letter left: '?'."""
        letters = legend_letters(f"k{i}" for i in range(40))
        assert "?" == letters["k39"]
        assert 36 == len(set(letters.values()) - {"?"})

    def test_full_score_fills_the_bar(self):
        """100 points fill the bar's width exactly; 50 fill half."""
        letters = legend_letters(["a", "b"])
        rows = [
            Bar(
                label="full",
                score=100.0,
                segments=(Segment("a", 60.0), Segment("b", 40.0)),
            ),
            Bar(label="half", score=50.0, segments=(Segment("a", 50.0),)),
        ]
        full, half = render_bars(rows, letters, width=80)
        assert 80 == len(full) == len(half)
        drawn = full.split("  ")[1]
        assert 80 - 4 - 4 - 5 == len(drawn)
        assert drawn.startswith("A")
        assert "B" in drawn
        assert round(50 * len(drawn) / 100) == len(half.split("  ")[1])

    def test_segments_alternate_fills_and_start_with_letters(self):
        """Adjacent segments use different fills and begin with a letter."""
        letters = legend_letters(["a", "b", "c"])
        segments = (Segment("a", 30.0), Segment("b", 30.0), Segment("c", 30))
        line = render_bars(
            [Bar(label="x", score=90.0, segments=segments)],
            letters,
            width=50,
        )[0]
        pattern = (
            f"A{UNICODE_FILLS[0]}+B{UNICODE_FILLS[1]}+C{UNICODE_FILLS[0]}+"
        )
        assert re.search(pattern, line)

    def test_rounding_keeps_the_total(self):
        """Many small segments still add up to the rounded score."""
        letters = legend_letters(str(i) for i in range(12))
        segments = tuple(Segment(str(i), 100 / 12) for i in range(12))
        line = render_bars(
            [Bar(label="x", score=100.0, segments=segments)],
            letters,
            width=60,
        )[0]
        assert 60 - 1 - 5 - 4 == len(line.split("  ")[1])

    def test_tiny_negative_and_unknown_segments(self):
        """Segments under one cell vanish; negative points count as 0; a
        key without a letter shows '?'."""
        letters = {"a": "A"}
        segments = (
            Segment("a", 0.1),
            Segment("b", -5.0),
            Segment("zz", 50.0),
        )
        line = render_bars(
            [Bar(label="x", score=50.0, segments=segments)],
            letters,
            width=40,
            colour=True,
        )[0]
        plain = ANSI.sub("", line)
        assert "A" not in plain.split("  ")[1]
        assert "?" in plain

    def test_colour_and_ascii(self):
        """colour=True adds ANSI codes; ascii_only uses '#' and '='."""
        letters = legend_letters(["a", "b"])
        bar = Bar(
            label="x",
            score=80.0,
            segments=(Segment("a", 40.0), Segment("b", 40.0)),
        )
        coloured = render_bars([bar], letters, width=60, colour=True)[0]
        plain = render_bars([bar], letters, width=60, ascii_only=True)[0]
        assert ANSI.search(coloured)
        assert ASCII_FILLS[0] in plain
        assert ASCII_FILLS[1] in plain
        assert not any(fill in plain for fill in UNICODE_FILLS)

    def test_too_narrow_leaves_out_the_bar(self):
        """Below the narrowest useful bar only label and score show."""
        letters = legend_letters(["a"])
        bar = Bar(label="long label", score=42.0, segments=(Segment("a", 42),))
        (line,) = render_bars([bar], letters, width=MIN_BAR_WIDTH + 5)
        assert line.endswith("42.0")
        assert "A" not in line

    def test_long_labels_are_cut(self):
        """Labels longer than a third of the width end in an ellipsis."""
        letters = legend_letters(["a"])
        bar = Bar(label="x" * 50, score=10.0, segments=(Segment("a", 10),))
        (line,) = render_bars([bar], letters, width=60)
        assert line.startswith("x" * 19 + "\u2026")
        assert 60 >= len(line)

    def test_no_rows_no_lines(self):
        """Nothing to draw gives no lines."""
        assert [] == render_bars([], {}, width=80)

    def test_legend_wraps_between_entries(self):
        """The legend wraps at the width, never inside an entry."""
        letters = legend_letters(["graphs", "autodiff", "gpu", "community"])
        text_ = legend(letters, width=20, labels={"gpu": "GPU use"})
        lines = text_.splitlines()
        assert all(len(line) <= 20 for line in lines)
        assert "P GPU use" in text_
        assert ["G graphs", "A autodiff", "P GPU use", "C community"] == [
            entry for line in lines for entry in line.split("  ")
        ]

    def test_score_bars_ascii(self, capsys):
        """The compare bars fall back to ASCII fills when asked."""
        document = compare_json(capsys, "pytorch", "jax")
        lines = score_bars(document, 80, ascii_only=True)
        assert any(ASCII_FILLS[0] in line for line in lines)
        assert not any(UNICODE_FILLS[0] in line for line in lines)


class TestTerminal:
    def test_width_follows_columns(self, monkeypatch):
        """terminal_width reads COLUMNS."""
        monkeypatch.setenv("COLUMNS", "57")
        assert 57 == terminal_width()

    @pytest.mark.parametrize(
        ("env", "tty", "expected"),
        [
            ({}, True, True),
            ({}, False, False),
            ({"NO_COLOR": "1"}, True, False),
            ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
            ({"FORCE_COLOR": "1"}, False, True),
            ({"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),
            ({"TERM": "dumb"}, True, False),
            ({"NO_COLOR": ""}, True, True),
        ],
    )
    def test_colour_wanted(
        self, monkeypatch, no_colour_env, env, tty, expected
    ):
        """NO_COLOR wins, then FORCE_COLOR, then TERM=dumb, then the TTY."""
        for name, value in env.items():
            monkeypatch.setenv(name, value)

        class Stream(io.StringIO):
            def isatty(self):
                return tty

        assert expected == colour_wanted(Stream())

    def test_stream_without_isatty_gets_no_colour(self, no_colour_env):
        """An object without isatty() is not a terminal."""
        assert not colour_wanted(object())  # type: ignore[arg-type]

    def test_can_encode(self):
        """UTF-8 shows blocks; ASCII, unknown codecs and none cannot."""
        utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        ascii_ = io.TextIOWrapper(io.BytesIO(), encoding="ascii")

        class Odd:
            encoding = "no-such-codec"

        assert can_encode(utf8)
        assert not can_encode(ascii_)
        assert not can_encode(Odd())  # type: ignore[arg-type]
        assert not can_encode(object())  # type: ignore[arg-type]


class TestGrid:
    def test_fit_wraps_at_spaces_and_cuts_long_words(self):
        """fit breaks at spaces; a word longer than the width is cut with
        an ellipsis, never split over two lines."""
        assert ["a", "verylongword"[:4] + ELLIPSIS, "here"] == fit(
            "a verylongword here", 5
        )
        assert [""] == fit("", 5)
        assert ["x-y-z"] == fit("x-y-z", 5)

    def test_grid_marks_headings_and_wraps(self):
        """Headings stand alone; marked rows start with the mark; cells wrap
        side by side within the width."""
        rows = [
            Row.heading("section"),
            Row("same", ["a", "a"]),
            Row("other", ["one two three four", "b"], differs=True),
        ]
        lines = grid(["A", "B"], rows, width=30, mark="!").splitlines()
        assert "section" == lines[1]
        assert lines[2].startswith("  same")
        assert lines[3].startswith("! other")
        assert all(len(line) <= 30 for line in lines)
        assert len(lines) > 4

    def test_comparison_is_a_plain_function(self):
        """comparison() builds the document from Framework objects."""
        document = comparison(
            [dlchoose.get_framework("jax"), dlchoose.get_framework("flax")],
            "research",
        )
        assert ["jax", "flax"] == [
            c["framework"] for c in document["frameworks"]
        ]
