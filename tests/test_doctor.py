"""The doctor's parts without child processes: the catalog, the checks
given detections and machine facts, and the values it returns."""

from __future__ import annotations

import re

from typing import Final

import attrs
import pytest

import dlchoose

from dlchoose import (
    Detection,
    DistributionRecord,
    GpuInfo,
    ProbeResult,
    environment,
)
from dlchoose._cli._doctor_cmd import render
from dlchoose._detect._doctor import report_for
from dlchoose._detect._doctor_checks import torch_index
from dlchoose._detect._doctor_gpu import (
    _fit,
    cuda_runs,
    from_gpu_report,
    gather_machine,
    gpu_remedy,
)
from dlchoose._detect._doctor_model import (
    Diagnosis,
    DoctorReport,
    Finding,
    Health,
    MachineFacts,
)
from dlchoose._detect._doctor_probe import probe_findings
from dlchoose._detect._doctor_requirements import (
    Installed,
    read_requires,
    version_of,
)
from dlchoose._detect._signatures import (
    CATALOG,
    TEXT_SIGNATURES,
    fill,
    match_text,
    signature,
)


def planned(
    driver: str | None = None, capability: str | None = None
) -> MachineFacts:
    """The doctor's facts of a machine described to dlchoose.gpu()."""
    return from_gpu_report(
        dlchoose.gpu(driver=driver, compute_capability=capability)
    )


def fit_for(key: str, machine: MachineFacts) -> dlchoose.GpuFit:
    """The GPU capability's own answer, which the doctor must repeat."""
    (answer,) = dlchoose.gpu_fit([key], machine=machine.report)
    return answer


GPU = planned("550.54.14", "8.6")
#: Facts made by hand, without a dlchoose.gpu() report behind them.
BARE_GPU = MachineFacts(
    nvidia_gpus=1, driver="550.54.14", max_cuda="12.x", source="test"
)
NO_GPU = MachineFacts(nvidia_gpus=0, source="test")

#: One recorded error text per text signature (from the cited sources).
RECORDED = {
    "numpy-abi": "A module that was compiled using NumPy 1.x cannot be run"
    " in\nNumPy 2.0.0 as it may crash.",
    "numpy2-api": "AttributeError: `np.float_` was removed in the NumPy 2.0"
    " release. Use `np.float64` instead.",
    "numpy-alias": "AttributeError: module 'numpy' has no attribute 'object'",
    "torch-companion": "RuntimeError: operator torchvision::nms does not"
    " exist",
    "cuda-driver": "RuntimeError: CUDA driver version is insufficient for"
    " CUDA runtime version",
    "gpu-too-old": "RuntimeError: CUDA error: no kernel image is available"
    " for execution on the device",
    "jax-cuda-plugin": "An NVIDIA GPU may be present on this machine, but a"
    " CUDA-enabled jaxlib is not installed. Falling back to cpu.",
    "glibc-too-old": "ImportError: /lib64/libc.so.6: version `GLIBC_2.28'"
    " not found",
    "cpu-instructions": "The TensorFlow library was compiled to use AVX"
    " instructions, but these aren't available on your machine.",
    "protobuf-range": "ImportError: cannot import name 'runtime_version'"
    " from 'google.protobuf'",
    "missing-module": "ModuleNotFoundError: No module named 'cv2'",
}


def detection(key: str = "pytorch", **kwargs) -> Detection:
    defaults = {
        "status": "installed",
        "version": "2.13.0",
        "distribution": "torch",
        "import_name": "torch",
        "location": "/site/torch",
    }
    return Detection(key=key, **{**defaults, **kwargs})


def report(*detections, machine=NO_GPU, env=None, **kwargs) -> DoctorReport:
    return report_for(
        list(detections),
        env or environment({}),
        machine,
        installed=kwargs.pop("installed", Installed()),
        **kwargs,
    )


def codes(found: Diagnosis) -> list[str]:
    return [f.code for f in found.findings]


class TestCatalog:
    def test_codes_unique(self):
        """Every signature has its own code."""
        assert len(CATALOG) == len({s.code for s in CATALOG})

    def test_every_signature_is_sourced(self):
        """Each signature but the catch-all cites a dated https source."""
        for entry in CATALOG:
            if entry.code == "unknown-failure":
                assert entry.source is None
                continue
            assert entry.source is not None, entry.code
            assert (entry.source.url or "").startswith("https://"), entry.code
            assert entry.source.date is not None, entry.code

    @pytest.mark.parametrize("code", sorted(RECORDED))
    def test_recorded_text_matches_its_signature(self, code):
        """Each recorded error text is recognised as its own signature."""
        matched = match_text(RECORDED[code])

        assert matched is not None
        assert code == matched[0].code

    def test_every_text_signature_has_a_recorded_text(self):
        """No text signature goes without a recorded error to test it."""
        assert {s.code for s in TEXT_SIGNATURES} == set(RECORDED)

    def test_unknown_text_matches_nothing(self):
        """An error no signature knows matches none (never guessed)."""
        assert match_text("RuntimeError: flux capacitor broke") is None

    def test_fill_reads_missing_facts_as_unknown(self):
        """A template fact that is missing or None reads 'unknown'."""
        assert "a unknown c" == fill("a {b} c", {"b": None})
        assert "x 1" == fill("x {y}", {"y": 1})

    def test_signature_lookup(self):
        """signature() finds an entry by code; an unknown code is a KeyError."""
        assert "numpy-abi" == signature("numpy-abi").code
        with pytest.raises(KeyError):
            signature("nope")

    def test_search_without_patterns(self):
        """A signature found by a check never matches text."""
        assert signature("shadowed").search("anything") is None


