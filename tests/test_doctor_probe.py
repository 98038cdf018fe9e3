"""The doctor against fake installs: real dist-info folders and modules that
fail the way real frameworks do, imported by real probe children."""

from __future__ import annotations

import json
import textwrap

from pathlib import Path
from typing import Any

import pytest

import dlchoose

from dlchoose._cli import main
from dlchoose._detect._doctor import diagnose_detections
from dlchoose._detect._doctor_model import MachineFacts


NUMPY_1_MESSAGE = """
A module that was compiled using NumPy 1.x cannot be run in
NumPy 2.2.6 as it may crash. To support both 1.x and 2.x
versions of NumPy, modules must be compiled with NumPy 2.0.
Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.
"""


class Fakes:
    """Writes fake distributions and modules into folders on sys.path."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.first = root / "first"
        self.site = root / "site"
        self.first.mkdir()
        self.site.mkdir()
        monkeypatch.setattr(
            "sys.path",
            [str(self.first), str(self.site), *__import__("sys").path],
        )

    def dist(
        self,
        name: str,
        version: str,
        *,
        requires: tuple[str, ...] = (),
        extras: tuple[str, ...] = (),
        top_level: str | None = None,
    ) -> Path:
        folder = self.site / f"{name.replace('-', '_')}-{version}.dist-info"
        folder.mkdir()
        lines = [
            "Metadata-Version: 2.1",
            f"Name: {name}",
            f"Version: {version}",
        ]
        lines += [f"Provides-Extra: {extra}" for extra in extras]
        lines += [f"Requires-Dist: {line}" for line in requires]
        (folder / "METADATA").write_text("\n".join(lines) + "\n\n")
        if top_level:
            (folder / "top_level.txt").write_text(top_level + "\n")
        return folder

    def module(
        self, name: str, code: str, *, where: Path | None = None
    ) -> None:
        package = (where or self.site) / name
        package.mkdir()
        (package / "__init__.py").write_text(textwrap.dedent(code))

    def install(
        self, name: str, version: str, code: str = "", **kwargs: Any
    ) -> None:
        """A distribution and its module (import name = *name*)."""
        self.dist(name, version, top_level=name, **kwargs)
        self.module(
            name, f"__version__ = {version!r}\n" + textwrap.dedent(code)
        )


@pytest.fixture(name="fakes")
def _fakes(tmp_path, monkeypatch):
    """An empty fake site on sys.path and a neutral Keras/TensorFlow setup."""
    for variable in (
        "KERAS_BACKEND",
        "TF_USE_LEGACY_KERAS",
        "CUDA_VISIBLE_DEVICES",
        "DLCHOOSE_CUDA_DRIVER_VERSION",
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    return Fakes(tmp_path, monkeypatch)


def _raise(kind: str, message: str, stderr: str = "") -> str:
    return (
        f"import sys\nsys.stderr.write({stderr!r})\n"
        f"raise {kind}({message!r})\n"
    )


JAX_WARNING = (
    "import sys\nsys.stderr.write('An NVIDIA GPU may be present on this"
    " machine, but a CUDA-enabled jaxlib is not installed. Falling back"
    " to cpu.\\n')\n"
)


def doctor(*names: str, timeout: float = 20.0) -> dlchoose.DoctorReport:
    return dlchoose.diagnose(list(names) or None, timeout=timeout)


def only(report: dlchoose.DoctorReport, key: str) -> dlchoose.Diagnosis:
    (found,) = [d for d in report.diagnoses if d.key == key]
    return found


def codes(diagnosis: dlchoose.Diagnosis) -> list[str]:
    return [f.code for f in diagnosis.findings]


class TestNumPy:
    def test_numpy_1_module_on_numpy_2(self, fakes):
        """NumPy's 'compiled using NumPy 1.x' text: numpy-abi, fix numpy<2."""
        fakes.dist("numpy", "2.2.6")
        fakes.install(
            "mxnet",
            "1.9.1",
            _raise(
                "ImportError",
                "numpy.core.multiarray failed to import",
                NUMPY_1_MESSAGE,
            ),
        )

        found = only(doctor("mxnet"), "mxnet")

        assert ["numpy-abi"] == codes(found)
        (finding,) = found.findings
        assert 'pip install "numpy<2"' == finding.fix
        assert "NumPy 2.2.6" in finding.cause
        assert (
            "ImportError: numpy.core.multiarray failed to import"
            in finding.evidence
        )
        assert finding.source is not None
        assert (finding.source.url or "").startswith("https://numpy.org/")
        assert dlchoose.Health.PROBLEM is found.health

    def test_requires_numpy_1_found_before_import(self, fakes):
        """Requires-Dist numpy<2 with NumPy 2 installed: numpy-major, its own pin as the fix."""
        fakes.dist("numpy", "2.2.6")
        fakes.install("mxnet", "1.9.1", requires=("numpy<2.0.0,>1.16.0",))

        (finding,) = only(doctor("mxnet"), "mxnet").findings

        assert "numpy-major" == finding.code
        assert 'pip install "numpy<2.0.0,>1.16.0"' == finding.fix
        assert (
            "Apache MXNet 1.9.1 requires numpy<2.0.0,>1.16.0"
            == finding.evidence[0]
        )
        assert "numpy 2.2.6 is installed" == finding.evidence[1]

    def test_removed_alias(self, fakes):
        """np.bool gone (NumPy 1.24): numpy-alias naming the alias, fix numpy<1.24."""
        fakes.dist("numpy", "1.26.4")
        fakes.install(
            "theano",
            "1.0.5",
            _raise(
                "AttributeError", "module 'numpy' has no attribute 'bool'."
            ),
        )

        (finding,) = only(doctor("theano"), "theano").findings

        assert "numpy-alias" == finding.code
        assert "`np.bool`" in finding.cause
        assert "1.26.4" in finding.cause
        assert 'pip install "numpy<1.24"' == finding.fix

    def test_removed_in_numpy_2(self, fakes):
        """A NumPy 2 removal message: numpy2-api naming the member."""
        fakes.dist("numpy", "2.1.0")
        fakes.install(
            "chainer",
            "7.8.1",
            _raise(
                "AttributeError",
                "`np.NaN` was removed in the NumPy 2.0 release. Use `np.nan` instead.",
            ),
        )

        (finding,) = only(doctor("chainer"), "chainer").findings

        assert "numpy2-api" == finding.code
        assert "`np.NaN`" in finding.cause


