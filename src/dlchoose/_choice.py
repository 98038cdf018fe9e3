"""The string-enum base every public choice type shares.

Python 3.10 has no :class:`enum.StrEnum`; this base gives the same
behaviour (members compare equal to their values and print as them) plus
the parsing every command needs.
"""

from __future__ import annotations

import enum

from typing import TypeVar


__all__ = ["Choice"]


_C = TypeVar("_C", bound="Choice")


class Choice(str, enum.Enum):
    """A string enum whose values are what users and JSON see."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def choices(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def parse(cls: type[_C], value: object) -> _C:  # noqa: PYI019 - 3.10 has no typing.Self
        """*value* as a member; unknown values raise a typed error."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            for member in cls:
                if member.value == value.strip().lower():
                    return member
        # Imported here: the error tree (and difflib behind it) would
        # otherwise load on detection's fast path, which never fails a parse.
        from .exceptions import InvalidChoiceError

        raise InvalidChoiceError(str(value), cls.choices())
