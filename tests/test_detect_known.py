"""The fast path's copy of the catalog (``_detect._known``) answers as the
registry does, and goes back to the registry whenever it may not."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

import dlchoose

from dlchoose._detect import _known, _known_data, _known_write, _native
from dlchoose._detect._model import parse_version, version_facts
from dlchoose._detect._scan import (
    clear_cache,
    detect,
    installed,
    is_installed,
    keras_backends,
)
from dlchoose._registry._lookup import frameworks, get_framework
from dlchoose.exceptions import UnknownFrameworkError
from tests.test_detect import (
    _site,  # noqa: F401 - the "site" fixture
    dist_info,
    fake_framework,
    package,
)


@pytest.fixture(name="untouched")
def _untouched(monkeypatch):
    """A callable that runs a function as in a fresh process, where the
    registry module was never imported (the fast path's copy answers)."""

    def run(function, *args):
        clear_cache()
        with monkeypatch.context() as patch:
            # A fallback imports the module anew: afterwards the package
            # attribute, like sys.modules, must name the original again.
            package = sys.modules["dlchoose._registry"]
            patch.setattr(package, "_lookup", package._lookup)
            patch.delitem(sys.modules, _known.REGISTRY_MODULE)
            assert _known.registry_untouched()
            result = function(*args)
            # The copy answered: nothing rebuilt the registry module.
            assert _known.REGISTRY_MODULE not in sys.modules
        clear_cache()
        return result

    return run


def _populate(site, tmp_path, monkeypatch):
    """Installs of many catalog frameworks, in every state detection
    tells apart, plus a program on PATH, a Maven artefact and npm, NuGet
    and Julia packages."""
    shadow, main = site("shadow"), site("main")
    for name, version, module, extra in (
        ("torch", "2.13.0+cpu", "torch", {}),
        ("tensorflow-cpu", "2.16.1", "tensorflow", {}),
        ("keras", "3.5.0", "keras", {}),
        ("jax", "0.4.30", "jax", {"top_level": "jax\n"}),
        ("jaxlib", "0.4.30", "jaxlib", {"top_level": "jaxlib\n"}),
        (
            "onnxruntime-gpu",
            "1.18.0",
            "onnxruntime",
            {"requires": ("nvidia-cuda-runtime-cu12==12.4.127",)},
        ),
        ("paddlepaddle", "2.6.1", "paddle", {}),
        ("mxnet", "1.9.1", None, {}),
    ):
        dist_info(main, name, version, **extra)
        if module:
            package(main, module)
    package(main, "chainer")  # no metadata: unmanaged
    package(shadow, "paddle")  # hides the installed one: shadowed
    (main / "~orch").mkdir()  # an interrupted pip run
    programs = tmp_path / "bin"
    programs.mkdir()
    th = programs / "th"
    th.write_text("#!/bin/sh\n")
    th.chmod(0o755)
    monkeypatch.setenv("PATH", str(programs))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("CARGO_HOME", raising=False)
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    core = tmp_path / ".m2" / "repository" / "org" / "deeplearning4j"
    (core / "deeplearning4j-core" / "1.0.0-M2.1").mkdir(parents=True)
    for name in ("npm_config_prefix", "NPM_CONFIG_PREFIX", "NUGET_PACKAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("JULIA_DEPOT_PATH", raising=False)
    project = tmp_path / "project"
    tfjs = project / "node_modules" / "@tensorflow" / "tfjs"
    tfjs.mkdir(parents=True)
    (tfjs / "package.json").write_text('{"version": "4.22.0"}')
    monkeypatch.chdir(project)
    (tmp_path / ".nuget" / "packages" / "torchsharp" / "0.107.0").mkdir(
        parents=True
    )
    flux = tmp_path / ".julia" / "packages" / "Flux" / "AbCdE"
    flux.mkdir(parents=True)
    (flux / "Project.toml").write_text('name = "Flux"\nversion = "0.16.11"\n')


def _answers(names=None):
    return [d.to_dict() for d in detect(names)]


class TestSameAnswers:
    def test_every_framework(self, site, tmp_path, monkeypatch, untouched):
        """detect() from the copy equals detect() from the registry."""
        _populate(site, tmp_path, monkeypatch)

        fast = untouched(_answers)
        clear_cache()
        full = _answers()

        assert full == fast
        statuses = {d["key"]: d["status"] for d in fast}
        # The fake site really shows every state (the comparison is not
        # between two lists of "absent").
        assert {
            "installed",
            "absent",
            "metadata_only",
            "unmanaged",
            "shadowed",
        } <= set(statuses.values())
        assert "installed" == statuses["dl4j"] == statuses["torch7"]
        assert "installed" == statuses["torchsharp"]
        # TensorFlow.js is on PyPI (tensorflowjs): its npm copy is not it.
        assert "absent" == statuses["tfjs"]
        assert "installed" == statuses["flux"]
        assert "absent" == statuses["mlnet"]

    def test_named_frameworks(self, site, tmp_path, monkeypatch, untouched):
        """Names, aliases and repositories select alike on both paths."""
        _populate(site, tmp_path, monkeypatch)
        names = ["Torch", " tf ", "keras", "jax-ml/jax", "pytorch", "DL4J"]

        fast = untouched(_answers, names)
        clear_cache()
        full = _answers(names)

        assert full == fast
        assert ["pytorch", "tensorflow", "keras", "jax", "dl4j"] == [
            d["key"] for d in fast
        ]

    def test_helpers(self, site, tmp_path, monkeypatch, untouched):
        """installed(), is_installed() and keras_backends() agree too."""
        _populate(site, tmp_path, monkeypatch)

        def helpers():
            return (
                [d.key for d in installed()],
                is_installed("torch", "2.13"),
                is_installed("mxnet"),
                keras_backends(),
            )

        fast = untouched(helpers)
        clear_cache()

        assert helpers() == fast
        assert ("tensorflow", "jax", "torch") == fast[3]

    def test_unknown_name_goes_to_the_registry(self, untouched):
        """A name the copy lacks is the registry's to answer (and refuse)."""
        with pytest.raises(UnknownFrameworkError) as info:
            untouched(detect, ["pytorh"])

        assert "pytorch" in info.value.suggestions


class TestRegistryInUse:
    def test_user_additions_are_detected(self, site):
        """Once the registry is in use, its additions are detected."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")

        assert not _known.registry_untouched()
        assert "installed" == {d.key: d.status for d in detect()}["fakenet"]

    def test_fresh_process(self, tmp_path):
        """In a fresh process detect() leaves the registry unbuilt, and a
        framework registered afterwards is detected."""
        folder = tmp_path / "site"
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        script = textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(folder)!r})
            import dlchoose
            first = dlchoose.detect()
            for module in ("_lookup", "_model", "_catalog"):
                assert "dlchoose._registry." + module not in sys.modules
            dlchoose.register_framework(dlchoose.Framework(
                key="fakenet", name="Fake", status="active",
                distributions=["fakenet"], import_names=["fakenet"]))
            second = dlchoose.detect()
            assert "fakenet" == second[-1].key, second[-1]
            assert "installed" == second[-1].status
            same = [d.to_dict() for d in first]
            assert same == [d.to_dict() for d in second[:-1]]
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


class TestCopy:
    def test_matches_the_catalog(self):
        """The generated copy is what the writer makes of the catalog now
        (else run ``python -m dlchoose._detect._known_write``)."""
        text = Path(_known_data.__file__).read_text(encoding="utf-8")

        assert _known_write.render(frameworks()) == text

    def test_data_is_the_registry_facts(self):
        """Rows and names hold the registry's facts, in its order."""
        catalog = frameworks()

        assert _known_write.frameworks_rows(catalog) == _known_data.FRAMEWORKS
        assert [f.key for f in catalog] == [f.key for f in _known.known()]
        for name, key in _known_data.NAMES.items():
            assert key == get_framework(name).key, name

    def test_write(self, tmp_path):
        """write() writes the rendered catalog to the file it is given."""
        target = _known_write.write(tmp_path / "data.py")

        assert _known_write.render(frameworks()) == target.read_text("utf-8")

    def test_render_reads_back(self):
        """The rendered text is Python that defines the same data."""
        fake = dlchoose.Framework(
            key="fakequote",
            name='Fake "quoted" (test)',
            status="active",
            distributions=("fakequote",),
            import_names=("fakequote",),
        )
        namespace: dict[str, Any] = {}

        exec(_known_write.render([fake]), namespace)

        assert _known_write.frameworks_rows([fake]) == namespace["FRAMEWORKS"]
        assert "fakequote" == namespace["NAMES"]['fake "quoted" (test)']


class TestLookup:
    def test_names_fold_like_the_registry(self):
        """Case and spaces are ignored; repeats count once, in order."""
        chosen = _known.known_by_names(["TF", "pytorch", " Torch ", "tf"])

        assert chosen is not None
        assert ["tensorflow", "pytorch"] == [f.key for f in chosen]

    @pytest.mark.parametrize(
        "names",
        [
            ["https://github.com/pytorch/pytorch"],
            ["github.com/pytorch/pytorch"],
            ["pytorch", "nonesuch"],
            [42],
        ],
    )
    def test_left_to_the_registry(self, names):
        """URLs, unknown names and non-strings are the registry's."""
        assert _known.known_by_names(names) is None

    def test_registry_untouched(self, monkeypatch):
        """Untouched exactly while the registry module is not imported."""
        assert not _known.registry_untouched()
        monkeypatch.delitem(sys.modules, _known.REGISTRY_MODULE)
        assert _known.registry_untouched()
        assert "dlchoose._registry._lookup" == _known.REGISTRY_MODULE

    def test_repr(self):
        """A copy's entry names its key."""
        assert "KnownFramework(key='pytorch')" == repr(
            _known.known_by_names(["pytorch"])[0]  # type: ignore[index]
        )

    def test_public_detect_is_the_fast_path(self):
        """dlchoose.detect is the function these tests exercise."""
        assert detect is dlchoose.detect


@pytest.mark.skipif(os.name == "nt", reason="POSIX path rules")
@given(
    parts=st.lists(
        st.text(alphabet="/.a~", max_size=6), min_size=1, max_size=4
    )
)
def test_paths_join_as_pathlib_joins_them(parts):
    """Detection's string paths are pathlib's, character for character."""
    assert str(PurePosixPath(*parts)) == _native._path(*parts)


def test_windows_paths_go_to_pathlib(monkeypatch):
    """On Windows, drives and shares are left to pathlib."""
    with monkeypatch.context() as patch:
        patch.setattr("pathlib.Path", PureWindowsPath)
        patch.setattr("os.name", "nt")
        joined = _native._path("C:\\", "a", "b")

    assert "C:\\a\\b" == joined


def test_home_as_pathlib_finds_it(monkeypatch, tmp_path):
    """The home folder is Path.home(), trailing slashes and all."""
    monkeypatch.setenv("HOME", str(tmp_path) + "//")

    assert str(Path.home()) == _native._home()


@given(raw=st.text(alphabet="0123456789.+-_ abcXYZ\n\u017f\u212a\u00b2\u0663"))
def test_version_facts_are_packaging_facts(raw):
    """Any text reads as packaging reads it: validity, major, local."""
    parsed = parse_version(raw)
    expected = (
        (False, None, None)
        if parsed is None
        else (True, parsed.major, parsed.local)
    )

    assert expected == version_facts(raw)
