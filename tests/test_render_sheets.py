"""Country sheet pages and the countries index, rendered as Markdown per language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from visa import VISA_FACT

from returnsite import ROOT
from returnsite.content import CountrySheet, SheetFacts, SheetTexts, load_content, load_sections
from returnsite.markdown_pages import md_escape
from returnsite.render_sheets import (
    SECTION_TITLES,
    SheetOptions,
    countries_index,
    is_stale,
    months_before,
    sheet_page,
    stale_sheets,
)

FIXTURE = Path(__file__).parent / "fixtures" / "content_build"
TODAY = dt.date(2025, 6, 1)
OPTIONS = SheetOptions(today=TODAY)


class Catalog(NullTranslations):
    """Translations from a dict, for tests."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        message = singular if n == 1 else plural
        return self.messages.get(message, message)


ENGLISH = NullTranslations()


def make_sheet(
    code: str = "ma",
    texts: dict[str, dict] | None = None,
    **facts: object,
) -> CountrySheet:
    data: dict[str, object] = {
        "country": code,
        "status": "draft",
        "visa_for_belgium": VISA_FACT,
        **facts,
    }
    if "last_reviewed" in data or data["status"] == "reviewed":
        day = data.pop("last_reviewed", "2025-01-15")
        by = data.pop("reviewed_by", "Test Reviewer")
        data.update(status="reviewed", review={"date": day, "by": by})
    texts = texts if texts is not None else {"en": {"summary": "English summary."}}
    return CountrySheet(
        code=code,
        folder=Path("country_sheets") / code,
        facts=SheetFacts.model_validate(data),
        texts={lang: SheetTexts.model_validate(value) for lang, value in texts.items()},
    )


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE)


def _body(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


# --- The section titles reach the catalogs ----------------------------------------


def test_section_titles_for_the_catalogs_follow_the_data_file() -> None:
    assert [section.title for section in load_sections()] == SECTION_TITLES


def test_every_string_of_the_sheet_pages_is_extracted_for_the_catalogs(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "--quiet", "extract", "--mapping-file", str(ROOT / "babel.cfg"),
         "--output-file", str(pot), str(ROOT)]
    )  # fmt: skip
    with pot.open("rb") as file:
        extracted = {message.id for message in read_po(file) if message.id}
    expected = [*SECTION_TITLES, "Last reviewed:", "Other questions", "Countries of return"]
    assert [title for title in expected if title not in extracted] == []


# --- Stale sheets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(dt.date(2025, 6, 1), 12, dt.date(2024, 6, 1), id="a-year"),
        pytest.param(dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28), id="shorter-month"),
        pytest.param(dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29), id="leap-year"),
        pytest.param(dt.date(2025, 1, 15), 1, dt.date(2024, 12, 15), id="across-new-year"),
        pytest.param(dt.date(2025, 1, 15), 25, dt.date(2022, 12, 15), id="over-two-years"),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("reviewed", "stale"),
    [
        pytest.param("2024-06-01", False, id="exactly-12-months"),
        pytest.param("2024-05-31", True, id="one-day-more"),
        pytest.param("2025-05-01", False, id="recent"),
    ],
)
def test_a_sheet_is_stale_after_the_configured_months(reviewed: str, stale: bool) -> None:
    assert is_stale(make_sheet(last_reviewed=reviewed), TODAY, 12) is stale


def test_stale_sheets_lists_the_codes() -> None:
    sheets = [
        make_sheet("ma", last_reviewed="2020-01-01"),
        make_sheet("dz", last_reviewed="2025-01-15"),
    ]
    assert stale_sheets(sheets, TODAY, 12) == ["ma"]
    assert stale_sheets(sheets, TODAY, 100) == []


# --- A sheet's page ---------------------------------------------------------------


def test_front_matter_has_the_country_name_in_the_readers_language(content) -> None:
    page = sheet_page(content.sheets["ma"], "fr", ENGLISH, OPTIONS)
    assert page.startswith('---\ntitle: "Maroc"\noutdated: "sources"\n---\n\n# Maroc\n')


