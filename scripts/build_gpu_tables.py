"""Check dlchoose's GPU tables against what the package index's wheels say.

Maintainer script (network): for each PyTorch release in the tables, it
reads the ``METADATA`` of the Linux wheels on PyPI (with HTTP range
requests, a few hundred kilobytes per wheel, not the whole wheel) and
derives which CUDA the plain ``pip install torch`` gets from the
``Requires-Dist`` pins (``nvidia-cuda-runtime-cuXX==X.Y.*`` or
``cuda-toolkit[...]==X.Y.*``).  It prints one line per release and
machine and exits 1 when a table row disagrees.  Run it after a PyTorch
release, then edit ``src/dlchoose/_gpu/_torch_builds.py``::

    python scripts/build_gpu_tables.py [--python cp312]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import urllib.request
import zipfile

from typing import Any

from packaging.utils import parse_wheel_filename
from packaging.version import Version

from dlchoose._gpu._api import TABLES
from dlchoose._gpu._target import target_platform


SIMPLE = "https://pypi.org/simple/{name}/"
ACCEPT = "application/vnd.pypi.simple.v1+json"
TIMEOUT = 60
_PIN = re.compile(
    r"^Requires-Dist: (?:nvidia-cuda-runtime-cu\d+|cuda-toolkit\[[^\]]*\])"
    r"\s*\(?==(\d+)\.(\d+)[^;]*;\s*(?P<marker>.*)$",
    re.MULTILINE,
)


class RangeFile(io.RawIOBase):
    """A remote file read with HTTP range requests (seekable for zipfile)."""

    def __init__(self, url: str) -> None:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            self.size = int(response.headers["Content-Length"])
        self.url, self.position = url, 0

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: self.size}[whence]
        self.position = base + offset
        return self.position

    def readinto(self, buffer: Any) -> int:
        if self.position >= self.size or len(buffer) == 0:
            return 0
        end = min(self.size, self.position + len(buffer)) - 1
        request = urllib.request.Request(
            self.url, headers={"Range": f"bytes={self.position}-{end}"}
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read()
        buffer[: len(data)] = data
        self.position += len(data)
        return len(data)


def wheel_metadata(url: str) -> str:
    stream = io.BufferedReader(RangeFile(url), buffer_size=1 << 16)
    with zipfile.ZipFile(stream) as wheel:
        name = next(
            n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")
        )
        return wheel.read(name).decode("utf-8")


def default_cuda(metadata: str, machine: str) -> str:
    """``cu132`` when the wheel pins CUDA for *machine*, else ``cpu``."""
    for match in _PIN.finditer(metadata):
        marker = match.group("marker")
        if "platform_machine" in marker and f'"{machine}"' not in marker:
            continue
        return f"cu{match.group(1)}{match.group(2)}"
    return "cpu"


def linux_wheels(name: str, python: str | None) -> dict[tuple[str, str], str]:
    """``{(version, machine): url}`` of *name*'s Linux wheels.

    Only wheels for the *python* tag (``cp312``), or any when ``None``.
    """
    request = urllib.request.Request(
        SIMPLE.format(name=name), headers={"Accept": ACCEPT}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        files = json.load(response)["files"]
    found: dict[tuple[str, str], str] = {}
    for entry in files:
        if not entry["filename"].endswith(".whl"):
            continue
        _, version, _, tags = parse_wheel_filename(entry["filename"])
        for tag in tags:
            if python not in {None, tag.interpreter}:
                continue
            platform = target_platform(tag.platform)
            if platform.os.value == "linux":
                found.setdefault(
                    (str(version), platform.machine), entry["url"]
                )
    return found


_EXTRA_PIN = re.compile(
    r"^Requires-Dist: nvidia-cuda-runtime(?:-cu\d+)?\s*\(?[^;]*?"
    r"(?:==|>=|~=)\s*(\d+)\.(\d+)[^;]*;.*extra == .(?P<extra>[\w-]+).",
    re.MULTILINE,
)


def extra_cuda(metadata: str, extra: str) -> tuple[int, int] | None:
    """The CUDA runtime the *extra* pins (``tensorflow[and-cuda]``)."""
    for match in _EXTRA_PIN.finditer(metadata):
        if match.group("extra") == extra:
            return int(match.group(1)), int(match.group(2))
    return None


def check_extras() -> int:
    """TensorFlow's and-cuda and ONNX Runtime's cuda pins against the rows."""
    failures = 0
    for framework, distribution, extra in (
        ("tensorflow", "tensorflow", "and-cuda"),
        ("onnxruntime", "onnxruntime-gpu", "cuda"),
    ):
        wheels = linux_wheels(distribution, None)
        for build in TABLES[framework].builds:
            if "[" not in build.requirement:
                # ONNX Runtime before 1.21: no extras, nothing pinned.
                print(f"{distribution} {build.last}: no extra to check")
                continue
            url = wheels.get((build.last, "x86_64"))
            if url is None or build.cuda is None:
                print(f"{distribution} {build.last}: no Linux wheel")
                continue
            pinned = extra_cuda(wheel_metadata(url), extra)
            table = build.cuda[: len(build.cuda)]
            found = pinned[: len(table)] if pinned else None
            verdict = "ok" if found == table else "DIFFERS"
            failures += verdict != "ok"
            print(
                f"{distribution} {build.last} [{extra}]: index {pinned},"
                f" table {build.cuda}: {verdict}"
            )
    return failures


def wheel_member(url: str, suffix: str) -> str:
    """One file of a remote wheel, read with range requests."""
    stream = io.BufferedReader(RangeFile(url), buffer_size=1 << 16)
    with zipfile.ZipFile(stream) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(suffix))
        return wheel.read(name).decode("utf-8")


def check_tensorflow_archs() -> int:
    """The compute capabilities TF's wheels list against the rows."""
    failures = 0
    wheels = linux_wheels("tensorflow", None)
    for build in TABLES["tensorflow"].builds:
        url = wheels.get((build.last, "x86_64"))
        if url is None:
            print(f"tensorflow {build.last}: no Linux wheel")
            continue
        info = wheel_member(url, "tensorflow/python/platform/build_info.py")
        listed = re.findall(r"'(sm|compute)_(\d+)(\d)'", info)
        index = sorted(f"{a}.{b}" for kind, a, b in listed if kind == "sm")
        ptx = [f"{a}.{b}" for kind, a, b in listed if kind == "compute"]
        table = (sorted(build.capabilities), build.ptx)
        found = (index, ptx[-1] if ptx else None)
        verdict = "ok" if found == table else "DIFFERS"
        failures += verdict != "ok"
        print(
            f"tensorflow {build.last}: index {found}, table {table}: {verdict}"
        )
    return failures


def table_default(version: str, machine: str) -> str:
    platform = target_platform(f"manylinux_2_28_{machine}")
    for build in TABLES["pytorch"].builds:
        if build.is_plain_default(platform) and build.covers(Version(version)):
            return build.variant
    return "cpu"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default="cp312", help="wheel tag to read")
    args = parser.parse_args()
    wheels = linux_wheels("torch", args.python)
    releases = sorted({b.last for b in TABLES["pytorch"].builds}, key=Version)
    failures = 0
    for version in releases:
        for machine in ("x86_64", "aarch64"):
            url = wheels.get((version, machine))
            if url is None:
                print(f"torch {version} {machine}: no {args.python} wheel")
                continue
            on_index = default_cuda(wheel_metadata(url), machine)
            in_table = table_default(version, machine)
            verdict = "ok" if on_index == in_table else "DIFFERS"
            failures += verdict != "ok"
            print(
                f"torch {version} {machine}: index {on_index}, table {in_table}: {verdict}"
            )
    failures += check_extras()
    failures += check_tensorflow_archs()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
