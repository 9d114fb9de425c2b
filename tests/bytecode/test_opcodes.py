"""The instruction table: well-formed, and tied to the .pyc magic number's history."""

from __future__ import annotations

from ouro.bytecode import opcodes


def test_fingerprint_has_a_magic_number() -> None:
    # Changing the table changes the fingerprint: add a MAGIC_HISTORY row with a new number.
    magic, _, fingerprint, _ = opcodes.MAGIC_HISTORY[-1]
    assert fingerprint == opcodes.fingerprint()
    assert magic == opcodes.MAGIC_NUMBER


def test_magic_numbers_only_grow() -> None:
    magics = [row[0] for row in opcodes.MAGIC_HISTORY]
    assert magics == sorted(set(magics))


def test_names_numbers_and_constants() -> None:
    for info in opcodes.OPS:
        assert getattr(opcodes, info.name) == info.number
        assert opcodes.BY_NUMBER[info.number] is info
        assert info.name.isupper() and info.meaning


def test_pictures_name_the_operands_they_use() -> None:
    # A register or name operand appears in the picture; a jump operand as @x.
    for info in opcodes.OPS:
        inputs, outputs = opcodes.picture_sides(info)
        text = " ".join(inputs + outputs)
        for letter, kind in zip("abc", info.operands):
            if kind == opcodes.TARGET:
                assert f"@{letter}" in text, info.name
            elif kind == opcodes.NAME:
                assert f"names[{letter}]" in text, info.name
            elif kind == opcodes.REG:
                assert f"r[{letter}" in text, info.name


def test_jumps_and_terminators() -> None:
    assert opcodes.JUMP in opcodes.JUMPS and opcodes.FOR_ITER in opcodes.JUMPS
    assert (
        opcodes.RETURN in opcodes.TERMINATORS and opcodes.ADD not in opcodes.TERMINATORS
    )
