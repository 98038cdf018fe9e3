"""`dlchoose recommend` as a newcomer reads it: plain words, bars, unknowns,
next steps, --why-not, --top/--all, widths, colour and notes."""

from __future__ import annotations

import json
import re

import attrs
import pytest

import dlchoose

from dlchoose._cli._bars import Bar, Segment, legend_letters, render_bars
from dlchoose._cli._recommend_cmd import purposes_text
from dlchoose._cli._recommend_next import (
    _gpu_lines,
    _install_lines,
    _link_lines,
    next_steps,
)
from dlchoose._cli._recommend_view import ranking_bars, short_view, wrap
from tests.cli_run import run


ANSI = re.compile(r"\033\[[0-9;]*m")

#: Words of the old output a student could not read.
JARGON = re.compile(
    r"core gate|profile v\d|weight points to flip|(?<!language )bindings \d"
)


@pytest.fixture(name="plain")
def _plain(monkeypatch):
    """An 80-column terminal without colour settings."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")


def too_wide(text: str, width: int) -> list[str]:
    """Lines wider than *width* that are more than one unbreakable word."""
    return [
        line
        for line in text.splitlines()
        if len(line) > width and len(line.strip().split()) > 1
    ]


class TestShortAnswer:
    def test_plain_words_and_header(self, capsys, plain):
        """The short answer names the winner, purpose, weights, data and
        scope in words, without the old jargon."""
        rec = dlchoose.recommend()
        code, out, _ = run(capsys, "recommend")
        assert 0 == code
        lines = out.splitlines()
        assert lines[0].startswith(
            f"Recommended for academic: {rec.ranking[0].name} ("
        )
        assert "Weights: the standard academic profile" in out
        assert rec.data_dates is not None
        assert any(
            line.startswith("Data: GitHub figures observed") for line in lines
        )
        assert "Ranked: maintained frameworks" in out
        assert [] == JARGON.findall(out)

    def test_why_not_says_what_signs_mean(self, capsys, plain):
        """The runner-up line says what plus and minus mean, by name."""
        rec = dlchoose.recommend()
        first, second = rec.ranking[0].name, rec.ranking[1].name
        _, out, _ = run(capsys, "recommend")
        flat = " ".join(out.split())
        assert (
            f"Why not {second} ({float(rec.why_not[0].gap):.1f} points"
            f" behind; + {first} ahead, \u2212 {second} ahead):"
        ) in flat
        lines = out.splitlines()
        start = next(i for i, line in enumerate(lines) if "Why not" in line)
        end = next(
            i for i in range(start + 1, len(lines)) if lines[i][:2] != "  "
        )
        assert "_" not in " ".join(lines[start:end])

    def test_custom_weights_named(self, capsys, plain):
        """--weights and --priorities are named in the header."""
        _, out, _ = run(capsys, "recommend", "--weights", "deployment=30")
        assert "Weights: custom (deployment 30; the others rescaled" in out
        _, out, _ = run(capsys, "recommend", "--priorities", "graphs,gpu")
        assert (
            "Weights: your priorities, most important first: computation"
            " graphs, GPU support." in " ".join(out.split())
        )

    def test_fits_80_columns(self, capsys, plain):
        """Every line of the short answer fits 80 columns."""
        _, out, _ = run(capsys, "recommend", "--all")
        assert [] == too_wide(out, 80)

    @pytest.mark.parametrize("columns", [40, 60, 120])
    def test_fits_columns(self, capsys, monkeypatch, plain, columns):
        """COLUMNS narrows or widens the whole answer, bars included."""
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = run(capsys, "recommend")
        assert [] == too_wide(out, columns)
        bars = [
            line for line in out.splitlines() if re.match(r"^ \d\. ", line)
        ]
        assert columns == max(len(line) for line in bars)


class TestBars:
    def test_one_bar_per_shown_framework(self, capsys, plain):
        """Five bars by default, each ending with the framework's score."""
        rec = dlchoose.recommend()
        _, out, _ = run(capsys, "recommend")
        bars = [
            line for line in out.splitlines() if re.match(r"^ ?\d+\. ", line)
        ]
        assert 5 == len(bars)
        for line, entry in zip(bars, rec.ranking, strict=False):
            assert f"{entry.rank:>2}. {entry.name}" in line
            assert f"{float(entry.score):.1f}" in line
        assert f"\u2026 {len(rec.ranking) - 5} more" in out

    def test_top_and_all(self, capsys, plain):
        """--top N shows N bars; --all shows every ranked framework."""
        rec = dlchoose.recommend()
        _, out, _ = run(capsys, "recommend", "--top", "2")
        assert f"Top 2 of {len(rec.ranking)}" in out
        assert " 3. " not in out
        _, out, _ = run(capsys, "recommend", "--all")
        assert f"All {len(rec.ranking)}" in out
        assert "more: --top N" not in out

    @pytest.mark.parametrize("value", ["0", "-1", "x"])
    def test_top_must_be_positive(self, capsys, value):
        """--top takes a whole number of at least 1 (else exit 2)."""
        code, out, err = run(capsys, "recommend", "--top", value)
        assert (2, "") == (code, out)
        assert "at least 1" in err

    def test_legend_uses_display_names(self, capsys, plain):
        """The legend names criteria as a student would."""
        _, out, _ = run(capsys, "recommend")
        legend = out.split("shows them.")[1].split("Next steps")[0]
        for words in ("C computation graphs", "G GPU support"):
            assert words in legend
        assert "language bindings" in legend
        assert "distributed_gpu" not in legend

    def test_unknowns_marked(self, capsys, plain):
        """A score resting on unknown values is marked and explained."""
        rec = dlchoose.recommend()
        unsure = [r for r in rec.ranking[:5] if r.unknown]
        assert unsure
        _, out, _ = run(capsys, "recommend")
        flat = " ".join(out.split())
        for entry in unsure:
            line = next(
                line for line in out.splitlines() if f". {entry.name} " in line
            )
            assert line.rstrip().endswith(f"{float(entry.score):.1f} ?")
            names = ", ".join(
                dlchoose.criterion_name(c) for c in entry.unknown
            )
            assert f"{entry.name} ({names}; at most" in flat
        assert "? some values unknown" in out

    def test_segments_follow_the_points(self):
        """Bars are split by criterion in weight order, sized by points."""
        rec = dlchoose.recommend()
        lines = ranking_bars(rec, top=1, width=80)
        order = [c for c, w in sorted(rec.weights, key=lambda i: -i[1]) if w]
        first_letter = re.search(r"[A-Z]", lines[1].split("PyTorch")[1])
        assert first_letter is not None
        names = {c.value: dlchoose.criterion_name(c) for c in order}
        letters = legend_letters([c.value for c in order], names)
        assert letters[order[0].value] == first_letter.group()

    def test_marks_reserve_their_column(self):
        """A mark after the score keeps every bar the same width."""
        rows = [
            Bar(label="A", score=50.0, segments=(Segment("x", 50.0),)),
            Bar(
                label="B",
                score=50.0,
                segments=(Segment("x", 50.0),),
                mark="?",
            ),
        ]
        plain, marked = render_bars(rows, {"x": "X"}, width=40)
        assert 40 == len(marked)
        assert marked.endswith("50.0 ?")
        assert plain.endswith("50.0")

    def test_letters_from_names(self):
        """Legend letters come from the display names' initials first."""
        names = {
            "gpu": "GPU support",
            "cnn": "CNN layers",
            "bindings": "language bindings",
        }
        assert {"gpu": "G", "cnn": "C", "bindings": "L"} == legend_letters(
            names, names
        )


