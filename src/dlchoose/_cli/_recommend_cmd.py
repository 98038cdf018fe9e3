"""``dlchoose recommend`` and ``dlchoose purposes``."""

from __future__ import annotations

import argparse
import sys

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, Final

import dlchoose

from .. import (
    Criterion,
    DataEra,
    GpuVendor,
    Purpose,
    criterion_name,
    explain_why_not,
    get_framework,
    purposes,
)
from ..exceptions import InvalidConstraintError, InvalidWeightsError
from ._bars import can_encode, colour_wanted, emphasis, terminal_width
from ._columns import Column, fit_table
from ._output import error, note, print_json
from ._recommend_next import next_steps
from ._recommend_view import short_view, why_not_document, wrap
from ._waiting import waiting_notice


if TYPE_CHECKING:
    from .. import Profile, Recommendation


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "recommend",
        help="rank frameworks for a purpose, with reasons",
        description=(
            "Rank the frameworks for a purpose with transparent, sourced"
            " rules. Offline by default: community and maintenance come"
            " from the bundled GitHub snapshot."
        ),
    )
    _add_purpose(parser)
    _add_constraints(parser)
    _add_weights(parser)
    _add_data_and_output(parser)
    parser.set_defaults(handler=run_recommend)

    listing = subparsers.add_parser(
        "purposes",
        help="list the purpose profiles and their weights",
        description="List the purpose profiles, their aliases and weights.",
    )
    listing.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    listing.set_defaults(handler=run_purposes)


def _add_purpose(parser: argparse.ArgumentParser) -> None:
    """The purpose profile to rank for."""
    parser.add_argument(
        "--purpose",
        default=Purpose.ACADEMIC.value,
        type=_nonblank,
        metavar="PURPOSE",
        help=(
            "one of "
            + ", ".join(p.value for p in Purpose)
            + " or an alias ("
            + ", ".join(a for p in purposes() for a in p.aliases)
            + "); default: academic"
        ),
    )


def _add_constraints(parser: argparse.ArgumentParser) -> None:
    """Hard constraints: what a framework must have to be ranked."""
    parser.add_argument(
        "--language",
        type=_nonblank,
        metavar="L",
        help="only frameworks with an official L API",
    )
    parser.add_argument(
        "--installed",
        action="store_true",
        help="only frameworks installed in this environment",
    )
    parser.add_argument(
        "--require",
        action="append",
        default=[],
        type=_nonblank,
        metavar="CRITERION",
        help=(
            "a capability that must be supported (repeatable): "
            + ", ".join(c.value for c in Criterion if c.requirable)
        ),
    )
    parser.add_argument(
        "--gpu-vendor",
        choices=sorted(GpuVendor.choices()),
        metavar="VENDOR",
        help="GPU vendor to support: "
        + ", ".join(sorted(GpuVendor.choices())),
    )
    parser.add_argument(
        "--installable",
        action="store_true",
        help=(
            "only frameworks with a release that installs on the target"
            " (this interpreter, or --python/--platform), by the package"
            " index's data"
        ),
    )
    parser.add_argument(
        "--python",
        type=_nonblank,
        metavar="X.Y",
        help="target CPython version for --installable (implies it)",
    )
    parser.add_argument(
        "--platform",
        type=_nonblank,
        metavar="TAG",
        help=(
            "target wheel platform tag for --installable (implies it),"
            " e.g. manylinux_2_28_x86_64, macosx_14_0_arm64, win_amd64"
        ),
    )
    parser.add_argument(
        "--include-unmaintained",
        action="store_true",
        help="also rank discontinued, archived and retired frameworks",
    )
    parser.add_argument(
        "--no-core-gate",
        action="store_true",
        help="do not require large graphs, autodiff and simple GPU use",
    )


def _add_weights(parser: argparse.ArgumentParser) -> None:
    """Changes to the profile's weights."""
    parser.add_argument(
        "--weights",
        type=_nonblank,
        metavar="K=V,...",
        help=(
            "override profile weights, e.g. deployment=30,community=5; each"
            " replaces the profile's weight, then all weights are rescaled"
            " to sum to 100"
        ),
    )
    parser.add_argument(
        "--priorities",
        type=_nonblank,
        metavar="C1,C2,...",
        help="criteria by importance; replaces the profile weights",
    )
    parser.add_argument(
        "--data",
        choices=DataEra.choices(),
        default=DataEra.CURRENT.value,
        help="data era",
    )


