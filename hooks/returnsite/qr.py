"""QR codes as inline SVG, made at build time with segno: no image file, no request.

A deploy prints a QR code on every page (thousands). segno 1.6 tries the
eight masks and scores each one module by module in Python: four fifths of a
code's time. :func:`fast_apply_mask` and :func:`fast_mask_scores` do the same
with whole rows (XOR of integers, regular expressions, bit counts): a page
address takes 3 ms instead of 5. ``tests/test_print.py`` checks that the
scores and the codes are segno's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape
from types import CodeType

import segno
import segno.encoder

# segno's own, for the tests
_segno_apply_mask = segno.encoder.apply_mask
_segno_mask_scores = segno.encoder.mask_scores
# Per matrix size and mask: each row's XOR bits (the mask on the encoding region).
# segno makes its mask functions anew for each code: the key is their code.
_MASK_ROWS: dict[tuple[int, int, CodeType], list[int]] = {}


def fast_apply_mask(
    matrix: Sequence[bytearray],
    mask_pattern: Callable[[int, int], bool],
    width: int,
    height: int,
    is_encoding_region: Callable[[int, int], bool],
) -> None:
    """``segno.encoder.apply_mask``, same result: each module of the encoding
    region XOR the mask. The region depends on the size alone, so the XOR bits
    of a row are made once per size and mask."""
    key = (width, height, mask_pattern.__code__)
    rows = _MASK_ROWS.get(key)
    if rows is None:
        rows = _MASK_ROWS[key] = [
            int.from_bytes(
                bytes(
                    1 if is_encoding_region(i, j) and mask_pattern(i, j) else 0
                    for j in range(width)
                ),
                "big",
            )
            for i in range(height)
        ]
    for row, bits in zip(matrix, rows, strict=True):
        row[:] = (int.from_bytes(row, "big") ^ bits).to_bytes(width, "big")


_RUN = re.compile(rb"\x00{5,}|\x01{5,}")  # five or more modules of one colour
_N3 = bytes((1, 0, 1, 1, 1, 0, 1))  # dark, light, dark x3, light, dark


def fast_mask_scores(matrix: Sequence[bytearray], width: int, height: int) -> tuple[int, ...]:
    """``segno.encoder.mask_scores``, same result: the penalties N1 to N4 of
    ISO/IEC 18004 7.8.3 of a masked matrix (modules 0 and 1; else segno's)."""
    if width != height or any(max(row) > 1 for row in matrix):
        return _segno_mask_scores(matrix, width, height)
    size = width
    rows = [bytes(row) for row in matrix]
    columns = [bytes(column) for column in zip(*rows, strict=True)]
    # N1: each run of 5 + i modules of one colour, in a row or a column: 3 + i.
    runs = _RUN.findall(b"\x02".join(rows + columns))  # 2: no colour, between lines
    n1 = sum(map(len, runs)) - 2 * len(runs)
    # N2: each 2 x 2 block of one colour (overlapping blocks count): 3.
    bits = [int.from_bytes(row, "big") for row in rows]  # one byte per module
    ones = int.from_bytes(b"\x01" * size, "big")
    inner = ones >> 8  # every module but the first of the row
    n2 = 0
    for above, below in zip(bits, bits[1:], strict=False):
        differ = (above ^ below) | (above ^ (above >> 8)) | (below ^ (below >> 8))
        n2 += 3 * (inner & ~differ).bit_count()
    # N3: a 1:1:3:1:1 pattern with four light modules before or after it: 40.
    n3 = sum(_n3_score(line, size) for line in rows + columns)
    # N4: 10 per 5 % of dark modules away from half.
    percent = float(sum(map(sum, rows))) / (size**2)
    n4 = 10 * int(abs(percent * 100 - 50) / 5)
    return n1, n2, n3, n4


def _n3_score(line: bytes, size: int) -> int:
    """segno's count of N3 patterns in a row or column, as segno finds them."""
    count = 0
    found = line.find(_N3)
    while found != -1:
        after = found + 7
        if (
            found in (0, size - 7)
            or not any(line[max(found - 4, 0) : min(found, size)])
            or not any(line[max(after, 0) : min(after + 4, size)])
        ):
            count += 40
        else:
            after = found + 4  # the next pattern may start at the third dark module
        found = line.find(_N3, after)
    return count


segno.encoder.apply_mask = fast_apply_mask
segno.encoder.mask_scores = fast_mask_scores


@lru_cache(maxsize=2048)
def qr_svg(data: str, label: str = "") -> str:
    """An inline ``<svg>`` QR code of *data*, sized by CSS (class ``qr``).

    Error correction M survives a smudge or a fold; the border is the four
    modules of quiet zone that scanners need. *label* names the image for
    screen readers (``role="img"``); without it the SVG is hidden from them.
    """
    if not data:
        raise ValueError("a QR code needs something to encode, e.g. a page address")
    code = segno.make(data, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None)
    a11y = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    return svg.replace("<svg ", f'<svg {a11y} shape-rendering="crispEdges" ', 1)
