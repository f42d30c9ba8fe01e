import datetime as dt
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from returnsite import ROOT, validation
from returnsite.validation import (
    ContentError,
    ContentErrors,
    Markdown,
    PastDate,
    Text,
    Url,
    YamlBool,
    load_model,
)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Text = Field(examples=["Country report"])
    url: Url | None = None
    date: PastDate = Field(examples=["2024-03-15"])


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Text = Field(examples=["A bakery in Fes"])
    year: int = Field(2019, examples=[2019])
    published: YamlBool = False
    version: str | None = None
    status: Literal["draft", "reviewed"] = "draft"
    tags: list[str] = []
    entries: list[Entry] = []
    body: Markdown | None = None


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "today", lambda: dt.date(2025, 6, 1))


def _load(tmp_path: Path, text: str) -> tuple[Record | None, list[tuple[int | None, str]]]:
    path = tmp_path / "record.yml"
    path.write_text(text, encoding="utf-8")
    record, errors = load_model(path, Record)
    assert all(error.path == path for error in errors)
    return record, [(error.line, error.message) for error in errors]


def test_yaml_1_1_traps_are_read_as_the_field_types_say(tmp_path: Path) -> None:
    record, errors = _load(
        tmp_path,
        "title: NO\nyear: 2019\npublished: TRUE\nversion: 1.10\ntags: [yes, on, 0800]\n"
        "entries:\n  - title: 1.0\n    date: 2024-03-15\n",
    )
    assert errors == []
    assert record == Record(
        title="NO",
        year=2019,
        published=True,
        version="1.10",
        tags=["yes", "on", "0800"],
        entries=[Entry(title="1.0", date=dt.date(2024, 3, 15))],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: x\nyear: abc\n",
            (2, "year: expected a whole number like 2019, got 'abc'"),
            id="not-a-number",
        ),
        pytest.param(
            "title: x\nyear: 2019.5\n",
            (2, "year: expected a whole number like 2019, got '2019.5'"),
            id="not-a-whole-number",
        ),
        pytest.param(
            "title: x\npublished: yes\n",
            (2, "published: expected true or false, got 'yes'"),
            id="yes-in-boolean",
        ),
        pytest.param(
            "year: 2019\n",
            (1, "title: missing; add it, e.g. 'title: A bakery in Fes'"),
            id="missing",
        ),
        pytest.param(
            "year: 2019\ntitle:\n",
            (2, "title: has no value; write one, e.g. 'title: A bakery in Fes'"),
            id="no-value",
        ),
        pytest.param(
            "title: '  '\n",
            (1, "title: is empty; write the text, or remove the field if it is optional"),
            id="blank",
        ),
        pytest.param(
            "title: x\ntitel: y\n", (2, "unknown field 'titel'; did you mean 'title'?"), id="typo"
        ),
        pytest.param(
            "title: x\nYear: 2019\n", (2, "unknown field 'Year'; did you mean 'year'?"), id="case"
        ),
        pytest.param(
            "title: |\n  A bakery\n  in Fes\n",
            (1, "title: is on several lines; write it on one line"),
            id="title-on-two-lines",
        ),
        pytest.param(
            "title: x\ncolour: red\n",
            (
                2,
                "unknown field 'colour'; remove it or use one of: "
                "title, year, published, version, status, tags, entries, body",
            ),
            id="unknown-without-suggestion",
        ),
        pytest.param(
            "title: x\nentries:\n  - title: y\n    dtae: 2024-01-01\n",
            (4, "entries: unknown field 'dtae'; did you mean 'date'?"),
            id="nested-typo",
        ),
        pytest.param(
            "title: [a, b]\n", (1, "title: expected text, got a list"), id="list-for-text"
        ),
        pytest.param(
            "title: x\ntags: farming\n",
            (2, "tags: expected a list (one '- item' per line), got 'farming'"),
            id="text-for-list",
        ),
        pytest.param(
            "title: x\nentries:\n  - just a title\n",
            (3, "entries: expected fields indented below 'entries:', got 'just a title'"),
            id="text-for-fields",
        ),
        pytest.param(
            "title: x\nstatus: done\n",
            (2, "status: 'done' is not allowed; write one of: 'draft' or 'reviewed'"),
            id="not-a-choice",
        ),
        pytest.param(
            "title: x\nentries:\n  - title: y\n    date: 2023-02-30\n",
            (
                4,
                "entries.date: 2023-02-30 is not a real date; write an existing date as "
                "YYYY-MM-DD, e.g. 2024-03-15",
            ),
            id="impossible-date",
        ),
        pytest.param(
            "title: x\nentries:\n  - title: y\n    date: 15/03/2024\n",
            (
                4,
                "entries.date: '15/03/2024' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15",
            ),
            id="date-not-iso",
        ),
        pytest.param(
            "title: x\nentries:\n  - title: y\n    date: 2025-06-02\n",
            (4, "entries.date: 2025-06-02 is in the future; write a date that has passed"),
            id="future-date",
        ),
        pytest.param(
            "title: x\nentries:\n  - title: y\n    url: www.example.org\n    date: 2024-01-01\n",
            (
                4,
                "entries.url: 'www.example.org' is not a web address; write the full address, "
                "starting with https://",
            ),
            id="url-without-scheme",
        ),
        pytest.param(
            "title: Fes <b>bakery</b>\n",
            (
                1,
                "title: contains HTML (<b>); write plain text or Markdown instead, "
                "e.g. **bold** or [link text](https://example.org)",
            ),
            id="html-tag",
        ),
        pytest.param(
            "title: x\nbody: |\n  Hello.\n\n  <script src=x.js></script>\n",
            (
                5,
                "body: contains HTML (<script src=x.js>); write plain text or Markdown instead, "
                "e.g. **bold** or [link text](https://example.org)",
            ),
            id="script-in-block",
        ),
        pytest.param(
            "title: x\nbody: 'Hello <!-- hidden -->'\n",
            (
                2,
                "body: contains HTML (<!-- hidden -->); write plain text or Markdown instead, "
                "e.g. **bold** or [link text](https://example.org)",
            ),
            id="html-comment",
        ),
    ],
)
def test_each_mistake_gets_a_message_for_editors(
    tmp_path: Path, text: str, expected: tuple[int, str]
) -> None:
    record, errors = _load(tmp_path, text)
    assert record is None
    assert errors == [expected]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("See <https://www.example.org>.", id="autolink"),
        pytest.param("Write to <info@example.org>.", id="mail-autolink"),
        pytest.param("Children < 12 years and adults > 65.", id="comparison"),
        pytest.param("**Bold**, [a link](https://example.org) and `code`.", id="markdown"),
    ],
)
def test_markdown_that_is_not_html_is_accepted(tmp_path: Path, body: str) -> None:
    record, errors = _load(tmp_path, f"title: x\nbody: '{body}'\n")
    assert errors == []
    assert record is not None and record.body == body


