"""A country sheet's "What support you may get", computed from its visa fact
(sheet.yml, Regulation (EU) 2018/1806) and data/estimator.yml (issue 14, item 2)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from returnsite import ROOT
from returnsite.content import load_content
from returnsite.content.dates import DocumentDate
from returnsite.estimator import load_rules
from returnsite.i18n import translations
from returnsite.render_sheets import SheetOptions, sheet_page
from returnsite.sheet_support import countries_json, visa_by_country


@pytest.fixture(scope="module")
def sheets():
    return load_content(ROOT).sheets


@pytest.fixture(scope="module")
def options():
    rules, errors = load_rules()
    assert errors == []
    return SheetOptions(today=dt.date(2026, 12, 4), rules=rules)


def _support(page: str) -> str:
    """The section "What support you may get" of a sheet's Markdown."""
    start = page.index("## What support you may get")
    return page[start : page.index("\n## ", start + 1)]


def test_every_sheet_declares_the_visa_rule_with_the_regulation_as_source(sheets):
    for sheet in sheets.values():
        source = sheet.facts.visa_for_belgium.source
        assert "Regulation (EU) 2018/1806" in source.title, sheet.code
        assert "CELEX 02018R1806-20240804" in source.title, sheet.code
        assert source.url == (
            "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02018R1806-20240804"
        )
        assert source.date == DocumentDate(2024, 8, 4)


def test_the_visa_facts_follow_the_annexes_of_the_regulation():
    # Annex II (visa-exempt): Albania; Annex I (visa required): all the others.
    assert visa_by_country() == {
        "af": True,
        "al": False,
        "cd": True,
        "cm": True,
        "dz": True,
        "ec": True,
        "iq": True,
        "ma": True,
        "ru": True,
    }


def test_a_visa_exempt_country_gets_no_basic_reintegration_support(sheets, options):
    page = sheet_page(sheets["al"], "en", translations("en"), options)
    support = _support(page)
    assert "People from Albania do not need a visa to enter Belgium." in support
    assert "So you cannot get basic reintegration support." in support
    assert "- **Travel: ticket by plane or bus" in support
    assert (
        "- **Departure premium:** up to €250 per adult, €125 per child. Everyone in the "
        "programme, decided by the return counsellor according to your situation." in support
    )
    assert (
        "- **Support for a vulnerable person:** up to €500. Everyone, decided case by case"
        in support
    )
    assert "counsellor.\n\nA return counsellor looks at your situation and decides" in support
    assert "Reintegration support:" not in support
    assert "small business" not in support
    assert "[Estimate your support](../estimator.md?country=al)" in support
    # No hand-written promise is left in the summary.
    assert "you can get reintegration support" not in page


def test_a_visa_required_country_gets_the_whole_table(sheets, options):
    support = _support(sheet_page(sheets["ma"], "en", translations("en"), options))
    assert "People from Morocco need a visa to enter Belgium." in support
    assert "So you may get reintegration support if you asked for protection" in support
    assert (
        "- **Reintegration support:** €700 per adult, €350 per child. People whose "
        "nationality needs a visa for Belgium and who asked for protection" in support
    )
    assert (
        "- **Extra support for a small business or a job with a wage subsidy:** €1,500" in support
    )
    assert "cannot get basic" not in support
    assert "(../estimator.md?country=ma)" in support


def test_the_section_is_in_the_readers_language(sheets, options):
    support = _support(
        sheet_page(sheets["al"], "fr", translations("fr"), options).replace(
            "## L'aide que vous pouvez recevoir", "## What support you may get"
        )
    )
    assert "Albanie : les personnes de cette nationalité n'ont pas besoin de visa" in support
    assert "jusqu'à 250 € par adulte, 125 € par enfant".replace(" €", "\u00a0€") in support


def test_the_regulation_is_listed_among_the_sheets_sources(sheets, options):
    page = sheet_page(sheets["al"], "en", translations("en"), options)
    sources = page[page.index("## Sources") :]
    assert "[Regulation (EU) 2018/1806 of 14 November 2018" in sources
    assert "European Union, EUR-Lex, August 4, 2024" in sources


def test_the_estimator_gets_the_countries_named_in_the_readers_language():
    data = json.loads(countries_json({"al": False, "ma": True}, "fr"))
    assert data == {
        "al": {"name": "Albanie", "visa_required": False},
        "ma": {"name": "Maroc", "visa_required": True},
    }
    assert json.loads(countries_json({"al": False}, "ar"))["al"]["name"] == "ألبانيا"


@pytest.mark.browser
def test_the_sheets_link_answers_the_visa_question_in_the_estimator(page, site_url):
    page.goto(site_url + "fr/countries/al/", wait_until="networkidle")
    page.get_by_role("link", name="Estimer votre aide").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/fr/estimator/?country=al")
    assert page.locator("#est-visa-no").is_checked()
    assert page.locator("#est-visa-country").text_content() == (
        "Albanie : les personnes de cette nationalité n'ont pas besoin de visa pour entrer "
        "en Belgique."
    )
    page.locator("#est-status-rejected").check()
    cells = page.locator("#estimator-table tr[data-item] td[data-col='one']")
    assert (
        cells.nth(1).text_content() == "jusqu'à 250\u00a0€"
    )  # the premium: decided by the counsellor
    assert cells.nth(2).text_content() == "0\u00a0€"  # no basic reintegration support


@pytest.mark.browser
def test_an_unknown_country_leaves_the_visa_question_open(page, site_url):
    page.goto(site_url + "estimator/?country=zz", wait_until="networkidle")
    assert not page.locator("#est-visa-yes").is_checked()
    assert not page.locator("#est-visa-no").is_checked()
    assert page.locator("#est-visa-country").is_hidden()