def expect_gpu_answer(
    found: Diagnosis,
    code: str,
    fit: dlchoose.GpuFit,
    *,
    uninstall: str | None = None,
    note_when_cpu: bool = True,
) -> None:
    """*found* says what gpu_fit() says: its GPU command as the fix, else
    its reason in words (a note when the CPU build is simply the right one)."""
    mine = [f for f in found.findings if f.code == code]
    if fit.status is dlchoose.FitStatus.GPU:
        (finding,) = mine
        expected = fit.install_command
        if uninstall:
            expected = f"pip uninstall -y {uninstall} && {expected}"
        assert expected == finding.fix
        return
    why = fit.reasons[0]
    if note_when_cpu and fit.status is dlchoose.FitStatus.CPU:
        assert [] == mine
        assert any(why in note for note in found.notes), found.notes
        return
    (finding,) = mine
    assert finding.fix is None
    assert why in (finding.hint or "")
    assert f"dlchoose gpu {found.key}" in (finding.hint or "")


def jax(version: str = "0.8.0") -> Detection:
    return detection("jax", version=version, distribution="jax")


class TestGpuChecks:
    def test_cpu_torch_on_gpu_machine(self):
        """A +cpu torch on a machine with a GPU: gpu_fit()'s build replaces it."""
        found = report(
            detection(version="2.13.0+cpu", build="cpu"), machine=GPU
        ).diagnoses[0]

        (finding,) = found.findings
        assert "cpu-build-on-gpu" == finding.code
        assert "NVIDIA driver 550.54.14" in finding.cause
        expect_gpu_answer(
            found,
            "cpu-build-on-gpu",
            fit_for("pytorch", GPU),
            uninstall="torch",
        )

    def test_cpu_torch_2_15_with_driver_550(self):
        """torch 2.15.0+cpu, driver 550: not PyPI's 2.15.0 (CUDA 13, driver
        580) but the build gpu_fit() finds for this driver."""
        found = report(
            detection(version="2.15.0+cpu", build="cpu"), machine=GPU
        ).diagnoses[0]

        fix = found.findings[0].fix
        assert fix != 'pip install --force-reinstall "torch==2.15.0"'
        expect_gpu_answer(
            found,
            "cpu-build-on-gpu",
            fit_for("pytorch", GPU),
            uninstall="torch",
        )

    def test_cpu_torch_on_pascal(self):
        """torch 2.13.0+cpu on a 6.1 GPU: gpu_fit()'s answer for sm_61."""
        pascal = planned("580.65.06", "6.1")
        found = report(
            detection(version="2.13.0+cpu", build="cpu"), machine=pascal
        ).diagnoses[0]

        expect_gpu_answer(
            found,
            "cpu-build-on-gpu",
            fit_for("pytorch", pascal),
            uninstall="torch",
        )

    def test_cpu_torch_from_the_probe(self):
        """torch.version.cuda None in the probe also means a CPU build."""
        probe = ProbeResult(
            status="importable",
            gpu=GpuInfo(details={"cuda_build": None, "hip_build": None}),
        )
        found = report(detection(probe=probe), machine=GPU).diagnoses[0]

        assert ["cpu-build-on-gpu"] == codes(found)
        assert "torch.version.cuda is None" in found.findings[0].evidence

    def test_tensorflow_cpu_on_gpu_machine(self):
        """tensorflow-cpu on a GPU machine: uninstall it, then gpu_fit()'s
        TensorFlow build."""
        found = report(
            detection(
                "tensorflow",
                version="2.21.0",
                distribution="tensorflow-cpu",
                import_name="tensorflow",
                build="cpu",
            ),
            machine=GPU,
        ).diagnoses[0]

        expect_gpu_answer(
            found,
            "cpu-build-on-gpu",
            fit_for("tensorflow", GPU),
            uninstall="tensorflow-cpu",
        )

    def test_tensorflow_cpu_with_driver_470(self):
        """tensorflow-cpu with driver 470: no TensorFlow GPU build runs (the
        CUDA 12 build needs 525), so the CPU build is right: a note, no
        command, healthy."""
        old = planned("470.57.02", "8.6")
        fit = fit_for("tensorflow", old)
        found = report(
            detection(
                "tensorflow",
                version="2.21.0",
                distribution="tensorflow-cpu",
                import_name="tensorflow",
                build="cpu",
                probe=ProbeResult(status="importable"),
            ),
            machine=old,
        ).diagnoses[0]

        assert dlchoose.FitStatus.CPU is fit.status
        assert Health.HEALTHY is found.health
        expect_gpu_answer(found, "cpu-build-on-gpu", fit)
        assert "dlchoose gpu tensorflow" in found.notes[0]

    def test_onnxruntime_cpu_package(self):
        """onnxruntime 1.32.0 on a GPU machine: gpu_fit()'s onnxruntime-gpu
        release, not the same version number by hand, citing that build's
        source (not PyTorch's install page) in one sentence (the machine
        summary's own full stop is not doubled)."""
        newer = planned("580.65.06", "8.6")
        found = report(
            detection(
                "onnxruntime",
                version="1.32.0",
                distribution="onnxruntime",
                import_name="onnxruntime",
            ),
            machine=newer,
        ).diagnoses[0]

        assert found.findings[0].fix != (
            "pip uninstall -y onnxruntime && pip install"
            " onnxruntime-gpu==1.32.0"
        )
        expect_gpu_answer(
            found,
            "cpu-build-on-gpu",
            fit_for("onnxruntime", newer),
            uninstall="onnxruntime",
        )
        (finding,) = found.findings
        fit = fit_for("onnxruntime", newer)
        assert fit.build is not None
        assert fit.build.sources[0] == finding.source
        assert finding.source is not None
        assert "pytorch.org" not in (finding.source.url or "")
        assert ".." not in finding.cause
        assert finding.cause.endswith(").")

    def test_unknown_fit_cites_nothing_for_other_frameworks(self):
        """Without a gpu() report there is no build to cite: a CPU
        onnxruntime's finding cites no source rather than PyTorch's page,
        while PyTorch's own keeps it."""
        cpu_ort = detection(
            "onnxruntime",
            version="1.32.0",
            distribution="onnxruntime",
            import_name="onnxruntime",
            build="cpu",
        )
        cpu_torch = detection(version="2.13.0+cpu", build="cpu")

        ort, torch = report(cpu_ort, cpu_torch, machine=BARE_GPU).diagnoses

        (ort_finding,) = ort.findings
        assert ort_finding.source is None
        (torch_finding,) = torch.findings
        assert torch_finding.source is not None
        assert "pytorch.org" in (torch_finding.source.url or "")

    def test_facts_without_a_report(self):
        """Facts made by hand (no gpu() report): no command, a pointer."""
        found = report(
            detection(version="2.13.0+cpu", build="cpu"), machine=BARE_GPU
        ).diagnoses[0]

        (finding,) = found.findings
        assert finding.fix is None
        assert "dlchoose gpu pytorch" in (finding.hint or "")

    def test_framework_without_gpu_tables(self):
        """A CPU build of a framework gpu_fit() has no table for: a finding
        whose hint says dlchoose cannot tell, never a command."""
        found = report(
            detection(
                "tinygrad",
                version="0.10.0",
                distribution="tinygrad",
                import_name="tinygrad",
                build="cpu",
            ),
            machine=GPU,
        ).diagnoses[0]

        (finding,) = found.findings
        assert finding.fix is None
        assert (finding.hint or "").startswith("dlchoose cannot say")
        expect_gpu_answer(found, "cpu-build-on-gpu", fit_for("tinygrad", GPU))

    def test_build_newer_than_driver(self):
        """A CUDA 13 build with a driver for CUDA 12: cuda-driver, fixed
        with gpu_fit()'s build for this driver."""
        found = report(
            detection(version="2.14.1", build="cuda 13.0"), machine=GPU
        ).diagnoses[0]

        (finding,) = found.findings
        assert "cuda-driver" == finding.code
        assert "CUDA 13.0" in finding.cause
        assert "12.x" in finding.cause
        assert "or update the NVIDIA driver" == finding.hint
        expect_gpu_answer(
            found, "cuda-driver", fit_for("pytorch", GPU), uninstall="torch"
        )

    def test_build_newer_than_an_unknown_fit(self):
        """cuda-driver for a framework gpu_fit() cannot answer: a hint."""
        found = report(
            detection(
                "tinygrad",
                version="0.10.0",
                distribution="tinygrad",
                import_name="tinygrad",
                build="cuda 13.0",
            ),
            machine=GPU,
        ).diagnoses[0]

        expect_gpu_answer(found, "cuda-driver", fit_for("tinygrad", GPU))

    def test_build_the_driver_runs(self):
        """A CUDA 12.8 build with a driver for CUDA 12: nothing to say."""
        found = report(
            detection(version="2.9.0", build="cuda 12.8"), machine=GPU
        ).diagnoses[0]

        assert [] == codes(found)

    def test_gpu_too_old_from_the_probe(self):
        """torch's 'not compatible' warning on a 6.1 GPU: gpu-too-old with
        gpu_fit()'s build for that GPU."""
        pascal = planned("580.65.06", "6.1")
        probe = ProbeResult(
            status="importable",
            stderr_tail=[
                (
                    "UserWarning: NVIDIA GeForce GTX 1080 with CUDA capability"
                    " sm_61 is not compatible with the current PyTorch"
                    " installation."
                ),
            ],
        )
        found = report(
            detection(version="2.9.0", build="cuda 12.8", probe=probe),
            machine=pascal,
        ).diagnoses[0]

        assert ["gpu-too-old"] == codes(found)
        expect_gpu_answer(
            found,
            "gpu-too-old",
            fit_for("pytorch", pascal),
            uninstall="torch",
            note_when_cpu=False,
        )

    def test_jax_without_plugin(self):
        """jax on a GPU machine with no CUDA plugin: gpu_fit()'s JAX build."""
        newer = planned("580.65.06", "8.6")
        found = report(jax(), machine=newer).diagnoses[0]

        (finding,) = found.findings
        assert "jax-cuda-plugin" == finding.code
        expect_gpu_answer(found, "jax-cuda-plugin", fit_for("jax", newer))

    def test_jax_on_pascal(self):
        """JAX on a 6.1 GPU with driver 580: whatever gpu_fit() says for
        sm_61, never CUDA 13 (which has no code before 7.5)."""
        pascal = planned("580.65.06", "6.1")
        found = report(jax(), machine=pascal).diagnoses[0]

        assert all("cuda13" not in (f.fix or "") for f in found.findings)
        expect_gpu_answer(found, "jax-cuda-plugin", fit_for("jax", pascal))

    def test_jax_with_driver_470(self):
        """JAX with driver 470: no JAX GPU build runs (CUDA 12 needs 525), so
        JAX on the CPU is a note, not a problem, and no command."""
        old = planned("470.57.02", "8.6")
        fit = fit_for("jax", old)
        found = report(jax(), machine=old).diagnoses[0]

        assert dlchoose.FitStatus.CPU is fit.status
        assert [] == codes(found)
        expect_gpu_answer(found, "jax-cuda-plugin", fit)

    def test_old_jax(self):
        """jax 0.4.30: gpu_fit()'s release, not 'jax[cuda13]==0.4.30' (that
        release has no cuda13 extra)."""
        newer = planned("580.65.06", "8.6")
        found = report(jax("0.4.30"), machine=newer).diagnoses[0]

        assert 'pip install "jax[cuda13]==0.4.30"' != found.findings[0].fix
        expect_gpu_answer(found, "jax-cuda-plugin", fit_for("jax", newer))

    def test_no_gpu_no_gpu_findings(self):
        """Without a GPU, CPU builds are what the machine can use."""
        found = report(
            detection(version="2.13.0+cpu", build="cpu"), machine=NO_GPU
        ).diagnoses[0]

        assert [] == codes(found)

    def test_unknown_machine_is_noted(self):
        """No GPU facts: the GPU checks say they were skipped."""
        found = report(
            detection(version="2.13.0+cpu", build="cpu"),
            machine=MachineFacts(source="unknown: test"),
        ).diagnoses[0]

        assert "GPU checks skipped: unknown: test" in found.notes


