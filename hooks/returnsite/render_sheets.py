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
from returnsite.content.dates import DocumentDate
from returnsite.content.fields import country_name
from returnsite.content.sections import load_sections
from returnsite.content.sheets import Partner
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
from returnsite.organisations import organisation_name
from returnsite.placeholders import fill_country
from returnsite.render_stories import story_title
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
NEWEST = N_("The newest information in this sheet dates from %(date)s.")
UNDATED = N_("None of the sources of this sheet shows a date.")
FROM_SOURCE = N_("information from %(date)s")
UNDATED_SOURCE = N_("source without a date")
OLD_SECTION = N_(
    "The information in this section dates from %(date)s: it may be out of date. "
    "Check it with a return counsellor."
)
DEFAULT_STALE_AFTER_MONTHS = 12


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


def freshness_date(sheet: CountrySheet) -> dt.date | None:
    """The day a sheet's freshness is measured from: its review, or for a draft
    the last day its newest source may mean (None: no source is dated)."""
    if sheet.facts.review is not None:
        return sheet.facts.review.date
    newest = sheet.facts.newest_source_date()
    return newest.last_day if newest else None


def is_old(day: dt.date | None, today: dt.date, months: int) -> bool:
    """Whether ``day`` is more than ``months`` months before ``today`` (unknown: old)."""
    return day is None or day < months_before(today, months)


def is_stale(sheet: CountrySheet, today: dt.date, months: int) -> bool:
    """Whether the sheet's review, or for a draft its newest source, is more than
    ``months`` months before ``today``."""
    return is_old(freshness_date(sheet), today, months)


def stale_sheets(sheets: Iterable[CountrySheet], today: dt.date, months: int) -> list[str]:
    return [sheet.code for sheet in sheets if is_stale(sheet, today, months)]


def freshness_words(sheet: CountrySheet) -> str:
    """``last reviewed 2024-03-15`` or ``draft, newest source 2019-03`` (build log)."""
    if sheet.facts.review is not None:
        return f"last reviewed {sheet.facts.review.date.isoformat()}"
    newest = sheet.facts.newest_source_date()
    return f"draft, newest source {newest.isoformat() if newest else 'undated'}"


# --- The parts of a page --------------------------------------------------------


@dataclass(frozen=True)
class ProjectView:
    project: Project
    name: Part  # in the reader's language, or English, or sheet.yml's
    text: Part | None
    dated: str = ""  # "information from March 2019", from the project's source


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str  # English; the template translates it
    text: Part | None
    partners: str = ""  # the partner section: the partners' names as a list
    projects: tuple[ProjectView, ...] = ()  # the projects section
    old: str = ""  # the notice of a section whose sources are older than the limit


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

    def __init__(
        self, page_reader: Reader, rewrite: Callable[[str], str], country: str | None = None
    ) -> None:
        self.reader = page_reader
        self.rewrite = rewrite
        self.country = country  # the sheet's country code, for [[country]]

    def __call__(self, own: str | None, english: str | None) -> Part | None:
        if own is not None:
            return Part(self.rewrite(self._fill(own, self.reader.text_code)))
        if english is not None:
            english_code = default_language().code
            return Part(
                self.rewrite(self._fill(english, english_code)), self.reader.lang_of(english_code)
            )
        return None

    def _fill(self, text: str, code: str) -> str:
        """[[country]]: the country's name from CLDR, in the language of the text."""
        if self.country is None:
            return text
        return fill_country(text, markdown_text(country_name(self.country, language(code).locale)))


def _story_links(stories: Sequence[Story], from_page: str, page_reader: Reader) -> list[StoryLink]:
    links = []
    for story in sorted(stories, key=lambda s: (-s.data.year_of_return, s.name)):
        own = story.text(page_reader.code)
        lang = page_reader.code if own else default_language().code
        links.append(
            StoryLink(
                title=story_title(story, page_reader.code),
                attrs=page_reader.lang_of(lang),
                url=relative_link(from_page, story_path(story.name)),
                year=story.data.year_of_return,
                example=story.data.example,
            )
        )
    return links


def _status(sheet: CountrySheet, page_reader: Reader) -> str:
    if sheet.facts.review is None:
        return page_reader.markdown(DRAFT)
    return page_reader.markdown(REVIEWED, reviewer=sheet.facts.review.by)


def _reviewed(sheet: CountrySheet, page_reader: Reader) -> str | None:
    """The review's date, in the reader's language (None for a draft)."""
    review = sheet.facts.review
    return page_reader.date(review.date) if review is not None else None


def _newest(sheet: CountrySheet, page_reader: Reader) -> str:
    """How old the newest source of the sheet is, in a sentence."""
    newest = sheet.facts.newest_source_date()
    if newest is None:
        return page_reader.markdown(UNDATED)
    return page_reader.markdown(NEWEST, date=_doc_date(newest, page_reader))


