"""Purpose profiles: named, versioned weights with a rationale per weight."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from .._choice import Choice
from ..exceptions import InvalidChoiceError, UnknownPurposeError
from ._criteria import Criterion


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


def _profile(
    purpose: Purpose,
    summary: str,
    weights: tuple[int, ...],
    rationale: tuple[str, ...],
    *,
    classic: tuple[str, str] | None = None,
) -> Profile:
    return Profile(
        purpose=purpose,
        version=1,
        summary=summary,
        weights=tuple(zip(_ORDER, weights, strict=True)),
        rationale=tuple(zip(_ORDER, rationale, strict=True)),
        classic_pick=classic[0] if classic else None,
        classic_claim=classic[1] if classic else None,
    )


# Column order = Criterion order: graphs autodiff gpu distributed_gpu
# training_speed deployment cnn rnn beginner bindings community maintenance
PROFILES: Final[Mapping[Purpose, Profile]] = {
    p.purpose: p
    for p in (
        _profile(
            Purpose.ACADEMIC,
            "Research: new architectures, fast iteration, papers and shared code.",
            (20, 10, 10, 5, 10, 2, 5, 5, 5, 3, 15, 10),
            (
                "new models mean unusual, data-dependent graphs: the top need",
                "custom losses and layers need gradients, sometimes of gradients",
                "experiments run on one GPU most of the time",
                "occasionally scale an experiment across a few GPUs",
                "faster training means more experiments per deadline",
                "papers rarely ship to production",
                "vision work is common",
                "sequence work is common",
                "students join labs every year",
                "Python is the research language; others matter little",
                "shared code and reference implementations come from the community",
                "a framework must outlive a PhD",
            ),
            classic=("pytorch", "PyTorch is preferred in academia"),
        ),
        _profile(
            Purpose.INDUSTRY,
            "Production: models that ship, run for years and serve users.",
            (3, 5, 10, 15, 10, 20, 3, 2, 2, 10, 10, 10),
            (
                "standard architectures dominate; graph flexibility matters little",
                "needed, but any reverse-mode AD does",
                "training runs on GPUs",
                "large data sets need multi-GPU and multi-node training",
                "compute costs money",
                "serving, mobile and browser targets are the point: the top need",
                "vision models are common",
                "sequence models are less common than they were",
                "teams hire experienced engineers",
                "services are written in Java, C++, JavaScript and more",
                "hiring, answers and third-party tools follow the community",
                "production code must keep getting fixes",
            ),
            classic=("tensorflow", "industry uses TensorFlow more"),
        ),
        _profile(
            Purpose.BEGINNER,
            "Learning: first models, tutorials and courses.",
            (0, 5, 10, 0, 3, 5, 5, 5, 40, 2, 15, 10),
            (
                "beginners build standard layer stacks",
                "gradients should be automatic, but beginners rarely see them",
                "a GPU should just work",
                "beginners train on one machine",
                "small models; speed hardly matters",
                "a first deployment is a nice-to-have",
                "image classification is the classic first project",
                "text and sequences are the other classic",
                "a high-level API and guided docs are the point: the top need",
                "beginners use Python",
                "tutorials, courses and answered questions",
                "what you learn should still be current",
            ),
            classic=("keras", "Keras is easy for beginners"),
        ),
        _profile(
            Purpose.MOBILE_EDGE,
            "Mobile and edge: models that run on phones and devices.",
            (3, 2, 5, 0, 5, 35, 8, 2, 5, 15, 10, 10),
            (
                "standard architectures",
                "training happens elsewhere",
                "training still needs a GPU",
                "edge models are small",
                "small models train fast anyway",
                "mobile, browser and C++ runtimes are the point: the top need",
                "vision dominates on-device work",
                "some on-device sequence work",
                "app developers are new to deep learning",
                "apps are written in Java, Kotlin, Swift, C++ and JavaScript",
                "examples and converters come from the community",
                "device runtimes must keep up with new hardware",
            ),
        ),
        _profile(
            Purpose.RESEARCH_PROTOTYPING,
            "Prototyping: try an idea today, throw most of it away.",
            (25, 10, 10, 0, 10, 2, 3, 3, 10, 2, 15, 10),
            (
                "ideas come as arbitrary Python control flow: the top need",
                "custom gradients are part of the idea",
                "prototypes run on one GPU",
                "prototypes stay on one machine",
                "quick turnaround",
                "prototypes rarely ship",
                "some vision",
                "some sequences",
                "less ceremony means faster prototypes",
                "Python",
                "borrowing code from others is the fastest start",
                "the prototype must run next year",
            ),
        ),
        _profile(
            Purpose.LARGE_SCALE_DISTRIBUTED,
            "Large distributed GPU jobs on huge data.",
            (3, 3, 15, 30, 15, 10, 1, 1, 0, 2, 10, 10),
            (
                "standard architectures at scale",
                "any reverse-mode AD does",
                "every node must use its GPUs well",
                "multi-node data and model parallelism is the point: the top need",
                "throughput decides the bill",
                "large models still have to be served",
                "architecture type matters little here",
                "architecture type matters little here",
                "teams are experienced",
                "mostly Python orchestration",
                "large-scale recipes come from the community",
                "long jobs need a maintained stack",
            ),
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
