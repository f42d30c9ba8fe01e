"""The contact page and the desk pages: their Markdown, then the built site."""

from __future__ import annotations

import re

import pytest
import vobject
from babel.support import NullTranslations
from catalogs import Marked
from playwright.sync_api import expect

from returnsite import ROOT, contact_pages
from returnsite.contact import load_phone, replace_placeholders
from returnsite.contact_pages import (
    Texts,
    contact_files,
    contact_page,
    desk_page,
    language_name,
)
from returnsite.desks import load_contact_data
from returnsite.languages import load_languages

FIXTURES = ROOT / "tests" / "fixtures" / "desks"
LANGS = load_languages()
TEL = "tel:+3280032745"


@pytest.fixture
def english_only(monkeypatch):
    """Pages rendered as if no language had translations yet."""
    monkeypatch.setattr(contact_pages, "translations", lambda code: NullTranslations())


@pytest.fixture
def translated(monkeypatch):
    monkeypatch.setattr(contact_pages, "translations", lambda code: Marked())


def fixture_data(desks_file: str):
    return load_contact_data(FIXTURES / "contact.yml", FIXTURES / desks_file)


def html_of(markdown: str) -> str:
    """The page as the build renders it (Markdown with the site's extensions)."""
    import markdown as md

    body = markdown.split("---\n", 2)[2]
    return md.markdown(
        replace_placeholders(body, load_phone()),
        extensions=["admonition", "attr_list", "md_in_html"],
    )


# --- The contact page ---------------------------------------------------------


def _desks_section(page: str) -> str:
    return page.split("## Return desks\n", 1)[1].split("\n## ", 1)[0]


def test_desks_known_by_their_city_only_are_one_list_with_the_free_number(english_only):
    page = contact_page(load_contact_data(), "en")
    html = html_of(page)
    button = '<a class="md-button md-button--primary call-button" dir="ltr" href="{}">'
    assert button.format(TEL) + "0800 327 45</a>" in html
    assert _desks_section(page) == (
        "\nFedasil has return desks in these cities. There, you get information about "
        "voluntary return and help to prepare it.\n\n"
        '<div class="link-list" markdown>\n\n'
        "- Brussels\n- Ghent\n- Antwerp\n- Liège\n- Charleroi\n\n</div>\n\n"
        "To know the address and opening hours of a desk, call the free number [[phone]]. "
        "The line answers at the times given above.\n"
    )
    assert "desks/" not in page
    assert "[Save this number in your phone](contact/free-number.vcf)" in page


def test_a_desk_with_an_address_is_a_link_to_its_page(english_only):
    page = contact_page(fixture_data("address_only.yml"), "en")
    assert "- [Testville](desks/testville.md)\n- Otherville\n" in _desks_section(page)


def test_contact_page_names_the_cities_in_french(english_only):
    page = contact_page(load_contact_data(), "fr")
    assert "\n- Gand\n- Anvers\n" in page


def test_the_contact_page_mentions_no_form_or_sign_up(english_only):
    page = contact_page(load_contact_data(), "en").lower()
    for words in ["form", "subscribe", "sign up", "contact page", "does not have"]:
        assert not re.search(rf"\b{words}\b", page), words


def test_contact_page_says_where_else_to_get_help_without_names(english_only):
    page = contact_page(load_contact_data(), "en")
    help_section = page.split("## Other places to get help")[1].split("##")[0]
    assert "social worker" in help_section
    assert "return counsellors of your reception centre" in help_section
    assert "Social services, NGOs and municipalities" in help_section
    assert "http" not in help_section


def test_without_an_order_address_brochures_are_asked_for_at_a_desk_or_by_phone(english_only):
    page = contact_page(load_contact_data(), "en")
    assert (
        "To order brochures and posters, ask at a return desk or call the free number [[phone]]."
        in page
    )
    assert "mailto:" not in page


def test_without_a_newsletter_address_it_is_asked_for_at_a_desk_or_by_phone(english_only):
    page = contact_page(load_contact_data(), "en")
    assert (
        "## Newsletter\n\nThe programme sends a newsletter about voluntary return four times "
        "a year. To receive it, ask at a return desk or call the free number [[phone]].\n"
    ) in page


def test_the_newsletter_is_received_through_the_address_in_the_data(english_only, tmp_path):
    contact = tmp_path / "contact.yml"
    contact.write_text(
        (FIXTURES / "contact.yml").read_text()
        + "newsletter:\n  form: https://www.fedasil.be/newsletter\n"
        "  source: {title: T, language: en, publisher: T, kind: document}\n"
    )
    data = load_contact_data(contact, FIXTURES / "minimal.yml")
    assert (
        "To receive the newsletter, use "
        "[the newsletter form of the programme](https://www.fedasil.be/newsletter)."
    ) in contact_page(data, "en")


