"""[[country]]: the country's name from CLDR in sheet and story texts, one name per language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.support import NullTranslations
from visa import VISA_FACT

from returnsite.content import CountrySheet, SheetFacts, SheetTexts, Story, StoryFile
from returnsite.placeholders import PAGE_PLACEHOLDERS, fill_country, placeholder_problems
from returnsite.render_sheets import SheetOptions, countries_index, sheet_page
from returnsite.render_stories import stories_index, story_page

ENGLISH = NullTranslations()
OPTIONS = SheetOptions(today=dt.date(2025, 6, 1))


def sheet(texts: dict[str, dict]) -> CountrySheet:
    facts = {
        "country": "ma",
        "status": "draft",
        "visa_for_belgium": VISA_FACT,
    }
    return CountrySheet(
        code="ma",
        folder=Path("country_sheets") / "ma",
        facts=SheetFacts.model_validate(facts),
        texts={lang: SheetTexts.model_validate(value) for lang, value in texts.items()},
    )


def story(texts: dict[str, dict]) -> Story:
    data = {
        "country": "ma",
        "year_of_return": 2019,
        "support_used": ["small_business"],
        "partner": "Caritas International",
        "example": True,
        "texts": texts,
    }
    path = Path("return_stories") / "ma-2019-test.yml"
    return Story(name="ma-2019-test", path=path, data=StoryFile.model_validate(data))


def test_the_placeholder_is_replaced_and_other_placeholders_are_kept():
    assert fill_country("Back to [[country]], call [[phone]].", "Maroc") == (
        "Back to Maroc, call [[phone]]."
    )
    assert fill_country("[[ country ]]", "Marokɛ") == "Marokɛ"


def test_a_sheet_text_names_the_country_as_its_title_does():
    page = sheet_page(
        sheet(
            {
                "en": {"summary": "If you go back to [[country]], a partner can help."},
                "ln": {"summary": "Soki ozongi na [[country]], mosangani akoki kosalisa yo."},
                "mn": {"summary": "Хэрэв Та [[country]] руу буцвал түнш тусалж чадна."},
            }
        ),
        "ln",
        ENGLISH,
        OPTIONS,
    )
    assert "# Marokɛ" in page
    assert "Soki ozongi na Marokɛ, mosangani akoki kosalisa yo." in page
    mn = sheet_page(
        sheet({"en": {"summary": "x"}, "mn": {"summary": "[[country]] руу"}}),
        "mn",
        ENGLISH,
        OPTIONS,
    )
    assert "# Морокко" in mn and "Морокко руу" in mn
    assert "Марокко" not in mn


def test_an_english_text_shown_in_another_language_keeps_the_english_name():
    page = sheet_page(
        sheet({"en": {"summary": "If you go back to [[country]], a partner can help."}}),
        "fr",
        ENGLISH,
        OPTIONS,
    )
    assert "# Maroc" in page
    assert "If you go back to Morocco, a partner can help." in page
    assert "[[country]]" not in page


def test_the_countries_index_fills_each_sheets_country():
    page = countries_index(
        [sheet({"en": {"summary": "x"}, "ln": {"summary": "Kozonga na [[country]]."}})],
        "ln",
        ENGLISH,
        OPTIONS,
    )
    assert "Kozonga na Marokɛ." in page


def test_a_story_title_and_body_name_the_country_from_cldr():
    texts = {
        "en": {"title": "Work in [[country]]", "body": "Back in [[country]], she sewed."},
        "mn": {"title": "[[country]] улсад", "body": "[[country]] улсад тэр оёдог."},
    }
    page = story_page(story(texts), "mn", ENGLISH)
    assert 'title: "Морокко улсад"' in page
    assert "Морокко улсад тэр оёдог." in page
    assert "[[country]]" not in page
    assert "Work in Morocco" in stories_index([story(texts)], "en", ENGLISH)


def test_the_programme_pages_cannot_use_the_country_placeholder():
    assert placeholder_problems("Back to [[country]].", PAGE_PLACEHOLDERS) == [
        (
            8,
            "[[country]] works only in the texts of country sheets and stories; "
            "write the name of the country here",
        )
    ]
    assert placeholder_problems("Call [[phon]].") == [
        (5, "unknown placeholder [[phon]] (did you mean 'phone'?); write [[phone]] or [[country]]")
    ]
