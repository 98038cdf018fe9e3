"""Choosing the release and file pip would install, and saying why not newer."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.tags import parse_tag
from packaging.utils import parse_wheel_filename
from packaging.version import Version

from dlchoose import CompatibilityReason, Target
from dlchoose._index._releases import IndexRelease, Project, Wheel
from dlchoose._index._select import select as _select
from dlchoose._index._select import why_not
from dlchoose._index._snapshot import bundled


def select(found, target, **kwargs):
    """select(), untyped: tests assert on the optional parts of its answer."""
    return _select(found, target, **kwargs)


def snap(name):
    """The recorded project (untyped: tests assert on its optional parts)."""
    return bundled().project(name)


R = CompatibilityReason
LINUX = Target.of("3.11", "manylinux_2_28_x86_64")
WINDOWS_313 = Target.of("3.13", "win_amd64")
MAC_INTEL_312 = Target.of("3.12", "macosx_11_0_x86_64")


def wheel(
    tags: str,
    name: str = "pkg",
    version: str = "1.0",
    *,
    requires: str | None = None,
    yanked: bool = False,
) -> Wheel:
    filename = f"{name}-{version}-{tags}.whl"
    return Wheel(filename, parse_wheel_filename(filename)[3], requires, yanked)


def release(
    version: str,
    *tags: str,
    requires: str | None = None,
    yanked: bool = False,
    sdist: bool = False,
    day: date | None = date(2024, 1, 1),
) -> IndexRelease:
    return IndexRelease(
        version=version,
        uploaded=day,
        requires_python=requires,
        yanked=yanked,
        wheels=tuple(
            wheel(t, version=version, requires=requires, yanked=yanked)
            for t in tags
        ),
        sdist=sdist,
        prerelease=Version(version).is_prerelease,
    )


def project(*releases: IndexRelease) -> Project:
    return Project(
        name="pkg",
        releases=releases,
        read_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
    )


class TestChoice:
    def test_newest_fitting_release(self):
        """The newest release with a fitting wheel is chosen, reason None."""
        chosen = select(
            project(
                release("1.0", "py3-none-any"),
                release("2.0", "cp311-cp311-manylinux_2_17_x86_64"),
            ),
            LINUX,
        )
        assert "2.0" == chosen.chosen.version
        assert chosen.latest is chosen.chosen
        assert chosen.reason is None

    def test_preferred_file_within_a_release(self):
        """Within a release the file with the target's best tag wins."""
        chosen = select(
            project(
                release(
                    "1.0",
                    "py3-none-any",
                    "cp311-cp311-manylinux_2_28_x86_64",
                    "cp311-abi3-manylinux_2_17_x86_64",
                )
            ),
            LINUX,
        )
        assert chosen.wheel.filename.endswith(
            "cp311-cp311-manylinux_2_28_x86_64.whl"
        )

    def test_older_release_and_reason(self):
        """When the newest has no wheel for the platform, the older one that
        fits is chosen and the reason says why not the newest."""
        chosen = select(
            project(
                release("1.0", "cp312-cp312-macosx_10_9_x86_64"),
                release("2.0", "cp312-cp312-macosx_11_0_arm64"),
            ),
            MAC_INTEL_312,
        )
        assert "1.0" == chosen.chosen.version
        assert "2.0" == chosen.latest.version
        assert R.NO_WHEEL_FOR_PLATFORM is chosen.reason

    def test_no_wheel_for_python_lists_the_pythons(self):
        """No wheel for this Python lists the Pythons the platform has."""
        chosen = select(
            project(
                release(
                    "2.7",
                    "cp35-cp35m-manylinux1_x86_64",
                    "cp36-cp36m-manylinux1_x86_64",
                    "cp36-cp36m-win_amd64",
                )
            ),
            LINUX,
        )
        assert chosen.chosen is None
        assert R.NO_WHEEL_FOR_PYTHON is chosen.reason
        assert ("cp35", "cp36") == chosen.pythons

    def test_requires_python_excludes(self):
        """A universal wheel whose requires-python excludes the target."""
        chosen = select(
            project(
                release("1.0", "py3-none-any", requires=">=3.8"),
                release("2.0", "py3-none-any", requires=">=3.12"),
            ),
            LINUX,
        )
        assert "1.0" == chosen.chosen.version
        assert R.REQUIRES_PYTHON is chosen.reason

    def test_only_sdist(self):
        """A release with only a source distribution is not installable."""
        chosen = select(project(release("1.0", sdist=True)), LINUX)
        assert chosen.chosen is None
        assert R.ONLY_SDIST is chosen.reason

    def test_sdist_excluded_by_requires_python(self):
        """An sdist the target's Python is excluded from is requires-python."""
        chosen = select(
            project(release("1.0", sdist=True, requires=">=3.12")), LINUX
        )
        assert R.REQUIRES_PYTHON is chosen.reason

    def test_not_on_index(self):
        """A project without releases is not on the index."""
        chosen = select(project(), LINUX)
        assert (None, None, R.NOT_ON_INDEX) == (
            chosen.chosen,
            chosen.latest,
            chosen.reason,
        )

    def test_release_without_files_is_skipped(self):
        """A release with no files is neither latest nor chosen."""
        chosen = select(
            project(release("1.0", "py3-none-any"), release("2.0")), LINUX
        )
        assert ("1.0", "1.0") == (chosen.chosen.version, chosen.latest.version)


