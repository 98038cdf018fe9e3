"""The detection fast path against fake environments on ``sys.path``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile

from pathlib import Path

import pytest

from packaging.version import Version

from dlchoose import Framework, register_framework
from dlchoose._compat import metadata
from dlchoose._detect._model import (
    Detection,
    DetectionStatus,
    DistributionRecord,
)
from dlchoose._detect._scan import (
    clear_cache,
    detect,
    installed,
    is_installed,
)
from dlchoose.exceptions import UnknownFrameworkError


def fake_framework(
    key="fakenet",
    distributions=("fakenet",),
    import_names=("fakenet",),
    **kwargs,
):
    """Register a framework whose names cannot clash with real installs."""
    framework = Framework(
        key=key,
        name=key.title() + " (test)",
        status="active",
        distributions=distributions,
        import_names=import_names,
        **kwargs,
    )
    register_framework(framework)
    return framework


def dist_info(
    folder: Path,
    name: str,
    version: str | None,
    *,
    top_level: str | None = None,
    record: str | None = None,
    direct_url: dict[str, object] | None = None,
    requires: tuple[str, ...] = (),
    suffix: str = ".dist-info",
    dirname: str | None = None,
) -> Path:
    """A hand-made metadata folder; *version* None leaves METADATA out."""
    path = folder / (dirname or f"{name}-{version or '0'}{suffix}")
    path.mkdir(parents=True)
    if version is not None:
        lines = [
            "Metadata-Version: 2.1",
            f"Name: {name}",
            f"Version: {version}",
        ]
        lines += [f"Requires-Dist: {r}" for r in requires]
        meta = "PKG-INFO" if suffix == ".egg-info" else "METADATA"
        (path / meta).write_text("\n".join(lines) + "\n")
    else:
        (path / "REQUESTED").write_text("")
    if top_level is not None:
        (path / "top_level.txt").write_text(top_level)
    if record is not None:
        (path / "RECORD").write_text(record)
    if direct_url is not None:
        (path / "direct_url.json").write_text(json.dumps(direct_url))
    return path


def package(folder: Path, name: str, *, init: bool = True) -> Path:
    """A package whose import would leave a trace (it never should)."""
    path = folder / name
    path.mkdir(parents=True, exist_ok=True)
    if init:
        marker = folder / f"{name}.imported"
        (path / "__init__.py").write_text(
            f"open({str(marker)!r}, 'w').close()\n__version__ = '9.9'\n"
        )
    return path


@pytest.fixture(name="site")
def _site(tmp_path, monkeypatch):
    """A factory of folders placed on ``sys.path`` (first ones first)."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    clear_cache()
    made: list[Path] = []

    def make(name: str) -> Path:
        folder: Path = tmp_path / name
        folder.mkdir()
        sys.path.insert(len(made), str(folder))
        made.append(folder)
        return folder

    yield make
    clear_cache()
    for folder in made:
        assert not list(folder.glob("*.imported")), "detection imported"


def only(name="fakenet") -> Detection:
    (result,) = detect([name])
    return result


