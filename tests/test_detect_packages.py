"""Frameworks installed through npm, NuGet or Julia's Pkg, found in fake
``node_modules`` folders, NuGet package folders and Julia depots."""

from __future__ import annotations

import json
import os

from pathlib import Path, PureWindowsPath

import pytest

from dlchoose._detect import _native
from dlchoose._detect._model import DetectionStatus
from tests.test_detect import (
    _site,  # noqa: F401 - the "site" fixture
    fake_framework,
    only,
)


@pytest.fixture(name="home")
def _home(tmp_path, monkeypatch):
    """An empty home folder, a PATH without node and no package-manager
    variables, so that only what a test builds can be found."""
    home = tmp_path / "home"
    home.mkdir()
    bare = tmp_path / "bare-bin"
    bare.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PATH", str(bare))
    for name in (
        "npm_config_prefix",
        "NPM_CONFIG_PREFIX",
        "NUGET_PACKAGES",
        "JULIA_DEPOT_PATH",
        "CARGO_HOME",
    ):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


def npm_package(node_modules: Path, name: str, manifest: object) -> Path:
    """``node_modules/<name>/package.json`` holding *manifest* (text is
    written as is, anything else as JSON)."""
    folder = node_modules / name
    folder.mkdir(parents=True)
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    (folder / "package.json").write_text(text)
    return folder


def julia_package(
    depot: Path,
    name: str,
    slug: str,
    project: str | None,
    *,
    file_name: str = "Project.toml",
) -> Path:
    """``<depot>/packages/<name>/<slug>/Project.toml`` with *project*."""
    folder = depot / "packages" / name / slug
    folder.mkdir(parents=True)
    if project is not None:
        (folder / file_name).write_text(project)
    return folder


def refuse_listing(monkeypatch, refused: Path) -> None:
    """``os.listdir`` fails with a permission error for *refused* only
    (the tests run as root, where chmod would not refuse anything)."""
    real = os.listdir

    def listdir(path="."):
        if os.fspath(path) == str(refused):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)


def npm_framework() -> None:
    fake_framework(
        key="fakejs",
        distributions=(),
        import_names=(),
        npm_packages=("@fake/tfjs", "fake-tfjs-node"),
    )


