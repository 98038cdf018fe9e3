"""Targets: this interpreter, or a Python version and a platform tag."""

from __future__ import annotations

import pickle
import sys

import pytest

from packaging.tags import (
    Tag,
    compatible_tags,
    cpython_tags,
    mac_platforms,
    platform_tags,
    sys_tags,
)

from dlchoose import Target
from dlchoose.exceptions import UnknownTargetError


class TestHere:
    def test_current_is_sys_tags(self):
        """This interpreter's target accepts exactly packaging's sys_tags."""
        target = Target.current()
        tags = list(sys_tags())
        assert target.here
        assert all(
            target.rank(frozenset({tag})) == i for i, tag in enumerate(tags)
        )
        assert tuple(platform_tags()) == target.platforms

    def test_python_is_the_full_version(self):
        """requires-python is checked against the full running version."""
        info = sys.version_info
        assert (
            f"{info.major}.{info.minor}.{info.micro}"
            == Target.current().python
        )

    def test_no_arguments_is_here(self):
        """Target.of() without a Python or platform is this interpreter."""
        assert Target.of() == Target.current()

    def test_describe_names_this_machine(self):
        """The description says the target is this machine."""
        assert "(this machine)" in Target.current().describe()

    @pytest.mark.skipif(
        not any(p.startswith("manylinux_") for p in platform_tags()),
        reason="needs a glibc Linux",
    )
    def test_manylinux_expansion_matches_packaging_here(self):
        """Expanding this machine's newest manylinux tag gives packaging's list."""
        here = [p for p in platform_tags() if p.startswith("manylinux")]
        newest = here[0]
        target = Target.of(platform=newest)
        assert here == [
            p for p in target.platforms if p.startswith("manylinux")
        ]

    def test_python_only_keeps_this_platform(self):
        """A Python version alone keeps this machine's platforms."""
        target = Target.of("3.12")
        assert "3.12" == target.python
        assert not target.here
        assert tuple(platform_tags()) == target.platforms


class TestOtherTarget:
    def test_tags_are_pips(self):
        """Another target ranks tags as pip does: cpython_tags then compatible_tags."""
        target = Target.of("3.12", "win_amd64")
        expected = [
            *cpython_tags((3, 12), platforms=["win_amd64"]),
            *compatible_tags(
                (3, 12), interpreter="cp312", platforms=["win_amd64"]
            ),
        ]
        for i, tag in enumerate(expected):
            assert i == target.rank(frozenset({tag}))

    def test_manylinux_2_28_accepts_older_and_legacy(self):
        """manylinux_2_28 accepts older glibc tags and the legacy aliases."""
        platforms = Target.of("3.11", "manylinux_2_28_x86_64").platforms
        assert "manylinux_2_28_x86_64" == platforms[0]
        for tag in (
            "manylinux_2_17_x86_64",
            "manylinux2014_x86_64",
            "manylinux2010_x86_64",
            "manylinux1_x86_64",
            "linux_x86_64",
        ):
            assert tag in platforms
        assert "manylinux_2_29_x86_64" not in platforms
        assert platforms.index("manylinux2014_x86_64") == 1 + platforms.index(
            "manylinux_2_17_x86_64"
        )

    def test_legacy_alias_is_its_glibc(self):
        """manylinux2014 stands for glibc 2.17 and accepts what that accepts."""
        legacy = Target.of("3.11", "manylinux2014_x86_64").platforms
        modern = Target.of("3.11", "manylinux_2_17_x86_64").platforms
        assert legacy == modern

    def test_aarch64_stops_at_2_17(self):
        """Non-x86 manylinux starts at glibc 2.17 (manylinux2014)."""
        platforms = Target.of("3.11", "manylinux_2_28_aarch64").platforms
        assert "manylinux_2_17_aarch64" in platforms
        assert "manylinux_2_16_aarch64" not in platforms
        assert "manylinux1_aarch64" not in platforms

    def test_musllinux_accepts_older_musl(self):
        """musllinux_1_2 accepts musllinux_1_1 and 1_0, not manylinux."""
        platforms = Target.of("3.12", "musllinux_1_2_aarch64").platforms
        assert (
            "musllinux_1_2_aarch64",
            "musllinux_1_1_aarch64",
            "musllinux_1_0_aarch64",
            "linux_aarch64",
        ) == platforms

    def test_macos_uses_mac_platforms(self):
        """macOS targets accept what packaging.tags.mac_platforms lists."""
        target = Target.of("3.12", "macosx_14_0_arm64")
        assert tuple(mac_platforms((14, 0), "arm64")) == target.platforms
        assert "macosx_11_0_arm64" in target.platforms
        assert "macosx_10_9_x86_64" not in target.platforms

    def test_macos_x86_accepts_older_macos(self):
        """macosx_11_0_x86_64 accepts wheels built for macOS 10.9."""
        assert (
            "macosx_10_9_x86_64"
            in Target.of("3.12", "macosx_11_0_x86_64").platforms
        )

    @pytest.mark.parametrize(
        "platform", ["win_amd64", "win_arm64", "win32", "linux_x86_64"]
    )
    def test_literal_platforms(self, platform):
        """Windows and plain linux tags accept only themselves."""
        assert (platform,) == Target.of("3.12", platform).platforms

    def test_accepts_interpreter(self):
        """The interpreter check ignores the platform."""
        target = Target.of("3.12", "win_amd64")
        assert target.accepts_interpreter(
            Tag("cp312", "cp312", "linux_x86_64")
        )
        assert not target.accepts_interpreter(
            Tag("cp36", "cp36m", "win_amd64")
        )

    def test_to_dict(self):
        """to_dict gives the Python, the platform and whether it is here."""
        assert {
            "python": "3.13",
            "platform": "win_amd64",
            "here": False,
        } == Target.of("3.13", "win_amd64").to_dict()

    def test_describe(self):
        """The description names the CPython version and the platform."""
        assert (
            "CPython 3.13 on win_amd64"
            == Target.of("3.13", "win_amd64").describe()
        )