class TestStatuses:
    def test_absent(self, site):
        """Nothing installed: absent, and the reasons say what was looked at."""
        fake_framework()
        site("a")

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert result.version is None
        assert "fakenet" in result.reasons[0]
        assert any("find_spec" in c for c in result.checked)
        assert not result.found

    def test_installed(self, site):
        """Module and metadata side by side: installed with the version."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.2.3")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "1.2.3" == result.version
        assert Version("1.2.3") == result.parsed_version
        assert "fakenet" == result.distribution
        assert "fakenet" == result.import_name
        assert str(folder / "fakenet") == result.location
        assert result.found
        assert "fakenet" not in sys.modules

    def test_single_file_module(self, site):
        """A module file next to its metadata is installed too."""
        fake_framework()
        folder = site("a")
        (folder / "fakenet.py").write_text("raise SystemExit('imported')\n")
        dist_info(folder, "fakenet", "1.0")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert str(folder / "fakenet.py") == result.location

    def test_stray_folder(self, site):
        """A folder without __init__.py is no install: absent, noted."""
        fake_framework()
        folder = site("a")
        stray = package(folder, "fakenet", init=False)
        (stray / "lib").mkdir()

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert any(str(stray) in r for r in result.reasons)

    def test_stray_folder_with_leftover_metadata(self, site):
        """A half uninstall (stray folder plus metadata): metadata_only."""
        fake_framework()
        folder = site("a")
        stray = package(folder, "fakenet", init=False)
        dist_info(folder, "fakenet", "2.0")

        result = only()

        assert DetectionStatus.METADATA_ONLY is result.status
        assert "2.0" == result.version
        assert result.location is None
        assert any(str(stray) in r for r in result.reasons)

    def test_stray_folder_before_real_install(self, site):
        """A stray folder earlier on sys.path hides nothing; it is noted."""
        fake_framework()
        early, late = site("early"), site("late")
        stray = package(early, "fakenet", init=False)
        package(late, "fakenet")
        dist_info(late, "fakenet", "3.0")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert str(late / "fakenet") == result.location
        assert any(str(stray) in r for r in result.reasons)

    @pytest.mark.parametrize("kind", ["file", "package"])
    def test_shadowed(self, site, kind):
        """A local module earlier on sys.path hides the real install."""
        fake_framework()
        local, real = site("project"), site("site-packages")
        if kind == "file":
            shadow = local / "fakenet.py"
            shadow.write_text("")
        else:
            shadow = package(local, "fakenet")
        package(real, "fakenet")
        dist_info(real, "fakenet", "1.0")

        result = only()

        assert DetectionStatus.SHADOWED is result.status
        assert str(shadow) == result.location
        assert "1.0" == result.version
        assert str(shadow) in result.reasons[0]
        assert str(real) in result.reasons[0]
        assert not result.found

    def test_metadata_only(self, site):
        """Metadata without any module: metadata_only."""
        fake_framework()
        folder = site("a")
        dist_info(folder, "fakenet", "2.1")

        result = only()

        assert DetectionStatus.METADATA_ONLY is result.status
        assert "cannot be found" in result.reasons[0]

    def test_unmanaged(self, site):
        """A module without metadata: unmanaged, version unknown."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert result.version is None
        assert result.distribution is None
        assert str(folder / "fakenet") == result.location
        assert result.found

    def test_unmanaged_with_metadata_elsewhere(self, site):
        """Metadata in another folder without its module stays a note."""
        fake_framework()
        module_folder, meta_folder = site("a"), site("b")
        package(module_folder, "fakenet")
        meta = dist_info(meta_folder, "fakenet", "1.0")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert any(str(meta) in r for r in result.reasons)

    def test_two_variants_conflict(self, site):
        """Two variants writing one package: conflict, the newest chosen."""
        fake_framework(distributions=("fakenet", "fakenet-cpu"))
        folder = site("a")
        package(folder, "fakenet")
        first = dist_info(folder, "fakenet", "2.15.0")
        second = dist_info(folder, "fakenet_cpu", "2.16.1")
        os.utime(first, ns=(1_000_000_000, 1_000_000_000))
        os.utime(second, ns=(2_000_000_000, 2_000_000_000))

        result = only()

        assert DetectionStatus.CONFLICT is result.status
        assert "fakenet-cpu" == result.distribution
        assert "2.16.1" == result.version
        assert ["fakenet", "fakenet-cpu"] == [
            d.name for d in result.distributions
        ]
        assert "fakenet 2.15.0, fakenet-cpu 2.16.1" in result.reasons[0]
        assert result.found

    def test_companion_distribution_is_no_conflict(self, site):
        """A companion (jaxlib next to jax) that ships another module."""
        fake_framework(distributions=("fakenet", "fakenetlib"))
        folder = site("a")
        package(folder, "fakenet")
        package(folder, "fakenetlib")
        dist_info(folder, "fakenet", "0.4", top_level="fakenet\n")
        dist_info(
            folder,
            "fakenetlib",
            "0.4",
            record="fakenetlib/__init__.py,,\nfakenetlib-0.4.dist-info/RECORD,,\n",
        )

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "fakenet" == result.distribution

    def test_companion_listed_first(self, site):
        """The distribution that ships the module wins over registry order."""
        fake_framework(distributions=("fakenetlib", "fakenet"))
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenetlib", "0.4", top_level="fakenetlib")
        dist_info(folder, "fakenet", "0.5", record="fakenet/__init__.py,,\n")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "fakenet" == result.distribution
        assert "0.5" == result.version

    def test_same_name_twice_conflict(self, site):
        """Two complete records of one distribution in one folder."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        dist_info(folder, "fakenet", "1.1")

        assert DetectionStatus.CONFLICT is only().status


class TestMetadataPitfalls:
    def test_empty_leftover_sorted_first(self, site):
        """An empty leftover dist-info is skipped with a warning."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        leftover = dist_info(
            folder, "fakenet", None, dirname="fakenet-1.12.1+cu116.dist-info"
        )
        dist_info(folder, "fakenet", "1.13.1+cu116")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "1.13.1+cu116" == result.version
        assert any(str(leftover) in r for r in result.reasons)

    def test_egg_info_file(self, site):
        """A distutils egg-info *file* is read as PKG-INFO."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        (folder / "fakenet-0.9-py3.11.egg-info").write_text(
            "Metadata-Version: 1.0\nName: fakenet\nVersion: 0.9\n"
        )

        assert "0.9" == only().version

    def test_unreadable_metadata(self, site):
        """Metadata that cannot be read counts as a leftover, with why."""
        fake_framework()
        folder = site("a")
        path = dist_info(folder, "fakenet", None)
        (path / "METADATA").mkdir()

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert any("not a regular file" in r for r in result.reasons)

    def test_metadata_without_version(self, site):
        """METADATA without a Version line counts as a leftover."""
        fake_framework()
        folder = site("a")
        bad = folder / "fakenet-1.0.dist-info"
        bad.mkdir()
        (bad / "METADATA").write_text("Name: fakenet\n")

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert any("leftover metadata" in r for r in result.reasons)

    def test_interrupted_pip_leftovers(self, site):
        """pip's ~-prefixed leftovers never match, and are reported."""
        fake_framework(distributions=("fakenet",))
        folder = site("a")
        (folder / "~akenet").mkdir()
        (folder / "~akenet" / "__init__.py").write_text("")
        dist_info(folder, "~akenet", "2.1.0")
        (folder / "~ther").mkdir()

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert 2 == sum("interrupted pip run" in r for r in result.reasons)

    def test_copies_in_two_entries(self, site):
        """The copy the import system loads wins; the other is reported."""
        fake_framework()
        user, env = site("user-site"), site("env-site")
        for folder, version in ((user, "2.0"), (env, "1.0")):
            package(folder, "fakenet")
            dist_info(folder, "fakenet", version)

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "2.0" == result.version
        assert [str(user), str(env)] == [
            d.location for d in result.distributions
        ]
        assert any(
            "another copy" in r and str(env) in r for r in result.reasons
        )

    def test_editable_install(self, site, tmp_path):
        """An editable dist-info pointing at a source tree: installed."""
        fake_framework()
        project = tmp_path / "project"
        source = project / "src"
        source.mkdir(parents=True)
        package(source, "fakenet")
        site_packages = site("site-packages")
        sys.path.append(str(source))
        dist_info(
            site_packages,
            "fakenet",
            "0.1.dev0",
            direct_url={
                "url": project.as_uri(),
                "dir_info": {"editable": True},
            },
        )

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert result.editable
        assert "0.1.dev0" == result.version
        assert str(source / "fakenet") == result.location
        assert not list(source.glob("*.imported"))

    def test_editable_with_egg_info_twin(self, site, tmp_path):
        """dist-info plus the source tree's egg-info: one logical install."""
        fake_framework()
        source = tmp_path / "checkout"
        source.mkdir()
        package(source, "fakenet")
        dist_info(source, "fakenet", "0.1", suffix=".egg-info")
        site_packages = site("site-packages")
        sys.path.append(str(source))
        dist_info(
            site_packages,
            "fakenet",
            "0.1",
            direct_url={
                "url": source.as_uri(),
                "dir_info": {"editable": True},
            },
        )

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert result.editable
        assert 2 == len(result.distributions)

    def test_legacy_develop_egg_info(self, site):
        """A source tree with egg-info on sys.path: an editable install."""
        fake_framework()
        source = site("checkout")
        package(source, "fakenet")
        dist_info(source, "fakenet", "0.3", suffix=".egg-info")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert result.editable

    def test_regular_egg_info(self, site, tmp_path):
        """An egg-info inside site-packages is a regular install."""
        fake_framework()
        folder = tmp_path / "lib" / "site-packages"
        folder.mkdir(parents=True)
        sys.path.insert(0, str(folder))
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "0.3", suffix=".egg-info")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert not result.editable
        assert not list(folder.glob("*.imported"))

    def test_broken_direct_url(self, site):
        """An unreadable direct_url.json means not editable."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", "1.0")
        (meta / "direct_url.json").write_text("{not json")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert not result.editable

    def test_non_editable_direct_url(self, site):
        """A direct_url.json of a regular install (a wheel URL)."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(
            folder,
            "fakenet",
            "1.0",
            direct_url={
                "url": "https://example.org/f.whl",
                "archive_info": {},
            },
        )

        assert not only().editable

    @pytest.mark.parametrize(
        ("version", "valid", "at_least_2_1"),
        [
            ("2.1.0+cu121", True, True),
            ("2.5.1+cpu", True, True),
            ("2.4.0+rocm6.1", True, True),
            ("2.7.0.dev20250320+cu126", True, True),
            ("2.5.0a0+git1234abc", True, True),
            ("2.3.0a0+40ec155e58.nv24.03", True, True),
            ("2.0.1", True, False),
            ("N/A", False, False),
            ("2.3.0-rocm", False, False),
        ],
    )
    def test_odd_versions(self, site, version, valid, at_least_2_1):
        """Raw versions are kept; only PEP 440 ones compare."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", version, dirname="fakenet-x.dist-info")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert version == result.version
        assert valid is (result.parsed_version is not None)
        assert valid is result.to_dict()["version_valid"]
        assert at_least_2_1 is is_installed("fakenet", min_version="2.1")
        assert (not valid) is any("PEP 440" in r for r in result.reasons)

    @pytest.mark.parametrize(
        "dirname",
        [
            "FakeNet_CPU-1.0.dist-info",
            "fakenet.cpu-1.0.dist-info",
            "fakenet_cpu-1.0.dist-info",
        ],
    )
    def test_name_spellings(self, site, dirname):
        """Metadata folder names match after PEP 503 normalisation."""
        fake_framework(distributions=("fakenet-cpu",))
        folder = site("a")
        package(folder, "fakenet")
        meta = folder / dirname
        meta.mkdir()
        (meta / "METADATA").write_text("Name: FakeNet_CPU\nVersion: 1.0\n")

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "fakenet-cpu" == result.distribution

    def test_zip_on_sys_path(self, site, tmp_path):
        """A framework inside a zip archive on sys.path is found."""
        fake_framework()
        site("a")
        archive = tmp_path / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("fakenet/__init__.py", "raise SystemExit(1)\n")
            zf.writestr(
                "fakenet-4.0.dist-info/METADATA",
                "Name: fakenet\nVersion: 4.0\n",
            )
            zf.writestr("fakenetother-1.0.dist-info/METADATA", "Name: x\n")
        sys.path.append(str(archive))

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert "4.0" == result.version
        assert str(result.location).startswith(str(archive))

    def test_many_distributions_no_full_scan(self, site, monkeypatch):
        """1,600 unrelated distributions: no scan of all of them."""
        fake_framework()
        folder = site("a")
        for i in range(1600):
            (folder / f"filler{i}-1.0.dist-info").mkdir()
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0", record="x,,\n" * 15000)

        def refuse(*args, **kwargs):
            raise AssertionError("scanned every distribution")

        monkeypatch.setattr(metadata, "distributions", refuse)
        monkeypatch.setattr(metadata, "packages_distributions", refuse)

        assert DetectionStatus.INSTALLED is only().status


class TestBuild:
    @pytest.mark.parametrize(
        ("name", "version", "requires", "build"),
        [
            ("fakenet", "2.1.0+cu121", (), "cuda 12.1"),
            ("fakenet", "2.1.0+cu118", (), "cuda 11.8"),
            ("fakenet", "2.4.0+rocm6.1", (), "rocm 6.1"),
            ("fakenet", "2.5.1+cpu", (), "cpu"),
            ("fakenet", "0.4.1+cuda12.cudnn89", (), "cuda 12"),
            ("fakenet-cpu", "2.16.1", (), "cpu"),
            ("fakenet-cu112", "1.9.1", (), "cuda 11.2"),
            ("fakenet-gpu", "2.6", (), "gpu"),
            (
                "fakenet",
                "2.5.1",
                (
                    'nvidia-cuda-runtime-cu12==12.4.127; platform_system == "Linux"',
                ),
                "cuda 12.4",
            ),
            ("fakenet", "2.9", ("nvidia-cuda-runtime-cu13",), "cuda 13"),
            ("fakenet", "2.9", ("numpy>=1.26", "nvidia-cudnn-cu12"), None),
            ("fakenet", "2.3.0a0+40ec155e58.nv24.03", (), None),
            ("fakenet", "N/A", (), None),
        ],
    )
    def test_build_from_metadata(self, site, name, version, requires, build):
        """Local labels, variant names and CUDA requirements tell the build."""
        fake_framework(distributions=(name,))
        folder = site("a")
        package(folder, "fakenet")
        dist_info(
            folder,
            name,
            version,
            requires=requires,
            dirname=f"{name.replace('-', '_')}-x.dist-info",
        )

        result = only()

        assert build == result.build
        assert (build is not None) is any(
            "built for" in r for r in result.reasons
        )

    @pytest.mark.parametrize(
        "requirement",
        [
            'nvidia-cuda-runtime-cu12 == 12.5.82; extra == "and-cuda"',
            (
                "nvidia-cuda-runtime-cu12==12.4.127; platform_system =="
                ' "Linux" and extra == "cuda"'
            ),
            "nvidia-cuda-runtime-cu12 ==== broken",
            "nvidia-cuda-runtime",
            "nvidia-cuda-runtime-cuda>=12",
        ],
    )
    def test_cuda_requirement_that_tells_nothing(self, site, requirement):
        """Extra-only, invalid or unversioned CUDA requirements give no build."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "2.21.0", requires=(requirement,))

        assert only().build is None

    @pytest.mark.parametrize(
        ("requirement", "build"),
        [
            ("nvidia_cuda_runtime_cu12<13,>=12.1", "cuda 12.1"),
            ("nvidia-cuda-runtime-cu11 ~= 11.8.89", "cuda 11.8"),
            ("nvidia-cuda-runtime-cu12 == 12.*", "cuda 12"),
            ("nvidia-cuda-runtime-cu12 (<13)", "cuda 12"),
            ("nvidia-cuda-runtime-cu12 === custom", "cuda 12"),
        ],
    )
    def test_cuda_requirement_spellings(self, site, requirement, build):
        """Underscores, ranges and wildcards still name the CUDA version."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "2.5.1", requires=(requirement,))

        assert build == only().build

    def test_broken_requires(self, site):
        """A CUDA requirement that is not PEP 508 gives no build."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(
            folder, "fakenet", "1.0", requires=("nvidia-cuda-runtime ((",)
        )

        assert only().build is None


