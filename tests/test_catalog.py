"""Invariants of the shipped catalog (``dlchoose._registry._catalog.CATALOG``).

These pin properties every entry must keep, not copies of the data: facts
are sourced and dated, names are unique, detection fields are well formed
and relations point at real entries.
"""

from __future__ import annotations

import re

from datetime import date

import pytest

from packaging.utils import canonicalize_name
from packaging.version import Version

import dlchoose

from dlchoose._registry._catalog import CATALOG
from dlchoose._registry._lookup import Registry, get_framework
from dlchoose._registry._model import (
    Framework,
    Source,
    Status,
    Support,
)


EXPECTED_KEYS = (
    # The classic comparison first ...
    "tensorflow",
    "caffe",
    "keras",
    "cntk",
    "torch7",
    "mxnet",
    "leaf",
    "theano",
    "dl4j",
    "lasagne",
    "neon",
    # ... then today's frameworks.
    "pytorch",
    "jax",
    "flax",
    "paddle",
    "mindspore",
    "oneflow",
    "chainer",
    "caffe2",
    "mlx",
    "tinygrad",
    "pytensor",
    "tf-keras",
    "onnxruntime",
    # ... then the frameworks people weigh in other languages.
    "djl",
    "burn",
    "candle",
    "flux",
    "torchsharp",
    "mlnet",
    "tfjs",
)
#: Entries installed through a registry the model has no field for yet
#: (Julia's General registry, NuGet), so no trace can name them.
ENDED = frozenset({Status.RETIRED, Status.ARCHIVED, Status.DISCONTINUED})
RESEARCH_END = date(2026, 11, 30)
"""No source can be newer than the research behind the catalog."""
KEY_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
REPO_RE = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")


@pytest.fixture(name="catalog")
def fixture_catalog() -> tuple[Framework, ...]:
    return CATALOG


@pytest.fixture(name="keys")
def fixture_keys(catalog: tuple[Framework, ...]) -> frozenset[str]:
    return frozenset(f.key for f in catalog)


def _all_sources(framework: Framework) -> list[Source]:
    return [src for _, srcs in framework.sources for src in srcs]


# A version standing as a word: not part of a tag or package name
# ("tfjs-v4.22.0", "cuda-12.8"), and not followed by a pre-release tail.
NAMED_VERSION_RE = re.compile(r"(?<![\w.-])v?(\d+(?:\.\d+)+)(?![\w.-])")
RELEASE_NUMBER_RE = re.compile(r"\d+(?:\.\d+)*")


def _stable_versions(title: str) -> list[Version]:
    return [Version(m) for m in NAMED_VERSION_RE.findall(title)]


def _release_number(version: str) -> Version:
    """The release segment of *version* ("1.0.0-M2.1" gives 1.0.0)."""
    found = RELEASE_NUMBER_RE.match(version)
    assert found, version
    return Version(found.group())


class TestShape:
    def test_entry_count(self, catalog):
        """The catalog ships 31 frameworks."""
        assert 31 == len(catalog)

    def test_keys_in_order(self, catalog):
        """Keys are the agreed ones, classic comparison first."""
        assert EXPECTED_KEYS == tuple(f.key for f in catalog)

    def test_public_listing_follows_catalog(self, catalog):
        """``dlchoose.frameworks()`` lists the catalog in catalog order."""
        assert tuple(f.key for f in catalog) == tuple(
            f.key for f in dlchoose.frameworks()
        )

    def test_every_entry_has_a_summary(self, catalog):
        """Every entry explains itself in a summary."""
        assert [] == [f.key for f in catalog if not f.summary.strip()]


class TestSources:
    def test_every_known_fact_sourced(self, catalog):
        """No entry has a known fact without a source."""
        unsourced = {
            f.key: f.unsourced_facts() for f in catalog if f.unsourced_facts()
        }
        assert {} == unsourced

    def test_no_source_for_unknown_fact(self, catalog):
        """Sources back known facts only; an unknown fact has none."""
        unknown_values = (None, (), Support.UNKNOWN, "unknown")
        stray = [
            (f.key, fact)
            for f in catalog
            for fact, _ in f.sources
            if getattr(f, fact) in unknown_values
        ]
        assert [] == stray

    def test_every_source_dated(self, catalog):
        """Every source carries a date."""
        undated = [
            (f.key, src.title)
            for f in catalog
            for src in _all_sources(f)
            if src.date is None
        ]
        assert [] == undated

    def test_no_source_from_the_future(self, catalog):
        """No source is dated after the research was done."""
        late = [
            (f.key, src.title)
            for f in catalog
            for src in _all_sources(f)
            if src.date is not None and src.date > RESEARCH_END
        ]
        assert [] == late

    def test_source_urls_are_web_addresses(self, catalog):
        """A source URL, when given, is an http(s) address."""
        bad = [
            (f.key, src.url)
            for f in catalog
            for src in _all_sources(f)
            if src.url is not None
            and not src.url.startswith(("https://", "http://"))
        ]
        assert [] == bad


