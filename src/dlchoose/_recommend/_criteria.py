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

from .._choice import Choice
from .._registry._model import Source, Status


__all__ = [
    "CRITERIA",
    "CURRENT_RATINGS",
    "REQUIRABLE",
    "SEED_ERA_AS_OF",
    "SEED_ERA_RATINGS",
    "SEED_ERA_STATUS",
    "Criterion",
    "CriterionSpec",
    "Rating",
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


# -- sources -----------------------------------------------------------------

_JUDGED: Final = date(2026, 11, 26)
SEED_ERA_AS_OF: Final = date(2018, 6, 30)

_MATRIX = Source(
    title="dlchoose research notes: capability matrix and per-framework facts (frameworks.md §2, §5)",
    date=date(2026, 11, 1),
)
_RUBRIC = Source(
    title="dlchoose recommender rubric: levels judged against the anchors in docs/recommendations.md",
    date=_JUDGED,
)
_HALE = Source(
    title="Jeff Hale, Deep Learning Framework Power Scores 2018 ('start with Keras if you are new')",
    url="https://towardsdatascience.com/deep-learning-framework-power-scores-2018-23607ddf297a",
    date=date(2018, 9, 20),
)
_KERAS_README = Source(
    title="keras-team/keras README: 'Deep Learning for Humans'; multi-backend JAX, TensorFlow, PyTorch",
    url="https://github.com/keras-team/keras",
    date=date(2026, 7, 29),
)
_KERAS_23 = Source(
    title="keras-team/keras README at tag 2.3.0: runs on TensorFlow, CNTK or Theano",
    url="https://github.com/keras-team/keras/tree/2.3.0",
    date=date(2019, 9, 17),
)
_KERAS_EXPORT = Source(
    title="keras/src/models/model.py: Model.export formats tf_saved_model, onnx, litert (keras PR #20710)",
    url="https://github.com/keras-team/keras/pull/20710",
    date=date(2025, 1, 1),
)
_TF_RELEASE = Source(
    title="tensorflow/tensorflow RELEASE.md (1.7 eager, 1.8 GradientTape, 1.9 CuDNN RNN layers, 2.3 tf.distribute, TPUStrategy)",
    url="https://github.com/tensorflow/tensorflow/blob/master/RELEASE.md",
    date=date(2026, 3, 10),
)
_TF_DEPLOY = Source(
    title="TensorFlow deployment family: TF Serving, LiteRT (TF Lite), TensorFlow.js, C API",
    url="https://www.tensorflow.org/tfx/guide/serving",
    date=date(2026, 3, 10),
)
_TF_README_2017 = Source(
    title="tensorflow/tensorflow README (2017): stable Python and C APIs; C++, Go, Java, JavaScript, Swift without guarantees",
    url="https://github.com/tensorflow/tensorflow",
    date=date(2017, 11, 1),
)
_PT_PAPER = Source(
    title="PyTorch: An Imperative Style, High-Performance Deep Learning Library (NeurIPS 2019)",
    url="https://arxiv.org/abs/1912.01703",
    date=date(2019, 12, 3),
)
_PT_DOCS = Source(
    title="PyTorch documentation: torch.compile, torch.distributed (DDP/FSDP), torch.onnx, ExecuTorch, LibTorch",
    url="https://docs.pytorch.org/docs/stable/",
    date=date(2026, 8, 22),
)
_PT_SERVE = Source(
    title="pytorch/serve issue #3396: TorchServe in limited maintenance",
    url="https://github.com/pytorch/serve/issues/3396",
    date=date(2025, 3, 1),
)
_PT_04 = Source(
    title="PyTorch 0.4.0 release notes (torch.distributed, ONNX export, no mobile or serving runtime)",
    url="https://github.com/pytorch/pytorch/releases/tag/v0.4.0",
    date=date(2018, 4, 24),
)
_JAX_README = Source(
    title="jax-ml/jax README: grad of any order, jit via XLA, sharding; platform table",
    url="https://github.com/jax-ml/jax",
    date=date(2026, 7, 16),
)
_FLAX_README = Source(
    title="google/flax README: Conv, LSTMCell, GRUCell layers on JAX",
    url="https://github.com/google/flax",
    date=date(2026, 4, 21),
)
_MX_README = Source(
    title="apache/mxnet README: hybrid symbolic/imperative (Gluon), ps-lite/Horovod/BytePS, language bindings",
    url="https://github.com/apache/mxnet/blob/master/README.md",
    date=date(2022, 4, 21),
)
_CNTK_README = Source(
    title="microsoft/CNTK README and 'News' page (multi-GPU/multi-server, ONNX, C++/C#/Java evaluation)",
    url="https://github.com/microsoft/CNTK",
    date=date(2019, 3, 29),
)
_CAFFE_README = Source(
    title="BVLC/caffe README and sources (prototxt nets, RNN/LSTM layers 2016, NCCL multi-GPU)",
    url="https://github.com/BVLC/caffe",
    date=date(2020, 2, 13),
)
_CAFFE2_README = Source(
    title="facebookarchive/caffe2 README and caffe2.ai (mobile-first, merged into PyTorch)",
    url="https://github.com/facebookarchive/caffe2",
    date=date(2018, 5, 2),
)
_TORCH7_README = Source(
    title="torch/torch7 README ('not in active development'); cutorch/cunn GPU rocks",
    url="https://github.com/torch/torch7",
    date=date(2025, 3, 31),
)
_THEANO_README = Source(
    title="Theano/Theano README, NEWS.txt (symbolic graphs, libgpuarray, experimental multi-GPU)",
    url="https://github.com/Theano/Theano",
    date=date(2020, 7, 27),
)
_PYTENSOR_README = Source(
    title="pymc-devs/pytensor README (static graphs compiled to C, JAX, Numba)",
    url="https://github.com/pymc-devs/pytensor",
    date=date(2026, 8, 12),
)
_LASAGNE_README = Source(
    title="Lasagne/Lasagne README (CNNs, LSTMs on Theano)",
    url="https://github.com/Lasagne/Lasagne",
    date=date(2019, 11, 20),
)
_NEON_README = Source(
    title="NervanaSystems/neon README (layers, Model Zoo, gpu/mkl backends; discontinued 2019)",
    url="https://github.com/NervanaSystems/neon",
    date=date(2019, 5, 22),
)
_DL4J_README = Source(
    title="deeplearning4j examples README (SameDiff, Spark training, CUDA, Keras import, JVM)",
    url="https://github.com/deeplearning4j/deeplearning4j",
    date=date(2022, 8, 12),
)
_LEAF_README = Source(
    title="autumnai/leaf README ('early stage of development', CUDA/OpenCL via Collenchyma)",
    url="https://github.com/autumnai/leaf",
    date=date(2018, 1, 14),
)
_CHAINER_README = Source(
    title="chainer/chainer README (define-by-run pioneer, CuPy, ChainerMN, onnx-chainer)",
    url="https://github.com/chainer/chainer",
    date=date(2022, 10, 13),
)
_PADDLE_README = Source(
    title="PaddlePaddle/Paddle README and 2.0/3.0 release notes (dynamic default, higher-order AD, Paddle Inference/Lite/.js/Serving)",
    url="https://github.com/PaddlePaddle/Paddle",
    date=date(2025, 3, 31),
)
_MINDSPORE_DOCS = Source(
    title="mindspore.cn FAQ and API docs r2.9.0 (PyNative/Graph, Ascend/GPU/CPU, MindSpore Lite, export)",
    url="https://www.mindspore.cn/docs/en/r2.9.0/index.html",
    date=date(2026, 4, 27),
)
_ONEFLOW_README = Source(
    title="Oneflow-Inc/oneflow README (eager + nn.Graph, Global Tensor/SBP, Linux CUDA wheels)",
    url="https://github.com/Oneflow-Inc/oneflow",
    date=date(2025, 8, 20),
)
_MLX_README = Source(
    title="ml-explore/mlx README and docs (lazy dynamic graphs, composable transforms, Metal/CUDA, distributed, C++/C/Swift)",
    url="https://github.com/ml-explore/mlx",
    date=date(2026, 8, 18),
)
_TINYGRAD_README = Source(
    title="tinygrad/tinygrad README (autograd, lazy IR, many accelerators, Tensor.shard)",
    url="https://github.com/tinygrad/tinygrad",
    date=date(2026, 5, 22),
)
_TFKERAS_README = Source(
    title="keras-team/tf-keras README (Keras 2 on TensorFlow, maintenance line)",
    url="https://github.com/keras-team/tf-keras",
    date=date(2026, 3, 18),
)
_ORT_DOCS = Source(
    title="microsoft/onnxruntime: inference engine; Android/iOS, Web, C/C++, C#, Java packages",
    url="https://github.com/microsoft/onnxruntime",
    date=date(2026, 8, 18),
)
_HORACE_HE = Source(
    title="Horace He, The State of Machine Learning Frameworks in 2019 (The Gradient)",
    url="https://thegradient.pub/state-of-ml-frameworks-2019-pytorch-dominates-research-tensorflow-dominates-industry/",
    date=date(2019, 10, 10),
)
_HOROVOD = Source(
    title="Sergeev and Del Balso, Horovod: fast and easy distributed deep learning in TensorFlow (arXiv 1802.05799)",
    url="https://arxiv.org/abs/1802.05799",
    date=date(2018, 2, 15),
)

_CRITERION_ORDER: Final = RUBRIC_CRITERIA


def _table(
    values: tuple[int | None, ...],
    sources: tuple[Source, ...],
    *,
    as_of: date = _JUDGED,
    notes: Mapping[Criterion, str] | None = None,
    via: Mapping[Criterion, tuple[str, ...]] | None = None,
    extra: Mapping[Criterion, tuple[Source, ...]] | None = None,
) -> dict[Criterion, Rating]:
    """Ratings in :data:`RUBRIC_CRITERIA` order, all sharing *sources*."""
    if len(values) != len(_CRITERION_ORDER):  # pragma: no cover - data guard
        raise ValueError("one value per rubric criterion")
    notes = notes or {}
    via = via or {}
    extra = extra or {}
    return {
        criterion: Rating(
            value=value,
            sources=(*sources, *extra.get(criterion, ()), _RUBRIC),
            as_of=as_of,
            note=notes.get(criterion),
            via=via.get(criterion, ()),
        )
        for criterion, value in zip(_CRITERION_ORDER, values, strict=True)
    }


# Columns: graphs autodiff gpu distributed_gpu deployment cnn rnn beginner
# bindings (bindings in half units: a mature API counts 2, a partial one 1).
CURRENT_RATINGS: Final[Mapping[str, Mapping[Criterion, Rating]]] = {
    "tensorflow": _table(
        (3, 3, 3, 4, 4, 2, 2, 3, 8),
        (_TF_RELEASE, _MATRIX),
        notes={
            C.GRAPHS: "eager by default since 2.0; SavedModel, XLA and distribution need tf.function tracing",
            C.GPU: "pip GPU builds on Linux only (native Windows GPU ended with 2.10); CUDA versions must match",
            C.BINDINGS: "Python 1, C++ 1, C ½, Java ½, JavaScript (TF.js) ½, R ½",
        },
        extra={C.DEPLOYMENT: (_TF_DEPLOY,)},
    ),
    "keras": _table(
        (3, 2, None, 3, 3, 2, 2, 4, 3),
        (_KERAS_README, _MATRIX),
        notes={
            C.GRAPHS: "eager or compiled, as the backend allows",
            C.AUTODIFF: "through the backend's automatic differentiation",
            C.DEPLOYMENT: "Model.export to SavedModel, ONNX and LiteRT; served by those runtimes",
            C.BINDINGS: "Python 1, R ½",
        },
        via={C.GPU: ("pytorch", "jax", "tensorflow")},
        extra={C.BEGINNER: (_HALE,), C.DEPLOYMENT: (_KERAS_EXPORT,)},
    ),
    "tf-keras": _table(
        (3, 2, None, None, 3, 2, 2, 3, 2),
        (_TFKERAS_README, _MATRIX),
        notes={
            C.BEGINNER: "Keras 2 API; maintenance line, newcomers are sent to Keras 3"
        },
        via={C.GPU: ("tensorflow",), C.DISTRIBUTED_GPU: ("tensorflow",)},
    ),
    "pytorch": _table(
        (4, 3, 4, 4, 3, 2, 2, 3, 4),
        (_PT_PAPER, _PT_DOCS, _MATRIX),
        notes={
            C.GRAPHS: "define-by-run; torch.compile (2.0) compiles large graphs",
            C.DEPLOYMENT: "LibTorch/AOTInductor, ONNX export, ExecuTorch (beta); TorchServe in limited maintenance; no first-party browser runtime",
            C.BINDINGS: "Python 1, C++ (LibTorch) 1",
        },
        extra={C.DEPLOYMENT: (_PT_SERVE,)},
    ),
    "jax": _table(
        (3, 3, 3, 4, None, 1, 1, 2, 2),
        (_JAX_README, _MATRIX),
        notes={
            C.GRAPHS: "jit traces Python functions; data-dependent control flow needs lax primitives",
            C.GPU: "NVIDIA GPUs on Linux through jax[cuda] plugins; Apple and Intel experimental",
            C.DEPLOYMENT: "unknown: no first-party serving, mobile or C++ runtime confirmed",
            C.CNN: "convolution primitives; layers come from Flax or Keras",
            C.RNN: "scan primitives; cells come from Flax or Keras",
        },
    ),
    "flax": _table(
        (None, None, None, None, None, 2, 2, 2, 2),
        (_FLAX_README, _MATRIX),
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
        (3, 2, 3, 4, 3, 2, 2, 2, 12),
        (_MX_README, _MATRIX),
        notes={
            C.GRAPHS: "Gluon imperative code, hybridize() for symbolic graphs",
            C.BINDINGS: "Python, C++; R, Scala, Java, Julia, Clojure, Perl, Go, JavaScript partial",
        },
    ),
    "cntk": _table(
        (2, 2, 3, 3, 2, 2, 2, 1, 8),
        (_CNTK_README, _MATRIX),
        notes={C.BINDINGS: "Python 1, C++ 1, C# 1, Java ½, BrainScript ½"},
    ),
    "caffe": _table(
        (1, 1, 2, 2, 2, 2, 1, 1, 5),
        (_CAFFE_README, _MATRIX),
        notes={
            C.GRAPHS: "networks are prototxt layer configurations",
            C.AUTODIFF: "each layer implements its own backward pass",
            C.BINDINGS: "C++ 1, Python 1, MATLAB ½",
        },
    ),
    "caffe2": _table(
        (2, 2, 2, 3, 4, 2, 2, 1, 4),
        (_CAFFE2_README, _MATRIX),
    ),
    "torch7": _table(
        (2, 1, 2, 1, 1, 2, 1, 1, 3),
        (_TORCH7_README, _MATRIX),
        notes={
            C.AUTODIFF: "module-level backward; full autodiff only through an add-on",
            C.RNN: "community rnn packages",
            C.BINDINGS: "Lua 1, C ½",
        },
    ),
    "theano": _table(
        (2, 3, 2, 1, 1, 2, 2, 1, 2),
        (_THEANO_README, _MATRIX),
    ),
    "pytensor": _table(
        (2, 3, 1, 0, 0, 1, 0, 1, 2),
        (_PYTENSOR_README, _MATRIX),
        notes={C.GPU: "GPU only through the JAX backend"},
    ),
    "lasagne": _table(
        (None, None, None, 1, 1, 2, 2, 2, 2),
        (_LASAGNE_README, _MATRIX),
        via={
            C.GRAPHS: ("theano",),
            C.AUTODIFF: ("theano",),
            C.GPU: ("theano",),
        },
    ),
    "neon": _table(
        (1, 2, 2, None, 0, 2, 2, 2, 2),
        (_NEON_README, _MATRIX),
        notes={C.DISTRIBUTED_GPU: "unknown: multi-GPU support unconfirmed"},
    ),
    "dl4j": _table(
        (2, 2, 3, 3, 3, 2, 2, 2, 4),
        (_DL4J_README, _MATRIX),
        notes={C.BINDINGS: "Java 1, Scala 1"},
    ),
    "leaf": _table(
        (1, 1, 1, None, 1, 1, None, 1, 2),
        (_LEAF_README, _MATRIX),
        notes={
            C.DISTRIBUTED_GPU: "unknown",
            C.RNN: "unknown",
            C.AUTODIFF: "layer-level backward (unconfirmed)",
        },
    ),
    "chainer": _table(
        (4, 3, 3, 3, 1, 2, 2, 2, 2),
        (_CHAINER_README, _MATRIX),
    ),
    "paddle": _table(
        (3, 3, 3, 4, 4, 2, 2, 2, 5),
        (_PADDLE_README, _MATRIX),
        notes={
            C.GRAPHS: "dynamic by default since 2.0; deployment goes through dynamic-to-static",
            C.GPU: "recent CUDA builds come mostly from Baidu's own package index",
            C.BINDINGS: "Python 1, C++ 1, Java (inference) ½",
        },
    ),
    "mindspore": _table(
        (3, 2, 2, 4, 3, 2, 2, 2, 4),
        (_MINDSPORE_DOCS, _MATRIX),
        notes={
            C.GPU: "Ascend first; separate NVIDIA GPU packages stopped at 1.10.1"
        },
    ),
    "oneflow": _table(
        (3, 2, 3, 4, None, 2, 2, 2, 2),
        (_ONEFLOW_README, _MATRIX),
        notes={
            C.DEPLOYMENT: "unknown: serving, C++ runtime and ONNX maturity unconfirmed"
        },
    ),
    "mlx": _table(
        (4, 3, 3, 2, 2, 2, 2, 2, 7),
        (_MLX_README, _MATRIX),
        notes={C.BINDINGS: "Python 1, C++ 1, Swift 1, C ½"},
    ),
    "tinygrad": _table(
        (4, 2, 3, 2, 1, 2, 1, 2, 2),
        (_TINYGRAD_README, _MATRIX),
    ),
    "onnxruntime": _table(
        (0, 0, 3, 0, 4, 0, 0, 2, 10),
        (_ORT_DOCS, _MATRIX),
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
        sources=(*sources, _RUBRIC),
        as_of=_S,
        note=note,
        via=via,
    )


SEED_ERA_RATINGS: Final[Mapping[str, Mapping[Criterion, Rating]]] = {
    "tensorflow": {
        C.GRAPHS: _seed(
            2,
            _TF_RELEASE,
            note="TF 1.x: static graphs and sessions; eager execution only left contrib in 1.7",
        ),
        C.BEGINNER: _seed(
            2, _TF_RELEASE, note="TF 1.x graphs and sessions; tf.keras bundled"
        ),
        C.DISTRIBUTED_GPU: _seed(
            4,
            _TF_RELEASE,
            _HOROVOD,
            note="distributed TensorFlow with parameter servers, TPUs, Horovod",
        ),
        C.BINDINGS: _seed(8, _TF_README_2017),
    },
    "pytorch": {
        C.GRAPHS: _seed(4, _PT_04, note="define-by-run"),
        C.DISTRIBUTED_GPU: _seed(
            2,
            _PT_04,
            note="torch.distributed young (0.2, 2017); no multi-node tooling",
        ),
        C.DEPLOYMENT: _seed(
            1,
            _PT_04,
            note="ONNX export only; no serving, mobile or C++ runtime yet",
        ),
        C.BINDINGS: _seed(
            2, _PT_04, note="Python only (C++ frontend came with 1.0)"
        ),
    },
    "keras": {
        C.GRAPHS: _seed(
            2, _KERAS_23, note="via static TensorFlow 1, CNTK or Theano graphs"
        ),
        C.GPU: _seed(None, _KERAS_23, via=("tensorflow", "cntk", "theano")),
        C.DISTRIBUTED_GPU: _seed(
            1, _KERAS_23, note="multi_gpu_model on one machine"
        ),
        C.DEPLOYMENT: _seed(2, _KERAS_23, note="through the backend's export"),
    },
    "paddle": {
        C.GRAPHS: _seed(
            2, _PADDLE_README, note="Fluid programs: static graphs"
        ),
        C.AUTODIFF: _seed(2, _PADDLE_README),
        C.DISTRIBUTED_GPU: _seed(3, _PADDLE_README),
        C.DEPLOYMENT: _seed(2, _PADDLE_README),
        C.BINDINGS: _seed(4, _PADDLE_README, note="Python 1, C++ 1"),
    },
}

#: Status of each framework that existed in mid-2018: (status, since, source).
SEED_ERA_STATUS: Final[Mapping[str, tuple[Status, date | None, Source]]] = {
    "tensorflow": (Status.ACTIVE, date(2018, 4, 27), _TF_RELEASE),
    "pytorch": (Status.ACTIVE, date(2018, 4, 24), _PT_04),
    "keras": (Status.ACTIVE, date(2018, 6, 6), _KERAS_23),
    "mxnet": (Status.ACTIVE, date(2018, 5, 21), _MX_README),
    "cntk": (Status.ACTIVE, date(2018, 3, 15), _CNTK_README),
    "chainer": (Status.ACTIVE, date(2018, 6, 1), _CHAINER_README),
    "paddle": (Status.ACTIVE, date(2018, 6, 1), _PADDLE_README),
    "dl4j": (Status.ACTIVE, date(2018, 5, 1), _DL4J_README),
    "neon": (Status.ACTIVE, date(2018, 1, 5), _NEON_README),
    "caffe": (Status.MAINTENANCE, date(2017, 4, 15), _CAFFE_README),
    "caffe2": (Status.MERGED, date(2018, 3, 30), _CAFFE2_README),
    "theano": (Status.DISCONTINUED, date(2017, 9, 28), _THEANO_README),
    "torch7": (Status.INACTIVE, date(2017, 2, 27), _TORCH7_README),
    "lasagne": (Status.INACTIVE, date(2015, 8, 13), _LASAGNE_README),
    "leaf": (Status.INACTIVE, date(2016, 4, 23), _LEAF_README),
}
"""``since`` is the status date; for active frameworks, their latest release
before the seed-era date (maintenance is derived from it)."""

#: Sources backing the classic advice each profile is checked against.
CLASSIC_SOURCES: Final[Mapping[str, Source]] = {
    "research": _HORACE_HE,
    "beginner": _HALE,
}
