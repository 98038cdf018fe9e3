"""Errors survive pickling (multiprocessing, concurrent.futures) intact."""

from __future__ import annotations

import pickle

from datetime import datetime, timezone
from typing import TypeVar

import pytest

from dlchoose.exceptions import (
    DlchooseError,
    InvalidConstraintError,
    InvalidFrameworkError,
    MetricsError,
    RateLimitError,
    RepositoryNotFoundError,
)


_E = TypeVar("_E", bound=DlchooseError)


def _round_trip(error: _E) -> _E:
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, type(error))
    return copy


class TestPickling:
    @pytest.mark.parametrize("field", ["layers", None])
    def test_invalid_framework(self, field):
        """InvalidFrameworkError keeps file, entry, field and reason."""
        error = InvalidFrameworkError(
            path="mine.toml", entry="tiny", field=field, reason="not a list"
        )
        copy = _round_trip(error)
        assert isinstance(copy, InvalidFrameworkError)
        assert (copy.path, copy.entry, copy.field, copy.reason) == (
            "mine.toml",
            "tiny",
            field,
            "not a list",
        )
        assert str(error) == str(copy)

    def test_invalid_constraint(self):
        """InvalidConstraintError keeps the value, choices and constraint."""
        error = InvalidConstraintError(
            "nvidea", ["nvidia", "amd"], constraint="gpu_vendor"
        )
        copy = _round_trip(error)
        assert isinstance(copy, InvalidConstraintError)
        assert ("nvidea", "gpu_vendor") == (copy.value, copy.constraint)
        assert str(error) == str(copy)

    @pytest.mark.parametrize("cls", [MetricsError, RepositoryNotFoundError])
    def test_metrics_errors(self, cls: type[MetricsError]) -> None:
        """Metrics errors keep their class, message and repository."""
        copy = _round_trip(cls("gone", repo="a/b"))
        assert type(copy) is cls
        assert ("gone", "a/b") == (str(copy), copy.repo)

    def test_rate_limit(self):
        """RateLimitError keeps the reset time and the secondary flag."""
        reset = datetime(2026, 11, 29, 16, 0, tzinfo=timezone.utc)
        copy = _round_trip(
            RateLimitError("slow down", reset_at=reset, secondary=True)
        )
        assert isinstance(copy, RateLimitError)
        assert (reset, True, None) == (
            copy.reset_at,
            copy.secondary,
            copy.repo,
        )
