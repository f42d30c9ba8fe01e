"""How many bytes a search downloads, per language (prints a table; asserts nothing).

Usage: .venv/bin/python bench/search.py [--site DIR]
Opens each language's search page in headless Chromium, types a query, and
adds up what the page fetched: the page itself, then Pagefind's code and the
pieces of this language's index that the query needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _site import CHROMIUM_ARGS, build, gzip_size, local_file, serve
from playwright.sync_api import sync_playwright

QUERIES = {
    "en": "reintegration",
    "fr": "réintégration",
    "nl": "terugkeer",
    "ru": "возвращение",
    "ar": "العودة",
    "fa": "بازگشت",
    "ps": "ستنېدنه",
    "zh": "回国",
    "am": "መመለስ",
    "ti": "ምምላስ",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()
    site_dir = args.site or build()
    print(
        f"{'lang':5} {'query':16} {'results':>7} {'requests':>8} {'page KB':>8} "
        f"{'search KB':>9} {'search KB gz':>12}"
    )
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for code, query in QUERIES.items():
            page = browser.new_page()
            fetched: list[str] = []
            page.on("requestfinished", lambda r, fetched=fetched: fetched.append(r.url))
            prefix = "" if code == "en" else f"{code}/"
            page.goto(f"{base}{prefix}search/", wait_until="networkidle")
            before = len(fetched)
            page.get_by_role("searchbox").fill(query)
            page.wait_for_timeout(1500)
            page.wait_for_load_state("networkidle")
            results = page.locator(".site-search__results li").count()
            sizes = []
            for url in fetched:
                file = local_file(site_dir, base, url)
                data = file.read_bytes() if file else b""
                sizes.append((len(data), gzip_size(data) if data else 0))
            page_kb = sum(raw for raw, _ in sizes[:before]) / 1024
            search_raw = sum(raw for raw, _ in sizes[before:]) / 1024
            search_gz = sum(gz for _, gz in sizes[before:]) / 1024
            print(
                f"{code:5} {query:16} {results:>7} {len(fetched) - before:>8} {page_kb:>8.1f} "
                f"{search_raw:>9.1f} {search_gz:>12.1f}"
            )
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
