"""The package as installed: version, public names, typing, import cost."""

from __future__ import annotations

import json
import subprocess
import sys

from importlib import resources

import pytest

import dlchoose

from dlchoose._compat import metadata


class TestPackaging:
    def test_version_from_metadata(self):
        """__version__ is the installed distribution's version."""
        assert metadata.version("dlchoose") == dlchoose.__version__

    def test_unknown_attribute(self):
        """Unknown attributes raise AttributeError."""
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            dlchoose.nope  # noqa: B018

    def test_all_names_import(self):
        """Every name in __all__ exists and __all__ is sorted."""
        for name in dlchoose.__all__:
            assert getattr(dlchoose, name) is not None
        assert sorted(dlchoose.__all__) == dlchoose.__all__

    def test_py_typed_ships(self):
        """The py.typed marker is part of the package."""
        assert resources.files("dlchoose").joinpath("py.typed").is_file()

    def test_import_is_cheap(self):
        """import dlchoose loads neither requests nor any framework."""
        code = "import sys, json, dlchoose; print(json.dumps(sorted(sys.modules)))"
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        loaded = set(json.loads(result.stdout))
        heavy = {
            "requests",
            "urllib3",
            "torch",
            "tensorflow",
            "jax",
            "keras",
            "mxnet",
            "paddle",
            "numpy",
            # Not even the registry: each capability loads on first use.
            "attrs",
            "packaging",
            "dlchoose._registry",
        }
        assert set() == loaded & heavy


class TestLazyNames:
    def test_lazy_names_resolve_to_their_modules(self):
        """Lazily exported names are the objects their modules define."""
        from dlchoose._detect import _scan as _detect

        assert _detect.detect is dlchoose.detect

    def test_lazy_names_are_listed(self):
        """dir(dlchoose) lists every public name, loaded or not."""
        assert set(dlchoose.__all__) <= set(dir(dlchoose))

    def test_every_lazy_name_is_public(self):
        """Each lazily imported name is in __all__."""
        assert set(dlchoose._LAZY) <= set(dlchoose.__all__)
