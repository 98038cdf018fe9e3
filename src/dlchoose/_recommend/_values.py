"""Per-framework criterion values ("cells") and the candidates holding them.

A cell is one framework's value on one criterion: the raw value, its x on
the declared 0..1 scale (and the highest x an unknown part could reach),
its sources, date and note.  Nothing here reads the clock or the network:
metrics and dates arrive as arguments.
"""

from __future__ import annotations

import math

from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from .. import _sources as src
from .._registry._model import Framework, Status
from .._sources import Source
from ._adoption import Measured, measure
from ._criteria import (
    CRITERIA,
    CURRENT_RATINGS,
    RUBRIC_CRITERIA,
    SEED_ERA_RATINGS,
    SEED_ERA_STATUS,
    Criterion,
    Rating,
)
from ._options import DataEra
from ._speed import SEED_ERA_CUTOFF, SPEED, SpeedRow


if TYPE_CHECKING:
    from .._metrics._values import RepoMetrics


__all__ = [
    "NO_SEED_STARS",
    "UNKNOWN_CELL",
    "Candidate",
    "Cell",
    "candidates",
]

#: Community is log-scaled between these star counts: 1,000 stars is where
#: a project stops being a personal one (x = 0), 200,000 is about the most
#: any framework has (x = 1); research notes §4.
STARS_FLOOR: Final = 1_000
STARS_CEILING: Final = 200_000
_LOG_FLOOR: Final = math.log10(STARS_FLOOR)
_LOG_CEILING: Final = math.log10(STARS_CEILING)

#: Maintenance level (0..4) by the age of the latest release, in days on
#: the data date: frameworks that ship at least twice a year are "active"
#: (4), yearly releases still mean fixes (3), two years is the usual
#: support window of a release line (2); anything older is 1.  Statuses
#: announcing the end (or an archived repository) are 0 whatever the age.
RELEASE_AGE_LEVELS: Final = ((183, 4), (365, 3), (730, 2))
OLDEST_RELEASE_LEVEL: Final = 1
UNMAINTAINED_STATUSES: Final = frozenset(
    {Status.DISCONTINUED, Status.ARCHIVED, Status.RETIRED, Status.MERGED}
)

#: Speed results from fewer independent benchmark sources than this are
#: marked provisional: one lab's setup can favour one framework.
CORROBORATING_SOURCES: Final = 2

_SNAPSHOT_SOURCE_TITLE: Final = "GitHub stars"
NO_SEED_STARS: Final = (
    "community is unknown for every framework in the seed-era data: no"
    " dated 2017-2018 star counts are bundled, and the older 2016 counts"
    " predate PyTorch"
)


class Cell(NamedTuple):
    """One framework's value on one criterion."""

    value: int | float | None
    x: Fraction
    x_max: Fraction
    sources: tuple[Source, ...]
    as_of: date | None
    note: str | None = None
    known: bool = True
    """Whether ``x == x_max`` (stored: it is asked for on every call)."""
    ceiling: Fraction | None = None
    """For an unknown share: the most the adoption series leaves the
    framework (x); the ranking never counts the unknown above it."""


UNKNOWN_CELL: Final = Cell(
    value=None,
    x=Fraction(0),
    x_max=Fraction(1),
    sources=(),
    as_of=None,
    known=False,
)


def _ratings(era: DataEra, key: str) -> dict[Criterion, Rating]:
    merged = dict(CURRENT_RATINGS.get(key, {}))
    if era is DataEra.SEED_ERA:
        merged.update(SEED_ERA_RATINGS.get(key, {}))
    return merged


def _rubric_x(criterion: Criterion, value: int) -> Fraction:
    spec = CRITERIA[criterion]
    return Fraction(min(value, spec.levels), spec.levels)


class _Best(NamedTuple):
    value: int
    sources: tuple[Source, ...]
    note: str | None