class TestNpm:
    def test_local_scoped_package(self, site, home, tmp_path):
        """A scoped package in the current folder's node_modules is
        installed, with package.json's version and its folder."""
        npm_framework()
        site("a")
        folder = npm_package(
            Path.cwd() / "node_modules", "@fake/tfjs", {"version": "4.22.0"}
        )

        result = only("fakejs")

        assert DetectionStatus.INSTALLED is result.status
        assert "4.22.0" == result.version
        assert str(folder) == result.location
        assert (
            f"npm package @fake/tfjs 4.22.0 at {folder}" == (result.reasons[0])
        )

    def test_nearest_copy_wins(self, site, home, tmp_path, monkeypatch):
        """As Node resolves it, the nearest node_modules is the one used:
        a parent's copy of the same package is not reported."""
        npm_framework()
        site("a")
        npm_package(
            tmp_path / "node_modules", "fake-tfjs-node", {"version": "1.0.0"}
        )
        inner = tmp_path / "work" / "app" / "src"
        inner.mkdir(parents=True)
        near = npm_package(
            tmp_path / "work" / "app" / "node_modules",
            "fake-tfjs-node",
            {"version": "2.0.0"},
        )
        monkeypatch.chdir(inner)

        result = only("fakejs")

        assert "2.0.0" == result.version
        assert str(near) == result.location
        assert 1 == sum("fake-tfjs-node" in r for r in result.reasons)

    def test_parent_folder_counts(self, site, home, tmp_path, monkeypatch):
        """A package in a parent folder's node_modules is found."""
        npm_framework()
        site("a")
        folder = npm_package(
            tmp_path / "node_modules", "fake-tfjs-node", {"version": "1.2.3"}
        )

        result = only("fakejs")

        assert "1.2.3" == result.version
        assert str(folder) == result.location

    def test_node_modules_inside_node_modules_not_searched(
        self, site, home, tmp_path, monkeypatch
    ):
        """From inside a node_modules folder, Node does not look for a
        node_modules folder within it."""
        npm_framework()
        site("a")
        outer = tmp_path / "work" / "node_modules"
        npm_package(outer / "node_modules", "fake-tfjs-node", {"version": "9"})
        monkeypatch.chdir(outer)

        assert DetectionStatus.ABSENT is only("fakejs").status

    def test_global_prefix_variable(self, site, home, tmp_path, monkeypatch):
        """npm_config_prefix names the global folder, <prefix>/lib/node_modules,
        and a global copy is reported after the local one."""
        npm_framework()
        site("a")
        prefix = tmp_path / "npm-global"
        monkeypatch.setenv("npm_config_prefix", str(prefix))
        glob = npm_package(
            prefix / "lib" / "node_modules", "@fake/tfjs", {"version": "3.0.0"}
        )
        local = npm_package(
            Path.cwd() / "node_modules", "@fake/tfjs", {"version": "4.0.0"}
        )

        result = only("fakejs")

        assert str(local) == result.location
        assert f"npm package @fake/tfjs 3.0.0 at {glob}" in result.reasons
        assert any(
            str(prefix / "lib" / "node_modules") in c for c in result.checked
        )

    def test_upper_case_prefix_variable(
        self, site, home, tmp_path, monkeypatch
    ):
        """NPM_CONFIG_PREFIX works like the lower-case spelling."""
        npm_framework()
        site("a")
        prefix = tmp_path / "npm-upper"
        monkeypatch.setenv("NPM_CONFIG_PREFIX", str(prefix))
        npm_package(
            prefix / "lib" / "node_modules", "@fake/tfjs", {"version": "3.1.0"}
        )

        assert "3.1.0" == only("fakejs").version

    @pytest.mark.parametrize("linked", [True, False])
    def test_global_prefix_from_node_on_path(
        self, site, home, tmp_path, monkeypatch, linked
    ):
        """Without a prefix setting, the global folder is the one above
        the bin folder of the real node program on PATH (links followed)."""
        npm_framework()
        site("a")
        prefix = tmp_path / "node-install"
        (prefix / "bin").mkdir(parents=True)
        node = prefix / "bin" / "node"
        node.write_text("#!/bin/sh\n")
        node.chmod(0o755)
        links = tmp_path / "links"
        links.mkdir()
        (links / "node").symlink_to(node)
        monkeypatch.setenv("PATH", str(links if linked else prefix / "bin"))
        folder = npm_package(
            prefix / "lib" / "node_modules",
            "fake-tfjs-node",
            {"version": "5.0.0"},
        )

        result = only("fakejs")

        assert DetectionStatus.INSTALLED is result.status
        assert str(folder) == result.location

    def test_no_node_no_global_folder(self, site, home):
        """Without node and a prefix, no global folder is claimed looked at."""
        npm_framework()
        site("a")

        result = only("fakejs")

        assert DetectionStatus.ABSENT is result.status
        assert "global" not in " ".join(result.checked)
        assert 2 == sum(c.startswith("npm package") for c in result.checked)

    def test_link_loop_is_no_package(self, site, home):
        """A package folder that is a link to itself (or dangling) is no
        install, as for NuGet and Julia; the loop is noted."""
        npm_framework()
        site("a")
        modules = Path.cwd() / "node_modules"
        modules.mkdir()
        loop = modules / "fake-tfjs-node"
        loop.symlink_to(loop)

        result = only("fakejs")

        assert DetectionStatus.ABSENT is result.status
        assert any("is not a folder" in r for r in result.reasons)

    def test_byte_order_mark_is_dropped(self, site, home):
        """A package.json starting with a UTF-8 byte-order mark is read as
        Node reads it: its version counts."""
        npm_framework()
        site("a")
        npm_package(
            Path.cwd() / "node_modules",
            "fake-tfjs-node",
            "\ufeff" + json.dumps({"version": "1.2.3"}),
        )

        assert "1.2.3" == only("fakejs").version

    @pytest.mark.parametrize(
        ("manifest", "note"),
        [
            ("{not json", "is damaged or names no version"),
            ("[1, 2]", "is damaged or names no version"),
            ({"name": "fake-tfjs-node"}, "is damaged or names no version"),
            ({"version": 4}, "is damaged or names no version"),
            ({"version": ""}, "is damaged or names no version"),
            ("[" * 100_000, "is damaged or names no version"),
            ({"version": "4.0.0\x1b[31mRED\n"}, "names no version"),
            ({"version": "1." * 40}, "names no version"),
        ],
    )
    def test_damaged_package_json(self, site, home, manifest, note):
        """A damaged package.json is an install of unknown version, said
        so in the reasons, never a traceback."""
        npm_framework()
        site("a")
        folder = npm_package(
            Path.cwd() / "node_modules", "fake-tfjs-node", manifest
        )

        result = only("fakejs")

        assert DetectionStatus.INSTALLED is result.status
        assert result.version is None
        assert str(folder) == result.location
        assert any(note in r for r in result.reasons)

    def test_unreadable_package_json(self, site, home):
        """A package.json that is not a regular file gives an unknown
        version and a note saying why."""
        npm_framework()
        site("a")
        folder = Path.cwd() / "node_modules" / "fake-tfjs-node"
        (folder / "package.json").mkdir(parents=True)

        result = only("fakejs")

        assert DetectionStatus.INSTALLED is result.status
        assert result.version is None
        assert any("not a regular file" in r for r in result.reasons)

    def test_folder_without_package_json(self, site, home):
        """A folder without package.json is not an install."""
        npm_framework()
        site("a")
        (Path.cwd() / "node_modules" / "fake-tfjs-node").mkdir(parents=True)

        assert DetectionStatus.ABSENT is only("fakejs").status

    def test_current_folder_removed(self, site, home, monkeypatch):
        """When the current folder is gone, only the global folder is
        searched, and nothing fails."""
        npm_framework()
        site("a")

        def gone():
            raise FileNotFoundError(2, "No such file or directory")

        monkeypatch.setattr(os, "getcwd", gone)

        assert DetectionStatus.ABSENT is only("fakejs").status

    def test_windows_global_folder(self, monkeypatch):
        """On Windows the global folder is %AppData%\\npm\\node_modules
        (no lib folder), unless a prefix is set."""
        with monkeypatch.context() as patch:
            patch.setattr("pathlib.Path", PureWindowsPath)
            patch.setattr("os.name", "nt")
            patch.delenv("npm_config_prefix", raising=False)
            patch.delenv("NPM_CONFIG_PREFIX", raising=False)
            patch.setenv("APPDATA", "C:\\Users\\me\\AppData\\Roaming")
            default = _native._npm_global_folder()
            patch.setenv("NPM_CONFIG_PREFIX", "D:\\npm")
            chosen = _native._npm_global_folder()

        assert "C:\\Users\\me\\AppData\\Roaming\\npm\\node_modules" == default
        assert "D:\\npm\\node_modules" == chosen