class TestGpuRemedy:
    def test_fit_that_fails_is_unknown(self):
        """A gpu_fit() error (here an unknown name) reads as no answer."""
        assert GPU.report is not None
        assert _fit("no-such-framework", GPU.report) is None

    def test_no_answer_gives_a_pointer(self):
        """No answer at all: no command, a pointer to dlchoose gpu."""
        remedy = gpu_remedy("jax", "JAX", GPU, fit=lambda key, report: None)

        assert remedy.fix is None
        assert "`dlchoose gpu jax`" in (remedy.hint or "")
        assert not remedy.cpu_is_best

    def test_gpu_answer_without_command_is_not_a_fix(self):
        """A GPU answer without a command gives no fix (never a guess)."""
        answer = attrs.evolve(fit_for("pytorch", GPU), install_command=None)

        remedy = gpu_remedy("pytorch", "PyTorch", GPU, fit=lambda *_: answer)

        assert remedy.fix is None
        assert remedy.hint

    @pytest.mark.parametrize(
        ("build", "limit", "runs"),
        [
            ("12.8", "12.x", True),
            ("13.0", "12.x", False),
            ("9.0", "12.x", True),
            ("10.1", "10.2", True),
            ("10.2", "10.1", False),
            ("11.2", "10.2", False),
        ],
    )
    def test_cuda_runs(self, build, limit, runs):
        """A build runs when its CUDA is at most the driver's newest, a
        family label covering every release of it."""
        assert runs is cuda_runs(build, limit)


