"""Adoption series: who uses each framework, measured, sourced and dated.

The data lives beside this module in ``adoption.json`` (transcribed from
``research/adoption.md``): each series is a list of dated points, each
point the counts one public file or page gives on the day it describes.
A framework's adoption on a data date is its share in the newest point
observed on or before that date, so the seed era (mid-2018) sees only
what was measured by then.

* ``academic_adoption``: conference papers naming PyTorch or TensorFlow
  (Horace He's counts, 2017-2022); Keras papers count as TensorFlow's.
* ``industry_adoption``: 30-day PyPI downloads (Top PyPI Packages dumps,
  2018-2026) as a share of all deep-learning framework downloads.

Survey figures (Stack Overflow, JetBrains, Kaggle) are single points, not
series: they are quoted beside the download share, never scored.

A framework a point does not measure is unknown, but not unbounded: the
point leaves it at most a share (:attr:`Unmeasured.ceiling`), and the
ranking never counts the unknown above that (see :func:`measure`).
"""

from __future__ import annotations

import functools
import json

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from importlib import resources
from typing import Any, Final, NamedTuple

import attrs

from .._sources import Source


__all__ = [
    "CEILINGS",
    "Measured",
    "Point",
    "Series",
    "Survey",
    "Unmeasured",
    "leading_since",
    "load",
    "measure",
]

#: A share at or above its ceiling scores x = 1; below, x = share/ceiling.
#: 80 % of papers is what a framework that dominates research reaches
#: (PyTorch at ICLR 2022: 84 %); 60 % of framework downloads is a
#: dominant installed base (TensorFlow mid-2018: 65 %, PyTorch 2026: 65 %).
#: Fixed bounds, so a score never depends on the other candidates.
CEILINGS: Final[Mapping[str, Fraction]] = {
    "academic_adoption": Fraction(4, 5),
    "industry_adoption": Fraction(3, 5),
}


def _source(data: Mapping[str, Any]) -> Source:
    return Source.from_dict(data)


@attrs.frozen(kw_only=True)
class Point:
    """One dated observation of a series: counts per item."""

    observed: date
    label: str
    source: Source
    counts: tuple[tuple[str, int], ...]
    unreliable: tuple[tuple[str, str], ...] = ()
    """Registry keys whose count here misses most of their use, and why."""
    absent: tuple[tuple[str, str], ...] = ()
    """Registry keys checked and not found in the source (below its
    cut-off), and how that was read."""
    unit: str | None = None
    """What this point counts when not the series' unit (submissions)."""


@attrs.frozen(kw_only=True)
class Series:
    """A dated series of counts and how its items map to frameworks."""

    id: str
    criterion: str
    title: str
    measures: str
    unit: str
    points: tuple[Point, ...]
    """Oldest first."""
    members: tuple[tuple[str, str], ...] = ()
    """Item (a distribution) -> registry key; items are keys if empty."""
    add_ons: tuple[str, ...] = ()
    """Items compared with the total but not part of it."""
    counted_within: tuple[tuple[str, str], ...] = ()
    """Registry key -> the key whose count includes it."""
    bounds_unlisted: str | None = None
    """Why every framework the series leaves out is no larger than the
    smallest it lists, when that holds for the series as a whole (He
    counted the two frameworks that dominated papers); ``None`` when only
    the keys a point records as :attr:`Point.absent` are bounded."""

    def key_of(self, item: str) -> str:
        return dict(self.members).get(item, item)

    def latest(self, as_of: date) -> Point | None:
        """The newest point observed on or before *as_of*."""
        found = [p for p in self.points if p.observed <= as_of]
        return found[-1] if found else None

    def total(self, point: Point) -> int:
        return sum(n for item, n in point.counts if item not in self.add_ons)

    def count(self, point: Point, key: str) -> int | None:
        """The framework's count in *point* (``None``: not listed)."""
        found = [n for item, n in point.counts if self.key_of(item) == key]
        return sum(found) if found else None

    def share(self, point: Point, key: str) -> Fraction | None:
        count = self.count(point, key)
        return None if count is None else Fraction(count, self.total(point))

    def leader(self, point: Point) -> str:
        """The framework with the largest share of the total."""
        keys = {
            self.key_of(item)
            for item, _ in point.counts
            if item not in self.add_ons
        }
        return max(sorted(keys), key=lambda k: self.count(point, k) or 0)


