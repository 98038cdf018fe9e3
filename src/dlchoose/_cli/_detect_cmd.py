"""``dlchoose detect``: which frameworks this Python has, and do they work."""

from __future__ import annotations

import argparse
import math
import os
import sys

from pathlib import Path
from typing import Any

from ._output import print_json, table


#: The longest probe timeout the library accepts (a day).
_MAX_TIMEOUT = 86400.0


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(
            f"must be positive and finite: {text!r}"
        )
    if value > _MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(
            f"must be at most {_MAX_TIMEOUT:g} seconds (a day): {text!r}"
        )
    return value


def _requirement(text: str) -> str:
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        Requirement(text)
    except InvalidRequirement as err:
        raise argparse.ArgumentTypeError(
            f"not a PEP 508 requirement: {text!r} ({err})"
        ) from None
    return text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "detect",
        help="detect the frameworks installed in this Python environment",
        description=(
            "Detect the deep-learning frameworks installed in this Python"
            " environment from module specs and distribution metadata,"
            " without importing them. --probe also imports each one in a"
            " child process and asks it for its version and GPUs."
        ),
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="only these frameworks (key, name or alias); default: all",
    )
    parser.add_argument(
        "--probe",
        action="store_true",
        help="import each installed framework in a child process",
    )
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=30.0,
        metavar="S",
        help="seconds before a probe child is killed (default: 30)",
    )
    parser.add_argument(
        "--require",
        action="append",
        type=_requirement,
        default=[],
        metavar="REQ",
        help=(
            "a PEP 508 requirement such as 'torch>=2.4' (repeatable); exit 1"
            " naming what is unmet (absent, too old, or, with --probe, not"
            " importable)"
        ),
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also list absent frameworks in the table (JSON lists all)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .. import check_requirements, detect, environment

    # The probe itself turns SIGTERM and SIGHUP into SystemExit while its
    # children run, so that they are killed on the way out.
    checks: Any = ()
    if args.require:
        checks = check_requirements(
            args.require, probe=args.probe, timeout=args.timeout
        )
    if args.require and not args.names:
        results = tuple({c.key: c.detection for c in checks}.values())
    else:
        results = detect(
            args.names or None, probe=args.probe, timeout=args.timeout
        )
    env = environment()
    if args.json:
        data = {
            "python": _python(),
            "frameworks": [d.to_dict() for d in results],
            "environment": env.to_dict(),
        }
        if args.require:
            data["requirements"] = [c.to_dict() for c in checks]
        print_json(data)
    else:
        explicit = args.all or args.names or args.require
        shown = [d for d in results if explicit or d.status != "absent"]
        hidden = len(results) - len(shown)
        print(render(shown, env, probe=args.probe, hidden=hidden))
        if args.require:
            print("\n" + render_requirements(checks))
    return _gate(checks)


def _gate(checks: Any) -> int:
    """1, with one line on stderr, when a requirement is unmet."""
    unmet = [c for c in checks if not c.met]
    if not unmet:
        return 0
    print(
        "dlchoose: error: unmet requirement"
        + ("s" if len(unmet) > 1 else "")
        + ": "
        + "; ".join(f"{c.requirement} ({c.reason})" for c in unmet),
        file=sys.stderr,
    )
    return 1


def render_requirements(checks: Any) -> str:
    """One line per requirement: met or unmet, and why."""
    lines = ["Requirements:"]
    lines.extend(
        f"  {'ok   ' if c.met else 'UNMET'} {c.requirement}: {c.reason}"
        for c in checks
    )
    return "\n".join(lines)


def _python() -> dict[str, Any]:
    import platform
    import sys

    return {
        "executable": sys.executable,
        "version": platform.python_version(),
        "prefix": sys.prefix,
    }


def _probe_cell(detection: Any) -> str:
    probe = detection.probe
    if probe is None:
        return "-"
    text = str(probe.status)
    if probe.signal:
        text += f" ({probe.signal})"
    return text


def _gpu_cell(detection: Any) -> str:
    probe = detection.probe
    if probe is None or probe.gpu is None:
        return "-"
    gpu = probe.gpu
    if not gpu.available:
        return "none"
    return f"{gpu.backend} x{gpu.device_count}"


def render(results: Any, env: Any, *, probe: bool, hidden: int) -> str:
    """The table, each framework's reasons, then the environment."""
    headers = ["key", "status", "version", "distribution", "location"]
    if probe:
        headers += ["probe", "gpu"]
    rows = []
    for d in results:
        row = [
            d.key,
            str(d.status),
            d.version or "-",
            d.distribution or "-",
            _short(d.location),
        ]
        if probe:
            row += [_probe_cell(d), _gpu_cell(d)]
        rows.append(row)
    lines = [table(headers, rows)] if rows else ["No framework found."]
    if hidden:
        lines.append(
            f"({hidden} absent frameworks not shown; --all shows them)"
        )
    notes: list[str] = []
    for d in results:
        items = list(d.reasons)
        if d.probe is not None and d.probe.error:
            items.insert(0, f"probe: {d.probe.error}")
        notes.extend(f"  {d.key}: {item}" for item in items)
    if notes:
        lines += ["", "Notes:", *notes]
    lines += ["", "Environment:"]
    lines.append(
        "  CUDA_VISIBLE_DEVICES: "
        + (
            "unset"
            if env.cuda_visible_devices is None
            else repr(env.cuda_visible_devices)
            + (" (hides every GPU)" if env.hidden_by_env else "")
        )
    )
    lines.append(f"  NVIDIA driver: {env.nvidia_driver or 'not loaded'}")
    lines.append(
        f"  Keras backend: {env.keras_backend} ({env.keras_backend_source})"
    )
    lines.append(f"  JAX_PLATFORMS: {env.jax_platforms or 'unset'}")
    lines.extend(f"  note: {note}" for note in env.notes)
    return "\n".join(lines)


def _short(path: str | None) -> str:
    if path is None:
        return "-"
    home = str(Path("~").expanduser())
    if home not in ("~", os.sep) and path.startswith(home + os.sep):
        return "~" + path[len(home) :]
    return path
