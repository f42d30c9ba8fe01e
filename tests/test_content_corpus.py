"""The broken-file corpus: tests/fixtures/content/<case>/ holds a content root
with one mistake; each case asserts the exact ``path:line: message`` lines."""

import datetime as dt
from pathlib import Path

import pytest

from returnsite import validation
from returnsite.content import ContentErrors, load_content
from returnsite.content.dates import DocumentDate

CORPUS = Path(__file__).parent / "fixtures" / "content"
HERE = "tests/fixtures/content"
LANGUAGES = "en, fr, nl, es, sq, sr, uk, ru, ar, fa, ps, zh, mn, am, ti, ff, ln"

BROKEN = {
    "yaml_syntax": [
        f"{HERE}/yaml_syntax/country_sheets/ma/sheet.yml:3: YAML syntax error: a ':' where none "
        "can be; check the indentation, and put text containing ': ' in quotes"
    ],
    "duplicate_key": [
        f"{HERE}/duplicate_key/country_sheets/ma/sheet.yml:4: 'status' is written twice "
        "(first on line 2); keep only one of them"
    ],
    "unknown_field_typo": [
        f"{HERE}/unknown_field_typo/country_sheets/ma/sheet.yml:4: unknown field 'partnres'; "
        "did you mean 'partners'?"
    ],
    "missing_required": [
        f"{HERE}/missing_required/country_sheets/ma/sheet.yml:1: status: missing; "
        "add it, e.g. 'status: draft'"
    ],
    "wrong_type": [
        f"{HERE}/wrong_type/return_stories/ma-2019-bakery.yml:3: year_of_return: expected a "
        "whole number like 2019, got 'twenty nineteen'"
    ],
    "yes_in_boolean": [
        f"{HERE}/yes_in_boolean/return_stories/ma-2019-bakery.yml:6: example: expected true "
        "or false, got 'yes'"
    ],
    "country_no_unquoted": [
        f"{HERE}/country_no_unquoted/return_stories/no-2019-fishing.yml:2: country: there is no "
        "country sheet for 'no' (Norway); write the code of a country with a folder in "
        "country_sheets/, or add that country's sheet first"
    ],
    "impossible_date": [
        f"{HERE}/impossible_date/country_sheets/ma/sheet.yml:14: sources.date: 2023-02-30 is "
        "not a real date; write an existing date as YYYY-MM-DD, YYYY-MM or YYYY"
    ],
    "future_date": [
        f"{HERE}/future_date/country_sheets/ma/sheet.yml:14: sources.date: 2025-11-30 is in the "
        "future; write the date the document shows"
    ],
    "raw_html": [
        f"{HERE}/raw_html/country_sheets/ma/en.yml:4: sections.health: contains HTML (<script>); "
        "write plain text or Markdown instead, e.g. **bold** or [link text](https://example.org)"
    ],
    "unknown_country": [
        f"{HERE}/unknown_country/country_sheets/xx/sheet.yml:2: country: 'xx' is not a country "
        "code; write the two-letter ISO 3166-1 code, e.g. ma for Morocco"
    ],
    "unknown_language": [
        f"{HERE}/unknown_language/country_sheets/ma/de.yml: 'de' is not one of the site's "
        f"languages; name a language file after one of: {LANGUAGES} (e.g. fr.yml)"
    ],
    "link_to_missing_sheet": [
        f"{HERE}/link_to_missing_sheet/country_sheets/ma/en.yml:4: sections.overview: link to "
        "sheet:dz: there is no country sheet 'dz'; write the code of an existing sheet in "
        "country_sheets/, e.g. sheet:ma"
    ],
    "not_utf8": [
        f"{HERE}/not_utf8/country_sheets/ma/en.yml:3: the file is not UTF-8 text (unreadable "
        "byte 0xe9 on this line); save it with the UTF-8 encoding in your editor"
    ],
    "story_without_consent": [
        f"{HERE}/story_without_consent/return_stories/ma-2019-bakery.yml:6: consent_to_publish: "
        "this story is not an example (example: false), so it needs 'consent_to_publish: true' "
        "once the person has agreed; the build refuses to publish it without consent"
    ],
    "unknown_section": [
        f"{HERE}/unknown_section/country_sheets/ma/en.yml:3: sections: unknown section 'helth'; "
        "did you mean 'health'?"
    ],
    "fact_in_translation": [
        f"{HERE}/fact_in_translation/country_sheets/ma/en.yml:3: unknown field 'partners'; "
        "'partners' is a fact written once in sheet.yml, not in each language; remove it here"
    ],
    "missing_english": [
        f"{HERE}/missing_english/country_sheets/ma: no en.yml; write the English texts in en.yml "
        "(other languages fall back to them)"
    ],
    "missing_photo": [
        f"{HERE}/missing_photo/return_stories/ma-2019-bakery.yml:8: photo.file: there is no file "
        "'photos/bakery.jpg' in return_stories/; put the photo there or correct the name"
    ],
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "today", lambda: dt.date(2025, 6, 1))