@attrs.frozen(kw_only=True)
class Survey:
    """One survey's shares of respondents (quoted, not scored)."""

    survey: str
    observed: date
    percent: tuple[tuple[str, float], ...]
    source: Source
    approximate: bool = False


class Adoption(NamedTuple):
    """Every series by criterion id, and the survey points."""

    series: Mapping[str, Series]
    surveys: tuple[Survey, ...]


def _point(data: Mapping[str, Any]) -> Point:
    return Point(
        observed=date.fromisoformat(data["observed"]),
        label=data["label"],
        source=_source(data["source"]),
        counts=tuple(data["counts"].items()),
        unreliable=tuple(data.get("unreliable", {}).items()),
        absent=tuple(data.get("absent", {}).items()),
        unit=data.get("unit"),
    )


def _series(data: Mapping[str, Any]) -> Series:
    return Series(
        id=data["id"],
        criterion=data["criterion"],
        title=data["title"],
        measures=data["measures"],
        unit=data["unit"],
        points=tuple(
            sorted(map(_point, data["points"]), key=lambda p: p.observed)
        ),
        members=tuple(data.get("distributions", {}).items()),
        add_ons=tuple(data.get("add_ons", ())),
        counted_within=tuple(
            (inner, outer)
            for outer, inners in data.get("counted_within", {}).items()
            for inner in inners
        ),
        bounds_unlisted=data.get("bounds_unlisted"),
    )


def _survey(data: Mapping[str, Any]) -> Survey:
    return Survey(
        survey=data["survey"],
        observed=date.fromisoformat(data["observed"]),
        percent=tuple(data["percent"].items()),
        source=_source(data["source"]),
        approximate=bool(data.get("approximate", False)),
    )


@functools.cache
def load() -> Adoption:
    """The bundled series (read once)."""
    text = (
        resources.files(__package__)
        .joinpath("adoption.json")
        .read_text(encoding="utf-8")
    )
    data = json.loads(text)
    return Adoption(
        series={s.criterion: s for s in map(_series, data["series"])},
        surveys=tuple(map(_survey, data["surveys"])),
    )


class Measured(NamedTuple):
    """A framework's share in a series point, on its declared scale."""

    share: Fraction
    x: Fraction
    sources: tuple[Source, ...]
    observed: date
    note: str


class Unmeasured(NamedTuple):
    """Why a series says nothing about a framework on a date."""

    note: str
    sources: tuple[Source, ...] = ()
    observed: date | None = None
    ceiling: Fraction | None = None
    """The most the point leaves the framework, on the 0..1 scale
    (``None``: the point bounds nothing, its count is known to miss most
    of the framework's use)."""


def _x(share: Fraction, ceiling: Fraction) -> Fraction:
    """The share on the 0..1 scale, rounded to a multiple of 1/1000."""
    return Fraction(round(min(share / ceiling, Fraction(1)) * 1000), 1000)


def _lead_since(series: Series, point: Point, key: str) -> date | None:
    """The first point of the unbroken run, ending at *point*, in which
    *key* has the largest share (``None``: it does not lead at *point*)."""
    since = None
    for earlier in reversed(series.points[: series.points.index(point) + 1]):
        if series.leader(earlier) != key:
            break
        since = earlier.observed
    return since


def leading_since(criterion: str, key: str, as_of: date) -> date | None:
    """Since when *key* has had the largest share of *criterion*'s series
    up to *as_of* (``None``: it does not lead there)."""
    series = load().series[criterion]
    point = series.latest(as_of)
    return None if point is None else _lead_since(series, point, key)


def _history(series: Series, point: Point, key: str) -> str:
    """Where the share started in the series, and since when it leads."""
    parts = []
    reliable = [
        p
        for p in series.points[: series.points.index(point)]
        if key not in dict(p.unreliable) and series.count(p, key) is not None
    ]
    if reliable:
        first = reliable[0]
        share = series.share(first, key)
        parts.append(f"{float(share or 0):.1%} on {first.observed}")
    since = _lead_since(series, point, key)
    if since is not None:
        parts.append(f"largest share since {since}")
    return "; ".join(parts)


