"""Brochures: a two-page A4 leaflet per language (page and PDF) and the page that lists them."""

from __future__ import annotations

import posixpath
import re

import pytest
from babel.support import NullTranslations
from catalogs import Marked
from pdfs import fonts, is_a4, pages, text, to_png

from returnsite import ROOT, brochures
from returnsite.brochures import PAGES, Leaflet, PdfFile, Texts, leaflet, list_page, pdf_path
from returnsite.desks import load_contact_data
from returnsite.i18n import draft_messages, translations
from returnsite.languages import codes, language
from returnsite.notices import DRAFT
from returnsite.pdf import PdfError, find_chromium, page_count, print_pdf

PHONE = "0800 327 45"
# No hyphen: pdftotext joins an address broken at a hyphen without it.
SITE_URL = "https://voluntaryreturn.example/"
RESULTS = ROOT / "test-results" / "brochures"


# --- Pseudo-translations: every text in another script, as long as a real one ----------

ALPHABETS = {
    "fr": "abcdeéèfghijklmnopqrstuvwxyzàçô",  # the longest Latin texts (French, Spanish)
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "ps": "ټډړښږګڼۍېابپتثجچحخدذرزسشصضطظعغفقکلمنهوی",
    "am": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
    "zh": "回国家支持帮助免费电话自愿返回重新开始生活工作住房医疗",
}
# Length of a translation against the English text, a little above what translators write.
RATIOS = {"fr": 1.3, "ar": 1.1, "ps": 1.1, "am": 0.85, "zh": 0.4}
PLACEHOLDER = re.compile(r"(%\(\w+\)[sd])")


def pseudo(message: str, code: str) -> str:
    letters = ALPHABETS[code]

    def word(match: re.Match[str]) -> str:
        chars = "".join(letters[(ord(c) * 7 + i) % len(letters)] for i, c in enumerate(match[0]))
        return (chars * 3)[: max(1, round(len(chars) * RATIOS[code]))]

    parts = PLACEHOLDER.split(message)
    return "".join(p if PLACEHOLDER.fullmatch(p) else re.sub(r"[^\W\d_]+", word, p) for p in parts)


class Pseudo(NullTranslations):
    """A complete catalog in the script of *code*."""

    def __init__(self, code: str, messages: set[str]):
        super().__init__()
        self._catalog = {message: pseudo(message, code) for message in messages}

    def gettext(self, message):
        return self._catalog.get(message, message)


def leaflet_messages() -> set[str]:
    texts = Texts("fr", NullTranslations())
    english = language("en")
    brochures._leaflet_html(english, english, texts, load_contact_data(), SITE_URL, True, None)
    return texts.missing


@pytest.fixture(scope="module")
def contact():
    return load_contact_data()


# --- Leaflets ---------------------------------------------------------------------


def test_an_untranslated_leaflet_is_english_with_a_notice_in_the_readers_language(contact):
    made = leaflet("ar", NullTranslations(), contact, SITE_URL, True)
    assert made.text_language == "en"
    assert '<html lang="en" dir="ltr">' in made.html
    assert '<p class="notice" lang="ar" dir="rtl">This page is not translated' in made.html
    assert 'href="../voluntary-return-ar.pdf"' in made.html


def test_a_translated_leaflet_is_in_its_language_and_direction(contact):
    made = leaflet("ps", Pseudo("ps", leaflet_messages()), contact, SITE_URL, True)
    assert made.text_language == "ps"
    assert '<html lang="ps" dir="rtl">' in made.html
    assert 'class="notice"' not in made.html


DRAFT_NOTICE = (
    '<p class="draft-notice" role="note">{notice} '
    '<a class="ltr" href="tel:+3280032745">0800 327 45</a></p>'
)


def test_a_leaflet_with_a_draft_text_prints_the_draft_notice_of_its_language(contact):
    catalog = Pseudo("ps", leaflet_messages() | {DRAFT})
    drafts = frozenset({"Free phone line"})  # one text of the leaflet is a draft
    made = leaflet("ps", catalog, contact, SITE_URL, True, drafts)
    assert (made.text_language, made.checked) == ("ps", False)
    assert DRAFT_NOTICE.format(notice=pseudo(DRAFT, "ps")) in made.html
    # On the front page, under the title: printed too (only .notice is screen-only).
    front = made.html.split('<section class="sheet sheet--front sheet--draft">', 1)[1].split(
        "</section>"
    )[0]
    assert 'class="draft-notice"' in front.split('<div class="phone-box">')[0]


