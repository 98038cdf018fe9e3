"""Third-party damage never crashes (or hangs) detection.

Each case becomes a reason on the framework concerned; detection goes on.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile

from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlchoose._detect._environment import environment, keras_backend
from dlchoose._detect._files import UnreadableFile, read_small_text
from dlchoose._detect._listing import canonical_name, entry_path
from dlchoose._detect._model import DetectionStatus
from dlchoose._detect._probe import probe_modules
from dlchoose._detect._scan import clear_cache
from tests.test_detect import (
    _site,  # noqa: F401 - the "site" fixture
    dist_info,
    fake_framework,
    only,
    package,
)


NOT_UTF8 = b"fakenet\n\xff\xfe\xfa broken\n"


def _reasons(result) -> str:
    return "\n".join(result.reasons)


class TestUndecodableFiles:
    @pytest.mark.parametrize("name", ["top_level.txt", "RECORD"])
    def test_provider_files(self, site, name):
        """A top_level.txt or RECORD that is not UTF-8: installed, with why."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", "1.0")
        (meta / name).write_bytes(NOT_UTF8)

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert f"{name} is not UTF-8" in _reasons(result)

    @pytest.mark.parametrize(
        "content",
        [NOT_UTF8, b"[1, 2]", b"{" * 100_000, b'{"dir_info": 3}'],
        ids=["not-utf8", "not-an-object", "deep", "wrong-type"],
    )
    def test_direct_url(self, site, content):
        """A damaged direct_url.json: installed, not editable, with why."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", "1.0")
        (meta / "direct_url.json").write_bytes(content)

        result = only()

        assert DetectionStatus.INSTALLED is result.status
        assert not result.editable
        assert "direct_url.json" in _reasons(result)

    def test_metadata_not_utf8(self, site):
        """A METADATA that is not UTF-8 is a leftover, with why."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", None)
        (meta / "METADATA").write_bytes(b"Name: fakenet\nVersion: \xff\n")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert "METADATA is not UTF-8" in _reasons(result)


class TestMissingOrOddMetadata:
    def test_metadata_without_name(self, site):
        """METADATA without Name is a leftover; the module still counts."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", None)
        (meta / "METADATA").write_text("Metadata-Version: 2.1\nVersion: 1\n")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert "without a name and version" in _reasons(result)

    def test_zipped_dist_info(self, site):
        """A .dist-info that is a zip file, not a folder: a reason."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        with zipfile.ZipFile(folder / "fakenet-1.0.dist-info", "w") as z:
            z.writestr("METADATA", "Name: fakenet\nVersion: 1.0\n")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert "fakenet-1.0.dist-info" in _reasons(result)

    @pytest.mark.parametrize(
        ("metadata", "expected"),
        [
            (b"Version: 1.0\n", "without a name"),
            (b"Name: fakenet\nVersion: \xff\n", "unreadable metadata"),
        ],
    )
    def test_damaged_metadata_in_zip(self, site, tmp_path, metadata, expected):
        """Damaged metadata inside a zip on sys.path: a reason."""
        fake_framework()
        site("a")
        archive = tmp_path / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("fakenet-1.0.dist-info/METADATA", metadata)
        sys.path.append(str(archive))

        result = only()

        assert DetectionStatus.ABSENT is result.status
        assert expected in _reasons(result)

    def test_not_a_zip_on_sys_path(self, site, tmp_path):
        """A file on sys.path that is not a zip: detection goes on."""
        fake_framework()
        site("a")
        bogus = tmp_path / "bogus.zip"
        bogus.write_bytes(b"not a zip")
        sys.path.append(str(bogus))

        assert DetectionStatus.ABSENT is only().status

    def test_fifo_metadata(self, site):
        """A FIFO in place of METADATA is skipped at once, not waited on."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", None)
        os.mkfifo(meta / "METADATA")

        result = only()

        assert DetectionStatus.UNMANAGED is result.status
        assert "not a regular file" in _reasons(result)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        name=st.sampled_from(
            ["METADATA", "top_level.txt", "RECORD", "direct_url.json"]
        ),
        content=st.binary(max_size=200),
    )
    def test_any_bytes(self, site, name, content):
        """Whatever bytes a metadata file holds, detection answers."""
        folder = Path(sys.path[0])
        if not folder.name.startswith("hyp"):  # first example: set up
            fake_framework()
            folder = site("hyp")
            package(folder, "fakenet")
            dist_info(folder, "fakenet", "1.0")
        clear_cache()
        (folder / "fakenet-1.0.dist-info" / name).write_bytes(content)

        result = only()

        assert result.status in {
            DetectionStatus.INSTALLED,
            DetectionStatus.UNMANAGED,
        }


class TestOddSysPath:
    def test_null_bytes(self, site):
        """A sys.path entry with a null byte breaks the import system's own
        lookup: detection says so as a reason and goes on."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        dist_info(folder, "fakenet", "1.0")
        sys.path[0:0] = ["bad\0entry", b"bytes"]  # type: ignore[list-item]

        result = only()

        assert DetectionStatus.METADATA_ONLY is result.status
        # CPython says "null byte" or "null character" depending on version.
        assert "embedded null" in _reasons(result)
        assert "1.0" == result.version

    def test_deleted_working_folder(self, site, tmp_path, monkeypatch):
        """ "" on sys.path while the working folder is gone: no crash."""
        fake_framework()
        site("a")
        gone = tmp_path / "gone"
        gone.mkdir()
        monkeypatch.chdir(gone)
        gone.rmdir()
        sys.path.insert(0, "")

        assert DetectionStatus.ABSENT is only().status
        assert None is entry_path("")

    def test_probe_with_null_bytes(self, site):
        """The probe leaves entries that cannot be folders out."""
        folder = site("a")
        (folder / "fakenet.py").write_text("__version__ = '1.0'\n")
        path: list[object] = ["bad\0entry", b"bytes", str(folder)]

        result = probe_modules(
            ["fakenet"],
            timeout=20,
            path=path,  # type: ignore[arg-type]
        )["fakenet"]

        assert result.importable
        assert "1.0" == result.version


