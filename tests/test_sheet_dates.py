"""Honest dates on country sheets: a review only when someone reviewed the
sheet, sources dated as precisely as the document is, and the "may be out of
date" notices computed from those dates (never typed)."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from babel.support import NullTranslations
from visa import VISA_YAML

from returnsite import validation
from returnsite.content import check_content, load_content
from returnsite.content.dates import DocumentDate
from returnsite.render_sheets import SheetOptions, countries_index, is_stale, sheet_page

VALID = Path(__file__).parent / "fixtures" / "content" / "valid"
ROOT = Path(__file__).resolve().parents[1]
SHEET = "country_sheets/ma/sheet.yml"
EN = "country_sheets/ma/en.yml"
ENGLISH = NullTranslations()

DRAFT_2019 = """\
country: ma
status: draft
partners:
  - name: Caritas International
    source: meeting
projects:
  - key: small_business
    name: Example project
    partner: Caritas International
    source: meeting
sources:
  - key: meeting
    title: Rencontre des partenaires de retour
    publisher: Fedasil
    date: 2019-03-28
  - key: page
    title: Aide à la réintégration
    publisher: Fedasil
section_sources:
  overview: [meeting, page]
  health: [page]
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(validation, "today", lambda: dt.date(2026, 12, 4))
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _errors(root: Path, sheet: str) -> list[str]:
    # The visa fact, required of every sheet, last: the lines above keep their numbers.
    (root / SHEET).write_text(sheet + VISA_YAML, encoding="utf-8")
    _, errors = check_content(root)
    return [str(error).removeprefix(f"{root}/") for error in errors]


# --- The review: date and reviewer together, only for a reviewed sheet ----------


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        pytest.param(
            "country: ma\nstatus: reviewed\n",
            f"{SHEET}:2: review: missing; a reviewed sheet says when and by whom it was "
            "checked, e.g. 'review: {date: 2024-03-15, by: Caritas International}'",
            id="reviewed-without-review",
        ),
        pytest.param(
            "country: ma\nstatus: reviewed\nreview:\n  date: 2025-01-15\n",
            f"{SHEET}:3: review.by: missing; add it, e.g. 'by: Caritas International'",
            id="reviewed-without-reviewer",
        ),
        pytest.param(
            "country: ma\nstatus: reviewed\nreview:\n  by: Caritas International\n",
            f"{SHEET}:3: review.date: missing; add it, e.g. 'date: 2024-03-15'",
            id="reviewed-without-date",
        ),
        pytest.param(
            "country: ma\nstatus: draft\nreview:\n  date: 2026-12-01\n  by: Nobody\n",
            f"{SHEET}:3: review: a draft sheet has no review; remove 'review:' until a named "
            "person or partner has checked the sheet, then write 'status: reviewed' with it",
            id="draft-with-review",
        ),
        pytest.param(
            "country: ma\nstatus: draft\nlast_reviewed: 2026-12-01\n",
            f"{SHEET}:3: unknown field 'last_reviewed'; a sheet has a review only once a named "
            "person or partner checked it: remove this line from a draft, or write "
            "'review: {date: 2024-03-15, by: <who>}' with 'status: reviewed'",
            id="old-field",
        ),
        pytest.param(
            DRAFT_2019.replace("    source: meeting\nprojects", "    source: meting\nprojects"),
            f"{SHEET}:5: partners.source: unknown source 'meting'; did you mean 'meeting'?",
            id="unknown-source",
        ),
        pytest.param(
            DRAFT_2019.replace("  health: [page]", "  helth: [page]"),
            f"{SHEET}:21: section_sources: 'helth' is not a section; did you mean 'health'?",
            id="unknown-section",
        ),
        pytest.param(
            DRAFT_2019.replace("2019-03-28", "2019-13"),
            f"{SHEET}:15: sources.date: 2019-13 is not a real date; write an existing date as "
            "YYYY-MM-DD, YYYY-MM or YYYY",
            id="impossible-month",
        ),
        pytest.param(
            DRAFT_2019.replace("2019-03-28", "March 2019"),
            f"{SHEET}:15: sources.date: 'March 2019' is not a date; write the date the document "
            "shows: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2019-03-28, 2019-03 or 2019",
            id="words",
        ),
        pytest.param(
            DRAFT_2019.replace("2019-03-28", "2027"),
            f"{SHEET}:15: sources.date: 2027 is in the future; write the date the document shows",
            id="future-year",
        ),
    ],
)
def test_a_mistake_in_the_dates_is_explained(root: Path, sheet: str, expected: str) -> None:
    assert _errors(root, sheet) == [expected]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("2019", DocumentDate(2019), id="year"),
        pytest.param("2019-03", DocumentDate(2019, 3), id="month"),
        pytest.param("2019-03-28", DocumentDate(2019, 3, 28), id="day"),
    ],
)
def test_a_source_is_dated_as_precisely_as_the_document(
    root: Path, written: str, expected: DocumentDate
) -> None:
    assert _errors(root, DRAFT_2019.replace("2019-03-28", written)) == []
    facts = load_content(root).sheets["ma"].facts
    assert facts.sources[0].date == expected
    assert facts.review is None


@pytest.mark.parametrize(
    ("date", "locale", "expected"),
    [
        pytest.param(DocumentDate(2019, 3, 28), "en", "March 28, 2019", id="day-en"),
        pytest.param(DocumentDate(2019, 3), "en", "March 2019", id="month-en"),
        pytest.param(DocumentDate(2019, 3), "fr", "mars 2019", id="month-fr"),
        pytest.param(DocumentDate(2019, 3), "nl", "maart 2019", id="month-nl"),
        pytest.param(DocumentDate(2019, 3), "ar", "مارس 2019", id="month-ar"),
        pytest.param(DocumentDate(2019, 3), "zh", "2019年3月", id="month-zh"),
        pytest.param(DocumentDate(2019), "en", "2019", id="year-en"),
        pytest.param(DocumentDate(2019), "zh", "2019年", id="year-zh"),
    ],
)
def test_a_date_is_shown_at_its_precision_in_the_readers_language(
    date: DocumentDate, locale: str, expected: str
) -> None:
    assert date.format(locale) == expected


