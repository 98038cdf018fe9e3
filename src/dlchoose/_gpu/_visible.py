"""Which GPUs a process may use: ``CUDA_VISIBLE_DEVICES`` and friends.

nvidia-smi lists every GPU in the machine; the CUDA runtime shows a
process only those its visibility variable names.  The rules follow the
CUDA runtime and PyTorch's own parser (the closest reference a user meets):

* unset: every device; empty: none;
* comma-separated entries, spaces trimmed; an integer entry is read like
  ``strtoul`` (leading digits, so ``"1gpu"`` is 1); the first entry that is
  not a non-negative integer ends the list (``"0,-1,1"`` is ``[0]``);
* a repeated ordinal hides every device (PyTorch reports none);
* ``GPU-<uuid>`` / ``MIG-<uuid>`` entries select by UUID, which the
  ``nvidia-smi`` query used here does not report, so every GPU is kept
  and a note says so.
"""

from __future__ import annotations

import re

from collections.abc import Mapping, Sequence
from typing import Final

import attrs


__all__ = ["Visibility", "visibility"]

_LEADING_DIGITS: Final = re.compile(r"\d+")


@attrs.frozen(kw_only=True)
class Visibility:
    """The devices a variable lets through."""

    variable: str | None = None
    """The variable that decided, or ``None`` when none is set."""
    value: str | None = None
    indices: tuple[int, ...] | None = None
    """Device indices let through, in order; ``None`` means all."""
    note: str | None = None

    def select(self, indices: Sequence[int]) -> tuple[int, ...]:
        """The members of *indices* (device indices) this lets through."""
        if self.indices is None:
            return tuple(indices)
        known = set(indices)
        return tuple(i for i in self.indices if i in known)


def _ordinals(value: str) -> tuple[tuple[int, ...], str | None]:
    ordinals: list[int] = []
    for raw in value.split(","):
        match = _LEADING_DIGITS.match(raw.strip())
        if match is None:
            break  # the CUDA runtime stops at the first invalid entry
        ordinals.append(int(match.group()))
    if len(set(ordinals)) != len(ordinals):
        return (), "a device is listed twice, so none is visible"
    return tuple(ordinals), None


def visibility(
    environ: Mapping[str, str], variables: Sequence[str]
) -> Visibility:
    """The first of *variables* set in *environ*, read by the rules above."""
    for variable in variables:
        value = environ.get(variable)
        if value is None:
            continue
        stripped = value.strip()
        if stripped.upper().startswith(("GPU-", "MIG-")):
            return Visibility(
                variable=variable,
                value=value,
                note=(
                    f"{variable} selects GPUs by UUID; dlchoose cannot"
                    " match UUIDs and counts every GPU"
                ),
            )
        indices, note = _ordinals(stripped) if stripped else ((), None)
        if not indices and note is None:
            note = f"{variable}={value!r} hides every GPU"
        elif note is not None:
            note = f"{variable}={value!r}: {note}"
        return Visibility(
            variable=variable, value=value, indices=indices, note=note
        )
    return Visibility()
