"""Translation status: marks of English texts, statuses, the report and its outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from returnsite.cli import main
from returnsite.languages import load_languages
from returnsite.scaffold import Target, mark_translated, new_translation
from returnsite.translation_status import (
    STATUSES,
    bar_chart_svg,
    build_report,
    page_mark,
    report_data,
    report_table,
    status_of,
    text_mark,
)

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = """---
title: "Questions"
---

# Questions

Call [[phone]].
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project: two English pages, the content fixtures, no catalogs."""
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "faq.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "en" / "news.md").write_text("# News\n", encoding="utf-8")
    for folder in ("country_sheets", "return_stories"):
        shutil.copytree(FIXTURES / "content_build" / folder, tmp_path / folder)
    return tmp_path


def _report(root: Path, code: str):
    return next(report for report in build_report(root) if report.code == code)


def _status(root: Path, code: str, kind: str, name: str) -> str:
    report = _report(root, code)
    return next(i.status for i in report.items if i.kind == kind and i.name == name)


# --- Marks and statuses --------------------------------------------------------------


def test_a_mark_is_12_hex_digits_and_changes_with_the_text():
    assert len(text_mark("a")) == 12 and set(text_mark("a")) <= set("0123456789abcdef")
    assert text_mark("a") != text_mark("b")
    assert text_mark({"b": 1, "a": 2}) == text_mark({"a": 2, "b": 1})


def test_trailing_spaces_and_blank_lines_do_not_change_a_page_mark():
    assert page_mark("# T\n\nText.  \n\n\n") == page_mark("# T\n\nText.\n")
    assert page_mark("# T\n\nText.\n") != page_mark("# T\n\nOther text.\n")


@pytest.mark.parametrize(
    ("translated_from", "draft", "expected"),
    [
        pytest.param("abc", False, "translated", id="same-mark"),
        pytest.param("abc", True, "draft", id="same-mark-draft"),
        pytest.param("old", False, "outdated", id="other-mark"),
        pytest.param("old", True, "outdated", id="outdated-beats-draft"),
        pytest.param(None, False, "outdated", id="no-mark"),
    ],
)
def test_status_of(translated_from, draft, expected):
    assert status_of(translated_from, draft, "abc") == expected


# --- Pages ------------------------------------------------------------------------------


def test_a_new_page_translation_is_a_draft_then_outdated_when_the_english_changes(project):
    assert _status(project, "fr", "page", "faq") == "missing"
    written = new_translation("fr", Target("page", "faq"), project)
    assert written == project / "docs" / "fr" / "faq.md"
    assert "translation: draft\ntranslated_from: " in written.read_text(encoding="utf-8")
    assert _status(project, "fr", "page", "faq") == "draft"
    (project / "docs" / "en" / "faq.md").write_text(PAGE + "\nA new line.\n", encoding="utf-8")
    assert _status(project, "fr", "page", "faq") == "outdated"
    mark_translated("fr", Target("page", "faq"), project)
    assert _status(project, "fr", "page", "faq") == "draft"


def test_a_checked_page_translation_is_translated(project):
    page = new_translation("nl", Target("page", "faq"), project)
    page.write_text(page.read_text(encoding="utf-8").replace("translation: draft\n", ""))
    assert _status(project, "nl", "page", "faq") == "translated"


# --- Sheets and stories ---------------------------------------------------------------------


def test_a_sheet_translation_without_a_mark_is_outdated_until_marked(project):
    # The fixture's fr.yml was written without translated_from.
    assert _status(project, "fr", "sheet", "ma") == "outdated"
    mark_translated("fr", Target("sheet", "ma"), project)
    assert _status(project, "fr", "sheet", "ma") == "translated"
    english = project / "country_sheets" / "ma" / "en.yml"
    english.write_text(english.read_text(encoding="utf-8") + "# a comment changes nothing\n")
    assert _status(project, "fr", "sheet", "ma") == "translated"
    text = english.read_text(encoding="utf-8").replace("Test summary", "New summary")
    english.write_text(text, encoding="utf-8")
    assert _status(project, "fr", "sheet", "ma") == "outdated"


def test_a_new_sheet_translation_validates_and_is_a_draft(project, capsys):
    assert main(["new", "translation", "ar", "sheet:ma", "--root", str(project)]) == 0
    assert capsys.readouterr().out == "wrote country_sheets/ma/ar.yml\n"
    assert _status(project, "ar", "sheet", "ma") == "draft"
    assert _status(project, "ar", "sheet", "dz") == "missing"


def test_a_new_story_translation_is_added_under_texts_and_validates(project, capsys):
    name = "dz-2021-test-workshop"
    assert main(["new", "translation", "ps", f"story:{name}", "--root", str(project)]) == 0
    assert _status(project, "ps", "story", name) == "draft"
    text = (project / "return_stories" / f"{name}.yml").read_text(encoding="utf-8")
    assert "\n  ps:\n    translation: draft\n    translated_from: " in text
    assert main(["translated", "ps", f"story:{name}", "--root", str(project)]) == 0
    assert _status(project, "ps", "story", name) == "draft"


def test_a_translation_that_exists_is_not_overwritten(project, capsys):
    assert main(["new", "translation", "fr", "sheet:ma", "--root", str(project)]) == 2
    assert capsys.readouterr().err == (
        "returnsite new: country_sheets/ma/fr.yml exists already; edit it instead\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["new", "translation", "de", "page:faq"],
            "'de' is not a language to translate into; use one of: fr, nl",
            id="unknown-language",
        ),
        pytest.param(
            ["new", "translation", "en", "page:faq"],
            "'en' is not a language to translate into",
            id="english",
        ),
        pytest.param(
            ["new", "translation", "fr", "faq"],
            "'faq' is not something to translate; write page:<name>",
            id="no-kind",
        ),
        pytest.param(
            ["new", "translation", "fr", "page:help"],
            "there is no English page 'help'; use one of: faq, news",
            id="no-such-page",
        ),
        pytest.param(
            ["translated", "fr", "story:nothing"],
            "there is no story 'nothing'; use one of: dz-2021-test-workshop, ma-2019-test-bakery",
            id="no-such-story",
        ),
        pytest.param(
            ["translated", "ar", "sheet:ma"],
            "there is no ar translation of sheet:ma yet; start one with "
            "'returnsite new translation ar sheet:ma'",
            id="nothing-to-mark",
        ),
    ],
)
def test_mistakes_in_a_command_are_explained(project, capsys, args, message):
    assert main([*args, "--root", str(project)]) == 2
    assert message in capsys.readouterr().err


# --- UI strings and the report --------------------------------------------------------------


def test_ui_strings_count_fuzzy_as_draft_and_empty_as_missing(project):
    catalog = project / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Home"\nmsgstr "Accueil"\n\n'
        '#, fuzzy\nmsgid "Menu"\nmsgstr "Menu"\n\n'
        'msgid "Search"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert _report(project, "fr").counts("ui") == {
        "translated": 1,
        "draft": 1,
        "outdated": 0,
        "missing": 1,
    }


def test_the_report_covers_every_language_but_english(project):
    codes = [report.code for report in build_report(project)]
    assert codes == [lang.code for lang in load_languages() if not lang.default]


def test_json_report_lists_what_to_do_outdated_first(project, capsys):
    assert main(["status", "--json", "--root", str(project)]) == 0
    data = json.loads(capsys.readouterr().out)
    french = data["languages"]["fr"]
    assert french["counts"]["page"] == {"translated": 0, "draft": 0, "outdated": 0, "missing": 2}
    assert french["to_do"][0] == {
        "kind": "sheet",
        "name": "ma",
        "path": "country_sheets/ma/fr.yml",
        "status": "outdated",
    }
    assert french["to_do"][1]["name"] == "ma-2019-test-bakery"  # its fr text has no mark
    assert {item["status"] for item in french["to_do"][2:]} == {"missing"}


def test_the_table_has_a_line_per_language(project):
    table = report_table(build_report(project))
    lines = table.splitlines()
    assert len(lines) == 2 + len(load_languages()) - 1
    assert lines[2].startswith("fr        0/0/0/2 ")


def test_the_chart_has_one_row_and_one_share_per_language(project):
    reports = build_report(project)
    svg = bar_chart_svg(reports, "sheet")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert svg.count("<text") == 2 * len(reports)
    assert "<title>outdated: 1</title>" in svg  # French: ma is outdated
    assert set(report_data(reports)["statuses"]) == set(STATUSES)


# --- The shipped translations -----------------------------------------------------


def test_every_shipped_translation_records_what_it_was_made_from():
    unmarked = [
        item.path for report in build_report() for item in report.items if item.status == "outdated"
    ]
    assert unmarked == [], "run 'returnsite translated <language> <target>' for: " + ", ".join(
        unmarked
    )


def test_a_page_marked_with_an_older_english_text_is_outdated_for_readers(project):
    from types import SimpleNamespace

    from returnsite.translation_status import is_outdated_translation

    docs = project / "docs"
    page = new_translation("fr", Target("page", "faq"), project)
    file = SimpleNamespace(abs_src_path=str(page))
    assert not is_outdated_translation(file, docs, "fr")
    (docs / "en" / "faq.md").write_text(PAGE + "\nNew.\n", encoding="utf-8")
    assert is_outdated_translation(file, docs, "fr")
    # Without a mark, nobody knows: readers get no notice (the report lists it).
    page.write_text(PAGE, encoding="utf-8")
    assert not is_outdated_translation(file, docs, "fr")
    english = SimpleNamespace(abs_src_path=str(docs / "en" / "faq.md"))
    assert not is_outdated_translation(english, docs, "en")


def test_an_empty_field_added_to_the_schema_changes_no_mark():
    from returnsite.content import SheetTexts
    from returnsite.translation_status import model_mark

    before = SheetTexts.model_validate({"summary": "A summary."})
    after = SheetTexts.model_validate({"summary": "A summary.", "project_names": {}})
    assert model_mark(before) == model_mark(after)
    changed = SheetTexts.model_validate({"summary": "Another summary."})
    assert model_mark(changed) != model_mark(before)
