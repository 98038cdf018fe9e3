"""dlchoose.compatibility(): the answer per framework, from the public API."""

from __future__ import annotations

import json

import pytest

import dlchoose

from dlchoose import (
    CompatibilityReason,
    DataOrigin,
    Framework,
    IndexData,
    Target,
)
from dlchoose.exceptions import UnknownFrameworkError, UnknownTargetError
from tests.index_server import IndexServer


R = CompatibilityReason


def one(name: str, **kwargs):
    (answer,) = dlchoose.compatibility([name], **kwargs)
    return answer


class TestDoneMeans:
    def test_every_framework_cpython_311_manylinux(self):
        """Every registry framework gets an answer for CPython 3.11 manylinux."""
        answers = dlchoose.compatibility(
            python="3.11", platform="manylinux_2_28_x86_64"
        )
        assert [f.key for f in dlchoose.frameworks()] == [
            a.framework for a in answers
        ]
        by_key = {a.framework: a for a in answers}
        for key in ("pytorch", "tensorflow", "keras", "onnxruntime"):
            assert by_key[key].installable, key
            assert (by_key[key].file or "").endswith(".whl")
        assert R.NO_WHEEL_FOR_PYTHON is by_key["cntk"].reason
        for key in ("torch7", "caffe", "leaf", "dl4j"):
            assert R.NOT_PYTHON is by_key[key].reason
            assert not by_key[key].installable
            assert by_key[key].data is None

    def test_tensorflow_313_windows(self):
        """TensorFlow for CPython 3.13 on Windows: the newest release, a cp313 wheel."""
        answer = one("tensorflow", python="3.13", platform="win_amd64")
        assert answer.installable
        assert answer.file.endswith("-cp313-cp313-win_amd64.whl")
        assert answer.version == answer.latest
        assert answer.reason is None
        assert "--platform win_amd64" in answer.download_command

    def test_torch_312_intel_mac(self):
        """PyTorch for CPython 3.12 on an Intel Mac: 2.2.2, no newer platform wheel."""
        answer = one("torch", python="3.12", platform="macosx_11_0_x86_64")
        assert ("2.2.2", R.NO_WHEEL_FOR_PLATFORM) == (
            answer.version,
            answer.reason,
        )
        assert "newest that fits: 2.2.2" in answer.detail
        assert "pip install torch==2.2.2" == answer.install_command
        assert "--platform macosx_10_9_x86_64" in answer.download_command
        assert answer.latest != answer.version

    def test_cntk_names_its_pythons(self):
        """CNTK says which Pythons have wheels (up to 3.6)."""
        answer = one("cntk", python="3.11", platform="manylinux_2_28_x86_64")
        assert not answer.installable
        assert "cp36" == answer.pythons[-1]
        assert "cp36" in answer.detail
        assert answer.install_command is None