class TestNames:
    def test_registry_accepts_catalog(self, catalog):
        """All names are unique case-insensitively, so a registry builds."""
        assert len(catalog) == len(Registry.of(catalog))

    def test_no_redundant_aliases(self, catalog):
        """No alias repeats the key, the name or another alias of its entry."""
        redundant = [
            (f.key, alias)
            for f in catalog
            for i, alias in enumerate(f.aliases)
            if alias.casefold()
            in {
                f.key.casefold(),
                f.name.casefold(),
                *(other.casefold() for other in f.aliases[:i]),
            }
        ]
        assert [] == redundant

    def test_keys_are_lower_case_slugs(self, catalog):
        """Every key is a lower-case slug."""
        assert [] == [f.key for f in catalog if not KEY_RE.match(f.key)]

    def test_repository_slugs_valid(self, catalog):
        """Every entry has a GitHub ``owner/name``; former ones are valid too."""
        bad = [
            (f.key, repo)
            for f in catalog
            for repo in (f.repository, *f.former_repositories)
            if repo is None or not REPO_RE.match(repo)
        ]
        assert [] == bad

    def test_former_repositories_differ_by_more_than_case(self, catalog):
        """A former repository is a different name, not a case variant."""
        same = [
            (f.key, old)
            for f in catalog
            for old in f.former_repositories
            if f.repository is not None
            and old.casefold() == f.repository.casefold()
        ]
        assert [] == same


class TestDetectionFields:
    def test_distributions_canonical(self, catalog):
        """Distribution names are PEP 503-normalised."""
        bad = [
            (f.key, name)
            for f in catalog
            for name in f.distributions
            if canonicalize_name(name) != name
        ]
        assert [] == bad

    def test_import_names_are_identifiers(self, catalog):
        """Import names are top-level module names."""
        bad = [
            (f.key, name)
            for f in catalog
            for name in f.import_names
            if not name.isidentifier()
        ]
        assert [] == bad

    def test_python_distributions_come_with_an_import_name(self, catalog):
        """An entry with Python distributions says what to import."""
        missing = [
            f.key for f in catalog if f.distributions and not f.import_names
        ]
        assert [] == missing

    def test_distributions_not_shared(self, catalog):
        """No Python distribution is claimed by two entries."""
        owners: dict[str, list[str]] = {}
        for f in catalog:
            for name in f.distributions:
                owners.setdefault(name, []).append(f.key)
        assert {} == {d: keys for d, keys in owners.items() if len(keys) > 1}


class TestRelations:
    @pytest.mark.parametrize("field", ["builds_on", "successors"])
    def test_key_like_references_exist(self, catalog, keys, field):
        """References that look like keys name catalog entries."""
        dangling = [
            (f.key, ref)
            for f in catalog
            for ref in getattr(f, field)
            if KEY_RE.match(ref) and ref not in keys
        ]
        assert [] == dangling

    @pytest.mark.parametrize("field", ["builds_on", "successors"])
    def test_no_self_reference(self, catalog, field):
        """No entry builds on or succeeds itself."""
        assert [] == [f.key for f in catalog if f.key in getattr(f, field)]

    def test_successors_only_for_unmaintained(self, catalog):
        """Only frameworks that stopped name successors."""
        assert [] == [f.key for f in catalog if f.successors and f.maintained]


