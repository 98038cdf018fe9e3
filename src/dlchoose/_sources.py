"""The one bibliography: every source a fact or a judgement cites.

The catalog, the recommender's ratings and its profiles cite these
definitions, so a source is written once and a document (``dlchoose
show``, ``recommend --explain``) gives it one footnote number.  This is a
leaf module: it imports only the standard library and attrs.

Dating conventions: a repository file or a living page is dated when it was
read (:data:`REPO_READ` for repository states, :data:`WEB_READ` for undated
web pages); a source known only to the month is dated on the first of that
month.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs

from attrs import validators as v


def as_date(value: object) -> date | None:
    """A date from an ISO string or a date (TOML has native dates)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise TypeError(f"expected a date, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from: a title, an address and a date."""

    title: str = attrs.field(validator=v.min_len(1))
    url: str | None = None
    date: date | None = None
    """When the source was published or, for living pages, read."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        if not isinstance(data, Mapping):
            raise TypeError(
                "expected a source object with 'title', 'url' and 'date'"
            )
        return cls(
            title=data["title"],
            url=data.get("url"),
            date=as_date(data.get("date")),
        )


# -- dates shared by many sources --------------------------------------------

REPO_READ: Final = date(2026, 8, 22)
"""When the repositories were read (the GitHub snapshot's ``as_of``)."""
WEB_READ: Final = date(2026, 11, 1)
"""When undated web pages were read (the research notes' newest month)."""

# -- sources shared by several entries -------------------------------------

CNTK_NEWS: Final = Source(
    title="Cognitive Toolkit 'News' page: feature history 2.0-2.3 and the 2.7 announcement (last main release; move to ONNX, ONNX Runtime and converters such as TensorFlow-ONNX)",
    url="https://github.com/MicrosoftDocs/cognitive-toolkit-docs",
    date=date(2019, 3, 29),
)
WIKI_THEANO_SUCCESSION: Final = Source(
    title="Wikipedia text on Theano's succession: PyMC maintenance from 2018, Aesara fork 2021, PyTensor fork 29 Nov 2022 (copy in the nvidia/Nemotron-CC-Math data set)",
    url=None,
    date=WEB_READ,
)

# -- TensorFlow ----------------------------------------------------------------

TF_SETUP: Final = Source(
    title="tensorflow/tensorflow pip package setup.py: Google Brain description, Apache 2.0 licence, NVIDIA CUDA classifier, platform-specific dependency packages",
    url="https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/pip_package/setup.py",
    date=REPO_READ,
)
TF_RELEASE_MD: Final = Source(
    title="TensorFlow RELEASE.md: eager out of contrib (1.7), GradientTape (1.8), cuDNN LSTM/GRU and TF.js link (1.8-1.9), tf.function/XLA and tf.distribute incl. TPUStrategy (2.3)",
    url="https://github.com/tensorflow/tensorflow/blob/master/RELEASE.md",
    date=REPO_READ,
)
TF_2_21: Final = Source(
    title="TensorFlow 2.21.0 release notes, quoted in deepmodeling/deepmd-kit PR #5303",
    url="https://github.com/deepmodeling/deepmd-kit/pull/5303",
    date=date(2026, 3, 10),
)
TF_CIO: Final = Source(
    title="CIO: Which deep learning network is best for you? (TensorFlow open-sourced 9 Nov 2015, 1.0 in Feb 2017)",
    url=None,
    date=date(2017, 5, 1),
)
TF_README_STABLE: Final = Source(
    title="TensorFlow README, 2019-2020 text (AOSP mirror): stable Python and C++ APIs, other languages without compatibility guarantee",
    url="https://android.googlesource.com/platform/external/tensorflow/",
    date=WEB_READ,
)
TF_README_2017: Final = Source(
    title="TensorFlow README, 2017 text (fork wangzichenking/tensorflow): stable Python and C APIs; C++, Go, Java, JavaScript, Swift without guarantee",
    url="https://github.com/wangzichenking/tensorflow",
    date=REPO_READ,
)
GRADIENT_2019: Final = Source(
    title="Horace He, The State of Machine Learning Frameworks in 2019 (The Gradient): TF 2.0 makes eager mode the default",
    url="https://thegradient.pub/state-of-ml-frameworks-2019-pytorch-dominates-research-tensorflow-dominates-industry/",
    date=date(2019, 10, 10),
)
TF_ROCM: Final = Source(
    title="AMD ROCm 6.2.2 documentation: Installing TensorFlow for ROCm (AMD-hosted tensorflow-rocm wheels)",
    url=None,
    date=WEB_READ,
)
TF_METAL: Final = Source(
    title="Apple Developer: tensorflow-metal PluggableDevice for Apple GPUs",
    url="https://developer.apple.com/metal/tensorflow-plugin/",
    date=WEB_READ,
)
TF_INTEL_GPU: Final = Source(
    title="Intel Extension for TensorFlow documentation (Intel GPUs)",
    url="https://intel.github.io/intel-extension-for-tensorflow/",
    date=WEB_READ,
)
TF_SERVING: Final = Source(
    title="tensorflow/serving repository (TF Serving)",
    url="https://github.com/tensorflow/serving",
    date=REPO_READ,
)
LITERT_MIGRATION: Final = Source(
    title="Google AI Edge: TensorFlow Lite is now LiteRT (migration guide: tflite-runtime to ai-edge-litert)",
    url="https://ai.google.dev/edge/litert/migration",
    date=WEB_READ,
)

# -- Caffe -------------------------------------------------------------------

CAFFE_README: Final = Source(
    title="BVLC/caffe README: BAIR/BVLC project, BSD 2-Clause, command line/Python/MATLAB interfaces, custom distributions (Intel, OpenCL, Windows), Model Zoo",
    url="https://github.com/BVLC/caffe/blob/master/README.md",
    date=REPO_READ,
)
CAFFE_SRC: Final = Source(
    title="BVLC/caffe sources: cuDNN layers, RNN/LSTM layers (June 2016), single-machine NCCL data parallelism (src/caffe/parallel.cpp), C++ library",
    url="https://github.com/BVLC/caffe/tree/master/src/caffe",
    date=REPO_READ,
)
CAFFE_HISTORY: Final = Source(
    title="BVLC/caffe git history: first commit 12 Sep 2013, last commit 13 Feb 2020",
    url="https://github.com/BVLC/caffe/commits/master",
    date=date(2020, 2, 13),
)
CAFFE_TAG: Final = Source(
    title="BVLC/caffe tag 1.0",
    url="https://github.com/BVLC/caffe/releases/tag/1.0",
    date=date(2017, 4, 15),
)

# -- Keras and TF-Keras ------------------------------------------------------

KERAS_README: Final = Source(
    title="keras-team/keras README: 'Deep Learning for Humans'; Keras 3 runs on JAX, TensorFlow or PyTorch (OpenVINO for inference); eager or compiled execution",
    url="https://github.com/keras-team/keras/blob/master/README.md",
    date=REPO_READ,
)
KERAS_LICENSE: Final = Source(
    title="keras-team/keras LICENSE (Apache 2.0)",
    url="https://github.com/keras-team/keras/blob/master/LICENSE",
    date=REPO_READ,
)
KERAS_HISTORY: Final = Source(
    title="keras-team/keras git history: first commits 27 Mar 2015",
    url="https://github.com/keras-team/keras/commits/master",
    date=date(2015, 3, 27),
)
KERAS_MOVE: Final = Source(
    title="keras-team/keras PR #8790 'Update links' (repository moved from fchollet/keras, redirects kept)",
    url="https://github.com/keras-team/keras/pull/8790",
    date=date(2017, 12, 14),
)
KERAS_TAG: Final = Source(
    title="keras-team/keras tag v3.15.1",
    url="https://github.com/keras-team/keras/releases/tag/v3.15.1",
    date=date(2026, 7, 29),
)
KERAS_EXPORT: Final = Source(
    title="keras/src/models/model.py: Model.export() writes tf_saved_model, onnx and litert",
    url="https://github.com/keras-team/keras/blob/master/keras/src/models/model.py",
    date=REPO_READ,
)
KERAS_2_4: Final = Source(
    title="keras-team/keras README at tag 2.4.0: multi-backend Keras discontinued, Keras redirects to tf.keras",
    url="https://github.com/keras-team/keras/blob/2.4.0/README.md",
    date=date(2020, 6, 17),
)
TFK_README: Final = Source(
    title="keras-team/tf-keras README: Keras 2 kept as the tf_keras package",
    url="https://github.com/keras-team/tf-keras/blob/master/README.md",
    date=REPO_READ,
)
TFK_TAG: Final = Source(
    title="keras-team/tf-keras tag v2.21.0",
    url="https://github.com/keras-team/tf-keras/releases/tag/v2.21.0",
    date=date(2026, 3, 18),
)
TFK_FORUM: Final = Source(
    title="Keras newsletter and Google AI forum answer: TF 2.16 ships Keras 3; tf_keras plus TF_USE_LEGACY_KERAS=1 keeps Keras 2",
    url="https://discuss.ai.google.dev",
    date=date(2023, 12, 1),
)

# -- Microsoft Cognitive Toolkit ---------------------------------------------

CNTK_README: Final = Source(
    title="microsoft/CNTK README: networks as directed graphs, SGD with automatic differentiation, multi-GPU and multi-server training, CNNs and LSTMs; open source since April 2015",
    url="https://github.com/microsoft/CNTK/blob/master/README.md",
    date=REPO_READ,
)
CNTK_PACKAGE: Final = Source(
    title="cntk-gpu 2.7.post2 package metadata on the Python package index (MIT licence)",
    url=None,
    date=WEB_READ,
)
CNTK_SETUP: Final = Source(
    title="Microsoft Learn: Setup CNTK on your machine (CPU-only MKL build and GPU build with cuDNN)",
    url="https://learn.microsoft.com/en-us/cognitive-toolkit/setup-cntk-on-your-machine",
    date=WEB_READ,
)

# -- Torch7 ------------------------------------------------------------------

T7_README: Final = Source(
    title="torch/torch7 README: Torch is not in active development; its C back end lives on as ATen in PyTorch",
    url="https://github.com/torch/torch7/blob/master/README.md",
    date=REPO_READ,
)
T7_NOTICE: Final = Source(
    title="torch/distro issue #246 quoting the notice 'Torch is not actively developed anymore and is in maintenance mode'",
    url="https://github.com/torch/distro/issues/246",
    date=date(2017, 12, 21),
)
T7_COPYRIGHT: Final = Source(
    title="torch/torch7 COPYRIGHT.txt: Idiap, DeepMind, NEC Labs, NYU",
    url="https://github.com/torch/torch7/blob/master/COPYRIGHT.txt",
    date=REPO_READ,
)
T7_LUAROCKS: Final = Source(
    title="LuaRocks module page for torch (BSD licence)",
    url=None,
    date=WEB_READ,
)
T7_WIKIPEDIA: Final = Source(
    title="Spanish Wikipedia infobox for Torch (es.knowpia.com copy): first release 2002, 7.0 on 27 Feb 2017",
    url=None,
    date=WEB_READ,
)
T7_LUA_BLOG: Final = Source(
    title="xhwang.me: Deep learning in Lua Torch (imperative Lua/LuaJIT over C and CUDA; cutorch, cunn, cudnn)",
    url=None,
    date=date(2016, 1, 1),
)
T7_DISTRO: Final = Source(
    title="torch/distro README: install script, th launcher, install/bin on PATH",
    url="https://github.com/torch/distro/blob/master/README.md",
    date=REPO_READ,
)

# -- Apache MXNet ------------------------------------------------------------

MX_ATTIC: Final = Source(
    title="Apache Attic: Apache MXNet (retired 2023)",
    url="https://attic.apache.org/projects/mxnet.html",
    date=date(2023, 9, 1),
)
MX_ARCHIVED: Final = Source(
    title="GitHub: apache/mxnet 'archived by the owner on Nov 17, 2023' (also shown for apache/incubator-mxnet)",
    url="https://github.com/apache/mxnet",
    date=date(2023, 11, 17),
)
MX_README: Final = Source(
    title="apache/mxnet README: hybrid symbolic/imperative (Gluon), multi-GPU via ps-lite, Horovod, BytePS; deployment via TVM, TensorRT, OpenVINO, ARM; language bindings",
    url="https://github.com/apache/mxnet/blob/master/README.md",
    date=date(2022, 4, 21),
)
MX_RELEASE: Final = Source(
    title="apache/mxnet tag 1.9.1",
    url="https://github.com/apache/mxnet/releases/tag/1.9.1",
    date=date(2022, 4, 21),
)
MX_HISTORY: Final = Source(
    title="MXNet dev list: incubation at Apache from January 2017 (dmlc/mxnet → apache/incubator-mxnet → apache/mxnet)",
    url="https://lists.apache.org/list.html?dev@mxnet.apache.org",
    date=date(2022, 4, 1),
)
MX_ONNX: Final = Source(
    title="onnx/onnx-mxnet PR #52: ONNX converter merged into MXNet 1.2",
    url="https://github.com/onnx/onnx-mxnet/pull/52",
    date=date(2018, 5, 1),
)

# -- Leaf --------------------------------------------------------------------

LEAF_README: Final = Source(
    title="autumnai/leaf README: open machine-learning framework for hackers, CUDA or OpenCL through Collenchyma, early-stage disclaimer, MIT or Apache-2.0",
    url="https://github.com/autumnai/leaf",
    date=REPO_READ,
)
LEAF_CRATE: Final = Source(
    title="Crate metadata for leaf: 0.0.1 (2 Nov 2015) to 0.2.1 (23 Apr 2016)",
    url=None,
    date=date(2016, 4, 23),
)
LEAF_HISTORY: Final = Source(
    title="autumnai/leaf git log: last real commit 14 Jan 2018 (removing links to the squatted autumnai.com)",
    url="https://github.com/autumnai/leaf/commits/master",
    date=date(2018, 1, 14),
)

# -- Theano ------------------------------------------------------------------

TH_README: Final = Source(
    title="Theano/Theano README and NEWS.txt: symbolic graphs, libgpuarray GPU back end, experimental multi-GPU; MILA stopped developing Theano; PyMC forked it as PyTensor",
    url="https://github.com/Theano/Theano",
    date=date(2024, 1, 15),
)
TH_LICENSE: Final = Source(
    title="Theano doc/LICENSE.txt (BSD 3-Clause)",
    url="https://github.com/Theano/Theano/blob/master/doc/LICENSE.txt",
    date=REPO_READ,
)
TH_END: Final = Source(
    title="theano-users announcement: MILA ends Theano development after 1.0, one year of minimal maintenance (quoted on discourse.mc-stan.org)",
    url=None,
    date=date(2017, 9, 28),
)
TH_SYNCED: Final = Source(
    title="Synced: RIP Theano",
    url=None,
    date=date(2017, 9, 29),
)
TH_TAG: Final = Source(
    title="Theano NEWS.txt and tag rel-1.0.5 (final maintenance release)",
    url="https://github.com/Theano/Theano/releases/tag/rel-1.0.5",
    date=date(2020, 7, 27),
)
TH_GPU: Final = Source(
    title="Theano conda recipe (pygpu >= 0.7, the libgpuarray GPU back end) and J. Torres, Programming Models for Deep Learning (experimental multi-GPU)",
    url=None,
    date=WEB_READ,
)

# -- Eclipse Deeplearning4j --------------------------------------------------

DL4J_README: Final = Source(
    title="deeplearning4j/deeplearning4j README and examples: JVM deep-learning suite (SameDiff, Spark training, CUDA, Keras import), Java and Scala, Apache-2.0",
    url="https://github.com/deeplearning4j/deeplearning4j",
    date=REPO_READ,
)
DL4J_EXAMPLES: Final = Source(
    title="deeplearning4j-examples README: DL4J layers, SameDiff graphs, ND4J on LibND4J (CPU AVX2/AVX-512, CUDA), Keras import, Spark training",
    url="https://github.com/deeplearning4j/deeplearning4j-examples",
    date=REPO_READ,
)
DL4J_MAVEN: Final = Source(
    title="Maven Central versions of org.deeplearning4j:deeplearning4j-modelimport: 0.7.0 (2016) to 1.0.0-M2.1, nothing later",
    url=None,
    date=date(2022, 8, 12),
)
DL4J_SNAPSHOTS: Final = Source(
    title="Maven Central snapshot index: libnd4j snapshot metadata still updated in June 2025",
    url=None,
    date=date(2025, 6, 1),
)
DL4J_ISSUES: Final = Source(
    title="deeplearning4j/deeplearning4j PRs #8511 and #8641: work under the Eclipse repository and a Konduit working repository",
    url="https://github.com/deeplearning4j/deeplearning4j/pull/8511",
    date=REPO_READ,
)
DL4J_CHRONOLOGY: Final = Source(
    title="Study of open-source deep-learning frameworks (lw53.com): Deeplearning4j first released 2014",
    url=None,
    date=WEB_READ,
)

# -- Lasagne -----------------------------------------------------------------

LAS_README: Final = Source(
    title="Lasagne/Lasagne README: lightweight Theano library, CNNs, LSTMs, multiple inputs/outputs, CPU/GPU via Theano, MIT",
    url="https://github.com/Lasagne/Lasagne",
    date=REPO_READ,
)
LAS_HISTORY: Final = Source(
    title="Lasagne/Lasagne git history: first commit Sep 2014, last commit 20 Nov 2019",
    url="https://github.com/Lasagne/Lasagne/commits/master",
    date=date(2019, 11, 20),
)
LAS_TAG: Final = Source(
    title="Lasagne/Lasagne tag v0.1 (the only tagged release)",
    url="https://github.com/Lasagne/Lasagne/releases/tag/v0.1",
    date=date(2015, 8, 13),
)

# -- Intel Nervana neon ------------------------------------------------------

NEON_NOTICE: Final = Source(
    title="NervanaSystems/neon README discontinuation notice: no longer maintained by Intel (commit 'Add legal discontinuation notice'); repository shown as public archive",
    url="https://github.com/NervanaSystems/neon",
    date=date(2019, 5, 22),
)
NEON_README: Final = Source(
    title="NervanaSystems/neon README and setup.py: conv, RNN, LSTM, GRU layers, gpu/mkl/cpu back ends, Model Zoo, pip name nervananeon",
    url="https://github.com/NervanaSystems/neon/blob/master/README.md",
    date=REPO_READ,
)
NEON_LICENSE: Final = Source(
    title="NervanaSystems/neon LICENSE (Apache 2.0)",
    url="https://github.com/NervanaSystems/neon/blob/master/LICENSE",
    date=REPO_READ,
)
NEON_HISTORY: Final = Source(
    title="NervanaSystems/neon git history: first public release 3 May 2015",
    url="https://github.com/NervanaSystems/neon/commits/master",
    date=date(2015, 5, 3),
)
NEON_TAG: Final = Source(
    title="NervanaSystems/neon tag v2.6.0 (last release)",
    url="https://github.com/NervanaSystems/neon/releases/tag/v2.6.0",
    date=date(2018, 1, 5),
)

# -- PyTorch -----------------------------------------------------------------

PT_PAPER: Final = Source(
    title="PyTorch: An Imperative Style, High-Performance Deep Learning Library (NeurIPS 2019)",
    url="https://arxiv.org/abs/1912.01703",
    date=date(2019, 12, 3),
)
PT_YEAR_ONE: Final = Source(
    title="PyTorch team: PyTorch, a year in (public release in January 2017)",
    url="https://pytorch.org/blog/a-year-in/",
    date=date(2018, 1, 19),
)
PT_FOUNDATION: Final = Source(
    title="PyTorch strengthens its governance by joining the Linux Foundation",
    url="https://www.linuxfoundation.org/blog/blog/pytorch-strengthens-its-governance-by-joining-the-linux-foundation",
    date=date(2022, 9, 12),
)
PT_LICENSE: Final = Source(
    title="pytorch/pytorch LICENSE (BSD-style, three clauses)",
    url="https://github.com/pytorch/pytorch/blob/main/LICENSE",
    date=REPO_READ,
)
PT_RELEASES: Final = Source(
    title="PyTorch 2.12.1 release notes, quoted in DataBoar/data-boar PR #975",
    url="https://github.com/DataBoar/data-boar/pull/975",
    date=date(2026, 6, 21),
)
PT_2_11: Final = Source(
    title="PyTorch 2.11 release summaries (theneuralfeed.com): ROCm, Apple MPS and Intel XPU work, differentiable collectives, RNN/LSTM export",
    url=None,
    date=date(2026, 3, 23),
)
PT_COMPILE: Final = Source(
    title="aiwiki.ai: torch.compile (TorchDynamo + TorchInductor) stable since PyTorch 2.0, 15 Mar 2023",
    url=None,
    date=WEB_READ,
)
PT_DOCS: Final = Source(
    title="PyTorch documentation: torch.compile, torch.distributed (DDP/FSDP), torch.nn, torch.onnx, ExecuTorch, LibTorch",
    url="https://docs.pytorch.org/docs/stable/",
    date=REPO_READ,
)
PT_SERVE: Final = Source(
    title="pytorch/serve issue #3396: TorchServe in limited maintenance",
    url="https://github.com/pytorch/serve/issues/3396",
    date=date(2025, 3, 1),
)

# -- JAX and Flax --------------------------------------------------------------

JAX_README: Final = Source(
    title="jax-ml/jax README: grad (forward and reverse, any order), jit via XLA, vmap, sharding; platform table (CPU, NVIDIA, TPU, AMD; Apple and Intel GPUs experimental)",
    url="https://github.com/jax-ml/jax/blob/main/README.md",
    date=REPO_READ,
)
JAX_LICENSE: Final = Source(
    title="jax-ml/jax LICENSE (Apache 2.0)",
    url="https://github.com/jax-ml/jax/blob/main/LICENSE",
    date=REPO_READ,
)
JAX_MOVE: Final = Source(
    title="tensorflow/tfjs PR #8464: JAX repository moved from google/jax to jax-ml/jax",
    url="https://github.com/tensorflow/tfjs/pull/8464",
    date=date(2024, 12, 1),
)
JAX_HISTORY: Final = Source(
    title="jax-ml/jax git history and README 'Citing JAX': initial source commit 17 Nov 2018, open-source release 2018",
    url="https://github.com/jax-ml/jax/commits/main",
    date=date(2018, 11, 17),
)
JAX_TAG: Final = Source(
    title="jax-ml/jax tag jax-v0.11.0",
    url="https://github.com/jax-ml/jax/releases/tag/jax-v0.11.0",
    date=date(2026, 7, 16),
)
FLAX_README: Final = Source(
    title="google/flax README: neural-network library for JAX (Linen 2020, NNX 2024), Conv, LSTMCell, GRUCell, attention; Apache-2.0",
    url="https://github.com/google/flax/blob/main/README.md",
    date=REPO_READ,
)
FLAX_HISTORY: Final = Source(
    title="google/flax git history: initial public commit 10 Jan 2020",
    url="https://github.com/google/flax/commits/main",
    date=date(2020, 1, 10),
)
FLAX_TAG: Final = Source(
    title="google/flax tag v0.12.7",
    url="https://github.com/google/flax/releases/tag/v0.12.7",
    date=date(2026, 4, 21),
)

# -- PaddlePaddle ------------------------------------------------------------

PD_README: Final = Source(
    title="PaddlePaddle/Paddle README: Baidu, Apache-2.0, open source since 2016; Paddle Inference, Serving, Lite and Paddle.js; pretrained industrial models",
    url="https://github.com/PaddlePaddle/Paddle",
    date=REPO_READ,
)
PD_2_0: Final = Source(
    title="PaddlePaddle 2.0 release note (CSDN copy): dynamic graph by default, dynamic-to-static conversion, PaddleClas/Detection/Seg/OCR/NLP",
    url=None,
    date=WEB_READ,
)
PD_2_3: Final = Source(
    title="PaddlePaddle 2.3.0 release note: Java API for inference",
    url="https://github.com/PaddlePaddle/Paddle/releases/tag/v2.3.0",
    date=REPO_READ,
)
PD_3_0: Final = Source(
    title="PaddlePaddle 3.0.0 release notes: unified auto-parallel, CINN compiler, higher-order autodiff, Kunlun XPU, Ascend NPU, Hygon DCU, Cambricon MLU builds",
    url="https://github.com/PaddlePaddle/Paddle/releases/tag/v3.0.0",
    date=date(2025, 3, 31),
)
PD_3_2: Final = Source(
    title="PaddlePaddle/FastDeploy PR #3997 pins paddlepaddle-gpu==3.2.0",
    url="https://github.com/PaddlePaddle/FastDeploy/pull/3997",
    date=date(2025, 9, 8),
)
PD_ONNX: Final = Source(
    title="PaddlePaddle/Paddle2ONNX repository (ONNX export)",
    url="https://github.com/PaddlePaddle/Paddle2ONNX",
    date=REPO_READ,
)

# -- MindSpore ---------------------------------------------------------------

MS_MIRROR: Final = Source(
    title="mindspore-ai/mindspore README, early commit: Huawei, Apache-2.0, 0.1.0-alpha images (GitHub mirror of the primary repository)",
    url="https://github.com/mindspore-ai/mindspore",
    date=date(2020, 4, 2),
)
MS_FAQ: Final = Source(
    title="mindspore.cn FAQ (r1.0, r1.1): PyNative (dynamic) and Graph (static) modes; Ascend, GPU and CPU",
    url="https://www.mindspore.cn",
    date=WEB_READ,
)
MS_DOCS: Final = Source(
    title="MindSpore r2.9.0 documentation: Python API, automatic differentiation, distributed parallel training, nn layers, MindSpore Lite, MindSpore Serving, export",
    url="https://www.mindspore.cn/docs/en/r2.9.0/index.html",
    date=WEB_READ,
)
MS_EXPORT: Final = Source(
    title="MindSpore r2.9.0 API: mindspore.export to MINDIR or ONNX (AIR deprecated)",
    url="https://www.mindspore.cn/docs/en/r2.9.0/api_python/mindspore/mindspore.export.html",
    date=WEB_READ,
)
MS_LITE: Final = Source(
    title="mindspore-ai/mindspore-lite repository (MindSpore Lite for mobile and edge)",
    url="https://github.com/mindspore-ai/mindspore-lite",
    date=REPO_READ,
)
MS_CONDA: Final = Source(
    title="MindSpore conda channel: mindspore 2.9.0 updated 27 Apr 2026",
    url=None,
    date=date(2026, 4, 27),
)

# -- OneFlow -----------------------------------------------------------------

OF_README: Final = Source(
    title="Oneflow-Inc/oneflow README: PyTorch-like API, Global Tensor for n-D parallelism, nn.Graph compiler; pip package is a CUDA build, Linux only",
    url="https://github.com/Oneflow-Inc/oneflow",
    date=REPO_READ,
)
OF_INFOQ: Final = Source(
    title="InfoQ interview (reprinted on blog.51cto.com): OneFlow open-sourced on GitHub on 31 Jul 2020 under Apache-2.0",
    url=None,
    date=WEB_READ,
)
OF_TAG: Final = Source(
    title="Oneflow-Inc/oneflow tag v1.0.0 (latest)",
    url="https://github.com/Oneflow-Inc/oneflow/releases/tag/v1.0.0",
    date=date(2024, 3, 11),
)
OF_HISTORY: Final = Source(
    title="Oneflow-Inc/oneflow git history: 14 commits in 2025, the last on 20 Aug 2025",
    url="https://github.com/Oneflow-Inc/oneflow/commits/master",
    date=date(2025, 8, 20),
)

# -- Chainer -----------------------------------------------------------------

CH_README: Final = Source(
    title="chainer/chainer README: maintenance phase (announced 5 Dec 2019); MIT; define-by-run autodiff; CUDA via CuPy; ChainerX; ChainerMN",
    url="https://github.com/chainer/chainer",
    date=REPO_READ,
)
CH_NO_RELEASES: Final = Source(
    title="chainer/chainer commit e69988156a: pull-request template says no further releases are planned",
    url="https://github.com/chainer/chainer/commit/e69988156a",
    date=date(2022, 10, 13),
)
CH_PFN: Final = Source(
    title="PC Watch: Preferred Networks moves its research framework from Chainer to PyTorch; Chainer v7 enters maintenance",
    url="https://pc.watch.impress.co.jp/docs/news/1222796.html",
    date=date(2019, 12, 5),
)
CH_TAGS: Final = Source(
    title="chainer/chainer tags: v1.0.0 (5 Jun 2015) to v7.8.1 (last)",
    url="https://github.com/chainer/chainer/releases/tag/v7.8.1",
    date=date(2022, 1, 5),
)
CH_ONNX: Final = Source(
    title="chainer/onnx-chainer repository (ONNX export)",
    url="https://github.com/chainer/onnx-chainer",
    date=REPO_READ,
)

# -- Caffe2 ------------------------------------------------------------------

C2_README: Final = Source(
    title="facebookarchive/caffe2 README and caffe2.ai: mobile-first framework; source code now lives in the PyTorch repository; repository archived 7 Feb 2023",
    url="https://github.com/facebookarchive/caffe2",
    date=date(2023, 2, 7),
)
C2_SYNCED: Final = Source(
    title="Synced: Caffe2 merges with PyTorch (launched April 2017, merged end of March 2018)",
    url=None,
    date=date(2018, 4, 2),
)
C2_BLOG: Final = Source(
    title="caffe2.ai blog: PyTorch 1.0 joins PyTorch's front end with Caffe2's production and mobile back end",
    url=None,
    date=date(2018, 5, 2),
)
C2_TAG: Final = Source(
    title="facebookarchive/caffe2 tag v0.8.1 (last)",
    url="https://github.com/facebookarchive/caffe2/releases/tag/v0.8.1",
    date=date(2017, 8, 8),
)
C2_ONNX: Final = Source(
    title="pytorch/pytorch PR #95071: Caffe2 ONNX exporter deprecated with PyTorch 2.0",
    url="https://github.com/pytorch/pytorch/pull/95071",
    date=date(2023, 2, 1),
)

# -- Apple MLX ---------------------------------------------------------------

MLX_README: Final = Source(
    title="ml-explore/mlx README: array framework for Apple silicon by Apple ML research; Python, C++, C and Swift APIs; composable transforms; lazy, dynamic graphs",
    url="https://github.com/ml-explore/mlx/blob/main/README.md",
    date=REPO_READ,
)
MLX_LICENSE: Final = Source(
    title="ml-explore/mlx LICENSE (MIT, Copyright 2023 Apple)",
    url="https://github.com/ml-explore/mlx/blob/main/LICENSE",
    date=REPO_READ,
)
MLX_HISTORY: Final = Source(
    title="ml-explore/mlx git history: first commit 28 Nov 2023",
    url="https://github.com/ml-explore/mlx/commits/main",
    date=date(2023, 11, 28),
)
MLX_TAG: Final = Source(
    title="ml-explore/mlx tag v0.32.1",
    url="https://github.com/ml-explore/mlx/releases/tag/v0.32.1",
    date=date(2026, 8, 18),
)
MLX_SRC: Final = Source(
    title="ml-explore/mlx sources: Metal, CUDA and CPU back ends (mlx/backend); RNN, LSTM, GRU and convolution layers (python/mlx/nn/layers)",
    url="https://github.com/ml-explore/mlx/tree/main/mlx/backend",
    date=REPO_READ,
)
MLX_DISTRIBUTED: Final = Source(
    title="MLX documentation, distributed communication: MPI, TCP ring, JACCL, NCCL",
    url=None,
    date=WEB_READ,
)

# -- tinygrad ----------------------------------------------------------------

TG_README: Final = Source(
    title="tinygrad/tinygrad README: tensor library with autograd, IR compiler and JIT by tiny corp; OpenCL, CPU, Metal, CUDA, AMD, NV, QCOM, WebGPU",
    url="https://github.com/tinygrad/tinygrad/blob/master/README.md",
    date=REPO_READ,
)
TG_LICENSE: Final = Source(
    title="tinygrad/tinygrad LICENSE (MIT)",
    url="https://github.com/tinygrad/tinygrad/blob/master/LICENSE",
    date=REPO_READ,
)
TG_MOVE: Final = Source(
    title="commaai/openpilot PR #33093: update tinygrad URL to tinygrad/tinygrad (formerly geohot/tinygrad)",
    url="https://github.com/commaai/openpilot/pull/33093",
    date=REPO_READ,
)
TG_HISTORY: Final = Source(
    title="tinygrad/tinygrad git history: first commit 17 Oct 2020",
    url="https://github.com/tinygrad/tinygrad/commits/master",
    date=date(2020, 10, 17),
)
TG_TAG: Final = Source(
    title="tinygrad/tinygrad tag v0.13.0",
    url="https://github.com/tinygrad/tinygrad/releases/tag/v0.13.0",
    date=date(2026, 5, 22),
)
TG_NN: Final = Source(
    title="tinygrad sources: Tensor.shard across devices, Conv2d and LSTMCell in tinygrad/nn",
    url="https://github.com/tinygrad/tinygrad/tree/master/tinygrad/nn",
    date=REPO_READ,
)

# -- PyTensor ----------------------------------------------------------------

PTN_README: Final = Source(
    title="pymc-devs/pytensor README: PyMC developers' library of static graphs, rewritten in place and compiled via C, JAX or Numba",
    url="https://github.com/pymc-devs/pytensor/blob/main/README.rst",
    date=REPO_READ,
)
PTN_PYPROJECT: Final = Source(
    title="pymc-devs/pytensor pyproject.toml (BSD-3-Clause)",
    url="https://github.com/pymc-devs/pytensor/blob/main/pyproject.toml",
    date=REPO_READ,
)
PTN_TAG: Final = Source(
    title="pymc-devs/pytensor tag rel-3.3.0",
    url="https://github.com/pymc-devs/pytensor/releases/tag/rel-3.3.0",
    date=date(2026, 8, 12),
)

# -- ONNX Runtime ------------------------------------------------------------

ORT_SETUP: Final = Source(
    title="microsoft/onnxruntime setup.py: MIT header, inference-focused runtime; package name chosen per build (gpu, rocm, openvino, dnnl, cann, qnn, ...)",
    url="https://github.com/microsoft/onnxruntime/blob/main/setup.py",
    date=REPO_READ,
)
ORT_RELEASE: Final = Source(
    title="microsoft/onnxruntime release v1.28.1 (and 1.28.0 notes: cuDNN/cuFFT optional for the CUDA execution provider)",
    url="https://github.com/microsoft/onnxruntime/releases/tag/v1.28.1",
    date=date(2026, 8, 18),
)
ORT_INSTALL: Final = Source(
    title="ONNX Runtime install page (mintlify copy): Android .aar, iOS .xcframework, C/C++ archives; onnxruntime-web and onnxruntime-node packages",
    url=None,
    date=WEB_READ,
)
ORT_DIRECTML: Final = Source(
    title="ssube/onnx-web issue #19: onnxruntime-directml, NuGet Microsoft.ML.OnnxRuntime.DirectML; install one variant only",
    url="https://github.com/ssube/onnx-web/issues/19",
    date=REPO_READ,
)


# -- the recommender's own judgements and evidence --------------------------

JUDGED: Final = date(2026, 11, 26)
"""When the recommender's rubric levels were judged."""

MATRIX: Final = Source(
    title="dlchoose research notes: capability matrix and per-framework facts (frameworks.md §2, §5)",
    date=date(2026, 11, 1),
)
RUBRIC: Final = Source(
    title="dlchoose recommender rubric: levels judged against the anchors in docs/recommendations.md",
    date=JUDGED,
)
HALE: Final = Source(
    title="Jeff Hale, Deep Learning Framework Power Scores 2018 ('start with Keras if you are new')",
    url="https://towardsdatascience.com/deep-learning-framework-power-scores-2018-23607ddf297a",
    date=date(2018, 9, 20),
)
KERAS_23: Final = Source(
    title="keras-team/keras README at tag 2.3.0: runs on TensorFlow, CNTK or Theano",
    url="https://github.com/keras-team/keras/tree/2.3.0",
    date=date(2019, 9, 17),
)
KERAS_EXPORT_PR: Final = Source(
    title="keras/src/models/model.py: Model.export formats tf_saved_model, onnx, litert (keras PR #20710)",
    url="https://github.com/keras-team/keras/pull/20710",
    date=date(2025, 1, 1),
)
TF_DEPLOY: Final = Source(
    title="TensorFlow deployment family: TF Serving, LiteRT (TF Lite), TensorFlow.js, C API",
    url="https://www.tensorflow.org/tfx/guide/serving",
    date=date(2026, 3, 10),
)
PT_04: Final = Source(
    title="PyTorch 0.4.0 release notes (torch.distributed, ONNX export, no mobile or serving runtime)",
    url="https://github.com/pytorch/pytorch/releases/tag/v0.4.0",
    date=date(2018, 4, 24),
)
ORT_DOCS: Final = Source(
    title="microsoft/onnxruntime: inference engine; Android/iOS, Web, C/C++, C#, Java packages",
    url="https://github.com/microsoft/onnxruntime",
    date=date(2026, 8, 18),
)
HOROVOD: Final = Source(
    title="Sergeev and Del Balso, Horovod: fast and easy distributed deep learning in TensorFlow (arXiv 1802.05799)",
    url="https://arxiv.org/abs/1802.05799",
    date=date(2018, 2, 15),
)
SPEED_FIT: Final = Source(
    title="dlchoose training-speed fit over benchmarks.csv (benchmarks.md §5: cell-effect log-speed model, ridge 1)",
    date=date(2026, 11, 26),
)
