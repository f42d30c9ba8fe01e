"""Build benchmark: a synthetic corpus in all 17 languages, built like the real site.

Usage: .venv/bin/python bench/build.py [--sheets 100] [--stories 300]
           [--programme-copies N] [--compare-speedups] [--repeat N] [--profile FILE]
           [--no-plain] [--site-url URL] [--keep]

Writes a synthetic corpus (bench/_corpus.py) into a temporary folder, checks
it, builds it with the project's mkdocs.yml (inherited, reading the content
from the temporary folder), then builds the same Markdown pages as 17 plain
single-language mkdocs builds (Material, no hooks, no i18n plugin) and prints
the figures and their ratio. Prints figures; asserts nothing.

--programme-copies N  also writes every programme page N more times in each
                      language folder (to measure mkdocs-static-i18n, whose
                      cost grows with the pages of docs/)
--compare-speedups    also builds without hooks/build_speed_hook.py (before/after)
--repeat N            builds ours and the plain ones N times, in turn, and prints
                      the ratios of the best times and of the medians
--site-url URL        builds ours like a deploy (a QR code on every page)
--profile FILE        builds once more under cProfile into FILE and prints the
                      functions that took the most time
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _corpus import build_config, scaled_docs, write_corpus

from returnsite import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user and system time, of the process and the children it waited for
    peak_mb: float
    returncode: int
    output: str


def run(command: list[str]) -> Run:
    """Run a command; its wall time and peak memory (largest resident set of the
    process or of a child it waited for, e.g. Pagefind)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, output)


