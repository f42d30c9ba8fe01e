"""PDF files printed from self-contained HTML by headless Chromium.

Chromium lays out every script the site needs (Arabic and Pashto joined and
right to left, Ethiopic, Chinese) with the fonts installed on the machine and
embeds the glyphs it uses in the PDF. It is the browser the tests already use
(Debian's ``chromium``; ``CHROME_PATH`` chooses another), run straight from
the command line: the build needs no Python package for it. PDFs are kept in
a cache keyed by their HTML, so a build only prints what changed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Bump to print everything again (e.g. after changing the command line).
CACHE_VERSION = "1"
# Headless Chromium that never reaches the network on its own (the build, the
# tests and the benchmarks all start it with these).
HEADLESS_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_ARGS = [*HEADLESS_ARGS, "--no-pdf-header-footer"]
# fontconfig's name of a language when it is not the site's code.
_FONTCONFIG_LANGUAGES = {"zh": "zh-cn"}
_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", re.S)


class PdfError(Exception):
    """Chromium was found but could not print."""


def find_chromium(environ: Mapping[str, str] = os.environ) -> str | None:
    """``CHROME_PATH`` if set, else ``chromium`` on the PATH, else None."""
    return environ.get("CHROME_PATH") or shutil.which("chromium")


def languages_without_font(codes: Iterable[str]) -> list[str] | None:
    """The languages for which fontconfig knows no font (their PDFs would show empty boxes).

    None when fontconfig's ``fc-list`` is not there to ask.
    """
    if shutil.which("fc-list") is None:
        return None
    missing = []
    for code in codes:
        found = subprocess.run(
            ["fc-list", f":lang={_FONTCONFIG_LANGUAGES.get(code, code)}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
        if not found.stdout.strip():
            missing.append(code)
    return missing


def page_count(pdf: bytes) -> int:
    """Number of pages of a PDF written by Chromium (its page tree is not compressed)."""
    counts = [int(count) for count in _PAGES.findall(pdf)]
    if not counts:
        raise PdfError("no page tree found: not a PDF written by Chromium?")
    return max(counts)


def print_pdf(html: str, target: Path, chromium: str, timeout: float = 120) -> None:
    """Print *html* (styles inside, no file of its own) to the PDF file *target*."""
    with tempfile.TemporaryDirectory(prefix="returnsite-pdf-") as work:
        source = Path(work) / "page.html"
        source.write_text(html, encoding="utf-8")
        result = subprocess.run(
            [
                chromium,
                *CHROMIUM_ARGS,
                f"--user-data-dir={work}/profile",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        detail = result.stderr.strip().splitlines()[-1:] or [f"exit code {result.returncode}"]
        raise PdfError(f"{chromium} could not print {target.name}: {detail[0]}")


def print_pdfs(
    htmls: Mapping[str, str], cache_dir: Path, chromium: str, workers: int = 4
) -> dict[str, Path]:
    """Print every ``name: html`` (a few at a time); the PDF of each, from the cache if there."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    targets = {name: cache_dir / f"{cache_key(html)}.pdf" for name, html in htmls.items()}
    missing = [name for name, target in targets.items() if not target.is_file()]

    def one(name: str) -> None:
        partial = targets[name].with_suffix(f".{os.getpid()}.part")
        print_pdf(htmls[name], partial, chromium)
        partial.replace(targets[name])  # never a half-written PDF in the cache

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, missing))
    return targets


def cache_key(html: str) -> str:
    return hashlib.sha256(f"{CACHE_VERSION}\n{html}".encode()).hexdigest()[:32]