def test_all_errors_of_a_file_are_collected_in_line_order(tmp_path: Path) -> None:
    _, errors = _load(tmp_path, "titel: x\nyear: abc\npublished: no\n")
    assert errors == [
        (1, "unknown field 'titel'; did you mean 'title'?"),
        (2, "year: expected a whole number like 2019, got 'abc'"),
        (3, "published: expected true or false, got 'no'"),
    ]


def test_a_misspelt_required_field_is_not_also_reported_missing(tmp_path: Path) -> None:
    _, errors = _load(
        tmp_path,
        "titel: x\nentries:\n  - title: y\n  - title: z\n    date: 2024-01-01\n",
    )
    assert errors == [
        (1, "unknown field 'titel'; did you mean 'title'?"),
        (3, "entries.date: missing; add it, e.g. 'date: 2024-03-15'"),
    ]


def test_a_file_that_is_not_fields_is_rejected(tmp_path: Path) -> None:
    assert _load(tmp_path, "- a\n- b\n") == (
        None,
        [(1, "expected fields written as 'name: value', got a list")],
    )


def test_yaml_errors_come_back_as_content_errors(tmp_path: Path) -> None:
    assert _load(tmp_path, "title: x\ntitle: y\n") == (
        None,
        [(2, "'title' is written twice (first on line 1); keep only one of them")],
    )


def test_error_inside_the_project_shows_a_relative_path() -> None:
    error = ContentError(ROOT / "country_sheets" / "ma" / "en.yml", 3, "what; instead")
    assert str(error) == "country_sheets/ma/en.yml:3: what; instead"


def test_error_outside_the_project_shows_the_path_as_given() -> None:
    assert str(ContentError(Path("/elsewhere/x.yml"), 7, "m")) == "/elsewhere/x.yml:7: m"


def test_error_without_a_line_shows_only_the_path() -> None:
    assert str(ContentError(ROOT / "country_sheets" / "ma", None, "m")) == "country_sheets/ma: m"


def test_content_errors_lists_all_errors_sorted_one_per_line() -> None:
    errors = ContentErrors(
        [
            ContentError(ROOT / "b.yml", 2, "second"),
            ContentError(ROOT / "a.yml", 9, "first"),
            ContentError(ROOT / "b.yml", 1, "also b"),
        ]
    )
    assert str(errors) == "a.yml:9: first\nb.yml:1: also b\nb.yml:2: second"
    assert len(errors.errors) == 3
