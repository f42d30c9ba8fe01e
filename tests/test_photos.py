from pathlib import Path

import images
import pytest

from returnsite.content.photos import image_problem, read_image_info

HINT = "save it again from a photo program as JPEG, at most 1600 pixels wide"


@pytest.mark.parametrize(
    "data,expected",
    [
        (images.jpeg(1200, 800), ("JPEG", 1200, 800)),
        (images.png(640, 480), ("PNG", 640, 480)),
        (images.webp_lossless(300, 400), ("WebP", 300, 400)),
        (b"<html><script>alert(1)</script>", None),
        (b"%PDF-1.7\n", None),
    ],
    ids=["jpeg", "png", "webp", "html", "pdf"],
)
def test_reads_format_and_size_from_the_bytes(data, expected):
    info = read_image_info(data)
    assert (info and (info.format, info.width, info.height)) == expected


@pytest.mark.parametrize(
    "name,data,expected",
    [
        ("a.jpg", images.jpeg(1200, 800), None),
        ("a.webp", images.webp_lossless(400, 300), None),
        (
            "a.jpg",
            b"<svg onload=alert(1)>",
            f"is not a JPEG, PNG or WebP image (its content is something else); {HINT}",
        ),
        (
            "a.jpg",
            images.png(800, 600),
            "is a PNG image with a .jpg name; rename it to end in .png",
        ),
        (
            "a.png",
            images.png(120, 90),
            f"is 120x90 pixels; a photo needs 200 to 4000 pixels on each side; {HINT}",
        ),
        (
            "a.jpg",
            images.jpeg(9000, 800),
            f"is 9000x800 pixels; a photo needs 200 to 4000 pixels on each side; {HINT}",
        ),
        (
            "a.jpg",
            images.jpeg(800, 600) + b"\0" * 600_000,
            "is 600 KB, too heavy for readers on slow, paid data (at most 500 KB); " + HINT,
        ),
    ],
    ids=[
        "good-jpeg",
        "good-webp",
        "not-an-image",
        "wrong-suffix",
        "too-small",
        "too-large",
        "too-heavy",
    ],
)
def test_image_problem(tmp_path: Path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    assert image_problem(path) == expected