# --- Notices computed from the dates ---------------------------------------------


def _sheet(root: Path, sheet: str = DRAFT_2019):
    assert _errors(root, sheet) == []
    return load_content(root).sheets["ma"]


def test_a_draft_says_how_old_its_newest_source_is(root: Path) -> None:
    page = sheet_page(_sheet(root), "en", ENGLISH, SheetOptions(today=dt.date(2026, 12, 4)))
    assert (
        "- **Status:** Draft: not yet checked by a local partner\n"
        "- The newest information in this sheet dates from March 28, 2019.\n"
    ) in page
    assert "Last reviewed" not in page
    assert '\noutdated: "sources"\n' in page


def test_facts_and_sections_carry_the_date_of_their_source(root: Path) -> None:
    page = sheet_page(_sheet(root), "en", ENGLISH, SheetOptions(today=dt.date(2026, 12, 4)))
    assert "Reintegration partner: Caritas International (information from March 28, 2019)" in (
        page
    )
    assert "*Run by Caritas International · information from March 28, 2019*" in page
    old = (
        "*The information in this section dates from March 28, 2019: it may be out of date. "
        "Check it with a return counsellor.*"
    )
    # overview comes from the 2019 meeting; health only from an undated page.
    overview = page.split("{ #overview }")[1].split("\n## ")[0]
    health = page.split("{ #health }")[1].split("\n## ")[0]
    assert old in overview
    assert "dates from" not in health


def test_a_recent_draft_has_no_notice(root: Path) -> None:
    sheet = _sheet(root)
    page = sheet_page(sheet, "en", ENGLISH, SheetOptions(today=dt.date(2019, 6, 1)))
    assert "outdated" not in page.split("\n---\n")[0]
    assert "may be out of date" not in page
    assert not is_stale(sheet, dt.date(2020, 3, 28), 12)
    assert is_stale(sheet, dt.date(2020, 3, 29), 12)


def test_a_month_counts_until_its_last_day(root: Path) -> None:
    sheet = _sheet(root, DRAFT_2019.replace("2019-03-28", "2019-03"))
    assert not is_stale(sheet, dt.date(2020, 3, 31), 12)
    assert is_stale(sheet, dt.date(2020, 4, 1), 12)


def test_a_draft_without_dated_sources_may_be_out_of_date(root: Path) -> None:
    sheet = _sheet(root, DRAFT_2019.replace("    date: 2019-03-28\n", ""))
    page = sheet_page(sheet, "en", ENGLISH, SheetOptions(today=dt.date(2026, 12, 4)))
    assert "- None of the sources of this sheet shows a date.\n" in page
    assert '\noutdated: "sources"\n' in page


def test_a_reviewed_sheet_uses_its_review_date(root: Path) -> None:
    reviewed = DRAFT_2019.replace(
        "status: draft\n", "status: reviewed\nreview:\n  date: 2026-06-01\n  by: Caritas\n"
    )
    sheet = _sheet(root, reviewed)
    page = sheet_page(sheet, "fr", ENGLISH, SheetOptions(today=dt.date(2026, 12, 4)))
    assert "- **Last reviewed:** 1 juin 2026\n- **Status:** Checked by Caritas\n" in page
    assert "outdated" not in page.split("\n---\n")[0]
    later = sheet_page(sheet, "fr", ENGLISH, SheetOptions(today=dt.date(2027, 6, 2)))
    assert "\noutdated: true\n" in later


def test_the_index_shows_the_same(root: Path) -> None:
    index = countries_index([_sheet(root)], "fr", ENGLISH, SheetOptions(today=dt.date(2026, 12, 4)))
    assert (
        '<span class="content-list__meta">Draft: not yet checked by a local partner · '
        "The newest information in this sheet dates from 28 mars 2019.</span>\n"
        '<span class="content-list__stale">May be out of date</span>\n'
    ) in index


# --- The shipped sheets -----------------------------------------------------------


def test_no_shipped_sheet_has_a_review_that_did_not_happen() -> None:
    sheets = load_content(ROOT).sheets
    assert {code: sheet.facts.status for code, sheet in sheets.items()} == dict.fromkeys(
        sheets, "draft"
    )
    assert all(sheet.facts.review is None for sheet in sheets.values())


@pytest.mark.parametrize("code", ["af", "iq", "cm", "ma", "ru"])
@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_2019_facts_are_in_the_past_with_their_date(code: str, lang: str) -> None:
    text = (ROOT / "country_sheets" / code / f"{lang}.yml").read_text(encoding="utf-8")
    present = {
        "en": [
            "the programme works with IOM (",
            "the programme works with Caritas International and",
        ],
        "fr": [
            "le programme travaille avec l'OIM (",
            "le programme travaille avec Caritas International et",
        ],
        "nl": ["werkt het programma samen met"],
    }[lang]
    assert not [phrase for phrase in present if phrase in text]
    assert {"en": "In March 2019", "fr": "En mars 2019", "nl": "In maart 2019"}[lang] in text


def test_the_russia_sheet_says_only_what_the_source_says_about_chechnya() -> None:
    text = (ROOT / "country_sheets" / "ru" / "en.yml").read_text(encoding="utf-8")
    assert "In Russia, the programme works" not in text
    assert "go back to Russia, Caritas" not in text
    assert "name a partner in Chechnya only, not in the rest of Russia" in text