def test_a_leaflet_whose_texts_are_all_checked_has_no_draft_notice(contact):
    drafts = frozenset({"A text that is not on the leaflet"})
    made = leaflet("ps", Pseudo("ps", leaflet_messages()), contact, SITE_URL, True, drafts)
    assert made.checked
    assert 'class="draft-notice"' not in made.html


def test_an_english_leaflet_is_checked_whatever_the_drafts(contact):
    drafts = frozenset(leaflet_messages())
    assert leaflet("en", NullTranslations(), contact, SITE_URL, True, drafts).checked
    fallback = leaflet("ar", NullTranslations(), contact, SITE_URL, True, drafts)
    assert (fallback.text_language, fallback.checked) == ("en", True)
    assert 'class="draft-notice"' not in fallback.html


def test_the_draft_leaflets_of_the_shipped_catalogs():
    """The leaflets in languages whose catalogs are drafts are not checked; fr and nl are."""
    contact = load_contact_data()
    states = {
        code: leaflet(code, translations(code), contact, SITE_URL, False, draft_messages(code))
        for code in codes()
    }
    assert {code for code, made in states.items() if not made.checked} == set(codes()) - {
        "en",
        "fr",
        "nl",
    }
    notice = translations("ti").gettext(DRAFT)
    assert notice != DRAFT
    assert DRAFT_NOTICE.format(notice=notice) in states["ti"].html


def test_leaflet_has_the_number_the_desks_and_the_sites_address_with_its_qr_code(contact):
    made = leaflet("fr", Pseudo("fr", leaflet_messages()), contact, SITE_URL, True).html
    assert f'<a class="phone-box__number ltr" href="tel:+3280032745">{PHONE}</a>' in made
    for city in ["Bruxelles", "Gand", "Anvers", "Liège", "Charleroi"]:
        assert f"<li>{city}</li>" in made
    assert f'<span class="web__address ltr">{SITE_URL}fr/</span>' in made
    label = pseudo("QR code: opens %(address)s", "fr") % {"address": SITE_URL + "fr/"}
    assert f'<svg role="img" aria-label="{label}"' in made


def test_without_site_url_the_leaflet_has_no_address_and_no_qr_code(contact):
    made = leaflet("en", NullTranslations(), contact, None, False).html
    assert "<svg" not in made and 'class="web' not in made
    assert ".pdf" not in made  # no PDF made: no link to one


# --- The list of brochures ---------------------------------------------------------------


def _made(english: bool = False) -> dict[str, Leaflet]:
    return {code: Leaflet(code, "en" if english else code, "") for code in codes()}


PDFS = {code: PdfFile(code, 153_600, PAGES) for code in codes()}


@pytest.mark.parametrize(
    ("code", "link_to_arabic"),
    [
        pytest.param("en", "../ar/brochures/voluntary-return-ar.pdf", id="from-root"),
        pytest.param("fr", "../../ar/brochures/voluntary-return-ar.pdf", id="from-language"),
        pytest.param("ar", "voluntary-return-ar.pdf", id="same-language"),
    ],
)
def test_list_links_every_languages_pdf(code, link_to_arabic):
    page = list_page(code, NullTranslations(), _made(), PDFS)
    assert page.count('type="application/pdf"') == len(codes())
    assert (
        f'<a href="{link_to_arabic}" type="application/pdf">PDF file</a> · 150 KB · 2 pages' in page
    )
    leaflet_link = posixpath.relpath("ar/brochures/leaflet", f"{language(code).prefix}brochures")
    assert (
        f'<a href="{leaflet_link}/" hreflang="ar"><span lang="ar" dir="rtl">العربية</span>' in page
    )


def test_list_says_which_leaflets_are_still_english():
    page = list_page("en", NullTranslations(), _made(english=True), PDFS)
    assert page.count("In English until it is translated") == len(codes()) - 1  # not English's


def test_list_says_for_each_language_whether_its_leaflet_is_checked():
    made = _made()
    made["ar"] = Leaflet("ar", "ar", "", checked=False)
    page = list_page("en", NullTranslations(), made, PDFS)
    items = {
        code: item
        for code, item in re.findall(r'<li><a href="[^"]*" hreflang="(\w+)">(.*?)</li>', page, re.S)
    }
    assert "Draft translation: not yet checked by a translator" in items["ar"]
    assert "Translation checked by a translator" in items["fr"]
    assert "checked" not in items["en"]  # the source text
    assert page.count("Draft translation: not yet checked") == 1


def test_a_list_whose_texts_are_drafts_carries_the_draft_notice():
    catalog = Marked()
    drafts = frozenset({"Brochures to print"})
    page = list_page("fr", catalog, _made(), PDFS, drafts)
    assert page.startswith('---\ntitle: "«xx» Brochures to print"\ntranslation: "draft"\n---')
    assert "translation:" not in list_page("fr", catalog, _made(), PDFS)


