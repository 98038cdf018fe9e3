"""Detection that does not overstate: Keras' backends, importable
installs, PEP 508 requirements and the ``detect --require`` gate."""

from __future__ import annotations

import json
import math
import sys
import types

import pytest

import dlchoose

from dlchoose import Framework, register_framework
from dlchoose._cli import main
from dlchoose._detect._keras import keras_backend_reasons
from dlchoose._detect._require import check_requirements, parse_requirement
from dlchoose._detect._scan import (
    MAX_PROBE_TIMEOUT,
    check_timeout,
    clear_cache,
    detect,
    is_installed,
    keras_backends,
)
from dlchoose.exceptions import UnknownFrameworkError


@pytest.fixture(name="site")
def _site(tmp_path, monkeypatch):
    """A folder first on sys.path, an empty HOME, no Keras variables."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setattr(sys, "path", [str(folder), *sys.path])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    monkeypatch.delenv("KERAS_HOME", raising=False)
    clear_cache()
    yield folder
    clear_cache()


def install(folder, name, version, *, dist=None, code=""):
    """A fake package with its dist-info."""
    package = folder / name
    package.mkdir()
    (package / "__init__.py").write_text(
        code or f"__version__ = {version!r}\n"
    )
    dist = dist or name
    meta = folder / f"{dist}-{version}.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text(f"Name: {dist}\nVersion: {version}\n")


def fake(key, import_name, dist=None):
    register_framework(
        Framework(
            key=key,
            name=key.upper(),
            status="active",
            distributions=[dist or import_name],
            import_names=[import_name],
        )
    )


def keras_reasons():
    (result,) = detect(["keras"])
    return [r for r in result.reasons if "backend" in r]


class TestKerasBackends:
    def test_no_backend(self, site):
        """Keras alone: a reason says none of its backends is installed."""
        install(site, "keras", "3.8.0")

        reasons = keras_reasons()

        assert any("none of Keras' backends" in r for r in reasons)
        assert any(
            "configured for the tensorflow backend" in r for r in reasons
        )

    def test_configured_backend_missing(self, site, monkeypatch):
        """KERAS_BACKEND names a backend that is not installed: a reason."""
        install(site, "keras", "3.8.0")
        install(site, "jax", "0.4.30")
        monkeypatch.setenv("KERAS_BACKEND", "torch")

        reasons = keras_reasons()

        assert 1 == len(reasons)
        assert "torch backend (KERAS_BACKEND)" in reasons[0]

    def test_configured_in_keras_json(self, site, tmp_path):
        """keras.json's backend counts like KERAS_BACKEND."""
        install(site, "keras", "3.8.0")
        install(site, "tensorflow", "2.18.0")
        config = tmp_path / "home" / ".keras"
        config.mkdir(parents=True)
        (config / "keras.json").write_text('{"backend": "jax"}')

        (reason,) = keras_reasons()

        assert "jax backend" in reason
        assert "keras.json" in reason

    def test_backend_present(self, site):
        """Keras with its configured backend installed: no backend reason;
        the other frameworks are left as they are."""
        install(site, "keras", "3.8.0")
        install(site, "tensorflow", "2.18.0")

        keras, tensorflow = detect(["keras", "tensorflow"])

        assert [] == [r for r in keras.reasons if "backend" in r]
        assert tensorflow == detect(["tensorflow"])[0]

    def test_unregistered_backend(self, site, monkeypatch):
        """numpy is not a registered framework: found by its module."""
        install(site, "keras", "3.8.0")
        install(site, "torch", "2.5.0")
        install(site, "numpy", "2.1.0")
        monkeypatch.setenv("KERAS_BACKEND", "numpy")

        assert [] == keras_reasons()

    def test_backends_listed(self, site):
        """keras_backends() names the training backends installed."""
        install(site, "jax", "0.4.30")

        assert ("jax",) == keras_backends()

    def test_unreadable_keras_json(self, site, tmp_path):
        """A FIFO as keras.json is a reason on Keras, not a hang."""
        import os

        install(site, "keras", "3.8.0")
        install(site, "tensorflow", "2.18.0")
        config = tmp_path / "home" / ".keras"
        config.mkdir(parents=True)
        os.mkfifo(config / "keras.json")

        (keras,) = detect(["keras"])

        (reason,) = [r for r in keras.reasons if "keras.json" in r]
        assert "not a regular file" in reason

    def test_keras_2(self):
        """Keras 2 runs on TensorFlow only; its configuration is not read."""
        reasons = keras_backend_reasons(
            "2.15.0", lambda name: name == "jax", {"KERAS_BACKEND": "jax"}
        )

        assert ["none of Keras' backends (tensorflow)"] == [
            r.split(" is installed")[0] for r in reasons
        ]

    def test_unknown_backend_note(self):
        """An unknown KERAS_BACKEND is reported as such."""
        reasons = keras_backend_reasons(
            "3.0", lambda name: True, {"KERAS_BACKEND": "theano"}
        )

        assert ["KERAS_BACKEND='theano' is not a backend Keras knows"] == (
            reasons
        )

    def test_find_spec_failure(self, site, monkeypatch):
        """A backend whose lookup fails counts as not installed."""
        from dlchoose._detect import _scan

        install(site, "keras", "3.8.0")
        monkeypatch.setenv("KERAS_BACKEND", "openvino")
        broken = types.ModuleType("openvino")
        broken.__spec__ = None
        monkeypatch.setitem(sys.modules, "openvino", broken)

        assert not _scan._module_installed("openvino")
        assert any("openvino backend" in r for r in keras_reasons())