class TestPreAndYanked:
    def test_prerelease_skipped_by_default(self):
        """A newer pre-release does not win without pre."""
        chosen = select(
            project(
                release("1.0", "py3-none-any"),
                release("2.0rc1", "py3-none-any"),
            ),
            LINUX,
        )
        assert ("1.0", None) == (chosen.chosen.version, chosen.reason)
        assert "1.0" == chosen.latest.version

    def test_prerelease_with_pre(self):
        """With pre, the newer pre-release wins and is the latest."""
        chosen = select(
            project(
                release("1.0", "py3-none-any"),
                release("2.0rc1", "py3-none-any"),
            ),
            LINUX,
            pre=True,
        )
        assert ("2.0rc1", None) == (chosen.chosen.version, chosen.reason)

    def test_only_prereleases_fit(self):
        """When only pre-releases fit, pip takes one; the reason says so."""
        chosen = select(
            project(
                release("1.0", "cp36-cp36m-manylinux1_x86_64"),
                release("2.0rc1", "py3-none-any"),
            ),
            LINUX,
        )
        assert "2.0rc1" == chosen.chosen.version
        assert R.ONLY_PRERELEASES is chosen.reason

    def test_only_prereleases_exist(self):
        """A nightly-only project: the newest pre-release, flagged."""
        chosen = select(
            project(
                release("2.0.dev1", "py3-none-any"),
                release("2.0.dev2", "py3-none-any"),
            ),
            LINUX,
        )
        assert "2.0.dev2" == chosen.chosen.version
        assert chosen.latest is chosen.chosen
        assert R.ONLY_PRERELEASES is chosen.reason

    def test_yanked_skipped(self):
        """A yanked newer release is passed over (PEP 592)."""
        chosen = select(
            project(
                release("1.0", "py3-none-any"),
                release("2.0", "py3-none-any", yanked=True),
            ),
            LINUX,
        )
        assert ("1.0", "1.0", None) == (
            chosen.chosen.version,
            chosen.latest.version,
            chosen.reason,
        )

    def test_only_yanked_fits(self):
        """When only yanked releases fit, pip takes one with a warning."""
        chosen = select(
            project(
                release("1.0", "py3-none-any", yanked=True),
                release("2.0", "cp36-cp36m-win_amd64"),
            ),
            LINUX,
        )
        assert "1.0" == chosen.chosen.version
        assert R.ONLY_YANKED is chosen.reason

    def test_everything_yanked(self):
        """If every release is yanked, the newest yanked one is the latest."""
        chosen = select(
            project(release("1.0", "py3-none-any", yanked=True)), LINUX
        )
        assert "1.0" == chosen.latest.version
        assert R.ONLY_YANKED is chosen.reason