def _inherited(
    era: DataEra,
    key: str,
    rating: Rating,
    criterion: Criterion,
    seen: frozenset[str],
) -> _Best | None:
    """The rating's own value or the best of the frameworks it runs on."""
    best = (
        None
        if rating.value is None
        else _Best(rating.value, rating.sources, rating.note)
    )
    for base in rating.via:
        if base in seen:  # pragma: no cover - the data has no cycles
            continue
        cell = rubric_cell(era, base, criterion, seen | {key})
        if cell.value is not None and (
            best is None or int(cell.value) > best.value
        ):
            best = _Best(
                int(cell.value),
                (*rating.sources, *cell.sources),
                f"via {base}" + (f": {cell.note}" if cell.note else ""),
            )
    return best


def rubric_cell(
    era: DataEra,
    key: str,
    criterion: Criterion,
    seen: frozenset[str] = frozenset(),
) -> Cell:
    """A judged rubric level, inherited through ``via`` when better."""
    rating = _ratings(era, key).get(criterion)
    if rating is None:
        return UNKNOWN_CELL
    best = _inherited(era, key, rating, criterion, seen)
    if best is None:
        return UNKNOWN_CELL._replace(
            sources=rating.sources,
            as_of=rating.as_of,
            note=rating.note or "unknown",
        )
    x = _rubric_x(criterion, best.value)
    return Cell(
        value=best.value,
        x=x,
        x_max=x,
        sources=best.sources,
        as_of=rating.as_of,
        note=best.note,
    )


def _task_note(task: str, row: SpeedRow) -> str:
    provisional = row.n_sources < CORROBORATING_SOURCES
    return (
        f"{task.upper()} {row.score:.3f} ({row.n_sources} sources/{row.n_cells} cells"
        + (", provisional" if provisional else "")
        + ")"
    )


def speed_cell(era: DataEra, key: str, cnn: Fraction, rnn: Fraction) -> Cell:
    """Training speed: the CNN and RNN scores mixed by their weights."""
    tasks = SPEED[era.value].get(key, {})
    if not tasks:
        return UNKNOWN_CELL
    if cnn + rnn == 0:
        cnn = rnn = Fraction(1)
    share = {"cnn": cnn / (cnn + rnn), "rnn": rnn / (cnn + rnn)}
    x = Fraction(0)
    missing = Fraction(0)
    parts = []
    for task in ("cnn", "rnn"):
        row = tasks.get(task)
        if row is None:
            missing += share[task]
            parts.append(f"{task.upper()} unknown")
            continue
        x += share[task] * Fraction(round(row.score * 1000), 1000)
        parts.append(_task_note(task, row))
    last = max(row.last_date for row in tasks.values())
    era_text = (
        f"rows up to {SEED_ERA_CUTOFF}"
        if era is DataEra.SEED_ERA
        else "all rows"
    )
    return Cell(
        value=round(float(x), 3),
        x=x,
        x_max=x + missing,
        sources=src.benchmark_sources(
            n for row in tasks.values() for n in row.sources
        ),
        as_of=date.fromisoformat((last + "-01")[:10]),
        note="; ".join(parts) + f"; {era_text}",
        known=missing == 0,
    )


ADOPTION_CRITERIA: Final = (
    Criterion.ACADEMIC_ADOPTION,
    Criterion.INDUSTRY_ADOPTION,
)


def adoption_cell(criterion: Criterion, key: str, as_of: date) -> Cell:
    """The framework's share in the adoption series' newest point observed
    by *as_of* (the seed era sees only mid-2018 points)."""
    found = measure(criterion.value, key, as_of)
    if not isinstance(found, Measured):
        return UNKNOWN_CELL._replace(
            sources=found.sources,
            as_of=found.observed,
            note=found.note,
            ceiling=found.ceiling,
        )
    return Cell(
        value=round(float(found.share), 3),
        x=found.x,
        x_max=found.x,
        sources=found.sources,
        as_of=found.observed,
        note=found.note,
    )


