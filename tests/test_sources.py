"""The one bibliography: each source defined once, cited by identity,
numbered once per document."""

from __future__ import annotations

import re

from datetime import date, datetime, timezone

import attrs
import pytest

import dlchoose

from dlchoose import _sources
from dlchoose._cli import main
from dlchoose._recommend._criteria import (
    CURRENT_RATINGS,
    SEED_ERA_RATINGS,
    SEED_ERA_STATUS,
)
from dlchoose._registry._catalog import CATALOG
from dlchoose._registry._model import normalize_repository


BIBLIOGRAPHY = {
    name: value
    for name, value in vars(_sources).items()
    if isinstance(value, _sources.Source)
}


def cited() -> list[_sources.Source]:
    """Every source the catalog and the ratings cite."""
    found = [s for f in CATALOG for _, srcs in f.sources for s in srcs]
    for table in (CURRENT_RATINGS, SEED_ERA_RATINGS):
        for ratings in table.values():
            found += [s for r in ratings.values() for s in r.sources]
    found += [seed.source for seed in SEED_ERA_STATUS.values()]
    return found


class TestBibliography:
    def test_public_source_is_the_bibliography_class(self):
        """dlchoose.Source is the class the bibliography defines."""
        assert dlchoose.Source is _sources.Source
        assert dlchoose.Source is dlchoose._registry._model.Source

    def test_each_address_defined_once(self):
        """No two bibliography entries share an address."""
        urls = [s.url for s in BIBLIOGRAPHY.values() if s.url]
        assert sorted(set(urls)) == sorted(urls)

    def test_each_title_defined_once(self):
        """No two bibliography entries share a title."""
        titles = [s.title for s in BIBLIOGRAPHY.values()]
        assert sorted(set(titles)) == sorted(titles)

    def test_everything_cited_comes_from_the_bibliography(self):
        """The catalog and the ratings cite bibliography entries only."""
        defined = {id(s) for s in BIBLIOGRAPHY.values()}
        strays = [s.title for s in cited() if id(s) not in defined]
        assert [] == strays

    def test_every_entry_is_dated(self):
        """Every source carries a date."""
        assert [] == [n for n, s in BIBLIOGRAPHY.items() if s.date is None]

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, None),
            ("", None),
            ("2020-01-02", date(2020, 1, 2)),
            (date(2020, 1, 2), date(2020, 1, 2)),
            (datetime(2020, 1, 2, tzinfo=timezone.utc), date(2020, 1, 2)),
        ],
    )
    def test_as_date(self, value, expected):
        """as_date reads ISO text, dates and datetimes."""
        assert expected == _sources.as_date(value)

    def test_as_date_refuses_numbers(self):
        """as_date refuses what is no date."""
        with pytest.raises(TypeError, match="expected a date"):
            _sources.as_date(2020)


def _package_modules():
    """Every dlchoose module that holds data (not the CLI, not children)."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(dlchoose.__path__, "dlchoose."):
        if "._cli" in info.name or info.name.endswith("_child"):
            continue
        yield importlib.import_module(info.name)


#: Modules that define sources for others to cite.
DEFINING = frozenset({"dlchoose._sources", "dlchoose._gpu._citations"})


def _sources_in(value, seen):
    """Sources reachable from *value* through containers and attrs values."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, _sources.Source):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _sources_in(item, seen)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _sources_in(item, seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _sources_in(getattr(value, field.name), seen)


def defined_sources() -> list[_sources.Source]:
    """Every source the package defines: module constants and benchmarks."""
    found = list(_sources.BENCHMARKS.values())
    for module in _package_modules():
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, _sources.Source)
        ]
    return found


def citing_sources() -> list[_sources.Source]:
    """Every source some fact cites: the data tables of every module
    (registry, recommender, GPU tables, doctor signatures), constants a
    module takes from a defining one, and the benchmarks behind the
    rows of ``benchmarks.csv``."""
    defined_there = {
        id(value)
        for module in _package_modules()
        if module.__name__ in DEFINING
        for value in vars(module).values()
        if isinstance(value, _sources.Source)
    }
    found: list[_sources.Source] = []
    seen: set[int] = set()
    for module in _package_modules():
        if module.__name__ in DEFINING:
            continue
        for value in vars(module).values():
            if isinstance(value, _sources.Source):
                if id(value) in defined_there:
                    found.append(value)
                continue
            if isinstance(value, type) or callable(value):
                continue
            found += _sources_in(value, seen)
    found += _sources.benchmark_sources(_benchmark_ids())
    return found


