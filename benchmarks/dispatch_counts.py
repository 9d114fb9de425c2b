"""Count the instructions Ouro's loop dispatches while it runs programs (issue #7's measure).

    python3 benchmarks/dispatch_counts.py [--pairs] [--top N] [-k NAME]... [PROGRAM.py ARGS]

With no program, every program of benchmarks/suite/ runs at its quick size (run.QUICK_SIZES),
in this process, under a counting copy of ``loop.run_frame``: the loop's own source with one
counting statement after each instruction fetch.  The copy is Ouro's runtime (not a program's
code), made only here and never in a test or in the VM itself.

Prints, per opcode, its share of all dispatches (each program weighted equally, so the long
ones do not decide alone), its place in the loop's chain and the chain tests the opcode costs
(its place; 1 + the chain's length for those the handler table runs), and the mean number of
tests per dispatch: the figure an ordering of the chain is judged by.  ``--pairs`` adds the
commonest consecutive pairs (candidates for fused instructions).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import QUICK_SIZES, SUITE

import ouro.vm  # noqa: F401  (the VM's modules, in their import order)
from ouro.bytecode import opcodes
from ouro.vm import frames, function, loop

FETCH = (
    "                op, a, b, c, pc = insts[pc]  # pc: the next instruction's index\n"
)
COUNT = "                COUNTS[op] += 1; PAIRS[last[0], op] += 1; last[0] = op\n"


def counting_loop(
    counts: collections.Counter[int], pairs: collections.Counter[tuple[int, int]]
) -> None:
    """Replace the loop by a copy that counts every dispatch into ``counts`` and ``pairs``."""
    source = Path(loop.__file__).read_text()
    start = source.index("def run_frame(")
    end = source.index("\n# --- calls", start)
    body = source[start:end]
    assert body.count(FETCH) == 1, "the loop's fetch line changed: update FETCH"
    body = body.replace(FETCH, FETCH + COUNT)
    namespace = dict(vars(loop))
    namespace.update(COUNTS=counts, PAIRS=pairs, last=[0])
    # Ouro's own loop, recompiled with a counter: measurement tooling, never a program's code.
    exec(compile(textwrap.dedent(body), loop.__file__, "exec"), namespace)  # noqa: S102
    counted = namespace["run_frame"]
    loop.run_frame = function.run_frame = counted
    frames.register_loop(counted)


def chain_cost() -> dict[int, int]:
    """How many tests each opcode's dispatch costs in the loop as written: the loop's
    ``if op ...`` / ``elif op ...`` lines are evaluated in order for each opcode, descending
    into a group when its range test holds (a final ``else`` costs no test)."""
    source = Path(loop.__file__).read_text()
    start = source.index(FETCH)
    end = source.index("        except BaseException as exc:", start)
    tests: list[tuple[int, str]] = []  # (indentation, condition), "" for an else
    for line in source[start:end].splitlines():
        text = line.strip()
        if text.startswith(("if op", "elif op")):
            condition = text.split(None, 1)[1].split("#")[0].strip().rstrip(":")
            tests.append((len(line) - len(text), condition))
        elif text == "else:" and tests:
            tests.append((len(line) - len(text), ""))
    outer = min(indent for indent, _ in tests)
    namespace = vars(loop)

    def cost_of(number: int) -> int:
        count = 0
        group = None  # the range test (``op < N``) whose group is entered
        for indent, condition in tests:
            if indent != (outer if group is None else outer + 4):
                continue  # inside a case, or a test of a group not entered
            if condition:
                count += 1
                if not eval(condition, namespace, {"op": number}):
                    continue
            if group is None and condition.startswith("op <"):
                group = condition
                continue
            return count
        return count

    return {info.number: cost_of(info.number) for info in opcodes.OPS}


def run_program(path: Path, args: list[str]) -> None:
    from ouro.cli import main as ouro_main

    saved = sys.argv
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            ouro_main([str(path), *args])
        except SystemExit:
            pass
        finally:
            sys.argv = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="*", help="a program and its arguments")
    parser.add_argument(
        "-k", action="append", default=[], help="suite programs matching"
    )
    parser.add_argument("--pairs", action="store_true", help="show the commonest pairs")
    parser.add_argument("--top", type=int, default=40)
    options = parser.parse_args(argv)
    if options.program:
        runs = [(Path(options.program[0]), options.program[1:])]
    else:
        runs = [
            (path, [str(QUICK_SIZES[path.stem])] if path.stem in QUICK_SIZES else [])
            for path in sorted(SUITE.glob("*.py"))
            if not options.k or any(k in path.stem for k in options.k)
        ]
    shares: collections.Counter[int] = collections.Counter()
    pair_shares: collections.Counter[tuple[int, int]] = collections.Counter()
    total_dispatches = 0
    for path, args in runs:
        counts: collections.Counter[int] = collections.Counter()
        pairs: collections.Counter[tuple[int, int]] = collections.Counter()
        counting_loop(counts, pairs)
        run_program(path, args)
        n = sum(counts.values())
        total_dispatches += n
        print(f"{path.stem:>12}: {n:>10,} dispatches", file=sys.stderr)
        for op, k in counts.items():
            shares[op] += k / n / len(runs)
        for pair, k in pairs.items():
            pair_shares[pair] += k / n / len(runs)
    cost = chain_cost()
    name = {info.number: info.name for info in opcodes.OPS}
    print(f"{'opcode':<22} {'share':>7} {'tests':>5}")
    for op, share in shares.most_common(options.top):
        print(f"{name.get(op, op):<22} {share:7.2%} {cost[op]:>5}")
    mean = sum(share * cost[op] for op, share in shares.items())
    print(
        f"mean chain tests per dispatch: {mean:.2f} ({total_dispatches:,} dispatches)"
    )
    if options.pairs:
        print("\ncommonest pairs:")
        for (first, second), share in pair_shares.most_common(options.top):
            print(
                f"  {name.get(first, first):<18} -> {name.get(second, second):<18} {share:6.2%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