def _surveys(key: str, as_of: date) -> tuple[str, tuple[Source, ...]]:
    """The newest survey point naming *key* up to *as_of*, in words."""
    found = [
        s
        for s in load().surveys
        if s.observed <= as_of and key in dict(s.percent)
    ]
    if not found:
        return "", ()
    newest = max(found, key=lambda s: s.observed)
    about = "about " if newest.approximate else ""
    percent = dict(newest.percent)[key]
    return (
        f"; survey (not scored): {about}{percent:g} % in {newest.survey}",
        (newest.source,),
    )


def _smallest(series: Series, point: Point) -> tuple[str, Fraction]:
    """The framework with the smallest reliable share in *point*."""
    shares = {
        series.key_of(item): series.share(point, series.key_of(item))
        for item, _ in point.counts
        if series.key_of(item) not in dict(point.unreliable)
    }
    key = min(sorted(shares), key=lambda k: shares[k] or 0)
    return key, shares[key] or Fraction(0)


def _bounded(series: Series, point: Point, note: str) -> Unmeasured:
    """A key *point* does not measure: at most the smallest listed share.

    A framework checked and found absent from the source (a Top PyPI
    Packages dump lists every project above its cut-off, so one it leaves
    out has fewer downloads than every one it lists), or left out by an
    author who compared only the leaders (He counted the two frameworks
    that dominated papers), is taken to be no larger than the smallest one
    counted, never larger because it was not counted.  A framework counted
    within another (Keras papers within TensorFlow's) is bounded by that
    one's share, and no better placed than one left out: its own share is
    not measured either.
    """
    smallest, share = _smallest(series, point)
    return Unmeasured(
        f"{note}; counted at most {float(share):.1%}, the smallest share"
        f" it lists ({smallest})",
        (point.source,),
        point.observed,
        _x(share, CEILINGS[series.criterion]),
    )


def measure(criterion: str, key: str, as_of: date) -> Measured | Unmeasured:
    """*key*'s adoption on *criterion* as measured by *as_of*.

    Unmeasured keys carry the most the point leaves them: a key checked
    and found absent (below the source's cut-off), one a series bounding
    all it leaves out does not list, or one counted within another (Keras
    papers within TensorFlow's), at most the smallest listed share
    (:func:`_bounded`); a key the series never looked up, or whose count
    the point marks unreliable (PyTorch's 2018 PyPI count missed its conda
    installs), no bound.
    """
    series = load().series[criterion]
    point = series.latest(as_of)
    if point is None:  # pragma: no cover - every series starts by mid-2018
        return Unmeasured(f"{series.title}: no point before {as_of}")
    within = dict(series.counted_within).get(key)
    if within is not None:
        note = f"not separated: {series.title} counts it within {within}"
        return _bounded(series, point, note)
    reason = dict(point.unreliable).get(key)
    if reason is not None:
        return Unmeasured(reason, (point.source,), point.observed)
    share = series.share(point, key)
    if share is not None:
        return _measured(series, point, key, share)
    return _unlisted(series, point, key)


def _unlisted(series: Series, point: Point, key: str) -> Unmeasured:
    """*key*, which *point* does not list: bounded where the data says it
    is small (checked absent, or a series of the leaders only), else
    unknown without a bound (ONNX Runtime is in the dump, but the series
    does not count it; a Rust crate is not on PyPI at all)."""
    absent = dict(point.absent).get(key)
    if absent is not None:
        return _bounded(series, point, f"{absent}, {point.label}")
    if series.bounds_unlisted is not None:
        note = f"not listed in {series.title} ({point.label})"
        return _bounded(series, point, note)
    return Unmeasured(
        f"not counted by {series.title} ({point.label})",
        (point.source,),
        point.observed,
    )


def _measured(
    series: Series, point: Point, key: str, share: Fraction
) -> Measured:
    count = series.count(point, key) or 0
    note = (
        f"{count:,} of {series.total(point):,} {point.unit or series.unit}"
        f" ({float(share):.1%}),"
        f" {point.label}"
    )
    history = _history(series, point, key)
    if history:
        note += f"; {history}"
    sources: tuple[Source, ...] = (point.source,)
    if series.criterion == "industry_adoption":
        quoted, survey_sources = _surveys(key, point.observed)
        note += quoted
        sources += survey_sources
    return Measured(
        share=share,
        x=_x(share, CEILINGS[series.criterion]),
        sources=sources,
        observed=point.observed,
        note=note,
    )
