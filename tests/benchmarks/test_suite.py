"""The speed suite (benchmarks/suite/, issue #7) is correct under Ouro: each program, at its
--quick size, prints under Ouro exactly what it prints under the host. Correctness only: no
timing is asserted here (benchmarks/run.py measures). The programs, their quick sizes and the
way they are run are the runner's own, imported from benchmarks/run.py.

Also checked: the runner's table and the PNG writer behind ``--png``, on made-up results.
"""

from __future__ import annotations

import argparse
import importlib.util
import struct
import sys
import zlib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# run.py imports its neighbours (pngchart, parse_speed) as a script does.
sys.path.insert(0, str(BENCHMARKS))
_spec = importlib.util.spec_from_file_location("benchmarks_run", BENCHMARKS / "run.py")
assert _spec is not None and _spec.loader is not None
runner = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = runner  # dataclasses look their module up there
_spec.loader.exec_module(runner)
import pngchart  # found through the path set above

PROGRAMS = runner.programs()
TIMEOUT = 120.0  # a hang guard: at quick size each program takes well under a second


def test_suite_is_complete() -> None:
    names = {p.stem for p in PROGRAMS}
    assert len(names) >= 12
    assert names == set(runner.QUICK_SIZES), (
        "every program needs a quick size, and only they"
    )


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_same_output_as_host(program: Path) -> None:
    cpython, ouro = runner.interpreters(None)
    args = runner.program_args(program, quick=True)
    expected = runner.run_once(cpython, program, args, TIMEOUT)
    assert runner.failure("host", expected) is None, expected.stderr
    assert expected.stdout.strip(), "a benchmark must print its checksum"
    got = runner.run_once(ouro, program, args, TIMEOUT)
    assert runner.failure("Ouro", got) is None, got.stderr
    assert got.stdout == expected.stdout, runner.first_difference(
        expected.stdout, got.stdout
    )


def made_up_results() -> list[object]:
    good = runner.Result("fast", [1.0, 1.2, 0.8], [4.0, 5.0, 6.0], [1.0], [4.0])
    slow = runner.Result("slow", [1.0], [30.0], [1.0], [20.0])
    bad = runner.Result("broken", cpython=[1.0], problem="CHECKSUM MISMATCH: a | b")
    return [good, slow, bad]


def test_ratios_and_markdown() -> None:
    good, slow, bad = made_up_results()
    assert good.ratio == 5.0 and good.cpu_ratio == 4.0 and bad.ratio is None
    assert runner.geometric_mean([good, slow, bad]) == pytest.approx(
        (5.0 * 30.0) ** 0.5
    )
    options = argparse.Namespace(quick=True, runs=3)
    table = runner.markdown(
        [good, slow, bad], "CPython 3.12.1, x86_64, 2 cores", options
    )
    assert "| fast | 1.000 | 5.000 | 5.0 | 4.0 |" in table
    assert "| slow | 1.000 | 30.000 | 30.0 (over 25x) | 20.0 |" in table
    assert "| broken | | | invalid: CHECKSUM MISMATCH: a \\| b | |" in table
    assert table.rstrip().endswith("| **geometric mean** | | | **12.2** | 8.9 |")


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = {}, 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks[kind] = body
        pos += 12 + length
    return chunks


def test_png_chart(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    bars = [(r.name, r.ratio) for r in made_up_results()]
    pngchart.bar_chart(path, "Ouro / CPython 3.12.1", bars, [10, 25])
    chunks = png_chunks(path.read_bytes())
    width, height, depth, color = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, color) == (8, 2)  # 8-bit RGB
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (1 + 3 * width)
    rows = [
        raw[y * (1 + 3 * width) + 1 : (y + 1) * (1 + 3 * width)] for y in range(height)
    ]
    for colour in (pngchart.GOOD, pngchart.BAD):  # the 5x bar, the 30x bar
        assert any(bytes(colour) * 20 in row for row in rows)
