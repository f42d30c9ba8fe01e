"""Checks over every page of the built site (parsed HTML, no browser)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from returnsite.i18n import translations
from returnsite.languages import load_languages

LANGS = load_languages()


def _language_of(site, html_file) -> str:
    rel = html_file.relative_to(site).parts
    return rel[0] if rel[0] in {lang.code for lang in LANGS} else "en"


def _pages(site):
    return [p for p in site.rglob("*.html") if p.parts[-2:] != ("pagefind",)]


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
def test_every_language_has_its_home_page(site, lang):
    assert (site / lang.prefix / "index.html").is_file()


def test_lang_and_dir_on_every_page(site):
    by_code = {lang.code: lang for lang in LANGS}
    wrong = []
    for html_file in _pages(site):
        tag = re.search(r"<html\b[^>]*>", html_file.read_text(encoding="utf-8")[:400])
        found = dict(re.findall(r'\b(dir|lang)="([\w-]+)"', tag.group())) if tag else {}
        lang = by_code[_language_of(site, html_file)]
        if found == {"dir": "ltr", "lang": "en"} and _is_english_leaflet(html_file, lang.code):
            continue
        if found != {"dir": lang.dir, "lang": lang.code}:
            wrong.append(f"{html_file.relative_to(site)}: {found}")
    assert not wrong, "\n".join(wrong)


def _is_english_leaflet(html_file, code: str) -> bool:
    """A leaflet not translated yet is an English document, with a notice in the reader's."""
    html = html_file.read_text(encoding="utf-8")
    return html_file.parts[-3:-1] == ("brochures", "leaflet") and (
        f'<p class="notice" lang="{code}"' in html
    )


class _ExternalRefs(HTMLParser):
    """Collects every URL a page would load or link to outside the site."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "srcset", "poster", "data"):
            value = attrs.get(name) or ""
            loads = name != "href" or (tag == "link" and attrs.get("rel") != "alternate")
            if loads and re.match(r"(https?:)?//", value):
                self.loads.append(f"<{tag} {name}={value}>")


def test_no_page_loads_anything_from_another_site(site):
    found = []
    for html_file in _pages(site):
        parser = _ExternalRefs()
        parser.feed(html_file.read_text(encoding="utf-8"))
        found += [f"{html_file.relative_to(site)}: {ref}" for ref in parser.loads]
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
def test_each_language_has_its_own_search_index_of_all_its_pages(site, lang):
    entry = json.loads((site / "pagefind" / lang.code / "pagefind-entry.json").read_text())
    pages = entry["languages"][lang.code]["page_count"]
    assert list(entry["languages"]) == [lang.code]
    # The programme pages, sheets, stories, desks and contact page of the language.
    assert pages >= 8 + 9 + 5, pages
    search = (site / lang.prefix / "search" / "index.html").read_text(encoding="utf-8")
    assert f'pagefind/{lang.code}/pagefind.js"' in search


def test_the_editors_translation_status_page_is_built_but_not_public(site):
    html = (site / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "<h1>Translation status</h1>" in html
    assert html.count('<tr><th scope="row">') == len(LANGS) - 1
    assert "translation-status" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "translation-status" not in (site / "index.html").read_text(encoding="utf-8")
    data = json.loads((site / "translation-status" / "status.json").read_text(encoding="utf-8"))
    assert set(data["languages"]) == {lang.code for lang in LANGS if not lang.default}


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
def test_page_titles_name_the_site_in_the_readers_language(site, lang):
    name = translations(lang.code).gettext("Voluntary return")
    home = (site / lang.prefix / "index.html").read_text(encoding="utf-8")
    faq = (site / lang.prefix / "faq" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{name}</title>" in home
    assert re.search(rf"<title>[^<]+ - {re.escape(name)}</title>", faq)
    if not lang.default:
        assert name != "Voluntary return"  # translated in every shipped catalog
