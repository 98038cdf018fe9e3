"""``recommend()``: check the arguments, gather defaults, run the core.

Method (``docs/recommendations.md``): hard constraints exclude frameworks
with stated reasons; survivors get a weighted sum of criterion values on
fixed, declared scales, computed with exact fractions.  The score splits
into per-criterion points, which gives the explanation, "why not X" and a
closed-form robustness figure.  The scoring itself
(:func:`._pipeline.rank_frameworks`) is pure; this module normalises the
arguments and asks the one seam, :mod:`._gather`, for whatever the caller
did not pass (the bundled snapshot, fresh figures, the installed set).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

from .._choice import Choice
from .._registry._lookup import frameworks as registered
from .._registry._lookup import get_framework
from .._registry._model import Framework
from ..exceptions import InvalidChoiceError, InvalidConstraintError
from ._constraints import Constraints
from ._criteria import REQUIRABLE, SEED_ERA_AS_OF, Criterion
from ._gather import DEFAULT_GATHERER, Gathered, Gatherer
from ._options import MISSING_MODES, UNKNOWN_MODES, DataEra, GpuVendor
from ._pipeline import Inputs, rank_frameworks
from ._profiles import PROFILES, Purpose
from ._results import Recommendation
from ._weights import parse_criterion, resolve_weights


if TYPE_CHECKING:
    from .._metrics._values import RepoMetrics


__all__ = ["Recommendation", "recommend"]

_C = TypeVar("_C", bound=Choice)


def _choice(value: object, choices: Iterable[str], what: str) -> str:
    folded = value.strip().lower() if isinstance(value, str) else value
    options = tuple(choices)
    if folded not in options:
        raise InvalidConstraintError(str(value), options, constraint=what)
    return str(folded)


def _member(kind: type[_C], value: object, what: str) -> _C:
    """*value* as a member of *kind*; the error names the constraint."""
    try:
        return kind.parse(value)
    except InvalidChoiceError:
        raise InvalidConstraintError(
            str(value), kind.choices(), constraint=what
        ) from None


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")
    return value


def _names(value: object, name: str) -> tuple[object, ...]:
    """A list-like argument's items; a lone string is refused, not read
    letter by letter."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a list of names, not {type(value).__name__}"
            + (
                f" ({value!r}); write [{value!r}]"
                if isinstance(value, str)
                else ""
            )
        )
    return tuple(value)


def _environment(installed: object, gather: Gatherer) -> frozenset[str] | None:
    """The registry keys *installed* allows, or ``None`` for no constraint."""
    if installed is None or installed is False:
        return None
    if installed is True:
        return gather.installed()
    names = (
        (installed,)
        if isinstance(installed, str)
        else _names(installed, "installed")
    )
    keys = set()
    for name in names:
        if isinstance(name, Framework):
            keys.add(name.key)
        elif isinstance(name, str):
            keys.add(get_framework(name).key)
        else:
            raise TypeError(
                "installed must hold framework names or Framework objects,"
                f" not {type(name).__name__}"
            )
    return frozenset(keys)


def _language(language: object, pool: Iterable[Framework]) -> str | None:
    """*language* as the registry spells it (``"java"`` is ``"Java"``).

    A language no framework has would exclude them all; it raises instead.
    """
    if language is None:
        return None
    if not isinstance(language, str):
        raise TypeError(
            f"language must be a str, not {type(language).__name__}"
        )
    known = {lang.casefold(): lang for f in pool for lang in f.languages}
    try:
        return known[language.strip().casefold()]
    except KeyError:
        raise InvalidConstraintError(
            language, sorted(set(known.values())), constraint="language"
        ) from None


def _pool(given: object) -> tuple[Framework, ...]:
    if given is None:
        return registered()
    pool = _names(given, "frameworks")
    for item in pool:
        if not isinstance(item, Framework):
            raise TypeError(
                f"frameworks must hold Framework objects, not {type(item).__name__}"
            )
    return pool  # type: ignore[return-value]  # checked above


def _gathered(
    era: DataEra,
    gather: Gatherer,
    metrics: object,
    *,
    refresh: bool,
    token: object,
) -> Gathered:
    if token is not None and not isinstance(token, str):
        raise TypeError(f"token must be a str, not {type(token).__name__}")
    if era is DataEra.SEED_ERA:  # no dated figures exist for mid-2018
        return Gathered(metrics={}, as_of=SEED_ERA_AS_OF)
    return gather.metrics(metrics, refresh=refresh, token=token)