class TestBadTargets:
    @pytest.mark.parametrize(
        "platform",
        [
            "macos",
            "manylinux_2_28_sparc",
            "manylinux_2_4_x86_64",
            "manylinux2014_mips",
            "musllinux_1_2_z80",
            "macosx_11_0_sparc",
            "macosx_9_0_x86_64",
            "linux_z80",
            "win_x86_64",
            "",
        ],
    )
    def test_unknown_platform(self, platform):
        """An unknown platform tag is a typed error listing valid examples."""
        with pytest.raises(UnknownTargetError) as info:
            Target.of("3.12", platform)
        assert "platform" == info.value.kind
        assert "win_amd64" in info.value.examples
        assert "manylinux_2_28_x86_64" in str(info.value)

    @pytest.mark.parametrize(
        "python", ["2.7", "3", "three", "3.12.1.1", "4.0", ""]
    )
    def test_unknown_python(self, python):
        """An unknown Python version is a typed error (also a ValueError)."""
        with pytest.raises(ValueError, match="Unknown Python version") as info:
            Target.of(python, "win_amd64")
        assert isinstance(info.value, UnknownTargetError)
        assert "3.12" in info.value.examples

    def test_python_with_micro_is_fine(self):
        """A full version names its minor: 3.12.4 targets cp312."""
        assert "3.12" == Target.of("3.12.4", "win_amd64").python

    @pytest.mark.parametrize("value", [3.12, 312, ["3.12"]])
    def test_wrong_types(self, value):
        """Non-string arguments are a TypeError."""
        with pytest.raises(TypeError):
            Target.of(value, "win_amd64")
        with pytest.raises(TypeError):
            Target.of("3.12", value)

    def test_error_pickles(self):
        """The error survives pickling with its attributes."""
        err = UnknownTargetError("platform", "x", ("win_amd64",))
        again = pickle.loads(pickle.dumps(err))
        assert ("platform", "x", ("win_amd64",)) == (
            again.kind,
            again.value,
            again.examples,
        )
