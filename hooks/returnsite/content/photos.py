"""Story photos: a real JPEG, PNG or WebP image of a size that suits a page read
on a phone on slow data. The format is read from the file's first bytes, not
from its name, so a renamed document or page is never published as a photo.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 500_000  # a photo on a 3G page: about 2 s at 2 Mbit/s
MIN_SIDE, MAX_SIDE = 200, 4000  # pixels
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WebP"}
_HINT = "save it again from a photo program as JPEG, at most 1600 pixels wide"


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


def image_problem(path: Path) -> str | None:
    """What is wrong with the photo file at ``path`` for a page, or None."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f"is {size // 1000} KB, too heavy for readers on slow, paid data "
            f"(at most {MAX_BYTES // 1000} KB); {_HINT}"
        )
    with path.open("rb") as file:
        head = file.read(64 * 1024)
    info = read_image_info(head)
    if info is None:
        return f"is not a JPEG, PNG or WebP image (its content is something else); {_HINT}"
    expected = FORMATS.get(path.suffix.lower())
    if expected != info.format:
        suffix = {"JPEG": ".jpg", "PNG": ".png", "WebP": ".webp"}[info.format]
        return f"is a {info.format} image with a {path.suffix} name; rename it to end in {suffix}"
    small, large = min(info.width, info.height), max(info.width, info.height)
    if small < MIN_SIDE or large > MAX_SIDE:
        return (
            f"is {info.width}x{info.height} pixels; a photo needs {MIN_SIDE} to {MAX_SIDE} "
            f"pixels on each side; {_HINT}"
        )
    return None


def read_image_info(head: bytes) -> ImageInfo | None:
    """Format and size from the first bytes of a file, or None if it is no image we publish."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return ImageInfo("PNG", width, height)
    if head.startswith(b"\xff\xd8\xff"):
        return _jpeg(head)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    return None


def _jpeg(head: bytes) -> ImageInfo | None:
    # Walk the segments to the first "start of frame", which holds the size.
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = struct.unpack(">H", head[at + 2 : at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return ImageInfo("JPEG", width, height)
        at += 2 + length
    return None


def _webp(head: bytes) -> ImageInfo | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return ImageInfo("WebP", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return ImageInfo("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return ImageInfo("WebP", width, height)
    return None
