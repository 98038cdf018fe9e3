"""Purpose profiles: named, versioned weights with a rationale per weight."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, NamedTuple

import attrs

from .._choice import Choice
from ..exceptions import InvalidChoiceError, UnknownPurposeError
from ._criteria import Criterion


C = Criterion


__all__ = ["ALIASES", "PROFILES", "Profile", "Purpose", "purposes"]


class Purpose(Choice):
    """What the framework is for; each purpose has one weight profile."""

    ACADEMIC = "academic"
    INDUSTRY = "industry"
    BEGINNER = "beginner"
    MOBILE_EDGE = "mobile_edge"
    RESEARCH_PROTOTYPING = "research_prototyping"
    LARGE_SCALE_DISTRIBUTED = "large_scale_distributed"

    @classmethod
    def parse(cls, value: object) -> Purpose:
        """*value* or one of its aliases as a member.

        Raises:
            UnknownPurposeError: listing every purpose and alias.
        """
        wanted = value
        if isinstance(value, str):
            folded = value.strip().lower().replace("-", "_")
            wanted = ALIASES.get(folded, folded)
        try:
            return super().parse(wanted)
        except InvalidChoiceError:
            raise UnknownPurposeError(
                str(value), (*cls.choices(), *ALIASES)
            ) from None


ALIASES: Final[Mapping[str, str]] = {
    "research": "academic",
    "production": "industry",
    "learning": "beginner",
    "mobile": "mobile_edge",
    "edge": "mobile_edge",
    "prototyping": "research_prototyping",
    "distributed": "large_scale_distributed",
}


@attrs.frozen(kw_only=True)
class Profile:
    """Integer weights summing to 100, each with its written rationale."""

    purpose: Purpose
    version: int
    summary: str
    weights: tuple[tuple[Criterion, int], ...]
    rationale: tuple[tuple[Criterion, str], ...]
    classic_pick: str | None = None
    """Registry key the classic (2017-2019) advice names for this purpose."""
    classic_claim: str | None = None

    def __attrs_post_init__(self) -> None:
        names = [c for c, _ in self.weights]
        if (
            sorted(names) != sorted(Criterion)
            or sum(w for _, w in self.weights) != _TOTAL
        ):  # pragma: no cover - guards the shipped data
            raise ValueError(
                f"{self.purpose}: weights must cover every criterion and sum to 100"
            )
        if any(w < 0 for _, w in self.weights):  # pragma: no cover
            raise ValueError(f"{self.purpose}: negative weight")

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(a for a, p in ALIASES.items() if p == self.purpose.value)

    def weight(self, criterion: Criterion) -> int:
        return dict(self.weights)[criterion]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.purpose.value,
            "aliases": list(self.aliases),
            "version": self.version,
            "summary": self.summary,
            "weights": {c.value: w for c, w in self.weights},
            "rationale": {c.value: r for c, r in self.rationale},
            "classic_pick": self.classic_pick,
            "classic_claim": self.classic_claim,
        }


_ORDER: Final = tuple(Criterion)
_TOTAL: Final = 100


class Weighted(NamedTuple):
    """One criterion's integer weight in a profile and why it is that."""

    weight: int
    why: str


def _profile(
    purpose: Purpose,
    summary: str,
    weights: Mapping[Criterion, Weighted],
    *,
    classic: tuple[str, str] | None = None,
) -> Profile:
    """A version-2 profile (v2 added the adoption criteria); *weights* are listed in :class:`Criterion`
    order in the result whatever order they are written in."""
    return Profile(
        purpose=purpose,
        version=2,
        summary=summary,
        weights=tuple((c, weights[c].weight) for c in _ORDER),
        rationale=tuple((c, weights[c].why) for c in _ORDER),
        classic_pick=classic[0] if classic else None,
        classic_claim=classic[1] if classic else None,
    )