class TestKerasConfig:
    @pytest.fixture(name="keras_home")
    def _keras_home(self, tmp_path, monkeypatch):
        home = tmp_path / "keras"
        home.mkdir()
        monkeypatch.setenv("KERAS_HOME", str(home))
        monkeypatch.delenv("KERAS_BACKEND", raising=False)
        return home

    def test_fifo(self, keras_home):
        """A FIFO as keras.json is reported at once, not read forever."""
        os.mkfifo(keras_home / "keras.json")

        report = environment()

        assert "tensorflow" == report.keras_backend
        assert any("not a regular file" in n for n in report.notes)

    def test_huge(self, keras_home):
        """A huge keras.json is not read into memory."""
        with (keras_home / "keras.json").open("wb") as handle:
            handle.truncate(10 * 1024**3)  # sparse: no disk used

        backend, source, note = keras_backend(dict(os.environ))

        assert ("tensorflow", "Keras' default") == (backend, source)
        assert note is not None
        assert "bytes, more than" in note

    @pytest.mark.parametrize("content", [b"\xff\xfe", b"[" * 100_000, b"null"])
    def test_damaged(self, keras_home, content):
        """keras.json that is not UTF-8, too deep or null: the default."""
        (keras_home / "keras.json").write_bytes(content)

        backend, _, _ = keras_backend(dict(os.environ))

        assert "tensorflow" == backend


class TestFiles:
    def test_missing(self, tmp_path):
        """A missing file is None, not an error."""
        assert read_small_text(str(tmp_path / "none"), 10) is None
        assert read_small_text(str(tmp_path / "x" / "y"), 10) is None

    def test_too_big(self, tmp_path):
        """A file larger than the limit is refused."""
        path = tmp_path / "big"
        path.write_text("x" * 11)

        with pytest.raises(UnreadableFile, match="more than the 10"):
            read_small_text(str(path), 10)

    def test_null_byte(self):
        """A path with a null byte cannot be opened: refused with why."""
        with pytest.raises(UnreadableFile, match="cannot open"):
            read_small_text("a\0b", 10)

    def test_within_limit(self, tmp_path):
        """A small UTF-8 file is read."""
        path = tmp_path / "ok.json"
        path.write_text(json.dumps({"backend": "jax"}))

        assert '{"backend": "jax"}' == read_small_text(str(path), 100)


