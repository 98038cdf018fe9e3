"""Framework definitions loaded from JSON and TOML files."""

from __future__ import annotations

import json

from datetime import date
from pathlib import Path

import pytest

import dlchoose

from dlchoose import Support
from dlchoose._registry._files import framework_from_dict, read_framework_file
from dlchoose.exceptions import DuplicateFrameworkError, InvalidFrameworkError


ENTRY = {
    "key": "myflow",
    "name": "MyFlow",
    "aliases": ["mf"],
    "status": "active",
    "licence": "MIT",
    "languages": ["Python"],
    "cnn": "yes",
    "latest_release": {"version": "1.2.0", "date": "2026-03-01"},
    "status_date": "2026-03-01",
    "first_release": 2024,
    "inference_only": False,
    "sources": {
        "licence": [
            {
                "title": "LICENSE",
                "url": "https://x.org/l",
                "date": "2026-03-01",
            }
        ],
        "cnn": [{"title": "Docs"}],
    },
}

TOML = """
[[frameworks]]
key = "tomlflow"
name = "TomlFlow"
status = "maintenance"
repository = "toml/flow"
distributions = ["Toml_Flow"]

status_date = 2024-01-02

[frameworks.sources]
repository = [{ title = "README", date = 2025-01-01 }]
"""


def write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


class TestReadFile:
    def test_json_list(self, tmp_path):
        """A JSON list of entries becomes frameworks with typed fields."""
        (framework,) = read_framework_file(write(tmp_path, "f.json", [ENTRY]))
        assert "myflow" == framework.key
        assert Support.YES is framework.cnn
        assert framework.latest_release is not None
        assert "1.2.0" == framework.latest_release.version
        assert "LICENSE" == framework.sources_for("licence")[0].title
        assert framework.sources_for("cnn")[0].date is None

    def test_json_object_with_frameworks(self, tmp_path):
        """An object with a 'frameworks' list is accepted too."""
        path = write(tmp_path, "f.json", {"frameworks": [ENTRY]})
        assert 1 == len(read_framework_file(path))

    def test_toml(self, tmp_path):
        """TOML files use [[frameworks]] tables."""
        (framework,) = read_framework_file(write(tmp_path, "f.toml", TOML))
        assert ("toml-flow",) == framework.distributions
        assert "toml/flow" == framework.repository
        assert date(2024, 1, 2) == framework.status_date
        assert date(2025, 1, 1) == framework.sources_for("repository")[0].date

    def test_round_trip_of_to_dict(self, tmp_path):
        """What to_dict writes, the loader reads back to an equal value."""
        original = dlchoose.get_framework("mxnet")
        path = write(tmp_path, "f.json", [original.to_dict()])
        assert (original,) == read_framework_file(path)

    def test_missing_file(self, tmp_path):
        """A missing file is an InvalidFrameworkError naming it."""
        with pytest.raises(InvalidFrameworkError, match="cannot read") as info:
            read_framework_file(tmp_path / "nope.json")
        assert str(tmp_path / "nope.json") == info.value.path

    def test_malformed_json(self, tmp_path):
        """Unparseable content names the file."""
        path = write(tmp_path, "f.json", "{not json")
        with pytest.raises(InvalidFrameworkError, match="not valid"):
            read_framework_file(path)

    def test_malformed_toml(self, tmp_path):
        """Unparseable TOML names the file."""
        with pytest.raises(InvalidFrameworkError, match="not valid"):
            read_framework_file(write(tmp_path, "f.toml", "[[frameworks]\n"))

    def test_wrong_top_level(self, tmp_path):
        """A document without a list of frameworks is refused."""
        with pytest.raises(InvalidFrameworkError, match="expected a list"):
            read_framework_file(write(tmp_path, "f.json", {"x": 1}))


class TestEntryErrors:
    @pytest.mark.parametrize(
        ("change", "field", "reason"),
        [
            ({"colour": "red"}, "colour", "unknown field"),
            ({"name": None}, "name", "missing required field"),
            ({"aliases": "mf"}, "aliases", "list of strings"),
            ({"aliases": [1]}, "aliases", "list of strings"),
            ({"licence": 3}, "licence", "expected a string"),
            ({"first_release": "2015"}, "first_release", "integer"),
            ({"first_release": 1066}, "first_release", "1990"),
            ({"inference_only": "no"}, "inference_only", "true or false"),
            ({"status": "dead"}, "status", "dead"),
            ({"status_date": "yesterday"}, "status_date", "yesterday"),
            ({"latest_release": "1.0"}, "latest_release", "object"),
            (
                {"latest_release": {"date": "2020-01-01"}},
                "latest_release",
                "'version'",
            ),
            ({"sources": ["x"]}, "sources", "object mapping"),
            ({"sources": {"cnn": [{"url": "u"}]}}, "sources", "'title'"),
            ({"sources": {"cnn": ["a string"]}}, "sources", "source object"),
            ({"sources": {"cnn": "Docs"}}, "sources", "list of sources"),
            (
                {"sources": {"cnn": [{"title": "t", "date": 3}]}},
                "sources",
                "date",
            ),
            ({"repository": "nope"}, "repository", "must match"),
            ({"key": "Bad Key"}, "key", "must match"),
        ],
    )
    def test_error_names_file_entry_and_field(self, change, field, reason):
        """Each invalid field is reported with file, entry and field."""
        entry = {**ENTRY, **change}
        entry = {k: v for k, v in entry.items() if v is not None}
        with pytest.raises(InvalidFrameworkError) as info:
            framework_from_dict(entry, path="extra.json", position=4)
        err = info.value
        assert ("extra.json", field) == (err.path, err.field)
        assert reason in err.reason
        assert str(err).startswith("extra.json: entry ")
        assert f"field {field!r}" in str(err)

    def test_entry_named_by_position_without_key(self):
        """Entries without a key are named by their position."""
        with pytest.raises(InvalidFrameworkError) as info:
            framework_from_dict({"name": "x"}, position=2)
        assert ("#2", "key") == (info.value.entry, info.value.field)

    def test_non_object_entry(self):
        """An entry that is not an object is refused with its position."""
        with pytest.raises(InvalidFrameworkError, match="expected an object"):
            framework_from_dict(["x"], position=0)


class TestLoadFrameworks:
    def test_registers_all(self, tmp_path):
        """load_frameworks registers every entry of the file."""
        path = write(tmp_path, "f.json", [ENTRY])
        (loaded,) = dlchoose.load_frameworks(path)
        assert loaded is dlchoose.get_framework("mf")

    def test_all_or_nothing(self, tmp_path):
        """A clash in a later entry leaves the registry unchanged."""
        clash = {**ENTRY, "key": "other", "aliases": ["torch"]}
        path = write(tmp_path, "f.json", [ENTRY, clash])
        before = dlchoose.frameworks()
        with pytest.raises(DuplicateFrameworkError):
            dlchoose.load_frameworks(path)
        assert before == dlchoose.frameworks()

    def test_duplicates_within_file_refused(self, tmp_path):
        """Two entries with the same key in one file are refused."""
        path = write(tmp_path, "f.json", [ENTRY, ENTRY])
        with pytest.raises(DuplicateFrameworkError):
            dlchoose.load_frameworks(path)

    def test_replace(self, tmp_path):
        """replace=True lets a file override a catalog entry by key."""
        mxnet = dlchoose.get_framework("mxnet").to_dict()
        mxnet["summary"] = "Overridden."
        path = write(tmp_path, "f.json", [mxnet])
        dlchoose.load_frameworks(path, replace=True)
        assert "Overridden." == dlchoose.get_framework("mxnet").summary
