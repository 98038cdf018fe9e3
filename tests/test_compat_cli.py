"""``dlchoose compat``: one line per framework, commands for one, JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dlchoose

from dlchoose._cli import main
from tests.index_server import HOSTILE, IndexServer


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["compat", *args])
    out, err = capsys.readouterr()
    return code, out, err


class TestText:
    def test_every_framework(self, capsys):
        """One line per framework after the target and the header."""
        import dlchoose

        code, out, _ = run(
            capsys, "--python", "3.11", "--platform", "manylinux_2_28_x86_64"
        )
        assert 0 == code
        lines = out.splitlines()
        assert "Target: CPython 3.11 on manylinux_2_28_x86_64" == lines[0]
        assert len(dlchoose.frameworks()) == len(lines) - 3
        cntk = next(line for line in lines if line.startswith("Microsoft"))
        assert " no " in cntk
        assert "cp36" in cntk

    def test_torch_intel_mac(self, capsys):
        """One name adds the pip lines: install on the target, fetch from here."""
        code, out, _ = run(
            capsys,
            "torch",
            "--python",
            "3.12",
            "--platform",
            "macosx_11_0_x86_64",
        )
        assert 0 == code
        assert "2.2.2" in out
        assert "no wheel for macosx_11_0_x86_64" in out
        assert "Install on the target:  pip install torch==2.2.2" in out
        assert (
            "pip download torch==2.2.2 --no-deps --only-binary=:all:"
            " --python-version 3.12 --platform macosx_10_9_x86_64 -d wheels"
        ) in out

    def test_tensorflow_313_windows(self, capsys):
        """TensorFlow 3.13 on Windows gets the newest release and no reason."""
        _, out, _ = run(
            capsys, "tensorflow", "--python", "3.13", "--platform", "win_amd64"
        )
        row = out.splitlines()[3]
        assert row.startswith("TensorFlow")
        assert "  -  " in row

    def test_here(self, capsys):
        """Without a target, this machine; one name gives the install line."""
        _, out, _ = run(capsys, "keras")
        assert "(this machine)" in out.splitlines()[0]
        assert "Install here:  pip install keras==" in out
        assert "Fetch from here" not in out

    def test_gpu_build_line_here(self, capsys, monkeypatch):
        """With a CUDA driver here, one name also gets the GPU build line."""
        monkeypatch.setenv("DLCHOOSE_CUDA_DRIVER_VERSION", "580.65")
        # Which JAX build fits depends on this interpreter (JAX 0.6 is the
        # last for 3.10): the line must be gpu_fit's answer for here.
        expected = dlchoose.gpu_fit(["jax"])[0].install_command
        _, out, err = run(capsys, "jax")
        assert expected is not None
        assert expected.startswith('pip install "jax[cuda1')
        assert f"GPU build here:   {expected}" in out
        assert "CPU-only" in err

    def test_distribution_named_unlike_its_framework(self, capsys):
        """TensorFlow.js's distribution is tensorflowjs: the GPU question is
        asked of the framework, so no 'unknown framework' note appears."""
        code, out, err = run(capsys, "tfjs")
        assert 0 == code
        assert "Install here:  pip install tensorflowjs==" in out
        assert "Unknown framework" not in err

    def test_no_gpu_line_for_another_target(self, capsys, monkeypatch):
        """Another target's GPU is unknown: no GPU line."""
        monkeypatch.setenv("DLCHOOSE_CUDA_DRIVER_VERSION", "580.65")
        _, out, _ = run(
            capsys, "jax", "--python", "3.12", "--platform", "win_amd64"
        )
        assert "GPU build" not in out

    def test_gpu_answer_failing_is_a_note(self, capsys, monkeypatch):
        """A failing GPU answer is one note; the compatibility answer stands."""
        import dlchoose

        from dlchoose.exceptions import DlchooseError

        def broken(*args, **kwargs):
            raise DlchooseError("no driver table")

        monkeypatch.setattr(dlchoose, "gpu_fit", broken)
        code, out, err = run(capsys, "keras")
        assert 0 == code
        assert "Install here" in out
        assert "dlchoose: no GPU answer: no driver table" in err

    def test_not_installable_prints_no_command(self, capsys):
        """A framework without a fitting wheel gets no install line."""
        _, out, _ = run(
            capsys, "cntk", "--python", "3.12", "--platform", "win_amd64"
        )
        assert "pip install" not in out

    def test_notes_go_to_stderr(self, capsys):
        """Fallback notes go to stderr, once each, and the answer still prints."""
        with IndexServer() as server:
            server.routes["torch"] = HOSTILE["html"]
            code, out, err = run(
                capsys, "torch", "--refresh", "--index-url", server.url
            )
        assert 0 == code
        assert "PyTorch" in out
        assert "dlchoose: torch: the index answered HTML" in err

    def test_offline_flag(self, capsys):
        """--offline keeps --refresh off the network."""
        with IndexServer() as server:
            run(
                capsys,
                "torch",
                "--refresh",
                "--offline",
                "--index-url",
                server.url,
            )
            assert [] == server.paths()