def test_a_translated_sheet_uses_its_texts_without_fallback(content) -> None:
    page = sheet_page(content.sheets["ma"], "fr", ENGLISH, OPTIONS)
    assert "text_language" not in page
    assert "Résumé de test de la fiche Maroc." in page
    assert "Texte de test de la vue d'ensemble, en français." in page
    assert "Test overview text in English." not in page


def test_a_section_missing_in_a_translation_is_shown_in_english_marked_as_english(
    content,
) -> None:
    page = sheet_page(content.sheets["ma"], "fr", ENGLISH, OPTIONS)
    assert (
        "## Housing { #housing }\n\n*This part is not translated yet.*\n\n"
        '<div lang="en" dir="ltr" markdown>\n\nTest housing text, only in English.\n\n</div>\n'
    ) in page


def test_an_untranslated_sheet_falls_back_to_english_with_the_ui_in_the_readers_language(
    content,
) -> None:
    page = sheet_page(content.sheets["ma"], "ps", ENGLISH, OPTIONS)
    assert '\ntext_language: "en"\n' in page
    assert '# مراکش { lang="ps" dir="rtl" }\n' in page
    assert '## Overview { #overview lang="ps" dir="rtl" }\n\nTest overview text in English.' in page
    assert "This part is not translated yet." not in page


def test_headings_are_translated_and_anchored_by_section_key() -> None:
    sheet = make_sheet(texts={"en": {"sections": {"health": "Text."}}, "fr": {}})
    page = sheet_page(sheet, "fr", Catalog({"Health care": "Santé"}), OPTIONS)
    assert "## Santé { #health }\n" in page


def test_sections_follow_the_order_of_the_data_file() -> None:
    sections = {"sources": "S.", "health": "H.", "overview": "O.", "housing": "Ho."}
    page = sheet_page(make_sheet(texts={"en": {"sections": sections}}), "en", ENGLISH, OPTIONS)
    anchors = [line.split("#")[-1].rstrip(" }") for line in page.splitlines() if "{ #" in line]
    assert anchors == ["overview", "housing", "health", "other-questions", "sources"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param("en", "January 15, 2025", id="en"),
        pytest.param("fr", "15 janvier 2025", id="fr"),
        pytest.param("nl", "15 januari 2025", id="nl"),
        pytest.param("ru", "15 января 2025\u202fг.", id="ru"),
    ],
)
def test_last_reviewed_date_is_localized(code: str, expected: str) -> None:
    page = sheet_page(make_sheet(last_reviewed="2025-01-15"), code, ENGLISH, OPTIONS)
    assert f"- **Last reviewed:** {expected}\n" in page


def test_a_draft_sheet_says_it_is_not_checked_by_a_local_partner() -> None:
    page = sheet_page(make_sheet(), "en", ENGLISH, OPTIONS)
    assert "- **Status:** Draft: not yet checked by a local partner\n" in page


def test_a_reviewed_sheet_names_its_reviewer() -> None:
    sheet = make_sheet(status="reviewed", reviewed_by="Test_Reviewer")
    page = sheet_page(sheet, "en", ENGLISH, OPTIONS)
    assert "- **Status:** Checked by Test\\_Reviewer\n" in page


@pytest.mark.parametrize(
    ("reviewed", "months", "outdated"),
    [
        pytest.param("2024-05-31", 12, True, id="older-than-12-months"),
        pytest.param("2024-06-01", 12, False, id="12-months"),
        pytest.param("2024-05-31", 24, False, id="configured-24-months"),
    ],
)
def test_a_stale_sheet_gets_the_outdated_notice(reviewed: str, months: int, outdated: bool) -> None:
    options = SheetOptions(today=TODAY, stale_after_months=months)
    page = sheet_page(make_sheet(last_reviewed=reviewed), "en", ENGLISH, options)
    assert ("\noutdated: true\n" in page) is outdated


