"""Bytecode-file speed: compile throughput against load throughput, on a stdlib sample.

    python3 benchmarks/cache_speed.py [--files N] [--repeat R] [PATH ...]

Takes N files (default 200) spread evenly over the host's stdlib (or the .py files under the
PATHs) that Ouro compiles, reads them into memory, then times, each as the best of R passes:

* compile: ``ouro.compiler.compile_source`` (lines of source per second);
* dumps: ``serializer.dumps`` (MB of body per second);
* load: header check, checksum and ``serializer.loads`` of in-memory .pyc bytes (MB/s of .pyc),
  reading every nested code object at once (``full``) and as ``read_pyc`` does (``lazy``: the
  bodies of nested code objects are read when first used, which a load alone never does);
* cold/warm ``compile_file`` through a temporary folder: compile and write every .pyc, then read
  them all back (files per second, and the ratio: how much a warm cache saves).

Figures depend on the machine (and on what else runs on it); the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure the checkout's ouro, not an installed copy

from ouro.bytecode.code import Code
from ouro.cache import pycfile, serializer
from ouro.compiler import compile_source


def sample(paths: list[str], count: int) -> list[tuple[str, bytes]]:
    """``count`` files spread over ``paths`` (sorted) that Ouro compiles."""
    files: list[str] = []
    for root in paths:
        files += glob.glob(os.path.join(root, "**", "*.py"), recursive=True)
    files.sort()
    step = max(1, len(files) // count)
    chosen: list[tuple[str, bytes]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files[::step]:
            data = Path(path).read_bytes()
            try:
                compile_source(data, path)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            chosen.append((path, data))
            if len(chosen) == count:
                break
    return chosen


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def load_all(pycs: list[bytes], lazy: bool = False) -> None:
    for data in pycs:
        if pycfile.read_header(data) is None:
            raise AssertionError("a .pyc made here does not read back")
        serializer.loads(memoryview(data)[pycfile.HEADER_SIZE :], lazy=lazy)


def cold_and_warm(sources: list[tuple[str, bytes]]) -> tuple[float, float]:
    """Seconds to compile_file every source into an empty cache, then from the warm cache."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, (_, data) in enumerate(sources):
            path = os.path.join(folder, f"m{i}.py")
            Path(path).write_bytes(data)
            old = time.time() - 100  # as installed files are: not racy
            os.utime(path, (old, old))
            paths.append(path)
        policy = pycfile.CachePolicy(user_cache=None)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            for path in paths:
                pycfile.compile_file(path, policy=policy)
            cold = time.perf_counter() - start
        start = time.perf_counter()
        for path in paths:
            pycfile.compile_file(path, policy=policy)
        warm = time.perf_counter() - start
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("paths", nargs="*", default=[os.path.dirname(os.__file__)])
    args = parser.parse_args()

    sources = sample(args.paths, args.files)
    lines = sum(data.count(b"\n") for _, data in sources)
    codes: list[Code] = []

    def compile_all() -> None:
        codes.clear()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for path, data in sources:
                codes.append(compile_source(data, path))

    compile_time = best(1, compile_all)
    dump_time = best(args.repeat, lambda: [serializer.dumps(c) for c in codes])
    pycs = [pycfile.make_pyc(c, data) for c, (_, data) in zip(codes, sources)]
    size = sum(map(len, pycs))
    load_time = best(args.repeat, lambda: load_all(pycs))
    lazy_time = best(args.repeat, lambda: load_all(pycs, lazy=True))
    cold, warm = cold_and_warm(sources)

    host = f"CPython {sys.version.split()[0]}"
    print(f"{host}: {len(sources)} files, {lines:,} lines, {size / 1e6:.2f} MB of .pyc")
    print(f"compile  {lines / compile_time:10,.0f} lines/s   ({compile_time:.2f} s)")
    print(f"dumps    {size / dump_time / 1e6:10.1f} MB/s      ({dump_time:.2f} s)")
    print(f"load     {size / load_time / 1e6:10.1f} MB/s      ({load_time:.2f} s) full")
    print(f"load     {size / lazy_time / 1e6:10.1f} MB/s      ({lazy_time:.2f} s) lazy")
    print(
        f"compile_file: cold {len(sources) / cold:,.0f} files/s, warm "
        f"{len(sources) / warm:,.0f} files/s: warm is {cold / warm:.1f}x faster"
    )


if __name__ == "__main__":
    main()