class TestImportable:
    def test_importable(self, site):
        """importable=True also imports the framework in a child."""
        fake("fk-good", "fk_good")
        install(site, "fk_good", "1.0")

        assert is_installed("fk-good", importable=True)
        assert is_installed("fk-good", "0.5", importable=True)
        assert not is_installed("fk-good", "2", importable=True)

    def test_not_importable(self, site):
        """An install that fails to import is not importable."""
        fake("fk-broken", "fk_broken")
        install(site, "fk_broken", "1.0", code="raise ImportError('no')\n")

        assert is_installed("fk-broken")
        assert not is_installed("fk-broken", importable=True)


class TestTimeout:
    @pytest.mark.parametrize(
        "value", [0, -1, math.inf, math.nan, 1e308, MAX_PROBE_TIMEOUT + 1]
    )
    def test_refused(self, value):
        """Timeouts must be positive, finite and at most a day."""
        with pytest.raises(ValueError, match="timeout"):
            detect(["pytorch"], timeout=value)

    @pytest.mark.parametrize("value", ["30", True, None])
    def test_not_a_number(self, value):
        """A timeout that is not a number is a TypeError."""
        with pytest.raises(TypeError, match="timeout"):
            check_timeout(value)

    def test_accepted(self):
        """An int is a float timeout."""
        assert 5.0 == check_timeout(5)

    def test_huge_ints(self):
        """Ints beyond floats are refused with a ValueError naming the
        limit (negative: not positive; positive: over a day), never a raw
        OverflowError."""
        with pytest.raises(ValueError, match="positive"):
            check_timeout(-(10**400))
        with pytest.raises(ValueError, match="at most") as caught:
            check_timeout(10**400)
        assert not isinstance(caught.value, OverflowError)


