"""QR codes as inline SVG, made at build time with segno: no image file, no request.

A deploy prints a QR code on every page (thousands): segno 1.6's mask step,
which tries the eight masks module by module in Python, was half of each
code's time. :func:`fast_apply_mask` does the same with one XOR of whole rows;
``tests/test_print.py`` checks that the codes are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape
from types import CodeType

import segno
import segno.encoder

_segno_apply_mask = segno.encoder.apply_mask  # segno's own, for the tests
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


segno.encoder.apply_mask = fast_apply_mask


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