def community_x(stars: int) -> Fraction:
    """Stars on the log scale, rounded to a multiple of 1/1000."""
    if stars <= 0:
        return Fraction(0)
    raw = (math.log10(stars) - _LOG_FLOOR) / (_LOG_CEILING - _LOG_FLOOR)
    return Fraction(round(min(1.0, max(0.0, raw)) * 1000), 1000)


def metrics_for(
    framework: Framework, metrics: Mapping[str, RepoMetrics]
) -> RepoMetrics | None:
    """The figures of the framework's repository, current or former."""
    for repo in (framework.repository, *framework.former_repositories):
        if repo and repo.casefold() in metrics:
            return metrics[repo.casefold()]
    return None


def community_cell(found: RepoMetrics | None) -> Cell:
    """Community from the star count, sourced by where it came from."""
    if found is None:
        return UNKNOWN_CELL._replace(note="no star count")
    x = community_x(found.stars)
    observed = found.observed_at.date()
    title = (
        f"{_SNAPSHOT_SOURCE_TITLE} of {found.full_name} ({found.source.value})"
    )
    if found.provenance:
        title += f": {found.provenance}"
    return Cell(
        value=found.stars,
        x=x,
        x_max=x,
        sources=(Source(title=title, url=found.url, date=observed),),
        as_of=observed,
    )


def maintenance_level(
    status: Status, released: date | None, as_of: date
) -> int | None:
    """0..4 from the status and the latest release's age on *as_of*."""
    if status in UNMAINTAINED_STATUSES:
        return 0
    if released is None:
        return None
    days = (as_of - released).days
    for limit, level in RELEASE_AGE_LEVELS:
        if days <= limit:
            return level
    return OLDEST_RELEASE_LEVEL


def _maintenance_note(
    status: Status, released: date | None, as_of: date, *, archived: bool
) -> str:
    if archived:
        return "repository archived"
    note = f"status {status.value}"
    if released:
        note += (
            f"; latest release {released.isoformat()},"
            f" {(as_of - released).days} days before {as_of.isoformat()}"
        )
    return note


def maintenance_cell(
    status: Status,
    released: date | None,
    as_of: date,
    *,
    archived: bool,
    sources: tuple[Source, ...],
) -> Cell:
    """Maintenance: archived is 0, else :func:`maintenance_level`."""
    level = 0 if archived else maintenance_level(status, released, as_of)
    if level is None:
        return UNKNOWN_CELL._replace(sources=sources, note="no dated release")
    x = _rubric_x(Criterion.MAINTENANCE, level)
    note = _maintenance_note(status, released, as_of, archived=archived)
    return Cell(
        value=level, x=x, x_max=x, sources=sources, as_of=as_of, note=note
    )


def latest_release(
    framework: Framework, found: RepoMetrics | None
) -> tuple[date | None, tuple[Source, ...]]:
    """The newer of the catalog's and the metrics' latest release dates.

    Metrics fetched after the catalog was written may know a newer release;
    its source joins the maintenance sources only when it is the newer one.
    A release whose date no source states is at least as recent as the
    status date (the newest dated release the status was judged on), so
    that date stands in rather than none.
    """
    release_known = framework.latest_release
    catalog = release_known.date if release_known else None
    if release_known is not None and catalog is None:
        catalog = framework.status_date
    release = found.latest_release if found else None
    if found is None or release is None or release.published_at is None:
        return catalog, ()
    published = release.published_at.date()
    if catalog is not None and catalog >= published:
        return catalog, ()
    source = Source(
        title=f"GitHub release {release.tag} of {found.full_name} ({found.source.value})",
        url=f"{found.url}/releases/tag/{release.tag}",
        date=published,
    )
    return published, (source,)


class Candidate(NamedTuple):
    """A framework with every criterion's value and its status facts."""

    framework: Framework
    status: Status
    status_date: date | None
    status_sources: tuple[Source, ...]
    archived: bool
    cells: Mapping[Criterion, Cell]
    in_era: bool