class TestJson:
    def test_schema(self, capsys):
        """--json prints the target and one object per framework."""
        code, out, _ = run(
            capsys,
            "torch",
            "cntk",
            "--python",
            "3.12",
            "--platform",
            "win_amd64",
            "--json",
        )
        assert 0 == code
        document = json.loads(out)
        assert ["target", "frameworks"] == list(document)
        assert {
            "python": "3.12",
            "platform": "win_amd64",
            "here": False,
        } == document["target"]
        assert ["pytorch", "cntk"] == [
            f["framework"] for f in document["frameworks"]
        ]


class TestErrors:
    def test_unknown_platform(self, capsys):
        """An unknown platform tag is a usage error (exit 2) with examples,
        no traceback."""
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "--platform", "macos")
        out, err = capsys.readouterr()
        assert 2 == stopped.value.code
        assert "" == out
        assert "dlchoose compat: error: Unknown platform tag 'macos'." in err
        assert "win_amd64" in err
        assert "Traceback" not in err

    def test_unknown_python(self, capsys):
        """An unknown Python version is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "--python", "2.7")
        assert 2 == stopped.value.code
        assert "Unknown Python version" in capsys.readouterr().err

    def test_unknown_framework(self, capsys):
        """An unknown name exits 1."""
        code, _, err = run(capsys, "nope-not-a-framework")
        assert 1 == code
        assert "Unknown framework" in err

    @pytest.mark.parametrize(
        "url",
        [
            "",
            "  ",
            "http://[::1/",
            "https://alice:s3cretpass@pypi.example:99999/simple/",
            "http:/no-host",
        ],
    )
    def test_bad_index_url_is_a_usage_error(self, capsys, url):
        """An empty or unparsable --index-url exits 2 (usage), no traceback,
        and the message never repeats a password."""
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "torch", "--refresh", "--index-url", url)
        _, err = capsys.readouterr()
        assert 2 == stopped.value.code
        assert "--index-url" in err
        assert "Traceback" not in err
        assert "s3cretpass" not in err

    def test_bad_index_url_from_the_environment_is_a_note(
        self, capsys, monkeypatch
    ):
        """A bad PIP_INDEX_URL is a note; the snapshot answers (exit 0)."""
        monkeypatch.delenv("DLCHOOSE_INDEX_URL", raising=False)
        monkeypatch.setenv("PIP_INDEX_URL", "http://[::1/")
        code, out, err = run(capsys, "torch", "--refresh")
        assert 0 == code
        assert "torch" in out
        assert "PIP_INDEX_URL does not parse" in err


def test_cli_uses_no_requests_without_refresh():
    """A snapshot answer loads neither requests nor the HTTP layer."""
    code = (
        "import sys, io, contextlib\n"
        "from dlchoose._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['compat'])\n"
        "print(sorted(m for m in sys.modules if m in {'requests', 'urllib3', 'dlchoose._http'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "[]" == done.stdout.strip()