@pytest.mark.parametrize(("case", "expected"), BROKEN.items(), ids=list(BROKEN))
def test_broken_case_reports_exact_file_line_and_message(case: str, expected: list[str]) -> None:
    with pytest.raises(ContentErrors) as raised:
        load_content(CORPUS / case)
    assert [str(error) for error in raised.value.errors] == expected


def test_every_case_folder_is_tested() -> None:
    folders = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert folders == set(BROKEN) | {"valid", "yaml_traps"}


def test_valid_case_loads_a_sheet_and_a_story() -> None:
    content = load_content(CORPUS / "valid")
    assert list(content.sheets) == ["ma"]
    assert list(content.stories) == ["ma-2024-example"]
    sheet = content.sheets["ma"]
    assert sheet.facts.review is None
    assert sheet.facts.newest_source_date() == DocumentDate(2024, 11, 30)
    assert [partner.name for partner in sheet.facts.partners] == ["Caritas International"]
    assert list(sheet.texts) == ["en"]
    assert [section.key for section, _ in sheet.texts["en"].section_texts()] == [
        "overview",
        "health",
    ]
    assert content.stories_for("ma") == [content.stories["ma-2024-example"]]


def test_the_future_check_uses_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # The valid case's source is dated 2024-11-30: seen from the day before, that is the future.
    monkeypatch.setattr(validation, "today", lambda: dt.date(2024, 11, 29))
    with pytest.raises(ContentErrors) as raised:
        load_content(CORPUS / "valid")
    assert [str(error) for error in raised.value.errors] == [
        f"{HERE}/valid/country_sheets/ma/sheet.yml:14: sources.date: 2024-11-30 is in the "
        "future; write the date the document shows"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(lambda c: c.sheets["no"].facts.country, "no", id="country-NO-is-norway"),
        pytest.param(lambda c: c.sheets["no"].facts.sources[0].title, "1.10", id="1.10-is-text"),
        pytest.param(lambda c: c.sheets["no"].facts.sources[0].publisher, "on", id="on-is-text"),
        pytest.param(
            lambda c: c.sheets["no"].facts.sources[0].date,
            DocumentDate(2024, 11, 30),
            id="unquoted-date",
        ),
        pytest.param(lambda c: c.sheets["no"].texts["en"].summary, "yes", id="yes-is-text"),
        pytest.param(lambda c: c.stories["no-2024-yes"].data.partner, "Off", id="Off-is-text"),
        pytest.param(lambda c: c.stories["no-2024-yes"].text("en").title, "Yes", id="Yes-title"),
        pytest.param(
            lambda c: c.stories["no-2024-yes"].text("en").body, "2019-05-01", id="date-as-text"
        ),
    ],
)
def test_yaml_1_1_traps_keep_what_the_editor_wrote(value, expected) -> None:
    assert value(load_content(CORPUS / "yaml_traps")) == expected