def nuget_framework() -> None:
    fake_framework(
        key="fakesharp",
        distributions=(),
        import_names=(),
        nuget_packages=("Fake.TorchSharp", "Fake.Bundle"),
    )


class TestNuGet:
    def test_global_packages_variable(self, site, home, tmp_path, monkeypatch):
        """NUGET_PACKAGES holds <lower-case id>/<version>/; the best
        version is reported, and the others are named."""
        nuget_framework()
        site("a")
        root = tmp_path / "nuget"
        monkeypatch.setenv("NUGET_PACKAGES", str(root))
        for version in ("0.105.0", "0.107.0", "0.99.1"):
            (root / "fake.torchsharp" / version).mkdir(parents=True)
        (root / "fake.torchsharp" / "fake.torchsharp.nuspec").write_text("")

        result = only("fakesharp")

        assert DetectionStatus.INSTALLED is result.status
        assert "0.107.0" == result.version
        assert str(root / "fake.torchsharp" / "0.107.0") == result.location
        assert "0.105.0, 0.107.0, 0.99.1" in result.reasons[0]

    def test_default_folder_in_home(self, site, home):
        """Without NUGET_PACKAGES the folder is ~/.nuget/packages."""
        nuget_framework()
        site("a")
        (home / ".nuget" / "packages" / "fake.bundle" / "1.0.0").mkdir(
            parents=True
        )

        result = only("fakesharp")

        assert "1.0.0" == result.version
        assert "NuGet package Fake.Bundle 1.0.0 in" in result.reasons[0]
        assert "(versions here" not in result.reasons[0]

    def test_id_folder_without_versions(self, site, home):
        """A package folder holding no version folder is not an install."""
        nuget_framework()
        site("a")
        folder = home / ".nuget" / "packages" / "fake.torchsharp"
        folder.mkdir(parents=True)
        (folder / "stray.txt").write_text("")

        result = only("fakesharp")

        assert DetectionStatus.ABSENT is result.status
        assert 2 == sum("NuGet package" in c for c in result.checked)

    def test_folder_refused(self, site, home, monkeypatch):
        """A package folder that cannot be listed is noted, not raised."""
        nuget_framework()
        site("a")
        folder = home / ".nuget" / "packages" / "fake.torchsharp"
        (folder / "1.0.0").mkdir(parents=True)
        refuse_listing(monkeypatch, folder)

        result = only("fakesharp")

        assert DetectionStatus.ABSENT is result.status
        assert any(
            f"cannot list {folder}: Permission denied" in r
            for r in result.reasons
        )

    def test_id_folder_is_a_file(self, site, home):
        """A file where the package folder should be is not an install."""
        nuget_framework()
        site("a")
        packages = home / ".nuget" / "packages"
        packages.mkdir(parents=True)
        (packages / "fake.torchsharp").write_text("")

        result = only("fakesharp")

        assert DetectionStatus.ABSENT is result.status
        assert not any("cannot list" in r for r in result.reasons)


