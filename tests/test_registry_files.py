"""Registry files: refused shapes (FIFOs, deep nesting, blank aliases)
and how bare entries load and show."""

from __future__ import annotations

import os

import pytest

import dlchoose

from dlchoose._cli import main


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_registry_file_refused(tmp_path):
    """A FIFO in place of a registry file is refused, naming the file."""
    fifo = tmp_path / "frameworks.json"
    os.mkfifo(fifo)
    with pytest.raises(dlchoose.exceptions.InvalidFrameworkError) as info:
        dlchoose.load_frameworks(fifo)
    assert str(fifo) in str(info.value)
    assert "not a regular file" in str(info.value)


def test_deeply_nested_registry_file_refused(tmp_path):
    """Deeply nested JSON is refused with the typed error naming the file."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(dlchoose.exceptions.InvalidFrameworkError) as info:
        dlchoose.load_frameworks(path)
    assert "nested too deeply" in str(info.value)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("alias", ["", "   "])
def test_blank_alias_refused(tmp_path, alias):
    """Empty or blank aliases are refused."""
    path = tmp_path / "f.json"
    path.write_text(
        '[{"key": "newfw", "name": "NewFW", "status": "active",'
        f' "aliases": ["{alias}"]}}]'
    )
    with pytest.raises(dlchoose.exceptions.InvalidFrameworkError) as info:
        dlchoose.load_frameworks(path)
    assert "aliases" == info.value.field


def test_show_without_summary_or_sources(capsys):
    """A bare framework shows its facts without a summary or source list."""
    dlchoose.register_framework(
        dlchoose.Framework(key="bare", name="Bare", status="active")
    )
    assert 0 == main(["show", "bare"])
    out = capsys.readouterr().out
    assert out.startswith("Bare (bare)\n\n")
    assert "Sources:" not in out


def test_null_fields_load_as_unknown(tmp_path):
    """A JSON null leaves a fact unknown."""
    path = tmp_path / "f.json"
    path.write_text(
        '[{"key": "nullfw", "name": "NullFW", "status": "active",'
        ' "homepage": null}]'
    )
    (framework,) = dlchoose.load_frameworks(path)
    assert framework.homepage is None


def test_error_without_a_field_names_none(tmp_path):
    """A model error that names no field reports the entry alone."""
    path = tmp_path / "f.json"
    path.write_text(
        '[{"key": "srcfw", "name": "SrcFW", "status": "active",'
        ' "sources": {"nonfact": [{"title": "t"}]}}]'
    )
    with pytest.raises(dlchoose.exceptions.InvalidFrameworkError) as info:
        dlchoose.load_frameworks(path)
    assert info.value.field is None
    assert "unknown fact" in str(info.value)


@pytest.mark.parametrize(
    ("release", "reason"),
    [
        ({"version": "1", "per_python": {"3.10": "1"}}, "list of objects"),
        ({"version": "1", "per_python": ["3.10"]}, "list of objects"),
        ({"version": "1", "yanked": "0.9"}, "list of strings"),
        ({"version": "1", "origin": "rumour"}, "rumour"),
        ({"version": "1", "per_python": [{"python": "py3"}]}, "python"),
    ],
)
def test_bad_release_details_refused(release, reason):
    """Release provenance in a registry file is checked like any field."""
    from dlchoose._registry._files import framework_from_dict

    entry = {"key": "x", "name": "X", "status": "active"}
    with pytest.raises(dlchoose.exceptions.InvalidFrameworkError) as info:
        framework_from_dict({**entry, "latest_release": release})
    assert "latest_release" == info.value.field
    assert reason in info.value.reason


def test_release_provenance_loads_from_a_file():
    """A registry entry's release keeps its per-Python view and origin."""
    from dlchoose._registry._files import framework_from_dict

    framework = framework_from_dict(
        {
            "key": "x",
            "name": "X",
            "status": "active",
            "latest_release": {
                "version": "2",
                "origin": "hand",
                "per_python": [{"python": "3.10", "version": "1"}],
                "yanked": ["2.1"],
            },
        }
    )
    release = framework.latest_release
    assert release is not None
    assert (dlchoose.ReleaseOrigin.HAND, "1", ("2.1",)) == (
        release.origin,
        release.for_python("3.10").version,
        release.yanked,
    )
