"""Where a fact comes from: one :class:`Source` model for every data file.

A source is declared by its document's title, as the document writes it and in
the document's language (``language``), its publisher, its kind (from
:data:`KINDS`, whose labels are UI strings) and its date, if it shows one. Pages
cite it with :func:`citation`: the words around the title come from the
catalogs, the title stays as written, marked with its language
(``<cite lang="fr">``) so that a reader's browser, a screen reader and a
translation tool know it is a quote.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup, escape
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from returnsite.data_loading import PlainText
from returnsite.i18n import N_, translations
from returnsite.validation import PastDate, Shape, rule_error

# The kinds of document a source can be, with the words a page shows for each.
KINDS: dict[str, str] = {
    "web_page": N_("web page"),
    "website": N_("website"),
    "slides": N_("presentation slides"),
    "leaflet": N_("leaflet"),
    "report": N_("report"),
    "regulation": N_("regulation"),
    "document": N_("document"),
}
Kind = Literal["web_page", "website", "slides", "leaflet", "report", "regulation", "document"]

# A title that is only a web address ("www.voluntaryreturn.be") is in no language.
_WEB_ADDRESS = re.compile(r"(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?", re.ASCII)


def _check_language(value: str) -> str:
    code = value.strip()
    try:
        Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        raise rule_error(
            f"'{value}' is not a language code; write the code of the language the title "
            "is written in, e.g. fr for French, nl for Dutch, en for English"
        ) from None
    return code


DocumentLanguage = Annotated[str, AfterValidator(_check_language), Shape("language code, e.g. fr")]


class Source(BaseModel):
    """A document that facts come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: PlainText = Field(
        description="The document's title as the document writes it, in its own language "
        "(never translated).",
        examples=["Le programme de retour volontaire"],
    )
    language: DocumentLanguage | None = Field(
        None,
        description="The language the title is written in: fr, nl, en... "
        "(only a title that is a web address has none).",
        examples=["fr"],
    )
    publisher: PlainText = Field(description="Who published it.", examples=["Fedasil"])
    kind: Kind = Field(description="What it is: " + ", ".join(KINDS) + ".", examples=["web_page"])
    # Left out when the document shows no date: never guess one.
    date: PastDate | None = Field(
        None,
        description="The date the document shows; leave it out when it shows none.",
        examples=["2017-08-09"],
    )
    file: PlainText | None = Field(
        None,
        description="Its copy in the project's sources folder (shared/sources), if any.",
        examples=["001_e7131cb96c650248.txt"],
    )

    @model_validator(mode="after")
    def _title_has_a_language(self) -> Source:
        if self.language is None and not _WEB_ADDRESS.fullmatch(self.title):
            raise rule_error(
                "missing: the language of the title; add 'language:' with its code, "
                "e.g. language: fr",
                at=("title",),
            )
        return self


CITATION = N_("%(publisher)s, %(kind)s %(title)s, %(date)s")
CITATION_UNDATED = N_("%(publisher)s, %(kind)s %(title)s, undated")


def cited_title(source: Source) -> Markup:
    """The title in a ``<cite>``, with its language (and direction) marked."""
    if source.language is None:
        return Markup('<cite dir="ltr" translate="no">%s</cite>') % source.title
    locale = Locale.parse(source.language, sep="-")
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return Markup('<cite lang="%s" dir="%s">%s</cite>') % (
        source.language,
        direction,
        source.title,
    )


def citation(source: Source, code: str) -> Markup:
    """The source as HTML in language ``code``: 'Fedasil, web page <cite>...</cite>, undated'."""
    _ = translations(code).gettext
    values = {
        "publisher": source.publisher,
        "kind": _(KINDS[source.kind]),
        "title": cited_title(source),
    }
    if source.date is None:
        return escape(_(CITATION_UNDATED)) % values
    return escape(_(CITATION)) % {**values, "date": format_day(source.date, code)}


def format_day(day: dt.date, code: str) -> str:
    return format_date(day, "long", locale=code)


def sources_line(label: str, citations: list[Markup]) -> Markup:
    """'Sources: a; b.' as one paragraph of HTML (for Markdown pages and templates)."""
    joined = Markup("; ").join(citations)
    return Markup('<p class="sources"><small>%s %s.</small></p>') % (label, joined)
