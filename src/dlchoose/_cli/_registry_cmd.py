"""``dlchoose list`` and ``dlchoose show``."""

from __future__ import annotations

import argparse

from datetime import date
from typing import Any, Final

from .. import (
    Framework,
    PythonRelease,
    Release,
    ReleaseOrigin,
    Source,
    Status,
    frameworks,
    get_framework,
)
from ._bars import terminal_width
from ._columns import Column, fit_table
from ._output import print_json
from ._report_table import HelpFormatter, wrap


def register(subparsers: Any) -> None:
    listing = subparsers.add_parser(
        "list",
        formatter_class=HelpFormatter,
        help="list the registered frameworks",
        description="List the registered frameworks in a stable order.",
    )
    listing.add_argument(
        "--status",
        action="append",
        choices=Status.choices(),
        metavar="STATUS",
        help=(
            "only frameworks with this status, one of"
            f" {', '.join(Status.choices())} (repeatable)"
        ),
    )
    listing.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    listing.set_defaults(handler=run_list)

    show = subparsers.add_parser(
        "show",
        formatter_class=HelpFormatter,
        help="show every fact about one framework, with sources",
        description=(
            "Show every fact about one framework with its sources. NAME may"
            " be a key, display name, alias, GitHub repository or URL."
        ),
    )
    show.add_argument("name", metavar="NAME")
    show.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    show.set_defaults(handler=run_show)


def run_list(args: argparse.Namespace) -> int:
    selected = frameworks(status=args.status)
    if args.json:
        print_json({"frameworks": [f.to_dict() for f in selected]})
        return 0
    rows = [
        [
            f.key,
            f.name,
            f.status.value,
            _first_few(f.languages),
            f.repository or "-",
        ]
        for f in selected
    ]
    print(fit_table(_LIST_COLUMNS, rows, terminal_width()).text)
    return 0


#: ``list`` columns; names and languages wrap first on a narrow terminal,
#: then languages (at 80 columns), then names are left out: the key, the
#: status and the repository are always shown, and never cut.
_LIST_COLUMNS: Final = (
    Column(header="key"),
    Column(header="name", wrap=True, drop=2),
    Column(header="status"),
    Column(header="languages", wrap=True, drop=1),
    Column(header="repository"),
)


def _first_few(values: tuple[str, ...], limit: int = 3) -> str:
    shown = ", ".join(values[:limit])
    return shown + ("…" if len(values) > limit else "")


def run_show(args: argparse.Namespace) -> int:
    framework = get_framework(args.name)
    if args.json:
        print_json(framework.to_dict())
        return 0
    print(render_framework(framework, width=terminal_width()))
    return 0


def _value(value: object) -> str:
    if value is None or value == ():
        return "unknown"
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _dated(version: str | None, day: date | None) -> str:
    if version is None:
        return "none"
    return version + (f" ({day.isoformat()})" if day else " (date unknown)")


def _per_python(entry: PythonRelease) -> str:
    return f"Python {entry.python}: {_dated(entry.version, entry.date)}"


def _observed(release: Release) -> str:
    """When and where a release was observed."""
    day = release.observed_on.isoformat() if release.observed_on else None
    if release.origin is ReleaseOrigin.HAND:
        # observed_on is the source's date, not the release's.
        return "hand-written from its source" + (f" of {day}" if day else "")
    where = (
        {
            ReleaseOrigin.INDEX: "the bundled package-index data",
            ReleaseOrigin.LIVE: "the package index, read live",
            ReleaseOrigin.CACHE: "a cached package-index answer",
        }.get(release.origin)
        if release.origin
        else None
    )
    index = f" ({release.observed_in})" if release.observed_in else ""
    when = f"observed {day}" if day else ""
    if where is None:
        return when
    return f"{when or 'observed'} in {where}{index}"


def release_parts(release: Release) -> list[str]:
    """A release in parts: version and date, what it needs, per Python,
    and when and where it was observed."""
    parts = [_dated(release.version, release.date)]
    if release.distribution:
        parts.append(f"{release.distribution} on the package index")
    if release.requires_python:
        parts.append(f"requires Python {release.requires_python}")
    parts += [_per_python(entry) for entry in release.per_python]
    if release.yanked:
        parts.append(f"yanked: {', '.join(release.yanked)}")
    observed = _observed(release)
    if observed:
        parts.append(observed)
    return parts


def release_text(release: Release) -> str:
    """A release on one line, its parts separated by semicolons."""
    return "; ".join(release_parts(release))


def _fact_lines(
    label: str, parts: list[str], marks: str, width: int
) -> list[str]:
    """``label: value [n]`` on one line when it fits; otherwise wrapped,
    and a value in several *parts* (a release) gives one line a part."""
    line = f"  {label}: {'; '.join(parts)}{marks}"
    if len(line) <= width:
        return [line]
    if len(parts) == 1:
        return wrap(line.strip(), width, first="  ", rest="    ")
    lines = wrap(f"{label}: {parts[0]}{marks}", width, first="  ", rest="    ")
    for part in parts[1:]:
        lines += wrap(part, width, first="    ", rest="      ")
    return lines


def _footnote_lines(number: int, source: Source, width: int) -> list[str]:
    """A numbered source on one line when it fits; otherwise its title
    wrapped, then its address and date on lines of their own."""
    where = f"<{source.url}>" if source.url else ""
    when = source.date.isoformat() if source.date else ""
    tail = ", ".join(part for part in (where, when) if part)
    first = f"  [{number}] "
    line = f"{first}{source.title}" + (f" {tail}" if tail else "")
    if len(line) <= width:
        return [line]
    rest = " " * len(first)
    lines = wrap(source.title, width, first=first, rest=rest)
    if len(rest) + len(tail) <= width or not where or not when:
        return [*lines, *_unbroken(tail, rest, width)]
    return [*lines, *_unbroken(where + ",", rest, width), rest + when]


def _unbroken(text: str, indent: str, width: int) -> list[str]:
    """*text* on one line, less indented when that makes it fit, never
    cut (a shortened address leads nowhere); none for no text."""
    if not text:
        return []
    if len(indent) + len(text) > width >= len(text) + 2:
        indent = "  "
    return [indent + text]


def render_framework(framework: Framework, *, width: int = 80) -> str:
    """Every fact, then its sources as numbered footnotes, in *width*
    columns (words are never broken; a source's address is never cut)."""
    data = framework.to_dict()
    numbers: dict[Source, int] = {}
    lines = wrap(f"{framework.name} ({framework.key})", width)
    if framework.summary:
        lines += wrap(framework.summary, width)
    lines.append("")
    skip = {"key", "name", "summary", "sources"}
    for fact in data:
        if fact in skip:
            continue
        value = getattr(framework, fact)
        if fact == "latest_release" and value is not None:
            parts = release_parts(value)
        else:
            parts = [_value(value)]
        marks = []
        for source in framework.sources_for(fact):
            numbers.setdefault(source, len(numbers) + 1)
            marks.append(f"[{numbers[source]}]")
        suffix = " " + "".join(marks) if marks else ""
        lines += _fact_lines(fact.replace("_", " "), parts, suffix, width)
    if numbers:
        lines += ["", "Sources:"]
        for source, number in numbers.items():
            lines += _footnote_lines(number, source, width)
    return "\n".join(lines)
