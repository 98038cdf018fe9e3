"""``dlchoose recommend`` and ``dlchoose purposes``."""

from __future__ import annotations

import argparse

from typing import Any

import dlchoose

from .. import Criterion, DataEra, GpuVendor, Purpose, purposes
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
        help="GPU vendor to support",
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
        "--explain", action="store_true", help="show the full breakdown"
    )
    output.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )


def _nonblank(text: str) -> str:
    """An option value that says something: an empty or blank value is a
    usage error (exit 2), not a silent default nor a traceback."""
    if not text.strip():
        msg = "must not be empty"
        raise argparse.ArgumentTypeError(msg)
    return text


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
    # Looked up on the package at call time, so tests can route the
    # command through their own gatherer via the public name.
    result = dlchoose.recommend(
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
    if args.json:
        print_json(result.to_dict())
    elif args.explain:
        print(result.explain())
    else:
        _warn(result.warnings, every=args.refresh)
        print(result.summary())
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
