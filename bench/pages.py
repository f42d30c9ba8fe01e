"""Page budget on a cheap phone (prints a table; asserts nothing).

Usage: .venv/bin/python bench/pages.py [--site DIR] [--no-lighthouse]

For the home page, a country sheet and the estimator in English, Arabic and
Pashto: the bytes a first view transfers (every file the page loads, gzip-
compressed as a static host serves them), the number of requests, and the
Lighthouse mobile scores (performance, accessibility, best practices), from
Lighthouse's own mobile emulation (a mid-range phone on slow 4G, CPU slowed
4x). Targets (issue 7): performance >= 95, accessibility 100, best practices
>= 95, a country sheet's first view <= 150 KB compressed.

Lighthouse is an optional npm package: `npm ci` installs it (./run test does
not). Without it, or with --no-lighthouse, only the bytes are measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from _site import CHROMIUM_ARGS, ROOT, build, gzip_size, local_file, serve
from playwright.sync_api import sync_playwright

PAGES = {"home": "", "country sheet": "countries/iq/", "estimator": "estimator/"}
LANGUAGES = {"en": "", "ar": "ar/", "ps": "ps/"}
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices")
SHEET_BUDGET_KB = 150


def first_view(browser, base: str, site_dir: Path, url: str) -> tuple[int, int, int]:
    """(requests, bytes, compressed bytes) of a first view with an empty cache."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(url, wait_until="networkidle")
    context.close()
    raw = compressed = 0
    for address in fetched:
        file = local_file(site_dir, base, address)
        data = file.read_bytes() if file else b""
        raw += len(data)
        compressed += gzip_size(data) if data else 0
    return len(fetched), raw, compressed


def lighthouse(url: str) -> dict[str, int] | None:
    """Lighthouse's mobile scores (0-100) of *url*, or None if it cannot run."""
    if not LIGHTHOUSE.is_file():
        return None
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        flags = " ".join(CHROMIUM_ARGS) + f" --user-data-dir={work}/profile"
        result = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not report.is_file():
            print(f"  lighthouse failed on {url}: {result.stderr.strip().splitlines()[-1:]}")
            return None
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--no-lighthouse", action="store_true", help="measure bytes only")
    args = parser.parse_args()
    site_dir = args.site or build()
    use_lighthouse = not args.no_lighthouse and LIGHTHOUSE.is_file()
    if not args.no_lighthouse and not use_lighthouse:
        print("(Lighthouse is not installed: run `npm ci` for the scores)")
    print(
        f"{'page':15} {'lang':4} {'requests':>8} {'KB':>7} {'KB gz':>7} "
        f"{'perf':>5} {'a11y':>5} {'best':>5}"
    )
    over_budget = []
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for name, path in PAGES.items():
            for code, prefix in LANGUAGES.items():
                url = base + prefix + path
                requests, raw, compressed = first_view(browser, base, site_dir, url)
                scores = lighthouse(url) if use_lighthouse else None
                cells = [f"{scores[c]:>5}" for c in CATEGORIES] if scores else [f"{'-':>5}"] * 3
                print(
                    f"{name:15} {code:4} {requests:>8} {raw / 1024:>7.1f} "
                    f"{compressed / 1024:>7.1f} " + " ".join(cells)
                )
                if name == "country sheet" and compressed / 1024 > SHEET_BUDGET_KB:
                    over_budget.append(f"{code} {path}")
        browser.close()
    print(
        f"\nBudget: a country sheet's first view <= {SHEET_BUDGET_KB} KB compressed: "
        + ("over on " + ", ".join(over_budget) if over_budget else "met")
    )


if __name__ == "__main__":
    main()
