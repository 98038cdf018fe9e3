"""The dated snapshot of figures bundled with dlchoose.

``github-snapshot.json`` beside this module is written by
``scripts/build_snapshot.py``; each row carries its own observation date.
"""

from __future__ import annotations

import functools
import json

from collections.abc import Iterator, Mapping
from datetime import date
from importlib import resources
from typing import Any, Final

import attrs

from ._values import MetricsSource, RepoMetrics


__all__ = ["Snapshot", "bundled_snapshot", "snapshot_from_dict"]

_SNAPSHOT_FILE: Final = "github-snapshot.json"


@attrs.frozen(kw_only=True)
class Snapshot:
    """Figures bundled with dlchoose, each with its own observation date.

    Lookups ignore case, as GitHub does.
    """

    as_of: date
    """The newest observation date in the snapshot."""
    built: date
    """When the snapshot file was generated."""
    repositories: tuple[RepoMetrics, ...]
    _by_name: Mapping[str, RepoMetrics] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    @_by_name.default
    def _index(self) -> Mapping[str, RepoMetrics]:
        return {m.full_name.casefold(): m for m in self.repositories}

    def get(self, repo: str) -> RepoMetrics | None:
        return self._by_name.get(repo.casefold())

    def __iter__(self) -> Iterator[RepoMetrics]:
        return iter(self.repositories)

    def __len__(self) -> int:
        return len(self.repositories)


def snapshot_from_dict(data: Mapping[str, Any]) -> Snapshot:
    """Parse the JSON document ``scripts/build_snapshot.py`` writes."""
    include_pulls = data.get("open_issues_include_pulls", False)
    # Snapshot rows are RepoMetrics.to_dict() documents minus what every
    # row shares: the name asked for, the source and the issue convention.
    repos = [
        RepoMetrics.from_dict(
            {
                "requested": row["repo"],
                "open_issues_include_pulls": include_pulls,
                **row,
                "source": MetricsSource.SNAPSHOT.value,
            }
        )
        for row in data["repositories"]
    ]
    return Snapshot(
        as_of=date.fromisoformat(data["as_of"]),
        built=date.fromisoformat(data["built"]),
        repositories=tuple(repos),
    )


@functools.cache
def bundled_snapshot() -> Snapshot:
    """The snapshot shipped with this version of dlchoose (read once)."""
    text = (
        resources.files(__package__)
        .joinpath(_SNAPSHOT_FILE)
        .read_text(encoding="utf-8")
    )
    return snapshot_from_dict(json.loads(text))
