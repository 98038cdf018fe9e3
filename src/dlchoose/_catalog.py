"""The shipped framework definitions: data, no logic.

Every known fact carries at least one :class:`Source` (``tests/test_catalog.py``
enforces it).  Facts that no source settles stay unknown.  The research
behind these entries is summarised in ``docs/frameworks.md``; dates are
those of the sources as read in 2026.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ._registry import Framework, Release, Source


# -- sources shared by several entries -------------------------------------

_FRAMEWORKS_NOTE: Final = Source(
    title="dlchoose research notes: deep-learning framework registry",
    url=None,
    date=date(2026, 11, 1),
)

# -- PyTorch -----------------------------------------------------------------

_PT_PAPER: Final = Source(
    title="PyTorch: An Imperative Style, High-Performance Deep Learning Library (NeurIPS 2019)",
    url="https://arxiv.org/abs/1912.01703",
    date=date(2019, 12, 3),
)
_PT_FOUNDATION: Final = Source(
    title="PyTorch strengthens its governance by joining the Linux Foundation",
    url="https://www.linuxfoundation.org/blog/blog/pytorch-strengthens-its-governance-by-joining-the-linux-foundation",
    date=date(2022, 9, 12),
)
_PT_LICENSE: Final = Source(
    title="pytorch/pytorch LICENSE (BSD-style, three clauses)",
    url="https://github.com/pytorch/pytorch/blob/main/LICENSE",
    date=date(2026, 8, 22),
)
_PT_RELEASES: Final = Source(
    title="PyTorch 2.12.1 release notes, quoted in DataBoar/data-boar PR #975",
    url="https://github.com/DataBoar/data-boar/pull/975",
    date=date(2026, 6, 21),
)
_PT_DOCS: Final = Source(
    title="PyTorch documentation: torch.distributed, torch.nn, torch.onnx, ExecuTorch",
    url="https://docs.pytorch.org/docs/stable/",
    date=date(2026, 8, 22),
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
    title="apache/mxnet README: hybrid symbolic/imperative, multi-GPU via ps-lite, Horovod, BytePS; language bindings",
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


CATALOG: Final[tuple[Framework, ...]] = (
    Framework(
        key="pytorch",
        name="PyTorch",
        aliases=("torch", "pt"),
        summary="Define-by-run tensors and autograd in Python, with torch.compile for speed.",
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
            "first_release": (_PT_PAPER,),
            "latest_release": (_PT_RELEASES,),
            "status": (_PT_RELEASES,),
            "graph_style": (_PT_PAPER, _PT_DOCS),
            "autodiff": (_PT_PAPER,),
            "gpu_backends": (_PT_DOCS,),
            "distributed": (_PT_DOCS,),
            "cnn": (_PT_DOCS,),
            "rnn": (_PT_DOCS,),
            "deployment": (_PT_DOCS,),
        },
    ),
    Framework(
        key="mxnet",
        name="Apache MXNet",
        aliases=("mxnet", "incubator-mxnet"),
        summary="Hybrid symbolic/imperative framework (Gluon); retired to the Apache Attic in 2023.",
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
        successors=(),
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
            "deployment": (_MX_README,),
        },
    ),
)
