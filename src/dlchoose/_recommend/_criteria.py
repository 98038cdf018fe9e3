"""The recommender's criteria and its own sourced judgements (data).

Each rubric value is a :class:`Rating`: a level on the criterion's declared
scale (or ``None`` for unknown), the sources it rests on, the date it
describes and a note.  A rating with ``via`` inherits the best value of the
frameworks it runs on (Keras from its backends), keeping their provenance.

Two data eras exist: ``current`` (the judgements below, the bundled GitHub
snapshot and the registry) and ``seed_era`` (the state of mid-2018, the era
of the classic framework comparisons), which overrides what changed since.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

import attrs

from .. import _sources as src
from .._choice import Choice
from .._registry._model import Status
from .._sources import Source


__all__ = [
    "CRITERIA",
    "CURRENT_RATINGS",
    "REQUIRABLE",
    "SEED_ERA_AS_OF",
    "SEED_ERA_RATINGS",
    "SEED_ERA_STATUS",
    "Criterion",
    "CriterionSpec",
    "Levels",
    "Rating",
    "SeedEraStatus",
]


class Criterion(Choice):
    """What a framework is scored on; the value is the JSON id."""

    GRAPHS = "graphs"
    AUTODIFF = "autodiff"
    GPU = "gpu"
    DISTRIBUTED_GPU = "distributed_gpu"
    TRAINING_SPEED = "training_speed"
    DEPLOYMENT = "deployment"
    CNN = "cnn"
    RNN = "rnn"
    BEGINNER = "beginner"
    BINDINGS = "bindings"
    COMMUNITY = "community"
    MAINTENANCE = "maintenance"

    @property
    def requirable(self) -> bool:
        """Whether ``recommend(require=...)`` can demand it (a capability
        with a "supported" level, not a matter of degree)."""
        return self in REQUIRABLE


@attrs.frozen(kw_only=True)
class CriterionSpec:
    """A criterion's declared scale: raw values map to x in [0, 1].

    ``levels`` is the top of an integer rubric (x = r / levels); ``anchors``
    describe each level.  ``supported_level`` is the least raw value that
    passes when the criterion is required as a hard constraint.
    """

    criterion: Criterion
    label: str
    scale: str
    """``rubric``, ``half_units`` (bindings), ``score`` or ``count_log``."""
    levels: int
    anchors: tuple[str, ...]
    supported_level: int
    core: bool = False


def _spec(
    criterion: Criterion,
    label: str,
    anchors: tuple[str, ...],
    *,
    supported: int,
    core: bool = False,
    scale: str = "rubric",
    levels: int | None = None,
) -> CriterionSpec:
    return CriterionSpec(
        criterion=criterion,
        label=label,
        scale=scale,
        levels=len(anchors) - 1 if levels is None else levels,
        anchors=anchors,
        supported_level=supported,
        core=core,
    )


C = Criterion

#: Every criterion's declared scale, in the order reports use.
CRITERIA: Final[Mapping[Criterion, CriterionSpec]] = {
    s.criterion: s
    for s in (
        _spec(
            C.GRAPHS,
            "large and dynamic computation graphs made easy",
            (
                "no user-defined training graphs (inference only)",
                "fixed layer graphs configured in files",
                "static symbolic graphs built in code, compiled before running",
                "dynamic and compiled graphs, but major features need tracing",
                "define-by-run by default; every feature works from it",
            ),
            supported=2,
            core=True,
        ),
        _spec(
            C.AUTODIFF,
            "automatic differentiation",
            (
                "none",
                "hand-written backward per layer",
                "reverse-mode automatic differentiation",
                "also higher-order derivatives",
            ),
            supported=2,
            core=True,
        ),
        _spec(
            C.GPU,
            "simple single-GPU use",
            (
                "no GPU support",
                "GPU only through another project or a source build",
                "GPU needs manual builds or configuration",
                "GPU builds are installable, with platform limits or setup",
                "standard install runs on the GPU with at most one line",
            ),
            supported=2,
            core=True,
        ),
        _spec(
            C.DISTRIBUTED_GPU,
            "distributed multi-GPU training",
            (
                "none",
                "experimental or single-node data parallelism only",
                "built in, single node or young",
                "multi-node built in",
                "multi-node data and model parallelism, used at large scale",
            ),
            supported=2,
        ),
        _spec(
            C.TRAINING_SPEED,
            "training speed (published benchmarks)",
            ("slowest", "fastest well-attested"),
            supported=1,
            scale="score",
            levels=1000,
        ),
        _spec(
            C.DEPLOYMENT,
            "ease of deployment (serving, export, mobile, browser, C++)",
            (
                "no deployment path besides the training environment",
                "one export format or a C library, no serving",
                "a C/C++ runtime or export plus one more target",
                "several first-party targets (server, mobile, C++, ONNX)",
                "first-party serving, mobile, browser and C++ runtimes",
            ),
            supported=2,
        ),
        _spec(
            C.CNN,
            "CNN support",
            ("none", "basic ops or through an add-on", "first-party layers"),
            supported=1,
        ),
        _spec(
            C.RNN,
            "RNN (LSTM, GRU) support",
            ("none", "basic cells or through an add-on", "first-party layers"),
            supported=1,
        ),
        _spec(
            C.BEGINNER,
            "beginner friendliness",
            (
                "no documentation for newcomers",
                "expert tool: configuration files, sparse tutorials",
                "usable API with tutorials, but many concepts to learn first",
                "high-level API and extensive tutorials",
                "designed for newcomers: high-level API first, guided docs",
            ),
            supported=2,
        ),
        _spec(
            C.BINDINGS,
            "language bindings",
            ("none", "5 or more mature language APIs"),
            supported=2,
            scale="half_units",
            levels=10,
        ),
        _spec(
            C.COMMUNITY,
            "community (GitHub stars, log-scaled 1e3..2e5)",
            ("1,000 stars or fewer", "200,000 stars or more"),
            supported=1,
            scale="count_log",
            levels=1000,
        ),
        _spec(
            C.MAINTENANCE,
            "maintenance (status, last release, archived)",
            (
                "archived or end of development announced",
                "last release more than two years before the data date",
                "last release within two years",
                "last release within a year",
                "last release within six months",
            ),
            supported=1,
        ),
    )
}

#: Criteria whose values come from the rubric tables below.
RUBRIC_CRITERIA: Final = (
    C.GRAPHS,
    C.AUTODIFF,
    C.GPU,
    C.DISTRIBUTED_GPU,
    C.DEPLOYMENT,
    C.CNN,
    C.RNN,
    C.BEGINNER,
    C.BINDINGS,
)

#: Capabilities a framework has or lacks, so ``require=`` can demand them.
#: Bindings (use ``language=``), training speed, community and maintenance
#: (use ``include_unmaintained=``) are matters of degree with no
#: "supported" level, so they are only weighted, never required.
REQUIRABLE: Final = (
    C.GRAPHS,
    C.AUTODIFF,
    C.GPU,
    C.DISTRIBUTED_GPU,
    C.DEPLOYMENT,
    C.CNN,
    C.RNN,
    C.BEGINNER,
)


@attrs.frozen(kw_only=True)
class Rating:
    """One judged value: a rubric level, or unknown (``None``)."""

    value: int | None
    sources: tuple[Source, ...]
    as_of: date
    note: str | None = None
    via: tuple[str, ...] = ()
    """Registry keys whose best value this framework inherits."""


#: The date the seed-era data describes: mid-2018, when the classic
#: framework comparisons were written.
SEED_ERA_AS_OF: Final = date(2018, 6, 30)


@attrs.frozen(kw_only=True)
class Levels:
    """One framework's rubric levels, by criterion (``None``: unknown)."""

    graphs: int | None
    autodiff: int | None
    gpu: int | None
    distributed_gpu: int | None
    deployment: int | None
    cnn: int | None
    rnn: int | None
    beginner: int | None
    bindings: int | None
    """In half units: a mature API counts 2, a partial one 1."""