def julia_framework() -> None:
    fake_framework(
        key="fakeflux",
        distributions=(),
        import_names=(),
        julia_packages=("FakeFlux",),
    )


class TestJulia:
    def test_default_depot(self, site, home):
        """~/.julia/packages/<Name>/<slug>/Project.toml gives the version;
        of several slugs the best version is reported."""
        julia_framework()
        site("a")
        depot = home / ".julia"
        julia_package(
            depot,
            "FakeFlux",
            "Ab1cD",
            'name = "FakeFlux"\nversion = "0.14.2"\n',
        )
        best = julia_package(
            depot,
            "FakeFlux",
            "Zz9yX",
            'name = "FakeFlux"\nversion = "0.16.11"\n',
        )

        result = only("fakeflux")

        assert DetectionStatus.INSTALLED is result.status
        assert "0.16.11" == result.version
        assert str(best) == result.location
        assert "(versions here: 0.14.2, 0.16.11)" in result.reasons[0]

    def test_depot_path_variable(self, site, home, tmp_path, monkeypatch):
        """Every JULIA_DEPOT_PATH entry is a depot; each copy is reported,
        the first depot's first."""
        julia_framework()
        site("a")
        first, second = tmp_path / "depot1", tmp_path / "depot2"
        monkeypatch.setenv(
            "JULIA_DEPOT_PATH", os.pathsep.join([str(first), str(second)])
        )
        in_second = julia_package(
            second, "FakeFlux", "s1", 'version = "1.0.0"\n'
        )
        in_home = julia_package(
            home / ".julia", "FakeFlux", "s2", 'version = "2.0.0"\n'
        )

        result = only("fakeflux")

        assert str(in_second) == result.location
        assert not any(str(in_home) in r for r in result.reasons)
        assert f"{first}, {second}" in result.checked[-1]

    def test_empty_entry_means_bundled_depots(
        self, site, home, tmp_path, monkeypatch
    ):
        """An empty JULIA_DEPOT_PATH entry stands for the depots bundled
        with Julia (beside `julia` on PATH), not for ~/.julia, as in
        Julia's manual: a package only in ~/.julia is not seen."""
        julia_framework()
        site("a")
        top = tmp_path / "julia-1.11"
        (top / "bin").mkdir(parents=True)
        program = top / "bin" / "julia"
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
        monkeypatch.setenv("PATH", str(top / "bin"))
        monkeypatch.setenv(
            "JULIA_DEPOT_PATH", os.pathsep.join([str(tmp_path / "d"), ""])
        )
        julia_package(home / ".julia", "FakeFlux", "s", 'version = "1.0.0"\n')
        bundled = julia_package(
            top / "share" / "julia", "FakeFlux", "t", 'version = "1.1.0"\n'
        )

        result = only("fakeflux")

        assert str(bundled) == result.location
        assert not any(str(home / ".julia") in c for c in result.checked)

    @pytest.mark.parametrize("shared_last", [False, True])
    def test_leading_empty_entry_keeps_user_depot(
        self, site, home, tmp_path, monkeypatch, shared_last
    ):
        """A leading empty entry (`:` or `:/shared`) stands for the user
        depot too, as in Julia's init_depot_path: ~/.julia is searched."""
        julia_framework()
        site("a")
        entries = ["", str(tmp_path / "d")] if shared_last else ["", ""]
        monkeypatch.setenv("JULIA_DEPOT_PATH", os.pathsep.join(entries))
        folder = julia_package(
            home / ".julia", "FakeFlux", "s", 'version = "1.0.0"\n'
        )

        assert str(folder) == only("fakeflux").location

    def test_empty_entry_without_julia_adds_nothing(
        self, site, home, tmp_path, monkeypatch
    ):
        """With no `julia` on PATH a later empty entry names no bundled
        depot: only the entries given are searched."""
        julia_framework()
        site("a")
        monkeypatch.setenv(
            "JULIA_DEPOT_PATH", os.pathsep.join([str(tmp_path / "d"), ""])
        )
        julia_package(home / ".julia", "FakeFlux", "s", 'version = "1.0.0"\n')

        result = only("fakeflux")

        assert DetectionStatus.ABSENT is result.status
        assert [str(tmp_path / "d")] == [
            c.split(" in ", 1)[1] for c in result.checked if "Julia" in c
        ]

    def test_set_but_empty_means_no_depot(self, site, home, monkeypatch):
        """JULIA_DEPOT_PATH set to the empty string leaves Julia no depot:
        a package in ~/.julia is not found."""
        julia_framework()
        site("a")
        monkeypatch.setenv("JULIA_DEPOT_PATH", "")
        julia_package(home / ".julia", "FakeFlux", "s", 'version = "1.0.0"\n')

        assert DetectionStatus.ABSENT is only("fakeflux").status

    def test_tilde_is_expanded(self, site, home, monkeypatch):
        """A depot written with ~ is the one in the home folder."""
        julia_framework()
        site("a")
        monkeypatch.setenv("JULIA_DEPOT_PATH", "~/mydepot")
        folder = julia_package(
            home / "mydepot", "FakeFlux", "s", 'version = "1.2.0"\n'
        )

        assert str(folder) == only("fakeflux").location

    def test_julia_project_toml_first(self, site, home):
        """JuliaProject.toml wins over Project.toml, as in Pkg."""
        julia_framework()
        site("a")
        folder = julia_package(
            home / ".julia",
            "FakeFlux",
            "s",
            'version = "3.0.0"\n',
            file_name="JuliaProject.toml",
        )
        (folder / "Project.toml").write_text('version = "1.0.0"\n')

        assert "3.0.0" == only("fakeflux").version

    @pytest.mark.parametrize(
        ("project", "note"),
        [
            ("version = ", "is damaged or names no version"),
            ("version = 3\n", "is damaged or names no version"),
            ('name = "FakeFlux"\n', "is damaged or names no version"),
            ('[deps]\nversion = "1.0"\n', "is damaged or names no version"),
            ("a = " + "[" * 100_000, "is damaged or names no version"),
            (None, "no Project.toml in"),
        ],
    )
    def test_damaged_project(self, site, home, project, note):
        """A damaged or missing Project.toml is a copy of unknown version,
        said so in the reasons, never a traceback."""
        julia_framework()
        site("a")
        folder = julia_package(home / ".julia", "FakeFlux", "s", project)

        result = only("fakeflux")

        assert DetectionStatus.INSTALLED is result.status
        assert result.version is None
        assert str(folder) == result.location
        assert (
            "Julia package FakeFlux, version unknown, in" in result.reasons[0]
        )
        assert any(note in r for r in result.reasons)

    def test_unknown_version_next_to_a_known_one(self, site, home):
        """A copy with a readable version is preferred to a damaged one."""
        julia_framework()
        site("a")
        julia_package(home / ".julia", "FakeFlux", "a", "broken = ")
        good = julia_package(
            home / ".julia", "FakeFlux", "b", 'version = "0.1"\n'
        )

        result = only("fakeflux")

        assert "0.1" == result.version
        assert str(good) == result.location

    def test_unreadable_project(self, site, home):
        """A Project.toml that is not a regular file is noted."""
        julia_framework()
        site("a")
        folder = julia_package(home / ".julia", "FakeFlux", "s", None)
        (folder / "Project.toml").mkdir()

        result = only("fakeflux")

        assert result.version is None
        assert any("not a regular file" in r for r in result.reasons)

    def test_packages_folder_refused(self, site, home, monkeypatch):
        """A package folder that cannot be listed is noted, not raised."""
        julia_framework()
        site("a")
        julia_package(home / ".julia", "FakeFlux", "s", 'version = "1"\n')
        folder = home / ".julia" / "packages" / "FakeFlux"
        refuse_listing(monkeypatch, folder)

        result = only("fakeflux")

        assert DetectionStatus.ABSENT is result.status
        assert any(f"cannot list {folder}" in r for r in result.reasons)


