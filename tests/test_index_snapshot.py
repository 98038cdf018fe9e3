"""The bundled package-index snapshot: complete, small, dated, stable."""

from __future__ import annotations

import json

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from packaging.utils import parse_wheel_filename
from packaging.version import Version

import dlchoose

from dlchoose._index._releases import IndexRelease, Project, Wheel
from dlchoose._index._snapshot import (
    INDEX_FILE,
    SNAPSHOT_DIR,
    Snapshot,
    bundled,
    encode,
)


def snap(name):
    """The recorded project (untyped: tests assert on its optional parts)."""
    return bundled().project(name)


def _wheel(
    filename: str, requires: str | None = None, *, yanked: bool = False
) -> Wheel:
    return Wheel(filename, parse_wheel_filename(filename)[3], requires, yanked)


def _sample() -> Project:
    return Project(
        name="pkg-x",
        read_at=datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc),
        releases=(
            IndexRelease(
                version="1.0",
                uploaded=date(2020, 1, 2),
                requires_python=">=3.6",
                yanked=False,
                wheels=(
                    _wheel(
                        "pkg_x-1.0-cp36-cp36m-manylinux1_x86_64.whl", ">=3.6"
                    ),
                    _wheel("pkg_x-1.0-1-py3-none-any.whl", ">=3.6"),
                ),
                sdist=True,
            ),
            IndexRelease(
                version="2.0",
                uploaded=None,
                requires_python=None,
                yanked=True,
                wheels=(_wheel("Pkg_X-2.0-py3-none-any.whl", yanked=True),),
                sdist=False,
            ),
            IndexRelease(
                version="3.0rc1",
                uploaded=date(2021, 5, 6),
                requires_python=">=3.8",
                yanked=False,
                wheels=(_wheel("pkg_x-3.0rc1-py3-none-any.whl", ">=3.8"),),
                sdist=False,
                prerelease=True,
            ),
            IndexRelease(  # files that differ: stored per file
                version="4.0",
                uploaded=date(2022, 1, 1),
                requires_python=">=3.12",
                yanked=False,
                wheels=(
                    _wheel("pkg_x-4.0-cp312-cp312-win_amd64.whl", ">=3.12"),
                    _wheel("pkg_x-4.0-cp311-cp311-win_amd64.whl", ">=3.11"),
                    _wheel(
                        "pkg_x-4.0-cp310-cp310-win_amd64.whl",
                        ">=3.12",
                        yanked=True,
                    ),
                ),
                sdist=False,
            ),
        ),
    )


def _write(tmp_path: Path, files: dict[str, str]) -> Snapshot:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Snapshot(tmp_path)


class TestBundled:
    def test_every_registry_distribution_is_recorded(self):
        """Every distribution a registered framework names is in the snapshot."""
        names = set(bundled().names())
        wanted = {d for f in dlchoose.frameworks() for d in f.distributions}
        assert wanted <= names

    def test_each_project_is_dated(self):
        """Each distribution carries the time it was read, not in the future."""
        snapshot = bundled()
        for name in snapshot.names():
            found = snapshot.project(name)
            assert found is not None
            assert found.read_at <= datetime.now(timezone.utc)
            assert found.read_at.date() >= snapshot.generated

    def test_releases_oldest_first(self):
        """Releases are sorted by version, so diffs append at the end."""
        for name in ("torch", "tensorflow", "keras"):
            versions = [Version(r.version) for r in snap(name).releases]
            assert versions == sorted(versions)

    def test_small(self):
        """The snapshot stays a few hundred KB."""
        size = sum(p.stat().st_size for p in SNAPSHOT_DIR.glob("*.json"))
        assert 50_000 < size < 400_000

    def test_wheels_carry_real_names(self):
        """Rebuilt file names parse as wheels of the right project and version."""
        torch = snap("torch")
        for release in torch.releases[-3:]:
            for wheel in release.wheels:
                name, version, _, tags = parse_wheel_filename(wheel.filename)
                assert ("torch", Version(release.version)) == (name, version)
                assert tags == wheel.tags

    def test_absent_distribution(self):
        """A registry name the index does not have is recorded without releases."""
        assert () == tuple(snap("nervananeon").releases)

    def test_unknown_name(self):
        """Names the snapshot never recorded are None, including the index file."""
        assert snap("no-such-thing") is None
        assert snap("index") is None


