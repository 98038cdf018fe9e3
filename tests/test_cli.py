"""The command line: shared behaviour and the registry commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dlchoose

from dlchoose._cli import main


def run(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestMain:
    def test_version(self, capsys):
        """--version prints the installed version."""
        code, out, _ = run(capsys, "--version")
        assert (0, f"dlchoose {dlchoose.__version__}\n") == (code, out)

    def test_abbreviated_option_is_usage_error(self, capsys):
        """Options are never abbreviated: `--vers` is a usage error."""
        with pytest.raises(SystemExit) as info:
            main(["--vers"])
        assert 2 == info.value.code

    def test_no_command_is_usage_error(self, capsys):
        """A missing subcommand exits 2 with argparse's usage message."""
        with pytest.raises(SystemExit) as info:
            main([])
        assert 2 == info.value.code
        assert "usage: dlchoose" in capsys.readouterr().err

    def test_bad_option_is_usage_error(self, capsys):
        """An invalid choice exits 2."""
        with pytest.raises(SystemExit) as info:
            main(["list", "--status", "dead"])
        assert 2 == info.value.code

    def test_dlchoose_error_exits_1_with_one_line(self, capsys):
        """A DlchooseError prints one line on stderr and exits 1."""
        code, out, err = run(capsys, "show", "tensorflw-nope")
        assert 1 == code
        assert "" == out
        assert 1 == len(err.splitlines())
        assert err.startswith("dlchoose: error: Unknown framework")
        assert "Traceback" not in err

    def test_python_m(self):
        """python -m dlchoose works as a real process."""
        result = subprocess.run(
            [sys.executable, "-m", "dlchoose", "--version"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.startswith("dlchoose ")

    def test_help_lists_commands(self, capsys):
        """--help names the registry commands."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        assert "list" in out
        assert "show" in out


class TestLazyCommands:
    def test_every_command_is_registered_by_its_module(self):
        """Each COMMANDS row names the module that registers that command."""
        from dlchoose._cli import COMMANDS, build_parser

        for command, module in COMMANDS.items():
            parser = build_parser([module])
            args = parser.parse_args(
                [command, *_MINIMAL_ARGS.get(command, ())]
            )
            assert command == args.command

    def test_unknown_command_lists_every_command(self, capsys):
        """An unknown command is a usage error naming every command."""
        from dlchoose._cli import COMMANDS

        with pytest.raises(SystemExit) as info:
            main(["frobnicate"])
        assert 2 == info.value.code
        err = capsys.readouterr().err
        assert all(command in err for command in COMMANDS)

    @pytest.mark.parametrize("command", ["list", "show pytorch"])
    def test_registry_commands_load_no_recommender_or_client(self, command):
        """`dlchoose list`/`show` import neither the recommender nor requests,
        nor packaging and logging (the bundled releases are plain versions,
        and a healthy file logs nothing)."""
        code = (
            "import sys\n"
            "from dlchoose._cli import main\n"
            f"main({command.split()!r})\n"
            "loaded = [m for m in sys.modules if m.startswith("
            "('dlchoose._recommend', 'dlchoose._metrics', 'requests',"
            " 'packaging', 'logging'))]\n"
            "print('LOADED', loaded)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "LOADED []" in result.stdout


#: Arguments some commands need before they parse.
_MINIMAL_ARGS = {
    "show": ("pytorch",),
    "compare": ("pytorch", "jax"),
    "report": ("-o", "-"),
    "completion": ("bash",),
}


class TestList:
    def test_table(self, capsys):
        """list prints one row per framework after a header."""
        code, out, _ = run(capsys, "list")
        lines = out.splitlines()
        assert 0 == code
        assert lines[0].split()[:3] == ["key", "name", "status"]
        assert len(dlchoose.frameworks()) == len(lines) - 2

    def test_json(self, capsys):
        """list --json prints one object with every framework's facts."""
        code, out, _ = run(capsys, "list", "--json")
        document = json.loads(out)
        assert 0 == code
        assert [f.key for f in dlchoose.frameworks()] == [
            f["key"] for f in document["frameworks"]
        ]

    def test_status_filter(self, capsys):
        """--status keeps only frameworks with that status (repeatable)."""
        _, out, _ = run(capsys, "list", "--status", "retired", "--json")
        keys = [f["key"] for f in json.loads(out)["frameworks"]]
        assert keys == [f.key for f in dlchoose.frameworks(status="retired")]
        assert "mxnet" in keys
        _, out, _ = run(
            capsys,
            "list",
            "--status",
            "retired",
            "--status",
            "active",
            "--json",
        )
        both = [f["key"] for f in json.loads(out)["frameworks"]]
        assert {"mxnet", "pytorch"} <= set(both)


class TestShow:
    def test_mxnet_json(self, capsys):
        """show mxnet --json reports apache/mxnet, former names and retirement."""
        code, out, _ = run(capsys, "show", "mxnet", "--json")
        data = json.loads(out)
        assert 0 == code
        assert "apache/mxnet" == data["repository"]
        assert "apache/incubator-mxnet" in data["former_repositories"]
        assert "retired" == data["status"]
        assert data["status_date"]
        assert all(s["date"] for s in data["sources"]["status"])

    def test_text_has_numbered_sources(self, capsys):
        """The text view marks facts with footnotes listed under Sources."""
        code, out, _ = run(capsys, "show", "apache/incubator-mxnet")
        assert 0 == code
        assert out.startswith("Apache MXNet (mxnet)")
        assert "status: retired [" in out
        assert "\nSources:\n  [1] " in out
        assert (
            "latest release: 1.9.1 (2022-05-17); mxnet on the package index"
            in out
        )

    def test_text_shows_unknown(self, capsys):
        """Facts with no value read 'unknown', never blank."""
        _, out, _ = run(capsys, "show", "pytorch")
        assert "programs: unknown" in out
        assert "inference only: no" in out


class TestSchema:
    def test_show_json_keys_are_pinned(self, capsys):
        """The documented `show --json` keys, in order: renames break this test."""
        _, out, _ = run(capsys, "show", "pytorch", "--json")
        assert [
            "key",
            "name",
            "aliases",
            "summary",
            "organisation",
            "languages",
            "licence",
            "repository",
            "former_repositories",
            "homepage",
            "getting_started",
            "first_release",
            "latest_release",
            "status",
            "status_date",
            "inference_only",
            "graph_style",
            "autodiff",
            "gpu_backends",
            "distributed",
            "cnn",
            "rnn",
            "deployment",
            "builds_on",
            "successors",
            "distributions",
            "import_names",
            "programs",
            "maven_groups",
            "cargo_crates",
            "npm_packages",
            "nuget_packages",
            "julia_packages",
            "sources",
        ] == list(json.loads(out))