class TestColourAndWidth:
    def test_no_colour_off_a_terminal(self, capsys, plain):
        """A pipe gets no escape codes."""
        _, out, _ = run(capsys, "recommend")
        assert not ANSI.search(out)

    def test_force_color(self, capsys, monkeypatch, plain):
        """FORCE_COLOR emphasises the headline and colours the bars."""
        monkeypatch.setenv("FORCE_COLOR", "1")
        _, out, _ = run(capsys, "recommend")
        assert out.startswith("\033[1mRecommended for")
        assert re.search(r"\033\[3\dm", out)
        assert [] == too_wide(ANSI.sub("", out), 80)

    @pytest.mark.parametrize(
        ("name", "value"), [("NO_COLOR", "1"), ("TERM", "dumb")]
    )
    def test_colour_refused(self, capsys, monkeypatch, plain, name, value):
        """NO_COLOR and TERM=dumb win over a terminal."""
        monkeypatch.setenv(name, value)
        monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
        _, out, _ = run(capsys, "recommend")
        assert not ANSI.search(out)

    def test_ascii_fills(self):
        """An ASCII-only stream gets ASCII bars."""
        rec = dlchoose.recommend()
        lines = short_view(rec, top=3, width=80, ascii_only=True)
        assert all(line.isascii() for line in lines if ". " in line[:4])

    def test_wrap_keeps_urls_whole(self):
        """Wrapping indents continuation lines and never breaks a word."""
        url = "https://example.org/" + "a" * 90
        lines = wrap(f"  see {url} and more words here", 40)
        assert ["  see", f"    {url}", "    and more words here"] == lines
        assert [""] == wrap("   ", 40)