def _benchmark_ids() -> set[str]:
    """The ``source_id`` of every row of the bundled benchmarks."""
    import csv

    from importlib.resources import files

    text = (files("dlchoose._recommend") / "benchmarks.csv").read_text(
        encoding="utf-8"
    )
    return {row["source_id"] for row in csv.DictReader(text.splitlines())}


#: Address parts that mark notes of this project rather than public pages.
INTERNAL_MARKS = (
    "research/",
    "benchmarks.md",
    "frameworks.md",
    "recommender.md",
)


class TestPublicSources:
    def test_every_source_has_a_public_address(self):
        """Every source in the package has an https address."""
        bad = sorted(
            {
                (s.title, s.url)
                for s in defined_sources()
                if not (s.url or "").startswith("https://")
            }
        )
        assert [] == bad

    def test_no_source_is_an_internal_note(self):
        """No source cites this project's own notes or documents."""
        internal = sorted(
            {
                s.url or s.title
                for s in defined_sources() + citing_sources()
                if s.url is None
                or any(mark in s.url for mark in INTERNAL_MARKS)
                or "dlchoose" in s.title.casefold()
                or "dlchoose" in s.url.casefold()
            }
        )
        assert [] == internal

    def test_every_source_is_cited(self):
        """Every source the package defines backs at least one fact."""
        cited_urls = {s.url for s in citing_sources()}
        idle = sorted(
            {s.url or s.title for s in defined_sources()} - cited_urls
        )
        assert [] == idle

    def test_benchmark_sources_follow_the_ids(self):
        """Benchmark ids map to their sources once each, in id order."""
        got = _sources.benchmark_sources(
            ["woolf-keras", "ilkarman-dlf", "woolf-keras"]
        )
        assert (
            _sources.BENCHMARKS["ilkarman-dlf"],
            _sources.BENCHMARKS["woolf-keras"],
        ) == got

    def test_benchmark_ids_match_the_csv(self):
        """Every benchmark id of benchmarks.csv has a source, and no more."""
        assert sorted(_benchmark_ids()) == sorted(_sources.BENCHMARKS)


class TestFootnotes:
    @pytest.mark.parametrize("key", [f.key for f in CATALOG])
    def test_show_numbers_each_source_once(self, capsys, key):
        """`dlchoose show` gives each source one footnote number."""
        assert 0 == main(["show", key])
        out = capsys.readouterr().out
        notes = out.split("\nSources:\n", 1)[1].splitlines()
        labels = [re.sub(r"^\s*\[\d+\] ", "", line) for line in notes]
        assert sorted(set(labels)) == sorted(labels)
        numbers = [
            int(n) for n in re.findall(r"^\s*\[(\d+)\]", out, re.MULTILINE)
        ]
        assert list(range(1, len(numbers) + 1)) == numbers

    def test_explain_shares_numbers_between_catalog_and_ratings(self):
        """A source cited by a rating and a status gets one number."""
        text = dlchoose.recommend("academic").explain()
        title = _sources.PD_README.title
        assert 1 == len(re.findall(rf"\] {re.escape(title)} <", text))


class TestNormalizeRepository:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("pytorch/pytorch", "pytorch/pytorch"),
            (" /jax-ml/jax.git/ ", "jax-ml/jax"),
            ("https://github.com/Theano/Theano", "Theano/Theano"),
            ("github.com/keras-team/keras?tab=readme", "keras-team/keras"),
            ("github.com/pytorch", None),
            ("not a repository", None),
            ("", None),
        ],
    )
    def test_slugs_and_urls(self, text, expected):
        """Slugs and GitHub URLs give owner/name; anything else None."""
        assert expected == normalize_repository(text)

    def test_refuses_non_strings(self):
        """A non-string is a TypeError."""
        with pytest.raises(TypeError, match="expected a str"):
            normalize_repository(3)  # type: ignore[arg-type]


class TestOneDefinitionPerPage:
    def test_no_page_is_defined_twice_across_the_package(self):
        """Each cited URL has one Source definition in the whole package.

        The GPU tables and the doctor keep their own sources beside their
        data; a page the bibliography already has must be reused, not
        defined again with another title or date.
        """
        import importlib
        import pkgutil

        owners: dict[str, set[str]] = {}
        for info in pkgutil.walk_packages(dlchoose.__path__, "dlchoose."):
            if "._cli" in info.name or info.name.endswith("_child"):
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, dlchoose.Source) and value.url:
                    owners.setdefault(value.url, set()).add(repr(value))
        assert {} == {url: o for url, o in owners.items() if len(o) > 1}