class TestMachineFacts:
    @pytest.mark.parametrize("value", [-1, True, 1.5])
    def test_gpu_count_validated(self, value):
        """A GPU count is a non-negative int."""
        with pytest.raises(ValueError, match="nvidia_gpus"):
            MachineFacts(nvidia_gpus=value)


class TestKerasAndTensorFlow:
    def test_numpy_backend_needs_nothing_else(self):
        """KERAS_BACKEND=numpy with NumPy installed: no backend problem."""
        installed = Installed()
        installed._found["numpy"] = type("D", (), {"version": "2.0"})()
        env = environment({"KERAS_BACKEND": "numpy"})

        found = report(
            detection(
                "keras",
                version="3.15.1",
                distribution="keras",
                import_name="keras",
            ),
            env=env,
            installed=installed,
        ).diagnoses[0]

        assert [] == codes(found)

    def test_unknown_backend_name(self):
        """A backend Keras does not know, others installed: switch backend."""
        env = environment({"KERAS_BACKEND": "theano"})
        keras = detection(
            "keras",
            version="3.15.1",
            distribution="keras",
            import_name="keras",
        )
        jax = detection(
            "jax", version="0.8.0", distribution="jax", import_name="jax"
        )

        found = report(keras, jax, env=env).diagnoses[0]

        assert ["keras-backend-missing"] == codes(found)
        assert "export KERAS_BACKEND=jax" == found.findings[0].fix

    def test_keras_2_ignores_keras_backend(self):
        """Keras 2.15 with TensorFlow 2.15 and KERAS_BACKEND=jax: Keras 2 is
        TensorFlow's and ignores the variable, so nothing is wrong."""
        keras = detection(
            "keras",
            version="2.15.0",
            distribution="keras",
            import_name="keras",
            probe=ProbeResult(
                status="importable",
                gpu=GpuInfo(details={"keras_backend": "tensorflow"}),
            ),
        )
        tensorflow = detection(
            "tensorflow",
            version="2.15.0",
            distribution="tensorflow",
            import_name="tensorflow",
        )

        found = report(
            keras, tensorflow, env=environment({"KERAS_BACKEND": "jax"})
        ).diagnoses[0]

        assert [] == codes(found)
        assert Health.HEALTHY is found.health

    def test_keras_3_with_the_same_setup(self):
        """The same setup with Keras 3: the missing backend is found."""
        keras = detection(
            "keras", version="3.0.0", distribution="keras", import_name="keras"
        )
        tensorflow = detection(
            "tensorflow",
            version="2.16.1",
            distribution="tensorflow",
            import_name="tensorflow",
        )

        found = report(
            keras, tensorflow, env=environment({"KERAS_BACKEND": "jax"})
        ).diagnoses[0]

        assert ["keras-backend-missing"] == codes(found)

    def test_keras_of_unknown_version_is_not_judged(self):
        """Keras whose version is unknown: no backend verdict either way."""
        keras = detection(
            "keras", version=None, distribution="keras", import_name="keras"
        )

        found = report(keras, env=environment({"KERAS_BACKEND": "jax"}))

        assert [] == codes(found.diagnoses[0])

    def test_legacy_keras_on_old_tensorflow(self):
        """TF_USE_LEGACY_KERAS on TensorFlow 2.15 (Keras 2 anyway): fine."""
        env = environment({"TF_USE_LEGACY_KERAS": "1"})
        found = report(
            detection(
                "tensorflow",
                version="2.15.0",
                distribution="tensorflow",
                import_name="tensorflow",
            ),
            env=env,
        ).diagnoses[0]

        assert [] == codes(found)

    def test_legacy_keras_with_tf_keras(self):
        """TF_USE_LEGACY_KERAS with tf-keras installed: fine."""
        installed = Installed()
        installed._found["tf-keras"] = type("D", (), {"version": "2.16.0"})()
        found = report(
            detection(
                "tensorflow",
                version="2.16.1",
                distribution="tensorflow",
                import_name="tensorflow",
            ),
            env=environment({"TF_USE_LEGACY_KERAS": "true"}),
            installed=installed,
        ).diagnoses[0]

        assert [] == codes(found)

    def test_keras_probe_without_backend_detail(self):
        """A Keras probe without a backend answer adds nothing."""
        keras = detection(
            "keras",
            version="3.15.1",
            distribution="keras",
            import_name="keras",
            probe=ProbeResult(status="importable", gpu=GpuInfo(details={})),
        )
        torch = detection()

        found = report(
            keras, torch, env=environment({"KERAS_BACKEND": "torch"})
        )

        assert Health.HEALTHY is found.diagnoses[0].health


