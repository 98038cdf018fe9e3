"""The Framework model, the Registry and the public lookup functions."""

from __future__ import annotations

import pickle

from datetime import date

import attrs
import pytest

import dlchoose

from dlchoose import Framework, Release, Source, Status, Support
from dlchoose._registry._lookup import Registry
from dlchoose.exceptions import (
    DuplicateFrameworkError,
    InvalidChoiceError,
    UnknownFrameworkError,
)


SRC = Source(
    title="A test source", url="https://example.org", date=date(2026, 1, 2)
)


def make(key: str = "toyflow", **overrides: object) -> Framework:
    fields: dict[str, object] = {
        "key": key,
        "name": key.title(),
        "status": "active",
        "repository": f"toy/{key}",
        "sources": {"repository": (SRC,), "status": (SRC,)},
    }
    fields.update(overrides)
    return Framework(**fields)  # type: ignore[arg-type]


@pytest.fixture(name="registry")
def _registry() -> Registry:
    return Registry.of(
        [
            make("alpha", aliases=("A1",), former_repositories=("old/alpha",)),
            make("beta", status="discontinued"),
            make("gamma", status="retired"),
        ]
    )


class TestFramework:
    def test_frozen(self):
        """Frameworks are immutable values."""
        framework = make()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            framework.name = "Other"  # type: ignore[misc]

    def test_hashable_and_equal_by_value(self):
        """Two frameworks with the same facts are equal and hash alike."""
        assert make() == make()
        assert hash(make()) == hash(make())

    def test_distributions_are_canonicalised(self):
        """Distribution names are PEP 503-normalised, order kept, repeats dropped."""
        framework = make(distributions=("Theano", "Theano_PyMC", "theano"))
        assert ("theano", "theano-pymc") == framework.distributions

    def test_enum_fields_accept_strings(self):
        """Strings become enum members; bad values are refused."""
        assert Support.YES is make(cnn="yes").cnn
        with pytest.raises(ValueError):
            make(cnn="sometimes")

    def test_invalid_key_refused(self):
        """Keys are lower-case slugs."""
        with pytest.raises(ValueError):
            make("Not A Key")

    def test_invalid_repository_refused(self):
        """Repositories must be owner/name."""
        with pytest.raises(ValueError):
            make(repository="just-a-name")

    def test_invalid_licence_refused(self):
        """Licences must look like SPDX expressions."""
        assert "MIT OR Apache-2.0" == make(licence="MIT OR Apache-2.0").licence
        with pytest.raises(ValueError):
            make(licence="some licence, v2!")

    def test_sources_must_name_real_facts(self):
        """A source keyed by an unknown fact is refused."""
        with pytest.raises(ValueError, match="unknown fact"):
            make(sources={"colour": (SRC,)})

    def test_sources_must_not_be_empty(self):
        """Each listed fact needs at least one Source."""
        with pytest.raises(ValueError, match="one or more Source"):
            make(sources={"status": ()})

    def test_sources_for(self):
        """sources_for returns the recorded sources, or nothing."""
        framework = make()
        assert (SRC,) == framework.sources_for("status")
        assert () == framework.sources_for("licence")

    def test_unsourced_facts(self):
        """Known facts without a source are reported; unknown ones are not."""
        framework = make(licence="MIT", cnn="yes", rnn="unknown")
        assert ("licence", "cnn") == framework.unsourced_facts()

    def test_maintained(self):
        """Active and maintenance frameworks are maintained; others not."""
        assert make(status="maintenance").maintained
        assert not make(status="retired").maintained

    def test_repository_url(self):
        """The repository URL is derived from owner/name."""
        assert "https://github.com/toy/toyflow" == make().repository_url
        assert make(repository=None, sources={}).repository_url is None

    def test_to_dict_round_trips_dates_and_enums(self):
        """to_dict gives JSON-ready values with snake_case keys."""
        data = make(
            latest_release=Release(version="1.0", date=date(2020, 5, 1)),
            status_date=date(2021, 1, 1),
            gpu_backends=("rocm", "cuda"),
        ).to_dict()
        assert {
            "version": "1.0",
            "date": "2020-05-01",
            "requires_python": None,
            "distribution": None,
            "origin": None,
            "observed_on": None,
            "observed_in": None,
            "per_python": [],
            "yanked": [],
        } == data["latest_release"]
        assert "2021-01-01" == data["status_date"]
        assert ["cuda", "rocm"] == data["gpu_backends"]
        assert "active" == data["status"]
        assert [
            {
                "title": "A test source",
                "url": "https://example.org",
                "date": "2026-01-02",
            }
        ] == data["sources"]["status"]


class TestStatus:
    def test_parse_accepts_members_and_strings(self):
        """Status.parse takes members and case-insensitive strings."""
        assert Status.RETIRED is Status.parse(Status.RETIRED)
        assert Status.RETIRED is Status.parse(" Retired ")

    def test_parse_names_valid_choices(self):
        """An unknown status raises InvalidChoiceError listing the choices."""
        with pytest.raises(InvalidChoiceError) as info:
            Status.parse("retierd")
        assert "retired" in info.value.choices
        assert ("retired",) == info.value.suggestions
        assert "Valid choices: active," in str(info.value)

    def test_str_is_value(self):
        """Enum members print as their value."""
        assert "active" == str(Status.ACTIVE)