class TestCaching:
    @pytest.mark.parametrize(
        "variable", ["NUGET_PACKAGES", "JULIA_DEPOT_PATH", "npm_config_prefix"]
    )
    def test_variables_change_the_answer(
        self, site, home, tmp_path, monkeypatch, variable
    ):
        """Moving a package folder by its variable is seen at once."""
        fake_framework(
            key="fakeall",
            distributions=(),
            import_names=(),
            npm_packages=("fake-all",),
            nuget_packages=("Fake.All",),
            julia_packages=("FakeAll",),
        )
        site("a")
        place = tmp_path / "place"
        npm_package(
            place / "lib" / "node_modules", "fake-all", {"version": "1"}
        )
        (place / "fake.all" / "1.0").mkdir(parents=True)
        julia_package(place, "FakeAll", "s", 'version = "1"\n')
        assert DetectionStatus.ABSENT is only("fakeall").status

        monkeypatch.setenv(variable, str(place))

        assert DetectionStatus.INSTALLED is only("fakeall").status

    def test_current_folder_changes_the_answer(
        self, site, home, tmp_path, monkeypatch
    ):
        """Changing folder into an npm project is seen at once."""
        npm_framework()
        site("a")
        project = tmp_path / "project"
        npm_package(
            project / "node_modules", "@fake/tfjs", {"version": "1.0.0"}
        )
        assert DetectionStatus.ABSENT is only("fakejs").status

        monkeypatch.chdir(project)

        assert "1.0.0" == only("fakejs").version


