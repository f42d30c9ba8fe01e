"""The editors' field reference in EDITING.md is written from the schema and kept in step."""

from __future__ import annotations

import pytest

from returnsite.cli import main
from returnsite.field_reference import END, START, field_reference, update_editing_guide


def test_editing_guide_has_the_current_field_reference():
    assert main(["fields", "--check"]) == 0, "run: .venv/bin/returnsite fields"


def test_the_check_fails_when_the_reference_is_stale(tmp_path, monkeypatch, capsys):
    from returnsite import field_reference

    guide = tmp_path / "EDITING.md"
    guide.write_text(f"# Guide\n\n{START}\nold table\n{END}\n", encoding="utf-8")
    monkeypatch.setattr(field_reference, "EDITING_FILE", guide)
    assert main(["fields", "--check"]) == 1
    assert "EDITING.md: the field reference differs from the schema" in capsys.readouterr().err
    assert main(["fields"]) == 0
    assert main(["fields", "--check"]) == 0
    assert "old table" not in guide.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "row",
    [
        "| `status` | yes | 'draft' until a local partner has checked the sheet, then 'reviewed'. "
        "*(one of: draft, reviewed)* | `draft` |",
        "| `review.by` | yes | The person or partner organisation who checked it, by name. "
        "*(text on one line)* | `Caritas International` |",
        "| `sources.date` |  | Date of the document, as precise as the document gives it: "
        "2019-03-28, 2019-03 or 2019. The page shows how old the sheet's facts are from it. "
        "Leave it out when the document shows no date: never guess one. *(date as YYYY-MM-DD, "
        "YYYY-MM or YYYY, not in the future)* | `2019-03-28` |",
        "| `support_used` | yes | What the reintegration support was used for. *(a list, each: "
        "one of: small_business, housing, work, health, education)* | `[small_business]` |",
        "| `sections.health` |  | Access, cost, medicines, mental health. *(Markdown text)* |  |",
    ],
)
def test_rows_come_from_the_schema(row):
    assert row in field_reference()


def test_a_guide_without_markers_is_an_error():
    with pytest.raises(ValueError, match="has lost its marker lines"):
        update_editing_guide("# Guide\n")
