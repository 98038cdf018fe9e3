"""Type-level tests of the public API: checked by mypy, never executed."""

from __future__ import annotations

from typing_extensions import assert_type

import dlchoose

from dlchoose import Framework, Source, Status


def registry() -> None:
    assert_type(dlchoose.frameworks(), tuple[Framework, ...])
    assert_type(dlchoose.frameworks(status="active"), tuple[Framework, ...])
    assert_type(
        dlchoose.frameworks(status=[Status.ACTIVE, "maintenance"]),
        tuple[Framework, ...],
    )
    framework = dlchoose.get_framework("torch")
    assert_type(framework, Framework)
    assert_type(framework.sources_for("licence"), tuple[Source, ...])
    assert_type(framework.repository, str | None)
    assert_type(framework.status, Status)
    assert_type(dlchoose.register_framework(framework), Framework)
    assert_type(dlchoose.load_frameworks("x.toml"), tuple[Framework, ...])
    assert_type(Status.parse("active"), Status)