class TestKeras:
    def test_no_backend(self, fakes):
        """Keras alone: keras-no-backend, its import error as evidence."""
        fakes.install(
            "keras",
            "3.15.1",
            _raise("ModuleNotFoundError", "No module named 'tensorflow'"),
        )

        (finding,) = only(doctor("keras"), "keras").findings

        assert "keras-no-backend" == finding.code
        assert "pip install tensorflow" == finding.fix
        assert (
            "ModuleNotFoundError: No module named 'tensorflow'"
            in finding.evidence
        )

    def test_configured_backend_missing(self, fakes, monkeypatch):
        """KERAS_BACKEND=jax with only PyTorch: switch to the installed one."""
        monkeypatch.setenv("KERAS_BACKEND", "jax")
        fakes.install("torch", "2.13.0")
        fakes.install(
            "keras",
            "3.15.1",
            _raise("ModuleNotFoundError", "No module named 'jax'"),
        )

        (finding,) = only(doctor("keras"), "keras").findings

        assert "keras-backend-missing" == finding.code
        assert "export KERAS_BACKEND=torch" == finding.fix
        assert "KERAS_BACKEND" in finding.cause

    def test_backend_set_after_import(self, fakes, monkeypatch):
        """Keras reports another backend than configured: keras-backend-ignored."""
        monkeypatch.setenv("KERAS_BACKEND", "jax")
        fakes.install("jax", "0.8.0")
        fakes.install(
            "keras",
            "3.15.1",
            "class config:\n    backend = staticmethod(lambda: 'tensorflow')\n",
        )

        (finding,) = only(doctor("keras"), "keras").findings

        assert "keras-backend-ignored" == finding.code
        assert "tensorflow" in finding.cause
        assert "jax" in finding.cause

    def test_legacy_keras_without_tf_keras(self, fakes, monkeypatch):
        """TF_USE_LEGACY_KERAS=1 on TF 2.16 without tf-keras: install the matching tf-keras."""
        monkeypatch.setenv("TF_USE_LEGACY_KERAS", "1")
        fakes.install("tensorflow", "2.16.1")

        (finding,) = only(doctor("tensorflow"), "tensorflow").findings

        assert "tf-legacy-keras" == finding.code
        assert 'pip install "tf-keras~=2.16.0"' == finding.fix