class TestStatuses:
    def test_same_distribution_twice(self):
        """Two versions of one distribution over one folder: a conflict too."""
        records = [
            DistributionRecord(
                name="torch",
                version=v,
                location="/s",
                metadata_path=f"/s/torch-{v}.dist-info",
            )
            for v in ("2.12.0", "2.13.0")
        ]
        found = report(
            detection(status="conflict", distributions=records)
        ).diagnoses[0]

        (finding,) = found.findings
        assert (
            "pip uninstall -y torch && pip install torch==2.13.0"
            == finding.fix
        )

    def test_non_python_install(self):
        """A framework found outside Python is listed, not checked."""
        found = report(
            detection(
                "dl4j",
                import_name=None,
                distribution=None,
                location="/home/u/.m2/repository/org/deeplearning4j",
            )
        ).diagnoses[0]

        assert Health.UNCHECKED is found.health
        assert "checks Python installs only" in found.notes[0]

    def test_absent_is_left_out(self):
        """Absent frameworks are not reported unless asked for."""
        assert () == report(detection(status="absent")).diagnoses

    def test_probe_unavailable(self):
        """A frozen interpreter: unchecked, with the probe's reason."""
        probe = ProbeResult(status="probe_unavailable", error="frozen")
        found = report(detection(probe=probe)).diagnoses[0]

        assert Health.UNCHECKED is found.health
        assert "not imported: frozen" in found.notes