class TestRequirements:
    @pytest.fixture(name="installed")
    def _installed(self, site):
        fake("fk-req", "fk_req", dist="fk-req-dist")
        fake("fk-gone", "fk_gone")
        install(site, "fk_req", "2.5.0a0+git1234", dist="fk_req_dist")
        return site

    @pytest.mark.parametrize(
        ("requirement", "met", "reason"),
        [
            ("fk-req>=2.4", True, "is installed"),
            ("FK-REQ", True, "is installed"),
            ("fk-req<2", False, "does not satisfy <2"),
            ("fk-gone", False, "is not installed (absent)"),
            ("fk-gone; python_version < '3'", True, "does not apply"),
        ],
    )
    def test_checks(self, installed, requirement, met, reason):
        """Found, in range (pre-releases by number), marker false: met."""
        (check,) = check_requirements(requirement)

        assert met is check.met
        assert reason in check.reason
        assert requirement == check.to_dict()["requirement"]

    def test_unknown_version(self, site):
        """An install whose version is not PEP 440 cannot meet a range."""
        fake("fk-odd", "fk_odd")
        install(site, "fk_odd", "2.3.0-rocm")

        (check,) = check_requirements(["fk-odd>=1"])

        assert not check.met
        assert "cannot be compared" in check.reason

    def test_probe(self, site):
        """With probe, an install that does not import is unmet."""
        fake("fk-req-bad", "fk_req_bad")
        install(site, "fk_req_bad", "1.0", code="raise ImportError('gone')\n")

        (check,) = check_requirements(["fk-req-bad"], probe=True, timeout=20)

        assert not check.met
        assert "not importable (import_error: ImportError: gone)" in (
            check.reason
        )

    def test_invalid(self):
        """Strings that are not PEP 508 are ValueErrors; others TypeErrors."""
        with pytest.raises(ValueError, match="PEP 508"):
            parse_requirement("torch >>> 2")
        with pytest.raises(TypeError):
            parse_requirement(3)  # type: ignore[arg-type]

    def test_unknown_framework(self):
        """A name no framework has raises UnknownFrameworkError."""
        with pytest.raises(UnknownFrameworkError):
            check_requirements(["no-such-framework-xyz"])

    def test_public(self):
        """check_requirements is public, also through the _detect package."""
        from dlchoose import _detect

        assert dlchoose.check_requirements is check_requirements
        assert _detect.check_requirements is check_requirements
        with pytest.raises(AttributeError):
            _detect.nothing  # noqa: B018


class TestRequireCli:
    @pytest.fixture(name="installed")
    def _installed(self, site):
        fake("fk-req", "fk_req")
        fake("fk-gone", "fk_gone")
        install(site, "fk_req", "2.5.0")
        return site

    def test_met(self, installed, capsys):
        """All requirements met: exit 0, the required frameworks shown."""
        assert 0 == main(["detect", "--require", "fk-req>=2.4"])

        out = capsys.readouterr().out
        assert "ok    fk-req>=2.4: fk-req 2.5.0 is installed" in out
        assert "fk-gone" not in out

    def test_unmet(self, installed, capsys):
        """One unmet: exit 1, named on stderr and in the table."""
        code = main(
            ["detect", "--require", "fk-req>=3", "--require", "fk-gone"]
        )

        captured = capsys.readouterr()
        assert 1 == code
        assert "UNMET fk-req>=3" in captured.out
        assert captured.err.startswith("dlchoose: error: unmet requirements")
        assert "fk-gone (fk-gone is not installed (absent))" in captured.err

    def test_json(self, installed, capsys):
        """--json adds a requirements list; the rest is unchanged."""
        assert 1 == main(
            ["detect", "fk-req", "--require", "fk-gone", "--json"]
        )

        data = json.loads(capsys.readouterr().out)
        assert ["fk-req"] == [d["key"] for d in data["frameworks"]]
        assert [
            {
                "requirement": "fk-gone",
                "key": "fk-gone",
                "met": False,
                "reason": "fk-gone is not installed (absent)",
            }
        ] == data["requirements"]

    def test_probe(self, installed, capsys):
        """--require with --probe gates on importing."""
        assert 0 == main(
            ["detect", "--require", "fk-req", "--probe", "--timeout", "20"]
        )
        assert "importable" in capsys.readouterr().out

    def test_bad_requirement(self, capsys):
        """A requirement that is not PEP 508 is a usage error."""
        with pytest.raises(SystemExit) as exc:
            main(["detect", "--require", "torch >>> 2"])

        assert 2 == exc.value.code
        assert "PEP 508" in capsys.readouterr().err