class TestTorch:
    def test_torchvision_for_another_torch(self, fakes):
        """torchvision pinning another torch, failing on nms: one finding, both evidences."""
        fakes.install("torch", "2.13.0+cpu")
        fakes.install(
            "torchvision",
            "0.29.1",
            _raise("RuntimeError", "operator torchvision::nms does not exist"),
            requires=("torch==2.14.1",),
        )

        found = only(doctor("pytorch"), "pytorch")

        (finding,) = found.findings
        assert "torch-companion" == finding.code
        assert (
            'pip install torchvision "torch==2.13.0"'
            " --index-url https://download.pytorch.org/whl/cpu"
        ) == finding.fix
        assert "torchvision 0.29.1 requires torch==2.14.1" in finding.evidence
        assert (
            "RuntimeError: operator torchvision::nms does not exist"
            in finding.evidence
        )

    def test_torchvision_failing_without_pin(self, fakes):
        """Only the nms error (no pin): still torch-companion, found by text."""
        fakes.install("torch", "2.13.0")
        fakes.install(
            "torchvision",
            "0.28.0",
            _raise("RuntimeError", "operator torchvision::nms does not exist"),
        )

        (finding,) = only(doctor("pytorch"), "pytorch").findings

        assert "torch-companion" == finding.code
        assert 'pip install torchvision "torch==2.13.0"' == finding.fix

    def test_driver_too_old(self, fakes):
        """torch's 'NVIDIA driver on your system is too old': cuda-driver."""
        fakes.install(
            "torch",
            "2.9.0",
            _raise(
                "RuntimeError",
                "The NVIDIA driver on your system is too old (found version 11040).",
            ),
        )

        report = doctor("pytorch")

        (finding,) = only(report, "pytorch").findings
        assert "cuda-driver" == finding.code
        (fit,) = dlchoose.gpu_fit(["pytorch"], machine=dlchoose.gpu())
        if fit.status is dlchoose.FitStatus.GPU:
            assert (
                finding.fix
                == f"pip uninstall -y torch && {fit.install_command}"
            )
        else:
            assert finding.fix is None
            assert fit.reasons[0] in (finding.hint or "")

    def test_gpu_too_old_warning(self, fakes):
        """An import that works but warns the GPU is unsupported: gpu-too-old."""
        fakes.install(
            "torch",
            "2.9.0",
            "import sys\nsys.stderr.write('UserWarning: NVIDIA GeForce GTX 1080 with"
            " CUDA capability sm_61 is not compatible with the current PyTorch"
            " installation.\\n')\n",
        )

        (finding,) = only(doctor("pytorch"), "pytorch").findings

        assert "gpu-too-old" == finding.code
        assert any("sm_61" in line for line in finding.evidence)