class TestNonPython:
    def test_program_on_path(self, site, tmp_path, monkeypatch):
        """A program on PATH is what a non-Python install leaves."""
        fake_framework(
            key="faketorch7",
            distributions=(),
            import_names=(),
            programs=("fk-th",),
        )
        site("a")
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        program = bin_dir / "fk-th"
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
        monkeypatch.setenv("PATH", str(bin_dir))

        result = only("faketorch7")

        assert DetectionStatus.INSTALLED is result.status
        assert str(program) == result.location
        assert result.import_name is None
        assert "programs on PATH: fk-th" in result.checked

    def test_python_module_without_metadata(self, site, tmp_path, monkeypatch):
        """`import fakecaffe` without metadata: unmanaged, PATH unneeded."""
        fake_framework(
            key="fakecaffe",
            distributions=(),
            import_names=("fakecaffe",),
            programs=("fakecaffe",),
        )
        folder = site("a")
        package(folder, "fakecaffe")
        monkeypatch.setenv("PATH", str(tmp_path))

        assert DetectionStatus.UNMANAGED is only("fakecaffe").status

    def test_maven_artefacts(self, site, tmp_path, monkeypatch):
        """Maven artefacts of the group in ~/.m2 count, best version first."""
        fake_framework(
            key="fakedl4j",
            distributions=(),
            import_names=(),
            maven_groups=("org.fakedl4j", "org.fakend4j"),
        )
        site("a")
        monkeypatch.setenv("HOME", str(tmp_path))
        group = tmp_path / ".m2" / "repository" / "org" / "fakedl4j"
        for artefact, version in (
            ("fakedl4j-core", "1.0.0-M2.1"),
            ("fakedl4j-core", "1.0.0-beta7"),
            ("fakedl4j-nn", "0.9.1"),
        ):
            (group / artefact / version).mkdir(parents=True)
        (group / "empty-artefact").mkdir()
        (group / "maven-metadata.xml").write_text("")

        result = only("fakedl4j")

        assert DetectionStatus.INSTALLED is result.status
        assert str(group) == result.location
        assert "1.0.0b7" == str(Version(str(result.version)))
        assert "fakedl4j-core, fakedl4j-nn" in result.reasons[0]
        assert 2 == sum("Maven group" in c for c in result.checked)

    def test_cargo_crates(self, site, tmp_path, monkeypatch):
        """A crate in Cargo's registry cache or sources counts."""
        fake_framework(
            key="fakeleaf",
            distributions=(),
            import_names=(),
            cargo_crates=("fakeleaf",),
        )
        site("a")
        cargo = tmp_path / "cargo"
        monkeypatch.setenv("CARGO_HOME", str(cargo))
        cache = cargo / "registry" / "cache" / "index.crates.io-1"
        cache.mkdir(parents=True)
        (cache / "fakeleaf-0.2.1.crate").write_text("")
        (cache / "fakeleaf-extra-9.0.crate").write_text("")
        (cargo / "registry" / "cache" / "stray-file").write_text("")
        src = (
            cargo / "registry" / "src" / "index.crates.io-1" / "fakeleaf-0.1.0"
        )
        src.mkdir(parents=True)

        result = only("fakeleaf")

        assert DetectionStatus.INSTALLED is result.status
        assert "0.2.1" == result.version
        assert str(cache / "fakeleaf-0.2.1.crate") == result.location

    def test_nothing_found(self, site, tmp_path, monkeypatch):
        """Absent; the reason lists every place looked at."""
        fake_framework(
            key="fakeall",
            distributions=(),
            import_names=(),
            programs=("fk-none",),
            maven_groups=("org.none",),
            cargo_crates=("none",),
        )
        site("a")
        monkeypatch.setenv("HOME", str(tmp_path))
        monkeypatch.setenv("PATH", str(tmp_path))
        monkeypatch.delenv("CARGO_HOME", raising=False)

        result = only("fakeall")

        assert DetectionStatus.ABSENT is result.status
        for place in ("fk-none", "org.none", "Cargo crate none"):
            assert place in result.reasons[0]