def recommend(  # noqa: PLR0913 - keyword-only options
    purpose: Purpose | str = Purpose.ACADEMIC,
    *,
    weights: Mapping[str, float] | None = None,
    priorities: Sequence[str] | None = None,
    language: str | None = None,
    installed: bool | str | Iterable[str | Framework] | None = False,
    require: Iterable[str] = (),
    gpu_vendor: str | None = None,
    include_unmaintained: bool = False,
    core_gate: bool = True,
    data: str = "current",
    missing: str = "known_average",
    unknown: str = "exclude",
    metrics: Iterable[RepoMetrics] | None = None,
    refresh: bool = False,
    token: str | None = None,
    frameworks: Iterable[Framework] | None = None,
    installable: bool = False,
    python: str | None = None,
    platform: str | None = None,
    gather: Gatherer | None = None,
) -> Recommendation:
    """Rank the frameworks for *purpose* and explain every point.

    *purpose*: a :class:`Purpose`, its name or an alias (``"research"``).
    *weights* overrides profile weights (``{"deployment": 30}``, then all
    are rescaled to 100); *priorities* (a list, most important first)
    replaces them with rank-order centroid weights.  Hard constraints:
    *language* (any case); *installed* (``True`` asks the detection, names
    or frameworks give the set); *require* (a list of capabilities such as
    ``["rnn"]``); *gpu_vendor* (:class:`GpuVendor`); *include_unmaintained*;
    *core_gate* (large graphs, autodiff, simple GPU use; a judged level
    below the floor excludes, an unrated quality keeps the framework with
    a warning); *installable* (a release installs on CPython *python* on
    *platform*, by default this interpreter, by the package index's
    data).  *unknown*: an unverifiable constraint the caller set excludes
    (default) or keeps; *missing*: unknowns count at the least of the own
    known average, the typical value and half the scale, a share at most
    what its series leaves it (``known_average``, the default), or 0 or
    half (``pessimistic``, ``neutral``).

    *data* is ``"current"`` or ``"seed_era"`` (mid-2018).  Figures and
    releases are the bundled ones unless *metrics* are given or *refresh*
    reads GitHub (with *token*, for that request only) and the package
    index, for this call; what fails falls back, with a warning.  *gather*
    replaces where these inputs come from (tests pass a :class:`Gatherer`).

    Raises:
        UnknownPurposeError, UnknownCriterionError, UnknownFrameworkError,
        InvalidConstraintError: a name or value outside its choices.
        InvalidWeightsError: negative, non-finite or all-zero weights.
        UnknownTargetError: *python* or *platform* names no target.
        TypeError: an argument of the wrong type (a lone string where a
            list is expected, a number where a flag is).
    """
    gather = _gatherer(gather)
    chosen = Purpose.parse(purpose)
    era = _member(DataEra, data, "data")
    constraints = _constraints(
        language=language,
        installed=installed,
        require=require,
        gpu_vendor=gpu_vendor,
        include_unmaintained=include_unmaintained,
        core_gate=core_gate,
        missing=missing,
        unknown=unknown,
        target=_target(installable, python, platform),
        gather=gather,
        frameworks=frameworks,
    )
    found = _gathered(
        era, gather, metrics, refresh=_flag(refresh, "refresh"), token=token
    )
    weighting = resolve_weights(PROFILES[chosen], weights, priorities)
    return rank_frameworks(
        _inputs(chosen, weighting, frameworks, era, found, constraints)
    )


def _inputs(
    purpose: Purpose,
    weighting: tuple[
        tuple[tuple[Criterion, Fraction], ...], tuple[tuple[str, str], ...]
    ],
    frameworks: Iterable[Framework] | None,
    era: DataEra,
    found: Gathered,
    constraints: Constraints,
) -> Inputs:
    """The scoring core's inputs; the pool carries the releases a refresh
    read (for this call only)."""
    exact, overrides = weighting
    return Inputs(
        purpose=purpose,
        weights=exact,
        overrides=overrides,
        frameworks=found.pool(_pool(frameworks)),
        era=era,
        metrics=found.metrics,
        as_of=found.as_of,
        notes=found.notes,
        constraints=constraints,
    )


def _target(
    installable: object, python: object, platform: object
) -> tuple[str | None, str | None] | None:
    """The (python, platform) target asked for, or ``None`` for no
    installability constraint."""
    if not _flag(installable, "installable"):
        if python is not None or platform is not None:
            raise ValueError(
                "python= and platform= choose the target of"
                " installable=True; pass installable=True as well"
            )
        return None
    for name, value in (("python", python), ("platform", platform)):
        if value is not None and not isinstance(value, str):
            raise TypeError(
                f"{name} must be a str, not {type(value).__name__}"
            )
    return python, platform  # type: ignore[return-value]  # checked above


def _gatherer(gather: object) -> Gatherer:
    if gather is None:
        return DEFAULT_GATHERER
    if not isinstance(gather, Gatherer):
        raise TypeError(
            f"gather must be a Gatherer, not {type(gather).__name__}"
        )
    return gather


def _constraints(  # noqa: PLR0913 - one argument per constraint
    *,
    language: object,
    installed: object,
    require: object,
    gpu_vendor: object,
    include_unmaintained: object,
    core_gate: object,
    missing: object,
    unknown: object,
    target: tuple[str | None, str | None] | None,
    gather: Gatherer,
    frameworks: object,
) -> Constraints:
    """Every constraint checked and normalised, in the documented order."""
    missing = _choice(missing, MISSING_MODES, "missing")
    unknown = _choice(unknown, UNKNOWN_MODES, "unknown")
    vendor = (
        None
        if gpu_vendor is None
        else _member(GpuVendor, gpu_vendor, "gpu_vendor")
    )
    required = tuple(
        dict.fromkeys(
            parse_criterion(r, REQUIRABLE) for r in _names(require, "require")
        )
    )
    environment = _environment(installed, gather)
    pool = () if frameworks is None else _pool(frameworks)
    return Constraints(
        language=_language(language, (*pool, *registered())),
        environment=environment,
        require=required,
        gpu_vendor=vendor,
        installable=None if target is None else gather.installable(*target),
        include_unmaintained=_flag(
            include_unmaintained, "include_unmaintained"
        ),
        core_gate=_flag(core_gate, "core_gate"),
        missing=missing,
        unknown=unknown,
    )