def _table(
    levels: Levels,
    sources: tuple[Source, ...],
    *,
    as_of: date = src.JUDGED,
    notes: Mapping[Criterion, str] | None = None,
    via: Mapping[Criterion, tuple[str, ...]] | None = None,
    extra: Mapping[Criterion, tuple[Source, ...]] | None = None,
) -> dict[Criterion, Rating]:
    """One rating per rubric criterion, all sharing *sources*."""
    notes = notes or {}
    via = via or {}
    extra = extra or {}
    return {
        criterion: Rating(
            value=getattr(levels, criterion.value),
            sources=(*sources, *extra.get(criterion, ()), src.RUBRIC),
            as_of=as_of,
            note=notes.get(criterion),
            via=via.get(criterion, ()),
        )
        for criterion in RUBRIC_CRITERIA
    }


CURRENT_RATINGS: Final[Mapping[str, Mapping[Criterion, Rating]]] = {
    "tensorflow": _table(
        Levels(
            graphs=3,
            autodiff=3,
            gpu=3,
            distributed_gpu=4,
            deployment=4,
            cnn=2,
            rnn=2,
            beginner=3,
            bindings=8,
        ),
        (src.TF_RELEASE_MD, src.MATRIX),
        notes={
            C.GRAPHS: "eager by default since 2.0; SavedModel, XLA and distribution need tf.function tracing",
            C.GPU: "pip GPU builds on Linux only (native Windows GPU ended with 2.10); CUDA versions must match",
            C.BINDINGS: "Python 1, C++ 1, C ½, Java ½, JavaScript (TF.js) ½, R ½",
        },
        extra={C.DEPLOYMENT: (src.TF_DEPLOY,)},
    ),
    "keras": _table(
        Levels(
            graphs=3,
            autodiff=2,
            gpu=None,
            distributed_gpu=3,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=4,
            bindings=3,
        ),
        (src.KERAS_README, src.MATRIX),
        notes={
            C.GRAPHS: "eager or compiled, as the backend allows",
            C.AUTODIFF: "through the backend's automatic differentiation",
            C.DEPLOYMENT: "Model.export to SavedModel, ONNX and LiteRT; served by those runtimes",
            C.BINDINGS: "Python 1, R ½",
        },
        via={C.GPU: ("pytorch", "jax", "tensorflow")},
        extra={C.BEGINNER: (src.HALE,), C.DEPLOYMENT: (src.KERAS_EXPORT_PR,)},
    ),
    "tf-keras": _table(
        Levels(
            graphs=3,
            autodiff=2,
            gpu=None,
            distributed_gpu=None,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=3,
            bindings=2,
        ),
        (src.TFK_README, src.MATRIX),
        notes={
            C.BEGINNER: "Keras 2 API; maintenance line, newcomers are sent to Keras 3"
        },
        via={C.GPU: ("tensorflow",), C.DISTRIBUTED_GPU: ("tensorflow",)},
    ),
    "pytorch": _table(
        Levels(
            graphs=4,
            autodiff=3,
            gpu=4,
            distributed_gpu=4,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=3,
            bindings=4,
        ),
        (src.PT_PAPER, src.PT_DOCS, src.MATRIX),
        notes={
            C.GRAPHS: "define-by-run; torch.compile (2.0) compiles large graphs",
            C.DEPLOYMENT: "LibTorch/AOTInductor, ONNX export, ExecuTorch (beta); TorchServe in limited maintenance; no first-party browser runtime",
            C.BINDINGS: "Python 1, C++ (LibTorch) 1",
        },
        extra={C.DEPLOYMENT: (src.PT_SERVE,)},
    ),
    "jax": _table(
        Levels(
            graphs=3,
            autodiff=3,
            gpu=3,
            distributed_gpu=4,
            deployment=None,
            cnn=1,
            rnn=1,
            beginner=2,
            bindings=2,
        ),
        (src.JAX_README, src.MATRIX),
        notes={
            C.GRAPHS: "jit traces Python functions; data-dependent control flow needs lax primitives",
            C.GPU: "NVIDIA GPUs on Linux through jax[cuda] plugins; Apple and Intel experimental",
            C.DEPLOYMENT: "unknown: no first-party serving, mobile or C++ runtime confirmed",
            C.CNN: "convolution primitives; layers come from Flax or Keras",
            C.RNN: "scan primitives; cells come from Flax or Keras",
        },
    ),
    "flax": _table(
        Levels(
            graphs=None,
            autodiff=None,
            gpu=None,
            distributed_gpu=None,
            deployment=None,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=2,
        ),
        (src.FLAX_README, src.MATRIX),
        notes={
            C.DEPLOYMENT: "unknown: inherits JAX's unconfirmed export story"
        },
        via={
            C.GRAPHS: ("jax",),
            C.AUTODIFF: ("jax",),
            C.GPU: ("jax",),
            C.DISTRIBUTED_GPU: ("jax",),
        },
    ),
    "mxnet": _table(
        Levels(
            graphs=3,
            autodiff=2,
            gpu=3,
            distributed_gpu=4,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=12,
        ),
        (src.MX_README, src.MATRIX),
        notes={
            C.GRAPHS: "Gluon imperative code, hybridize() for symbolic graphs",
            C.BINDINGS: "Python, C++; R, Scala, Java, Julia, Clojure, Perl, Go, JavaScript partial",
        },
    ),
    "cntk": _table(
        Levels(
            graphs=2,
            autodiff=2,
            gpu=3,
            distributed_gpu=3,
            deployment=2,
            cnn=2,
            rnn=2,
            beginner=1,
            bindings=8,
        ),
        (src.CNTK_README, src.CNTK_NEWS, src.MATRIX),
        notes={C.BINDINGS: "Python 1, C++ 1, C# 1, Java ½, BrainScript ½"},
    ),
    "caffe": _table(
        Levels(
            graphs=1,
            autodiff=1,
            gpu=2,
            distributed_gpu=2,
            deployment=2,
            cnn=2,
            rnn=1,
            beginner=1,
            bindings=5,
        ),
        (src.CAFFE_README, src.CAFFE_SRC, src.MATRIX),
        notes={
            C.GRAPHS: "networks are prototxt layer configurations",
            C.AUTODIFF: "each layer implements its own backward pass",
            C.BINDINGS: "C++ 1, Python 1, MATLAB ½",
        },
    ),
    "caffe2": _table(
        Levels(
            graphs=2,
            autodiff=2,
            gpu=2,
            distributed_gpu=3,
            deployment=4,
            cnn=2,
            rnn=2,
            beginner=1,
            bindings=4,
        ),
        (src.C2_README, src.MATRIX),
    ),
    "torch7": _table(
        Levels(
            graphs=2,
            autodiff=1,
            gpu=2,
            distributed_gpu=1,
            deployment=1,
            cnn=2,
            rnn=1,
            beginner=1,
            bindings=3,
        ),
        (src.T7_README, src.MATRIX),
        notes={
            C.AUTODIFF: "module-level backward; full autodiff only through an add-on",
            C.RNN: "community rnn packages",
            C.BINDINGS: "Lua 1, C ½",
        },
    ),
    "theano": _table(
        Levels(
            graphs=2,
            autodiff=3,
            gpu=2,
            distributed_gpu=1,
            deployment=1,
            cnn=2,
            rnn=2,
            beginner=1,
            bindings=2,
        ),
        (src.TH_README, src.MATRIX),
    ),
    "pytensor": _table(
        Levels(
            graphs=2,
            autodiff=3,
            gpu=1,
            distributed_gpu=0,
            deployment=0,
            cnn=1,
            rnn=0,
            beginner=1,
            bindings=2,
        ),
        (src.PTN_README, src.MATRIX),
        notes={C.GPU: "GPU only through the JAX backend"},
    ),
    "lasagne": _table(
        Levels(
            graphs=None,
            autodiff=None,
            gpu=None,
            distributed_gpu=1,
            deployment=1,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=2,
        ),
        (src.LAS_README, src.MATRIX),
        via={
            C.GRAPHS: ("theano",),
            C.AUTODIFF: ("theano",),
            C.GPU: ("theano",),
        },
    ),
    "neon": _table(
        Levels(
            graphs=1,
            autodiff=2,
            gpu=2,
            distributed_gpu=None,
            deployment=0,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=2,
        ),
        (src.NEON_README, src.NEON_NOTICE, src.MATRIX),
        notes={C.DISTRIBUTED_GPU: "unknown: multi-GPU support unconfirmed"},
    ),
    "dl4j": _table(
        Levels(
            graphs=2,
            autodiff=2,
            gpu=3,
            distributed_gpu=3,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=4,
        ),
        (src.DL4J_README, src.MATRIX),
        notes={C.BINDINGS: "Java 1, Scala 1"},
    ),
    "leaf": _table(
        Levels(
            graphs=1,
            autodiff=1,
            gpu=1,
            distributed_gpu=None,
            deployment=1,
            cnn=1,
            rnn=None,
            beginner=1,
            bindings=2,
        ),
        (src.LEAF_README, src.MATRIX),
        notes={
            C.DISTRIBUTED_GPU: "unknown",
            C.RNN: "unknown",
            C.AUTODIFF: "layer-level backward (unconfirmed)",
        },
    ),
    "chainer": _table(
        Levels(
            graphs=4,
            autodiff=3,
            gpu=3,
            distributed_gpu=3,
            deployment=1,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=2,
        ),
        (src.CH_README, src.CH_ONNX, src.MATRIX),
    ),
    "paddle": _table(
        Levels(
            graphs=3,
            autodiff=3,
            gpu=3,
            distributed_gpu=4,
            deployment=4,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=5,
        ),
        (src.PD_README, src.PD_2_0, src.PD_3_0, src.MATRIX),
        notes={
            C.GRAPHS: "dynamic by default since 2.0; deployment goes through dynamic-to-static",
            C.GPU: "recent CUDA builds come mostly from Baidu's own package index",
            C.BINDINGS: "Python 1, C++ 1, Java (inference) ½",
        },
    ),
    "mindspore": _table(
        Levels(
            graphs=3,
            autodiff=2,
            gpu=2,
            distributed_gpu=4,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=4,
        ),
        (src.MS_DOCS, src.MS_FAQ, src.MATRIX),
        notes={
            C.GPU: "Ascend first; separate NVIDIA GPU packages stopped at 1.10.1"
        },
    ),
    "oneflow": _table(
        Levels(
            graphs=3,
            autodiff=2,
            gpu=3,
            distributed_gpu=4,
            deployment=None,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=2,
        ),
        (src.OF_README, src.MATRIX),
        notes={
            C.DEPLOYMENT: "unknown: serving, C++ runtime and ONNX maturity unconfirmed"
        },
    ),
    "mlx": _table(
        Levels(
            graphs=4,
            autodiff=3,
            gpu=3,
            distributed_gpu=2,
            deployment=2,
            cnn=2,
            rnn=2,
            beginner=2,
            bindings=7,
        ),
        (src.MLX_README, src.MLX_SRC, src.MLX_DISTRIBUTED, src.MATRIX),
        notes={C.BINDINGS: "Python 1, C++ 1, Swift 1, C ½"},
    ),
    "tinygrad": _table(
        Levels(
            graphs=4,
            autodiff=2,
            gpu=3,
            distributed_gpu=2,
            deployment=1,
            cnn=2,
            rnn=1,
            beginner=2,
            bindings=2,
        ),
        (src.TG_README, src.TG_NN, src.MATRIX),
    ),
    "onnxruntime": _table(
        Levels(
            graphs=0,
            autodiff=0,
            gpu=3,
            distributed_gpu=0,
            deployment=4,
            cnn=0,
            rnn=0,
            beginner=2,
            bindings=10,
        ),
        (src.ORT_DOCS, src.MATRIX),
        notes={
            C.GRAPHS: "inference engine: runs exported graphs, trains nothing",
            C.AUTODIFF: "inference engine",
        },
    ),
}

