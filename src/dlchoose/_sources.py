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

from collections.abc import Iterable, Mapping
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
INDEX_READ: Final = date(2026, 11, 29)
"""When the package indexes (PyPI, npm) and the November 2026 repository
snapshots were read for the fact audit (issue 13)."""
REGISTRY_LISTS: Final = date(2026, 11, 25)
"""When Maven Central and NuGet listed the versions they served."""

# -- sources shared by several entries -------------------------------------

CNTK_NEWS: Final = Source(
    title="CNTK v2.7 release notes: the last main release of CNTK, no new feature development planned; full ONNX 1.4.1 support and ONNX Runtime recommended for deployment; native ONNX export from PyTorch, TensorFlow-ONNX converter; CUDA 10",
    url="https://github.com/MicrosoftDocs/cognitive-toolkit-docs/blob/3c889185804e68e9184d29a598c5e43ab56b8c43/articles/ReleaseNotes/CNTK_2_7_Release_Notes.md",
    date=date(2019, 3, 29),
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
TF_PYPI: Final = Source(
    title="tensorflow on PyPI, release history: newest stable 2.21.0 uploaded 6 Mar 2026; pre-release 2.22.0rc0 uploaded 22 Sep 2026",
    url="https://pypi.org/project/tensorflow/#history",
    date=INDEX_READ,
)
TF_CIO: Final = Source(
    title="Abadi et al., TensorFlow: Large-Scale Machine Learning on Heterogeneous Distributed Systems (arXiv 1603.04467): the API and reference implementation were released as open source under Apache 2.0 in November 2015",
    url="https://arxiv.org/abs/1603.04467",
    date=date(2016, 3, 14),
)
TF_README_STABLE: Final = Source(
    title="TensorFlow README, 2019-2020 text (AOSP mirror): stable Python and C++ APIs, other languages without compatibility guarantee",
    url="https://android.googlesource.com/platform/external/tensorflow/",
    date=WEB_READ,
)
TF_README_2017: Final = Source(
    title="TensorFlow README at v1.12.0: stable Python and C APIs; C++, Go, Java, JavaScript and Swift APIs without a compatibility guarantee",
    url="https://github.com/tensorflow/tensorflow/blob/v1.12.0/README.md",
    date=date(2018, 11, 5),
)
GRADIENT_2019: Final = Source(
    title="Horace He, The State of Machine Learning Frameworks in 2019 (The Gradient): TF 2.0 makes eager mode the default",
    url="https://thegradient.pub/state-of-ml-frameworks-2019-pytorch-dominates-research-tensorflow-dominates-industry/",
    date=date(2019, 10, 10),
)
TF_ROCM: Final = Source(
    title="AMD ROCm 6.2.2 documentation, Installing TensorFlow for ROCm: tensorflow-rocm wheels on repo.radeon.com from ROCm 6.1 (on PyPI before), Docker images, TensorFlow 2.14-2.16 per ROCm release",
    url="https://rocm.docs.amd.com/projects/install-on-linux/en/docs-6.2.2/install/3rd-party/tensorflow-install.html",
    date=date(2024, 10, 1),
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
TF_PLUGINS_PYPI: Final = Source(
    title="intel-extension-for-tensorflow on PyPI: newest release 2.15.0.3, uploaded 18 Mar 2025 (for TensorFlow 2.15)",
    url="https://pypi.org/project/intel-extension-for-tensorflow/#history",
    date=date(2025, 3, 18),
)
TF_METAL_PYPI: Final = Source(
    title="tensorflow-metal on PyPI: newest release 1.2.0, uploaded 31 Jan 2025",
    url="https://pypi.org/project/tensorflow-metal/#history",
    date=date(2025, 1, 31),
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
TFK_LICENSE: Final = Source(
    title="keras-team/tf-keras LICENSE (Apache License 2.0)",
    url="https://github.com/keras-team/tf-keras/blob/master/LICENSE",
    date=INDEX_READ,
)
TFK_PYPI: Final = Source(
    title="tf-keras on PyPI, release history: first release 2.14.1 uploaded 29 Sep 2023; author 'Keras team'; licence Apache 2.0",
    url="https://pypi.org/project/tf-keras/#history",
    date=INDEX_READ,
)
TFK_LAYERS: Final = Source(
    title="keras-team/tf-keras sources: tf_keras/layers/convolutional (Conv1D-3D and transposed convolutions)",
    url="https://github.com/keras-team/tf-keras/tree/master/tf_keras/layers/convolutional",
    date=INDEX_READ,
)
TFK_FORUM: Final = Source(
    title="TensorFlow 2.16.1 release notes: Keras 3 is the default tf.keras; to keep Keras 2, install tf_keras and set TF_USE_LEGACY_KERAS=1",
    url="https://github.com/tensorflow/tensorflow/releases/tag/v2.16.1",
    date=date(2024, 3, 8),
)

# -- Microsoft Cognitive Toolkit ---------------------------------------------

CNTK_README: Final = Source(
    title="microsoft/CNTK README: networks as directed graphs, SGD with automatic differentiation, multi-GPU and multi-server training, CNNs and LSTMs; a library for Python, C# and C++ programs, BrainScript, model evaluation from Java; open source since April 2015",
    url="https://github.com/microsoft/CNTK/blob/master/README.md",
    date=REPO_READ,
)
CNTK_PACKAGE: Final = Source(
    title="cntk-gpu on PyPI, release history: 2.5 (17 Mar 2018), 2.5.1 (17 Apr 2018) to 2.7.post2 (9 Dec 2020); licence MIT",
    url="https://pypi.org/project/cntk-gpu/#history",
    date=INDEX_READ,
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
    title="torch/torch7 COPYRIGHT.txt: BSD 3-clause licence; Idiap, NEC Labs America, NYU (copyright lines from 2001 to 2014)",
    url="https://github.com/torch/torch7/blob/master/COPYRIGHT.txt",
    date=REPO_READ,
)
T7_WIKIPEDIA: Final = Source(
    title="torch/torch7 issue #1066 'tag or release': a maintainer answers 'we're at 7.0 ish now', with no plans to tag or release",
    url="https://github.com/torch/torch7/issues/1066",
    date=date(2017, 8, 27),
)
T7_LUA_BLOG: Final = Source(
    title="torch/nn README: neural networks built from modules with forward() and backward() and combined in containers; convolution, pooling and transfer modules",
    url="https://github.com/torch/nn/blob/master/README.md",
    date=REPO_READ,
)
T7_DISTRO: Final = Source(
    title="torch/distro README: install script, th launcher, install/bin on PATH",
    url="https://github.com/torch/distro/blob/master/README.md",
    date=REPO_READ,
)
T7_TH: Final = Source(
    title="torch/torch7 sources: Lua packages over TH, the tensor library written in C (lib/TH)",
    url="https://github.com/torch/torch7/tree/master/lib/TH",
    date=REPO_READ,
)
T7_CUTORCH: Final = Source(
    title="torch/cutorch: the CUDA back end for Torch7",
    url="https://github.com/torch/cutorch",
    date=REPO_READ,
)
T7_RNN: Final = Source(
    title="Element-Research/rnn: recurrent modules (LSTM, GRU, ...) for Torch7's nn, a community package",
    url="https://github.com/Element-Research/rnn",
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
MX_HISTORY: Final = Source(
    title="Apache Incubator project page for MXNet: entered incubation 23 Jan 2017 (from DMLC), graduated and later retired",
    url="https://incubator.apache.org/projects/mxnet.html",
    date=INDEX_READ,
)
MX_ONNX: Final = Source(
    title="onnx/onnx-mxnet PR #52: ONNX converter merged into MXNet 1.2",
    url="https://github.com/onnx/onnx-mxnet/pull/52",
    date=date(2018, 5, 1),
)
MX_PAPER: Final = Source(
    title="Chen et al., MXNet: A Flexible and Efficient Machine Learning Library for Heterogeneous Distributed Systems (arXiv 1512.01274): the open-source library as released in 2015",
    url="https://arxiv.org/abs/1512.01274",
    date=date(2015, 12, 3),
)

# -- Leaf --------------------------------------------------------------------

LEAF_README: Final = Source(
    title="autumnai/leaf README: open machine-learning framework for hackers, CUDA or OpenCL through Collenchyma, early-stage disclaimer, MIT or Apache-2.0",
    url="https://github.com/autumnai/leaf",
    date=REPO_READ,
)
LEAF_CRATE: Final = Source(
    title="crates.io versions of leaf: 0.0.1 (2 Nov 2015) to 0.2.1 (23 Apr 2016)",
    url="https://crates.io/crates/leaf/versions",
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
    title="theano-users announcement 'MILA and the future of Theano': development ends after 1.0, minimal maintenance for a year (linked from the Theano README)",
    url="https://groups.google.com/d/msg/theano-users/7Poq8BZutbY/rNCIfvAEAwAJ",
    date=date(2017, 9, 28),
)
TH_GPU: Final = Source(
    title="Theano documentation, Using multiple GPUs: several GPUs in one function through the gpuarray back end, 'still considered experimental'",
    url="https://github.com/Theano/Theano/blob/master/doc/tutorial/using_multi_gpu.txt",
    date=REPO_READ,
)
TH_USING_GPU: Final = Source(
    title="Theano documentation, Using the GPU: the gpuarray (libgpuarray/pygpu) back end for CUDA devices",
    url="https://github.com/Theano/Theano/blob/master/doc/tutorial/using_gpu.txt",
    date=REPO_READ,
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
    title="Maven Central versions of org.deeplearning4j:deeplearning4j-modelimport: 0.7.0 (2016) to 1.0.0-M2.1 (12 Aug 2022), nothing later",
    url="https://central.sonatype.com/artifact/org.deeplearning4j/deeplearning4j-modelimport/versions",
    date=date(2022, 8, 12),
)
DL4J_SNAPSHOTS: Final = Source(
    title="Sonatype OSS snapshot repository, org/nd4j/libnd4j: snapshot builds still published in June 2025",
    url="https://oss.sonatype.org/content/repositories/snapshots/org/nd4j/libnd4j/",
    date=date(2025, 6, 1),
)
DL4J_ISSUES: Final = Source(
    title="deeplearning4j/deeplearning4j PRs #8511 and #8641: work under the Eclipse repository and a Konduit working repository",
    url="https://github.com/deeplearning4j/deeplearning4j/pull/8511",
    date=REPO_READ,
)
DL4J_CHRONOLOGY: Final = Source(
    title="Maven Central versions of org.deeplearning4j:deeplearning4j-core: releases since 2014 (0.0.3.x)",
    url="https://central.sonatype.com/artifact/org.deeplearning4j/deeplearning4j-core/versions",
    date=INDEX_READ,
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
PT_PYPI: Final = Source(
    title="torch on PyPI, release history: releases every few months; newest stable 2.15.0 uploaded 28 Oct 2026",
    url="https://pypi.org/project/torch/#history",
    date=INDEX_READ,
)
EXECUTORCH_1_0: Final = Source(
    title="pytorch/executorch release v1.0.0: ExecuTorch, PyTorch's on-device runtime for mobile and edge, reaches 1.0 (general availability)",
    url="https://github.com/pytorch/executorch/releases/tag/v1.0.0",
    date=date(2025, 10, 17),
)
PT_COMPILE: Final = Source(
    title="PyTorch 2.0 release blog: torch.compile (TorchDynamo, TorchInductor) adds compiled graphs while eager mode stays the default",
    url="https://pytorch.org/blog/pytorch-2.0-release/",
    date=date(2023, 3, 15),
)
PT_DOCS: Final = Source(
    title="PyTorch documentation: torch.compile, torch.distributed (DDP/FSDP), torch.nn (Conv, LSTM, GRU), torch.onnx, torch.cuda (also ROCm/HIP builds), torch.mps, torch.xpu, ExecuTorch, LibTorch C++ API",
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
JAX_EXPORT: Final = Source(
    title="JAX docs, 'Exporting and serializing staged-out computations': jax.export serializes a jitted function's StableHLO and metadata to bytes, to compile and run later in another process or machine",
    url="https://docs.jax.dev/en/latest/export/export.html",
    date=date(2026, 7, 29),
)
JAX2TF_README: Final = Source(
    title="jax-ml/jax jax/experimental/jax2tf/README.md: jax2tf.convert calls JAX functions from TensorFlow and saves them as a TensorFlow SavedModel (native StableHLO serialization by default since JAX 0.4.14)",
    url="https://github.com/jax-ml/jax/blob/main/jax/experimental/jax2tf/README.md",
    date=date(2026, 5, 22),
)
JAX_LICENSE: Final = Source(
    title="jax-ml/jax LICENSE (Apache 2.0)",
    url="https://github.com/jax-ml/jax/blob/main/LICENSE",
    date=REPO_READ,
)
JAX_METAL_PYPI: Final = Source(
    title="jax-metal on PyPI: newest release 0.1.1, uploaded 8 Oct 2024",
    url="https://pypi.org/project/jax-metal/#history",
    date=date(2024, 10, 8),
)
JAX_HISTORY: Final = Source(
    title="jax-ml/jax git history and README 'Citing JAX': initial source commit 17 Nov 2018, open-source release 2018",
    url="https://github.com/jax-ml/jax/commits/main",
    date=date(2018, 11, 17),
)
JAX_PYPI: Final = Source(
    title="jax on PyPI, release history: monthly releases; newest stable 0.12.0.1 uploaded 21 Oct 2026 (Python 3.12 or newer)",
    url="https://pypi.org/project/jax/#history",
    date=INDEX_READ,
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
FLAX_PYPI: Final = Source(
    title="flax on PyPI, release history: newest stable 0.12.12 uploaded 27 Oct 2026",
    url="https://pypi.org/project/flax/#history",
    date=INDEX_READ,
)

# -- PaddlePaddle ------------------------------------------------------------

PD_README: Final = Source(
    title="PaddlePaddle/Paddle README: Baidu, Apache-2.0, open source since 2016; Paddle Inference, Serving, Lite and Paddle.js; pretrained industrial models",
    url="https://github.com/PaddlePaddle/Paddle",
    date=REPO_READ,
)
PD_2_0: Final = Source(
    title="PaddlePaddle 2.0.0 release notes: dynamic graph mode by default, dynamic-to-static conversion, new high-level APIs and nn layers (Conv, LSTM, GRU)",
    url="https://github.com/PaddlePaddle/Paddle/releases/tag/v2.0.0",
    date=date(2021, 1, 21),
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
PD_PYPI: Final = Source(
    title="paddlepaddle on PyPI, release history: newest stable 3.3.1 uploaded 24 Mar 2026",
    url="https://pypi.org/project/paddlepaddle/#history",
    date=INDEX_READ,
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
    title="MindSpore design, Combination of Dynamic and Static Graphs: PyNative (dynamic) and Graph (static) modes",
    url="https://mindspore.cn/docs/en/r2.3.1/design/dynamic_graph_and_static_graph.html",
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
MS_PYPI: Final = Source(
    title="mindspore on PyPI, release history: 1.0.0 (16 Oct 2020) to 2.10.0 (31 Jul 2026, Python 3.9 to 3.12)",
    url="https://pypi.org/project/mindspore/#history",
    date=INDEX_READ,
)

# -- OneFlow -----------------------------------------------------------------

OF_README: Final = Source(
    title="Oneflow-Inc/oneflow README: PyTorch-like API, Global Tensor for n-D parallelism, nn.Graph compiler; pip package is a CUDA build, Linux only",
    url="https://github.com/Oneflow-Inc/oneflow",
    date=REPO_READ,
)
OF_INFOQ: Final = Source(
    title="Oneflow-Inc/oneflow LICENSE (Apache License 2.0, copyright The OneFlow Authors)",
    url="https://github.com/Oneflow-Inc/oneflow/blob/master/LICENSE",
    date=REPO_READ,
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
CH_PYPI: Final = Source(
    title="chainer on PyPI, release history: 1.0.0 (5 Jun 2015) ... 4.1.0 (24 May 2018), 4.2.0 (21 Jun 2018) ... 7.8.1 (5 Jan 2022)",
    url="https://pypi.org/project/chainer/#history",
    date=INDEX_READ,
)

# -- Caffe2 ------------------------------------------------------------------

C2_README: Final = Source(
    title="facebookarchive/caffe2 README and caffe2.ai: mobile-first framework; source code now lives in the PyTorch repository; repository archived 7 Feb 2023",
    url="https://github.com/facebookarchive/caffe2",
    date=date(2023, 2, 7),
)
C2_TREE: Final = Source(
    title="facebookarchive/caffe2 sources at v0.8.1: C++ core (caffe2/core: NetDef graphs run in a Workspace) and the Python front end (caffe2/python)",
    url="https://github.com/facebookarchive/caffe2/tree/v0.8.1/caffe2",
    date=date(2017, 8, 8),
)
C2_OPERATORS: Final = Source(
    title="facebookarchive/caffe2 operators at v0.8.1: convolution and cuDNN pooling, LSTM unit and recurrent-network operators, CUDA kernels (*.cu), gradient operators",
    url="https://github.com/facebookarchive/caffe2/tree/v0.8.1/caffe2/operators",
    date=date(2017, 8, 8),
)
C2_BLOG: Final = Source(
    title="caffe2.ai blog: Caffe2 and PyTorch join forces in PyTorch 1.0: Caffe2, from Facebook and publicly open-sourced over a year earlier, is production-ready with scaling for training and deployment and mobile support (Caffe2go); the projects merge",
    url="https://caffe2.ai/blog/2018/05/02/Caffe2_PyTorch_1_0.html",
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
C2_LICENSE: Final = Source(
    title="facebookarchive/caffe2 LICENSE (Apache License 2.0; re-licensed from BSD 2-clause plus patent grant on 28 Sep 2017)",
    url="https://github.com/facebookarchive/caffe2/blob/master/LICENSE",
    date=date(2017, 9, 28),
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
MLX_PYPI: Final = Source(
    title="mlx on PyPI, release history: newest stable 0.32.4 uploaded 14 Oct 2026",
    url="https://pypi.org/project/mlx/#history",
    date=INDEX_READ,
)
MLX_SRC: Final = Source(
    title="ml-explore/mlx sources: Metal, CUDA and CPU back ends (mlx/backend); RNN, LSTM, GRU and convolution layers (python/mlx/nn/layers)",
    url="https://github.com/ml-explore/mlx/tree/main/mlx/backend",
    date=REPO_READ,
)
MLX_DISTRIBUTED: Final = Source(
    title="MLX documentation, Distributed Communication: MPI, ring (TCP), JACCL and NCCL back ends",
    url="https://ml-explore.github.io/mlx/build/html/usage/distributed.html",
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
TG_PYPI: Final = Source(
    title="tinygrad on PyPI, release history: newest stable 0.14.0 uploaded 24 Aug 2026",
    url="https://pypi.org/project/tinygrad/#history",
    date=INDEX_READ,
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
PTN_PYPI: Final = Source(
    title="pytensor on PyPI, release history: first release 2.8.10 (23 Nov 2022), newest stable 3.3.8 (7 Nov 2026)",
    url="https://pypi.org/project/pytensor/#history",
    date=INDEX_READ,
)

# -- ONNX Runtime ------------------------------------------------------------

ORT_SETUP: Final = Source(
    title="microsoft/onnxruntime README: Microsoft's cross-platform inference and training accelerator; training is offered for PyTorch scripts (ORTModule) and on devices, not by the inference packages; MIT licence",
    url="https://github.com/microsoft/onnxruntime/blob/main/README.md",
    date=REPO_READ,
)
ORT_INSTALL: Final = Source(
    title="ONNX Runtime, Get Started: APIs for Python, C++, C, C#, Java, JavaScript (web, Node.js, React Native) and Objective-C; Windows and mobile (Android, iOS) packages",
    url="https://onnxruntime.ai/docs/get-started/",
    date=WEB_READ,
)
ORT_PYPI: Final = Source(
    title="onnxruntime on PyPI, release history: monthly releases; newest stable 1.32.0 uploaded 13 Nov 2026",
    url="https://pypi.org/project/onnxruntime/#history",
    date=INDEX_READ,
)
ORT_FIRST: Final = Source(
    title="onnxruntime 0.1.2 on PyPI, the oldest release there, uploaded 21 Sep 2018",
    url="https://pypi.org/project/onnxruntime/0.1.2/",
    date=date(2018, 9, 21),
)
ORT_ROCM_REMOVED: Final = Source(
    title="microsoft/onnxruntime PR #25181 'Delete ROCM EP': the ROCm execution provider is removed in favour of the MIGraphX EP for AMD GPUs (first missing from 1.23)",
    url="https://github.com/microsoft/onnxruntime/pull/25181",
    date=date(2025, 6, 26),
)
ORT_MIGRAPHX: Final = Source(
    title="onnxruntime-migraphx on PyPI, release history: AMD GPU builds with the MIGraphX execution provider, 1.23.0 (2 Oct 2025) to 1.27.1 (12 Jul 2026); onnxruntime-rocm stays at 1.22",
    url="https://pypi.org/project/onnxruntime-migraphx/#history",
    date=INDEX_READ,
)
ORT_EPS: Final = Source(
    title="ONNX Runtime, Execution Providers: CUDA, TensorRT, MIGraphX (AMD), OpenVINO, DirectML, QNN (Qualcomm NPU), CANN (Huawei Ascend NPU) and others",
    url="https://onnxruntime.ai/docs/execution-providers/",
    date=WEB_READ,
)
ONNX_IR: Final = Source(
    title="ONNX IR specification: a model is a computation dataflow graph, a topologically sorted list of nodes fixed before it runs",
    url="https://onnx.ai/onnx/repo-docs/IR.html",
    date=WEB_READ,
)
ORT_JS_README: Final = Source(
    title="microsoft/onnxruntime js/README.md: the JavaScript API is published as the npm packages onnxruntime-common, onnxruntime-node, onnxruntime-web and onnxruntime-react-native",
    url="https://github.com/microsoft/onnxruntime/blob/main/js/README.md",
    date=INDEX_READ,
)
ORT_CSHARP_README: Final = Source(
    title="microsoft/onnxruntime csharp/readme.md: the C# bindings ship as NuGet packages, Microsoft.ML.OnnxRuntime (native code) and Microsoft.ML.OnnxRuntime.Managed (the API), and a CUDA build consumed as microsoft.ml.onnxruntime.gpu",
    url="https://github.com/microsoft/onnxruntime/blob/main/csharp/readme.md",
    date=INDEX_READ,
)
ORT_WEB_NPM: Final = Source(
    title="onnxruntime-web on npm: 1.30.0 (latest), MIT; 'a Javascript library for running ONNX models on browsers' (WebAssembly CPU, WebGL and WebGPU back ends)",
    url="https://www.npmjs.com/package/onnxruntime-web",
    date=INDEX_READ,
)


# -- Frameworks of other languages (Java, Rust, Julia, .NET, JavaScript) ------

DJL_README: Final = Source(
    title="deepjavalibrary/djl README: open-source, engine-agnostic Java framework for deep learning; automatic CPU/GPU choice; Apache-2.0 licence",
    url="https://github.com/deepjavalibrary/djl/blob/master/README.md",
    date=date(2026, 7, 15),
)
DJL_NOTICE: Final = Source(
    title="deepjavalibrary/djl NOTICE: Copyright 2019 Amazon.com, Inc. or its affiliates",
    url="https://github.com/deepjavalibrary/djl/blob/master/NOTICE",
    date=date(2026, 7, 15),
)
DJL_ENGINES: Final = Source(
    title="DJL docs/engine.md: MXNet and PyTorch engines with full support (training), TensorFlow inference and NDArray operations, ONNX Runtime basic inference",
    url="https://github.com/deepjavalibrary/djl/blob/master/docs/engine.md",
    date=date(2026, 7, 15),
)
DJL_PT_ENGINE: Final = Source(
    title="DJL PyTorch engine README: native libraries chosen per platform, CUDA builds (pytorch-native-cu128) on Linux GPU machines",
    url="https://github.com/deepjavalibrary/djl/blob/master/engines/pytorch/pytorch-engine/README.md",
    date=date(2026, 7, 15),
)
DJL_ANDROID: Final = Source(
    title="DJL android/README.md: DJL Android runs inference on Android devices (PyTorch and ONNX Runtime native packages)",
    url="https://github.com/deepjavalibrary/djl/blob/master/android/README.md",
    date=date(2026, 7, 15),
)
DJL_FIRST: Final = Source(
    title="deepjavalibrary/djl tag v0.1.0 (first release)",
    url="https://github.com/deepjavalibrary/djl/releases/tag/v0.1.0",
    date=date(2019, 11, 1),
)
DJL_0_39: Final = Source(
    title="SourceForge mirror of the deepjavalibrary/djl GitHub releases, folder v0.39.0: 'DJL v0.39.0 Release' source archives and release notes, files dated 19 Oct 2026",
    url="https://sourceforge.net/projects/deep-java-library-djl.mirror/files/v0.39.0/",
    date=date(2026, 10, 19),
)
BURN_README: Final = Source(
    title="tracel-ai/burn README: tensor library and deep-learning framework by Tracel; PyTorch-like dynamic shapes and graphs with JIT kernel fusion; CUDA, ROCm, Metal, Vulkan, WebGPU and LibTorch back ends; Autodiff decorator; inference in the browser (WebGPU/Wasm) and no_std embedded; ONNX import",
    url="https://github.com/tracel-ai/burn/blob/main/README.md",
    date=date(2026, 8, 21),
)
BURN_CARGO: Final = Source(
    title="tracel-ai/burn Cargo.toml: workspace licence MIT OR Apache-2.0",
    url="https://github.com/tracel-ai/burn/blob/main/Cargo.toml",
    date=date(2026, 8, 21),
)
BURN_NN: Final = Source(
    title="tracel-ai/burn crates/burn-nn modules: conv, rnn (LSTM, GRU), attention, transformer",
    url="https://github.com/tracel-ai/burn/tree/main/crates/burn-nn/src/modules",
    date=date(2026, 8, 21),
)
BURN_FIRST: Final = Source(
    title="tracel-ai/burn tag v0.3.0 (the oldest tag)",
    url="https://github.com/tracel-ai/burn/releases/tag/v0.3.0",
    date=date(2022, 11, 20),
)
BURN_0_22_1: Final = Source(
    title="docs.rs documentation of burn-core 0.22.1, the core crate of Burn's 0.22.1 release, dated 20 October 2026",
    url="https://docs.rs/burn-core/0.22.1/burn_core/data/index.html",
    date=date(2026, 10, 20),
)
CANDLE_README: Final = Source(
    title="huggingface/candle README: minimalist ML framework for Rust with a focus on performance, GPU support and ease of use; syntax like PyTorch; model training; CPU (MKL, Accelerate) and CUDA back ends, multiple GPUs through NCCL; WASM models in the browser",
    url="https://github.com/huggingface/candle/blob/main/README.md",
    date=date(2026, 8, 14),
)
CANDLE_CORE: Final = Source(
    title="huggingface/candle candle-core sources: backprop.rs (gradients), cuda_backend and metal_backend",
    url="https://github.com/huggingface/candle/tree/main/candle-core/src",
    date=date(2026, 8, 14),
)
CANDLE_BACKPROP: Final = Source(
    title="huggingface/candle candle-core/src/backprop.rs: Tensor::backward walks, in topological order, the graph of operations each tensor recorded as it was computed (no compile step)",
    url="https://github.com/huggingface/candle/blob/main/candle-core/src/backprop.rs",
    date=date(2026, 8, 14),
)
CANDLE_CARGO: Final = Source(
    title="huggingface/candle Cargo.toml: version 0.11.0, licence MIT OR Apache-2.0",
    url="https://github.com/huggingface/candle/blob/main/Cargo.toml",
    date=date(2026, 8, 14),
)
CANDLE_NN: Final = Source(
    title="huggingface/candle candle-nn sources: conv.rs (1D/2D convolutions) and rnn.rs (LSTM, GRU)",
    url="https://github.com/huggingface/candle/tree/main/candle-nn/src",
    date=date(2026, 8, 14),
)
CANDLE_CHANGELOG: Final = Source(
    title="huggingface/candle CHANGELOG.md: oldest entry v0.1.2, 21 Aug 2023",
    url="https://github.com/huggingface/candle/blob/main/CHANGELOG.md",
    date=date(2023, 8, 21),
)
CANDLE_TAG: Final = Source(
    title="huggingface/candle tag 0.11.0",
    url="https://github.com/huggingface/candle/releases/tag/0.11.0",
    date=date(2026, 6, 26),
)
CANDLE_0_11_1: Final = Source(
    title="docs.rs crate page of candle-core 0.11.1, Candle's core crate ('Minimalist ML framework'); no release date stated in the copy read",
    url="https://docs.rs/crate/candle-core/0.11.1",
    date=INDEX_READ,
)
FLUX_README: Final = Source(
    title="FluxML/Flux.jl README: 100% pure-Julia machine learning stack on Julia's native GPU and automatic-differentiation support",
    url="https://github.com/FluxML/Flux.jl/blob/master/README.md",
    date=date(2026, 8, 8),
)
FLUX_LICENSE: Final = Source(
    title="FluxML/Flux.jl LICENSE.md: MIT 'Expat' licence, Julia Computing, Mike Innes and contributors",
    url="https://github.com/FluxML/Flux.jl/blob/master/LICENSE.md",
    date=date(2026, 8, 8),
)
FLUX_PROJECT: Final = Source(
    title="FluxML/Flux.jl Project.toml: package Flux 0.16.11, automatic differentiation through Zygote and Enzyme",
    url="https://github.com/FluxML/Flux.jl/blob/master/Project.toml",
    date=date(2026, 8, 8),
)
FLUX_BASICS: Final = Source(
    title="Flux documentation, How Flux Works: a model is an ordinary Julia function with parameters; Zygote can in principle differentiate almost any Julia code",
    url="https://github.com/FluxML/Flux.jl/blob/master/docs/src/guide/models/basics.md",
    date=date(2026, 8, 8),
)
FLUX_GPU: Final = Source(
    title="Flux documentation, GPU support: NVIDIA through CUDA.jl, AMD through AMDGPU.jl (ROCm), experimental Apple M-series support through Metal.jl",
    url="https://github.com/FluxML/Flux.jl/blob/master/docs/src/guide/gpu.md",
    date=date(2026, 8, 8),
)
FLUX_LAYERS: Final = Source(
    title="Flux documentation, built-in layers: Conv, ConvTranspose, DepthwiseConv, RNN, LSTM, GRU",
    url="https://github.com/FluxML/Flux.jl/blob/master/docs/src/reference/models/layers.md",
    date=date(2026, 8, 8),
)
FLUX_FIRST: Final = Source(
    title="FluxML/Flux.jl tag v0.1.0 (first release)",
    url="https://github.com/FluxML/Flux.jl/releases/tag/v0.1.0",
    date=date(2017, 3, 1),
)
FLUX_TAG: Final = Source(
    title="FluxML/Flux.jl tag v0.16.11",
    url="https://github.com/FluxML/Flux.jl/releases/tag/v0.16.11",
    date=date(2026, 8, 6),
)
TORCHSHARP_README: Final = Source(
    title="dotnet/TorchSharp README: .NET library giving access to the library that powers PyTorch, part of the .NET Foundation; C# and F# use; CPU and CUDA 12 packages for Windows and Linux; only Apple-silicon Macs since 0.103.0",
    url="https://github.com/dotnet/TorchSharp/blob/main/README.md",
    date=date(2026, 5, 7),
)
TORCHSHARP_LICENSE: Final = Source(
    title="dotnet/TorchSharp LICENSE.txt: MIT, .NET Foundation and Contributors",
    url="https://github.com/dotnet/TorchSharp/blob/main/LICENSE.txt",
    date=date(2026, 5, 7),
)
TORCHSHARP_NOTES: Final = Source(
    title="dotnet/TorchSharp RELEASENOTES.md: NuGet version 0.107.0 (notes committed 7 May 2026; LSTM, GRU and RNN modules, torch.export models)",
    url="https://github.com/dotnet/TorchSharp/blob/c20b6a1cc574d690707638a488d2583f3b8b983f/RELEASENOTES.md",
    date=date(2026, 5, 7),
)
TORCHSHARP_CONV: Final = Source(
    title="dotnet/TorchSharp src/TorchSharp/NN/Convolution: Conv1d, Conv2d, Conv3d and ConvTranspose1d-3d modules, torch.nn.Module subclasses as in PyTorch",
    url="https://github.com/dotnet/TorchSharp/tree/c20b6a1cc574d690707638a488d2583f3b8b983f/src/TorchSharp/NN/Convolution",
    date=date(2026, 5, 7),
)
TORCHSHARP_FIRST: Final = Source(
    title="dotnet/TorchSharp tag 0.1 (first tag)",
    url="https://github.com/dotnet/TorchSharp/releases/tag/0.1",
    date=date(2018, 11, 12),
)
TORCHSHARP_NUGET: Final = Source(
    title="NuGet: TorchSharp 0.107.0, MIT, '.NET Bindings for Torch' needing one of the libtorch-cpu or libtorch-cuda-12.8 packages (served 25 Nov 2026)",
    url="https://www.nuget.org/packages/TorchSharp",
    date=REGISTRY_LISTS,
)
MLNET_README: Final = Source(
    title="dotnet/machinelearning README: ML.NET, a cross-platform open-source machine-learning framework for .NET, part of the .NET Foundation; consumes TensorFlow and ONNX models; MIT licence; installed as the NuGet package Microsoft.ML (`dotnet add package Microsoft.ML`)",
    url="https://github.com/dotnet/machinelearning/blob/main/README.md",
    date=date(2026, 8, 13),
)
MLNET_IMAGE_ARCH: Final = Source(
    title="ML.NET API reference, ImageClassificationTrainer.Architecture: the deep-network image trainer offers four built-in architectures for transfer learning (ResNet v2 101, Inception v3, MobileNet v2, ResNet v2 50)",
    url="https://learn.microsoft.com/en-us/dotnet/api/microsoft.ml.vision.imageclassificationtrainer.architecture?view=ml-dotnet",
    date=date(2026, 11, 29),
)
MLNET_TORCHSHARP: Final = Source(
    title="ML.NET API reference, Microsoft.ML.TorchSharp namespace: TorchSharp-based trainer components (TorchSharpBaseTrainer, TorchSharpCatalog) added to the trainer catalogs",
    url="https://learn.microsoft.com/en-us/dotnet/api/microsoft.ml.torchsharp?view=ml-dotnet",
    date=date(2026, 11, 29),
)
MLNET_FIRST: Final = Source(
    title="dotnet/machinelearning tag v0.1.0 (first release)",
    url="https://github.com/dotnet/machinelearning/releases/tag/v0.1.0",
    date=date(2018, 5, 6),
)
MLNET_6_0: Final = Source(
    title="dotnet/machinelearning release v6.0.0: ML.NET 6.0.0, marked Latest, dated 11 Nov (the year, 2026, follows from the v6.0.0-preview1 tag of 12 Jan 2026); stable ML.NET packages at 6.0.0, experimental ones (DataFrame, AutoML, TorchSharp) at 0.24.0",
    url="https://github.com/dotnet/machinelearning/releases/tag/v6.0.0",
    date=date(2026, 11, 11),
)
MLNET_NUGET_6: Final = Source(
    title="NuGet: Microsoft.ML.FastTree 6.0.0, a stable ML.NET component package, with no newer version flagged",
    url="https://nuget.org/packages/Microsoft.ML.FastTree/6.0.0",
    date=INDEX_READ,
)
TFJS_README: Final = Source(
    title="tensorflow/tfjs README: JavaScript library for training and deploying models in the browser and Node.js; Layers API like Keras; CPU, WebGL, WASM and WebGPU back ends; Node.js via the TensorFlow C++ library; React Native",
    url="https://github.com/tensorflow/tfjs/blob/master/README.md",
    date=date(2025, 6, 6),
)
TFJS_LICENSE: Final = Source(
    title="tensorflow/tfjs LICENSE (Apache License 2.0)",
    url="https://github.com/tensorflow/tfjs/blob/master/LICENSE",
    date=date(2025, 6, 6),
)
TFJS_CORE: Final = Source(
    title="tensorflow/tfjs tfjs-core/src/engine.ts licence header: Copyright 2018 Google LLC, Apache License 2.0",
    url="https://github.com/tensorflow/tfjs/blob/master/tfjs-core/src/engine.ts",
    date=date(2025, 6, 6),
)
TFJS_CORE_README: Final = Source(
    title="tensorflow/tfjs tfjs-core README: hardware-accelerated linear algebra and an eager API for automatic differentiation",
    url="https://github.com/tensorflow/tfjs/blob/master/tfjs-core/README.md",
    date=date(2025, 6, 6),
)
TFJS_NODE: Final = Source(
    title="tensorflow/tfjs tfjs-node README: tfjs-node-gpu runs on NVIDIA GPUs with CUDA and cuDNN (Linux, Windows)",
    url="https://github.com/tensorflow/tfjs/blob/master/tfjs-node/README.md",
    date=date(2025, 6, 6),
)
TFJS_LAYERS: Final = Source(
    title="tensorflow/tfjs tfjs-layers sources: convolutional and recurrent (LSTM, GRU) layers",
    url="https://github.com/tensorflow/tfjs/tree/master/tfjs-layers/src/layers",
    date=date(2025, 6, 6),
)
TFJS_FIRST: Final = Source(
    title="tensorflow/tfjs tag 0.1.0 (first release, of the deeplearn.js line)",
    url="https://github.com/tensorflow/tfjs/releases/tag/0.1.0",
    date=date(2017, 8, 4),
)
TFJS_NPM: Final = Source(
    title="@tensorflow/tfjs on npm: latest 4.22.0 (tag tfjs-v4.22.0, 21 Oct 2024), Apache-2.0; since then only 4.23.0-rc.0, a release candidate (Jan 2025)",
    url="https://www.npmjs.com/package/@tensorflow/tfjs",
    date=INDEX_READ,
)
TFJS_PYPI: Final = Source(
    title="tensorflowjs on PyPI: the TensorFlow.js converter and Python tools, 4.22.0 uploaded 21 Oct 2024",
    url="https://pypi.org/project/tensorflowjs/4.22.0/",
    date=date(2024, 10, 21),
)

# -- the recommender's own judgements and evidence --------------------------

JUDGED: Final = date(2026, 11, 26)
"""When the recommender's rubric levels were judged.

The rubric and the training-speed fit are dlchoose's own methods,
documented in ``docs/recommendations.md``; they are not sources, so a
rating cites only the public evidence it was judged from."""
REJUDGED: Final = date(2026, 11, 29)
"""When JAX's and TorchSharp's levels were judged again (issue 13's
re-audit: JAX's deployment, TorchSharp's CNN layers)."""

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


# -- published benchmarks behind the training-speed scores ----------------

#: The benchmark each ``source_id`` of ``_recommend/benchmarks.csv`` names.
BENCHMARKS: Final[Mapping[str, Source]] = {
    "bahrampour-m40": Source(
        title="Bahrampour et al., Comparative Study of Deep Learning Software Frameworks: updated results (Tesla M40, cuDNN v4) in the DL-Benchmarks repository",
        url="https://github.com/DL-Benchmarks/DL-Benchmarks",
        date=date(2016, 7, 1),
    ),
    "ilkarman-dlf": Source(
        title="Karmanov, Gonzalez-Fierro, Dean et al., DeepLearningFrameworks ('Rosetta Stone' of deep-learning frameworks): CNN and RNN training times on Azure K80 to V100 GPUs",
        url="https://github.com/ilkarman/DeepLearningFrameworks",
        date=date(2018, 6, 19),
    ),
    "keras3-bench": Source(
        title="Keras 3 benchmarks (keras.io Getting started): training step times per backend on one A100",
        url="https://keras.io/getting_started/benchmarks/",
        date=date(2024, 4, 1),
    ),
    "lee-keras-backends": Source(
        title="Jeong-Yoon Lee, Keras Backend Benchmark: Theano vs TensorFlow vs CNTK (keras_backend.md in benchm-dl)",
        url="https://github.com/szilard/benchm-dl/blob/master/keras_backend.md",
        date=date(2017, 7, 1),
    ),
    "nvidia-dle": Source(
        title="NVIDIA Deep Learning Examples: ResNet-50 v1.5 and GNMT v2 training throughput per framework on DGX systems",
        url="https://github.com/NVIDIA/DeepLearningExamples",
        date=date(2023, 7, 1),
    ),
    "paddle-k40": Source(
        title="PaddlePaddle benchmark (PaddlePaddle vs TensorFlow vs Caffe on Tesla K40m), benchmark/README.md",
        url="https://github.com/PaddlePaddle/Paddle/tree/develop/benchmark",
        date=date(2016, 11, 1),
    ),
    "pafka-benchm-dl": Source(
        title="Szilard Pafka, benchm-dl: MNIST CNN training across high-level deep-learning tools (K80, GTX 1080 Ti, V100)",
        url="https://github.com/szilard/benchm-dl",
        date=date(2017, 10, 1),
    ),
    "soumith-convnet": Source(
        title="Soumith Chintala, convnet-benchmarks: ImageNet-winner convnets on a GTX Titan X",
        url="https://github.com/soumith/convnet-benchmarks",
        date=date(2016, 4, 1),
    ),
    "u39kun-dlb": Source(
        title="Yusaku Sako, Benchmark on Deep Learning Frameworks and GPUs (Titan V, GTX 1080 Ti, V100, RTX 2080 Ti)",
        url="https://github.com/u39kun/deep-learning-benchmark",
        date=date(2019, 2, 1),
    ),
    "woolf-keras": Source(
        title="Max Woolf, Benchmarking CNTK on Keras: is it Better at Deep Learning than TensorFlow? (per-epoch logs on a K80)",
        url="https://minimaxir.com/2017/06/keras-cntk/",
        date=date(2017, 6, 1),
    ),
}


def benchmark_sources(ids: Iterable[str]) -> tuple[Source, ...]:
    """The published benchmarks behind *ids*, each once, in id order."""
    return tuple(BENCHMARKS[name] for name in sorted(set(ids)))