FACTS: Final = {"name": "PyTorch", "version": "2.13.0"}


class TestProbeFindings:
    def test_timed_out_is_verbatim(self):
        """A hung import: unknown-failure with the probe's own words."""
        probe = ProbeResult(
            status="timed_out", error="the import did not finish within 5 s"
        )

        (finding,) = probe_findings(probe, FACTS, [])

        assert "unknown-failure" == finding.code
        assert finding.cause.endswith("the import did not finish within 5 s")

    def test_crash_without_text(self):
        """A crash with no error line says its status."""
        probe = ProbeResult(status="crashed", signal="SIGSEGV")

        (finding,) = probe_findings(probe, FACTS, [])

        assert "ended with status crashed" in finding.cause

    def test_importable_without_warning(self):
        """An import that worked with unrelated stderr adds nothing."""
        probe = ProbeResult(
            status="importable",
            stderr_tail=["ModuleNotFoundError: No module named 'cv2'"],
        )

        assert [] == probe_findings(probe, FACTS, [])

    def test_repeated_evidence_is_not_doubled(self):
        """Merging evidence that is already there keeps one copy."""
        text = "RuntimeError: operator torchvision::nms does not exist"
        earlier = Finding(
            code="torch-companion", title="t", cause="c", evidence=[text]
        )
        probe = ProbeResult(
            status="import_error", error=text, stderr_tail=[text]
        )

        (finding,) = probe_findings(probe, FACTS, [earlier])

        assert (text,) == finding.evidence

    def test_stderr_line_added_as_evidence(self):
        """The matching stderr line joins the error line as evidence."""
        probe = ProbeResult(
            status="import_error",
            error="ImportError: numpy.core.multiarray failed to import",
            stderr_tail=[
                "",
                (
                    "A module that was compiled using NumPy 1.x"
                    " cannot be run in NumPy 2.0.0 as it may crash."
                ),
            ],
        )

        (finding,) = probe_findings(probe, FACTS, [])

        assert 2 == len(finding.evidence)


class TestRequirements:
    def test_damaged_metadata_has_no_requirements(self):
        """Metadata that cannot be read gives no requirements, no crash."""

        class Broken:
            @property
            def requires(self):
                raise OSError("unreadable")

        assert ([], []) == read_requires(Broken())

    def test_version_of_a_leftover(self):
        """A leftover whose version lookup fails has no version."""

        class Leftover:
            @property
            def version(self):
                raise KeyError("Version")

        assert version_of(Leftover()) is None

    def test_invalid_installed_version_is_not_judged(
        self, tmp_path, monkeypatch
    ):
        """An installed version that is not PEP 440 satisfies nothing and
        breaks nothing: no finding."""
        site = tmp_path / "site"
        for name, version, requires in (
            ("odd", "N/A", ""),
            ("tinygrad", "0.10.0", "Requires-Dist: odd>=1\n"),
        ):
            folder = site / f"{name}-{version.replace('/', '_')}.dist-info"
            folder.mkdir(parents=True)
            (folder / "METADATA").write_text(
                f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                f"{requires}\n"
            )
        monkeypatch.setattr("sys.path", [str(site)])
        record = DistributionRecord(
            name="tinygrad",
            version="0.10.0",
            location=str(site),
            metadata_path=str(site / "tinygrad-0.10.0.dist-info"),
        )

        found = report(
            detection(
                "tinygrad",
                version="0.10.0",
                distribution="tinygrad",
                import_name="tinygrad",
                distributions=[record],
            )
        ).diagnoses[0]

        assert [] == codes(found)

    def test_numpy_2_pin_that_excludes_numpy_1_too(self):
        """numpy==2.1 wanted, 2.2 installed: a plain requirement-unmet."""
        from packaging.requirements import Requirement

        from dlchoose._detect._doctor_checks import _requirement_finding
        from dlchoose._detect._doctor_requirements import Unmet

        for installed, code in (
            ("2.2.0", "requirement-unmet"),
            ("N/A", "requirement-unmet"),
        ):
            unmet = Unmet(
                requirement=Requirement("numpy==2.1"), installed=installed
            )
            finding = _requirement_finding(
                unmet, {"name": "X", "version": "1"}, "x"
            )
            assert code == finding.code