# -- seed era (mid-2018): only what differs from today --------------------

_S = SEED_ERA_AS_OF


def _seed(
    value: int | None,
    *sources: Source,
    note: str | None = None,
    via: tuple[str, ...] = (),
) -> Rating:
    return Rating(
        value=value,
        sources=(*sources, src.RUBRIC),
        as_of=_S,
        note=note,
        via=via,
    )


SEED_ERA_RATINGS: Final[Mapping[str, Mapping[Criterion, Rating]]] = {
    "tensorflow": {
        C.GRAPHS: _seed(
            2,
            src.TF_RELEASE_MD,
            note="TF 1.x: static graphs and sessions; eager execution only left contrib in 1.7",
        ),
        C.BEGINNER: _seed(
            2,
            src.TF_RELEASE_MD,
            note="TF 1.x graphs and sessions; tf.keras bundled",
        ),
        C.DISTRIBUTED_GPU: _seed(
            4,
            src.TF_RELEASE_MD,
            src.HOROVOD,
            note="distributed TensorFlow with parameter servers, TPUs, Horovod",
        ),
        C.BINDINGS: _seed(8, src.TF_README_2017),
    },
    "pytorch": {
        C.GRAPHS: _seed(4, src.PT_04, note="define-by-run"),
        C.DISTRIBUTED_GPU: _seed(
            2,
            src.PT_04,
            note="torch.distributed young (0.2, 2017); no multi-node tooling",
        ),
        C.DEPLOYMENT: _seed(
            1,
            src.PT_04,
            note="ONNX export only; no serving, mobile or C++ runtime yet",
        ),
        C.BINDINGS: _seed(
            2, src.PT_04, note="Python only (C++ frontend came with 1.0)"
        ),
    },
    "keras": {
        C.GRAPHS: _seed(
            2,
            src.KERAS_23,
            note="via static TensorFlow 1, CNTK or Theano graphs",
        ),
        C.GPU: _seed(None, src.KERAS_23, via=("tensorflow", "cntk", "theano")),
        C.DISTRIBUTED_GPU: _seed(
            1, src.KERAS_23, note="multi_gpu_model on one machine"
        ),
        C.DEPLOYMENT: _seed(
            2, src.KERAS_23, note="through the backend's export"
        ),
    },
    "paddle": {
        C.GRAPHS: _seed(
            2,
            src.PD_README,
            src.PD_2_0,
            src.PD_3_0,
            note="Fluid programs: static graphs",
        ),
        C.AUTODIFF: _seed(2, src.PD_README, src.PD_2_0, src.PD_3_0),
        C.DISTRIBUTED_GPU: _seed(3, src.PD_README, src.PD_2_0, src.PD_3_0),
        C.DEPLOYMENT: _seed(2, src.PD_README, src.PD_2_0, src.PD_3_0),
        C.BINDINGS: _seed(
            4, src.PD_README, src.PD_2_0, src.PD_3_0, note="Python 1, C++ 1"
        ),
    },
}