class TestCaching:
    def test_cached_until_something_changes(self, site):
        """Unchanged state answers from the cache; a new install is seen."""
        fake_framework()
        folder = site("a")

        first = only()
        assert first is only()

        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        second = only()

        assert DetectionStatus.ABSENT is first.status
        assert DetectionStatus.INSTALLED is second.status

    def test_m2_home_not_looked_at(self, site, tmp_path, monkeypatch):
        """M2_HOME changes nothing: Maven artefacts come from ~/.m2 only."""
        fake_framework()
        site("a")
        monkeypatch.setenv("M2_HOME", str(tmp_path / "maven-a"))
        first = only()

        monkeypatch.setenv("M2_HOME", str(tmp_path / "maven-b"))

        assert first is only()

    def test_sys_path_change(self, site, tmp_path):
        """Appending to sys.path is noticed without a manual refresh."""
        fake_framework()
        site("a")
        assert DetectionStatus.ABSENT is only().status
        later = tmp_path / "later"
        package(later, "fakenet")
        dist_info(later, "fakenet", "1.0")
        sys.path.append(str(later))

        assert DetectionStatus.INSTALLED is only().status
        assert not list(later.glob("*.imported"))

    def test_missing_path_entries_and_cwd(self, site, tmp_path, monkeypatch):
        """Missing folders are skipped; '' means the working directory."""
        fake_framework()
        site("a")
        package(tmp_path / "cwd", "fakenet")
        dist_info(tmp_path / "cwd", "fakenet", "5.0")
        monkeypatch.chdir(tmp_path / "cwd")
        sys.path[:0] = [str(tmp_path / "missing"), "", ""]

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert not list((tmp_path / "cwd").glob("*.imported"))