class TestBuilds:
    def test_jax_warns_about_its_cuda_plugin(self, fakes, monkeypatch):
        """JAX's 'CUDA-enabled jaxlib is not installed' warning on a machine
        with driver 580: jax-cuda-plugin, gpu_fit()'s JAX build as the fix."""
        monkeypatch.setenv("DLCHOOSE_CUDA_DRIVER_VERSION", "580.65.06")
        fakes.install("jax", "0.8.0", JAX_WARNING)

        (finding,) = only(doctor("jax"), "jax").findings

        assert "jax-cuda-plugin" == finding.code
        (fit,) = dlchoose.gpu_fit(["jax"], machine=dlchoose.gpu())
        assert dlchoose.FitStatus.GPU is fit.status
        assert fit.install_command == finding.fix

    def test_jax_warning_without_a_gpu(self, fakes):
        """The same warning where dlchoose.gpu() finds no GPU: JAX on the CPU
        is all this machine runs, so a note, not a problem."""
        fakes.install("jax", "0.8.0", JAX_WARNING)

        found = only(doctor("jax"), "jax")

        (fit,) = dlchoose.gpu_fit(["jax"], machine=dlchoose.gpu())
        assert dlchoose.FitStatus.CPU is fit.status
        assert [] == codes(found)
        assert any(fit.reasons[0] in note for note in found.notes)

    def test_glibc_too_old(self, fakes):
        """GLIBC_2.xx not found: glibc-too-old naming the version needed."""
        fakes.install(
            "paddle",
            "3.0.0",
            _raise(
                "ImportError",
                "/lib64/libc.so.6: version `GLIBC_2.34' not found"
                " (required by libpaddle.so)",
            ),
        )
        fakes.dist("paddlepaddle", "3.0.0", top_level="paddle")

        (finding,) = only(doctor("paddle"), "paddle").findings

        assert "glibc-too-old" == finding.code
        assert "glibc 2.34 or newer" in finding.cause

    def test_avx_message(self, fakes):
        """TensorFlow's AVX message: cpu-instructions naming AVX."""
        fakes.install(
            "tensorflow",
            "2.21.0",
            _raise(
                "ImportError",
                "The TensorFlow library was compiled to use AVX instructions,"
                " but these aren't available on your machine.",
            ),
        )

        (finding,) = only(doctor("tensorflow"), "tensorflow").findings

        assert "cpu-instructions" == finding.code
        assert "(AVX)" in finding.cause

    def test_illegal_instruction_signal(self, fakes):
        """A child killed by SIGILL: cpu-instructions, the signal as evidence."""
        fakes.install(
            "mlx",
            "0.30.0",
            "import os, signal\nos.kill(os.getpid(), signal.SIGILL)\n",
        )

        (finding,) = only(doctor("mlx"), "mlx").findings

        assert "cpu-instructions" == finding.code
        assert any("SIGILL" in line for line in finding.evidence)

    def test_protobuf_outside_range(self, fakes):
        """TensorFlow's protobuf pin broken: protobuf-range, the pin as the fix."""
        fakes.dist("protobuf", "6.33.6")
        fakes.install(
            "tensorflow", "2.15.0", requires=("protobuf<5,>=3.20.3",)
        )

        (finding,) = only(doctor("tensorflow"), "tensorflow").findings

        assert "protobuf-range" == finding.code
        assert 'pip install "protobuf<5,>=3.20.3"' == finding.fix

    def test_protobuf_descriptor_error(self, fakes):
        """'Descriptors cannot be created directly': protobuf-range, fix protobuf<=3.20.3."""
        fakes.dist("protobuf", "4.25.0")
        fakes.install(
            "tensorflow",
            "2.8.0",
            _raise("TypeError", "Descriptors cannot be created directly."),
        )

        (finding,) = only(doctor("tensorflow"), "tensorflow").findings

        assert "protobuf-range" == finding.code
        assert 'pip install "protobuf<=3.20.3"' == finding.fix