class TestNotes:
    def test_warnings_come_after_the_answer_collapsed(self, capsys, plain):
        """Warnings are one line on stderr after the answer, not before."""
        rec = dlchoose.recommend()
        assert len(rec.warnings) > 1
        code, _, err = run(capsys, "recommend")
        assert 0 == code
        assert [
            f"dlchoose: {len(rec.warnings)} notes; --explain shows them"
        ] == (err.splitlines())

    def test_quiet_silences_notes(self, capsys, plain):
        """--quiet leaves stderr empty."""
        _, out, err = run(capsys, "recommend", "--quiet")
        assert "" == err
        assert out.startswith("Recommended for")

    def test_explain_lists_warnings(self, capsys, plain):
        """--explain shows every warning in the breakdown."""
        rec = dlchoose.recommend()
        _, out, _ = run(capsys, "recommend", "--explain")
        flat = " ".join(out.split())
        for warning in rec.warnings:
            assert f"Warning: {' '.join(warning.split())}" in flat


class TestExplain:
    def test_levels_explained(self, capsys, plain):
        """--explain says what each level of each criterion means."""
        _, out, _ = run(capsys, "recommend", "--explain")
        assert "What the levels mean:" in out
        assert (
            "4: define-by-run by default; every feature works from it" in out
        )
        assert "level 4 of 4: define-by-run by default" in " ".join(
            out.split()
        )

    def test_explain_fits(self, capsys, plain):
        """--explain wraps to the terminal (only long URLs overflow)."""
        _, out, _ = run(capsys, "recommend", "--explain")
        assert [] == too_wide(out, 80)


class TestWhyNot:
    def test_runner_up(self, capsys, plain):
        """--why-not NAME shows the gap by criterion and what must change."""
        rec = dlchoose.recommend()
        second = rec.ranking[1]
        code, out, _ = run(capsys, "recommend", "--why-not", second.name)
        assert 0 == code
        first = rec.ranking[0].name
        assert out.startswith(
            f"{second.name} scores {float(second.score):.1f}"
        )
        assert (
            f"Points by criterion (+ {first} ahead, \u2212 {second.name} ahead):"
            in out
        )
        why = rec.why_not[0]
        for criterion, points in why.by_criterion:
            if points:
                assert dlchoose.criterion_name(criterion) in out
        assert f"What would have to change for {second.name} to tie:" in out
        assert [] == too_wide(out, 80)

    def test_alias_and_json(self, capsys):
        """--why-not takes aliases; --json gives the WhyNot document."""
        rec = dlchoose.recommend()
        key = rec.ranking[1].framework
        code, out, _ = run(capsys, "recommend", "--why-not", key, "--json")
        data = json.loads(out)
        assert 0 == code
        assert {
            "purpose": "academic",
            "framework": key,
            "winner": rec.winner,
            "status": "ranked",
            "rank": 2,
            "why_not": rec.why_not[0].to_dict(),
            "excluded": None,
        } == data

    def test_winner(self, capsys):
        """Asking about the winner says it is the recommendation."""
        _, out, _ = run(capsys, "recommend", "--why-not", "torch")
        assert "PyTorch is the recommendation: it ranks first." == out.strip()
        _, out, _ = run(capsys, "recommend", "--why-not", "torch", "--json")
        assert "winner" == json.loads(out)["status"]

    def test_excluded(self, capsys):
        """An excluded framework says why it was left out."""
        _, out, _ = run(capsys, "recommend", "--why-not", "mxnet")
        assert out.startswith("Apache MXNet was left out before ranking:")
        assert "unmaintained" in out
        _, out, _ = run(capsys, "recommend", "--why-not", "mxnet", "--json")
        data = json.loads(out)
        assert ("excluded", None) == (data["status"], data["why_not"])
        assert "mxnet" == data["excluded"]["framework"]

    def test_unknown_name(self, capsys):
        """An unknown name is one error line, exit 1."""
        code, out, err = run(capsys, "recommend", "--why-not", "nope")
        assert (1, "") == (code, out)
        assert err.startswith("dlchoose: error:")

    def test_name_outside_the_result(self, capsys, monkeypatch):
        """A registered framework the result does not hold exits 1, in
        JSON too."""
        real = dlchoose.recommend
        pool = [dlchoose.get_framework(k) for k in ("pytorch", "tensorflow")]
        monkeypatch.setattr(
            dlchoose,
            "recommend",
            lambda *args, **kwargs: real(*args, frameworks=pool, **kwargs),
        )
        code, out, err = run(capsys, "recommend", "--why-not", "jax", "--json")
        assert (1, "") == (code, out)
        assert err.startswith("dlchoose: error:")