PROFILES: Final[Mapping[Purpose, Profile]] = {
    p.purpose: p
    for p in (
        _profile(
            Purpose.ACADEMIC,
            "Research: new architectures, fast iteration, papers and shared code.",
            {
                C.GRAPHS: Weighted(
                    20,
                    "new models mean unusual, data-dependent graphs: the top need",
                ),
                C.AUTODIFF: Weighted(
                    10,
                    "custom losses and layers need gradients, sometimes of gradients",
                ),
                C.GPU: Weighted(
                    10, "experiments run on one GPU most of the time"
                ),
                C.DISTRIBUTED_GPU: Weighted(
                    5, "occasionally scale an experiment across a few GPUs"
                ),
                C.TRAINING_SPEED: Weighted(
                    10, "faster training means more experiments per deadline"
                ),
                C.DEPLOYMENT: Weighted(2, "papers rarely ship to production"),
                C.CNN: Weighted(5, "vision work is common"),
                C.RNN: Weighted(5, "sequence work is common"),
                C.BEGINNER: Weighted(5, "students join labs every year"),
                C.BINDINGS: Weighted(
                    3, "Python is the research language; others matter little"
                ),
                C.COMMUNITY: Weighted(
                    5,
                    "stars: the wider ecosystem; who publishes with it is measured below",
                ),
                C.MAINTENANCE: Weighted(10, "a framework must outlive a PhD"),
                C.ACADEMIC_ADOPTION: Weighted(
                    10,
                    "released code, reviewers and co-authors follow what papers use;"
                    " paper counts measure researchers directly, so 10 of"
                    " community's former 15 points move here",
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    0,
                    "downloads count CI machines and production installs, not researchers",
                ),
            },
            classic=("pytorch", "PyTorch is preferred in academia"),
        ),
        _profile(
            Purpose.INDUSTRY,
            "Production: models that ship, run for years and serve users.",
            {
                C.GRAPHS: Weighted(
                    3,
                    "standard architectures dominate; graph flexibility matters little",
                ),
                C.AUTODIFF: Weighted(
                    5, "needed, but any reverse-mode AD does"
                ),
                C.GPU: Weighted(10, "training runs on GPUs"),
                C.DISTRIBUTED_GPU: Weighted(
                    15,
                    "large data sets need multi-GPU and multi-node training",
                ),
                C.TRAINING_SPEED: Weighted(10, "compute costs money"),
                C.DEPLOYMENT: Weighted(
                    20,
                    "serving, mobile and browser targets are the point: the top need",
                ),
                C.CNN: Weighted(3, "vision models are common"),
                C.RNN: Weighted(
                    2, "sequence models are less common than they were"
                ),
                C.BEGINNER: Weighted(2, "teams hire experienced engineers"),
                C.BINDINGS: Weighted(
                    10,
                    "services are written in Java, C++, JavaScript and more",
                ),
                C.COMMUNITY: Weighted(
                    0,
                    "stars measure attention; the installed base that hiring,"
                    " answers and third-party tools follow is measured below",
                ),
                C.MAINTENANCE: Weighted(
                    10, "production code must keep getting fixes"
                ),
                C.ACADEMIC_ADOPTION: Weighted(
                    0,
                    "papers say what researchers use, not what runs in production",
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    10,
                    "hiring pool, vendor support and maintained third-party"
                    " packages follow the installed base; downloads are the one"
                    " dated, continuous public series of it (community's 10"
                    " points move here)",
                ),
            },
            classic=("tensorflow", "industry uses TensorFlow more"),
        ),
        _profile(
            Purpose.BEGINNER,
            "Learning: first models, tutorials and courses.",
            {
                C.GRAPHS: Weighted(0, "beginners build standard layer stacks"),
                C.AUTODIFF: Weighted(
                    5,
                    "gradients should be automatic, but beginners rarely see them",
                ),
                C.GPU: Weighted(10, "a GPU should just work"),
                C.DISTRIBUTED_GPU: Weighted(
                    0, "beginners train on one machine"
                ),
                C.TRAINING_SPEED: Weighted(
                    3, "small models; speed hardly matters"
                ),
                C.DEPLOYMENT: Weighted(
                    5, "a first deployment is a nice-to-have"
                ),
                C.CNN: Weighted(
                    5, "image classification is the classic first project"
                ),
                C.RNN: Weighted(5, "text and sequences are the other classic"),
                C.BEGINNER: Weighted(
                    40,
                    "a high-level API and guided docs are the point: the top need",
                ),
                C.BINDINGS: Weighted(2, "beginners use Python"),
                C.COMMUNITY: Weighted(
                    10, "tutorials, courses and answered questions"
                ),
                C.MAINTENANCE: Weighted(
                    10, "what you learn should still be current"
                ),
                C.ACADEMIC_ADOPTION: Weighted(
                    0, "beginners start with courses, not papers"
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    5,
                    "tutorials and answered questions follow users; 5 of"
                    " community's former 15 points move here",
                ),
            },
            classic=("keras", "Keras is easy for beginners"),
        ),
        _profile(
            Purpose.MOBILE_EDGE,
            "Mobile and edge: models that run on phones and devices.",
            {
                C.GRAPHS: Weighted(3, "standard architectures"),
                C.AUTODIFF: Weighted(2, "training happens elsewhere"),
                C.GPU: Weighted(5, "training still needs a GPU"),
                C.DISTRIBUTED_GPU: Weighted(0, "edge models are small"),
                C.TRAINING_SPEED: Weighted(
                    5, "small models train fast anyway"
                ),
                C.DEPLOYMENT: Weighted(
                    35,
                    "mobile, browser and C++ runtimes are the point: the top need",
                ),
                C.CNN: Weighted(8, "vision dominates on-device work"),
                C.RNN: Weighted(2, "some on-device sequence work"),
                C.BEGINNER: Weighted(
                    5, "app developers are new to deep learning"
                ),
                C.BINDINGS: Weighted(
                    15,
                    "apps are written in Java, Kotlin, Swift, C++ and JavaScript",
                ),
                C.COMMUNITY: Weighted(
                    10, "examples and converters come from the community"
                ),
                C.MAINTENANCE: Weighted(
                    10, "device runtimes must keep up with new hardware"
                ),
                C.ACADEMIC_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
            },
        ),
        _profile(
            Purpose.RESEARCH_PROTOTYPING,
            "Prototyping: try an idea today, throw most of it away.",
            {
                C.GRAPHS: Weighted(
                    25,
                    "ideas come as arbitrary Python control flow: the top need",
                ),
                C.AUTODIFF: Weighted(
                    10, "custom gradients are part of the idea"
                ),
                C.GPU: Weighted(10, "prototypes run on one GPU"),
                C.DISTRIBUTED_GPU: Weighted(
                    0, "prototypes stay on one machine"
                ),
                C.TRAINING_SPEED: Weighted(10, "quick turnaround"),
                C.DEPLOYMENT: Weighted(2, "prototypes rarely ship"),
                C.CNN: Weighted(3, "some vision"),
                C.RNN: Weighted(3, "some sequences"),
                C.BEGINNER: Weighted(
                    10, "less ceremony means faster prototypes"
                ),
                C.BINDINGS: Weighted(2, "Python"),
                C.COMMUNITY: Weighted(
                    15, "borrowing code from others is the fastest start"
                ),
                C.MAINTENANCE: Weighted(
                    10, "the prototype must run next year"
                ),
                C.ACADEMIC_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
            },
        ),
        _profile(
            Purpose.LARGE_SCALE_DISTRIBUTED,
            "Large distributed GPU jobs on huge data.",
            {
                C.GRAPHS: Weighted(3, "standard architectures at scale"),
                C.AUTODIFF: Weighted(3, "any reverse-mode AD does"),
                C.GPU: Weighted(15, "every node must use its GPUs well"),
                C.DISTRIBUTED_GPU: Weighted(
                    30,
                    "multi-node data and model parallelism is the point: the top need",
                ),
                C.TRAINING_SPEED: Weighted(15, "throughput decides the bill"),
                C.DEPLOYMENT: Weighted(
                    10, "large models still have to be served"
                ),
                C.CNN: Weighted(1, "architecture type matters little here"),
                C.RNN: Weighted(1, "architecture type matters little here"),
                C.BEGINNER: Weighted(0, "teams are experienced"),
                C.BINDINGS: Weighted(2, "mostly Python orchestration"),
                C.COMMUNITY: Weighted(
                    10, "large-scale recipes come from the community"
                ),
                C.MAINTENANCE: Weighted(
                    10, "long jobs need a maintained stack"
                ),
                C.ACADEMIC_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
                C.INDUSTRY_ADOPTION: Weighted(
                    0,
                    "adoption is not what this purpose is about; stars cover the community",
                ),
            },
            classic=(
                "tensorflow",
                "TensorFlow is better at distributed GPU training on huge data",
            ),
        ),
    )
}


def purposes() -> tuple[Profile, ...]:
    """Every purpose profile, in :class:`Purpose` order."""
    return tuple(PROFILES[p] for p in Purpose)