class TestStatus:
    def test_ended_entries_dated(self, catalog):
        """Retired, archived and discontinued entries say when, with a dated source."""
        undated = [
            f.key
            for f in catalog
            if f.status in ENDED
            and (
                f.status_date is None
                or not any(src.date for src in f.sources_for("status"))
            )
        ]
        assert [] == undated

    def test_maintained_entries_have_dated_release(self):
        """Maintained frameworks name their latest release and its date
        (hand-written in the catalog or merged from the package index)."""
        missing = [
            f.key
            for f in dlchoose.frameworks()
            if f.maintained
            and (f.latest_release is None or f.latest_release.date is None)
            # Undated only where the source read says it gives no date.
            and not any(
                "no release date stated" in source.title
                for source in f.sources_for("latest_release")
            )
        ]
        assert [] == missing

    def test_hand_written_release_is_not_older_than_its_sources(self):
        """No stable version a hand-written release's sources name is newer
        than the release itself (a source naming a newer one means the fact
        is stale)."""
        stale = [
            (f.key, f.latest_release.version, named)
            for f in CATALOG
            if f.latest_release is not None
            for src in f.sources_for("latest_release")
            for named in _stable_versions(src.title)
            if named > _release_number(f.latest_release.version)
        ]
        assert [] == stale

    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("tag v0.21.0, 7 May 2026", ["0.21.0"]),
            ("latest 4.22.0; since then only 4.23.0-rc.0", ["4.22.0"]),
            ("tag tfjs-v4.22.0 and libtorch-cuda-12.8 packages", []),
            ("0.7.0 (2016) to 1.0.0-M2.1 (12 Aug 2022)", ["0.7.0"]),
            ("'we're at 7.0 ish now'", ["7.0"]),
            ("CUDA 12, 11 Nov 2026", []),
        ],
    )
    def test_stable_versions_named_in_a_title(self, title, expected):
        """Only stable versions standing as words are read from a title."""
        assert [Version(v) for v in expected] == _stable_versions(title)

    def test_first_release_not_after_latest(self):
        """The first public release year is not after the latest release."""
        inverted = [
            f.key
            for f in dlchoose.frameworks()
            if f.first_release is not None
            and f.latest_release is not None
            and f.latest_release.date is not None
            and f.first_release > f.latest_release.date.year
        ]
        assert [] == inverted

    def test_inference_only_entries_do_not_train(self, catalog):
        """Inference engines claim no autodiff and no distributed training."""
        training = [
            f.key
            for f in catalog
            if f.inference_only
            and (f.autodiff is not Support.NO or f.distributed is Support.YES)
        ]
        assert [] == training


class TestLanguages:
    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("Java", {"djl", "dl4j"}),
            ("Rust", {"burn", "candle"}),
            ("Julia", {"flux"}),
            ("C#", {"torchsharp", "mlnet", "onnxruntime"}),
            ("JavaScript", {"tfjs", "onnxruntime"}),
        ],
    )
    def test_maintained_choices_per_language(
        self, catalog, language, expected
    ):
        """Each language finds today's maintained frameworks with an API
        in it."""
        found = {
            f.key
            for f in catalog
            if f.maintained
            and language.casefold() in {x.casefold() for x in f.languages}
        }
        assert expected <= found

    def test_onnxruntime_web_is_part_of_onnxruntime(self, catalog):
        """ONNX Runtime Web is ONNX Runtime's JavaScript package: the
        entry runs in browsers and names its npm source."""
        ort = next(f for f in catalog if f.key == "onnxruntime")
        assert "JavaScript" in ort.languages
        assert "browser" in {d.value for d in ort.deployment}
        urls = {s.url for s in ort.sources_for("deployment")}
        assert "https://www.npmjs.com/package/onnxruntime-web" in urls


class TestLookup:
    @pytest.mark.parametrize(
        ("spelling", "key"),
        [
            ("apache/incubator-mxnet", "mxnet"),
            ("Microsoft/CNTK", "cntk"),
            ("keras-team/Keras", "keras"),
        ],
    )
    def test_classic_repository_spellings(self, spelling, key):
        """The classic comparison's repository spellings find their entry."""
        assert key == get_framework(spelling).key

    @pytest.mark.parametrize(
        ("name", "key"),
        [
            ("DL4J", "dl4j"),
            ("Microsoft Cognitive Toolkit", "cntk"),
            ("tf", "tensorflow"),
            ("torch", "pytorch"),
        ],
    )
    def test_names_users_type(self, name, key):
        """Names from the issue find the right entry."""
        assert key == get_framework(name).key

    @pytest.mark.parametrize(
        ("url", "key"),
        [
            ("https://github.com/fchollet/keras", "keras"),
            ("https://github.com/google/jax", "jax"),
            ("https://github.com/baidu/Paddle", "paddle"),
            ("https://github.com/geohot/tinygrad", "tinygrad"),
            ("https://github.com/dmlc/mxnet", "mxnet"),
        ],
    )
    def test_former_repository_urls(self, url, key):
        """GitHub URLs of renamed repositories still find their entry."""
        assert key == get_framework(url).key


def test_getting_started_pages_are_https_pages_of_the_project():
    """A getting-started page is an https page on the homepage's site (or
    its documentation), never the homepage itself."""
    from urllib.parse import urlsplit

    guided = [f for f in dlchoose.frameworks() if f.getting_started]
    assert {"pytorch", "tensorflow", "keras", "jax"} <= {f.key for f in guided}
    for framework in guided:
        assert framework.getting_started is not None
        assert framework.homepage is not None
        page = urlsplit(framework.getting_started)
        assert page.scheme == "https", framework.key
        assert framework.getting_started.rstrip(
            "/"
        ) != framework.homepage.rstrip("/")
        assert page.hostname == urlsplit(framework.homepage).hostname, (
            framework.key
        )
