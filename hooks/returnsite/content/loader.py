"""Load and check all content: every country sheet and return story, with the
checks across files (a story's country needs a sheet, links need targets)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from returnsite import ROOT, validation
from returnsite.content.links import LinkTargets
from returnsite.content.sections import section_keys
from returnsite.content.sheets import CountrySheet, load_sheet
from returnsite.content.stories import Story, load_story
from returnsite.validation import ContentError, ContentErrors

SHEETS_DIR = "country_sheets"
STORIES_DIR = "return_stories"
PHOTOS_DIR = "photos"


@dataclass(frozen=True)
class Content:
    root: Path
    sheets: dict[str, CountrySheet]  # by country code, sorted by code
    stories: dict[str, Story]  # by story name, sorted by name

    def stories_for(self, country: str) -> list[Story]:
        return self._by_country.get(country, [])

    @cached_property
    def _by_country(self) -> dict[str, list[Story]]:
        found: dict[str, list[Story]] = {}
        for story in self.stories.values():
            found.setdefault(story.country, []).append(story)
        return found

    def without_examples(self) -> Content:
        """The content with illustrative example stories left out (for production)."""
        real = {name: story for name, story in self.stories.items() if not story.data.example}
        return replace(self, stories=real)


def load_content(root: Path = ROOT) -> Content:
    """All sheets and stories under ``root``; raise :class:`ContentErrors` with
    every error of every file if anything is wrong."""
    content, errors = check_content(root)
    if errors:
        raise ContentErrors(errors)
    return content


def check_content(root: Path = ROOT) -> tuple[Content, list[ContentError]]:
    """The valid sheets and stories, and the errors of all the others.

    A build reads the content more than once (pages, translation status):
    the result is kept while no file under *root*'s content folders changes
    (and while it is the same day).
    """
    key = (root.resolve(), validation.today(), _state(root))  # dates are checked against today
    if key not in _checked:
        _checked.clear()
        _checked[key] = _check_content(root)
    content, errors = _checked[key]
    return content, list(errors)


_checked: dict[tuple, tuple[Content, list[ContentError]]] = {}


def forget_checked() -> None:
    """Forget the kept results: the next check reads every file (benchmarks)."""
    _checked.clear()


def _state(root: Path) -> tuple:
    """Every file of the content folders with its size and time of change."""
    found = []
    for folder in (root / SHEETS_DIR, root / STORIES_DIR):
        if folder.is_dir():
            for path in folder.rglob("*"):
                info = path.stat()
                found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


def _check_content(root: Path) -> tuple[Content, list[ContentError]]:
    sheets_dir, stories_dir = root / SHEETS_DIR, root / STORIES_DIR
    folders = _entries(sheets_dir, directories=True)
    story_files = _entries(stories_dir, directories=False)
    targets = LinkTargets(
        sheets=frozenset(folder.name for folder in folders),
        stories=frozenset(path.stem for path in story_files if path.suffix == ".yml"),
        sections=section_keys(),
    )
    errors: list[ContentError] = []
    sheets: dict[str, CountrySheet] = {}
    for path in _entries(sheets_dir, directories=False):
        if path.suffix in (".yml", ".yaml"):
            errors.append(
                ContentError(
                    path,
                    None,
                    "a country sheet is a folder: move this file to "
                    f"{SHEETS_DIR}/<country code>/sheet.yml and write its texts in <language>.yml",
                )
            )
    for folder in folders:
        sheet, sheet_errors = load_sheet(folder, targets)
        errors += sheet_errors
        if sheet is not None:
            sheets[sheet.code] = sheet
    errors += _stray_story_files(stories_dir, story_files)
    stories: dict[str, Story] = {}
    for path in story_files:
        if path.suffix != ".yml":
            continue
        story, story_errors = load_story(path, targets)
        errors += story_errors
        if story is not None:
            stories[story.name] = story
    if not any(
        error.path.parent == stories_dir and error.path.suffix == ".yml" for error in errors
    ):
        # Only when every story loaded: a story with a mistake may be the user.
        errors += _unused_photos(stories_dir, stories)
    errors.sort(key=ContentError.sort_key)
    return Content(root=root, sheets=sheets, stories=stories), errors


def _stray_story_files(stories_dir: Path, story_files: list[Path]) -> list[ContentError]:
    """Every file under return_stories/ that is neither a story nor in photos/:
    reported, so that no story is silently left out."""
    errors = []
    names = {path.name for path in story_files}
    for path in story_files:
        if path.suffix == ".yaml":
            also = f" (there is also {path.stem}.yml: keep only one of them)"
            also = also if f"{path.stem}.yml" in names else ""
            errors.append(ContentError(path, None, f"rename the file to {path.stem}.yml{also}"))
        elif path.suffix != ".yml":
            errors.append(
                ContentError(
                    path,
                    None,
                    "is not a story; a story is a .yml file in return_stories/ and its photo "
                    f"goes in return_stories/{PHOTOS_DIR}/: move or remove this file",
                )
            )
    for folder in _entries(stories_dir, directories=True):
        if folder.name == PHOTOS_DIR:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                errors.append(
                    ContentError(
                        path,
                        None,
                        "stories in sub-folders are not read; move the file to "
                        f"{STORIES_DIR}/{path.name}"
                        if path.suffix in (".yml", ".yaml")
                        else "is not a story nor in return_stories/photos/; move or remove it",
                    )
                )
    return errors


def _unused_photos(stories_dir: Path, stories: dict[str, Story]) -> list[ContentError]:
    used = {story.photo_path.resolve() for story in stories.values() if story.photo_path}
    folder = stories_dir / PHOTOS_DIR
    if not folder.is_dir():
        return []
    return [
        ContentError(
            path,
            None,
            "no story uses this photo; name it in a story's photo.file, or remove it "
            "(a photo is published only with its story)",
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and path.resolve() not in used
    ]


def _entries(folder: Path, *, directories: bool) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if not path.name.startswith(".") and path.is_dir() == directories
    )