class TestEncoding:
    def test_round_trip(self, tmp_path):
        """Encoding then decoding gives back every fact and file name."""
        sample = _sample()
        files = encode(
            [sample],
            index_url="https://x/simple/",
            generated=date(2026, 11, 29),
        )
        snapshot = _write(tmp_path, files)
        again = snapshot.project("pkg-x")
        assert again is not None
        assert sample.read_at == again.read_at
        assert list(sample.releases) == list(again.releases)
        assert "https://x/simple/" == snapshot.index_url
        assert date(2026, 11, 29) == snapshot.generated
        assert ("pkg-x",) == snapshot.names()

    def test_per_file_values_only_where_files_differ(self, tmp_path):
        """Rows list per-file values only where a release's files differ,
        and still start with the six elements older readers know."""
        files = encode([_sample()], index_url="u", generated=date(2026, 1, 1))
        rows = json.loads(files["pkg-x.json"])["releases"]
        assert [5, 6, 5, 7] == [len(row) for row in rows]
        assert "pkg_x" == rows[3][5]  # the name, so old readers still work
        tags = json.loads(files[INDEX_FILE])["tags"]
        per_file = {tags[i]: (r, y) for i, r, y in rows[3][6]}
        assert {
            "cp311-cp311-win_amd64": (">=3.11", False),
            "cp310-cp310-win_amd64": (">=3.12", True),
        } == per_file
        found = _write(tmp_path, files).project("pkg-x")
        assert found is not None
        wheels = found.releases[3].wheels
        assert {
            "pkg_x-4.0-cp312-cp312-win_amd64.whl": (">=3.12", False),
            "pkg_x-4.0-cp311-cp311-win_amd64.whl": (">=3.11", False),
            "pkg_x-4.0-cp310-cp310-win_amd64.whl": (">=3.12", True),
        } == {w.filename: (w.requires_python, w.yanked) for w in wheels}

    def test_one_release_per_line(self):
        """Each release is one line, so a new release is a one-line diff."""
        files = encode([_sample()], index_url="u", generated=date(2026, 1, 1))
        lines = files["pkg-x.json"].splitlines()
        assert 4 == sum(line.startswith('["') for line in lines)
        json.loads(files["pkg-x.json"])
        json.loads(files[INDEX_FILE])

    def test_tag_ids_stay(self):
        """Earlier tag ids keep their number; new tags are appended."""
        files = encode(
            [_sample()],
            index_url="u",
            generated=date(2026, 1, 1),
            previous_tags=["cp99-cp99-win_amd64", "py3-none-any"],
        )
        tags = json.loads(files[INDEX_FILE])["tags"]
        assert ["cp99-cp99-win_amd64", "py3-none-any"] == tags[:2]
        assert "cp36-cp36m-manylinux1_x86_64" in tags[2:]

    def test_lazy_rows_behave_like_a_sequence(self, tmp_path):
        """Decoded rows support len, negative indexes, slices and IndexError."""
        files = encode([_sample()], index_url="u", generated=date(2026, 1, 1))
        found = _write(tmp_path, files).project("pkg-x")
        assert found is not None
        releases = found.releases
        assert 4 == len(releases)
        assert "3.0rc1" == releases[-2].version
        assert releases[-2].prerelease
        assert ["1.0"] == [r.version for r in releases[:1]]
        assert releases[0] is releases[0]
        with pytest.raises(IndexError):
            releases[4]

    def test_project_without_wheels(self, tmp_path):
        """A project with only sdists gets a default wheel-name spelling."""
        sdist_only = Project(
            name="a-b",
            read_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
            releases=(IndexRelease("1.0", None, None, False, (), True),),
        )
        files = encode([sdist_only], index_url="u", generated=date(2026, 1, 1))
        assert "a_b" == json.loads(files["a-b.json"])["wheel_name"]
