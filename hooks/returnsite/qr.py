"""QR codes as inline SVG, made at build time with segno: no image file, no request."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import segno


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
