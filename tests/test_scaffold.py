"""Starting new content from the schema: the files validate at once and explain every field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from returnsite.cli import main
from returnsite.content import check_content
from returnsite.scaffold import new_sheet, new_story


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "country_sheets").mkdir()
    (tmp_path / "return_stories").mkdir()
    return tmp_path


def test_a_new_sheet_asks_whether_a_visa_is_required(root):
    sheet, _ = new_sheet("tn", root, today=dt.date(2026, 1, 15))
    _, errors = check_content(root)
    assert [str(error) for error in errors] == [
        f"{sheet}:10: visa_for_belgium.required: missing; add it, e.g. 'required: true'"
    ]
    text = sheet.read_text(encoding="utf-8")
    assert (
        "    url: https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02018R1806-"
        in text
    )


def _answer_visa(sheet: Path) -> None:
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("  # required: true\n", "  required: true\n"), encoding="utf-8")


def test_a_new_sheet_validates_and_is_a_draft(root):
    sheet, english = new_sheet("TN", root, today=dt.date(2026, 1, 15))
    _answer_visa(sheet)
    content, errors = check_content(root)
    assert errors == []
    assert content.sheets["tn"].facts.visa_for_belgium.required is True
    facts = content.sheets["tn"].facts
    assert (facts.status, facts.review, facts.partners) == ("draft", None, [])
    assert (
        content.sheets["tn"].texts["en"].summary == "Information about voluntary return to Tunisia."
    )
    assert english == root / "country_sheets" / "tn" / "en.yml"


def test_a_new_sheet_shows_every_field_with_its_description(root):
    sheet, english = new_sheet("tn", root)
    facts = sheet.read_text(encoding="utf-8")
    assert "# review:\n#   date: 2024-03-15\n#   by: Caritas International\n" in facts
    assert "last_reviewed" not in facts
    assert (
        "# sources:\n#   - key: partners_meeting_2019\n#     title: Country fact sheet\n"
        "#     publisher: IOM\n"
    ) in facts
    texts = english.read_text(encoding="utf-8")
    assert "#   health = Access, cost, medicines, mental health.\n" in texts
    assert (
        "# sections:\n#   overview: |\n#     General, political and security situation.\n" in texts
    )


def test_uncommenting_the_examples_of_a_new_sheet_still_validates(root):
    sheet, english = new_sheet("tn", root)
    _answer_visa(sheet)
    for path in (sheet, english):
        lines = path.read_text(encoding="utf-8").splitlines()
        # Remove the '# ' of every commented field (not of the explanations).
        fields = [
            line[2:] if line.startswith("# ") and _is_field(line[2:]) else line for line in lines
        ]
        path.write_text("\n".join(fields) + "\n", encoding="utf-8")
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("families_with_children:", "no_such_project:"))
    # The review's example goes with a reviewed sheet (a draft refuses one).
    facts = sheet.read_text(encoding="utf-8")
    sheet.write_text(facts.replace("status: draft", "status: reviewed"), encoding="utf-8")
    _, errors = check_content(root)
    # Only what needs an editor's own facts is left: the project's key.
    assert [e.message.split(";")[0] for e in errors] == [
        "projects: unknown project 'no_such_project'",
        "project_names: unknown project 'no_such_project'",
    ]


def _is_field(line: str) -> bool:
    """A commented-out field or a line of its value, not an explanation."""
    return re.match(r"(- )?[a-z_]+:( |$)", line) is not None or (
        line.startswith("  ") and not re.match(r"\s+\w+ = ", line)
    )


def test_a_new_story_is_an_example_and_validates(root):
    sheet, _ = new_sheet("tn", root)
    _answer_visa(sheet)
    story = new_story("tn-2024-bakery", "tn", 2024, ["small_business"], "IOM", root)
    content, errors = check_content(root)
    assert errors == []
    data = content.stories["tn-2024-bakery"].data
    assert data.example is True and data.consent_to_publish is None
    assert "# consent_to_publish: true" in story.read_text(encoding="utf-8")


def test_the_command_refuses_an_unknown_country_and_an_existing_sheet(root, capsys):
    assert main(["new", "sheet", "xx", "--root", str(root)]) == 2
    assert "'xx' is not a country code" in capsys.readouterr().err
    # Written, and the one fact only the editor can check is asked for.
    assert main(["new", "sheet", "tn", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("wrote country_sheets/tn/sheet.yml\nwrote country_sheets/tn/en.yml\n")
    assert out.endswith(
        "country_sheets/tn/sheet.yml:10: visa_for_belgium.required: missing; "
        "add it, e.g. 'required: true'\n"
    )
    assert main(["new", "sheet", "tn", "--root", str(root)]) == 2
    assert "country_sheets/tn exists already" in capsys.readouterr().err


def test_a_story_for_a_country_without_a_sheet_is_reported_at_once(root, capsys):
    args = ["new", "story", "tn-2024-x", "--country", "tn", "--year", "2024"]
    assert main([*args, "--support", "housing", "--partner", "IOM", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "return_stories/tn-2024-x.yml:" in out and "there is no country sheet for 'tn'" in out
