"""``dlchoose recommend`` and ``dlchoose purposes``."""

from __future__ import annotations

import argparse
import os

from typing import Any

from .. import Purpose, purposes, recommend
from .._recommend._core import DATA_ERAS, GPU_VENDORS
from .._recommend._criteria import REQUIRABLE
from .._recommend._profiles import ALIASES
from ..exceptions import InvalidWeightsError
from ._output import print_json, table, warn


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
    parser.add_argument(
        "--purpose",
        default=Purpose.ACADEMIC.value,
        metavar="PURPOSE",
        help=(
            "one of "
            + ", ".join(p.value for p in Purpose)
            + " or an alias ("
            + ", ".join(ALIASES)
            + "); default: academic"
        ),
    )
    parser.add_argument(
        "--language",
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
        metavar="CRITERION",
        help=(
            "a capability that must be supported (repeatable): "
            + ", ".join(c.value for c in REQUIRABLE)
        ),
    )
    parser.add_argument(
        "--gpu-vendor",
        choices=sorted(GPU_VENDORS),
        help="GPU vendor to support",
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
    parser.add_argument(
        "--weights",
        metavar="K=V,...",
        help=(
            "override profile weights, e.g. deployment=30,community=5; each"
            " replaces the profile's weight, then all weights are rescaled"
            " to sum to 100"
        ),
    )
    parser.add_argument(
        "--priorities",
        metavar="C1,C2,...",
        help="criteria by importance; replaces the profile weights",
    )
    parser.add_argument(
        "--data", choices=DATA_ERAS, default="current", help="data era"
    )
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
        "--explain", action="store_true", help="show the full breakdown"
    )
    output.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
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


def parse_weights(text: str) -> dict[str, float]:
    """``"a=1,b=2.5"`` as a mapping; malformed items raise."""
    weights: dict[str, float] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        weights[name.strip()] = _number(item, value if sep else "")
    return weights


def _number(item: str, value: str) -> float:
    try:
        return float(value)
    except ValueError as err:
        raise InvalidWeightsError(
            f"cannot read weight {item.strip()!r}; use NAME=NUMBER"
        ) from err


def run_recommend(args: argparse.Namespace) -> int:
    result = recommend(
        args.purpose,
        weights=parse_weights(args.weights) if args.weights else None,
        priorities=(
            [p.strip() for p in args.priorities.split(",") if p.strip()]
            if args.priorities
            else None
        ),
        language=args.language,
        installed=args.installed,
        require=args.require,
        gpu_vendor=args.gpu_vendor,
        include_unmaintained=args.include_unmaintained,
        core_gate=not args.no_core_gate,
        data=args.data,
        refresh=args.refresh,
        token=_token() if args.refresh else None,
    )
    if args.json:
        print_json(result.to_dict())
    elif args.explain:
        print(result.explain())
    else:
        _warn(result.warnings, every=args.refresh)
        print(result.summary())
    return 0


def _token() -> str | None:
    """A GitHub token from ``GITHUB_TOKEN`` or ``GH_TOKEN``, if either is set."""
    return os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN") or None


def run_purposes(args: argparse.Namespace) -> int:
    profiles = purposes()
    if args.json:
        print_json({"purposes": [p.to_dict() for p in profiles]})
        return 0
    criteria = [c for c, _ in profiles[0].weights]
    rows = [[c.value, *(str(p.weight(c)) for p in profiles)] for c in criteria]
    print(table(["criterion", *(p.purpose.value for p in profiles)], rows))
    print()
    for profile in profiles:
        aliases = ", ".join(profile.aliases) or "-"
        print(
            f"{profile.purpose.value} (v{profile.version}; aliases: {aliases}):"
            f" {profile.summary}"
        )
    return 0


def _warn(warnings: tuple[str, ...], *, every: bool) -> None:
    """Warnings on stderr: each one after a refresh (a fallback to older
    figures must be seen), otherwise a count, so the short answer stays
    short; --explain and --json carry them all."""
    if every:
        for warning in warnings:
            warn(f"warning: {warning}")
    elif warnings:
        warn(
            f"{len(warnings)} warnings about unknown or stale values;"
            " --explain lists them"
        )