class TestValues:
    def test_to_dict(self):
        """The report's JSON: verdict, frameworks with findings, machine."""
        finding = Finding(
            code="numpy-abi",
            title="t",
            cause="c",
            evidence=["e"],
            fix="f",
            source=signature("numpy-abi").source,
        )
        diagnosis = Diagnosis(
            key="mxnet",
            name="Apache MXNet",
            version="1.9.1",
            distribution="mxnet",
            health="problem",
            findings=[finding],
        )
        document = DoctorReport(diagnoses=[diagnosis], machine=GPU).to_dict()

        assert document["healthy"] is False
        (entry,) = document["frameworks"]
        assert "problem" == entry["health"]
        assert "numpy-abi" == entry["findings"][0]["code"]
        assert entry["findings"][0]["source"]["url"].startswith("https://")
        assert "12.x" == document["machine"]["max_cuda"]
        assert not diagnosis.healthy

    def test_render_hint_without_fix_and_source_without_date(self):
        """Text output: a hint alone reads 'what to do', an undated source
        has no date."""
        finding = Finding(
            code="x",
            title="t",
            cause="c",
            hint="do this",
            source=dlchoose.Source(title="s", url="https://example.org"),
        )
        diagnosis = Diagnosis(
            key="k", name="K", health="problem", findings=[finding]
        )

        text = render(DoctorReport(diagnoses=[diagnosis]))

        assert "what to do: do this" in text
        assert re.search(r"source: https://example.org$", text, re.MULTILINE)
        assert "K: problem" in text

    def test_public_names(self):
        """The doctor's names are exported from dlchoose."""
        for name in (
            "diagnose",
            "Diagnosis",
            "DoctorReport",
            "Finding",
            "Health",
        ):
            assert name in dlchoose.__all__
            assert getattr(dlchoose, name) is not None

    def test_torch_index(self):
        """Local labels choose PyTorch's index; none or odd ones, PyPI."""
        assert torch_index("2.13.0+cu126").endswith("/whl/cu126")
        assert "" == torch_index("2.13.0")
        assert "" == torch_index("2.3.0a0+40ec155e58.nv24.03")
        assert "" == torch_index("N/A")


class TestCorners:
    def test_summary_without_gpu(self):
        """Facts made by hand with no GPU say so."""
        assert "no usable NVIDIA GPU" == NO_GPU.summary()

    def test_gpu_fix_leaves_other_findings_alone(self):
        """A shadowed CPU torch: the GPU fix joins only the GPU finding."""
        found = report(
            detection(version="2.13.0+cpu", build="cpu", status="shadowed"),
            machine=GPU,
        ).diagnoses[0]

        assert ["shadowed", "cpu-build-on-gpu"] == codes(found)
        assert found.findings[0].fix is None
        assert found.findings[1].fix

    def test_summary_without_driver(self):
        """A GPU count alone reads as just that."""
        assert "1 NVIDIA GPU(s)" == MachineFacts(nvidia_gpus=1).summary()

    def test_cpu_build_of_mxnet(self):
        """A CPU MXNet on a GPU machine: uninstall it, then gpu_fit()'s
        MXNet build (another distribution, mxnet-cuNNN)."""
        found = report(
            detection(
                "mxnet",
                version="1.9.1",
                distribution="mxnet",
                import_name="mxnet",
                build="cpu",
            ),
            machine=GPU,
            platform="linux",
        ).diagnoses[0]

        expect_gpu_answer(
            found, "cpu-build-on-gpu", fit_for("mxnet", GPU), uninstall="mxnet"
        )

    def test_cuda_torch_from_the_probe(self):
        """A probe saying torch.version.cuda is 12.8: not a CPU build."""
        probe = ProbeResult(
            status="importable",
            gpu=GpuInfo(details={"cuda_build": "12.8", "hip_build": None}),
        )

        found = report(detection(probe=probe), machine=GPU).diagnoses[0]

        assert [] == codes(found)

    def test_merge_skips_other_codes(self):
        """Probe evidence joins the finding of the same code, not the first."""
        other = Finding(code="shadowed", title="t", cause="c")
        same = Finding(code="numpy-abi", title="t", cause="c")
        probe = ProbeResult(
            status="import_error",
            error="AttributeError: _ARRAY_API not found",
        )

        merged = probe_findings(probe, {"name": "X"}, [other, same])

        assert () == merged[0].evidence
        assert ("AttributeError: _ARRAY_API not found",) == merged[1].evidence

    def test_missing_module_explained_by_a_later_finding(self):
        """A missing module named by the second finding merges there."""
        first = Finding(code="shadowed", title="t", cause="unrelated")
        second = Finding(
            code="requirement-missing",
            title="t",
            cause="X requires scikit-learn, which is not installed.",
        )
        probe = ProbeResult(
            status="import_error",
            error="ModuleNotFoundError: No module named 'scikit_learn'",
        )

        merged = probe_findings(probe, {"name": "X"}, [first, second])

        assert 2 == len(merged)
        assert merged[1].evidence

    def test_render_without_source(self):
        """A finding without a source prints no source line."""
        finding = Finding(code="unknown-failure", title="t", cause="boom")
        diagnosis = Diagnosis(
            key="k", name="K", health="problem", findings=[finding]
        )

        assert "source:" not in render(DoctorReport(diagnoses=[diagnosis]))


