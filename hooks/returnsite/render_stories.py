"""Return story pages and the stories index, in the reader's language.

Pure functions ``(story, language code, translations) -> Markdown`` with front
matter; the layout is in ``overrides/markdown/story.html`` and
``stories-index.html``. A story not written in the reader's language is shown
in English (``text_language: en``: the site shows the "not translated yet"
notice). An illustrative example (``example: true``) carries a visible label
on its page and in the lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from babel.lists import format_list
from babel.support import NullTranslations

from returnsite.collation import sorted_for
from returnsite.content import Story
from returnsite.content.fields import country_name
from returnsite.i18n import N_
from returnsite.languages import default_language, language
from returnsite.markdown_pages import (
    STORIES_INDEX,
    Part,
    Reader,
    front_matter,
    link_rewriter,
    markdown_text,
    photo_site_path,
    reader,
    relative_link,
    render,
    sheet_path,
    story_path,
)
from returnsite.organisations import organisation_name
from returnsite.placeholders import fill_country
from returnsite.translation_status import translation_meta

# What the support was used for: the values of `support_used` in a story file.
SUPPORT_LABELS = {
    "small_business": N_("Small business"),
    "housing": N_("Housing"),
    "work": N_("Work"),
    "health": N_("Health"),
    "education": N_("Education"),
}


@dataclass(frozen=True)
class Photo:
    url: str
    alt: str
    attrs: dict[str, str]  # lang/dir of the alt text when it is not the page's


def support_text(kinds: Iterable[str], page_reader: Reader) -> str:
    """The kinds of support as a list in the reader's language, e.g. 'Work and Housing'."""
    labels = [page_reader.gettext(SUPPORT_LABELS[kind]) for kind in kinds]
    return format_list(labels, locale=language(page_reader.code).locale)


def story_page(
    story: Story,
    code: str,
    translations: NullTranslations,
    story_names: Iterable[str] | None = None,
) -> str:
    """The page of one story in language ``code``.

    ``story_names`` are the stories that have a page in this build (links to
    others go to the stories index; None: all).
    """
    english = story.data.texts[default_language().code]
    own = story.text(code)
    text = own or english
    text_code = code if own is not None else default_language().code
    title = story_title(story, code)
    page_reader = reader(code, translations, own is not None)
    page = story_path(story.name)
    names = set(story_names) if story_names is not None else None
    rewrite = link_rewriter(page, names)
    country = country_name(story.country, language(code).locale)
    meta: dict[str, object] = {"title": title, **translation_meta(english, own, code)}
    if own is None:
        meta["text_language"] = page_reader.text_code
    markdown = render(
        "story.html",
        page_reader,
        title=title,
        example=story.data.example,
        country=country,
        sheet_url=relative_link(page, sheet_path(story.country)),
        index_url=relative_link(page, STORIES_INDEX),
        year=str(story.data.year_of_return),
        support=support_text(story.data.support_used, page_reader),
        partner=organisation_name(story.data.partner, code),
        photo=_photo(story, page, page_reader),
        body=Part(rewrite(fill_country(text.body, markdown_text(country_in(story, text_code))))),
    )
    return front_matter(meta) + markdown


def country_in(story: Story, code: str) -> str:
    """The story's country, as CLDR names it in language ``code`` (for [[country]])."""
    return country_name(story.country, language(code).locale)


def story_title(story: Story, code: str) -> str:
    """The story's title in language ``code`` (or English), [[country]] filled in."""
    own = story.text(code)
    text = own or story.data.texts[default_language().code]
    return fill_country(text.title, country_in(story, code if own else default_language().code))


def _photo(story: Story, page: str, page_reader: Reader) -> Photo | None:
    if story.data.photo is None:
        return None
    own = story.text(page_reader.code)
    english = story.data.texts[default_language().code]
    if own is not None and own.photo_alt is not None:
        alt, lang = own.photo_alt, page_reader.code
    else:
        alt, lang = english.photo_alt or "", default_language().code
    url = relative_link(page, photo_site_path(story.data.photo.file))
    return Photo(url=url, alt=alt, attrs=page_reader.lang_of(lang))


# --- The stories index ------------------------------------------------------------


@dataclass(frozen=True)
class StoryEntry:
    title: str
    attrs: dict[str, str]
    url: str
    country: str
    country_name: str
    year: int
    supports: list[str]
    support: str
    example: bool


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


def stories_index(stories: Iterable[Story], code: str, translations: NullTranslations) -> str:
    """The list of stories in language ``code``, by country (alphabetical in that
    language), newest first; filterable by country and kind of support."""
    page_reader = reader(code, translations)
    locale = language(code).locale
    entries = []
    for story in stories:
        own = story.text(code)
        entries.append(
            StoryEntry(
                title=story_title(story, code),
                attrs=page_reader.lang_of(code if own else default_language().code),
                url=relative_link(STORIES_INDEX, story_path(story.name)),
                country=story.country,
                country_name=country_name(story.country, locale),
                year=story.data.year_of_return,
                supports=list(story.data.support_used),
                support=support_text(story.data.support_used, page_reader),
                example=story.data.example,
            )
        )
    entries.sort(key=lambda entry: (-entry.year, entry.url))
    entries = sorted_for(code, entries, key=lambda entry: entry.country_name)  # stable
    countries = {entry.country: entry.country_name for entry in entries}
    used = {kind for entry in entries for kind in entry.supports}
    title = page_reader.gettext("Return stories")
    markdown = render(
        "stories-index.html",
        page_reader,
        title=title,
        entries=entries,
        examples=_examples(entries),
        countries=[
            Choice(cc, name)
            for cc, name in sorted_for(code, countries.items(), key=lambda item: item[1])
        ],
        supports=[
            Choice(kind, page_reader.gettext(label))
            for kind, label in SUPPORT_LABELS.items()
            if kind in used
        ],
    )
    return front_matter({"title": title, "template": "content-list.html"}) + markdown


def _examples(entries: list[StoryEntry]) -> str:
    """Whether the list shows examples: "all", "some" or "none" (also for an empty list)."""
    shown = [entry.example for entry in entries]
    if shown and all(shown):
        return "all"
    return "some" if any(shown) else "none"
