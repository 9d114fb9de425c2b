"""A horizontal bar chart written as a PNG with nothing but zlib and struct.

The benchmark runner draws its ratios with this (matplotlib is not installed here and must not
be needed). One call: ``bar_chart(path, title, bars, marks)`` where each bar is a label and a
value (``None`` draws the word "invalid"), and each mark is a value with a vertical line across
the chart (the issue's 10x goal and 25x limit). Text uses a 5x7 bitmap font of lowercase
letters, digits and a little punctuation, drawn at twice its size; capitals print as
lowercase and anything else as "?".
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

# Each glyph: seven rows, top first, two hex digits per row, bit 4 the leftmost pixel; letters
# with a descender have two more rows below the line.
FONT = {
    "a": "00000E010F110F", "b": "10101E1111111E", "c": "00000E1110110E",
    "d": "01010F1111110F", "e": "00000E111F100E", "f": "0609081C080808",
    "g": "00000F1111110F010E", "h": "10101619111111", "i": "04000C0404040E",
    "j": "02000602020202120C", "k": "10101214181412",
    "l": "0C04040404040E", "m": "00001A15151111", "n": "00001619111111",
    "o": "00000E1111110E", "p": "00001E1111111E1010", "q": "00000F1111110F0101",
    "r": "00001619101010", "s": "00000F100E011E", "t": "08081C08080906",
    "u": "0000111111130D", "v": "00001111110A04",
    "w": "0000111115150A", "x": "0000110A040A11", "y": "0000111111110F010E",
    "z": "00001F0204081F", "0": "0E11131519110E",
    "1": "040C040404040E", "2": "0E11010204081F",
    "3": "1F02040201110E", "4": "02060A121F0202",
    "5": "1F101E0101110E", "6": "0608101E11110E", "7": "1F010204080808",
    "8": "0E11110E11110E", "9": "0E11110F01020C", " ": "00000000000000",
    ".": "00000000000C0C", "_": "0000000000001F", "-": "0000001F000000",
    ":": "000C0C000C0C00", "/": "00010204081000", "(": "02040808080402",
    ")": "08040202020408", "=": "00001F001F0000", ",": "000000000C0408",
    "!": "04040404040004", "?": "0E110102040004", "%": "18190204081303",
}  # fmt: skip

SCALE = 2  # font pixels per glyph pixel
CHAR_W, CHAR_H = (
    6 * SCALE,
    7 * SCALE,
)  # advance per character (5 pixels and a gap), height

Color = tuple[int, int, int]
WHITE, BLACK, GREY = (255, 255, 255), (0, 0, 0), (200, 200, 200)
GOOD, WARN, BAD = (70, 120, 200), (230, 150, 40), (200, 50, 50)


class Canvas:
    """An RGB raster: a bytearray, three bytes a pixel, rows top to bottom."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(WHITE * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        """Fill [x0, x1) x [y0, y1), clipped to the canvas."""
        x0, x1 = max(x0, 0), min(x1, self.width)
        row = bytes(color) * max(x1 - x0, 0)
        for y in range(max(y0, 0), min(y1, self.height)):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, color: Color = BLACK) -> None:
        for i, ch in enumerate(text.lower()):
            glyph = FONT.get(ch, FONT["?"])
            for r in range(len(glyph) // 2):
                bits = int(glyph[2 * r : 2 * r + 2], 16)
                for c in range(5):
                    if bits & (0x10 >> c):
                        px, py = x + i * CHAR_W + c * SCALE, y + r * SCALE
                        self.rect(px, py, px + SCALE, py + SCALE, color)

    def png(self) -> bytes:
        stride = self.width * 3
        raw = b"".join(
            b"\x00" + self.pixels[y * stride : (y + 1) * stride]
            for y in range(self.height)
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data, and the CRC of type and data."""
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def bar_color(value: float, marks: list[float]) -> Color:
    """Below the first mark is good, below the last is a warning, past the last is bad."""
    if not marks or value <= marks[0]:
        return GOOD
    return WARN if value <= marks[-1] else BAD


def bar_chart(
    path: str | Path,
    title: str,
    bars: list[tuple[str, float | None]],
    marks: list[float] | None = None,
    unit: str = "x",
) -> None:
    """Write one bar per (label, value), longest scale fitted to the largest value or mark."""
    marks = sorted(marks or [])
    values = [v for _, v in bars if v is not None]
    top = max(values + marks + [1.0]) * 1.08
    pad, row_h, bar_h = 16, CHAR_H + 12, CHAR_H + 4
    label_w = max([len(label) for label, _ in bars] + [4]) * CHAR_W + pad
    plot_w = 640
    width = pad + label_w + plot_w + 8 * CHAR_W + pad
    plot_top = pad + 2 * CHAR_H + pad
    height = plot_top + row_h * len(bars) + pad
    canvas = Canvas(width, height)
    canvas.text(pad, pad, title)
    x0 = pad + label_w

    def x_of(value: float) -> int:
        return x0 + round(value / top * plot_w)

    for mark in marks:
        canvas.rect(x_of(mark), plot_top - 4, x_of(mark) + 2, height - pad, GREY)
        canvas.text(x_of(mark) + 4, plot_top - CHAR_H - 4, f"{mark:g}{unit}", GREY)
    canvas.rect(x0 - 2, plot_top - 4, x0, height - pad, BLACK)
    for i, (label, value) in enumerate(bars):
        y = plot_top + i * row_h + (row_h - bar_h) // 2
        text_y = y + (bar_h - CHAR_H) // 2
        canvas.text(x0 - pad // 2 - len(label) * CHAR_W, text_y, label)
        if value is None:
            canvas.text(x0 + 6, text_y, "invalid", BAD)
            continue
        canvas.rect(x0, y, x_of(value), y + bar_h, bar_color(value, marks))
        canvas.text(x_of(value) + 6, text_y, f"{value:.1f}{unit}")
    Path(path).write_bytes(canvas.png())
