"""``dlchoose report``: one self-contained HTML page, written atomically."""

from __future__ import annotations

import html.parser
import io
import os
import pathlib
import re
import sys

import pytest

import dlchoose

from dlchoose._cli import main
from dlchoose._cli._compare_cmd import comparison
from dlchoose._cli._html import e, table
from dlchoose._cli._report_cmd import render, write_atomically
from dlchoose.exceptions import DlchooseError


HOSTILE = '<script>alert("x")</script>'


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


@pytest.fixture(name="page")
def _page(capsys, tmp_path) -> str:
    target = tmp_path / "report.html"
    code, out, err = run(capsys, "report", "-o", str(target))
    assert (0, "", "") == (code, out, err)
    return str(target.read_text(encoding="utf-8"))


@pytest.fixture(name="hostile")
def _hostile():
    """A user framework whose every string is markup."""
    return dlchoose.register_framework(
        dlchoose.Framework(
            key="evil",
            name=HOSTILE,
            organisation="<b>&amp; Co</b>",
            summary="<img src=x onerror=alert(1)>",
            status="active",
            languages=['"><svg onload=alert(1)>'],
        )
    )


class TestPage:
    def test_self_contained(self, page):
        """No script, no external resource: nothing loads from anywhere."""
        elements = parse(page)
        names = {tag for tag, _ in elements.tags}
        assert not names & {"script", "link", "img", "iframe", "object"}
        for _, attrs in elements.tags:
            assert not {"src", "href"} & set(attrs)
        assert "url(" not in page
        assert "@import" not in page
        assert page.startswith("<!DOCTYPE html>")

    def test_winner_is_named(self, page):
        """The page names the recommender's winner."""
        winner = dlchoose.recommend("academic").ranking[0].name
        assert f'<strong id="winner">{e(winner)}</strong>' in page

    def test_chart_has_a_segment_per_criterion(self, page):
        """The SVG has a title, a description and one titled rect for every
        criterion that adds points, for every ranked framework."""
        recommendation = dlchoose.recommend("academic")
        expected = sum(
            1
            for r in recommendation.ranking
            for c in r.contributions
            if c.points > 0
        )
        assert expected == page.count("<rect ")
        assert '<title id="chart-title">' in page
        assert '<desc id="chart-desc">' in page
        assert 'role="img"' in page
        first = recommendation.ranking[0]
        assert f"<title>{e(first.name)}: graphs" in page

    def test_legend_names_every_criterion(self, page):
        """The legend lists each criterion with its letter."""
        found = re.search(r'<ul class="legend".*?</ul>', page)
        assert found is not None
        legend = found.group(0)
        for criterion in dlchoose.Criterion:
            assert criterion.value.replace("_", " ") in legend
        assert "G graphs" in legend

    def test_why_not_and_comparison(self, page):
        """The runners-up's gaps, the leaders' facts with dated figures and
        their source, this machine and the data dates all appear."""
        recommendation = dlchoose.recommend("academic")
        second = recommendation.ranking[1]
        gap = next(
            w.gap
            for w in recommendation.why_not
            if w.framework == second.framework
        )
        assert "Why not the runners-up" in page
        assert f"{float(gap):.1f}" in page
        assert "The leaders side by side" in page
        snapshot = dlchoose.bundled_snapshot()
        row = snapshot.get("pytorch/pytorch")
        assert row is not None
        assert f"{row.stars:,} (as of {row.observed_at.date()})" in page
        assert "snapshot, " in page
        assert "Target: CPython" in page
        assert f"data as of {recommendation.as_of.isoformat()}" in page

    def test_other_purpose(self, capsys):
        """--purpose chooses the profile; -o - writes to stdout."""
        code, out, _ = run(capsys, "report", "--purpose", "mobile", "-o", "-")
        assert 0 == code
        assert "for mobile_edge?" in out
        assert out.rstrip().endswith("</html>")

    def test_stdout_gets_utf8_whatever_its_encoding(self, monkeypatch):
        """-o - writes UTF-8 bytes even to an ASCII stdout, and text to a
        stream without a byte buffer."""
        raw = io.BytesIO()
        ascii_out = io.TextIOWrapper(raw, encoding="ascii", errors="replace")
        monkeypatch.setattr(sys, "stdout", ascii_out)
        assert 0 == main(["report", "-o", "-"])
        page = raw.getvalue().decode("utf-8")
        assert "Fran\u00e7ois" in page
        text_out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", text_out)
        assert 0 == main(["report", "-o", "-"])
        assert text_out.getvalue() == page

    def test_unknown_purpose_is_a_usage_error(self, capsys, tmp_path):
        """An unknown purpose is a usage error: exit 2, nothing written."""
        target = tmp_path / "r.html"
        with pytest.raises(SystemExit) as info:
            main(["report", "--purpose", "golf", "-o", str(target)])
        assert 2 == info.value.code
        assert "Unknown purpose 'golf'" in capsys.readouterr().err
        assert not target.exists()

    def test_output_is_required(self, capsys):
        """Without -o the command is a usage error."""
        with pytest.raises(SystemExit) as info:
            main(["report"])
        assert 2 == info.value.code