def test_list_without_pdfs_says_to_print_the_pages():
    page = list_page("nl", NullTranslations(), _made(), {})
    assert "The PDF files are not part of this version of the site" in page
    assert ".pdf" not in page
    assert 'text_language: "en"' in page  # its texts are not translated yet


def test_list_names_languages_and_sizes_the_readers_way():
    big = {code: PdfFile(code, 1_250_000, 3) for code in codes()}
    page = list_page("fr", Marked(), _made(), big)
    assert "text_language" not in page
    assert '<span lang="ar" dir="rtl">العربية</span> (Arabe)</a>' in page
    assert '<span lang="fr" dir="ltr">Français</span></a>' in page  # no "(Français)"
    assert "«xx» PDF file</a> · «xx» 1\u202f221 KB · 3 pages" in page


def test_untranslated_list_is_english_names_included():
    page = list_page("fr", NullTranslations(), _made(), PDFS)
    assert '---\ntitle: "Brochures to print"\ntext_language: "en"\n---' in page
    assert '<span lang="ar" dir="rtl">العربية</span> (Arabic)</a>' in page


# --- PDF tools -----------------------------------------------------------------------


def test_find_chromium_prefers_chrome_path():
    assert find_chromium({"CHROME_PATH": "/opt/chrome"}) == "/opt/chrome"


def test_page_count_of_a_pdf_without_a_page_tree_is_an_error():
    with pytest.raises(PdfError, match="no page tree found: not a PDF written by Chromium"):
        page_count(b"%PDF-1.4 nothing")


# --- The PDFs of the built site -----------------------------------------------------------


@pytest.mark.parametrize("code", codes())
def test_every_language_has_its_two_page_a4_pdf_with_the_number(site, code):
    pdf = site / pdf_path(code)
    assert pdf.is_file(), f"{pdf_path(code)} is missing"
    assert pages(pdf) == PAGES == page_count(pdf.read_bytes())
    assert is_a4(pdf)
    assert PHONE in text(pdf)
    assert all(embedded for _, embedded in fonts(pdf)), fonts(pdf)
    assert len(to_png(pdf, RESULTS / f"site-{code}")) == PAGES  # to look at


@pytest.mark.parametrize("code", codes())
def test_every_language_lists_the_brochures_and_its_links_work(site, code):
    listing = site / language(code).prefix / "brochures" / "index.html"
    html = listing.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+\.pdf)" type="application/pdf">', html)
    assert len(links) == len(codes())
    for link in links + re.findall(r'<a href="([^"]+/leaflet/)" hreflang=', html):
        assert (listing.parent / link).resolve().exists(), link


# --- Every script fits on two pages, with its fonts -----------------------------------------


@pytest.mark.parametrize(
    ("code", "font"),
    [
        pytest.param("fr", "NotoSans", id="long-latin"),
        pytest.param("ar", "Arabic", id="arabic"),
        pytest.param("ps", "Arabic", id="pashto"),
        pytest.param("am", "Ethiopic", id="ethiopic"),
        pytest.param("zh", "WenQuanYi", id="chinese"),
    ],
)
def test_translated_leaflet_fits_two_pages_with_its_script_embedded(contact, tmp_path, code, font):
    chromium = find_chromium()
    assert chromium, "the tests need Chromium (./run test installs it)"
    # With the draft notice (the longest the front page gets).
    messages = leaflet_messages() | {DRAFT}
    made = leaflet(code, Pseudo(code, messages), contact, SITE_URL, True, frozenset(messages))
    assert (made.text_language, made.checked) == (code, False)
    pdf = tmp_path / f"{code}.pdf"
    print_pdf(made.html, pdf, chromium)
    assert pages(pdf) == PAGES
    assert any(font in name and embedded for name, embedded in fonts(pdf)), fonts(pdf)
    assert PHONE in text(pdf)
    to_png(pdf, RESULTS / f"pseudo-{code}")


def test_leaflet_template_has_no_text_outside_the_catalogs():
    """Every visible English text of the leaflet goes through _() (so it gets translated)."""
    template = (ROOT / "overrides" / "brochure.html").read_text(encoding="utf-8")
    body = template.split("<body>", 1)[1]
    body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|&\w+;", " ", body, flags=re.S)
    body = body.replace(
        "Fedasil, « Le programme de retour volontaire », « Aide à la réintégration »", ""
    )
    assert re.findall(r"[A-Za-z]{3,}", body) == []