def test_partners_projects_and_sources_come_from_the_facts(content) -> None:
    page = sheet_page(content.sheets["ma"], "en", ENGLISH, OPTIONS)
    assert (
        "## The reintegration partner in this country { #partner }\n\n"
        "Reintegration partner: Test Partner Organisation\n\nTest partner text.\n"
    ) in page
    assert (
        "### Test project { #project-test_project }\n\n"
        "*Run by Test Partner Organisation*\n\nTest project text in English.\n"
    ) in page
    assert (
        "## Sources { #sources }\n\n"
        "- [Test source](<https://www.example.org/test-source>), Test publisher, "
        "February 1, 2020\n"
    ) in page


def test_several_partners_are_listed_in_the_readers_language() -> None:
    texts = {"en": {"summary": "S.", "sections": {"partner": "P."}}}
    sheet = make_sheet(texts=texts, partners=["IOM", "Caritas"])
    page = sheet_page(sheet, "fr", ENGLISH, OPTIONS)
    # IOM as French texts write it (data/organisations.yml)
    assert "Reintegration partners: OIM et Caritas\n" in page


def test_names_from_the_facts_are_not_markup() -> None:
    sheet = make_sheet(projects=[{"key": "p", "name": "The *best* [project]"}])
    page = sheet_page(sheet, "en", ENGLISH, OPTIONS)
    assert "### The \\*best\\* \\[project\\] { #project-p }\n" in page


def test_the_sheet_links_its_stories_newest_first_with_the_example_label(content) -> None:
    page = sheet_page(content.sheets["ma"], "fr", ENGLISH, OPTIONS, content.stories_for("ma"))
    assert (
        "## Return stories { #stories }\n\n"
        "- [Récit de test d'une boulangerie](../stories/ma-2019-test-bakery.md), 2019 "
        '<span class="content-badge content-badge--example">Illustrative example</span>\n'
    ) in page


def test_a_story_title_in_english_on_a_translated_page_is_marked_as_english(content) -> None:
    page = sheet_page(content.sheets["dz"], "fr", ENGLISH, OPTIONS, content.stories_for("dz"))
    # dz has no French texts: the whole page is English, the title needs no mark.
    assert "- [Test story of a workshop](../stories/dz-2021-test-workshop.md), 2021\n" in page
    sheet = make_sheet("dz", texts={"en": {}, "fr": {}})
    page = sheet_page(sheet, "fr", ENGLISH, OPTIONS, content.stories_for("dz"))
    assert (
        '- [<span lang="en" dir="ltr">Test story of a workshop</span>]'
        "(../stories/dz-2021-test-workshop.md), 2021\n"
    ) in page


def test_links_in_texts_point_to_the_pages(content) -> None:
    page = sheet_page(content.sheets["dz"], "en", ENGLISH, OPTIONS)
    assert "[the Morocco health section](ma.md#health)" in page
    page = sheet_page(content.sheets["ma"], "en", ENGLISH, OPTIONS)
    assert "[a test story](../stories/ma-2019-test-bakery.md)" in page


def test_a_link_to_a_story_left_out_goes_to_the_stories_index(content) -> None:
    page = sheet_page(content.sheets["ma"], "en", ENGLISH, OPTIONS, story_names=set())
    assert "[a test story](../stories/index.md)" in page


def test_missing_sections_point_to_the_phone_line_and_the_desks() -> None:
    sheet = make_sheet(texts={"en": {"sections": {"overview": "O.", "health": "H."}}})
    options = SheetOptions(today=TODAY, desks_page="contact.md")
    page = sheet_page(sheet, "en", ENGLISH, options)
    assert (
        "## Other questions { #other-questions }\n\n"
        "This sheet has no information yet about: Arriving and first days, Housing, "
        "Work and income, Education and training, Social protection, "
        "Women, children and vulnerable people, The reintegration partner in this country, "
        "Country-specific projects, and Useful contacts.\n"
        "For your questions, call the free number [[phone]] or ask at a return desk.\n\n"
        "[Find a return desk](../contact.md)\n{: .page-links }\n"
    ) in page


def test_the_sheet_links_back_to_the_countries_index() -> None:
    page = sheet_page(make_sheet(), "en", ENGLISH, OPTIONS)
    assert page.endswith("\n[All countries of return](index.md)\n{: .page-links }\n")