def test_brochures_are_ordered_by_the_address_in_the_data(english_only):
    page = contact_page(fixture_data("minimal.yml"), "en")
    assert (
        "To order brochures and posters, write to "
        "[brochures@fedasil.be](mailto:brochures@fedasil.be)." in page
    )


def test_the_hours_are_in_the_readers_language_and_script_direction(english_only):
    page = contact_page(load_contact_data(), "ar")
    assert '<dl class="opening-hours" lang="ar" dir="rtl">' in page
    assert "9:00 ص" in page
    assert "data-open-status" in page


def test_contact_page_sources(english_only):
    page = contact_page(load_contact_data(), "en")
    assert page.rstrip().endswith(
        '<p class="sources"><small>Sources: Fedasil, web page <cite lang="fr" dir="ltr">'
        "Le programme de retour volontaire</cite>, undated; hours of the phone line: "
        'Fedasil, website <cite dir="ltr" translate="no">www.voluntaryreturn.be</cite>, '
        "undated.</small></p>"
    )


# --- A desk's page ------------------------------------------------------------


def test_a_desk_with_every_field_shows_them_all(english_only):
    data = fixture_data("full.yml")
    page = desk_page("testville", data.desks["testville"], data, "en")
    for heading in [
        "Address",
        "Opening hours",
        "Phone",
        "E-mail",
        "Languages spoken",
        "Access",
        "Appointment",
        "By public transport",
    ]:
        assert f"\n## {heading}\n" in page
    assert "Example street 1, box 2  \n1000 Testville-Centre" in page
    assert "[Open in a map app](geo:50.85,4.35){ .md-button }" in page
    assert '[02 123 45 67](tel:+3221234567){ .phone-link dir="ltr" }' in page
    assert "[desk@example.org](mailto:desk@example.org)" in page
    assert "French, Dutch, Arabic, and Dari" in page
    assert "A wheelchair can get in without steps." in page
    assert "Make an appointment before you go." in page
    assert "Tram 1, stop Example." in page
    assert "call the free number" not in page


def test_a_desk_with_only_its_city_has_no_page_and_no_card(english_only):
    paths = [path for path, _ in contact_files(fixture_data("minimal.yml"), "en")]
    assert paths == ["contact.md", "contact/free-number.vcf"]


def test_a_desk_page_without_hours_sends_the_reader_to_the_free_number_only_for_them(
    english_only,
):
    data = fixture_data("address_only.yml")
    page = desk_page("testville", data.desks["testville"], data, "en")
    assert [line for line in page.splitlines() if line.startswith("## ")] == ["## Address"]
    assert "To know when the desk is open, call the free number [[phone]]." in page
    assert "does not have" not in page
    html = html_of(page)
    assert f'href="{TEL}"' in html
    assert '<a class="md-button save-contact" href="testville.vcf">' in html
    paths = [path for path, _ in contact_files(data, "en")]
    assert paths == [
        "contact.md",
        "contact/free-number.vcf",
        "desks/testville.md",
        "desks/testville.vcf",
    ]


def test_english_only_texts_of_a_desk_are_marked_as_english(english_only):
    data = fixture_data("full.yml")
    html = html_of(desk_page("testville", data.desks["testville"], data, "ar"))
    assert '<p dir="ltr" lang="en">Tram 1, stop Example.</p>' in html
    assert "الفرنسية والهولندية والعربية والدارية" in html


def test_no_geo_link_without_coordinates(english_only):
    data = load_contact_data()
    for slug, desk in data.desks.items():
        assert "geo:" not in desk_page(slug, desk, data, "en")


@pytest.mark.parametrize(
    ("lang", "code", "name"),
    [("fa_AF", "en", "Dari"), ("nl", "fr", "Néerlandais"), ("ar", "ti", "ዓረብኛ")],
)
def test_language_names_come_from_cldr(lang, code, name):
    assert language_name(lang, code) == name


# --- Languages of the texts ---------------------------------------------------


def test_an_untranslated_page_says_it_is_in_english(english_only):
    assert '\ntext_language: "en"\n' in contact_page(load_contact_data(), "ps")


def test_english_pages_are_never_marked_as_a_fallback(english_only):
    assert "text_language" not in contact_page(load_contact_data(), "en")


def test_a_translated_page_is_in_the_readers_language(translated):
    page = contact_page(load_contact_data(), "ps")
    assert "text_language" not in page
    assert "# «xx» Contact and help" in page


