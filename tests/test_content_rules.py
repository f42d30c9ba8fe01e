"""Rules of the sheet and story schemas beyond the corpus: each test starts from
the valid fixture copied to a temporary folder and changes one thing."""

import datetime as dt
import shutil
from pathlib import Path

import images
import pytest

from returnsite import validation
from returnsite.content import check_content, load_content

VALID = Path(__file__).parent / "fixtures" / "content" / "valid"
SHEET = "country_sheets/ma/sheet.yml"
EN = "country_sheets/ma/en.yml"
STORY = "return_stories/ma-2024-example.yml"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "today", lambda: dt.date(2025, 6, 1))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _errors(root: Path) -> list[str]:
    _, errors = check_content(root)
    return [str(error).removeprefix(f"{root}/") for error in errors]


def test_the_copied_valid_fixture_has_no_errors(root: Path) -> None:
    assert _errors(root) == []


# --- country sheets ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        pytest.param(
            SHEET,
            "status: draft",
            "status: reviewed",
            f"{SHEET}:3: review: missing; a reviewed sheet says when and by whom it was "
            "checked, e.g. 'review: {date: 2024-03-15, by: Caritas International}'",
            id="reviewed-needs-reviewer",
        ),
        pytest.param(
            SHEET,
            "status: draft",
            "status: checked",
            f"{SHEET}:3: status: 'checked' is not allowed; write one of: 'draft' or 'reviewed'",
            id="unknown-status",
        ),
        pytest.param(
            SHEET,
            "country: ma",
            "country: dz",
            f"{SHEET}:2: country: 'dz' does not match the folder name 'ma'; write 'country: ma' "
            "or rename the folder to dz",
            id="folder-mismatch",
        ),
        pytest.param(
            SHEET,
            "sources:",
            "sections:\n  overview: text\nsources:",
            f"{SHEET}:10: unknown field 'sections'; texts belong in a language file such as "
            "en.yml, not in sheet.yml",
            id="text-in-facts",
        ),
        pytest.param(
            SHEET,
            "    name: Example project\n",
            "    name: Example project\n  - key: small_business\n    name: Again\n",
            f"{SHEET}:10: projects: the key 'small_business' is used twice; give each project "
            "its own key",
            id="duplicate-project-key",
        ),
        pytest.param(
            SHEET,
            "key: small_business",
            "key: Small Business",
            f"{SHEET}:8: projects.key: 'Small Business' cannot be a key; write lowercase "
            "letters, digits and _ only, e.g. families_with_children",
            id="project-key-with-spaces",
        ),
        pytest.param(
            SHEET,
            "partners:\n  - Caritas International\n",
            "partners:\n",
            f"{SHEET}:5: partners: has no value; write one, e.g. 'partners: [IOM]'",
            id="partners-empty",
        ),
        pytest.param(
            SHEET,
            "partners:\n  - Caritas International",
            "partners: Caritas International",
            f"{SHEET}:5: partners: expected a list (one '- item' per line), "
            "got 'Caritas International'",
            id="partners-not-a-list",
        ),
        pytest.param(
            EN,
            "small_business: Example",
            "small_busines: Example",
            f"{EN}:9: projects: unknown project 'small_busines'; did you mean 'small_business'?",
            id="unknown-project-text",
        ),
        pytest.param(
            EN,
            "small_business: Example project text.",
            "small_business: Example project text.\nproject_names:\n  small_busines: A name",
            f"{EN}:11: project_names: unknown project 'small_busines'; "
            "did you mean 'small_business'?",
            id="unknown-project-name",
        ),
        pytest.param(
            EN,
            "(story:ma-2024-example)",
            "(story:ma-2024-exampel)",
            f"{EN}:7: sections.health: link to story:ma-2024-exampel: there is no story "
            "'ma-2024-exampel' (did you mean 'ma-2024-example'?); write the name of a file in "
            "return_stories/ without '.yml'",
            id="link-to-missing-story",
        ),
        pytest.param(
            EN,
            "overview: |",
            "overview:\n    - a list\n  arrival: |",
            f"{EN}:4: sections.overview: expected text, got a list",
            id="section-not-text",
        ),
    ],
)
def test_sheet_rule(root: Path, name: str, old: str, new: str, expected: str) -> None:
    _edit(root, name, old, new)
    assert _errors(root) == [expected]


def test_uppercase_country_code_is_read_as_lowercase(root: Path) -> None:
    _edit(root, SHEET, "country: ma", "country: MA")
    assert load_content(root).sheets["ma"].facts.country == "ma"