def test_without_a_desks_page_there_is_no_link_to_it() -> None:
    page = sheet_page(make_sheet(), "en", ENGLISH, OPTIONS)
    assert "Find a return desk" not in page
    assert "[[phone]]" in page


# --- The countries index ----------------------------------------------------------


def _names(index: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in index.splitlines()
            if line.startswith("<li ")]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "names"),
    [
        pytest.param("en", ["Albania", "Ecuador", "Egypt", "Morocco", "Spain"], id="en"),
        pytest.param("fr", ["Albanie", "Égypte", "Équateur", "Espagne", "Maroc"], id="fr-accents"),
        pytest.param("sq", ["Egjipt", "Ekuador", "Marok", "Shqipëri", "Spanjë"], id="sq"),
        pytest.param("zh", ["阿尔巴尼亚", "埃及", "厄瓜多尔", "摩洛哥", "西班牙"], id="zh-pinyin"),
    ],
)
def test_countries_are_in_the_readers_alphabetical_order(code: str, names: list[str]) -> None:
    sheets = [make_sheet(cc) for cc in ("ma", "es", "eg", "ec", "al")]
    assert _names(countries_index(sheets, code, ENGLISH, OPTIONS)) == names


def test_each_country_has_its_status_date_and_summary(content) -> None:
    index = countries_index(content.sheets.values(), "fr", ENGLISH, OPTIONS)
    assert (
        '<li data-filter-keywords="Maroc Morocco ma" markdown="span">[Maroc](ma.md)\n'
        '<span class="content-list__meta">Draft: not yet checked by a local partner · '
        "The newest information in this sheet dates from 1 février 2020.</span>\n"
        '<span class="content-list__stale">May be out of date</span>\n'
        '<span class="content-list__summary">Résumé de test de la fiche Maroc.</span>\n'
        "</li>\n"
    ) in index


def test_an_english_summary_in_the_index_is_marked_as_english(content) -> None:
    index = countries_index(content.sheets.values(), "fr", ENGLISH, OPTIONS)
    assert (
        '<span class="content-list__summary" lang="en" dir="ltr">'
        "Test summary of the Algeria sheet.</span>"
    ) in index


def test_the_index_has_a_filter_box_hidden_until_the_script_runs(content) -> None:
    index = countries_index(content.sheets.values(), "en", ENGLISH, OPTIONS)
    assert '---\ntitle: "Countries of return"\ntemplate: "content-list.html"\n---\n' in index
    assert '<form class="content-filter" data-filter-form hidden>' in index
    assert '<input id="content-filter-countries" type="search"' in index
    assert "Call the free number [[phone]]" in index


def test_an_empty_index_says_there_are_no_sheets_yet() -> None:
    index = countries_index([], "en", ENGLISH, OPTIONS)
    assert "There are no country sheets yet." in index
    assert "data-filter-form" not in index


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        pytest.param("A*B_C", "A\\*B\\_C", id="emphasis"),
        pytest.param("[x](y)", "\\[x\\](y)", id="link"),
        pytest.param("# 1 {#id}", "\\# 1 \\{\\#id\\}", id="heading-and-attributes"),
        pytest.param("Médecins & Co", "Médecins & Co", id="plain"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    ("texts", "code", "heading"),
    [
        pytest.param(
            {
                "en": {"project_names": {"p": "Families"}},
                "fr": {"project_names": {"p": "Familles"}},
            },
            "fr",
            "### Familles { #project-p }\n",
            id="translated",
        ),
        pytest.param(
            {"en": {"project_names": {"p": "Families"}}, "fr": {"summary": "Résumé."}},
            "fr",
            '### <span lang="en" dir="ltr">Families</span> { #project-p }\n',
            id="english-marked-as-english",
        ),
        pytest.param({"en": {}}, "fr", "### Project P { #project-p }\n", id="sheet-yml-name"),
    ],
)
def test_a_project_is_named_in_the_readers_language_when_it_can_be(texts, code, heading) -> None:
    sheet = make_sheet(texts=texts, projects=[{"key": "p", "name": "Project P"}])
    assert heading in sheet_page(sheet, code, ENGLISH, OPTIONS)
