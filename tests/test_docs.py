"""The docs name what exists, so they cannot drift from the code."""

from __future__ import annotations

import re

from pathlib import Path

from dlchoose._cli import COMMANDS


ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "dlchoose"


def _modules() -> list[str]:
    """Every module of the package, as ``_http/_client.py``."""
    return sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    )


class TestArchitecturePage:
    def test_every_module_is_described(self):
        """docs/architecture.md has a line for every module of the package."""
        page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
        listed = set(re.findall(r"`([\w/]+\.py)`", page))
        assert [] == [m for m in _modules() if m not in listed]

    def test_no_module_is_described_twice_or_invented(self):
        """Every module the page lists exists."""
        page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
        listed = re.findall(r"^- `([\w/]+\.py)`", page, flags=re.MULTILINE)
        assert sorted(set(listed)) == sorted(listed)
        assert set(listed) <= set(_modules())


class TestCommandPage:
    def test_every_command_is_documented(self):
        """docs/cli.md names every command the CLI registers."""
        page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
        assert [] == [c for c in COMMANDS if f"dlchoose {c}" not in page]
