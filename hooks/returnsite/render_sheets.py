"""Country sheet pages and the countries index, in the reader's language.

Pure functions ``(sheet, language code, translations) -> Markdown`` with front
matter; the layout is in ``overrides/markdown/sheet.html`` and
``countries-index.html``. A sheet without texts in the reader's language is
shown with its English texts (``text_language: en``: the site shows the "not
translated yet" notice); a translated sheet that misses a section shows the
English text of that section, marked as English.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from babel import Locale
from babel.lists import format_list
from babel.support import NullTranslations

from returnsite.collation import sorted_for
from returnsite.content import CountrySheet, Project, SheetTexts, Source, Story
from returnsite.content.fields import country_name
from returnsite.content.sections import load_sections
from returnsite.estimator import EstimatorRules
from returnsite.i18n import N_
from returnsite.languages import default_language, language
from returnsite.markdown_pages import (
    COUNTRIES_INDEX,
    MarkdownText,
    Part,
    Reader,
    front_matter,
    link_rewriter,
    link_target,
    markdown_text,
    reader,
    relative_link,
    render,
    sheet_path,
    story_path,
)
from returnsite.sheet_support import ESTIMATOR_PAGE, support_view
from returnsite.translation_status import translation_meta

# The section titles of data/sheet_sections.yml, for the UI catalogs
# (tests/test_render_sheets.py checks that the two lists agree).
SECTION_TITLES = [
    N_("Overview"),
    N_("Arriving and first days"),
    N_("Housing"),
    N_("Health care"),
    N_("Work and income"),
    N_("Education and training"),
    N_("Social protection"),
    N_("Women, children and vulnerable people"),
    N_("The reintegration partner in this country"),
    N_("Country-specific projects"),
    N_("Useful contacts"),
    N_("Sources"),
]

# Sections that also show facts from sheet.yml, under their key in the data.
PARTNER, PROJECTS, SOURCES = "partner", "projects", "sources"

DRAFT = N_("Draft: not yet checked by a local partner")
REVIEWED = N_("Checked by %(reviewer)s")
DEFAULT_STALE_AFTER_MONTHS = 12
# How _source() writes a source, for the catalogs (Arabic writes its own comma).
SOURCE_FORMATS = (N_("%(title)s, %(publisher)s"), N_("%(title)s, %(publisher)s, %(date)s"))


@dataclass(frozen=True)
class SheetOptions:
    today: dt.date
    stale_after_months: int = DEFAULT_STALE_AFTER_MONTHS
    # The language-neutral path of the page listing the return desks, if the site has one.
    desks_page: str | None = None
    # The estimator's rules (data/estimator.yml): a sheet's "What support you may get".
    rules: EstimatorRules | None = None


# --- Stale sheets ---------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def is_stale(sheet: CountrySheet, today: dt.date, months: int) -> bool:
    """Whether the sheet's last review is more than ``months`` months before ``today``."""
    return sheet.facts.last_reviewed < months_before(today, months)


def stale_sheets(sheets: Iterable[CountrySheet], today: dt.date, months: int) -> list[str]:
    return [sheet.code for sheet in sheets if is_stale(sheet, today, months)]


# --- The parts of a page --------------------------------------------------------


@dataclass(frozen=True)
class ProjectView:
    project: Project
    name: Part  # in the reader's language, or English, or sheet.yml's
    text: Part | None


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str  # English; the template translates it
    text: Part | None
    partners: str = ""  # the partner section: the partners' names as a list
    projects: tuple[ProjectView, ...] = ()  # the projects section


@dataclass(frozen=True)
class StoryLink:
    title: str
    attrs: dict[str, str]
    url: str
    year: int
    example: bool


def _texts(sheet: CountrySheet, code: str) -> tuple[SheetTexts, SheetTexts, bool]:
    """The texts in the reader's language (or English), the English texts, and
    whether the sheet is translated."""
    english = sheet.texts[default_language().code]
    own = sheet.text(code)
    return (own or english), english, own is not None


class _Picker:
    """Chooses each text: the reader's language, else English marked as English."""

    def __init__(self, page_reader: Reader, rewrite: Callable[[str], str]) -> None:
        self.reader = page_reader
        self.rewrite = rewrite

    def __call__(self, own: str | None, english: str | None) -> Part | None:
        if own is not None:
            return Part(self.rewrite(own))
        if english is not None:
            return Part(self.rewrite(english), self.reader.lang_of(default_language().code))
        return None


def _story_links(stories: Sequence[Story], from_page: str, page_reader: Reader) -> list[StoryLink]:
    links = []
    for story in sorted(stories, key=lambda s: (-s.data.year_of_return, s.name)):
        own = story.text(page_reader.code)
        text = own or story.data.texts[default_language().code]
        lang = page_reader.code if own else default_language().code
        links.append(
            StoryLink(
                title=text.title,
                attrs=page_reader.lang_of(lang),
                url=relative_link(from_page, story_path(story.name)),
                year=story.data.year_of_return,
                example=story.data.example,
            )
        )
    return links


def _status(sheet: CountrySheet, page_reader: Reader) -> str:
    if sheet.facts.status == "draft":
        return page_reader.markdown(DRAFT)
    return page_reader.markdown(REVIEWED, reviewer=sheet.facts.reviewed_by or "")