@given(st.text(alphabet="aAzZ09-_.~ ", max_size=20))
def test_canonical_name_matches_packaging(name):
    """canonical_name normalises exactly as packaging does."""
    from packaging.utils import canonicalize_name

    assert canonicalize_name(name) == canonical_name(name)


class TestEdges:
    def test_metadata_body_and_odd_headers(self, site):
        """Only the header block counts; continuation and bare lines are
        skipped."""
        fake_framework()
        folder = site("a")
        package(folder, "fakenet")
        meta = dist_info(folder, "fakenet", None)
        (meta / "METADATA").write_text(
            "Name: fakenet\nSummary: one\n  continued\nno colon here\n"
            "Version: 1.5\n\nVersion: 9.9 (in the body)\n"
        )

        assert "1.5" == only().version

    def test_odd_files_named_like_the_module(self, site):
        """fakenet.txt and fakenet.abc.py are not the module."""
        fake_framework()
        folder = site("a")
        (folder / "fakenet.txt").write_text("")
        (folder / "fakenet.abc.py").write_text("")

        assert DetectionStatus.ABSENT is only().status

    def test_archive_without_version(self, site, tmp_path):
        """A zip whose metadata has no version is skipped silently."""
        fake_framework()
        site("a")
        archive = tmp_path / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("fakenet-1.0.dist-info/METADATA", "Name: fakenet\n")
        sys.path.append(str(archive))

        assert DetectionStatus.ABSENT is only().status

    def test_archive_unreadable(self, site, tmp_path, monkeypatch):
        """An archive importlib.metadata cannot read: a reason."""
        from dlchoose._compat import metadata

        fake_framework()
        site("a")
        archive = tmp_path / "bundle.zip"
        archive.write_bytes(b"")
        sys.path.append(str(archive))

        def broken(**kwargs):
            raise OSError("bad archive")

        monkeypatch.setattr(metadata, "distributions", broken)

        assert "cannot read metadata in" in _reasons(only())

    def test_missing_sys_path_entry(self, site, tmp_path):
        """A sys.path entry that does not exist is skipped."""
        fake_framework()
        site("a")
        sys.path.insert(0, str(tmp_path / "missing"))

        assert DetectionStatus.ABSENT is only().status

    def test_mtime_of_vanished_metadata(self):
        """A record whose metadata vanished sorts as oldest."""
        from dlchoose._detect._classify import _mtime
        from dlchoose._detect._metadata import FolderFiles, Meta
        from dlchoose._detect._model import DistributionRecord

        record = DistributionRecord(
            name="x", version="1", location="/", metadata_path="/no\0where"
        )

        assert 0 == _mtime(Meta(record, FolderFiles("/nowhere"), None))

    def test_proc_files(self):
        """A file that cannot be read, or is longer than its size says."""
        with pytest.raises(UnreadableFile, match="cannot read"):
            read_small_text("/proc/self/mem", 10)
        with pytest.raises(UnreadableFile, match="larger than"):
            read_small_text("/proc/self/status", 10)


class TestNativeEdges:
    def test_best_of_invalid_versions(self):
        """Without any PEP 440 version, the highest by text wins."""
        from dlchoose._detect._native import best_version

        assert "b-rc" == best_version(["a-x", "b-rc"])
        assert best_version([]) is None

    def test_maven_group_without_versions(self, site, tmp_path, monkeypatch):
        """A Maven group whose artefacts hold no version is not an install."""
        fake_framework(
            key="fakejvm",
            distributions=(),
            import_names=(),
            maven_groups=("org.fakejvm",),
        )
        site("a")
        monkeypatch.setenv("HOME", str(tmp_path))
        (tmp_path / ".m2" / "repository" / "org" / "fakejvm" / "a").mkdir(
            parents=True
        )

        assert DetectionStatus.ABSENT is only("fakejvm").status