class TestSpecs:
    def test_find_spec_error(self, site, monkeypatch):
        """A module in sys.modules without a spec: a reason, no exception."""
        fake_framework()
        site("a")
        module = type(sys)("fakenet")
        module.__spec__ = None
        monkeypatch.setitem(sys.modules, "fakenet", module)

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert any("looking up module" in r for r in result.reasons)

    def test_builtin_like_spec(self, site, monkeypatch):
        """A spec without a location is treated like a namespace."""
        fake_framework(import_names=("sys",))

        result = only()

        assert DetectionStatus.ABSENT is result.status


class TestPublicFunctions:
    def test_detect_all(self, site):
        """Without names, one result per registered framework, in order."""
        from dlchoose import frameworks

        site("a")

        assert [f.key for f in frameworks()] == [d.key for d in detect()]

    def test_names_deduplicated(self, site):
        """Names and aliases of one framework give one result."""
        fake_framework()
        site("a")

        assert ["fakenet"] == [d.key for d in detect(["fakenet", "FAKENET"])]
        assert ["fakenet"] == [d.key for d in detect("fakenet")]

    def test_unknown_name(self):
        """Unknown names raise UnknownFrameworkError."""
        with pytest.raises(UnknownFrameworkError):
            detect(["no-such-framework"])

    @pytest.mark.parametrize("timeout", [0, -1.0, float("nan")])
    def test_bad_timeout(self, timeout):
        """A timeout must be positive."""
        with pytest.raises(ValueError, match="timeout"):
            detect(timeout=timeout)

    def test_is_installed(self, site):
        """is_installed honours min_version with packaging rules."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "2.16.1+cpu")

        assert is_installed("fakenet")
        assert is_installed("fakenet", min_version="2.16")
        assert not is_installed("fakenet", min_version="2.17")

    def test_is_installed_absent_or_unversioned(self, site):
        """Absent is never installed; unmanaged fails any minimum."""
        fake_framework()
        fake_framework(
            key="otherfake", distributions=(), import_names=("otherfake",)
        )
        folder = site("a")
        package(folder, "otherfake")

        assert not is_installed("fakenet")
        assert is_installed("otherfake")
        assert not is_installed("otherfake", min_version="0.1")

    def test_bad_min_version(self):
        """A minimum that is no version is a ValueError."""
        with pytest.raises(ValueError, match="min_version"):
            is_installed("pytorch", min_version="new")

    def test_installed(self, site):
        """installed() lists found frameworks only, with .key."""
        fake_framework()
        fake_framework(
            key="otherfake",
            distributions=("otherfake",),
            import_names=("otherfake",),
        )
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        dist_info(folder, "otherfake", "1.0")

        assert ["fakenet"] == [
            d.key for d in installed(["fakenet", "otherfake"])
        ]


class TestToDict:
    def test_schema(self):
        """The JSON schema is pinned: a rename would change CLI output."""
        detection = Detection(
            key="pytorch",
            status="installed",
            version="2.13.0+cpu",
            distribution="torch",
            import_name="torch",
            location="/site/torch",
            build="cpu",
            reasons=["built for cpu"],
            checked=["module 'torch'"],
            distributions=[
                DistributionRecord(
                    name="torch",
                    version="2.13.0+cpu",
                    location="/site",
                    metadata_path="/site/torch-2.13.0+cpu.dist-info",
                )
            ],
        )

        assert {
            "key": "pytorch",
            "status": "installed",
            "version": "2.13.0+cpu",
            "version_valid": True,
            "distribution": "torch",
            "import_name": "torch",
            "location": "/site/torch",
            "editable": False,
            "build": "cpu",
            "reasons": ["built for cpu"],
            "checked": ["module 'torch'"],
            "distributions": [
                {
                    "name": "torch",
                    "version": "2.13.0+cpu",
                    "location": "/site",
                    "metadata_path": "/site/torch-2.13.0+cpu.dist-info",
                    "editable": False,
                }
            ],
            "probe": None,
        } == detection.to_dict()

    def test_status_strings(self):
        """Statuses are plain strings in JSON and parse case-insensitively."""
        assert "metadata_only" == str(DetectionStatus.METADATA_ONLY)
        assert DetectionStatus.SHADOWED is DetectionStatus.parse("SHADOWED")


class TestImportPurity:
    def test_nothing_imported(self, tmp_path):
        """import dlchoose + detect() import no framework and no requests."""
        folder = tmp_path / "site"
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        script = textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(folder)!r})
            import dlchoose
            assert "requests" not in sys.modules
            assert "importlib.metadata" not in sys.modules
            from dlchoose import Framework, register_framework
            from dlchoose._detect._scan import detect
            register_framework(Framework(key="fakenet", name="Fake",
                status="active", distributions=["fakenet"],
                import_names=["fakenet"]))
            before = set(sys.modules)
            results = detect()
            assert "installed" == detect(["fakenet"])[0].status
            new = set(sys.modules) - before
            known = {{d.import_name for d in results if d.import_name}}
            assert not new & (known | {{"requests"}}), new & known
            assert "subprocess" not in new, "fast path started processes"
            print("ok")
            """
        )

        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=False,
        )

        assert "ok\n" == out.stdout, out.stderr
        assert not (folder / "fakenet.imported").exists()
