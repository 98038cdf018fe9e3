"""``dlchoose detect``: which frameworks this Python has, and do they work."""

from __future__ import annotations

import argparse
import sys

from typing import Any

from ._args import seconds
from ._bars import colour_wanted, terminal_width
from ._columns import Column, fit_table
from ._output import note, print_json
from ._report_table import (
    BAD,
    DIM,
    GOOD,
    WARN,
    HelpFormatter,
    paint,
    short_path,
    wrap,
)


#: The longest probe timeout the library accepts (a day).
_MAX_TIMEOUT = 86400.0
#: Seconds before a probe child is killed when --timeout is not given.
DEFAULT_TIMEOUT = 30.0


def _timeout(text: str) -> float:
    """A probe timeout: positive seconds, at most a day."""
    value = seconds(text)
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
        formatter_class=HelpFormatter,
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
        default=None,
        metavar="S",
        help=(
            "seconds before a probe child is killed (default: 30);"
            " only with --probe"
        ),
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

    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    if args.timeout is not None and not args.probe:
        note("--timeout has no effect without --probe (nothing is imported)")
    # The probe itself turns SIGTERM and SIGHUP into SystemExit while its
    # children run, so that they are killed on the way out.
    checks: Any = ()
    if args.require:
        checks = check_requirements(
            args.require, probe=args.probe, timeout=timeout
        )
    if args.require and not args.names:
        results = tuple({c.key: c.detection for c in checks}.values())
    else:
        results = detect(args.names or None, probe=args.probe, timeout=timeout)
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
        colour = colour_wanted(sys.stdout)
        print(
            render(shown, env, probe=args.probe, hidden=hidden, colour=colour)
        )
        if args.require:
            print("\n" + render_requirements(checks, colour=colour))
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


def render_requirements(
    checks: Any, *, width: int | None = None, colour: bool = False
) -> str:
    """Requirements, met or unmet, and why, in *width* columns."""
    if width is None:
        width = terminal_width()
    lines = ["Requirements:"]
    for check in checks:
        mark = "ok   " if check.met else "UNMET"
        wrapped = wrap(
            f"{check.requirement}: {check.reason}",
            width,
            first=f"  {mark} ",
            rest=" " * 8,
        )
        painted = paint(mark, GOOD if check.met else BAD, colour=colour)
        lines.append(f"  {painted} {wrapped[0][len(mark) + 3 :]}")
        lines.extend(wrapped[1:])
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


#: Table styles per detection status: found and working, found with a
#: caveat, or not there.
_STATUS_STYLES = {
    "installed": None,
    "unmanaged": WARN,
    "conflict": BAD,
    "shadowed": BAD,
    "metadata_only": BAD,
    "absent": DIM,
}


def render(
    results: Any,
    env: Any,
    *,
    probe: bool,
    hidden: int,
    width: int | None = None,
    colour: bool = False,
) -> str:
    """The table, each framework's reasons, then the environment, in
    *width* columns (the terminal's by default)."""
    if width is None:
        width = terminal_width()
    lines = [_table(results, probe=probe, width=width, colour=colour)]
    if hidden:
        lines += wrap(
            f"({hidden} absent frameworks not shown; --all shows them)", width
        )
    notes: list[str] = []
    for d in results:
        items = list(d.reasons)
        if d.probe is not None and d.probe.error:
            items.insert(0, f"probe: {d.probe.error}")
        for item in items:
            notes += wrap(item, width, first=f"  {d.key}: ", rest="      ")
    if notes:
        lines += ["", "Notes:", *notes]
    lines += ["", "Environment:"]
    lines += [
        line
        for label, value in _environment(env)
        for line in wrap(value, width, first=f"  {label}: ", rest="    ")
    ]
    return "\n".join(lines)


def _table(results: Any, *, probe: bool, width: int, colour: bool) -> str:
    if not results:
        return "No framework found."
    columns = [
        Column(header="key"),
        Column(header="status"),
        Column(header="version"),
        Column(header="distribution", wrap=True),
        Column(header="location", path=True),
    ]
    if probe:
        columns += [Column(header="probe"), Column(header="gpu")]
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
    return fit_table(
        columns,
        rows,
        width,
        styles=[_STATUS_STYLES.get(str(d.status)) for d in results],
        colour=colour,
    ).text


def _environment(env: Any) -> list[tuple[str, str]]:
    """(label, value) of the variables and driver that decide GPU use."""
    visible = (
        "unset"
        if env.cuda_visible_devices is None
        else repr(env.cuda_visible_devices)
        + (" (hides every GPU)" if env.hidden_by_env else "")
    )
    return [
        ("CUDA_VISIBLE_DEVICES", visible),
        ("NVIDIA driver", env.nvidia_driver or "not loaded"),
        ("Keras backend", f"{env.keras_backend} ({env.keras_backend_source})"),
        ("JAX_PLATFORMS", env.jax_platforms or "unset"),
        *(("note", note) for note in env.notes),
    ]


def _short(path: str | None) -> str:
    """*path* with the home folder as ``~`` (the table shortens it more
    when the screen is narrow)."""
    return "-" if path is None else short_path(path, len(path))