# --- A sheet's page -------------------------------------------------------------


def sheet_page(
    sheet: CountrySheet,
    code: str,
    translations: NullTranslations,
    options: SheetOptions,
    stories: Sequence[Story] = (),
    story_names: Iterable[str] | None = None,
) -> str:
    """The page of one country sheet in language ``code``.

    ``stories`` are the country's stories shown on the page; ``story_names``
    the stories that have a page in this build (links to others go to the
    stories index; None: all).
    """
    texts, english, translated = _texts(sheet, code)
    page_reader = reader(code, translations, translated)
    page = sheet_path(sheet.code)
    names = set(story_names) if story_names is not None else None
    pick = _Picker(page_reader, link_rewriter(page, names))
    locale = language(code).locale
    facts = sheet.facts
    partners = _markdown_list([markdown_text(p) for p in facts.partners], locale)
    projects = tuple(
        ProjectView(
            p,
            pick(texts.project_names.get(p.key), english.project_names.get(p.key)) or Part(p.name),
            pick(texts.projects.get(p.key), english.projects.get(p.key)),
        )
        for p in facts.projects
    )
    shown, missing = [], []
    for section in load_sections():
        view = SectionView(
            section.key,
            section.title,
            pick(getattr(texts.sections, section.key), getattr(english.sections, section.key)),
            partners=partners if section.key == PARTNER and facts.partners else "",
            projects=projects if section.key == PROJECTS else (),
        )
        if (
            view.text
            or view.partners
            or view.projects
            or (section.key == SOURCES and facts.sources)
        ):
            shown.append(view)
        elif section.key != SOURCES:
            missing.append(section.title)
    name = country_name(sheet.code, locale)
    stale = is_stale(sheet, options.today, options.stale_after_months)
    meta: dict[str, object] = {"title": name, **translation_meta(english, sheet.text(code), code)}
    if not translated:
        meta["text_language"] = page_reader.text_code
    if stale:
        meta["outdated"] = True
    markdown = render(
        "sheet.html",
        page_reader,
        name=name,
        partner_count=len(facts.partners),
        status=_status(sheet, page_reader),
        reviewed=page_reader.date(sheet.facts.last_reviewed),
        summary=pick(texts.summary, english.summary),
        support=support_view(facts, options.rules, code, relative_link(page, ESTIMATOR_PAGE))
        if options.rules
        else None,
        sections=[view for view in shown if view.key != SOURCES],
        sources=next((view for view in shown if view.key == SOURCES), None),
        source_list=[
            _source(source, page_reader)
            for source in [*sheet.facts.sources, sheet.facts.visa_for_belgium.source]
        ],
        stories=_story_links(stories, page, page_reader),
        missing=_markdown_list([page_reader.markdown(t) for t in missing], locale)
        if missing
        else "",
        desks_page=relative_link(page, options.desks_page) if options.desks_page else None,
        index_url=relative_link(page, COUNTRIES_INDEX),
    )
    return front_matter(meta) + markdown


def _markdown_list(items: list[MarkdownText], locale: Locale) -> MarkdownText:
    """``a, b and c`` of escaped items (the words between come from CLDR)."""
    return MarkdownText(format_list([str(item) for item in items], locale=locale))


def _source(source: Source, page_reader: Reader) -> MarkdownText:
    title = markdown_text(source.title)
    if source.url:
        title = MarkdownText("[{}](<{}>)").format(title, link_target(source.url))
    publisher = source.publisher
    if source.date is None:
        return page_reader.markdown("%(title)s, %(publisher)s", title=title, publisher=publisher)
    return page_reader.markdown(
        "%(title)s, %(publisher)s, %(date)s",
        title=title,
        publisher=publisher,
        date=page_reader.date(source.date),
    )


# --- The countries index ----------------------------------------------------------


@dataclass(frozen=True)
class CountryEntry:
    name: str
    url: str
    keywords: str  # what the filter box matches: names in several languages, the code
    status: str
    reviewed: str
    stale: bool
    summary: Part | None


def countries_index(
    sheets: Iterable[CountrySheet],
    code: str,
    translations: NullTranslations,
    options: SheetOptions,
) -> str:
    """The list of countries in language ``code``, in that language's alphabetical order."""
    page_reader = reader(code, translations)
    locale = language(code).locale
    pick = _Picker(page_reader, link_rewriter(COUNTRIES_INDEX, ()))
    entries = []
    for sheet in sheets:
        texts, english, translated = _texts(sheet, code)
        names = {country_name(sheet.code, locale), country_name(sheet.code), sheet.code}
        entries.append(
            CountryEntry(
                name=country_name(sheet.code, locale),
                url=relative_link(COUNTRIES_INDEX, sheet_path(sheet.code)),
                keywords=" ".join(sorted(names)),
                status=_status(sheet, page_reader),
                reviewed=page_reader.date(sheet.facts.last_reviewed),
                stale=is_stale(sheet, options.today, options.stale_after_months),
                summary=pick(texts.summary if translated else None, english.summary),
            )
        )
    entries = sorted_for(code, entries, key=lambda entry: entry.name)
    title = page_reader.gettext("Countries of return")
    meta = {"title": title, "template": "content-list.html"}
    markdown = render("countries-index.html", page_reader, title=title, entries=entries)
    return front_matter(meta) + markdown