@pytest.mark.parametrize("folder", ["MA", "morocco"])
def test_sheet_folder_named_other_than_its_code(root: Path, folder: str) -> None:
    _edit(root, EN, "(story:ma-2024-example)", "(https://example.org)")
    (root / STORY).unlink()
    (root / "country_sheets" / "ma").rename(root / "country_sheets" / folder)
    assert _errors(root) == [
        f"country_sheets/{folder}/sheet.yml:2: country: 'ma' does not match the folder name "
        f"'{folder}'; rename the folder to ma (lowercase country code)",
    ]


def test_sheet_folder_without_sheet_yml(root: Path) -> None:
    (root / SHEET).unlink()
    assert _errors(root) == [
        "country_sheets/ma: no sheet.yml; copy one from another country's folder"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(
            "country_sheets/ma/fr.yaml",
            "country_sheets/ma/fr.yaml: rename the file to fr.yml (content files end in .yml)",
            id="yaml-suffix",
        ),
        pytest.param(
            "country_sheets/ma/notes.txt",
            "country_sheets/ma/notes.txt: unexpected file; a sheet folder holds only sheet.yml "
            "and <language>.yml files",
            id="other-file",
        ),
        pytest.param(
            "country_sheets/dz.yml",
            "country_sheets/dz.yml: a country sheet is a folder: move this file to "
            "country_sheets/<country code>/sheet.yml and write its texts in <language>.yml",
            id="sheet-as-a-file",
        ),
    ],
)
def test_unexpected_files_are_reported(root: Path, name: str, expected: str) -> None:
    _write(root, name, "summary: x\n")
    assert _errors(root) == [expected]


def test_a_translation_is_attached_in_language_order(root: Path) -> None:
    _write(root, "country_sheets/ma/nl.yml", "summary: Een voorbeeld.\n")
    _write(root, "country_sheets/ma/fr.yml", "summary: Un exemple.\n")
    sheet = load_content(root).sheets["ma"]
    assert list(sheet.texts) == ["en", "fr", "nl"]
    assert sheet.text("fr").summary == "Un exemple."
    assert sheet.text("es") is None


# --- return stories ----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "year_of_return: 2024",
            "year_of_return: 2003",
            f"{STORY}:3: year_of_return: 2003 is too early; stories start in 2006, "
            "write the year of return",
            id="year-too-early",
        ),
        pytest.param(
            "year_of_return: 2024",
            "year_of_return: 2026",
            f"{STORY}:3: year_of_return: 2026 is in the future; write the year the person returned",
            id="year-in-future",
        ),
        pytest.param(
            "[small_business]",
            "[farming]",
            f"{STORY}:4: support_used: 'farming' is not allowed; write one of: 'small_business', "
            "'housing', 'work', 'health' or 'education'",
            id="unknown-support",
        ),
        pytest.param(
            "[small_business]",
            "[]",
            f"{STORY}:4: support_used: is empty; write at least 1 entry",
            id="no-support",
        ),
        pytest.param(
            "example: true",
            "example: false\nconsent_to_publish: false",
            f"{STORY}:7: consent_to_publish: this story is not an example (example: false), so "
            "it needs 'consent_to_publish: true' once the person has agreed; the build refuses "
            "to publish it without consent",
            id="consent-refused",
        ),
        pytest.param(
            "  en:\n",
            "  de:\n    title: Beispiel\n    body: Text\n  en:\n",
            f"{STORY}:8: texts.de: 'de' is not one of the site's languages; use one of: "
            "en, fr, nl, es, sq, sr, uk, ru, ar, fa, ps, zh, mn, am, ti, ff, ln",
            id="unknown-text-language",
        ),
        pytest.param(
            "  en:\n",
            "  fr:\n",
            f"{STORY}:7: texts: no 'en:' text; write the story in English too (other languages "
            "fall back to it)",
            id="no-english-text",
        ),
        pytest.param(
            "example: true\n",
            "example: true\nphoto:\n  file: photos/x.jpg\n",
            f"{STORY}:10: texts: the 'en:' text has no photo_alt; describe the photo for readers "
            "who cannot see it, e.g. 'photo_alt: A man behind the counter of a small bakery'",
            id="photo-without-alt",
        ),
        pytest.param(
            "(sheet:ma#health)",
            "(sheet:ma#helth)",
            f"{STORY}:12: texts.en.body: link to sheet:ma#helth: a sheet has no section 'helth' "
            "(did you mean 'health'?); use one of: overview, arrival, housing, health, work, "
            "education, social_protection, vulnerable, partner, projects, contacts, sources",
            id="link-to-missing-section",
        ),
        pytest.param(
            "    title: An example story",
            "    title: An example story\n    titel: Again",
            f"{STORY}:10: texts.en: unknown field 'titel'; did you mean 'title'?",
            id="nested-typo",
        ),
    ],
)
def test_story_rule(root: Path, old: str, new: str, expected: str) -> None:
    _edit(root, STORY, old, new)
    assert _errors(root) == [expected]