class TestLayout:
    def test_conflicting_variants(self, fakes):
        """tensorflow and tensorflow-cpu over one folder: uninstall both, keep one."""
        fakes.dist("tensorflow", "2.21.0", top_level="tensorflow")
        fakes.dist("tensorflow-cpu", "2.21.0", top_level="tensorflow")
        fakes.module("tensorflow", "__version__ = '2.21.0'\n")

        found = only(doctor("tensorflow"), "tensorflow")

        assert "conflicting-variants" in codes(found)
        finding = found.findings[codes(found).index("conflicting-variants")]
        assert finding.fix is not None
        assert finding.fix.startswith(
            "pip uninstall -y tensorflow tensorflow-cpu"
        )

    def test_local_file_shadows(self, fakes):
        """A torch/ package earlier on sys.path than the install: shadowed."""
        fakes.install("torch", "2.13.0")
        fakes.module("torch", "", where=fakes.first)

        (finding,) = only(doctor("pytorch"), "pytorch").findings

        assert "shadowed" == finding.code
        assert str(fakes.first) in finding.cause

    def test_files_missing(self, fakes):
        """Metadata without its module: files-missing, a reinstall as the fix."""
        fakes.dist("tinygrad", "0.10.0", top_level="tinygrad")

        (finding,) = only(doctor("tinygrad"), "tinygrad").findings

        assert "files-missing" == finding.code
        assert (
            "pip install --force-reinstall --no-deps tinygrad==0.10.0"
            == finding.fix
        )


class TestUnknownAndHealthy:
    def test_unknown_failure_verbatim(self, fakes):
        """An error no signature knows is reported word for word, no fix."""
        fakes.install(
            "tinygrad",
            "0.10.0",
            _raise("RuntimeError", "flux capacitor 42 broke"),
        )

        (finding,) = only(doctor("tinygrad"), "tinygrad").findings

        assert "unknown-failure" == finding.code
        assert "RuntimeError: flux capacitor 42 broke" in finding.cause
        assert finding.fix is None
        assert finding.source is None

    def test_missing_module_nobody_explains(self, fakes):
        """No module named X with no finding naming X: missing-module."""
        fakes.install(
            "tinygrad",
            "0.10.0",
            _raise("ModuleNotFoundError", "No module named 'cv2'"),
        )

        (finding,) = only(doctor("tinygrad"), "tinygrad").findings

        assert "missing-module" == finding.code
        assert "`cv2`" in finding.cause

    def test_healthy(self, fakes):
        """A framework that imports and meets its requirements is healthy."""
        fakes.dist("numpy", "1.26.4")
        fakes.install("tinygrad", "0.10.0", requires=("numpy>=1.20",))

        report = doctor()

        found = only(report, "tinygrad")
        assert dlchoose.Health.HEALTHY is found.health
        assert () == found.findings
        assert report.healthy

    def test_requirements_missing_and_unmet(self, fakes):
        """A missing and a too-old requirement are problems; an extra's
        unmet pin is a note; an extra's missing package is nothing."""
        fakes.dist("numpy", "1.19.0")
        fakes.dist("scipy", "1.0.0")
        fakes.install(
            "tinygrad",
            "0.10.0",
            requires=(
                "numpy>=1.20",
                "no-such-package-here>=2",
                'scipy>=1.10; extra == "science"',
                'pillow>=9; extra == "images"',
                'pywin32; sys_platform == "win32"',
                "not a requirement !!",
            ),
            extras=("science", "images"),
        )

        found = only(doctor("tinygrad"), "tinygrad")

        assert ["requirement-unmet", "requirement-missing"] == codes(found)
        assert 'pip install "numpy>=1.20"' == found.findings[0].fix
        assert 'pip install "no-such-package-here>=2"' == found.findings[1].fix
        assert all("scipy" not in (f.fix or "") for f in found.findings)
        (note,) = [n for n in found.notes if "extra" in n]
        assert "scipy>=1.10" in note
        assert "science" in note
        assert "pillow" not in " ".join(found.notes)

    def test_extra_pins_that_disagree_are_not_a_problem(self, fakes):
        """An extra's pin is unmet only when no requirement on that package
        is met (jax pins jaxlib==0.10.1 for one extra, a range otherwise)."""
        fakes.dist("numpy", "1.26.0")
        fakes.install(
            "tinygrad",
            "0.10.0",
            requires=(
                "numpy<=1.26.0,>=1.25",
                'numpy==1.25.0; extra == "minimum-numpy"',
                'numpy==1.25.0; extra == "ci"',
            ),
            extras=("minimum-numpy", "ci"),
        )

        found = only(doctor("tinygrad"), "tinygrad")

        assert [] == codes(found)
        assert not [n for n in found.notes if "numpy" in n]

    def test_extra_pin_is_a_note_when_nothing_is_met(self, fakes):
        """An installed package that meets none of the extras' pins is a
        note per pin, never a problem or a command: pip does not record
        which extras were installed."""
        fakes.dist("scipy", "1.0.0")
        fakes.install(
            "tinygrad",
            "0.10.0",
            requires=(
                'scipy>=1.10; extra == "science"',
                'scipy>=1.11; extra == "fast"',
            ),
            extras=("science", "fast"),
        )

        found = only(doctor("tinygrad"), "tinygrad")

        assert [] == codes(found)
        assert dlchoose.Health.HEALTHY is found.health
        extras = [n for n in found.notes if "scipy" in n]
        assert 2 == len(extras)
        assert "scipy>=1.10" in extras[0]
        assert "scipy>=1.11" in extras[1]

    def test_tensorflow_and_cuda_pin_next_to_torchs_cudnn(self, fakes):
        """TensorFlow's and-cuda cuDNN pin, with the cuDNN torch brought:
        healthy, a note; no fix that would downgrade torch's cuDNN."""
        fakes.dist("nvidia-cudnn-cu12", "9.10.2.21")
        fakes.install(
            "tensorflow",
            "2.21.0",
            requires=(
                'nvidia-cudnn-cu12==9.3.0.75; extra == "and-cuda"',
                'nvidia-nccl-cu12==2.23.4; extra == "and-cuda"',
            ),
            extras=("and-cuda",),
        )

        report = doctor("tensorflow")

        found = only(report, "tensorflow")
        assert [] == codes(found)
        assert report.healthy
        (note,) = [n for n in found.notes if "cudnn" in n]
        assert "nvidia-cudnn-cu12==9.3.0.75" in note
        assert "9.10.2.21" in note


