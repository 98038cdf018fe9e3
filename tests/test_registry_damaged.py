"""A damaged bundled releases.json: entries left out, one note, no crash."""

from __future__ import annotations

import json
import logging

import pytest

import dlchoose

from dlchoose._cli import main
from dlchoose._registry import _releases
from dlchoose._registry._lookup import reset_registry
from dlchoose._registry._releases import RELEASES_FILE, read_releases


SHIPPED = RELEASES_FILE.read_text(encoding="utf-8")


@pytest.fixture(name="damage")
def _damage(tmp_path, monkeypatch):
    """Replace the bundled file for this test (cache and registry reset)."""
    path = tmp_path / "releases.json"

    def write(text: str) -> None:
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(_releases, "RELEASES_FILE", path)
        _releases.bundled_releases.cache_clear()
        reset_registry()

    yield write
    _releases.bundled_releases.cache_clear()
    reset_registry()


def _edited(name: str, **fields: object) -> str:
    document = json.loads(SHIPPED)
    document["releases"][name].update(fields)
    return json.dumps(document)


@pytest.mark.parametrize(
    "text", [SHIPPED[:500], '{"index": "x"}', "[]", "", "\x00\xff"]
)
def test_unreadable_file_gives_no_index_release(damage, text, caplog):
    """An unreadable file: no index releases, one logged line, no error."""
    damage(text)
    with caplog.at_level(logging.WARNING, "dlchoose.registry"):
        pytorch = dlchoose.get_framework("pytorch")
        dlchoose.frameworks()
    assert pytorch.latest_release is None
    assert 1 == len(caplog.records)
    assert "unreadable" in caplog.text
    # Hand-written releases stay.
    assert dlchoose.get_framework("caffe").latest_release is not None


@pytest.mark.parametrize(
    "fields",
    [
        {"version": "not a version!"},
        {"version": "2.15.0+cpu"},
        {"version": 3},
        {"date": "2027-01-01"},
        {"date": "yesterday"},
        {"observed_on": "2030-01-01"},
        {"per_python": [{"python": "3.10", "version": "x y"}]},
        {"yanked": ["??"]},
        {"origin": "elsewhere"},
    ],
)
def test_bad_entry_is_left_out(damage, fields, caplog):
    """A bad version or a date after the reading day drops that entry only."""
    damage(_edited("torch", **fields))
    with caplog.at_level(logging.WARNING, "dlchoose.registry"):
        assert dlchoose.get_framework("pytorch").latest_release is None
    jax = dlchoose.get_framework("jax").latest_release
    assert jax is not None
    assert "0.12.0.1" == jax.version
    assert "1 damaged entries (torch)" in caplog.text


@pytest.mark.parametrize(
    "fields",
    [
        {"yanked": ["2.16.0rc1"]},
        {"yanked": ["2.16.0.post1"]},
        {"version": "2.15.0.post1"},
        {"per_python": [{"python": "3.10", "version": "2.14.1.dev3"}]},
    ],
)
def test_valid_unusual_versions_are_kept(damage, fields):
    """Pre-, post- and dev-release spellings are valid PEP 440 versions:
    the entry stays (they are checked by packaging, not the plain-number
    shortcut)."""
    damage(_edited("torch", **fields))
    assert dlchoose.get_framework("pytorch").latest_release is not None


def test_entry_that_is_not_an_object_is_left_out(damage, caplog):
    """An entry that is not a JSON object is dropped like a bad one."""
    document = json.loads(SHIPPED)
    document["releases"]["torch"] = ["2.15.0"]
    damage(json.dumps(document))
    with caplog.at_level(logging.WARNING, "dlchoose.registry"):
        assert dlchoose.get_framework("pytorch").latest_release is None
    assert "1 damaged entries (torch)" in caplog.text


def test_show_with_damaged_file_has_no_traceback(damage, capsys):
    """`dlchoose show` answers with an unknown release, exit 0."""
    damage(SHIPPED[:500])
    assert 0 == main(["show", "pytorch"])
    out = capsys.readouterr().out
    assert "PyTorch" in out
    assert "latest release: 2.15.0" not in out
    assert "index read" not in out


def test_show_with_bad_version_hides_it(damage, capsys):
    """A garbage version is never shown as the latest release."""
    damage(_edited("torch", version="not a version!"))
    assert 0 == main(["show", "pytorch"])
    out = capsys.readouterr().out
    assert "not a version!" not in out
    assert "(2026-10-28)" not in out


def test_many_bad_entries_in_one_line():
    """Several bad entries are summed up in one short problem line."""
    document = json.loads(SHIPPED)
    for name in ("torch", "jax", "keras", "mlx"):
        document["releases"][name]["version"] = "bad!"
    found = read_releases(document)
    assert found.problem == (
        "4 damaged entries (jax, keras, mlx, …) in releases.json"
    )
    assert "torch" not in found.releases


def test_shipped_file_has_no_problem():
    """The shipped file reads without a problem."""
    assert _releases.bundled_releases().problem is None