class TestAnswers:
    def test_here_by_default(self):
        """Without a Python or platform the target is this interpreter."""
        assert one("torch").target.here

    def test_distribution_names(self):
        """A variant's distribution name checks that variant."""
        answer = one("tensorflow-cpu", python="3.11", platform="win_amd64")
        assert ("tensorflow", "tensorflow-cpu") == (
            answer.framework,
            answer.distribution,
        )

    def test_source_is_the_snapshot(self):
        """Without a refresh the data is the bundled snapshot, dated."""
        data = one("torch").data
        assert DataOrigin.SNAPSHOT is data.origin
        assert "https://pypi.org/simple/" == data.index_url

    def test_not_on_the_index(self):
        """A registered distribution missing from the index says so."""
        answer = one("neon")
        assert R.NOT_ON_INDEX is answer.reason
        assert "no release on the package index" in answer.detail

    def test_only_sdist(self):
        """Theano ships only an sdist: not installable as a wheel, and why."""
        answer = one("theano", python="3.11", platform="manylinux_2_28_x86_64")
        assert (False, R.ONLY_SDIST) == (answer.installable, answer.reason)
        assert "source distribution" in answer.detail

    def test_requires_python(self):
        """A newer release needing a newer Python is named with its specifier."""
        answer = one("jax", python="3.11", platform="manylinux_2_28_x86_64")
        assert R.REQUIRES_PYTHON is answer.reason
        assert "requires Python >=3.12" in answer.detail

    def test_prerelease_only_variant(self):
        """A nightly-only variant is installable as a pre-release, flagged."""
        answer = one(
            "tf-nightly", python="3.12", platform="manylinux_2_28_x86_64"
        )
        assert answer.installable
        assert R.ONLY_PRERELEASES is answer.reason
        assert "pre-releases" in answer.detail

    def test_yanked_only_words(self):
        """The words for a yanked-only answer name the version pip takes."""
        from packaging.tags import parse_tag

        from dlchoose._index import _api
        from dlchoose._index._releases import IndexRelease, Project, Wheel
        from dlchoose._index._select import select

        wheel = Wheel("x-1.0-py3-none-any.whl", parse_tag("py3-none-any"))
        found = Project(
            name="x",
            releases=(IndexRelease("1.0", None, None, True, (wheel,), False),),
            read_at=one("torch").data.read_at,
        )
        target = Target.of("3.11", "win_amd64")
        chosen = select(found, target)
        assert "only yanked releases fit: pip takes 1.0" in _api._why(
            chosen, target
        )

    def test_platform_words_rank_similar_platforms(self):
        """Platforms like the target's come first; none gives no list."""
        from dlchoose._index import _api
        from dlchoose._index._releases import IndexRelease

        target = Target.of("3.11", "manylinux_2_28_x86_64")
        mlx = one("mlx", python="3.11", platform="manylinux_2_28_x86_64")
        assert "(it has wheels for manylinux_2_35_x86_64," in mlx.detail
        bare = IndexRelease("1.0", None, None, False, (), True)
        assert "" == _api._has(bare, target)

    def test_pre_flag(self):
        """pre=True lets a newer pre-release win where one exists."""
        stable = one(
            "tensorflow", python="3.12", platform="manylinux_2_28_x86_64"
        )
        pre = one(
            "tensorflow",
            python="3.12",
            platform="manylinux_2_28_x86_64",
            pre=True,
        )
        assert pre.version != stable.version or pre.latest == stable.latest

    def test_how_non_python_frameworks_install(self):
        """Non-Python frameworks say how they are installed instead."""
        answers = {
            a.framework: a.detail
            for a in dlchoose.compatibility(
                ["dl4j", "leaf", "caffe2", "torch7"]
            )
        }
        assert "Maven" in answers["dl4j"]
        assert "cargo add" in answers["leaf"]
        assert "merged into" in answers["caffe2"]
        assert "not on the Python package index" in answers["torch7"]

    def test_package_manager_commands(self):
        """npm, NuGet and Julia packages get their package manager's
        command for the first package the registry names."""
        registered = [
            Framework(
                key="jsdemo",
                name="jsdemo",
                status="active",
                npm_packages=("@demo/core",),
            ),
            Framework(
                key="netdemo",
                name="netdemo",
                status="active",
                nuget_packages=("Demo.Core",),
            ),
            Framework(
                key="jldemo",
                name="jldemo",
                status="active",
                julia_packages=("Demo",),
            ),
        ]
        for framework in registered:
            dlchoose.register_framework(framework)

        answers = {
            a.framework: a.detail
            for a in dlchoose.compatibility(
                ["jsdemo", "netdemo", "jldemo", "flux"]
            )
        }

        assert "npm install @demo/core" in answers["jsdemo"]
        assert "dotnet add package Demo.Core" in answers["netdemo"]
        assert """Pkg.add("Demo")""" in answers["jldemo"]
        assert """Pkg.add("Flux")""" in answers["flux"]

    def test_registered_framework_without_hints(self):
        """A user framework with no distribution or hints still gets words."""
        dlchoose.register_framework(
            Framework(key="homemade", name="Homemade", status="active")
        )
        answer = one("homemade")
        assert R.NOT_PYTHON is answer.reason
        assert "built from source" in answer.detail

    def test_to_dict_is_json(self):
        """to_dict is JSON-ready with the documented keys."""
        document = one(
            "torch", python="3.12", platform="macosx_11_0_x86_64"
        ).to_dict()
        json.dumps(document)
        assert [
            "framework", "name", "distribution", "target", "installable",
            "version", "file", "released", "latest", "latest_released",
            "reason", "detail", "pythons", "install_command",
            "download_command", "data", "notes",
        ] == list(document)  # fmt: skip
        assert "no-wheel-for-platform" == document["reason"]
        assert "snapshot" == document["data"]["origin"]

    def test_index_data_to_dict(self):
        """IndexData serialises its origin, time and index."""
        data = one("torch").data
        assert isinstance(data, IndexData)
        assert {"origin", "read_at", "index_url"} == set(data.to_dict())

    def test_order_follows_names_without_repeats(self):
        """Answers follow the names given, each framework once."""
        answers = dlchoose.compatibility(
            ["keras", "torch", "keras", "pytorch"]
        )
        assert ["keras", "pytorch"] == [a.framework for a in answers]


class TestRefresh:
    def test_refresh_through_the_public_api(self):
        """refresh=True asks the given index and says the data is live."""
        with IndexServer() as server:
            answer = one(
                "cntk",
                refresh=True,
                index_url=server.url,
                python="3.6",
                platform="manylinux1_x86_64",
            )
            assert ["/simple/cntk/"] == server.paths()
        assert DataOrigin.LIVE is answer.data.origin
        assert answer.installable

    def test_offline_from_the_environment(self, monkeypatch):
        """DLCHOOSE_OFFLINE keeps a refresh off the network, with a note."""
        monkeypatch.setenv("DLCHOOSE_OFFLINE", "1")
        with IndexServer() as server:
            answer = one("cntk", refresh=True, index_url=server.url)
            assert [] == server.paths()
        assert any("offline" in note for note in answer.notes)


class TestBadInput:
    def test_string_names_refused(self):
        """A bare string is not read letter by letter."""
        with pytest.raises(TypeError, match="list of framework names"):
            dlchoose.compatibility("torch")

    def test_non_string_name(self):
        """A name that is not a string is a TypeError."""
        with pytest.raises(TypeError):
            dlchoose.compatibility([5])  # type: ignore[list-item]

    def test_not_iterable(self):
        """A non-iterable is a TypeError."""
        with pytest.raises(TypeError):
            dlchoose.compatibility(5)  # type: ignore[arg-type]

    def test_unknown_name(self):
        """An unknown name is UnknownFrameworkError."""
        with pytest.raises(UnknownFrameworkError):
            dlchoose.compatibility(["no-such-framework"])

    def test_unknown_platform(self):
        """An unknown platform is UnknownTargetError with examples."""
        with pytest.raises(UnknownTargetError, match="macosx_14_0_arm64"):
            dlchoose.compatibility(["torch"], platform="macos-arm")