def _add_data_and_output(parser: argparse.ArgumentParser) -> None:
    """Where the figures come from, and how the answer is shown."""
    parser.add_argument(
        "--refresh",
        action="store_true",
        help=(
            "fetch fresh GitHub metrics instead of the bundled snapshot"
            " (uses GITHUB_TOKEN or GH_TOKEN when set)"
        ),
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--explain",
        action="store_true",
        help=(
            "show the full breakdown: every criterion of every framework,"
            " what each level means, exclusions, notes and sources"
        ),
    )
    output.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.add_argument(
        "--why-not",
        type=_nonblank,
        metavar="NAME",
        help=(
            "explain why NAME is not the winner: its gap criterion by"
            " criterion and what would have to change"
        ),
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument(
        "--top",
        type=_positive,
        default=5,
        metavar="N",
        help="show the first N frameworks (default: 5)",
    )
    shown.add_argument(
        "--all", action="store_true", help="show every ranked framework"
    )


def _nonblank(text: str) -> str:
    """An option value that says something: an empty or blank value is a
    usage error (exit 2), not a silent default nor a traceback."""
    if not text.strip():
        msg = "must not be empty"
        raise argparse.ArgumentTypeError(msg)
    return text


def _positive(text: str) -> int:
    """``--top N``: a whole number of at least 1 (else exit 2)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"expected a whole number of at least 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def parse_weights(text: str) -> dict[str, float]:
    """``"a=1,b=2.5"`` as a mapping; malformed items raise, and so does a
    text that names no weight at all (``","``)."""
    weights: dict[str, float] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        weights[name.strip()] = _number(item, value if sep else "")
    if not weights:
        msg = f"--weights {text!r} names no weight; use NAME=NUMBER,..."
        raise InvalidWeightsError(msg)
    return weights


def _number(item: str, value: str) -> float:
    try:
        return float(value)
    except ValueError as err:
        raise InvalidWeightsError(
            f"cannot read weight {item.strip()!r}; use NAME=NUMBER"
        ) from err


def run_recommend(args: argparse.Namespace) -> int:
    if args.why_not is not None and args.explain:
        error(
            "argument --explain: not allowed with argument --why-not"
            " (--why-not NAME already explains that one framework)"
        )
        return 2
    try:
        with _waiting_for_refresh(args):
            result = _recommendation(args)
    except InvalidConstraintError as err:
        if err.constraint != "language":
            raise
        # A language no framework has is a mistyped option value.
        error(f"argument --language: {err}")
        return 2
    if args.why_not is not None:
        return _print_why_not(result, args)
    if args.json:
        print_json(result.to_dict())
        return 0
    width = terminal_width()
    if args.explain:
        print("\n".join(wrap(result.explain(), width)))
        return 0
    _print_short(result, args, width)
    for warning in result.warnings:
        note(f"warning: {warning}")
    return 0


#: ``recommend(refresh=True)`` asks GitHub and the package index at once,
#: within this many seconds (the library's documented refresh deadline).
REFRESH_DEADLINE: Final = 20.0


def _waiting_for_refresh(
    args: argparse.Namespace,
) -> AbstractContextManager[object]:
    """On a terminal, the 2 s "waiting for ..." notice around a refresh."""
    if not args.refresh:
        return nullcontext()
    return waiting_notice("GitHub and the package index", REFRESH_DEADLINE)


def _recommendation(args: argparse.Namespace) -> Recommendation:
    # Looked up on the package at call time, so tests can route the
    # command through their own gatherer via the public name.
    return dlchoose.recommend(
        args.purpose,
        weights=(
            None if args.weights is None else parse_weights(args.weights)
        ),
        priorities=(
            None
            if args.priorities is None
            else [p.strip() for p in args.priorities.split(",") if p.strip()]
        ),
        language=args.language,
        installed=args.installed,
        require=args.require,
        gpu_vendor=args.gpu_vendor,
        include_unmaintained=args.include_unmaintained,
        core_gate=not args.no_core_gate,
        installable=(
            args.installable
            or args.python is not None
            or args.platform is not None
        ),
        python=args.python,
        platform=args.platform,
        data=args.data,
        refresh=args.refresh,
        token=_token() if args.refresh else None,
    )


def _print_short(
    result: Recommendation, args: argparse.Namespace, width: int
) -> None:
    """The answer, the ranking as bars, then the next steps."""
    colour = colour_wanted(sys.stdout)
    lines = short_view(
        result,
        top=len(result.ranking) if args.all else args.top,
        width=width,
        colour=colour,
        ascii_only=not can_encode(sys.stdout),
    )
    steps = next_steps(result, python=args.python, platform=args.platform)
    if steps:
        steps[0] = emphasis(steps[0], colour=colour)
        lines += ["", *(line for step in steps for line in wrap(step, width))]
    print("\n".join(lines))


def _print_why_not(result: Recommendation, args: argparse.Namespace) -> int:
    """``--why-not NAME``: one framework against the winner."""
    key = get_framework(args.why_not).key
    # Raises UnknownFrameworkError when the result does not hold it.
    text = explain_why_not(result, key)
    if args.json:
        print_json(why_not_document(result, key))
    else:
        print("\n".join(wrap(text, terminal_width())))
    return 0


def _token() -> str | None:
    """The token :func:`dlchoose.github_access` allows for the API URL in
    use: ``GITHUB_TOKEN``/``GH_TOKEN`` only for github.com, else
    ``DLCHOOSE_GITHUB_TOKEN``; none when the configured URL is unusable
    (the refresh then reports why it fell back)."""
    from .. import github_access

    try:
        return github_access().token
    except ValueError:
        return None


def run_purposes(args: argparse.Namespace) -> int:
    profiles = purposes()
    if args.json:
        print_json({"purposes": [p.to_dict() for p in profiles]})
        return 0
    print("\n".join(purposes_text(profiles, terminal_width())))
    return 0


def purposes_text(profiles: Sequence[Profile], width: int) -> list[str]:
    """The weights as a table with one numbered column per purpose (so it
    fits 80 columns), then each purpose by number, aliases and summary."""
    criteria = [c for c, _ in profiles[0].weights]
    numbers = [str(n) for n in range(1, len(profiles) + 1)]
    rows = [
        [c.value, criterion_name(c), *(str(p.weight(c)) for p in profiles)]
        for c in criteria
    ]
    columns = [Column(header=h) for h in ("weight", "criterion", *numbers)]
    lines = fit_table(columns, rows, width).text.splitlines()
    lines.append("")
    for number, profile in zip(numbers, profiles, strict=True):
        aliases = ", ".join(profile.aliases) or "-"
        lines += wrap(
            f"{number} = {profile.purpose.value} (v{profile.version};"
            f" aliases: {aliases}): {profile.summary}",
            width,
        )
    return lines
