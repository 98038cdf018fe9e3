"""The model's npm, NuGet and Julia package names: validation, JSON,
registry files, the catalog's values and ``dlchoose show``."""

from __future__ import annotations

import json

import pytest

from dlchoose import Framework
from dlchoose._cli import main
from dlchoose._registry._catalog import CATALOG
from dlchoose._registry._files import framework_from_dict, read_framework_file
from dlchoose.exceptions import InvalidFrameworkError


PACKAGE_FIELDS = ("npm_packages", "nuget_packages", "julia_packages")


def make(**kwargs) -> Framework:
    return Framework(key="fake", name="Fake", status="active", **kwargs)


class TestNames:
    @pytest.mark.parametrize(
        "name",
        [
            "@tensorflow/tfjs",
            "@tensorflow/tfjs-node-gpu",
            "onnxruntime-web",
            "a",
            "lodash.merge",
            "under_score",
            "x" * 214,
        ],
    )
    def test_npm_names_accepted(self, name):
        """Plain and scoped npm names are kept as written."""
        assert (name,) == make(npm_packages=[name]).npm_packages

    @pytest.mark.parametrize(
        "name",
        [
            "",
            "Upper",
            "@scope/",
            "@/name",
            "scope/name",
            "@a/b/c",
            ".hidden",
            "_private",
            "../escape",
            "@scope/../x",
            "has space",
            "x" * 215,
        ],
    )
    def test_npm_names_refused(self, name):
        """Names npm would not publish, or that leave their folder, are
        refused."""
        with pytest.raises(ValueError, match="npm_packages"):
            make(npm_packages=[name])

    @pytest.mark.parametrize(
        "name",
        [
            "TorchSharp",
            "Microsoft.ML",
            "Microsoft.ML.OnnxRuntime",
            "libtorch-cuda-12.8-linux-x64",
            "Under_Score",
            "x" * 100,
        ],
    )
    def test_nuget_ids_accepted(self, name):
        """NuGet ids keep their spelling."""
        assert (name,) == make(nuget_packages=[name]).nuget_packages

    @pytest.mark.parametrize(
        "name",
        ["", "..", "a..b", ".a", "a.", "a/b", "a\\b", "a b", "é", "x" * 101],
    )
    def test_nuget_ids_refused(self, name):
        """Ids NuGet would refuse, or that leave their folder, are refused."""
        with pytest.raises(ValueError, match="nuget_packages"):
            make(nuget_packages=[name])

    def test_nuget_ids_repeat_in_any_case(self):
        """NuGet ids ignore case: a repeat in another case is dropped and
        the first spelling kept, in the author's order."""
        framework = make(nuget_packages=["TorchSharp", "B", "torchsharp"])

        assert ("TorchSharp", "B") == framework.nuget_packages

    @pytest.mark.parametrize("name", ["Flux", "CUDA", "_Private", "Lux2"])
    def test_julia_names_accepted(self, name):
        """Julia package names are identifiers."""
        assert (name,) == make(julia_packages=[name]).julia_packages

    @pytest.mark.parametrize(
        "name", ["", "Flux.jl", "2Flux", "Fl ux", "../Flux", "Flüx", "F" * 256]
    )
    def test_julia_names_refused(self, name):
        """A name that is not an ASCII identifier, or too long to be a
        folder name, is refused."""
        with pytest.raises(ValueError, match="julia_packages"):
            make(julia_packages=[name])

    @pytest.mark.parametrize("field", PACKAGE_FIELDS)
    def test_non_strings_refused(self, field):
        """A name that is not a string raises TypeError naming the field."""
        with pytest.raises(TypeError, match=field):
            make(**{field: [3]})

    @pytest.mark.parametrize("field", PACKAGE_FIELDS)
    def test_order_kept_repeats_dropped(self, field):
        """The author's order is kept (main package first); repeats go."""
        names = {
            "npm_packages": ["b", "a", "b"],
            "nuget_packages": ["B", "A", "B"],
            "julia_packages": ["B", "A", "B"],
        }[field]

        assert tuple(names[:2]) == getattr(make(**{field: names}), field)

    def test_default_empty(self):
        """Without hints every field is an empty tuple."""
        framework = make()

        assert [(), (), ()] == [getattr(framework, f) for f in PACKAGE_FIELDS]