def test_a_real_story_with_consent_is_published(root: Path) -> None:
    _edit(root, STORY, "example: true", "example: false\nconsent_to_publish: true")
    content = load_content(root)
    assert content.stories["ma-2024-example"].data.consent_to_publish is True
    assert list(content.without_examples().stories) == ["ma-2024-example"]


def test_examples_can_be_left_out(root: Path) -> None:
    content = load_content(root)
    assert list(content.stories) == ["ma-2024-example"]
    assert content.without_examples().stories == {}
    assert content.without_examples().sheets == content.sheets


@pytest.mark.parametrize(
    ("file", "create", "expected"),
    [
        pytest.param("photos/bakery.jpg", True, None, id="existing-photo"),
        pytest.param(
            "../bakery.jpg",
            False,
            "photo.file: '../bakery.jpg' is outside return_stories/; put the photo in "
            "return_stories/photos/",
            id="outside",
        ),
        pytest.param(
            "photos/bakery.gif",
            True,
            "photo.file: 'photos/bakery.gif' is not a .jpg, .png or .webp photo; use one of "
            "these formats",
            id="wrong-format",
        ),
    ],
)
def test_photo_file(root: Path, file: str, create: bool, expected: str | None) -> None:
    if create:
        photo = root / "return_stories" / file
        photo.parent.mkdir(parents=True, exist_ok=True)
        photo.write_bytes(images.jpeg(800, 600))
    _edit(root, STORY, "example: true\n", f"example: true\nphoto:\n  file: {file}\n")
    _edit(
        root,
        STORY,
        "    title: An example story\n",
        "    title: An example story\n    photo_alt: A shop\n",
    )
    if expected is None:
        story = load_content(root).stories["ma-2024-example"]
        assert story.photo_path == root / "return_stories" / file
    else:
        assert _errors(root) == [f"{STORY}:8: {expected}"]


def test_story_file_name_must_be_a_plain_name(root: Path) -> None:
    (root / STORY).rename(root / "return_stories" / "My story.yml")
    _edit(root, EN, "(story:ma-2024-example)", "(sheet:ma)")
    assert _errors(root) == [
        "return_stories/My story.yml: 'My story.yml' cannot be a story name; name the file "
        "with lowercase letters, digits and dashes, e.g. ma-2019-bakery.yml"
    ]


def test_errors_of_all_files_are_reported_together(root: Path) -> None:
    _edit(root, SHEET, "status: draft", "status: drafts")
    _edit(root, EN, "overview: |", "overveiw: |")
    _edit(root, STORY, "partner: Caritas International", "partner:")
    assert _errors(root) == [
        f"{EN}:4: sections: unknown section 'overveiw'; did you mean 'overview'?",
        f"{SHEET}:3: status: 'drafts' is not allowed; write one of: 'draft' or 'reviewed'",
        f"{STORY}:5: partner: has no value; write one, e.g. 'partner: Caritas International'",
    ]


@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "return_stories/2024/ma-2024-other.yml",
            "return_stories/2024/ma-2024-other.yml: stories in sub-folders are not read; "
            "move the file to return_stories/ma-2024-other.yml",
        ),
        (
            "return_stories/ma-2024-example.yaml",
            "return_stories/ma-2024-example.yaml: rename the file to ma-2024-example.yml "
            "(there is also ma-2024-example.yml: keep only one of them)",
        ),
        (
            "return_stories/notes.txt",
            "return_stories/notes.txt: is not a story; a story is a .yml file in "
            "return_stories/ and its photo goes in return_stories/photos/: move or remove "
            "this file",
        ),
        (
            "return_stories/photos/old.jpg",
            "return_stories/photos/old.jpg: no story uses this photo; name it in a story's "
            "photo.file, or remove it (a photo is published only with its story)",
        ),
    ],
    ids=["story-in-subfolder", "yaml-beside-yml", "stray-file", "unused-photo"],
)
def test_every_story_file_is_used_or_reported(root: Path, name: str, expected: str) -> None:
    _write(root, name, "title: x\n")
    assert _errors(root) == [expected]


def test_an_unknown_placeholder_in_a_sheet_is_reported_in_the_sheet(root: Path) -> None:
    _edit(root, EN, "summary: ", "summary: Call [[phon]]. ")
    line = next(
        number
        for number, text in enumerate((root / EN).read_text().splitlines(), 1)
        if "[[phon]]" in text
    )
    assert _errors(root) == [
        f"{EN}:{line}: summary: unknown placeholder [[phon]] (did you mean 'phone'?); "
        "write [[phone]] or [[country]]"
    ]
