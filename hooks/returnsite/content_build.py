"""Country sheets and return stories in the build: the options in mkdocs.yml,
the pages of one language and the story photos (``hooks/content_hook.py``
wires them in).

Options, under ``extra:`` in mkdocs.yml (all optional):

- ``include_example_stories``: false leaves the illustrative example stories
  out (for production); default true.
- ``sheet_stale_after_months``: a sheet whose last review (for a draft: whose
  newest source) is older shows an
  "out of date" notice and is listed by the build; default 12.
- ``content_root``: the folder holding ``country_sheets/`` and
  ``return_stories/``, relative to mkdocs.yml; default the project folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.support import NullTranslations

from returnsite import ROOT
from returnsite.content import Content
from returnsite.markdown_pages import COUNTRIES_INDEX, STORIES_INDEX, photo_site_path
from returnsite.markdown_pages import sheet_path as sheet_page_path
from returnsite.markdown_pages import story_path as story_page_path
from returnsite.options import OptionError, flag
from returnsite.render_sheets import (
    DEFAULT_STALE_AFTER_MONTHS,
    SheetOptions,
    countries_index,
    freshness_words,
    is_stale,
    sheet_page,
)
from returnsite.render_stories import stories_index, story_page


@dataclass(frozen=True)
class BuildOptions:
    content_root: Path = ROOT
    include_examples: bool = True
    stale_after_months: int = DEFAULT_STALE_AFTER_MONTHS


def build_options(extra: Mapping[str, Any], config_dir: Path = ROOT) -> BuildOptions:
    """The content options from mkdocs.yml's ``extra:``; raise :class:`OptionError`."""
    examples = flag(extra, "include_example_stories", True)
    months = extra.get("sheet_stale_after_months", DEFAULT_STALE_AFTER_MONTHS)
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise OptionError(
            f"extra.sheet_stale_after_months: expected a number of months (1 or more), "
            f"got {months!r}; e.g. 12"
        )
    root = extra.get("content_root")
    content_root = (config_dir / root).resolve() if root else ROOT
    if not content_root.is_dir():
        raise OptionError(f"extra.content_root: there is no folder {content_root}")
    return BuildOptions(content_root, examples, months)


def select(content: Content, options: BuildOptions) -> Content:
    """The content published by this build."""
    return content if options.include_examples else content.without_examples()


def stale_report(content: Content, today: dt.date, months: int) -> str | None:
    """One line per sheet whose last review (for a draft: newest source) is older than
    ``months`` months, or None."""
    stale = [sheet for sheet in content.sheets.values() if is_stale(sheet, today, months)]
    if not stale:
        return None
    lines = [f"  {sheet.code}: {freshness_words(sheet)}" for sheet in stale]
    return (
        f"{len(stale)} country sheet(s) last reviewed (drafts: with a newest source) "
        f"more than {months} months ago "
        "(the pages say they may be out of date):\n" + "\n".join(lines)
    )


def language_pages(
    content: Content, code: str, translations: NullTranslations, options: SheetOptions
) -> list[tuple[str, str]]:
    """``(path, markdown)`` of every sheet and story page and both indexes in language ``code``."""
    names = set(content.stories)
    pages = [
        (COUNTRIES_INDEX, countries_index(content.sheets.values(), code, translations, options)),
        (STORIES_INDEX, stories_index(content.stories.values(), code, translations)),
    ]
    for sheet in content.sheets.values():
        markdown = sheet_page(
            sheet, code, translations, options, content.stories_for(sheet.code), names
        )
        pages.append((sheet_page_path(sheet.code), markdown))
    for story in content.stories.values():
        pages.append((story_page_path(story.name), story_page(story, code, translations, names)))
    return pages


def photos(content: Content) -> list[tuple[str, Path]]:
    """``(site path, file)`` of every story photo, published once for all languages."""
    return [
        (photo_site_path(story.data.photo.file), story.photo_path)
        for story in content.stories.values()
        if story.data.photo is not None and story.photo_path is not None
    ]
