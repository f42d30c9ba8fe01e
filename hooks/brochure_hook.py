"""Brochures: the leaflet in every language (page and PDF) and the "Brochures to print" page.

All leaflets are rendered and printed once, before the first language is
built (the list in every language gives every PDF's size and page count);
each language build then publishes its own leaflet, its PDF and its list.

PDFs need headless Chromium (``chromium`` on the PATH, or ``CHROME_PATH``)
and a font for each script. ``extra.brochure_pdfs`` in mkdocs.yml: ``auto``
(default: the PDFs that can be made, the build says which cannot),
``required`` (a deploy: a missing browser or font is an error) or ``off``.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from platformdirs import user_cache_dir

from returnsite.brochures import (
    LEAFLET_PAGE,
    LIST_PAGE,
    Leaflet,
    PdfFile,
    leaflet,
    list_page,
    pdf_path,
)
from returnsite.desks import load_contact_data
from returnsite.generated_pages import add_pages
from returnsite.i18n import draft_messages, translations
from returnsite.languages import codes, language
from returnsite.pdf import PdfError, find_chromium, languages_without_font, page_count, print_pdfs
from returnsite.validation import ContentErrors

log = get_plugin_logger("brochures")

CACHE_DIR = Path(user_cache_dir("returnsite")) / "brochures"
CACHE_DAYS = 30
MODES = ("auto", "required", "off")
INSTALL = "apt-get install chromium fonts-noto-core fonts-wqy-microhei"

_leaflets: dict[str, Leaflet] = {}
_pdfs: dict[str, Path] = {}
_pdf_files: dict[str, PdfFile] = {}


def on_config(config):
    if config.plugins["i18n"].building:
        return  # a language build nested in the first one: everything is ready
    mode = _mode(config.extra.get("brochure_pdfs", "auto"))
    chromium = find_chromium() if mode != "off" else None
    if mode == "required" and chromium is None:
        raise PluginError(
            "mkdocs.yml: extra.brochure_pdfs is 'required' but no Chromium was found; "
            f"install it ({INSTALL}) or set CHROME_PATH to the browser"
        )
    try:
        contact = load_contact_data()
    except ContentErrors as error:
        raise PluginError(
            f"{error}\n{len(error.errors)} mistake(s) in the data files; nothing was published"
        ) from None
    _leaflets.clear()
    _pdfs.clear()
    _pdf_files.clear()
    for code in codes():
        _leaflets[code] = leaflet(
            code,
            translations(code),
            contact,
            config.site_url,
            bool(chromium),
            draft_messages(code),
        )
    if chromium is None:
        if mode == "auto":
            log.info(
                "no Chromium found (install chromium or set CHROME_PATH): the leaflets are "
                "published as pages without PDF files"
            )
        return
    printable = _printable(mode)
    try:
        _pdfs.update(print_pdfs({c: _leaflets[c].html for c in printable}, CACHE_DIR, chromium))
    except PdfError as error:
        raise PluginError(f"brochures: {error}") from None
    for code, path in _pdfs.items():
        data = path.read_bytes()
        _pdf_files[code] = PdfFile(code, len(data), page_count(data))
    _forget_old_pdfs(set(_pdfs.values()))


@event_priority(-200)  # after mkdocs-static-i18n, see returnsite.generated_pages
def on_files(files, config):
    code = config.theme["language"]
    listing = list_page(code, translations(code), _leaflets, _pdf_files, draft_messages(code))
    add_pages(files, config, code, [(LIST_PAGE, listing)])
    page = File.generated(config, f"{code}/{LEAFLET_PAGE}", content=_leaflets[code].html)
    page.dest_uri = language(code).prefix + LEAFLET_PAGE
    files.append(page)
    if code in _pdfs:
        pdf = File.generated(config, f"{code}/{pdf_path(code)}", abs_src_path=str(_pdfs[code]))
        pdf.dest_uri = pdf_path(code)
        files.append(pdf)
    return files


def _mode(value: object) -> str:
    if value is False:
        return "off"  # YAML reads a plain `off` (or BROCHURE_PDFS=off) as false
    mode = str(value).strip().lower()
    if mode not in MODES:
        raise PluginError(
            f"mkdocs.yml: extra.brochure_pdfs is {value!r}; write auto, required or off"
        )
    return mode


def _printable(mode: str) -> list[str]:
    """The leaflets whose texts have a font on this machine."""
    scripts = sorted({leaflet.text_language for leaflet in _leaflets.values()})
    missing = languages_without_font(scripts)
    if missing is None:
        log.info("fontconfig (fc-list) not found: the fonts of the PDFs were not checked")
        missing = []
    if missing and mode == "required":
        raise PluginError(
            f"brochures: no font for {', '.join(missing)} on this machine; install them ({INSTALL})"
        )
    if missing:
        log.info(
            "no font for %s (%s): those leaflets are published without PDF files",
            ", ".join(missing),
            INSTALL,
        )
    return [code for code, leaflet in _leaflets.items() if leaflet.text_language not in missing]


def _forget_old_pdfs(used: set[Path]) -> None:
    now = time.time()
    for path in used:
        path.touch()
    for path in CACHE_DIR.glob("*.pdf"):
        if path not in used and now - path.stat().st_mtime > CACHE_DAYS * 86400:
            path.unlink(missing_ok=True)
