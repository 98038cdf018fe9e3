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
    ACADEMIC_ADOPTION = "academic_adoption"
    INDUSTRY_ADOPTION = "industry_adoption"

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
    """``rubric``, ``half_units`` (bindings), ``score``, ``count_log`` or
    ``share`` (a measured share of a population, capped at a ceiling)."""
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
        _spec(
            C.ACADEMIC_ADOPTION,
            "academic adoption (share of conference papers, 80 % or more = 1)",
            ("named by no paper", "named by 80 % or more of the papers"),
            supported=1,
            scale="share",
            levels=1000,
        ),
        _spec(
            C.INDUSTRY_ADOPTION,
            "industry adoption (share of framework downloads from PyPI, 60 % or more = 1)",
            ("no downloads", "60 % or more of framework downloads"),
            supported=1,
            scale="share",
            levels=1000,
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


def _unstated(value: int | None, via: tuple[str, ...] | None) -> str | None:
    """The note of an unknown level that inherits nothing."""
    if value is None and not via:
        return "unknown: the cited sources do not say"
    return None


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
            sources=(*sources, *extra.get(criterion, ())),
            as_of=as_of,
            note=notes.get(criterion)
            or _unstated(getattr(levels, criterion.value), via.get(criterion)),
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
        (src.TF_RELEASE_MD,),
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
        (src.KERAS_README,),
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
        (src.TFK_README,),
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
        (src.PT_PAPER, src.PT_DOCS),
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
            deployment=2,
            cnn=1,
            rnn=1,
            beginner=2,
            bindings=2,
        ),
        (src.JAX_README,),
        notes={
            C.GRAPHS: "jit traces Python functions; data-dependent control flow needs lax primitives",
            C.GPU: "NVIDIA GPUs on Linux through jax[cuda] plugins; Apple and Intel experimental",
            C.DEPLOYMENT: "jax.export serializes StableHLO for another process; jax2tf (experimental) saves a TensorFlow SavedModel; no serving, mobile or C++ runtime of its own",
            C.CNN: "convolution primitives; layers come from Flax or Keras",
            C.RNN: "scan primitives; cells come from Flax or Keras",
        },
        extra={C.DEPLOYMENT: (src.JAX_EXPORT, src.JAX2TF_README)},
        as_of=src.REJUDGED,
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
        (src.FLAX_README,),
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
        (src.MX_README,),
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
        (src.CNTK_README, src.CNTK_NEWS),
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
        (src.CAFFE_README, src.CAFFE_SRC),
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
        (src.C2_README,),
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
        (src.T7_README,),
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
        (src.TH_README,),
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
        (src.PTN_README,),
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
        (src.LAS_README,),
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
        (src.NEON_README, src.NEON_NOTICE),
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
        (src.DL4J_README,),
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
        (src.LEAF_README,),
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
        (src.CH_README, src.CH_ONNX),
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
        (src.PD_README, src.PD_2_0, src.PD_3_0),
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
        (src.MS_DOCS, src.MS_FAQ),
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
        (src.OF_README,),
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
        (src.MLX_README, src.MLX_SRC, src.MLX_DISTRIBUTED),
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
        (src.TG_README, src.TG_NN),
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
        (src.ORT_DOCS,),
        notes={
            C.GRAPHS: "inference engine: runs exported graphs, trains nothing",
            C.AUTODIFF: "inference engine",
        },
    ),
    # Frameworks for other languages (research/languages.md): judged only
    # where the cited sources say enough; everything else stays unknown.
    "burn": _table(
        Levels(
            graphs=4,
            autodiff=2,
            gpu=3,
            distributed_gpu=None,
            deployment=2,
            cnn=2,
            rnn=2,
            beginner=None,
            bindings=2,
        ),
        (src.BURN_README,),
        notes={
            C.GRAPHS: "PyTorch-like dynamic graphs, JIT kernel fusion",
            C.GPU: "CUDA, ROCm, Metal, Vulkan and WebGPU back ends chosen as crate features",
            C.DEPLOYMENT: "browser (WebGPU/Wasm) and no_std embedded inference; ONNX import",
            C.BINDINGS: "Rust 1",
        },
        extra={C.CNN: (src.BURN_NN,), C.RNN: (src.BURN_NN,)},
    ),
    "candle": _table(
        Levels(
            graphs=4,
            autodiff=2,
            gpu=3,
            distributed_gpu=1,
            deployment=1,
            cnn=2,
            rnn=2,
            beginner=None,
            bindings=2,
        ),
        (src.CANDLE_README,),
        notes={
            C.GRAPHS: "define-by-run: tensors record their operations as they run and backward walks that graph; no compile step",
            C.DISTRIBUTED_GPU: "multiple GPUs through NCCL",
            C.DEPLOYMENT: "WASM models in the browser",
            C.BINDINGS: "Rust 1",
        },
        extra={
            C.GRAPHS: (src.CANDLE_BACKPROP,),
            C.AUTODIFF: (src.CANDLE_CORE,),
            C.GPU: (src.CANDLE_CORE,),
            C.CNN: (src.CANDLE_NN,),
            C.RNN: (src.CANDLE_NN,),
        },
    ),
    "flux": _table(
        Levels(
            graphs=4,
            autodiff=2,
            gpu=3,
            distributed_gpu=None,
            deployment=None,
            cnn=2,
            rnn=2,
            beginner=None,
            bindings=2,
        ),
        (src.FLUX_README,),
        notes={
            C.GRAPHS: "a model is an ordinary Julia function; Zygote differentiates the code as it runs, control flow included",
            C.AUTODIFF: "through Zygote and Enzyme",
            C.GPU: "CUDA.jl, AMDGPU.jl; Apple Metal experimental",
            C.BINDINGS: "Julia 1",
        },
        extra={
            C.GRAPHS: (src.FLUX_BASICS,),
            C.AUTODIFF: (src.FLUX_PROJECT,),
            C.GPU: (src.FLUX_GPU,),
            C.CNN: (src.FLUX_LAYERS,),
            C.RNN: (src.FLUX_LAYERS,),
        },
    ),
    "torchsharp": _table(
        Levels(
            graphs=None,
            autodiff=None,
            gpu=3,
            distributed_gpu=None,
            deployment=None,
            cnn=2,
            rnn=2,
            beginner=None,
            bindings=4,
        ),
        (src.TORCHSHARP_README,),
        notes={
            C.GPU: "CUDA 12 packages for Windows and Linux",
            C.BINDINGS: "C# 1, F# 1",
        },
        via={C.GRAPHS: ("pytorch",), C.AUTODIFF: ("pytorch",)},
        extra={C.RNN: (src.TORCHSHARP_NOTES,), C.CNN: (src.TORCHSHARP_CONV,)},
        as_of=src.REJUDGED,
    ),
    "mlnet": _table(
        Levels(
            graphs=0,
            autodiff=None,
            gpu=None,
            distributed_gpu=None,
            deployment=None,
            cnn=None,
            rnn=None,
            beginner=None,
            bindings=2,
        ),
        (src.MLNET_README,),
        notes={
            C.GRAPHS: "no user-defined networks: its deep-learning trainers train built-in architectures chosen by an option (custom networks need TorchSharp); runs TensorFlow and ONNX models",
            C.BINDINGS: "C# 1",
        },
        extra={C.GRAPHS: (src.MLNET_IMAGE_ARCH, src.MLNET_TORCHSHARP)},
    ),
    "djl": _table(
        Levels(
            graphs=None,
            autodiff=2,
            gpu=3,
            distributed_gpu=None,
            deployment=1,
            cnn=None,
            rnn=None,
            beginner=None,
            bindings=2,
        ),
        (src.DJL_README,),
        notes={
            C.AUTODIFF: "training through the MXNet and PyTorch engines",
            C.GPU: "CUDA native builds chosen per platform",
            C.DEPLOYMENT: "Android inference",
            C.BINDINGS: "Java 1",
        },
        extra={
            C.AUTODIFF: (src.DJL_ENGINES,),
            C.GPU: (src.DJL_PT_ENGINE,),
            C.DEPLOYMENT: (src.DJL_ANDROID,),
        },
    ),
    "tfjs": _table(
        Levels(
            graphs=4,
            autodiff=2,
            gpu=3,
            distributed_gpu=None,
            deployment=3,
            cnn=2,
            rnn=2,
            beginner=3,
            bindings=2,
        ),
        (src.TFJS_README,),
        notes={
            C.GRAPHS: "eager API: operations run as called and are differentiated as they ran; no tracing step",
            C.GPU: "WebGL/WebGPU in the browser; tfjs-node-gpu on NVIDIA CUDA",
            C.DEPLOYMENT: "browser, Node.js server and React Native",
            C.BEGINNER: "Layers API like Keras",
            C.BINDINGS: "JavaScript 1",
        },
        extra={
            C.GRAPHS: (src.TFJS_CORE_README,),
            C.GPU: (src.TFJS_NODE,),
            C.CNN: (src.TFJS_LAYERS,),
            C.RNN: (src.TFJS_LAYERS,),
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
        sources=sources,
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
        status=Status.ACTIVE, since=date(2018, 4, 17), source=src.CNTK_PACKAGE
    ),
    "chainer": SeedEraStatus(
        status=Status.ACTIVE, since=date(2018, 6, 21), source=src.CH_PYPI
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
    # The maintainers' notice (Dec 2017) precedes the seed date; the README
    # line saying the same came only in July 2018.
    "torch7": SeedEraStatus(
        status=Status.DISCONTINUED,
        since=date(2017, 12, 21),
        source=src.T7_NOTICE,
    ),
    # No release after 0.1 (Aug 2015), but commits kept landing on master
    # through the first half of 2018 (last one Nov 2019).
    "lasagne": SeedEraStatus(
        status=Status.MAINTENANCE,
        since=date(2015, 8, 13),
        source=src.LAS_HISTORY,
    ),
    "leaf": SeedEraStatus(
        status=Status.INACTIVE, since=date(2016, 4, 23), source=src.LEAF_README
    ),
}
