"""What an opcode's place in the dispatch costs, with 64 opcodes (a real instruction set's size).

    python3 benchmarks/prototypes/chain_cost.py

Times one dispatch (fetch, unpack, select, a trivial `x += a`) of the opcode at position k in
  - an if/elif chain of 64 tests (variants A, B, D dispatch this way, with fewer opcodes),
  - a binary tree of `if op < m` tests (6 tests for any of 64 opcodes),
  - a list of 64 handler functions (variant C's style).
Best of 5, ns per dispatch; the loop's own overhead is included in every figure.
"""

from __future__ import annotations

import sys
import time

N = 1_000_000
OPS = 64


def _chain():
    lines = []
    for k in range(OPS):
        lines.append(
            f"        {'if' if k == 0 else 'elif'} op == {k}:\n            x += a"
        )
    return lines


def _tree(lo, hi, indent):
    pad = " " * indent
    if hi - lo == 1:
        return [f"{pad}x += a  # {lo}"]
    mid = (lo + hi) // 2
    return [
        f"{pad}if op < {mid}:",
        *_tree(lo, mid, indent + 4),
        f"{pad}else:",
        *_tree(mid, hi, indent + 4),
    ]


def _loop(body):
    src = [
        "def run(insts, n, handlers):",
        "    pc = 0",
        "    x = 0",
        "    while pc < n:",
        "        op, a, b, c = insts[pc & 1023]",
        "        pc += 1",
        *body,
        "    return x",
    ]
    namespace: dict = {}
    exec("\n".join(src), namespace)  # noqa: S102 (generated benchmark loop)
    return namespace["run"]


def _handler(x, a, b, c):
    return x + a


def main():
    loops = {
        "if/elif chain": _loop(_chain()),
        "binary tree": _loop(_tree(0, OPS, 8)),
        "handler table": _loop(["        x = handlers[op](x, a, b, c)"]),
    }
    handlers = [_handler] * OPS
    print(
        f"Python {sys.version.split()[0]}: ns per dispatch by opcode position (of {OPS})"
    )
    print("| dispatch | " + " | ".join(str(k) for k in (0, 8, 16, 32, 63)) + " |")
    print("| --- |" + " ---: |" * 5)
    for name, run in loops.items():
        for _ in range(5):  # warm up: on 3.11 the first timings of a new loop run slow
            run([(0, 1, 2, 3)] * 1024, N, handlers)
        cells = []
        for pos in (0, 8, 16, 32, 63):
            insts = [(pos, 1, 2, 3)] * 1024
            best = float("inf")
            for _ in range(5):
                t0 = time.perf_counter()
                run(insts, N, handlers)
                best = min(best, time.perf_counter() - t0)
            cells.append(f"{best / N * 1e9:.0f}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