class TestCommand:
    def test_problem_exits_1_with_json(self, fakes, capsys):
        """doctor --json: one object, the finding's code, exit 1."""
        fakes.install(
            "keras",
            "3.15.1",
            _raise("ModuleNotFoundError", "No module named 'tensorflow'"),
        )

        code = main(["doctor", "keras", "--json", "--timeout", "20"])

        document = json.loads(capsys.readouterr().out)
        assert 1 == code
        assert document["healthy"] is False
        (entry,) = document["frameworks"]
        assert "keras-no-backend" == entry["findings"][0]["code"]
        assert "summary" in document["machine"]

    def test_healthy_exits_0_with_text(self, fakes, capsys):
        """A healthy environment: the verdict per framework, exit 0."""
        fakes.install("tinygrad", "0.10.0")

        code = main(["doctor"])

        out = capsys.readouterr().out
        assert 0 == code
        assert "tinygrad 0.10.0: healthy" in out
        assert "All frameworks are healthy." in out

    def test_text_shows_cause_evidence_fix_and_source(self, fakes, capsys):
        """The text report prints each finding's cause, evidence, fix and source."""
        fakes.dist("numpy", "2.2.6")
        fakes.install("mxnet", "1.9.1", requires=("numpy<2.0.0,>1.16.0",))

        code = main(["doctor", "mxnet"])

        out = capsys.readouterr().out
        assert 1 == code
        assert "Apache MXNet 1.9.1: problem" in out
        assert "evidence: numpy 2.2.6 is installed" in out
        assert 'fix: pip install "numpy<2.0.0,>1.16.0"' in out
        assert "source: https://numpy.org/" in out
        assert "1 framework(s) with problems." in out

    def test_named_but_absent(self, fakes, capsys):
        """A framework asked for by name but not installed is a problem."""
        code = main(["doctor", "tinygrad"])

        out = capsys.readouterr().out
        assert 1 == code
        assert "tinygrad is not installed in this environment." in out
        assert "fix: pip install tinygrad" in out

    def test_nothing_installed(self, fakes, capsys, monkeypatch):
        """No framework at all: a sentence, exit 0."""
        monkeypatch.setattr("sys.path", [str(fakes.site)])

        code = main(["doctor"])

        assert 0 == code
        assert "nothing to diagnose" in capsys.readouterr().out

    def test_unknown_name_is_a_usage_error(self, fakes, capsys):
        """A name no framework has: exit 2 (usage), not 1 (a problem)."""
        code = main(["doctor", "no-such-framework"])

        assert 2 == code
        assert "Unknown framework" in capsys.readouterr().err

    def test_garbage_driver_variable_agrees_with_gpu(
        self, fakes, capsys, monkeypatch
    ):
        """DLCHOOSE_CUDA_DRIVER_VERSION=garbage: doctor reports the facts
        and the note that dlchoose gpu reports, in JSON and in text."""
        monkeypatch.setenv("DLCHOOSE_CUDA_DRIVER_VERSION", "garbage")
        fakes.install("tinygrad", "0.10.0")
        expected = dlchoose.gpu()

        main(["doctor", "--json"])
        document = json.loads(capsys.readouterr().out)
        main(["doctor"])
        text = capsys.readouterr().out

        machine = document["machine"]
        assert list(expected.notes) == machine["notes"]
        assert any("garbage" in note for note in machine["notes"])
        assert expected.driver_version == machine["driver"]
        assert expected.summary == machine["summary"]
        assert f"  note: {expected.notes[0]}" in text

    @pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "soon"])
    def test_bad_timeout(self, value, capsys):
        """--timeout must be a positive, finite number: usage error 2."""
        with pytest.raises(SystemExit) as raised:
            main(["doctor", "--timeout", value])

        assert 2 == raised.value.code