def _doc_date(date: DocumentDate, page_reader: Reader) -> str:
    return date.format(language(page_reader.code).locale)


def _source_date(sheet: CountrySheet, key: str | None, page_reader: Reader) -> str:
    """``information from March 2019`` for a fact taken from source ``key`` ("" if none)."""
    source = sheet.facts.source(key)
    if source is None:
        return ""
    if source.date is None:
        return page_reader.markdown(UNDATED_SOURCE)
    return page_reader.markdown(FROM_SOURCE, date=_doc_date(source.date, page_reader))


def _old_section(sheet: CountrySheet, key: str, page_reader: Reader, options: SheetOptions) -> str:
    """The notice of a section whose newest source is older than the limit ("" if not)."""
    keys = sheet.facts.section_sources.get(key)
    if not keys:
        return ""
    newest = sheet.facts.newest_source_date(keys)
    if newest is None or not is_old(newest.last_day, options.today, options.stale_after_months):
        return ""
    return page_reader.markdown(OLD_SECTION, date=_doc_date(newest, page_reader))


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
    pick = _Picker(page_reader, link_rewriter(page, names), sheet.code)
    locale = language(code).locale
    facts = sheet.facts
    partners = _markdown_list(
        [_partner(sheet, p, page_reader, code) for p in facts.partners], locale
    )
    projects = tuple(
        ProjectView(
            p,
            pick(texts.project_names.get(p.key), english.project_names.get(p.key)) or Part(p.name),
            pick(texts.projects.get(p.key), english.projects.get(p.key)),
            _source_date(sheet, p.source, page_reader),
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
            old=_old_section(sheet, section.key, page_reader, options),
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
        meta["outdated"] = True if facts.review is not None else "sources"
    markdown = render(
        "sheet.html",
        page_reader,
        name=name,
        partner_count=len(facts.partners),
        status=_status(sheet, page_reader),
        reviewed=_reviewed(sheet, page_reader),
        newest=_newest(sheet, page_reader),
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


def _partner(sheet: CountrySheet, partner: Partner, page_reader: Reader, code: str) -> MarkdownText:
    # The organisation's name as the texts of this language write it (OIM, МОМ...).
    name = markdown_text(organisation_name(partner.name, code))
    dated = _source_date(sheet, partner.source, page_reader)
    if not dated:
        return name
    return MarkdownText(page_reader.markdown("%(name)s (%(dated)s)", name=name, dated=dated))


def _markdown_list(items: list[MarkdownText], locale: Locale) -> MarkdownText:
    """``a, b and c`` of escaped items (the words between come from CLDR)."""
    return MarkdownText(format_list([str(item) for item in items], locale=locale))


def _source(source: Source, page_reader: Reader) -> MarkdownText:
    title = markdown_text(source.title)
    if source.url:
        title = MarkdownText("[{}](<{}>)").format(title, link_target(source.url))
    publisher = source.publisher
    if source.date is None:
        return page_reader.markdown(
            N_("%(title)s, %(publisher)s"), title=title, publisher=publisher
        )
    return page_reader.markdown(
        N_("%(title)s, %(publisher)s, %(date)s"),
        title=title,
        publisher=publisher,
        date=_doc_date(source.date, page_reader),
    )


# --- The countries index ----------------------------------------------------------


@dataclass(frozen=True)
class CountryEntry:
    name: str
    url: str
    keywords: str  # what the filter box matches: names in several languages, the code
    status: str
    reviewed: str | None  # the review's date; None for a draft
    newest: str  # how old the newest source is
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
    entries = []
    for sheet in sheets:
        pick = _Picker(page_reader, link_rewriter(COUNTRIES_INDEX, ()), sheet.code)
        texts, english, translated = _texts(sheet, code)
        names = {country_name(sheet.code, locale), country_name(sheet.code), sheet.code}
        entries.append(
            CountryEntry(
                name=country_name(sheet.code, locale),
                url=relative_link(COUNTRIES_INDEX, sheet_path(sheet.code)),
                keywords=" ".join(sorted(names)),
                status=_status(sheet, page_reader),
                reviewed=_reviewed(sheet, page_reader),
                newest=_newest(sheet, page_reader),
                stale=is_stale(sheet, options.today, options.stale_after_months),
                summary=pick(texts.summary if translated else None, english.summary),
            )
        )
    entries = sorted_for(code, entries, key=lambda entry: entry.name)
    title = page_reader.gettext("Countries of return")
    meta = {"title": title, "template": "content-list.html"}
    markdown = render("countries-index.html", page_reader, title=title, entries=entries)
    return front_matter(meta) + markdown
