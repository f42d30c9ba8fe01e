"""Reading PDFs back in tests, with poppler's command-line tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def text(pdf: Path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def flat_text(pdf: Path) -> str:
    """The text without any white space: addresses broken over two lines are whole again."""
    return re.sub(r"\s+", "", text(pdf))


def info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(pdf)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pages(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


def is_a4(pdf: Path) -> bool:
    width, _, height = info(pdf)["Page size"].partition(" x ")
    return round(float(width)) == 595 and round(float(height.split()[0])) == 842


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) of every font the PDF uses."""
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    found = []
    for row in rows:
        match = re.match(r"(\S+)\s+.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row)
        if match:
            found.append((match.group(1), match.group(2) == "yes"))
    return found


def to_png(pdf: Path, prefix: Path, resolution: int = 50) -> list[Path]:
    """Every page as a PNG file ``<prefix>-<n>.png``, to look at."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    _run("pdftoppm", "-r", str(resolution), "-png", str(pdf), str(prefix))
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))