class TestLongErrors:
    def test_long_unknown_error(self):
        """A very long unrecognised error: the cause quotes its start, the
        evidence keeps it whole, the text report clips it."""
        error = "Exception: Compilation failed " + "x" * 1000
        probe = ProbeResult(
            status="import_error", error=error, stderr_tail=[error, "last"]
        )

        (finding,) = probe_findings(probe, FACTS, [])

        assert finding.cause.endswith("…")
        assert len(finding.cause) < 260
        assert (error, "last") == finding.evidence
        diagnosis = Diagnosis(
            key="k", name="K", health="problem", findings=[finding]
        )
        text = render(DoctorReport(diagnoses=[diagnosis]))
        assert "(--json shows all)" in text
        assert error not in text


def gpu_report(vendor, capabilities=(), driver=None, cuda=None, notes=()):
    """A dlchoose.gpu() report as the GPU capability builds them."""
    devices = tuple(
        dlchoose.GpuDevice(
            index=index,
            name="test GPU",
            vendor=vendor,
            compute_capability=capability,
        )
        for index, capability in enumerate(capabilities)
    )
    return dlchoose.GpuReport(
        vendor=vendor,
        os="linux",
        driver_version=driver,
        max_cuda=cuda,
        devices=devices,
        notes=notes,
    )


class TestGpuReport:
    def test_nvidia_devices(self):
        """dlchoose.gpu()'s NVIDIA devices become the GPU count and their
        compute capabilities; its summary and notes are kept."""
        report = gpu_report(
            "nvidia", ("8.6", None), "550.54.14", "12.x", notes=("n",)
        )

        facts = from_gpu_report(report)

        assert 2 == facts.nvidia_gpus
        assert ("8.6",) == facts.compute_capabilities
        assert "12.x" == facts.max_cuda
        assert report.summary == facts.summary()
        assert ("n",) == facts.notes
        assert ["n"] == facts.to_dict()["notes"]
        assert facts.report is report

    def test_nvidia_without_models(self):
        """An NVIDIA vendor without a device list still has a GPU."""
        assert from_gpu_report(gpu_report("nvidia", (), "550.1")).has_gpu

    def test_other_vendors(self):
        """AMD, Apple or none: no NVIDIA GPU for the CUDA checks."""
        for vendor in ("amd", "apple", "none"):
            assert 0 == from_gpu_report(gpu_report(vendor)).nvidia_gpus

    def test_gather_uses_gpu_and_keeps_its_errors(self):
        """gather_machine() takes dlchoose.gpu()'s facts, and an error of
        dlchoose.gpu() is not hidden behind facts read another way."""

        def broken():
            raise dlchoose.exceptions.DlchooseError("nvidia-smi exploded")

        via_gpu = gather_machine(lambda: gpu_report("none"))

        assert "dlchoose.gpu()" == via_gpu.source
        with pytest.raises(dlchoose.exceptions.DlchooseError):
            gather_machine(broken)

    def test_gather_calls_the_real_gpu(self, monkeypatch):
        """By default the GPU capability's own gpu() answers: the same
        driver, CUDA limit and notes as dlchoose gpu (no table of its own)."""
        monkeypatch.setenv("DLCHOOSE_CUDA_DRIVER_VERSION", "418.39")

        facts = gather_machine()

        expected = dlchoose.gpu()
        assert "dlchoose.gpu()" == facts.source
        assert expected.driver_version == facts.driver
        assert expected.max_cuda == facts.max_cuda
        assert expected.summary == facts.summary()


def test_render_wraps_words_not_commands():
    """Causes wrap at the width under their bullet; a fix continues with
    shell line continuations, each of its words whole."""
    finding = Finding(
        code="x",
        title="t",
        cause="word " * 30,
        fix="pip install " + "a" * 70,
        hint="or " + "more words " * 10,
    )
    diagnosis = Diagnosis(
        key="k", name="K", health="problem", findings=[finding]
    )

    lines = render(DoctorReport(diagnoses=[diagnosis]), width=50).splitlines()

    cause = [line for line in lines if line.startswith(("  ✗", "    word"))]
    assert len(cause) > 1
    assert all(len(line) <= 50 for line in cause)
    at = lines.index("      fix: pip install \\")
    assert " " * 11 + "a" * 70 == lines[at + 1]