@given(
    name=st.sampled_from(
        [
            "nvidia-cuda-runtime",
            "nvidia_cuda_runtime_cu12",
            "NVIDIA-CUDA-RUNTIME-CU11",
        ]
    ),
    specs=st.lists(
        st.tuples(
            st.sampled_from(["===", "==", "~=", ">=", "<=", "!=", "<", ">"]),
            st.sampled_from(
                ["12", "12.4", "12.4.127", "11.8.89", "12.*", "x"]
            ),
        ),
        max_size=3,
    ),
    spaces=st.sampled_from(["", " "]),
    marker=st.sampled_from(
        [
            "",
            '; platform_system == "Linux"',
            '; extra == "and-cuda"',
            "; python_version < '3.13' and extra=='x'",
            '; sys_platform == "extra"',
        ]
    ),
)
def test_plain_cuda_requirements_read_as_packaging_reads_them(
    name, specs, spaces, marker
):
    """The quick reading of CUDA runtime requirements agrees with packaging
    on every line it accepts (the others go to packaging)."""
    from dlchoose._detect._build import (
        _plain_cuda_requirement,
        parsed_cuda_requirement,
    )

    line = (
        name + spaces + ",".join(op + spaces + v for op, v in specs) + marker
    )
    plain, version = _plain_cuda_requirement(line)

    if plain:
        assert parsed_cuda_requirement(line) == version


class TestWhich:
    def test_like_shutil(self, tmp_path, monkeypatch):
        """The PATH search finds what shutil.which finds, and only that."""
        import shutil

        from dlchoose._detect._native import _which

        program = tmp_path / "fakeprog"
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
        (tmp_path / "notexec").write_text("")
        (tmp_path / "adir").mkdir()
        monkeypatch.setenv("PATH", os.pathsep.join(["", str(tmp_path)]))

        for name in ("fakeprog", "notexec", "adir", "missing"):
            assert shutil.which(name) == _which(name)

    def test_windows_uses_shutil(self, monkeypatch):
        """On Windows the search is shutil's (PATHEXT)."""
        import shutil

        from dlchoose._detect import _native

        monkeypatch.setattr("os.name", "nt")

        assert shutil.which("sh") == _native._which("sh")


class TestNoHome:
    def test_no_home_folder(self, site, monkeypatch, tmp_path):
        """Without HOME and a password entry, detection and the
        environment report still answer."""
        from pathlib import Path as PathClass

        def no_home(cls=None):
            raise RuntimeError("Could not determine home directory.")

        def no_password_entry(uid):
            raise KeyError(uid)

        fake_framework(
            key="fakejvm2",
            distributions=(),
            import_names=(),
            maven_groups=("org.fakejvm2",),
            cargo_crates=("fakecrate2",),
        )
        site("a")
        monkeypatch.delenv("HOME", raising=False)
        monkeypatch.delenv("CARGO_HOME", raising=False)
        monkeypatch.delenv("KERAS_HOME", raising=False)
        monkeypatch.delenv("KERAS_BACKEND", raising=False)
        monkeypatch.setattr(PathClass, "home", classmethod(no_home))
        monkeypatch.setattr("pwd.getpwuid", no_password_entry)
        monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))

        result = only("fakejvm2")
        assert DetectionStatus.ABSENT is result.status
        assert any("/nonexistent/.m2/repository" in c for c in result.checked)
        assert "tensorflow" == environment().keras_backend


@given(
    release=st.lists(st.integers(0, 10**6), min_size=1, max_size=4),
    local=st.none()
    | st.lists(
        st.text(alphabet="abcXYZ019", min_size=1, max_size=5),
        min_size=1,
        max_size=3,
    ),
)
def test_plain_versions_read_as_packaging_reads_them(release, local):
    """version_facts agrees with packaging on plain versions."""
    from dlchoose._detect._model import parse_version, version_facts

    raw = ".".join(map(str, release)) + (
        "+" + ".".join(local) if local else ""
    )
    parsed = parse_version(raw)

    assert parsed is not None
    assert (True, parsed.major, parsed.local) == version_facts(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (False, None, None)),
        ("N/A", (False, None, None)),
        ("2.5.0a0+git1234", (True, 2, "git1234")),
        ("2.1.0+CU_121", (True, 2, "cu.121")),
        ("\u0663.1", (False, None, None)),  # an Arabic-Indic digit
    ],
)
def test_other_versions_through_packaging(raw, expected):
    """Versions that are not plain go through packaging."""
    from dlchoose._detect._model import version_facts

    assert expected == version_facts(raw)
