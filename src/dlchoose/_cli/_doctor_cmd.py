"""``dlchoose doctor``: why an installed framework fails, and the fix."""

from __future__ import annotations

import argparse
import math
import shutil
import textwrap

from typing import Any

from ._output import error, print_json


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(
            f"must be positive and finite: {text!r}"
        )
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="say why an installed framework fails, and how to fix it",
        description=(
            "Check each installed framework: its metadata's requirements,"
            " the variables it reads and this machine's GPU without"
            " importing it, then an import in a child process. Each"
            " problem comes with its cause, the evidence and the fix."
            " Exits 1 when a problem is found, 0 when all is healthy,"
            " 2 on a usage error (an unknown NAME included)."
        ),
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="only these frameworks (key, name or alias); default: every"
        " installed one",
    )
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=60.0,
        metavar="S",
        help="seconds each import may take before it is killed (default: 60)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.set_defaults(handler=run)


#: Exit status of a usage error (argparse's own): exit 1 means a problem
#: in the environment, so a misspelt name must not read as one.
EXIT_USAGE = 2


def run(args: argparse.Namespace) -> int:
    from .. import diagnose
    from ..exceptions import UnknownFrameworkError

    try:
        report = diagnose(args.names or None, timeout=args.timeout)
    except UnknownFrameworkError as err:
        error(str(err))
        return EXIT_USAGE
    if args.json:
        print_json(report.to_dict())
    else:
        print(render(report))
    return 0 if report.healthy else 1


#: Evidence longer than this is cut in the text report (--json keeps all).
_EVIDENCE_CHARS = 300


def _clip(line: str) -> str:
    if len(line) <= _EVIDENCE_CHARS:
        return line
    return line[: _EVIDENCE_CHARS - 1] + "… (--json shows all)"


def _wrap(text: str, first: str, width: int) -> list[str]:
    """Words wrapped to *width*, the later lines indented under *first*'s
    text (commands and evidence are never wrapped: they are copied)."""
    return textwrap.wrap(
        text,
        width=max(width, 40),
        initial_indent=first,
        subsequent_indent=" " * len(first),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _finding_lines(finding: Any, width: int) -> list[str]:
    lines = _wrap(finding.cause, "  ✗ ", width)
    lines.extend(f"      evidence: {_clip(line)}" for line in finding.evidence)
    if finding.fix:
        lines.append(f"      fix: {finding.fix}")
    if finding.hint:
        # Hints after a fix start with "or"; alone they say what to do.
        label = "" if finding.fix else "what to do: "
        lines.extend(_wrap(f"{label}{finding.hint}", "      ", width))
    if finding.source is not None:
        source = finding.source
        when = f", {source.date.isoformat()}" if source.date else ""
        lines.append(f"      source: {source.url}{when}")
    return lines


def render(report: Any, width: int | None = None) -> str:
    """One block per framework: its verdict, then each finding, the words
    wrapped to *width* (the terminal's, 80 columns when unknown)."""
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    if not report.diagnoses:
        return (
            "No framework is installed in this environment; nothing to"
            " diagnose."
        )
    lines: list[str] = []
    for diagnosis in report.diagnoses:
        version = f" {diagnosis.version}" if diagnosis.version else ""
        lines.append(f"{diagnosis.name}{version}: {diagnosis.health}")
        for finding in diagnosis.findings:
            lines.extend(_finding_lines(finding, width))
        lines.extend(f"  note: {note}" for note in diagnosis.notes)
    lines.append("")
    lines.append(f"GPU: {report.machine.summary()}")
    lines.extend(f"  note: {note}" for note in report.machine.notes)
    problems = len(report.problems)
    lines.append(
        "All frameworks are healthy."
        if not problems
        else f"{problems} framework(s) with problems."
    )
    return "\n".join(lines)
