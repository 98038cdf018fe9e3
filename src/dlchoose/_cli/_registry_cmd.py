"""``dlchoose list`` and ``dlchoose show``."""

from __future__ import annotations

import argparse

from typing import Any

from .. import Framework, Status, frameworks, get_framework
from ._output import print_json, table


def register(subparsers: Any) -> None:
    listing = subparsers.add_parser(
        "list",
        help="list the registered frameworks",
        description="List the registered frameworks in a stable order.",
    )
    listing.add_argument(
        "--status",
        action="append",
        choices=Status.choices(),
        help="only frameworks with this status (repeatable)",
    )
    listing.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    listing.set_defaults(handler=run_list)

    show = subparsers.add_parser(
        "show",
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
    print(table(["key", "name", "status", "languages", "repository"], rows))
    return 0


def _first_few(values: tuple[str, ...], limit: int = 3) -> str:
    shown = ", ".join(values[:limit])
    return shown + ("…" if len(values) > limit else "")


def run_show(args: argparse.Namespace) -> int:
    framework = get_framework(args.name)
    if args.json:
        print_json(framework.to_dict())
        return 0
    print(render_framework(framework))
    return 0


def _value(value: object) -> str:
    if value is None or value == ():
        return "unknown"
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def render_framework(framework: Framework) -> str:
    """Every fact, then its sources as numbered footnotes."""
    data = framework.to_dict()
    footnotes: list[str] = []
    numbers: dict[str, int] = {}
    lines = [f"{framework.name} ({framework.key})"]
    if framework.summary:
        lines.append(framework.summary)
    lines.append("")
    skip = {"key", "name", "summary", "sources"}
    for fact in data:
        if fact in skip:
            continue
        value = getattr(framework, fact)
        if fact == "latest_release" and value is not None:
            shown = value.version + (
                f" ({value.date.isoformat()})" if value.date else ""
            )
        else:
            shown = _value(value)
        marks = []
        for source in framework.sources_for(fact):
            label = source.title + (f" <{source.url}>" if source.url else "")
            label += f", {source.date.isoformat()}" if source.date else ""
            if label not in numbers:
                numbers[label] = len(numbers) + 1
                footnotes.append(f"  [{numbers[label]}] {label}")
            marks.append(f"[{numbers[label]}]")
        suffix = " " + "".join(marks) if marks else ""
        lines.append(f"  {fact.replace('_', ' ')}: {shown}{suffix}")
    if footnotes:
        lines += ["", "Sources:", *footnotes]
    return "\n".join(lines)
