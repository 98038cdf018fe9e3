"""Every error that dlchoose raises on purpose.

The tree::

    DlchooseError
    ├── UnknownFrameworkError          (also a LookupError)
    ├── RegistryError                  (also a ValueError)
    │   ├── InvalidFrameworkError
    │   └── DuplicateFrameworkError
    ├── InvalidChoiceError             (also a ValueError)
    │   ├── UnknownPurposeError
    │   ├── UnknownCriterionError
    │   ├── UnknownGpuVendorError      (0.2.0)
    │   └── InvalidConstraintError
    ├── InvalidWeightsError            (also a ValueError)
    ├── UnknownTargetError             (also a ValueError; 0.2.0)
    ├── InvalidGpuFactError            (also a ValueError; 0.2.0)
    │   ├── InvalidDriverVersionError
    │   ├── InvalidComputeCapabilityError
    │   └── ConflictingGpuFactsError
    ├── NetworkError                   (the shared HTTP layer; 0.2.0)
    │   ├── OfflineError
    │   ├── DeadlineExceededError
    │   ├── TransportError
    │   │   └── UnreachableError       (0.2.0)
    │   ├── RedirectRefusedError
    │   └── BadResponseError           (also a ValueError)
    │       └── ResponseTooLargeError
    └── MetricsError
        ├── RepositoryNotFoundError    (also a LookupError)
        ├── AuthenticationError
        ├── RateLimitError
        └── MetricsUnavailableError

Catch :class:`DlchooseError` to handle anything dlchoose refuses or cannot
do; catch the builtin (``LookupError``, ``ValueError``) where that reads
better.  Exceptions carry their details as attributes, so callers never
have to parse messages.  Wrong argument *types* stay plain ``TypeError``.

All of these were added in 0.1.0.
"""

from __future__ import annotations

import difflib

from collections.abc import Iterable
from datetime import datetime


__all__ = [
    "AuthenticationError",
    "BadResponseError",
    "ConflictingGpuFactsError",
    "DeadlineExceededError",
    "DlchooseError",
    "DuplicateFrameworkError",
    "InvalidChoiceError",
    "InvalidComputeCapabilityError",
    "InvalidConstraintError",
    "InvalidDriverVersionError",
    "InvalidFrameworkError",
    "InvalidGpuFactError",
    "InvalidWeightsError",
    "MetricsError",
    "MetricsUnavailableError",
    "NetworkError",
    "OfflineError",
    "RateLimitError",
    "RedirectRefusedError",
    "RegistryError",
    "RepositoryNotFoundError",
    "ResponseTooLargeError",
    "TransportError",
    "UnknownCriterionError",
    "UnknownFrameworkError",
    "UnknownGpuVendorError",
    "UnknownPurposeError",
    "UnknownTargetError",
    "UnreachableError",
]