class _Upkeep(NamedTuple):
    """The status facts maintenance and the unmaintained filter read."""

    status: Status
    since: date | None
    status_sources: tuple[Source, ...]
    archived: bool
    community: Cell
    released: date | None
    release_sources: tuple[Source, ...]
    in_era: bool
    release_seen: date | None = None
    """When the latest release fact was observed (the package index read,
    or the fetched figures); maintenance is scored as of that day when it
    is later than the data date."""


def release_observed(
    framework: Framework, found: RepoMetrics | None, released: date | None
) -> date | None:
    """The day the release fact in use was observed: the fetched figures'
    day when their release is the one used, else the catalog release's
    ``observed_on`` (``None`` when not recorded)."""
    release = found.latest_release if found else None
    if (
        found is not None
        and release is not None
        and release.published_at is not None
        and release.published_at.date() == released
    ):
        return found.observed_at.date()
    catalog = framework.latest_release
    return catalog.observed_on if catalog is not None else None


def _seed_era_upkeep(framework: Framework) -> _Upkeep:
    seed = SEED_ERA_STATUS.get(framework.key)
    if seed is None:  # excluded anyway; the registry's status, undated
        status, since = framework.status, None
        status_sources = framework.sources_for("status")
    else:
        status, since, status_sources = seed.status, seed.since, (seed.source,)
    return _Upkeep(
        status=status,
        since=since,
        status_sources=status_sources,
        archived=False,
        community=UNKNOWN_CELL._replace(note=NO_SEED_STARS),
        released=since,
        release_sources=(),
        in_era=seed is not None,
    )


def _current_upkeep(
    framework: Framework, metrics: Mapping[str, RepoMetrics]
) -> _Upkeep:
    found = metrics_for(framework, metrics)
    archived = bool(found and found.archived)
    community = community_cell(found)
    status_sources = framework.sources_for("status")
    if archived:
        status_sources = (*status_sources, *community.sources)
    released, release_sources = latest_release(framework, found)
    return _Upkeep(
        status=framework.status,
        since=framework.status_date,
        status_sources=status_sources,
        archived=archived,
        community=community,
        released=released,
        release_sources=release_sources,
        in_era=True,
        release_seen=release_observed(framework, found, released),
    )


def candidate(
    framework: Framework,
    era: DataEra,
    metrics: Mapping[str, RepoMetrics],
    as_of: date,
    weights: tuple[Fraction, Fraction],
) -> Candidate:
    """Every criterion's cell for *framework*; *weights* are CNN's and RNN's
    (they mix the training-speed tasks)."""
    key = framework.key
    cells: dict[Criterion, Cell] = {
        c: rubric_cell(era, key, c) for c in RUBRIC_CRITERIA
    }
    cells[Criterion.TRAINING_SPEED] = speed_cell(era, key, *weights)
    for criterion in ADOPTION_CRITERIA:
        cells[criterion] = adoption_cell(criterion, key, as_of)
    upkeep = (
        _seed_era_upkeep(framework)
        if era is DataEra.SEED_ERA
        else _current_upkeep(framework, metrics)
    )
    cells[Criterion.COMMUNITY] = upkeep.community
    cells[Criterion.MAINTENANCE] = maintenance_cell(
        upkeep.status,
        upkeep.released,
        max(as_of, upkeep.release_seen or as_of),
        archived=upkeep.archived,
        sources=(*upkeep.status_sources, *upkeep.release_sources)
        or framework.sources_for("latest_release"),
    )
    return Candidate(
        framework=framework,
        status=upkeep.status,
        status_date=upkeep.since,
        status_sources=upkeep.status_sources,
        archived=upkeep.archived,
        cells=cells,
        in_era=upkeep.in_era,
    )


def candidates(
    frameworks: Sequence[Framework],
    era: DataEra,
    metrics: Mapping[str, RepoMetrics],
    as_of: date,
    weights: tuple[Fraction, Fraction],
) -> tuple[Candidate, ...]:
    """:func:`candidate` for each framework, in order."""
    return tuple(
        candidate(framework, era, metrics, as_of, weights)
        for framework in frameworks
    )