class TestNextSteps:
    def test_install_and_homepage(self, capsys, plain):
        """The winner's install command (bundled index data) and homepage."""
        rec = dlchoose.recommend()
        assert rec.winner is not None
        best = dlchoose.get_framework(rec.winner)
        (answer,) = dlchoose.compatibility([rec.winner])
        _, out, _ = run(capsys, "recommend")
        steps = out.split(f"Next steps with {best.name}:")[1]
        assert f"Install here: {answer.install_command}" in steps
        assert f"Homepage: {best.homepage}" in steps
        assert (
            "More: run the same command with --explain (every value in"
            f" words) or --why-not {rec.ranking[1].framework}"
        ) in " ".join(steps.split())

    def test_other_target(self):
        """--python/--platform install lines name the target."""
        rec = dlchoose.recommend()
        lines = next_steps(rec, python="3.12", platform="win_amd64")
        assert any(
            line.startswith("  Install on CPython 3.12") for line in lines
        )

    def test_gpu_build_when_a_gpu_is_present(self, monkeypatch):
        """With a GPU, the build that fits it is suggested too."""
        machine = dlchoose.gpu(
            driver="550.54", compute_capability="8.6", gpu_vendor="nvidia"
        )
        monkeypatch.setattr(dlchoose, "gpu", lambda: machine)
        (fit,) = dlchoose.gpu_fit(["pytorch"], machine=machine)
        lines = next_steps(dlchoose.recommend())
        assert f"  For this GPU: {fit.install_command}" in lines

    def test_no_steps_without_a_winner(self):
        """Nothing ranked, nothing to install."""
        assert [] == next_steps(dlchoose.recommend(installed=[]))

    def test_not_installable_says_why(self):
        """A target without a wheel says why, from the index data."""
        tensorflow = dlchoose.get_framework("tensorflow")
        (answer,) = dlchoose.compatibility(
            ["tensorflow"], python="3.13", platform="win_arm64"
        )
        assert [
            (
                f"  Install on {answer.target.describe()}: not possible"
                f" ({answer.detail})"
            )
        ] == _install_lines(tensorflow, python="3.13", platform="win_arm64")

    def test_no_package_or_unknown_target(self):
        """No Python package, or a target the index cannot read, is said."""
        bare = attrs.evolve(
            dlchoose.get_framework("pytorch"), distributions=()
        )
        assert ["  Install: no Python package (see the homepage)"] == (
            _install_lines(bare, python=None, platform=None)
        )
        (line,) = _install_lines(
            dlchoose.get_framework("pytorch"), python="9.9", platform=None
        )
        assert line.startswith("  Install: unknown here (Unknown Python")

    def test_gpu_without_a_build_table(self, monkeypatch):
        """A GPU and no build table: the reason instead of a command."""
        machine = dlchoose.gpu(
            driver="550.54", compute_capability="8.6", gpu_vendor="nvidia"
        )
        monkeypatch.setattr(dlchoose, "gpu", lambda: machine)
        (fit,) = dlchoose.gpu_fit(["keras"], machine=machine)
        assert [f"  For this GPU: {fit.reasons[0]}"] == _gpu_lines(
            dlchoose.get_framework("keras")
        )

    def test_links(self):
        """Homepage and getting-started page when the registry has them."""
        pytorch = dlchoose.get_framework("pytorch")
        bare = attrs.evolve(pytorch, homepage=None, getting_started=None)
        assert [] == _link_lines(bare)
        guided = attrs.evolve(
            pytorch,
            homepage="https://h.example",
            getting_started="https://g.example",
        )
        assert [
            "  Homepage: https://h.example",
            "  Get started: https://g.example",
        ] == _link_lines(guided)

    def test_single_framework(self):
        """With one framework ranked, there is no runner-up to ask about."""
        rec = dlchoose.recommend(frameworks=[dlchoose.get_framework("torch")])
        assert not any("--why-not" in line for line in next_steps(rec))


class TestPurposes:
    def test_fits_80_columns(self):
        """The weights table numbers its purpose columns to fit 80 columns."""
        lines = purposes_text(dlchoose.purposes(), 80)
        assert [] == [line for line in lines if len(line) > 80]
        assert lines[2].startswith("graphs")
        assert "computation graphs" in lines[2]
        assert any(line.startswith("1 = academic") for line in lines)