def closest(value: str, choices: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """The choices that look most like *value*, best first (case-insensitive)."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    matches = difflib.get_close_matches(
        value.casefold(), by_folded, n=n, cutoff=0.6
    )
    return tuple(by_folded[m] for m in matches)


def _did_you_mean(suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


class DlchooseError(Exception):
    """Root of every error dlchoose raises on purpose."""


class UnknownFrameworkError(DlchooseError, LookupError):
    """No registered framework has this name, alias, repository or URL.

    ``known`` lists the registry keys; ``suggestions`` the closest names.
    """

    def __init__(
        self,
        name: str,
        known: Iterable[str],
        suggestions: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.known = tuple(known)
        self.suggestions = tuple(suggestions)
        super().__init__(
            f"Unknown framework {name!r}.{_did_you_mean(self.suggestions)}"
            f" Known frameworks: {', '.join(self.known)}."
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.known, self.suggestions))


class RegistryError(DlchooseError, ValueError):
    """A framework definition cannot join the registry."""


class InvalidFrameworkError(RegistryError):
    """An entry of a user-supplied registry file is invalid.

    ``path`` is the file (or ``None`` for in-memory data), ``entry`` the
    entry's key or position, ``field`` the offending field (or ``None``
    when the entry as a whole is wrong) and ``reason`` what is wrong.
    """

    def __init__(
        self,
        *,
        path: str | None,
        entry: str,
        field: str | None,
        reason: str,
    ) -> None:
        self.path = path
        self.entry = entry
        self.field = field
        self.reason = reason
        where = f"{path}: " if path else ""
        what = f"entry {entry!r}"
        if field:
            what += f", field {field!r}"
        super().__init__(f"{where}{what}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_invalid_framework,
            (self.path, self.entry, self.field, self.reason),
        )


def _rebuild_invalid_framework(
    path: str | None, entry: str, field: str | None, reason: str
) -> InvalidFrameworkError:
    return InvalidFrameworkError(
        path=path, entry=entry, field=field, reason=reason
    )


class DuplicateFrameworkError(RegistryError):
    """A key, alias or repository is already taken by another framework.

    ``name`` is the clashing name, ``existing`` the key that owns it.
    """

    def __init__(self, name: str, existing: str, new: str) -> None:
        self.name = name
        self.existing = existing
        self.new = new
        super().__init__(
            f"Cannot register {new!r}: the name {name!r} already belongs to"
            f" {existing!r}. Pass replace=True to replace a framework by key."
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.existing, self.new))


class InvalidChoiceError(DlchooseError, ValueError):
    """A value is not one of the allowed choices.

    ``value`` is what was given, ``choices`` every valid value and
    ``suggestions`` the closest ones.  Subclasses say which kind of choice.
    """

    kind = "value"

    def __init__(self, value: str, choices: Iterable[str]) -> None:
        self.value = value
        self.choices = tuple(choices)
        self.suggestions = closest(str(value), self.choices)
        super().__init__(
            f"Unknown {self.kind} {value!r}.{_did_you_mean(self.suggestions)}"
            f" Valid choices: {', '.join(self.choices)}."
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.value, self.choices))


class UnknownPurposeError(InvalidChoiceError):
    """The purpose (or its alias) names no recommendation profile."""

    kind = "purpose"


class UnknownCriterionError(InvalidChoiceError):
    """A weight or priority names no recommendation criterion."""

    kind = "criterion"


class InvalidConstraintError(InvalidChoiceError):
    """A recommendation constraint has a value outside its choices.

    ``constraint`` names the constraint (``"gpu_vendor"``), when known.
    """

    kind = "constraint value"

    def __init__(
        self,
        value: str,
        choices: Iterable[str],
        constraint: str | None = None,
    ) -> None:
        self.constraint = constraint
        if constraint:
            self.kind = constraint
        super().__init__(value, choices)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.value, self.choices, self.constraint))


class InvalidWeightsError(DlchooseError, ValueError):
    """Weights are negative, not finite, or all zero."""


class UnknownTargetError(DlchooseError, ValueError):
    """A Python version or wheel platform tag that no target can be built for.

    ``kind`` is ``"python"`` or ``"platform"``, ``value`` what was given and
    ``examples`` valid values to try.  Added in 0.2.0.
    """

    def __init__(self, kind: str, value: str, examples: Iterable[str]) -> None:
        self.kind = kind
        self.value = value
        self.examples = tuple(examples)
        what = "Python version" if kind == "python" else "platform tag"
        super().__init__(
            f"Unknown {what} {value!r}."
            f" Examples of valid ones: {', '.join(self.examples)}."
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.kind, self.value, self.examples))


class UnknownGpuVendorError(InvalidChoiceError):
    """A GPU vendor override is not one dlchoose knows.  Added in 0.2.0."""

    kind = "GPU vendor"


class InvalidGpuFactError(DlchooseError, ValueError):
    """A machine fact given as an override cannot be read.

    ``value`` is what was given and ``examples`` valid values to try.
    Added in 0.2.0.
    """

    what = "GPU fact"

    def __init__(self, value: str, examples: Iterable[str]) -> None:
        self.value = value
        self.examples = tuple(examples)
        super().__init__(
            f"Invalid {self.what} {value!r}."
            f" Examples of valid ones: {', '.join(self.examples)}."
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.value, self.examples))


class InvalidDriverVersionError(InvalidGpuFactError):
    """An NVIDIA driver version that is not ``MAJOR.MINOR[.PATCH]``."""

    what = "NVIDIA driver version"


class InvalidComputeCapabilityError(InvalidGpuFactError):
    """A compute capability that is not ``X.Y`` (or an AMD ``gfx`` name)."""

    what = "compute capability"


class ConflictingGpuFactsError(InvalidGpuFactError):
    """Overrides that describe no machine (an NVIDIA driver on an AMD GPU)."""

    what = "combination of GPU facts"


class NetworkError(DlchooseError):
    """The shared HTTP layer could not get an answer.

    ``url`` is the URL concerned (credentials stripped), when known.
    Clients (GitHub metrics, the package index) map these onto their own
    errors, chained with ``from``.  Added in 0.2.0, like its subclasses.
    """

    def __init__(self, message: str, *, url: str | None = None) -> None:
        self.url = url
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_network_error, (type(self), self.args[0], self.url))


def _rebuild_network_error(
    cls: type[NetworkError], message: str, url: str | None
) -> NetworkError:
    return cls(message, url=url)


class OfflineError(NetworkError):
    """Offline mode is on and the answer is not cached: no socket opened."""


class DeadlineExceededError(NetworkError):
    """The overall deadline passed before the answer was complete."""


class TransportError(NetworkError):
    """Connecting, sending or reading failed (after urllib3's retries)."""


class UnreachableError(TransportError):
    """The host cannot be reached: its name does not resolve, it refuses or
    cannot be routed to, or it stopped answering; now or a few minutes ago.

    ``reason`` says which, in words.  After the first such failure a client
    sends nothing more to that host during the run, and remembers it
    briefly on disk.  Added in 0.2.0.
    """

    def __init__(
        self, message: str, *, url: str | None = None, reason: str = ""
    ) -> None:
        self.reason = reason
        super().__init__(message, url=url)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_unreachable_error,
            (type(self), self.args[0], self.url, self.reason),
        )