def test_report_for_detections_without_probe(fakes):
    """Detections without a probe: no import was tried, so 'unchecked'."""
    fakes.install("tinygrad", "0.10.0")
    detections = dlchoose.detect(["tinygrad"])
    from dlchoose._detect._doctor_checks import Context
    from dlchoose._detect._doctor_requirements import Installed

    context = Context(
        env=dlchoose.environment(),
        machine=MachineFacts(nvidia_gpus=0),
        installed=Installed(),
        found=frozenset({"tinygrad"}),
    )

    (found,) = diagnose_detections(detections, context).diagnoses

    assert dlchoose.Health.UNCHECKED is found.health
    assert found.healthy
    assert "not imported: the probe did not run" in found.notes


def test_one_name_as_a_string(fakes):
    """diagnose('name') takes one name as a string, not letter by letter."""
    fakes.install("tinygrad", "0.10.0")

    report = dlchoose.diagnose("tinygrad", timeout=20)

    assert ["tinygrad"] == [d.key for d in report.diagnoses]


def test_companion_other_requirements_and_leftovers(fakes):
    """A companion's other unmet requirements are not torch's business, and
    an empty leftover dist-info is passed over for the real one."""
    leftover = fakes.first / "torch-1.0.0.dist-info"
    leftover.mkdir()
    (leftover / "REQUESTED").write_text("")
    fakes.install("torch", "2.14.1")
    fakes.install(
        "torchvision",
        "0.29.1",
        requires=("no-such-package-here>=1", "torch==2.14.1"),
    )

    found = only(doctor("pytorch"), "pytorch")

    assert [] == codes(found)
    assert dlchoose.Health.HEALTHY is found.health