@attrs.frozen(kw_only=True)
class SeedEraStatus:
    """A framework's status in mid-2018, when it took effect, and why."""

    status: Status
    since: date | None
    """The status date; for active frameworks, their latest release before
    the seed-era date (maintenance is derived from it)."""
    source: Source


#: Status of each framework that existed in mid-2018.
SEED_ERA_STATUS: Final[Mapping[str, SeedEraStatus]] = {
    "tensorflow": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 4, 27), source=src.TF_RELEASE_MD
    ),
    "pytorch": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 4, 24), source=src.PT_04
    ),
    "keras": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 6, 6), source=src.KERAS_23
    ),
    "mxnet": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 5, 21), source=src.MX_README
    ),
    "cntk": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 3, 15), source=src.CNTK_README
    ),
    "chainer": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 6, 1), source=src.CH_README
    ),
    "paddle": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 6, 1), source=src.PD_README
    ),
    "dl4j": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 5, 1), source=src.DL4J_README
    ),
    "neon": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 1, 5), source=src.NEON_README
    ),
    "caffe": SeedEraStatus(
        status=Status.MAINTENANCE,
        since=date(2017, 4, 15),
        source=src.CAFFE_README,
    ),
    "caffe2": SeedEraStatus(
        status=Status.MERGED, since=date(2018, 3, 30), source=src.C2_README
    ),
    "theano": SeedEraStatus(
        status=Status.DISCONTINUED,
        since=date(2017, 9, 28),
        source=src.TH_README,
    ),
    "torch7": SeedEraStatus(
        status=Status.INACTIVE, since=date(2017, 2, 27), source=src.T7_README
    ),
    "lasagne": SeedEraStatus(
        status=Status.INACTIVE, since=date(2015, 8, 13), source=src.LAS_README
    ),
    "leaf": SeedEraStatus(
        status=Status.INACTIVE, since=date(2016, 4, 23), source=src.LEAF_README
    ),
}
