"""The shipped framework definitions: data, no logic.

Every known fact carries at least one :class:`Source` (``tests/test_catalog.py``
enforces it).  Facts that no source settles stay unknown.  The research
behind these entries is summarised in ``docs/frameworks.md``; dates are
those of the sources as read in 2026.

Dating conventions: a repository file or a living page is dated when it was
read (``_REPO_READ`` for repository states, ``_WEB_READ`` for undated web
pages); a source known only to the month is dated on the first of that
month.  A ``Release`` date that only a quoting pull request pins is that
pull request's date (the release happened on or before it).

Capabilities that a framework only inherits from the framework it runs on
("as JAX", "via the backend") are left unknown here; ``builds_on`` names
where they come from.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ._model import Framework, Release, Source


# -- dates shared by many sources --------------------------------------------

_REPO_READ: Final = date(2026, 8, 22)
"""When the repositories were read (the GitHub snapshot's ``as_of``)."""
_WEB_READ: Final = date(2026, 11, 1)
"""When undated web pages were read (the research notes' newest month)."""

# -- sources shared by several entries -------------------------------------

_CNTK_NEWS: Final = Source(
    title="Cognitive Toolkit 'News' page: feature history 2.0-2.3 and the 2.7 announcement (last main release; move to ONNX, ONNX Runtime and converters such as TensorFlow-ONNX)",
    url="https://github.com/MicrosoftDocs/cognitive-toolkit-docs",
    date=date(2019, 3, 29),
)
_WIKI_THEANO_SUCCESSION: Final = Source(
    title="Wikipedia text on Theano's succession: PyMC maintenance from 2018, Aesara fork 2021, PyTensor fork 29 Nov 2022 (copy in the nvidia/Nemotron-CC-Math data set)",
    url=None,
    date=_WEB_READ,
)

# -- TensorFlow ----------------------------------------------------------------

_TF_SETUP: Final = Source(
    title="tensorflow/tensorflow pip package setup.py: Google Brain description, Apache 2.0 licence, NVIDIA CUDA classifier, platform-specific dependency packages",
    url="https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/pip_package/setup.py",
    date=_REPO_READ,
)
_TF_RELEASE_MD: Final = Source(
    title="TensorFlow RELEASE.md: eager out of contrib (1.7), GradientTape (1.8), cuDNN LSTM/GRU and TF.js link (1.8-1.9), tf.function/XLA and tf.distribute incl. TPUStrategy (2.3)",
    url="https://github.com/tensorflow/tensorflow/blob/master/RELEASE.md",
    date=_REPO_READ,
)
_TF_2_21: Final = Source(
    title="TensorFlow 2.21.0 release notes, quoted in deepmodeling/deepmd-kit PR #5303",
    url="https://github.com/deepmodeling/deepmd-kit/pull/5303",
    date=date(2026, 3, 10),
)
_TF_CIO: Final = Source(
    title="CIO: Which deep learning network is best for you? (TensorFlow open-sourced 9 Nov 2015, 1.0 in Feb 2017)",
    url=None,
    date=date(2017, 5, 1),
)
_TF_README_STABLE: Final = Source(
    title="TensorFlow README, 2019-2020 text (AOSP mirror): stable Python and C++ APIs, other languages without compatibility guarantee",
    url="https://android.googlesource.com/platform/external/tensorflow/",
    date=_WEB_READ,
)
_TF_README_2017: Final = Source(
    title="TensorFlow README, 2017 text (fork wangzichenking/tensorflow): stable Python and C APIs; C++, Go, Java, JavaScript, Swift without guarantee",
    url="https://github.com/wangzichenking/tensorflow",
    date=_REPO_READ,
)
_GRADIENT_2019: Final = Source(
    title="Horace He, The State of Machine Learning Frameworks in 2019 (The Gradient): TF 2.0 makes eager mode the default",
    url="https://thegradient.pub/state-of-ml-frameworks-2019-pytorch-dominates-research-tensorflow-dominates-industry/",
    date=date(2019, 10, 10),
)
_TF_ROCM: Final = Source(
    title="AMD ROCm 6.2.2 documentation: Installing TensorFlow for ROCm (AMD-hosted tensorflow-rocm wheels)",
    url=None,
    date=_WEB_READ,
)
_TF_METAL: Final = Source(
    title="Apple Developer: tensorflow-metal PluggableDevice for Apple GPUs",
    url="https://developer.apple.com/metal/tensorflow-plugin/",
    date=_WEB_READ,
)
_TF_INTEL_GPU: Final = Source(
    title="Intel Extension for TensorFlow documentation (Intel GPUs)",
    url="https://intel.github.io/intel-extension-for-tensorflow/",
    date=_WEB_READ,
)
_TF_SERVING: Final = Source(
    title="tensorflow/serving repository (TF Serving)",
    url="https://github.com/tensorflow/serving",
    date=_REPO_READ,
)
_LITERT_MIGRATION: Final = Source(
    title="Google AI Edge: TensorFlow Lite is now LiteRT (migration guide: tflite-runtime to ai-edge-litert)",
    url="https://ai.google.dev/edge/litert/migration",
    date=_WEB_READ,
)

# -- Caffe -------------------------------------------------------------------

_CAFFE_README: Final = Source(
    title="BVLC/caffe README: BAIR/BVLC project, BSD 2-Clause, command line/Python/MATLAB interfaces, custom distributions (Intel, OpenCL, Windows), Model Zoo",
    url="https://github.com/BVLC/caffe/blob/master/README.md",
    date=_REPO_READ,
)
_CAFFE_SRC: Final = Source(
    title="BVLC/caffe sources: cuDNN layers, RNN/LSTM layers (June 2016), single-machine NCCL data parallelism (src/caffe/parallel.cpp), C++ library",
    url="https://github.com/BVLC/caffe/tree/master/src/caffe",
    date=_REPO_READ,
)
_CAFFE_HISTORY: Final = Source(
    title="BVLC/caffe git history: first commit 12 Sep 2013, last commit 13 Feb 2020",
    url="https://github.com/BVLC/caffe/commits/master",
    date=date(2020, 2, 13),
)
_CAFFE_TAG: Final = Source(
    title="BVLC/caffe tag 1.0",
    url="https://github.com/BVLC/caffe/releases/tag/1.0",
    date=date(2017, 4, 15),
)

# -- Keras and TF-Keras ------------------------------------------------------

_KERAS_README: Final = Source(
    title="keras-team/keras README: Keras 3 runs on JAX, TensorFlow or PyTorch (OpenVINO for inference); eager or compiled execution",
    url="https://github.com/keras-team/keras/blob/master/README.md",
    date=_REPO_READ,
)
_KERAS_LICENSE: Final = Source(
    title="keras-team/keras LICENSE (Apache 2.0)",
    url="https://github.com/keras-team/keras/blob/master/LICENSE",
    date=_REPO_READ,
)
_KERAS_HISTORY: Final = Source(
    title="keras-team/keras git history: first commits 27 Mar 2015",
    url="https://github.com/keras-team/keras/commits/master",
    date=date(2015, 3, 27),
)
_KERAS_MOVE: Final = Source(
    title="keras-team/keras PR #8790 'Update links' (repository moved from fchollet/keras, redirects kept)",
    url="https://github.com/keras-team/keras/pull/8790",
    date=date(2017, 12, 14),
)
_KERAS_TAG: Final = Source(
    title="keras-team/keras tag v3.15.1",
    url="https://github.com/keras-team/keras/releases/tag/v3.15.1",
    date=date(2026, 7, 29),
)
_KERAS_EXPORT: Final = Source(
    title="keras/src/models/model.py: Model.export() writes tf_saved_model, onnx and litert",
    url="https://github.com/keras-team/keras/blob/master/keras/src/models/model.py",
    date=_REPO_READ,
)
_KERAS_2_4: Final = Source(
    title="keras-team/keras README at tag 2.4.0: multi-backend Keras discontinued, Keras redirects to tf.keras",
    url="https://github.com/keras-team/keras/blob/2.4.0/README.md",
    date=date(2020, 6, 17),
)
_TFK_README: Final = Source(
    title="keras-team/tf-keras README: Keras 2 kept as the tf_keras package",
    url="https://github.com/keras-team/tf-keras/blob/master/README.md",
    date=_REPO_READ,
)
_TFK_TAG: Final = Source(
    title="keras-team/tf-keras tag v2.21.0",
    url="https://github.com/keras-team/tf-keras/releases/tag/v2.21.0",
    date=date(2026, 3, 18),
)
_TFK_FORUM: Final = Source(
    title="Keras newsletter and Google AI forum answer: TF 2.16 ships Keras 3; tf_keras plus TF_USE_LEGACY_KERAS=1 keeps Keras 2",
    url="https://discuss.ai.google.dev",
    date=date(2023, 12, 1),
)

# -- Microsoft Cognitive Toolkit ---------------------------------------------

_CNTK_README: Final = Source(
    title="microsoft/CNTK README: networks as directed graphs, SGD with automatic differentiation, multi-GPU and multi-server training, CNNs and LSTMs; open source since April 2015",
    url="https://github.com/microsoft/CNTK/blob/master/README.md",
    date=_REPO_READ,
)
_CNTK_PACKAGE: Final = Source(
    title="cntk-gpu 2.7.post2 package metadata on the Python package index (MIT licence)",
    url=None,
    date=_WEB_READ,
)
_CNTK_SETUP: Final = Source(
    title="Microsoft Learn: Setup CNTK on your machine (CPU-only MKL build and GPU build with cuDNN)",
    url="https://learn.microsoft.com/en-us/cognitive-toolkit/setup-cntk-on-your-machine",
    date=_WEB_READ,
)

# -- Torch7 ------------------------------------------------------------------

_T7_README: Final = Source(
    title="torch/torch7 README: Torch is not in active development; its C back end lives on as ATen in PyTorch",
    url="https://github.com/torch/torch7/blob/master/README.md",
    date=_REPO_READ,
)
_T7_NOTICE: Final = Source(
    title="torch/distro issue #246 quoting the notice 'Torch is not actively developed anymore and is in maintenance mode'",
    url="https://github.com/torch/distro/issues/246",
    date=date(2017, 12, 21),
)
_T7_COPYRIGHT: Final = Source(
    title="torch/torch7 COPYRIGHT.txt: Idiap, DeepMind, NEC Labs, NYU",
    url="https://github.com/torch/torch7/blob/master/COPYRIGHT.txt",
    date=_REPO_READ,
)
_T7_LUAROCKS: Final = Source(
    title="LuaRocks module page for torch (BSD licence)",
    url=None,
    date=_WEB_READ,
)
_T7_WIKIPEDIA: Final = Source(
    title="Spanish Wikipedia infobox for Torch (es.knowpia.com copy): first release 2002, 7.0 on 27 Feb 2017",
    url=None,
    date=_WEB_READ,
)
_T7_LUA_BLOG: Final = Source(
    title="xhwang.me: Deep learning in Lua Torch (imperative Lua/LuaJIT over C and CUDA; cutorch, cunn, cudnn)",
    url=None,
    date=date(2016, 1, 1),
)
_T7_DISTRO: Final = Source(
    title="torch/distro README: install script, th launcher, install/bin on PATH",
    url="https://github.com/torch/distro/blob/master/README.md",
    date=_REPO_READ,
)

# -- Apache MXNet ------------------------------------------------------------

_MX_ATTIC: Final = Source(
    title="Apache Attic: Apache MXNet (retired 2023)",
    url="https://attic.apache.org/projects/mxnet.html",
    date=date(2023, 9, 1),
)
_MX_ARCHIVED: Final = Source(
    title="GitHub: apache/mxnet 'archived by the owner on Nov 17, 2023' (also shown for apache/incubator-mxnet)",
    url="https://github.com/apache/mxnet",
    date=date(2023, 11, 17),
)
_MX_README: Final = Source(
    title="apache/mxnet README: hybrid symbolic/imperative, multi-GPU via ps-lite, Horovod, BytePS; deployment via TVM, TensorRT, OpenVINO, ARM; language bindings",
    url="https://github.com/apache/mxnet/blob/master/README.md",
    date=date(2022, 4, 21),
)
_MX_RELEASE: Final = Source(
    title="apache/mxnet tag 1.9.1",
    url="https://github.com/apache/mxnet/releases/tag/1.9.1",
    date=date(2022, 4, 21),
)
_MX_HISTORY: Final = Source(
    title="MXNet dev list: incubation at Apache from January 2017 (dmlc/mxnet → apache/incubator-mxnet → apache/mxnet)",
    url="https://lists.apache.org/list.html?dev@mxnet.apache.org",
    date=date(2022, 4, 1),
)
_MX_ONNX: Final = Source(
    title="onnx/onnx-mxnet PR #52: ONNX converter merged into MXNet 1.2",
    url="https://github.com/onnx/onnx-mxnet/pull/52",
    date=date(2018, 5, 1),
)

# -- Leaf --------------------------------------------------------------------

_LEAF_README: Final = Source(
    title="autumnai/leaf README: open machine-learning framework for hackers, CUDA or OpenCL through Collenchyma, early-stage disclaimer, MIT or Apache-2.0",
    url="https://github.com/autumnai/leaf",
    date=_REPO_READ,
)
_LEAF_CRATE: Final = Source(
    title="Crate metadata for leaf: 0.0.1 (2 Nov 2015) to 0.2.1 (23 Apr 2016)",
    url=None,
    date=date(2016, 4, 23),
)
_LEAF_HISTORY: Final = Source(
    title="autumnai/leaf git log: last real commit 14 Jan 2018 (removing links to the squatted autumnai.com)",
    url="https://github.com/autumnai/leaf/commits/master",
    date=date(2018, 1, 14),
)

# -- Theano ------------------------------------------------------------------

_TH_README: Final = Source(
    title="Theano/Theano README: MILA stopped developing Theano; PyMC forked it as PyTensor",
    url="https://github.com/Theano/Theano",
    date=date(2024, 1, 15),
)
_TH_LICENSE: Final = Source(
    title="Theano doc/LICENSE.txt (BSD 3-Clause)",
    url="https://github.com/Theano/Theano/blob/master/doc/LICENSE.txt",
    date=_REPO_READ,
)
_TH_END: Final = Source(
    title="theano-users announcement: MILA ends Theano development after 1.0, one year of minimal maintenance (quoted on discourse.mc-stan.org)",
    url=None,
    date=date(2017, 9, 28),
)
_TH_SYNCED: Final = Source(
    title="Synced: RIP Theano",
    url=None,
    date=date(2017, 9, 29),
)
_TH_TAG: Final = Source(
    title="Theano NEWS.txt and tag rel-1.0.5 (final maintenance release)",
    url="https://github.com/Theano/Theano/releases/tag/rel-1.0.5",
    date=date(2020, 7, 27),
)
_TH_GPU: Final = Source(
    title="Theano conda recipe (pygpu >= 0.7, the libgpuarray GPU back end) and J. Torres, Programming Models for Deep Learning (experimental multi-GPU)",
    url=None,
    date=_WEB_READ,
)

# -- Eclipse Deeplearning4j --------------------------------------------------

_DL4J_README: Final = Source(
    title="deeplearning4j/deeplearning4j README: JVM deep-learning suite, Java and Scala, Apache-2.0",
    url="https://github.com/deeplearning4j/deeplearning4j",
    date=_REPO_READ,
)
_DL4J_EXAMPLES: Final = Source(
    title="deeplearning4j-examples README: DL4J layers, SameDiff graphs, ND4J on LibND4J (CPU AVX2/AVX-512, CUDA), Keras import, Spark training",
    url="https://github.com/deeplearning4j/deeplearning4j-examples",
    date=_REPO_READ,
)
_DL4J_MAVEN: Final = Source(
    title="Maven Central versions of org.deeplearning4j:deeplearning4j-modelimport: 0.7.0 (2016) to 1.0.0-M2.1, nothing later",
    url=None,
    date=date(2022, 8, 12),
)
_DL4J_SNAPSHOTS: Final = Source(
    title="Maven Central snapshot index: libnd4j snapshot metadata still updated in June 2025",
    url=None,
    date=date(2025, 6, 1),
)
_DL4J_ISSUES: Final = Source(
    title="deeplearning4j/deeplearning4j PRs #8511 and #8641: work under the Eclipse repository and a Konduit working repository",
    url="https://github.com/deeplearning4j/deeplearning4j/pull/8511",
    date=_REPO_READ,
)
_DL4J_CHRONOLOGY: Final = Source(
    title="Study of open-source deep-learning frameworks (lw53.com): Deeplearning4j first released 2014",
    url=None,
    date=_WEB_READ,
)

# -- Lasagne -----------------------------------------------------------------

_LAS_README: Final = Source(
    title="Lasagne/Lasagne README: lightweight Theano library, CNNs, LSTMs, multiple inputs/outputs, CPU/GPU via Theano, MIT",
    url="https://github.com/Lasagne/Lasagne",
    date=_REPO_READ,
)
_LAS_HISTORY: Final = Source(
    title="Lasagne/Lasagne git history: first commit Sep 2014, last commit 20 Nov 2019",
    url="https://github.com/Lasagne/Lasagne/commits/master",
    date=date(2019, 11, 20),
)
_LAS_TAG: Final = Source(
    title="Lasagne/Lasagne tag v0.1 (the only tagged release)",
    url="https://github.com/Lasagne/Lasagne/releases/tag/v0.1",
    date=date(2015, 8, 13),
)

# -- Intel Nervana neon ------------------------------------------------------

_NEON_NOTICE: Final = Source(
    title="NervanaSystems/neon README discontinuation notice: no longer maintained by Intel (commit 'Add legal discontinuation notice'); repository shown as public archive",
    url="https://github.com/NervanaSystems/neon",
    date=date(2019, 5, 22),
)
_NEON_README: Final = Source(
    title="NervanaSystems/neon README and setup.py: conv, RNN, LSTM, GRU layers, gpu/mkl/cpu back ends, Model Zoo, pip name nervananeon",
    url="https://github.com/NervanaSystems/neon/blob/master/README.md",
    date=_REPO_READ,
)
_NEON_LICENSE: Final = Source(
    title="NervanaSystems/neon LICENSE (Apache 2.0)",
    url="https://github.com/NervanaSystems/neon/blob/master/LICENSE",
    date=_REPO_READ,
)
_NEON_HISTORY: Final = Source(
    title="NervanaSystems/neon git history: first public release 3 May 2015",
    url="https://github.com/NervanaSystems/neon/commits/master",
    date=date(2015, 5, 3),
)
_NEON_TAG: Final = Source(
    title="NervanaSystems/neon tag v2.6.0 (last release)",
    url="https://github.com/NervanaSystems/neon/releases/tag/v2.6.0",
    date=date(2018, 1, 5),
)

# -- PyTorch -----------------------------------------------------------------

_PT_PAPER: Final = Source(
    title="PyTorch: An Imperative Style, High-Performance Deep Learning Library (NeurIPS 2019)",
    url="https://arxiv.org/abs/1912.01703",
    date=date(2019, 12, 3),
)
_PT_YEAR_ONE: Final = Source(
    title="PyTorch team: PyTorch, a year in (public release in January 2017)",
    url="https://pytorch.org/blog/a-year-in/",
    date=date(2018, 1, 19),
)
_PT_FOUNDATION: Final = Source(
    title="PyTorch strengthens its governance by joining the Linux Foundation",
    url="https://www.linuxfoundation.org/blog/blog/pytorch-strengthens-its-governance-by-joining-the-linux-foundation",
    date=date(2022, 9, 12),
)
_PT_LICENSE: Final = Source(
    title="pytorch/pytorch LICENSE (BSD-style, three clauses)",
    url="https://github.com/pytorch/pytorch/blob/main/LICENSE",
    date=_REPO_READ,
)
_PT_RELEASES: Final = Source(
    title="PyTorch 2.12.1 release notes, quoted in DataBoar/data-boar PR #975",
    url="https://github.com/DataBoar/data-boar/pull/975",
    date=date(2026, 6, 21),
)
_PT_2_11: Final = Source(
    title="PyTorch 2.11 release summaries (theneuralfeed.com): ROCm, Apple MPS and Intel XPU work, differentiable collectives, RNN/LSTM export",
    url=None,
    date=date(2026, 3, 23),
)
_PT_COMPILE: Final = Source(
    title="aiwiki.ai: torch.compile (TorchDynamo + TorchInductor) stable since PyTorch 2.0, 15 Mar 2023",
    url=None,
    date=_WEB_READ,
)
_PT_DOCS: Final = Source(
    title="PyTorch documentation: torch.distributed, torch.nn, torch.onnx, ExecuTorch, LibTorch",
    url="https://docs.pytorch.org/docs/stable/",
    date=_REPO_READ,
)
_PT_SERVE: Final = Source(
    title="pytorch/serve issue #3396: TorchServe in limited maintenance",
    url="https://github.com/pytorch/serve/issues/3396",
    date=date(2025, 3, 1),
)

# -- JAX and Flax --------------------------------------------------------------

_JAX_README: Final = Source(
    title="jax-ml/jax README: grad (forward and reverse, any order), jit via XLA, vmap, sharding; platform table (CPU, NVIDIA, TPU, AMD; Apple and Intel GPUs experimental)",
    url="https://github.com/jax-ml/jax/blob/main/README.md",
    date=_REPO_READ,
)
_JAX_LICENSE: Final = Source(
    title="jax-ml/jax LICENSE (Apache 2.0)",
    url="https://github.com/jax-ml/jax/blob/main/LICENSE",
    date=_REPO_READ,
)
_JAX_MOVE: Final = Source(
    title="tensorflow/tfjs PR #8464: JAX repository moved from google/jax to jax-ml/jax",
    url="https://github.com/tensorflow/tfjs/pull/8464",
    date=date(2024, 12, 1),
)
_JAX_HISTORY: Final = Source(
    title="jax-ml/jax git history and README 'Citing JAX': initial source commit 17 Nov 2018, open-source release 2018",
    url="https://github.com/jax-ml/jax/commits/main",
    date=date(2018, 11, 17),
)
_JAX_TAG: Final = Source(
    title="jax-ml/jax tag jax-v0.11.0",
    url="https://github.com/jax-ml/jax/releases/tag/jax-v0.11.0",
    date=date(2026, 7, 16),
)
_FLAX_README: Final = Source(
    title="google/flax README: neural-network library for JAX (Linen 2020, NNX 2024), Conv, LSTMCell, GRUCell, attention; Apache-2.0",
    url="https://github.com/google/flax/blob/main/README.md",
    date=_REPO_READ,
)
_FLAX_HISTORY: Final = Source(
    title="google/flax git history: initial public commit 10 Jan 2020",
    url="https://github.com/google/flax/commits/main",
    date=date(2020, 1, 10),
)
_FLAX_TAG: Final = Source(
    title="google/flax tag v0.12.7",
    url="https://github.com/google/flax/releases/tag/v0.12.7",
    date=date(2026, 4, 21),
)

# -- PaddlePaddle ------------------------------------------------------------

_PD_README: Final = Source(
    title="PaddlePaddle/Paddle README: Baidu, Apache-2.0, open source since 2016; Paddle Inference, Serving, Lite and Paddle.js; pretrained industrial models",
    url="https://github.com/PaddlePaddle/Paddle",
    date=_REPO_READ,
)
_PD_2_0: Final = Source(
    title="PaddlePaddle 2.0 release note (CSDN copy): dynamic graph by default, dynamic-to-static conversion, PaddleClas/Detection/Seg/OCR/NLP",
    url=None,
    date=_WEB_READ,
)
_PD_2_3: Final = Source(
    title="PaddlePaddle 2.3.0 release note: Java API for inference",
    url="https://github.com/PaddlePaddle/Paddle/releases/tag/v2.3.0",
    date=_REPO_READ,
)
_PD_3_0: Final = Source(
    title="PaddlePaddle 3.0.0 release notes: unified auto-parallel, CINN compiler, higher-order autodiff, Kunlun XPU, Ascend NPU, Hygon DCU, Cambricon MLU builds",
    url="https://github.com/PaddlePaddle/Paddle/releases/tag/v3.0.0",
    date=date(2025, 3, 31),
)
_PD_3_2: Final = Source(
    title="PaddlePaddle/FastDeploy PR #3997 pins paddlepaddle-gpu==3.2.0",
    url="https://github.com/PaddlePaddle/FastDeploy/pull/3997",
    date=date(2025, 9, 8),
)
_PD_ONNX: Final = Source(
    title="PaddlePaddle/Paddle2ONNX repository (ONNX export)",
    url="https://github.com/PaddlePaddle/Paddle2ONNX",
    date=_REPO_READ,
)

# -- MindSpore ---------------------------------------------------------------

_MS_MIRROR: Final = Source(
    title="mindspore-ai/mindspore README, early commit: Huawei, Apache-2.0, 0.1.0-alpha images (GitHub mirror of the primary repository)",
    url="https://github.com/mindspore-ai/mindspore",
    date=date(2020, 4, 2),
)
_MS_FAQ: Final = Source(
    title="mindspore.cn FAQ (r1.0, r1.1): PyNative (dynamic) and Graph (static) modes; Ascend, GPU and CPU",
    url="https://www.mindspore.cn",
    date=_WEB_READ,
)
_MS_DOCS: Final = Source(
    title="MindSpore r2.9.0 documentation: Python API, automatic differentiation, distributed parallel training, nn layers, MindSpore Serving",
    url="https://www.mindspore.cn",
    date=_WEB_READ,
)
_MS_EXPORT: Final = Source(
    title="MindSpore r2.9.0 API: mindspore.export to MINDIR or ONNX (AIR deprecated)",
    url="https://www.mindspore.cn/docs/en/r2.9.0/api_python/mindspore/mindspore.export.html",
    date=_WEB_READ,
)
_MS_LITE: Final = Source(
    title="mindspore-ai/mindspore-lite repository (MindSpore Lite for mobile and edge)",
    url="https://github.com/mindspore-ai/mindspore-lite",
    date=_REPO_READ,
)
_MS_CONDA: Final = Source(
    title="MindSpore conda channel: mindspore 2.9.0 updated 27 Apr 2026",
    url=None,
    date=date(2026, 4, 27),
)

# -- OneFlow -----------------------------------------------------------------

_OF_README: Final = Source(
    title="Oneflow-Inc/oneflow README: PyTorch-like API, Global Tensor for n-D parallelism, nn.Graph compiler; pip package is a CUDA build, Linux only",
    url="https://github.com/Oneflow-Inc/oneflow",
    date=_REPO_READ,
)
_OF_INFOQ: Final = Source(
    title="InfoQ interview (reprinted on blog.51cto.com): OneFlow open-sourced on GitHub on 31 Jul 2020 under Apache-2.0",
    url=None,
    date=_WEB_READ,
)
_OF_TAG: Final = Source(
    title="Oneflow-Inc/oneflow tag v1.0.0 (latest)",
    url="https://github.com/Oneflow-Inc/oneflow/releases/tag/v1.0.0",
    date=date(2024, 3, 11),
)
_OF_HISTORY: Final = Source(
    title="Oneflow-Inc/oneflow git history: 14 commits in 2025, the last on 20 Aug 2025",
    url="https://github.com/Oneflow-Inc/oneflow/commits/master",
    date=date(2025, 8, 20),
)

# -- Chainer -----------------------------------------------------------------

_CH_README: Final = Source(
    title="chainer/chainer README: maintenance phase (announced 5 Dec 2019); MIT; define-by-run autodiff; CUDA via CuPy; ChainerX; ChainerMN",
    url="https://github.com/chainer/chainer",
    date=_REPO_READ,
)
_CH_NO_RELEASES: Final = Source(
    title="chainer/chainer commit e69988156a: pull-request template says no further releases are planned",
    url="https://github.com/chainer/chainer/commit/e69988156a",
    date=date(2022, 10, 13),
)
_CH_PFN: Final = Source(
    title="PC Watch: Preferred Networks moves its research framework from Chainer to PyTorch; Chainer v7 enters maintenance",
    url="https://pc.watch.impress.co.jp/docs/news/1222796.html",
    date=date(2019, 12, 5),
)
_CH_TAGS: Final = Source(
    title="chainer/chainer tags: v1.0.0 (5 Jun 2015) to v7.8.1 (last)",
    url="https://github.com/chainer/chainer/releases/tag/v7.8.1",
    date=date(2022, 1, 5),
)
_CH_ONNX: Final = Source(
    title="chainer/onnx-chainer repository (ONNX export)",
    url="https://github.com/chainer/onnx-chainer",
    date=_REPO_READ,
)

# -- Caffe2 ------------------------------------------------------------------

_C2_README: Final = Source(
    title="facebookarchive/caffe2 README: source code now lives in the PyTorch repository; repository archived 7 Feb 2023",
    url="https://github.com/facebookarchive/caffe2",
    date=date(2023, 2, 7),
)
_C2_SYNCED: Final = Source(
    title="Synced: Caffe2 merges with PyTorch (launched April 2017, merged end of March 2018)",
    url=None,
    date=date(2018, 4, 2),
)
_C2_BLOG: Final = Source(
    title="caffe2.ai blog: PyTorch 1.0 joins PyTorch's front end with Caffe2's production and mobile back end",
    url=None,
    date=date(2018, 5, 2),
)
_C2_TAG: Final = Source(
    title="facebookarchive/caffe2 tag v0.8.1 (last)",
    url="https://github.com/facebookarchive/caffe2/releases/tag/v0.8.1",
    date=date(2017, 8, 8),
)
_C2_ONNX: Final = Source(
    title="pytorch/pytorch PR #95071: Caffe2 ONNX exporter deprecated with PyTorch 2.0",
    url="https://github.com/pytorch/pytorch/pull/95071",
    date=date(2023, 2, 1),
)

# -- Apple MLX ---------------------------------------------------------------

_MLX_README: Final = Source(
    title="ml-explore/mlx README: array framework for Apple silicon by Apple ML research; Python, C++, C and Swift APIs; composable transforms; lazy, dynamic graphs",
    url="https://github.com/ml-explore/mlx/blob/main/README.md",
    date=_REPO_READ,
)
_MLX_LICENSE: Final = Source(
    title="ml-explore/mlx LICENSE (MIT, Copyright 2023 Apple)",
    url="https://github.com/ml-explore/mlx/blob/main/LICENSE",
    date=_REPO_READ,
)
_MLX_HISTORY: Final = Source(
    title="ml-explore/mlx git history: first commit 28 Nov 2023",
    url="https://github.com/ml-explore/mlx/commits/main",
    date=date(2023, 11, 28),
)
_MLX_TAG: Final = Source(
    title="ml-explore/mlx tag v0.32.1",
    url="https://github.com/ml-explore/mlx/releases/tag/v0.32.1",
    date=date(2026, 8, 18),
)
_MLX_SRC: Final = Source(
    title="ml-explore/mlx sources: Metal, CUDA and CPU back ends (mlx/backend); RNN, LSTM, GRU and convolution layers (python/mlx/nn/layers)",
    url="https://github.com/ml-explore/mlx/tree/main/mlx/backend",
    date=_REPO_READ,
)
_MLX_DISTRIBUTED: Final = Source(
    title="MLX documentation, distributed communication: MPI, TCP ring, JACCL, NCCL",
    url=None,
    date=_WEB_READ,
)

# -- tinygrad ----------------------------------------------------------------

_TG_README: Final = Source(
    title="tinygrad/tinygrad README: tensor library with autograd, IR compiler and JIT by tiny corp; OpenCL, CPU, Metal, CUDA, AMD, NV, QCOM, WebGPU",
    url="https://github.com/tinygrad/tinygrad/blob/master/README.md",
    date=_REPO_READ,
)
_TG_LICENSE: Final = Source(
    title="tinygrad/tinygrad LICENSE (MIT)",
    url="https://github.com/tinygrad/tinygrad/blob/master/LICENSE",
    date=_REPO_READ,
)
_TG_MOVE: Final = Source(
    title="commaai/openpilot PR #33093: update tinygrad URL to tinygrad/tinygrad (formerly geohot/tinygrad)",
    url="https://github.com/commaai/openpilot/pull/33093",
    date=_REPO_READ,
)
_TG_HISTORY: Final = Source(
    title="tinygrad/tinygrad git history: first commit 17 Oct 2020",
    url="https://github.com/tinygrad/tinygrad/commits/master",
    date=date(2020, 10, 17),
)
_TG_TAG: Final = Source(
    title="tinygrad/tinygrad tag v0.13.0",
    url="https://github.com/tinygrad/tinygrad/releases/tag/v0.13.0",
    date=date(2026, 5, 22),
)
_TG_NN: Final = Source(
    title="tinygrad sources: Tensor.shard across devices, Conv2d and LSTMCell in tinygrad/nn",
    url="https://github.com/tinygrad/tinygrad/tree/master/tinygrad/nn",
    date=_REPO_READ,
)

# -- PyTensor ----------------------------------------------------------------

_PTN_README: Final = Source(
    title="pymc-devs/pytensor README: PyMC developers' library of static graphs, rewritten in place and compiled via C, JAX or Numba",
    url="https://github.com/pymc-devs/pytensor/blob/main/README.rst",
    date=_REPO_READ,
)
_PTN_PYPROJECT: Final = Source(
    title="pymc-devs/pytensor pyproject.toml (BSD-3-Clause)",
    url="https://github.com/pymc-devs/pytensor/blob/main/pyproject.toml",
    date=_REPO_READ,
)
_PTN_TAG: Final = Source(
    title="pymc-devs/pytensor tag rel-3.3.0",
    url="https://github.com/pymc-devs/pytensor/releases/tag/rel-3.3.0",
    date=date(2026, 8, 12),
)

# -- ONNX Runtime ------------------------------------------------------------

_ORT_SETUP: Final = Source(
    title="microsoft/onnxruntime setup.py: MIT header, inference-focused runtime; package name chosen per build (gpu, rocm, openvino, dnnl, cann, qnn, ...)",
    url="https://github.com/microsoft/onnxruntime/blob/main/setup.py",
    date=_REPO_READ,
)
_ORT_RELEASE: Final = Source(
    title="microsoft/onnxruntime release v1.28.1 (and 1.28.0 notes: cuDNN/cuFFT optional for the CUDA execution provider)",
    url="https://github.com/microsoft/onnxruntime/releases/tag/v1.28.1",
    date=date(2026, 8, 18),
)
_ORT_INSTALL: Final = Source(
    title="ONNX Runtime install page (mintlify copy): Android .aar, iOS .xcframework, C/C++ archives; onnxruntime-web and onnxruntime-node packages",
    url=None,
    date=_WEB_READ,
)
_ORT_DIRECTML: Final = Source(
    title="ssube/onnx-web issue #19: onnxruntime-directml, NuGet Microsoft.ML.OnnxRuntime.DirectML; install one variant only",
    url="https://github.com/ssube/onnx-web/issues/19",
    date=_REPO_READ,
)


CATALOG: Final[tuple[Framework, ...]] = (
    Framework(
        key="tensorflow",
        name="TensorFlow",
        aliases=("tf",),
        summary="Google's end-to-end platform: eager by default since 2.0 with tf.function/XLA graphs, TPU support, and deployment to servers, phones and browsers.",
        organisation="Google (created by the Google Brain team)",
        languages=("Python", "C++", "C", "Java", "Go", "JavaScript"),
        licence="Apache-2.0",
        repository="tensorflow/tensorflow",
        homepage="https://www.tensorflow.org",
        first_release=2015,
        latest_release=Release(version="2.21.0", date=date(2026, 3, 10)),
        status="active",
        status_date=date(2026, 3, 10),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda", "rocm", "metal", "tpu", "xpu"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("server", "mobile", "browser", "cpp", "onnx"),
        distributions=(
            "tensorflow",
            "tensorflow-cpu",
            "tensorflow-gpu",
            "tf-nightly",
            "tf-nightly-cpu",
            "tf-nightly-gpu",
            "tensorflow-intel",
            "tf-nightly-intel",
            "tensorflow-cpu-aws",
            "tf-nightly-cpu-aws",
            "tensorflow-macos",
            "intel-tensorflow",
            "tensorflow-rocm",
            "tensorflow-aarch64",
            "nvidia-tensorflow",
            "tensorflow-metal",
        ),
        import_names=("tensorflow",),
        sources={
            "organisation": (_TF_SETUP,),
            "languages": (_TF_README_STABLE, _TF_README_2017),
            "licence": (_TF_SETUP,),
            "repository": (_TF_SETUP, _TF_2_21),
            "first_release": (_TF_CIO,),
            "latest_release": (_TF_2_21,),
            "status": (_TF_2_21,),
            "graph_style": (_TF_RELEASE_MD, _GRADIENT_2019),
            "autodiff": (_TF_RELEASE_MD,),
            "gpu_backends": (
                _TF_SETUP,
                _TF_ROCM,
                _TF_METAL,
                _TF_RELEASE_MD,
                _TF_INTEL_GPU,
            ),
            "distributed": (_TF_RELEASE_MD,),
            "cnn": (_TF_RELEASE_MD,),
            "rnn": (_TF_RELEASE_MD,),
            "deployment": (
                _LITERT_MIGRATION,
                _TF_RELEASE_MD,
                _TF_SERVING,
                _TF_README_2017,
                _CNTK_NEWS,
            ),
        },
    ),
    Framework(
        key="caffe",
        name="Caffe",
        aliases=("BVLC Caffe",),
        summary="Berkeley's C++ framework with networks declared in prototxt files; widely used for vision models until about 2017, with no commits since 2020. Autodiff is layer-level backprop only; multi-node training exists only in forks.",
        organisation="Berkeley AI Research (BAIR) / Berkeley Vision and Learning Center (BVLC)",
        languages=("C++", "Python", "MATLAB"),
        licence="BSD-2-Clause",
        repository="BVLC/caffe",
        homepage="https://caffe.berkeleyvision.org",
        first_release=2013,
        latest_release=Release(version="1.0", date=date(2017, 4, 15)),
        status="inactive",
        status_date=date(2020, 2, 13),
        graph_style="static",
        autodiff="partial",
        gpu_backends=("cuda",),
        distributed="partial",
        cnn="yes",
        rnn="yes",
        deployment=("cpp",),
        import_names=("caffe",),
        programs=("caffe",),
        sources={
            "organisation": (_CAFFE_README,),
            "languages": (_CAFFE_README,),
            "licence": (_CAFFE_README,),
            "repository": (_CAFFE_README,),
            "first_release": (_CAFFE_HISTORY,),
            "latest_release": (_CAFFE_TAG,),
            "status": (_CAFFE_HISTORY, _CAFFE_TAG),
            "graph_style": (_CAFFE_README,),
            "autodiff": (_CAFFE_SRC,),
            "gpu_backends": (_CAFFE_SRC,),
            "distributed": (_CAFFE_SRC, _CAFFE_README),
            "cnn": (_CAFFE_SRC,),
            "rnn": (_CAFFE_SRC,),
            "deployment": (_CAFFE_SRC,),
        },
    ),
    Framework(
        key="keras",
        name="Keras",
        aliases=("Keras 3", "keras3"),
        summary="High-level deep-learning API. Keras 3 runs on JAX, TensorFlow or PyTorch (multi-backend Keras 2 on Theano/CNTK ended with 2.3); accelerators and distribution come from the chosen backend.",
        organisation="Google (Keras team; created by François Chollet)",
        languages=("Python",),
        licence="Apache-2.0",
        repository="keras-team/keras",
        former_repositories=("fchollet/keras",),
        homepage="https://keras.io",
        first_release=2015,
        latest_release=Release(version="3.15.1", date=date(2026, 7, 29)),
        status="active",
        status_date=date(2026, 7, 29),
        graph_style="both",
        autodiff="yes",
        cnn="yes",
        rnn="yes",
        deployment=("server", "mobile", "onnx"),
        builds_on=("tensorflow", "jax", "pytorch"),
        distributions=("keras", "keras-nightly"),
        import_names=("keras",),
        sources={
            "organisation": (_KERAS_README, _KERAS_MOVE),
            "languages": (_KERAS_README,),
            "licence": (_KERAS_LICENSE,),
            "repository": (_KERAS_MOVE,),
            "first_release": (_KERAS_HISTORY,),
            "latest_release": (_KERAS_TAG,),
            "status": (_KERAS_TAG,),
            "graph_style": (_KERAS_README,),
            "autodiff": (_KERAS_README,),
            "cnn": (_KERAS_README,),
            "rnn": (_KERAS_README,),
            "deployment": (_KERAS_EXPORT,),
        },
    ),
    Framework(
        key="cntk",
        name="Microsoft Cognitive Toolkit",
        aliases=("Cognitive Toolkit",),
        summary="Microsoft's static computational-network toolkit with strong multi-GPU/multi-server training; 2.7 (2019) was announced as the last main release, pointing users to ONNX and ONNX Runtime.",
        organisation="Microsoft",
        languages=("Python", "C++", "C#", "Java", "BrainScript"),
        licence="MIT",
        repository="microsoft/CNTK",
        homepage="https://learn.microsoft.com/en-us/cognitive-toolkit/",
        first_release=2015,
        latest_release=Release(version="2.7", date=date(2019, 3, 29)),
        status="discontinued",
        status_date=date(2019, 3, 29),
        graph_style="static",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("cpp", "onnx"),
        successors=("onnxruntime",),
        distributions=("cntk", "cntk-gpu"),
        import_names=("cntk",),
        programs=("cntk",),
        sources={
            "organisation": (_CNTK_README,),
            "languages": (_CNTK_NEWS, _CNTK_README),
            "licence": (_CNTK_PACKAGE,),
            "repository": (_CNTK_README,),
            "first_release": (_CNTK_README,),
            "latest_release": (_CNTK_NEWS,),
            "status": (_CNTK_NEWS,),
            "graph_style": (_CNTK_README,),
            "autodiff": (_CNTK_README,),
            "gpu_backends": (_CNTK_SETUP, _CNTK_NEWS),
            "distributed": (_CNTK_README, _CNTK_NEWS),
            "cnn": (_CNTK_README,),
            "rnn": (_CNTK_README,),
            "deployment": (_CNTK_NEWS,),
        },
    ),
    Framework(
        key="torch7",
        name="Torch7",
        aliases=("Lua Torch", "LuaTorch"),
        summary="The Lua/LuaJIT scientific-computing framework (Torch since 2002) that PyTorch grew out of; its maintainers say it is no longer developed. Backprop is per module; RNNs come from community packages.",
        organisation="Community project (Idiap, NEC Labs, NYU, DeepMind contributors)",
        languages=("Lua", "C"),
        licence="BSD-3-Clause",
        repository="torch/torch7",
        homepage="http://torch.ch",
        first_release=2002,
        latest_release=Release(version="7.0", date=date(2017, 2, 27)),
        status="discontinued",
        status_date=date(2017, 12, 21),
        successors=("pytorch",),
        graph_style="dynamic",
        autodiff="partial",
        gpu_backends=("cuda",),
        cnn="yes",
        rnn="partial",
        programs=("th", "luajit"),
        sources={
            "organisation": (_T7_COPYRIGHT,),
            "languages": (_T7_LUA_BLOG,),
            "licence": (_T7_LUAROCKS, _T7_COPYRIGHT),
            "repository": (_T7_README,),
            "first_release": (_T7_WIKIPEDIA,),
            "latest_release": (_T7_WIKIPEDIA,),
            "status": (_T7_README, _T7_NOTICE),
            "graph_style": (_T7_LUA_BLOG,),
            "autodiff": (_T7_LUA_BLOG,),
            "gpu_backends": (_T7_LUA_BLOG, _T7_DISTRO),
            "cnn": (_T7_LUA_BLOG,),
            "rnn": (_T7_LUA_BLOG,),
        },
    ),
    Framework(
        key="mxnet",
        name="Apache MXNet",
        aliases=("incubator-mxnet",),
        summary="Hybrid symbolic/imperative framework (Gluon) with many language bindings; retired to the Apache Attic in 2023, 2.0 never shipped.",
        organisation="Apache Software Foundation (from DMLC, backed by Amazon)",
        languages=(
            "Python",
            "C++",
            "R",
            "Scala",
            "Java",
            "Julia",
            "Clojure",
            "Perl",
            "Go",
            "JavaScript",
        ),
        licence="Apache-2.0",
        repository="apache/mxnet",
        former_repositories=("apache/incubator-mxnet", "dmlc/mxnet"),
        homepage="https://mxnet.apache.org",
        first_release=2015,
        latest_release=Release(version="1.9.1", date=date(2022, 4, 21)),
        status="retired",
        status_date=date(2023, 9, 1),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("cpp", "onnx", "mobile"),
        distributions=(
            "mxnet",
            "mxnet-native",
            "mxnet-mkl",
            "mxnet-cu112",
            "mxnet-cu110",
            "mxnet-cu102",
            "mxnet-cu101",
            "mxnet-cu80",
            "mxnet-cu102mkl",
            "mxnet-cu80mkl",
        ),
        import_names=("mxnet",),
        sources={
            "organisation": (_MX_HISTORY,),
            "languages": (_MX_README,),
            "licence": (_MX_README,),
            "repository": (_MX_ARCHIVED, _MX_HISTORY),
            "first_release": (_MX_HISTORY,),
            "latest_release": (_MX_RELEASE,),
            "status": (_MX_ATTIC, _MX_ARCHIVED),
            "graph_style": (_MX_README,),
            "autodiff": (_MX_README,),
            "gpu_backends": (_MX_README,),
            "distributed": (_MX_README,),
            "cnn": (_MX_README,),
            "rnn": (_MX_README,),
            "deployment": (_MX_README, _MX_ONNX),
        },
    ),
    Framework(
        key="leaf",
        name="Leaf",
        aliases=("Autumn Leaf",),
        summary="Early Rust machine-learning framework from Autumn, running on CUDA or OpenCL through Collenchyma; abandoned in 2016-2018 and continued by the community fork Juice.",
        organisation="Autumn (autumnai)",
        languages=("Rust",),
        licence="MIT OR Apache-2.0",
        repository="autumnai/leaf",
        first_release=2015,
        latest_release=Release(version="0.2.1", date=date(2016, 4, 23)),
        status="inactive",
        status_date=date(2018, 1, 14),
        graph_style="static",
        gpu_backends=("cuda", "opencl"),
        cnn="yes",
        successors=("Juice",),
        cargo_crates=("leaf",),
        sources={
            "organisation": (_LEAF_README,),
            "languages": (_LEAF_README,),
            "licence": (_LEAF_README,),
            "repository": (_LEAF_README,),
            "first_release": (_LEAF_CRATE,),
            "latest_release": (_LEAF_CRATE,),
            "status": (_LEAF_CRATE, _LEAF_HISTORY),
            "graph_style": (_LEAF_README,),
            "gpu_backends": (_LEAF_README,),
            "cnn": (_LEAF_README,),
        },
    ),
    Framework(
        key="theano",
        name="Theano",
        summary="MILA's pioneering symbolic-graph compiler with automatic differentiation; development ended after 1.0 (announced 2017), and PyTensor carries the code on.",
        organisation="MILA, Université de Montréal",
        languages=("Python",),
        licence="BSD-3-Clause",
        repository="Theano/Theano",
        latest_release=Release(version="1.0.5", date=date(2020, 7, 27)),
        status="discontinued",
        status_date=date(2017, 9, 28),
        graph_style="static",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="partial",
        cnn="yes",
        rnn="yes",
        successors=("pytensor",),
        distributions=("theano", "theano-pymc"),
        import_names=("theano",),
        sources={
            "organisation": (_TH_END, _TH_README),
            "languages": (_TH_README,),
            "licence": (_TH_LICENSE,),
            "repository": (_TH_README,),
            "latest_release": (_TH_TAG,),
            "status": (_TH_END, _TH_SYNCED),
            "graph_style": (_TH_README,),
            "autodiff": (_TH_README,),
            "gpu_backends": (_TH_GPU,),
            "distributed": (_TH_GPU,),
            "cnn": (_TH_README,),
            "rnn": (_TH_README,),
        },
    ),
    Framework(
        key="dl4j",
        name="Eclipse Deeplearning4j",
        aliases=("Deeplearning4j",),
        summary="Deep learning for the JVM: DL4J layers, SameDiff graphs and ND4J arrays over a C++ core, with Spark training and Keras/TF/ONNX model import; no release since 1.0.0-M2.1 (2022), snapshots only.",
        organisation="Eclipse Foundation (created by Skymind, later Konduit)",
        languages=("Java", "Scala"),
        licence="Apache-2.0",
        repository="deeplearning4j/deeplearning4j",
        former_repositories=("eclipse/deeplearning4j",),
        first_release=2014,
        latest_release=Release(version="1.0.0-M2.1", date=date(2022, 8, 12)),
        status="maintenance",
        status_date=date(2025, 6, 1),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        maven_groups=("org.deeplearning4j", "org.nd4j"),
        sources={
            "organisation": (_DL4J_README, _DL4J_ISSUES),
            "languages": (_DL4J_README,),
            "licence": (_DL4J_README,),
            "repository": (_DL4J_README, _DL4J_ISSUES),
            "first_release": (_DL4J_CHRONOLOGY,),
            "latest_release": (_DL4J_MAVEN,),
            "status": (_DL4J_MAVEN, _DL4J_SNAPSHOTS),
            "graph_style": (_DL4J_EXAMPLES,),
            "autodiff": (_DL4J_EXAMPLES,),
            "gpu_backends": (_DL4J_EXAMPLES,),
            "distributed": (_DL4J_EXAMPLES,),
            "cnn": (_DL4J_EXAMPLES,),
            "rnn": (_DL4J_EXAMPLES,),
        },
    ),
    Framework(
        key="lasagne",
        name="Lasagne",
        summary="Lightweight layer library on top of Theano (CNNs, LSTMs); only ever tagged 0.1 and idle since 2019. GPU support and graph style come from Theano.",
        organisation="Lasagne contributors",
        languages=("Python",),
        licence="MIT",
        repository="Lasagne/Lasagne",
        first_release=2014,
        latest_release=Release(version="0.1", date=date(2015, 8, 13)),
        status="inactive",
        status_date=date(2019, 11, 20),
        autodiff="yes",
        cnn="yes",
        rnn="yes",
        builds_on=("theano",),
        distributions=("lasagne",),
        import_names=("lasagne",),
        sources={
            "organisation": (_LAS_README,),
            "languages": (_LAS_README,),
            "licence": (_LAS_README,),
            "repository": (_LAS_README,),
            "first_release": (_LAS_HISTORY,),
            "latest_release": (_LAS_TAG,),
            "status": (_LAS_HISTORY, _LAS_TAG),
            "autodiff": (_LAS_README,),
            "cnn": (_LAS_README,),
            "rnn": (_LAS_README,),
        },
    ),
    Framework(
        key="neon",
        name="Intel Nervana neon",
        aliases=("Nervana neon",),
        summary="Nervana's Python framework with its own Maxwell/Pascal GPU kernels and an MKL CPU back end; Intel discontinued it in 2019 and the repository is a public archive.",
        organisation="Intel Nervana",
        languages=("Python",),
        licence="Apache-2.0",
        repository="NervanaSystems/neon",
        first_release=2015,
        latest_release=Release(version="2.6.0", date=date(2018, 1, 5)),
        status="discontinued",
        status_date=date(2019, 5, 22),
        graph_style="static",
        autodiff="yes",
        gpu_backends=("cuda",),
        cnn="yes",
        rnn="yes",
        distributions=("nervananeon",),
        import_names=("neon",),
        sources={
            "organisation": (_NEON_NOTICE,),
            "languages": (_NEON_README,),
            "licence": (_NEON_LICENSE,),
            "repository": (_NEON_NOTICE,),
            "first_release": (_NEON_HISTORY,),
            "latest_release": (_NEON_TAG,),
            "status": (_NEON_NOTICE,),
            "graph_style": (_NEON_README,),
            "autodiff": (_NEON_README,),
            "gpu_backends": (_NEON_README,),
            "cnn": (_NEON_README,),
            "rnn": (_NEON_README,),
        },
    ),
    Framework(
        key="pytorch",
        name="PyTorch",
        aliases=("torch", "pt"),
        summary="Define-by-run tensors and autograd in Python, with torch.compile for speed since 2.0; the majority choice in research since 2019.",
        organisation="PyTorch Foundation (Linux Foundation), started at Meta",
        languages=("Python", "C++"),
        licence="BSD-3-Clause",
        repository="pytorch/pytorch",
        homepage="https://pytorch.org",
        first_release=2017,
        latest_release=Release(version="2.12.1", date=date(2026, 6, 21)),
        status="active",
        status_date=date(2026, 6, 21),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda", "rocm", "metal", "xpu"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("server", "mobile", "cpp", "onnx"),
        distributions=("torch",),
        import_names=("torch",),
        sources={
            "organisation": (_PT_FOUNDATION,),
            "languages": (_PT_DOCS,),
            "licence": (_PT_LICENSE,),
            "repository": (_PT_LICENSE,),
            "first_release": (_PT_YEAR_ONE,),
            "latest_release": (_PT_RELEASES,),
            "status": (_PT_RELEASES,),
            "graph_style": (_PT_PAPER, _PT_COMPILE),
            "autodiff": (_PT_PAPER,),
            "gpu_backends": (_PT_2_11, _PT_DOCS),
            "distributed": (_PT_DOCS, _PT_2_11),
            "cnn": (_PT_DOCS,),
            "rnn": (_PT_DOCS, _PT_2_11),
            "deployment": (_PT_DOCS, _PT_SERVE, _CNTK_NEWS),
        },
    ),
    Framework(
        key="jax",
        name="JAX",
        summary="Composable function transformations (grad, jit via XLA, vmap) over NumPy-style arrays, with sharding across devices and hosts; Apple and Intel GPU support is experimental. Layers come from Flax or Keras.",
        organisation="Google",
        languages=("Python",),
        licence="Apache-2.0",
        repository="jax-ml/jax",
        former_repositories=("google/jax",),
        homepage="https://docs.jax.dev",
        first_release=2018,
        latest_release=Release(version="0.11.0", date=date(2026, 7, 16)),
        status="active",
        status_date=date(2026, 7, 16),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda", "tpu", "rocm", "metal", "xpu"),
        distributed="yes",
        cnn="partial",
        rnn="partial",
        distributions=(
            "jax",
            "jaxlib",
            "jax-cuda12-plugin",
            "jax-cuda12-pjrt",
            "jax-cuda13-plugin",
            "jax-cuda13-pjrt",
            "jax-rocm7-plugin",
            "jax-rocm7-pjrt",
            "jax-oneapi-plugin",
            "jax-metal",
        ),
        import_names=(
            "jax",
            "jaxlib",
            "jax_cuda12_plugin",
            "jax_cuda13_plugin",
            "jax_rocm7_plugin",
        ),
        sources={
            "organisation": (_JAX_README,),
            "languages": (_JAX_README,),
            "licence": (_JAX_LICENSE,),
            "repository": (_JAX_MOVE,),
            "first_release": (_JAX_HISTORY,),
            "latest_release": (_JAX_TAG,),
            "status": (_JAX_TAG,),
            "graph_style": (_JAX_README,),
            "autodiff": (_JAX_README,),
            "gpu_backends": (_JAX_README,),
            "distributed": (_JAX_README,),
            "cnn": (_FLAX_README,),
            "rnn": (_FLAX_README,),
        },
    ),
    Framework(
        key="flax",
        name="Flax",
        summary="Google's neural-network library for JAX (Linen, and the newer NNX API); devices, compilation and scaling are JAX's.",
        organisation="Google",
        languages=("Python",),
        licence="Apache-2.0",
        repository="google/flax",
        homepage="https://flax.readthedocs.io",
        first_release=2020,
        latest_release=Release(version="0.12.7", date=date(2026, 4, 21)),
        status="active",
        status_date=date(2026, 4, 21),
        autodiff="yes",
        cnn="yes",
        rnn="yes",
        builds_on=("jax",),
        distributions=("flax",),
        import_names=("flax",),
        sources={
            "organisation": (_FLAX_README,),
            "languages": (_FLAX_README,),
            "licence": (_FLAX_README,),
            "repository": (_FLAX_README,),
            "first_release": (_FLAX_HISTORY,),
            "latest_release": (_FLAX_TAG,),
            "status": (_FLAX_TAG,),
            "autodiff": (_FLAX_README, _JAX_README),
            "cnn": (_FLAX_README,),
            "rnn": (_FLAX_README,),
        },
    ),
    Framework(
        key="paddle",
        name="PaddlePaddle",
        aliases=("Baidu PaddlePaddle",),
        summary="Baidu's framework: dynamic graphs by default with dynamic-to-static conversion, auto-parallel training, Chinese accelerators (Kunlun, Ascend, ...) and a full deployment family (Inference, Serving, Lite, Paddle.js).",
        organisation="Baidu",
        languages=("Python", "C++", "Java"),
        licence="Apache-2.0",
        repository="PaddlePaddle/Paddle",
        former_repositories=("baidu/Paddle",),
        homepage="https://www.paddlepaddle.org.cn",
        first_release=2016,
        latest_release=Release(version="3.2.0", date=date(2025, 9, 8)),
        status="active",
        status_date=date(2025, 9, 8),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda", "npu"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("server", "mobile", "browser", "cpp", "onnx"),
        distributions=("paddlepaddle", "paddlepaddle-gpu"),
        import_names=("paddle",),
        sources={
            "organisation": (_PD_README,),
            "languages": (_PD_README, _PD_2_3),
            "licence": (_PD_README,),
            "repository": (_PD_README,),
            "first_release": (_PD_README,),
            "latest_release": (_PD_3_2,),
            "status": (_PD_3_2, _PD_3_0),
            "graph_style": (_PD_2_0,),
            "autodiff": (_PD_3_0,),
            "gpu_backends": (_PD_3_0,),
            "distributed": (_PD_3_0,),
            "cnn": (_PD_2_0, _PD_README),
            "rnn": (_PD_2_0,),
            "deployment": (_PD_README, _PD_ONNX),
        },
    ),
    Framework(
        key="mindspore",
        name="MindSpore",
        summary="Huawei's framework with PyNative (dynamic) and Graph (static) modes, built first for Ascend NPUs; MindSpore Lite for devices and ONNX/MindIR export. The GitHub repository is a mirror.",
        organisation="Huawei",
        languages=("Python",),
        licence="Apache-2.0",
        repository="mindspore-ai/mindspore",
        homepage="https://www.mindspore.cn",
        first_release=2020,
        latest_release=Release(version="2.9.0", date=date(2026, 4, 27)),
        status="active",
        status_date=date(2026, 4, 27),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("npu", "cuda"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("server", "mobile", "cpp", "onnx"),
        distributions=(
            "mindspore",
            "mindspore-gpu",
            "mindspore-ascend",
            "mindspore-cpu",
        ),
        import_names=("mindspore",),
        sources={
            "organisation": (_MS_MIRROR,),
            "languages": (_MS_DOCS,),
            "licence": (_MS_MIRROR,),
            "repository": (_MS_MIRROR,),
            "first_release": (_MS_MIRROR,),
            "latest_release": (_MS_CONDA,),
            "status": (_MS_CONDA,),
            "graph_style": (_MS_FAQ,),
            "autodiff": (_MS_DOCS,),
            "gpu_backends": (_MS_FAQ,),
            "distributed": (_MS_DOCS,),
            "cnn": (_MS_DOCS,),
            "rnn": (_MS_DOCS,),
            "deployment": (_MS_LITE, _MS_EXPORT, _MS_DOCS),
        },
    ),
    Framework(
        key="oneflow",
        name="OneFlow",
        summary="PyTorch-like framework built around Global Tensor (SBP) n-D parallelism and an nn.Graph compiler; little activity since 1.0 (2024).",
        organisation="OneFlow Inc.",
        languages=("Python",),
        licence="Apache-2.0",
        repository="Oneflow-Inc/oneflow",
        first_release=2020,
        latest_release=Release(version="1.0.0", date=date(2024, 3, 11)),
        status="maintenance",
        status_date=date(2025, 8, 20),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        distributions=("oneflow",),
        import_names=("oneflow",),
        sources={
            "organisation": (_OF_INFOQ,),
            "languages": (_OF_README,),
            "licence": (_OF_INFOQ,),
            "repository": (_OF_README,),
            "first_release": (_OF_INFOQ,),
            "latest_release": (_OF_TAG,),
            "status": (_OF_TAG, _OF_HISTORY),
            "graph_style": (_OF_README,),
            "autodiff": (_OF_README,),
            "gpu_backends": (_OF_README,),
            "distributed": (_OF_README,),
            "cnn": (_OF_README,),
            "rnn": (_OF_README,),
        },
    ),
    Framework(
        key="chainer",
        name="Chainer",
        summary="Preferred Networks' define-by-run pioneer (GPU via CuPy, ChainerMN for distribution); in maintenance since PFN moved to PyTorch in December 2019, and no further releases are planned.",
        organisation="Preferred Networks",
        languages=("Python",),
        licence="MIT",
        repository="chainer/chainer",
        homepage="https://chainer.org",
        first_release=2015,
        latest_release=Release(version="7.8.1", date=date(2022, 1, 5)),
        status="discontinued",
        status_date=date(2022, 10, 13),
        graph_style="dynamic",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("cpp", "onnx"),
        successors=("pytorch",),
        distributions=("chainer",),
        import_names=("chainer",),
        sources={
            "organisation": (_CH_PFN,),
            "languages": (_CH_README,),
            "licence": (_CH_README,),
            "repository": (_CH_README,),
            "first_release": (_CH_TAGS,),
            "latest_release": (_CH_TAGS,),
            "status": (_CH_README, _CH_NO_RELEASES, _CH_PFN),
            "graph_style": (_CH_README,),
            "autodiff": (_CH_README,),
            "gpu_backends": (_CH_README,),
            "distributed": (_CH_README,),
            "cnn": (_CH_README,),
            "rnn": (_CH_README,),
            "deployment": (_CH_README, _CH_ONNX),
        },
    ),
    Framework(
        key="caffe2",
        name="Caffe2",
        summary="Facebook's production- and mobile-oriented successor to Caffe; merged into the PyTorch repository in March 2018, later deprecated and removed. The old repository was archived in 2023.",
        organisation="Facebook",
        languages=("C++", "Python"),
        repository="facebookarchive/caffe2",
        first_release=2017,
        latest_release=Release(version="0.8.1", date=date(2017, 8, 8)),
        status="merged",
        graph_style="static",
        autodiff="yes",
        gpu_backends=("cuda",),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("mobile", "cpp", "onnx"),
        successors=("pytorch",),
        import_names=("caffe2",),
        sources={
            "organisation": (_C2_SYNCED,),
            "languages": (_C2_BLOG,),
            "repository": (_C2_README,),
            "first_release": (_C2_SYNCED,),
            "latest_release": (_C2_TAG,),
            "status": (_C2_README, _C2_SYNCED),
            "graph_style": (_C2_BLOG,),
            "autodiff": (_C2_SYNCED,),
            "gpu_backends": (_C2_SYNCED,),
            "distributed": (_C2_SYNCED,),
            "cnn": (_C2_SYNCED,),
            "rnn": (_C2_SYNCED,),
            "deployment": (_C2_BLOG, _C2_ONNX),
        },
    ),
    Framework(
        key="mlx",
        name="MLX",
        aliases=("Apple MLX",),
        summary="Apple's NumPy-like array framework for Apple silicon (unified memory, lazy evaluation, optional compile), now also on CUDA; Python, C++, C and Swift APIs.",
        organisation="Apple machine learning research",
        languages=("Python", "C++", "C", "Swift"),
        licence="MIT",
        repository="ml-explore/mlx",
        homepage="https://ml-explore.github.io/mlx/",
        first_release=2023,
        latest_release=Release(version="0.32.1", date=date(2026, 8, 18)),
        status="active",
        status_date=date(2026, 8, 18),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("metal", "cuda"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("mobile", "cpp"),
        distributions=(
            "mlx",
            "mlx-metal",
            "mlx-cuda-12",
            "mlx-cuda-13",
            "mlx-cpu",
        ),
        import_names=("mlx",),
        sources={
            "organisation": (_MLX_README,),
            "languages": (_MLX_README,),
            "licence": (_MLX_LICENSE,),
            "repository": (_MLX_README,),
            "first_release": (_MLX_HISTORY,),
            "latest_release": (_MLX_TAG,),
            "status": (_MLX_TAG,),
            "graph_style": (_MLX_README,),
            "autodiff": (_MLX_README,),
            "gpu_backends": (_MLX_SRC,),
            "distributed": (_MLX_DISTRIBUTED,),
            "cnn": (_MLX_SRC,),
            "rnn": (_MLX_SRC,),
            "deployment": (_MLX_README,),
        },
    ),
    Framework(
        key="tinygrad",
        name="tinygrad",
        summary="Small tensor library with autograd over a lazy IR and TinyJit, with many back ends (CUDA, AMD, Metal, OpenCL, Qualcomm, WebGPU; AMD is listed here as rocm); runs ONNX models but export is unconfirmed.",
        organisation="tiny corp",
        languages=("Python",),
        licence="MIT",
        repository="tinygrad/tinygrad",
        former_repositories=("geohot/tinygrad",),
        homepage="https://tinygrad.org",
        first_release=2020,
        latest_release=Release(version="0.13.0", date=date(2026, 5, 22)),
        status="active",
        status_date=date(2026, 5, 22),
        graph_style="both",
        autodiff="yes",
        gpu_backends=("cuda", "rocm", "metal", "opencl"),
        distributed="yes",
        cnn="yes",
        rnn="yes",
        deployment=("browser",),
        distributions=("tinygrad",),
        import_names=("tinygrad",),
        sources={
            "organisation": (_TG_README,),
            "languages": (_TG_README,),
            "licence": (_TG_LICENSE,),
            "repository": (_TG_MOVE,),
            "first_release": (_TG_HISTORY,),
            "latest_release": (_TG_TAG,),
            "status": (_TG_TAG,),
            "graph_style": (_TG_README,),
            "autodiff": (_TG_README,),
            "gpu_backends": (_TG_README,),
            "distributed": (_TG_NN,),
            "cnn": (_TG_NN,),
            "rnn": (_TG_NN,),
            "deployment": (_TG_README,),
        },
    ),
    Framework(
        key="pytensor",
        name="PyTensor",
        summary="The PyMC developers' continuation of Theano (via Aesara): static graphs rewritten and compiled to C, JAX, Numba or MLX; aimed at probabilistic programming, with only basic neural-network ops.",
        organisation="PyMC developers",
        languages=("Python",),
        licence="BSD-3-Clause",
        repository="pymc-devs/pytensor",
        homepage="https://pytensor.readthedocs.io",
        first_release=2022,
        latest_release=Release(version="3.3.0", date=date(2026, 8, 12)),
        status="active",
        status_date=date(2026, 8, 12),
        graph_style="static",
        autodiff="yes",
        cnn="partial",
        builds_on=("jax", "mlx"),
        distributions=("pytensor",),
        import_names=("pytensor",),
        sources={
            "organisation": (_PTN_README,),
            "languages": (_PTN_README,),
            "licence": (_PTN_PYPROJECT,),
            "repository": (_PTN_README,),
            "first_release": (_WIKI_THEANO_SUCCESSION,),
            "latest_release": (_PTN_TAG,),
            "status": (_PTN_TAG,),
            "graph_style": (_PTN_README,),
            "autodiff": (_PTN_README,),
            "cnn": (_PTN_README,),
        },
    ),
    Framework(
        key="tf-keras",
        name="TF-Keras",
        aliases=("tf_keras", "Keras 2"),
        summary="Keras 2, split out of TensorFlow as the tf_keras package for code that predates Keras 3 (TF 2.16+ ships Keras 3); follows TensorFlow's releases. Everything else comes from TensorFlow.",
        organisation="Google",
        languages=("Python",),
        repository="keras-team/tf-keras",
        first_release=2023,
        latest_release=Release(version="2.21.0", date=date(2026, 3, 18)),
        status="maintenance",
        status_date=date(2026, 3, 18),
        autodiff="yes",
        cnn="yes",
        rnn="yes",
        builds_on=("tensorflow",),
        distributions=("tf-keras",),
        import_names=("tf_keras",),
        sources={
            "organisation": (_TFK_FORUM,),
            "languages": (_TFK_README,),
            "repository": (_TFK_README,),
            "first_release": (_TFK_FORUM,),
            "latest_release": (_TFK_TAG,),
            "status": (_TFK_TAG, _TFK_FORUM),
            "autodiff": (_TF_RELEASE_MD,),
            "cnn": (_TF_METAL,),
            "rnn": (_TF_RELEASE_MD,),
        },
    ),
    Framework(
        key="onnxruntime",
        name="ONNX Runtime",
        aliases=("ort", "onnx-runtime"),
        summary="Microsoft's inference engine for ONNX models on CPUs, GPUs and NPUs through execution providers, with mobile, web and C/C++ packages. It runs models rather than building them, so CNN/RNN support is left unknown and training facts are 'no'.",
        organisation="Microsoft",
        languages=("Python", "C++", "C", "C#", "Java", "JavaScript"),
        licence="MIT",
        repository="microsoft/onnxruntime",
        homepage="https://onnxruntime.ai",
        latest_release=Release(version="1.28.1", date=date(2026, 8, 18)),
        status="active",
        status_date=date(2026, 8, 18),
        inference_only=True,
        graph_style="static",
        autodiff="no",
        gpu_backends=("cuda", "rocm", "npu"),
        distributed="no",
        deployment=("server", "mobile", "browser", "cpp"),
        distributions=(
            "onnxruntime",
            "onnxruntime-gpu",
            "onnxruntime-directml",
            "onnxruntime-openvino",
            "onnxruntime-qnn",
            "onnxruntime-rocm",
            "onnxruntime-dnnl",
            "onnxruntime-vitisai",
            "onnxruntime-cann",
            "onnxruntime-acl",
            "onnxruntime-armnn",
            "onnxruntime-tvm",
            "onnxruntime-webgpu",
            "ort-nightly",
            "ort-rocm-nightly",
        ),
        import_names=("onnxruntime",),
        maven_groups=("com.microsoft.onnxruntime",),
        sources={
            "organisation": (_ORT_SETUP,),
            "languages": (_ORT_INSTALL, _ORT_DIRECTML),
            "licence": (_ORT_SETUP,),
            "repository": (_ORT_SETUP,),
            "latest_release": (_ORT_RELEASE,),
            "status": (_ORT_RELEASE,),
            "graph_style": (_ORT_SETUP,),
            "autodiff": (_ORT_SETUP, _CNTK_NEWS),
            "gpu_backends": (_ORT_SETUP, _ORT_RELEASE),
            "distributed": (_ORT_SETUP,),
            "deployment": (_ORT_INSTALL, _CNTK_NEWS),
        },
    ),
)
