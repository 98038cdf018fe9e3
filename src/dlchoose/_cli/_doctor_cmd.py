"""``dlchoose doctor``: why an installed framework fails, and the fix."""

from __future__ import annotations

import argparse
import sys

from typing import Any, Final

from ._args import seconds
from ._bars import colour_wanted, terminal_width
from ._output import error, print_json
from ._report_table import (
    BAD,
    GOOD,
    WARN,
    HelpFormatter,
    command_lines,
    paint,
    wrap,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        formatter_class=HelpFormatter,
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
        type=seconds,
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
        print(render(report, colour=colour_wanted(sys.stdout)))
    return 0 if report.healthy else 1


#: Evidence longer than this is cut in the text report (--json keeps all).
_EVIDENCE_CHARS = 300

#: The verdict's style: healthy green, a problem red, unchecked yellow.
_HEALTH_STYLES: Final = {"healthy": GOOD, "problem": BAD, "unchecked": WARN}


def _clip(line: str) -> str:
    if len(line) <= _EVIDENCE_CHARS:
        return line
    return line[: _EVIDENCE_CHARS - 1] + "… (--json shows all)"


def _source_lines(source: Any, width: int) -> list[str]:
    """The source's address, whole (a cut URL leads nowhere): beside its
    label when it fits, else alone on the next line, indented only as far
    as the width allows."""
    when = f", {source.date.isoformat()}" if source.date else ""
    line = f"      source: {source.url}{when}"
    if len(line) <= width:
        return [line]
    dated = f" ({source.date.isoformat()})" if source.date else ""
    indent = max(0, min(8, width - len(source.url)))
    return [f"      source{dated}:", " " * indent + source.url]


def _finding_lines(finding: Any, width: int, *, colour: bool) -> list[str]:
    cause = wrap(finding.cause, width, first="  ✗ ", rest="    ")
    lines = [paint("✗", BAD, colour=colour).join(cause[0].split("✗", 1))]
    lines += cause[1:]
    for evidence in finding.evidence:
        lines += wrap(
            _clip(evidence), width, first="      evidence: ", rest=" " * 8
        )
    if finding.fix:
        lines += command_lines("      fix: ", finding.fix, width)
    if finding.hint:
        # Hints after a fix start with "or"; alone they say what to do.
        label = "" if finding.fix else "what to do: "
        lines += wrap(
            f"{label}{finding.hint}", width, first=" " * 6, rest=" " * 6
        )
    if finding.source is not None:
        lines += _source_lines(finding.source, width)
    return lines


def render(
    report: Any, width: int | None = None, *, colour: bool = False
) -> str:
    """One block per framework: its verdict, then each finding, fitted to
    *width* columns (the terminal's, 80 when unknown): words wrap, commands
    continue with ``\\``, addresses stay whole."""
    if width is None:
        width = terminal_width()
    if not report.diagnoses:
        return "\n".join(
            wrap(
                "No framework is installed in this environment; nothing to"
                " diagnose.",
                width,
            )
        )
    lines: list[str] = []
    for diagnosis in report.diagnoses:
        version = f" {diagnosis.version}" if diagnosis.version else ""
        health = str(diagnosis.health)
        verdict = paint(health, _HEALTH_STYLES.get(health), colour=colour)
        lines.append(f"{diagnosis.name}{version}: {verdict}")
        for finding in diagnosis.findings:
            lines.extend(_finding_lines(finding, width, colour=colour))
        for note in diagnosis.notes:
            lines += wrap(note, width, first="  note: ", rest=" " * 8)
    lines.append("")
    lines += wrap(report.machine.summary(), width, first="GPU: ", rest="  ")
    for note in report.machine.notes:
        lines += wrap(note, width, first="  note: ", rest=" " * 8)
    problems = len(report.problems)
    lines.append(
        "All frameworks are healthy."
        if not problems
        else f"{problems} framework(s) with problems."
    )
    return "\n".join(lines)