class TestPythonFirst:
    def test_python_install_wins(self, site, home):
        """A framework with a Python module found is not looked for in
        package folders (ONNX Runtime's Python wheel, say)."""
        from tests.test_detect import dist_info, package

        fake_framework(npm_packages=("fake-net-web",))
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        npm_package(
            Path.cwd() / "node_modules", "fake-net-web", {"version": "9.0"}
        )

        result = only()

        assert "1.0" == result.version
        assert not any("npm" in c for c in result.checked)

    @pytest.mark.parametrize(
        ("field", "name", "build"),
        [
            ("npm_packages", "fake-net-web", "npm"),
            ("nuget_packages", "Fake.Net", "nuget"),
            ("julia_packages", "FakeNet", "julia"),
            ("maven_groups", "com.fakenet", "maven"),
        ],
    )
    def test_other_products_do_not_stand_in(
        self, site, home, field, name, build
    ):
        """A framework published on PyPI whose Python package is absent is
        absent, even with its Maven, npm, NuGet or Julia package present:
        those are other products (ONNX Runtime's Java and web runtimes),
        and must not satisfy a requirement on the Python package."""
        fake_framework(distributions=("fakenet",), **{field: (name,)})
        site("a")
        if build == "npm":
            npm_package(Path.cwd() / "node_modules", name, {"version": "9.0"})
        elif build == "maven":
            (
                home
                / ".m2"
                / "repository"
                / "com"
                / "fakenet"
                / "core"
                / "9.0"
            ).mkdir(parents=True)
        elif build == "nuget":
            (home / ".nuget" / "packages" / name.lower() / "9.0").mkdir(
                parents=True
            )
        else:
            julia_package(home / ".julia", name, "AbCd", 'version = "9.0"\n')

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert not any(build in c.lower() for c in result.checked)