def test_a_page_whose_texts_are_draft_translations_carries_the_draft_notice():
    assert '\ntranslation: "draft"\n' in contact_page(load_contact_data(), "ti")
    assert "translation:" not in contact_page(load_contact_data(), "fr")


def test_texts_note_what_is_not_translated():
    texts = Texts("fr", NullTranslations())
    assert texts("Return desk in %(city)s", city="Gand") == "Return desk in Gand"
    assert texts.missing == {"Return desk in %(city)s"}


def test_a_translation_with_a_misspelt_placeholder_falls_back_to_english():
    class Misspelt(NullTranslations):
        def gettext(self, message):
            return "Bureau de retour à %(ville)s"

    assert Texts("fr", Misspelt())("Return desk in %(city)s", city="Gand") == (
        "Return desk in Gand"
    )


def test_every_file_of_a_language(english_only):
    # The sources give the desks' cities only: no desk has a page or a card yet.
    paths = [path for path, _ in contact_files(load_contact_data(), "fr", "https://x.org/")]
    assert paths == ["contact.md", "contact/free-number.vcf"]


# --- The built site -----------------------------------------------------------


def _pages(site):
    # Every page for readers: not the search index, not the editors' status page.
    skipped = {"pagefind", "translation-status"}
    return [p for p in site.rglob("*.html") if not skipped & set(p.parts)]


def test_every_page_has_the_free_number_as_tap_to_call_in_the_footer(site):
    footer = re.compile(r'<footer class="md-footer">.*?</footer>', re.S)
    without = []
    for html_file in _pages(site):
        html = html_file.read_text(encoding="utf-8")
        if html_file.parts[-3:-1] == ("brochures", "leaflet"):
            # The leaflet is a standalone printed document: the number is in its text.
            if f'href="{TEL}"' not in html:
                without.append(str(html_file.relative_to(site)))
            continue
        match = footer.search(html)
        if not match or f'href="{TEL}"' not in match.group():
            without.append(str(html_file.relative_to(site)))
    assert without == []


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
def test_the_contact_page_lists_the_desks_in_every_language(site, lang):
    folder = site / lang.prefix
    page = (folder / "contact" / "index.html").read_text(encoding="utf-8")
    assert f'href="{TEL}"' in page
    desks = load_contact_data().desks.values()
    for desk in desks:
        assert f"<li>{desk.name_in(lang.code)}</li>" in page
    assert not (folder / "desks").exists()  # no desk has an address yet


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
def test_the_saved_numbers_parse(site, lang):
    folder = site / lang.prefix
    cards = [folder / "contact" / "free-number.vcf", *sorted((folder / "desks").glob("*.vcf"))]
    assert len(cards) == 1
    card = vobject.readOne(cards[0].read_bytes().decode("utf-8"))
    assert card.tel.value == "+32 800 32 745"
    assert "desk" not in card.fn.value.lower()


def test_the_footer_links_save_this_number_and_the_contact_page(site):
    html = (site / "ar" / "faq" / "index.html").read_text(encoding="utf-8")
    assert 'href="../contact/free-number.vcf"' in html
    assert 'href="../contact/"' in html
    assert "data-share" in html


# --- In the browser -----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("utc", "status"),
    [
        ("2024-07-01T08:00:00Z", "Open now, until \u206812:30\u202fPM\u2069"),
        ("2024-07-01T10:45:00Z", "Closed now. Opens today at \u20681:30\u202fPM\u2069"),
        ("2024-07-01T14:30:00Z", "Closed now. Opens tomorrow at \u20689:00\u202fAM\u2069"),
    ],
    ids=["morning", "lunch-break", "evening"],
)
def test_open_now_in_brussels_time(page, site_url, utc, status):
    import datetime as dt

    page.clock.set_fixed_time(dt.datetime.fromisoformat(utc.replace("Z", "+00:00")))
    page.goto(site_url + "contact/")
    shown = page.locator(".md-content [data-open-status]")
    expect(shown).to_be_visible()
    expect(shown).to_have_text(status)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["contact/", "ar/contact/", "ti/contact/"])
def test_contact_pages_request_nothing_from_another_site(
    page, site_url, third_party_requests, path
):
    page.goto(site_url + path, wait_until="networkidle")
    assert third_party_requests == []


@pytest.mark.browser
def test_share_copies_the_link_where_there_is_no_share_sheet(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "faq/")
    page.evaluate("delete Navigator.prototype.share")
    button = page.locator("[data-share] button")
    button.click()
    expect(page.locator("[data-share] [role=status]")).to_have_text(
        "Link copied. Paste it in a message."
    )
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "faq/"
    context.close()