class TestRegistry:
    @pytest.mark.parametrize(
        ("name", "key"),
        [
            ("alpha", "alpha"),
            ("ALPHA", "alpha"),
            ("a1", "alpha"),
            ("toy/alpha", "alpha"),
            ("Old/Alpha", "alpha"),
            ("https://github.com/toy/alpha", "alpha"),
            ("http://www.github.com/old/alpha.git", "alpha"),
            ("github.com/toy/beta/", "beta"),
            ("  Gamma ", "gamma"),
        ],
    )
    def test_get_by_any_name(self, registry, name, key):
        """Keys, names, aliases, repositories and URLs all find the framework."""
        assert key == registry.get(name).key

    def test_unknown_name_suggests(self, registry):
        """An unknown name raises UnknownFrameworkError with suggestions."""
        with pytest.raises(UnknownFrameworkError) as info:
            registry.get("alpah")
        assert ("alpha",) == info.value.suggestions
        assert ("alpha", "beta", "gamma") == info.value.known
        assert isinstance(info.value, LookupError)
        assert "Did you mean 'alpha'?" in str(info.value)

    def test_get_requires_str(self, registry):
        """Non-string names are a TypeError, not a lookup failure."""
        with pytest.raises(TypeError):
            registry.get(3)

    def test_duplicate_key_refused(self, registry):
        """Adding a second framework with a taken key fails."""
        with pytest.raises(DuplicateFrameworkError) as info:
            registry.add(make("alpha", repository="else/where"))
        assert "alpha" == info.value.existing

    def test_duplicate_alias_refused(self, registry):
        """A new framework may not reuse another's alias or repository."""
        with pytest.raises(DuplicateFrameworkError, match="'A1'"):
            registry.add(make("delta", aliases=("A1",)))
        with pytest.raises(DuplicateFrameworkError, match="old/alpha"):
            registry.add(make("delta", repository="old/alpha"))

    def test_replace(self, registry):
        """replace=True swaps a framework by key and drops its old names."""
        registry.add(make("alpha", name="Alpha Two"), replace=True)
        assert "Alpha Two" == registry.get("alpha").name
        assert "a1" not in registry
        assert ("alpha", "beta", "gamma") == registry.keys()

    def test_replace_cannot_steal_other_names(self, registry):
        """replace=True still refuses names owned by another framework."""
        with pytest.raises(DuplicateFrameworkError):
            registry.add(make("alpha", aliases=("beta",)), replace=True)

    def test_add_requires_framework(self, registry):
        """Only Framework values can be registered."""
        with pytest.raises(TypeError):
            registry.add({"key": "x"})

    def test_remove(self, registry):
        """Removing a framework forgets all its names."""
        removed = registry.remove("A1")
        assert "alpha" == removed.key
        assert "toy/alpha" not in registry
        assert 2 == len(registry)

    def test_select_by_status(self, registry):
        """select filters by one status or several, keeping order."""
        assert ("beta",) == tuple(
            f.key for f in registry.select("discontinued")
        )
        assert ("beta", "gamma") == tuple(
            f.key for f in registry.select([Status.RETIRED, "discontinued"])
        )
        assert 3 == len(registry.select())

    def test_select_unknown_status(self, registry):
        """An unknown status names the valid ones."""
        with pytest.raises(InvalidChoiceError, match="Valid choices"):
            registry.select("dead")

    def test_contains_and_iter(self, registry):
        """Membership is by any name; iteration yields frameworks in order."""
        assert "A1" in registry
        assert 42 not in registry
        assert ["alpha", "beta", "gamma"] == [f.key for f in registry]


class TestPublicFunctions:
    def test_frameworks_are_the_catalog(self):
        """frameworks() returns the shipped catalog in a stable order."""
        first = dlchoose.frameworks()
        assert first == dlchoose.frameworks()
        assert {"pytorch", "mxnet"} <= {f.key for f in first}

    @pytest.mark.parametrize(
        ("name", "key"),
        [
            ("torch", "pytorch"),
            ("PyTorch", "pytorch"),
            ("apache/incubator-mxnet", "mxnet"),
            ("https://github.com/apache/mxnet", "mxnet"),
        ],
    )
    def test_get_framework(self, name, key):
        """get_framework accepts aliases, repositories and URLs."""
        assert key == dlchoose.get_framework(name).key

    def test_mxnet_is_retired_with_dated_source(self):
        """MXNet is retired, with a dated status and a dated source."""
        mxnet = dlchoose.get_framework("mxnet")
        assert Status.RETIRED is mxnet.status
        assert mxnet.status_date is not None
        assert all(s.date for s in mxnet.sources_for("status"))
        assert "apache/incubator-mxnet" in mxnet.former_repositories

    def test_register_framework(self):
        """User frameworks join the default registry and can be found."""
        added = dlchoose.register_framework(make("myflow", aliases=("mf",)))
        assert added is dlchoose.get_framework("MF")
        assert "myflow" == dlchoose.frameworks()[-1].key

    def test_register_duplicate_refused(self):
        """A user framework may not take a catalog name."""
        with pytest.raises(DuplicateFrameworkError):
            dlchoose.register_framework(make("myflow", aliases=("torch",)))


class TestErrorsPickle:
    def test_unknown_framework_error_pickles(self):
        """Errors survive pickling (multiprocessing) with their attributes."""
        err = UnknownFrameworkError("x", ["a"], ["a"])
        copy = pickle.loads(pickle.dumps(err))
        assert (err.name, err.known, err.suggestions) == (
            copy.name,
            copy.known,
            copy.suggestions,
        )
        assert str(err) == str(copy)

    def test_duplicate_error_pickles(self):
        """DuplicateFrameworkError keeps its attributes through pickle."""
        copy = pickle.loads(
            pickle.dumps(DuplicateFrameworkError("n", "e", "w"))
        )
        assert ("n", "e", "w") == (copy.name, copy.existing, copy.new)

    def test_choice_error_pickles(self):
        """InvalidChoiceError keeps value and choices through pickle."""
        copy = pickle.loads(pickle.dumps(InvalidChoiceError("x", ["y"])))
        assert ("x", ("y",)) == (copy.value, copy.choices)