class TestPerFile:
    def test_each_file_has_its_own_requires_python(self):
        """pip judges each file's requires-python: one wheel of a release
        that fits is enough, even when its other files need a newer Python."""
        newer = release("2.0")._replace(
            requires_python=">=3.12",
            wheels=(
                wheel(
                    "cp312-cp312-linux_x86_64",
                    version="2.0",
                    requires=">=3.12",
                ),
                wheel(
                    "cp313-cp313-linux_x86_64",
                    version="2.0",
                    requires=">=3.12",
                ),
                wheel(
                    "cp311-cp311-linux_x86_64",
                    version="2.0",
                    requires=">=3.11",
                ),
            ),
        )
        chosen = select(
            project(release("1.0", "py3-none-any", requires=">=3.8"), newer),
            Target.of("3.11", "linux_x86_64"),
        )
        assert ("2.0", "pkg-2.0-cp311-cp311-linux_x86_64.whl", None) == (
            chosen.chosen.version,
            chosen.wheel.filename,
            chosen.reason,
        )

    def test_yanked_file_loses_to_a_good_file_of_an_older_release(self):
        """A yanked file counts only when no file that is not yanked fits,
        even though the rest of its release is not yanked."""
        newer = release("2.0", "cp312-cp312-win_amd64")._replace(
            wheels=(
                wheel("cp312-cp312-win_amd64", version="2.0"),
                wheel("py3-none-any", version="2.0", yanked=True),
            ),
        )
        chosen = select(project(release("1.0", "py3-none-any"), newer), LINUX)
        assert "1.0" == chosen.chosen.version
        alone = select(project(newer), LINUX)
        assert ("2.0", R.ONLY_YANKED) == (alone.chosen.version, alone.reason)

    def test_good_file_beats_a_yanked_file_of_the_same_release(self):
        """Within a release a file that is not yanked beats a yanked one
        whose tag the target would prefer."""
        both = release("2.0")._replace(
            wheels=(
                wheel(
                    "cp311-cp311-manylinux_2_28_x86_64",
                    version="2.0",
                    yanked=True,
                ),
                wheel("py3-none-any", version="2.0"),
            ),
        )
        chosen = select(project(both), LINUX)
        assert ("pkg-2.0-py3-none-any.whl", None) == (
            chosen.wheel.filename,
            chosen.reason,
        )


class TestWhyNot:
    def test_platform(self):
        """Wheels for other platforms only: no wheel for the platform."""
        assert R.NO_WHEEL_FOR_PLATFORM is why_not(
            release("1.0", "cp311-cp311-win_amd64"), LINUX
        )

    def test_sdist_beats_platform(self):
        """An sdist next to foreign wheels: pip would build it."""
        assert R.ONLY_SDIST is why_not(
            release("1.0", "cp311-cp311-win_amd64", sdist=True), LINUX
        )


def _snapshot_select(name: str, target: Target, **kwargs: bool):
    found = snap(name)
    assert found is not None, name
    return select(found, target, **kwargs)


class TestGoldenHistory:
    """Facts from the real index, as recorded in the bundled snapshot."""

    def test_first_tensorflow_with_cp313(self):
        """TensorFlow's first final release with a cp313 wheel is 2.20.0
        (August 2025), after 2.20.0rc0."""
        found = snap("tensorflow")
        with_313 = [
            r
            for r in found.releases
            if any(t.interpreter == "cp313" for w in r.wheels for t in w.tags)
        ]
        assert "2.20.0rc0" == with_313[0].version
        first = next(
            r for r in with_313 if not Version(r.version).is_prerelease
        )
        assert "2.20.0" == first.version
        assert date(2025, 8, 1) <= first.uploaded < date(2025, 9, 1)

    def test_tensorflow_313_windows(self):
        """TensorFlow for CPython 3.13 on Windows is installable from 2.20."""
        chosen = _snapshot_select("tensorflow", WINDOWS_313)
        assert Version(chosen.chosen.version) >= Version("2.20")
        assert chosen.wheel.filename.endswith("cp313-cp313-win_amd64.whl")

    def test_tensorflow_219_had_no_cp313(self):
        """Before 2.20 the answer for 3.13 was 'no wheel for this Python'."""
        found = snap("tensorflow")
        old = project(
            *[r for r in found.releases if r.version.startswith("2.19")]
        )
        chosen = select(old, WINDOWS_313)
        assert chosen.chosen is None
        assert R.NO_WHEEL_FOR_PYTHON is chosen.reason
        assert "cp312" in chosen.pythons

    def test_torch_last_intel_mac(self):
        """PyTorch's last macOS x86_64 wheel is 2.2.2, for CPython 3.12 too."""
        chosen = _snapshot_select("torch", MAC_INTEL_312)
        assert "2.2.2" == chosen.chosen.version
        assert (
            "torch-2.2.2-cp312-none-macosx_10_9_x86_64.whl"
            == chosen.wheel.filename
        )
        assert R.NO_WHEEL_FOR_PLATFORM is chosen.reason

    def test_cntk_newest_python_is_36(self):
        """CNTK's wheels stop at CPython 3.6."""
        chosen = _snapshot_select("cntk", LINUX)
        assert chosen.chosen is None
        assert "cp36" == chosen.pythons[-1]
        assert "2.7" <= chosen.latest.version
        assert (
            "2.7"
            == _snapshot_select(
                "cntk", Target.of("3.6", "manylinux1_x86_64")
            ).chosen.version[:3]
        )

    def test_tf_nightly_is_prerelease_only(self):
        """tf-nightly has only dev releases: pip takes one, flagged."""
        chosen = _snapshot_select("tf-nightly", LINUX)
        assert R.ONLY_PRERELEASES is chosen.reason
        assert ".dev" in chosen.chosen.version


