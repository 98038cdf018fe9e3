"""The HTML report in a real browser: headless Chromium draws it.

Opt-in (``nox -s browser``, marker ``browser``); skipped where Chromium is
not installed (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import html.parser
import shutil
import subprocess

from collections import Counter
from pathlib import Path

import pytest

import dlchoose

from dlchoose._cli import main

from .png import pixels


pytestmark = pytest.mark.browser

#: Seconds Chromium may take for one page (a cold start is slow on CI).
TIMEOUT = 120
#: The first chart segment's colour (graphs), as _html.PALETTE has it.
GRAPHS_RGB = (0x00, 0x72, 0xB2)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def _run(chromium: str, profile: Path, *args: str) -> str:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",  # CI containers run as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1200,900",
        *args,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, check=True
    )
    return result.stdout


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.fixture(name="report")
def _report(tmp_path: Path) -> Path:
    target = tmp_path / "report.html"
    assert 0 == main(["report", "-o", str(target)])
    return target


def _close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) <= 8 for x, y in zip(a, b, strict=True))


class TestReportInChromium:
    def test_screenshot_is_not_blank(self, report, tmp_path):
        """The rendered page has text, the chart's colours and variety."""
        chromium = _chromium()
        shot = tmp_path / "shot.png"
        _run(
            chromium,
            tmp_path / "profile",
            f"--screenshot={shot}",
            report.as_uri(),
        )
        width, height, rgb = pixels(shot.read_bytes(), max_rows=450)
        assert (1200, 900) == (width, height)
        counts = Counter(rgb)
        ((_, most),) = counts.most_common(1)
        assert (len(rgb) - most) / len(rgb) > 0.02
        assert len(counts) > 50
        assert any(_close(p, GRAPHS_RGB) for p in rgb)

    def test_page_text_names_the_winner(self, report, tmp_path):
        """The DOM Chromium built holds the winner's name and the chart."""
        chromium = _chromium()
        dom = _run(
            chromium, tmp_path / "profile", "--dump-dom", report.as_uri()
        )
        parser = _Text()
        parser.feed(dom)
        text = " ".join(parser.parts)
        winner = dlchoose.recommend("academic").ranking[0].name
        assert f"Recommended: {winner}" in " ".join(text.split())
        assert "<svg" in dom
