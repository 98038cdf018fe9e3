"""Placeholder: this subcommand is being built (see the open issue)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    del subparsers


def run(args: argparse.Namespace) -> int:  # pragma: no cover
    del args
    return 0