def mkdocs_build(config: Path, site: Path, *, profile: Path | None = None) -> Run:
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    return run(
        [sys.executable, *profiler, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
        + ["-d", str(site)]
    )


def site_figures(site: Path) -> tuple[int, int]:
    """Pages (HTML files but Pagefind's and the root 404) and total bytes of the site."""
    pages = sum(
        1
        for path in site.rglob("*.html")
        if "pagefind" not in path.parts and path.name != "404.html"
    )
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return pages, size


def validation_times(content_root: Path) -> tuple[float, float, int]:
    """``returnsite validate --root`` wall time (what an editor waits), and the
    time of ``check_content`` alone (imports done), with its error count."""
    command = run([sys.executable, "-m", "returnsite.cli", "validate", "--root", str(content_root)])
    if command.returncode != 0:
        print(command.output[-3000:])
        raise SystemExit("the synthetic corpus does not validate; fix bench/_corpus.py")
    from returnsite.content import check_content
    from returnsite.content.loader import forget_checked

    check_content(content_root)  # warm the caches (country names, schemas)
    forget_checked()  # but read and check every file again
    start = time.perf_counter()
    _, errors = check_content(content_root)
    return command.seconds, time.perf_counter() - start, len(errors)


PLAIN_SCRIPT = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
for config_file in sys.argv[1:]:
    build(load_config(config_file))
"""


def plain_builds(folder: Path, configs: list[Path]) -> tuple[Run, float, int]:
    """17 plain single-language mkdocs builds (``configs``, see :func:`_plain_sources`):
    in one process (the strict baseline: no start-up costs), and the wall time
    of 17 separate `mkdocs build` commands; and the pages they made."""
    result = run([sys.executable, "-c", PLAIN_SCRIPT, *map(str, configs)])
    if result.returncode != 0:
        print(result.output[-3000:])
        raise SystemExit("a plain build failed")
    commands = 0.0
    for path in configs:
        one = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(path)])
        commands += one.seconds
    pages = sum(site_figures(folder / f"site-{path.parent.name}")[0] for path in configs)
    return result, commands, pages


def _our_build(config: Path, site: Path, label: str) -> Run:
    result = mkdocs_build(config, site)
    if result.returncode != 0:
        print(result.output[-5000:])
        raise SystemExit(f"the build {label} failed")
    pages, size = site_figures(site)
    print(
        f"Build {label}: {result.seconds:.1f} s wall ({result.cpu_seconds:.1f} s processor "
        f"time, Pagefind and the second process included), {pages} pages, "
        f"{1000 * result.seconds / pages:.1f} ms per page, site {size / 1e6:.1f} MB, "
        f"peak memory {result.peak_mb:.0f} MB"
    )
    return result


def _print_ratios(ours: list[float], plain: list[float], commands: list[float]) -> None:
    """The ratio of our build to the plain builds; with several rounds, of the best
    times and of the medians (the machine is shared: single runs vary by 10-20 %)."""
    if len(ours) == 1:
        print(
            f"Ratio, our build / plain builds: {ours[0] / plain[0]:.2f} "
            f"(one process), {ours[0] / commands[0]:.2f} (17 commands)"
        )
        return
    for name, pick in (("best", min), ("median", statistics.median)):
        print(
            f"{name.capitalize()} of {len(ours)}: our build {pick(ours):.1f} s, plain builds "
            f"{pick(plain):.1f} s in one process, {pick(commands):.1f} s as 17 commands; "
            f"ratio {pick(ours) / pick(plain):.2f} (one process), "
            f"{pick(ours) / pick(commands):.2f} (17 commands)"
        )


def _plain_sources(folder: Path, config: Path) -> list[Path]:
    """One docs folder and mkdocs.yml per language: the Markdown of every page of
    that language as our build saw it (hand-written pages with their English
    fallback, and the generated pages), for Material without our overrides."""
    import yaml
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from returnsite import validation
    from returnsite.contact_pages import contact_files
    from returnsite.content import load_content
    from returnsite.content_build import language_pages
    from returnsite.desks import load_contact_data
    from returnsite.i18n import translations
    from returnsite.languages import load_languages
    from returnsite.render_sheets import SheetOptions
    from returnsite.search import search_page

    project = load_config(str(config))
    content = load_content(Path(project.extra["content_root"]))
    docs = Path(project.docs_dir)
    default = next(lang for lang in load_languages() if lang.default)
    written = {f.src_uri for f in get_files(project) if f.src_uri.endswith(".md")}
    # Material's UI strings for the languages it lacks (data, not code).
    theme_dir = folder / "plain-theme"
    shutil.copytree(
        ROOT / "overrides" / "partials" / "languages", theme_dir / "partials" / "languages"
    )
    configs = []
    for lang in load_languages():
        source = folder / f"plain-{lang.code}"
        pages: dict[str, str] = {}
        for uri in sorted(written):
            code, _, path = uri.partition("/")
            fallback = code == default.code and f"{lang.code}/{path}" not in written
            if code == lang.code or fallback:
                pages[path] = (docs / uri).read_text(encoding="utf-8")
        options = SheetOptions(validation.today(), 12, "contact.md")
        generated = language_pages(content, lang.code, translations(lang.code), options)
        generated += [
            item
            for item in contact_files(load_contact_data(), lang.code)
            if item[0].endswith(".md")
        ]
        generated.append(("search.md", search_page(translations(lang.code))))
        pages.update(generated)
        for path, text in pages.items():
            target = source / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = [line for line in text.splitlines() if not line.startswith("template:")]
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        plain = {
            "site_name": project.site_name,
            "docs_dir": str(source / "docs"),
            "site_dir": str(folder / f"site-plain-{lang.code}"),
            "use_directory_urls": True,
            "theme": {
                "name": "material",
                "custom_dir": str(theme_dir),
                "language": lang.material,
                "font": False,
            },
            "plugins": [],
            "markdown_extensions": ["admonition", "attr_list", "md_in_html", "toc"],
            "nav": project.nav,
        }
        path = source / "mkdocs.yml"
        path.write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    return configs


def print_profile(profile: Path, count: int = 25) -> None:
    stats = pstats.Stats(str(profile))
    total = stats.total_tt
    print(f"\nProfile ({profile}), {total:.1f} s in all; most time, callees included:")
    stats.sort_stats("cumulative")
    rows = []
    for (file, line, name), (_, calls, _, cumulative, _) in stats.stats.items():
        rows.append((cumulative, calls, f"{Path(file).name}:{line}({name})"))
    interesting = [
        row
        for row in sorted(rows, reverse=True)
        if not any(skip in row[2] for skip in ("<built-in", "click", "runpy", "core.py:"))
    ]
    for cumulative, calls, where in interesting[:count]:
        print(f"  {cumulative:7.2f} s {100 * cumulative / total:5.1f} % {calls:>9} calls  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=100)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--programme-copies", type=int, default=0)
    parser.add_argument("--compare-speedups", action="store_true")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--no-plain", action="store_true", help="skip the plain builds")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build N times, ours and the plain ones in turn"
    )
    parser.add_argument(
        "--site-url",
        help="build ours like a deploy: SITE_URL set, so every page prints its address "
        "and a QR code",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if args.site_url:
        ENV["SITE_URL"] = args.site_url

    folder = Path(tempfile.mkdtemp(prefix="bench-build-"))
    content_root = folder / "content"
    start = time.perf_counter()
    corpus = write_corpus(content_root, args.sheets, args.stories)
    written = time.perf_counter() - start
    docs = scaled_docs(folder / "docs", args.programme_copies) if args.programme_copies else None
    print(
        f"Corpus: {corpus.sheets} sheets, {corpus.stories} stories, {corpus.languages} languages, "
        f"{corpus.files} files, {corpus.bytes / 1e6:.1f} MB (written in {written:.1f} s)"
    )
    print(f"Folder: {folder}")
    if docs:
        count = len(list(docs.glob("*/*.md")))
        print(f"Programme pages: {count} Markdown files (every page {args.programme_copies + 1}x)")

    command_time, check_time, _ = validation_times(content_root)
    print(
        f"Content validation: check_content {check_time:.2f} s; "
        f"'returnsite validate' command {command_time:.2f} s (Python start and imports included)"
    )

    config = build_config(folder, content_root, docs, speedups=True)
    site = folder / "site-with-speedups"
    if args.compare_speedups:
        before = _our_build(
            build_config(folder, content_root, docs, False), site, "without speedups"
        )
    ours, plain, commands = [], [], []
    configs = None
    for round_ in range(1, args.repeat + 1):
        ours.append(
            _our_build(config, site, "with speedups" + (f", {round_}" if args.repeat > 1 else ""))
        )
        if args.no_plain:
            continue
        configs = configs or _plain_sources(folder, config)
        one, separate, pages = plain_builds(folder, configs)
        plain.append(one)
        commands.append(separate)
        print(
            f"17 plain single-language mkdocs builds (Material, no hooks, no i18n), one process: "
            f"{one.seconds:.1f} s ({one.cpu_seconds:.1f} s processor time), "
            f"{pages} pages, peak memory {one.peak_mb:.0f} MB; "
            f"as 17 separate commands: {separate:.1f} s"
        )
    if args.compare_speedups:
        print(
            f"Speedups: {before.seconds:.1f} s -> {ours[0].seconds:.1f} s "
            f"({before.seconds / ours[0].seconds:.2f}x)"
        )
    if plain:
        _print_ratios([r.seconds for r in ours], [r.seconds for r in plain], commands)

    if args.profile:
        profiled = mkdocs_build(config, folder / "site-profiled", profile=args.profile)
        if profiled.returncode != 0:
            print(profiled.output[-3000:])
        print_profile(args.profile)

    if args.keep:
        print(f"Kept {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