class TestDict:
    def test_to_dict_lists(self):
        """to_dict() gives each field as a list, after cargo_crates."""
        data = make(
            npm_packages=["@a/b"],
            nuget_packages=["A.B"],
            julia_packages=["AB"],
        ).to_dict()

        keys = list(data)
        assert keys.index("cargo_crates") + 1 == keys.index("npm_packages")
        assert ["@a/b"] == data["npm_packages"]
        assert ["A.B"] == data["nuget_packages"]
        assert ["AB"] == data["julia_packages"]

    def test_dict_round_trip(self):
        """A dict written by to_dict() reads back as the same framework."""
        framework = make(
            npm_packages=["@a/b", "c"],
            nuget_packages=["A.B"],
            julia_packages=["AB"],
        )

        assert framework == framework_from_dict(framework.to_dict())

    def test_toml_file(self, tmp_path):
        """A TOML registry file may name packages of every kind."""
        path = tmp_path / "mine.toml"
        path.write_text(
            "[[frameworks]]\n"
            'key = "mine"\nname = "Mine"\nstatus = "active"\n'
            'npm_packages = ["@mine/core"]\n'
            'nuget_packages = ["Mine.Core"]\n'
            'julia_packages = ["Mine"]\n'
        )

        (framework,) = read_framework_file(path)

        assert ("@mine/core",) == framework.npm_packages
        assert ("Mine.Core",) == framework.nuget_packages
        assert ("Mine",) == framework.julia_packages

    @pytest.mark.parametrize("field", PACKAGE_FIELDS)
    def test_file_value_not_a_list(self, tmp_path, field):
        """A string where a list belongs names the entry and the field."""
        path = tmp_path / "bad.json"
        entry = {"key": "bad", "name": "Bad", "status": "active", field: "A"}
        path.write_text(json.dumps([entry]))

        with pytest.raises(InvalidFrameworkError) as info:
            read_framework_file(path)

        assert field == info.value.field
        assert "bad" == info.value.entry

    @pytest.mark.parametrize(
        ("field", "name"),
        [
            ("npm_packages", "../x"),
            ("nuget_packages", "a/b"),
            ("julia_packages", "Flux.jl"),
        ],
    )
    def test_file_bad_name(self, tmp_path, field, name):
        """A bad package name in a file names the entry and the field."""
        path = tmp_path / "bad.json"
        entry = {
            "key": "bad",
            "name": "Bad",
            "status": "active",
            field: [name],
        }
        path.write_text(json.dumps([entry]))

        with pytest.raises(InvalidFrameworkError) as info:
            read_framework_file(path)

        assert field == info.value.field


class TestCatalog:
    def test_registry_frameworks_detectable(self):
        """The frameworks people weigh per language carry their registry
        names, main package first."""
        by_key = {f.key: f for f in CATALOG}

        assert ("Flux",) == by_key["flux"].julia_packages
        assert ("TorchSharp",) == by_key["torchsharp"].nuget_packages
        assert ("Microsoft.ML",) == by_key["mlnet"].nuget_packages
        assert "@tensorflow/tfjs" == by_key["tfjs"].npm_packages[0]
        assert "onnxruntime-web" in by_key["onnxruntime"].npm_packages

    def test_package_names_sourced(self):
        """Every package-name field that is set cites a source."""
        unsourced = [
            (f.key, field)
            for f in CATALOG
            for field in PACKAGE_FIELDS
            if getattr(f, field) and not f.sources_for(field)
        ]

        assert [] == unsourced

    def test_every_entry_has_a_trace(self):
        """Counting the new fields, every catalog entry leaves a trace that
        detection can look for."""
        invisible = [
            f.key
            for f in CATALOG
            if not (
                f.distributions
                or f.import_names
                or f.programs
                or f.maven_groups
                or f.cargo_crates
                or f.npm_packages
                or f.nuget_packages
                or f.julia_packages
            )
        ]

        assert [] == invisible


class TestShow:
    def test_show_lists_packages(self, capsys):
        """`dlchoose show` lists npm packages with their source marks."""
        assert 0 == main(["show", "tfjs"])
        out = capsys.readouterr().out

        line = next(
            x
            for x in out.splitlines()
            if x.strip().startswith("npm packages:")
        )
        assert "@tensorflow/tfjs, @tensorflow/tfjs-node" in line
        assert "[" in line
        assert "nuget packages: unknown" in out
        assert "julia packages: unknown" in out

    def test_show_json_lists_packages(self, capsys):
        """`dlchoose show --json` carries the NuGet ids."""
        assert 0 == main(["show", "torchsharp", "--json"])

        data = json.loads(capsys.readouterr().out)
        assert ["TorchSharp"] == data["nuget_packages"]
        assert [] == data["npm_packages"]
        assert "nuget_packages" in data["sources"]
