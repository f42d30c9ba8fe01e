"""How long an editor waits for `mkdocs serve` to show an edit (prints; asserts nothing).

Usage: .venv/bin/python bench/serve.py [--sheets 100] [--stories 300] [--rounds 3] [--dirty]
           [--languages fr]

Writes the synthetic corpus of bench/build.py and a copy of docs/ into a
temporary folder, starts `mkdocs serve` on a free loopback port, waits for the
first build, then edits one country sheet's French text, and one French
programme page, and measures the time from the save until the served page
shows the change. It serves like `./run serve` (no search index, no leaflet
PDFs); --languages fr like `./run serve fr` (English and French only).
--dirty serves with `--dirty` (mkdocs rebuilds only the pages whose file
changed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from _corpus import build_config, scaled_docs, write_corpus

from returnsite import ROOT

POLL = 0.1  # seconds between two requests for the page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, check: Callable[[str], bool], timeout: float) -> float:
    """Seconds until the page at ``url`` passes ``check``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        text = fetch(url)
        if text is not None and check(text):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show the change within {timeout:.0f} s")


def edit(path: Path, marker: str) -> None:
    """Put ``marker`` into a sheet's summary, or at the end of a Markdown page."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        assert "\nsummary: " in text, f"no summary in {path}"
        text = text.replace("\nsummary: ", f"\nsummary: {marker} ", 1)
    else:
        text += f"\n\n{marker}\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=100)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dirty", action="store_true")
    parser.add_argument("--languages", default="", help="e.g. fr: preview these only")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    content = folder / "content"
    corpus = write_corpus(content, args.sheets, args.stories)
    docs = scaled_docs(folder / "docs", 0)
    config = build_config(folder, content, docs, speedups=True)
    country = sorted(path.name for path in (content / "country_sheets").iterdir())[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(config),
        "-a",
        f"127.0.0.1:{port}",
    ]
    if args.dirty:
        command.append("--dirty")
    log = (folder / "serve.log").open("w")
    print(
        f"Corpus: {corpus.sheets} sheets, {corpus.stories} stories, {corpus.languages} languages; "
        f"serving on {base}{' (--dirty)' if args.dirty else ''}"
        f"{', languages: en,' + args.languages if args.languages else ', all languages'}"
    )
    start = time.perf_counter()
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            # What `./run serve` sets.
            "SEARCH_INDEX": "false",
            "BROCHURE_PDFS": "off",
            "PREVIEW_LANGUAGES": args.languages,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        sheet_url = f"{base}fr/countries/{country}/"
        wait_for(sheet_url, lambda text: True, args.timeout)
        print(f"First build and serve: {time.perf_counter() - start:.1f} s")
        cases = [
            ("country sheet", content / "country_sheets" / country / "fr.yml", sheet_url),
            ("programme page", docs / "fr" / "faq.md", f"{base}fr/faq/"),
        ]
        for label, path, url in cases:
            times = []
            for n in range(args.rounds):
                marker = f"BENCHEDIT{n}{label.replace(' ', '')}"
                time.sleep(1.5)  # let the watcher settle after the previous rebuild
                edit(path, marker)
                times.append(wait_for(url, lambda text, m=marker: m in text, args.timeout))
            print(
                f"Edit of one {label} ({path.relative_to(folder)}): shown after "
                + ", ".join(f"{t:.1f}" for t in times)
                + f" s (median {statistics.median(times):.1f} s)"
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