# -- properties -------------------------------------------------------------

_TAGS = [
    "py3-none-any",
    "cp311-cp311-manylinux_2_17_x86_64",
    "cp311-cp311-manylinux_2_34_x86_64",
    "cp312-cp312-manylinux_2_28_x86_64",
    "cp311-abi3-manylinux2014_x86_64",
    "cp36-cp36m-manylinux1_x86_64",
    "cp311-cp311-win_amd64",
    "cp312-cp312-macosx_11_0_arm64",
    "cp312-cp312-macosx_10_9_x86_64",
    "py2-none-any",
]
_TARGETS = [
    LINUX,
    WINDOWS_313,
    MAC_INTEL_312,
    Target.of("3.12", "macosx_14_0_arm64"),
    Target.of("3.11", "win_amd64"),
]


@st.composite
def releases(draw: st.DrawFn) -> list[IndexRelease]:
    count = draw(st.integers(0, 6))
    result = []
    for i in range(count):
        tags = draw(st.lists(st.sampled_from(_TAGS), max_size=4, unique=True))
        result.append(
            release(
                f"{i + 1}.0" + draw(st.sampled_from(["", "", "rc1"])),
                *tags,
                requires=draw(
                    st.sampled_from([None, ">=3.8", ">=3.12", "<3.7"])
                ),
                yanked=draw(st.booleans()) and draw(st.booleans()),
                sdist=draw(st.booleans()),
            )
        )
    return result


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(
        history=releases(),
        target=st.sampled_from(_TARGETS),
        pre=st.booleans(),
        tags=st.lists(st.sampled_from(_TAGS), max_size=3, unique=True),
    )
    def test_newer_incompatible_release_changes_nothing(
        self, history, target, pre, tags
    ):
        """Adding a newer release the target cannot use never changes the pick."""
        before = select(project(*history), target, pre=pre)
        newer = release("99.0", *tags, requires=">=3.14", sdist=False)
        after = select(project(*history, newer), target, pre=pre)
        if before.chosen is None:
            assert after.chosen is None
        else:
            assert before.chosen.version == after.chosen.version
            assert before.wheel == after.wheel

    @settings(max_examples=60, deadline=None)
    @given(
        history=releases(), target=st.sampled_from(_TARGETS), pre=st.booleans()
    )
    def test_chosen_file_fits_the_target(self, history, target, pre):
        """The chosen file always carries a tag the target accepts, and its
        release's requires-python admits the target."""
        chosen = select(project(*history), target, pre=pre)
        if chosen.wheel is None:
            assert chosen.chosen is None
            return
        assert target.rank(chosen.wheel.tags) is not None
        spec = chosen.chosen.requires_python
        if spec is not None:
            from packaging.specifiers import SpecifierSet

            assert SpecifierSet(spec).contains(target.python, prereleases=True)

    @settings(max_examples=40, deadline=None)
    @given(history=releases(), target=st.sampled_from(_TARGETS))
    def test_reason_none_means_latest(self, history, target):
        """No reason means the target gets exactly the latest release."""
        chosen = select(project(*history), target)
        if chosen.reason is None:
            assert chosen.chosen is chosen.latest


def test_parse_tag_agrees_with_wheel_filenames():
    """The helper builds wheels whose tags packaging parses the same way."""
    assert parse_tag("py3-none-any") == wheel("py3-none-any").tags


@pytest.mark.parametrize("target", _TARGETS)
def test_every_snapshot_answer_fits(target):
    """For every recorded distribution, the chosen file fits the target."""
    snapshot = bundled()
    for name in snapshot.names():
        chosen = select(snapshot.project(name), target)
        if chosen.wheel is not None:
            assert target.rank(chosen.wheel.tags) is not None, name