class TestEscaping:
    def test_hostile_names_are_text(self, hostile):
        """Markup in a user framework's strings is escaped everywhere."""
        real = dlchoose.recommend("academic", unknown="keep")
        compared = comparison(
            [hostile, dlchoose.get_framework("jax")], "academic"
        )
        page = render(real, compared)
        assert HOSTILE not in page
        assert "<b>" not in page
        assert "<svg onload" not in page
        assert e(HOSTILE) in page
        names = {tag for tag, _ in parse(page).tags}
        assert "script" not in names
        assert "b" not in names

    def test_hostile_framework_through_the_command(
        self, capsys, monkeypatch, hostile
    ):
        """The command escapes a hostile winner and its warnings too."""
        real = dlchoose.recommend

        def only_hostile(purpose, **kwargs):
            kwargs.setdefault("frameworks", [hostile])
            return real(purpose, **{**kwargs, "unknown": "keep"})

        monkeypatch.setattr(dlchoose, "recommend", only_hostile)
        _, out, _ = run(capsys, "report", "-o", "-")
        assert HOSTILE not in out
        assert f'<strong id="winner">{e(HOSTILE)}</strong>' in out

    def test_e_escapes_quotes(self):
        """e() escapes both quote kinds, so it is safe in attributes."""
        assert "&lt;a href=&quot;x&#x27;&gt;" == e("<a href=\"x'>")


class TestEdges:
    def test_nothing_ranked(self, capsys, monkeypatch):
        """With no survivor the page says so and has no chart rows."""
        real = dlchoose.recommend

        def none_left(purpose):
            return real(purpose, frameworks=[dlchoose.get_framework("caffe")])

        monkeypatch.setattr(dlchoose, "recommend", none_left)
        _, out, _ = run(capsys, "report", "-o", "-")
        assert "No framework passed the constraints." in out
        assert "<rect " not in out
        assert "side by side" not in out

    def test_one_ranked(self, capsys, monkeypatch):
        """A single survivor: no margin, no why-not section."""
        real = dlchoose.recommend

        def alone(purpose, **kwargs):
            kwargs.setdefault("frameworks", [dlchoose.get_framework("jax")])
            return real(purpose, **kwargs)

        monkeypatch.setattr(dlchoose, "recommend", alone)
        _, out, _ = run(capsys, "report", "-o", "-")
        assert "points ahead" not in out
        assert "Why not" not in out
        assert '<strong id="winner">JAX</strong>' in out

    def test_unknown_compatibility_and_figures(self, capsys, monkeypatch):
        """Without compatibility() or figures the page says unknown."""

        def refuse(*args, **kwargs):
            raise DlchooseError("no figures")

        monkeypatch.setattr(dlchoose, "compatibility", None)
        monkeypatch.setattr(dlchoose, "fetch_metrics", refuse)
        _, out, _ = run(capsys, "report", "-o", "-")
        assert "Target: this interpreter (unknown)." in out
        assert "GitHub figures observed" not in out
        assert "<td>unknown</td>" in out

    def test_table_marks_and_aligns(self):
        """table() marks rows, right-aligns numeric columns, has a caption."""
        page = table(
            ["a", "b"],
            [["x", "1"], ["y", "2"]],
            numeric=(1,),
            marked=(True,),
            caption="c",
        )
        assert '<tr class="differs"><th scope="row">x</th>' in page
        assert '<tr><th scope="row">y</th><td class="num">2</td>' in page
        assert "<caption>c</caption>" in page


class TestWriting:
    def test_replaces_an_existing_file_and_leaves_no_temporary(
        self, capsys, tmp_path
    ):
        """An existing file is replaced whole; no temporary file remains."""
        target = tmp_path / "r.html"
        target.write_text("old", encoding="utf-8")
        code, _, _ = run(capsys, "report", "-o", str(target))
        assert 0 == code
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE")
        assert ["r.html"] == sorted(p.name for p in tmp_path.iterdir())

    def test_mode_follows_the_umask(self, tmp_path):
        """The page gets the usual file mode, not mkstemp's private one."""
        mask = os.umask(0o022)
        try:
            write_atomically(tmp_path / "r.html", "x")
        finally:
            os.umask(mask)
        assert 0o644 == (tmp_path / "r.html").stat().st_mode & 0o777

    def test_failed_rename_keeps_the_old_file(self, tmp_path, monkeypatch):
        """If the rename fails, the old file stays and the temporary goes."""
        target = tmp_path / "r.html"
        target.write_text("old", encoding="utf-8")

        def fail(self, other):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(pathlib.Path, "replace", fail)
        with pytest.raises(OSError, match="No space"):
            write_atomically(target, "new")
        assert "old" == target.read_text(encoding="utf-8")
        assert ["r.html"] == sorted(p.name for p in tmp_path.iterdir())

    def test_missing_directory_exits_1(self, capsys, tmp_path):
        """An unwritable destination is one error line and exit 1."""
        target = tmp_path / "missing" / "r.html"
        code, out, err = run(capsys, "report", "-o", str(target))
        assert (1, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith(f"dlchoose: error: cannot write {target}:")