def _rebuild_unreachable_error(
    cls: type[UnreachableError], message: str, url: str | None, reason: str
) -> UnreachableError:
    return cls(message, url=url, reason=reason)


class RedirectRefusedError(NetworkError):
    """A redirect left the original scheme and host, or there were too many."""


class BadResponseError(NetworkError, ValueError):
    """The answer cannot be used: not JSON, nested too deeply, badly encoded."""


class ResponseTooLargeError(BadResponseError):
    """The decoded body exceeds the size limit (gzip bombs included)."""


class MetricsError(DlchooseError):
    """Repository metrics could not be fetched.

    ``repo`` names the repository concerned, when there is one.
    """

    def __init__(self, message: str, *, repo: str | None = None) -> None:
        self.repo = repo
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_metrics_error, (type(self), self.args[0], self.repo))


def _rebuild_metrics_error(
    cls: type[MetricsError], message: str, repo: str | None
) -> MetricsError:
    return cls(message, repo=repo)


class RepositoryNotFoundError(MetricsError, LookupError):
    """GitHub does not know the repository (404), or hides it (451)."""


class AuthenticationError(MetricsError):
    """GitHub refused the token (401) or the request (403 without a limit)."""


class RateLimitError(MetricsError):
    """GitHub's rate limit is exhausted until ``reset_at``.

    ``reset_at`` is an aware UTC datetime, or ``None`` when GitHub did not
    say; ``secondary`` is true for the burst (secondary) limit.
    """

    def __init__(
        self,
        message: str,
        *,
        reset_at: datetime | None,
        secondary: bool = False,
        repo: str | None = None,
    ) -> None:
        self.reset_at = reset_at
        self.secondary = secondary
        super().__init__(message, repo=repo)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_rate_limit_error,
            (self.args[0], self.reset_at, self.secondary, self.repo),
        )


def _rebuild_rate_limit_error(
    message: str,
    reset_at: datetime | None,
    secondary: bool,  # noqa: FBT001 - positional for pickle
    repo: str | None,
) -> RateLimitError:
    return RateLimitError(
        message, reset_at=reset_at, secondary=secondary, repo=repo
    )


class MetricsUnavailableError(MetricsError):
    """The network, a timeout or a GitHub server error got in the way."""
