"""The leaflet about voluntary return, in every language, and the page that lists them.

A leaflet is two A4 pages (``overrides/brochure.html``) published as a page,
``<language>/brochures/leaflet/``, and as a PDF beside the list,
``<language>/brochures/voluntary-return-<code>.pdf`` (printed by
:mod:`returnsite.pdf`). Its texts are UI strings, translated by the catalogs
in ``locales/`` like the rest of the interface: a leaflet is in its language
only when all of its texts are translated; until then it is the English
leaflet, with the "not translated yet" notice in the reader's language on
screen, and the list says so.

A leaflet is *checked* when its texts are English (the source) or when no text
it prints is a draft (a ``#, fuzzy`` entry of the catalog): :attr:`Leaflet.checked`.
A leaflet that is not checked prints the draft notice of the other pages of its
language, on screen and on paper, and the list says so.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from babel.numbers import format_decimal
from babel.support import NullTranslations
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from returnsite import ROOT
from returnsite.csp import with_policy
from returnsite.desks import ContactData, Desk
from returnsite.hours import hours_lines
from returnsite.languages import Language, language, load_languages
from returnsite.markdown_pages import MarkdownText
from returnsite.markdown_pages import environment as markdown_environment
from returnsite.notices import DRAFT, FALLBACK
from returnsite.printing import page_address
from returnsite.qr import qr_svg

TEMPLATES_DIR = ROOT / "overrides"
LEAFLET_TEMPLATE = "brochure.html"
LIST_TEMPLATE = "markdown/brochures.html"
LIST_PAGE = "brochures.md"  # in every language: the programme pages link to it
LEAFLET_PAGE = "brochures/leaflet/index.html"
# Both sides of one sheet of paper: the tests check every PDF has this many pages.
PAGES = 2


def pdf_name(code: str) -> str:
    return f"voluntary-return-{code}.pdf"


def pdf_path(code: str) -> str:
    """Where language *code*'s PDF is published, from the site root."""
    return f"{language(code).prefix}brochures/{pdf_name(code)}"


@dataclass(frozen=True)
class Leaflet:
    code: str  # the language of its page (and of its file name)
    text_language: str  # the language of its texts: code, or English until translated
    html: str
    checked: bool = True  # no text it prints is a draft translation


@dataclass(frozen=True)
class PdfFile:
    code: str
    size: int  # bytes
    pages: int


class Texts:
    """gettext for one language that notes which messages have no translation yet."""

    def __init__(self, code: str, translations: NullTranslations) -> None:
        self.code = code
        self.translations = translations
        self.missing: set[str] = set()
        self.used: set[str] = set()

    def gettext(self, message: str, **values: object) -> str:
        self._note(message, message)
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        self._note(singular, (singular, 0))
        text = self.translations.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    def _note(self, message: str, key: object) -> None:
        self.used.add(message)
        if not language(self.code).default and key not in _catalog(self.translations):
            self.missing.add(message)


def leaflet(
    code: str,
    translations: NullTranslations,
    contact: ContactData,
    site_url: str | None,
    with_pdf: bool,
    drafts: frozenset[str] = frozenset(),
) -> Leaflet:
    """The leaflet of language *code*; in English while any of its texts is not
    translated. *drafts*: the messages whose translation is a draft
    (:func:`returnsite.i18n.draft_messages`)."""
    reader = language(code)
    texts = Texts(code, translations)
    html = _leaflet_html(reader, reader, texts, contact, site_url, with_pdf, None)
    if not texts.missing:
        if reader.default or not texts.used & drafts:
            return Leaflet(code, code, html)
        texts = Texts(code, translations)
        draft = _draft_notice(translations)
        html = _leaflet_html(reader, reader, texts, contact, site_url, with_pdf, None, draft)
        return Leaflet(code, code, html, checked=False)
    english = Texts("en", NullTranslations())
    notice = translations.gettext(FALLBACK)
    html = _leaflet_html(reader, _english(), english, contact, site_url, with_pdf, notice)
    return Leaflet(code, "en", html)


def list_page(
    code: str,
    translations: NullTranslations,
    leaflets: Mapping[str, Leaflet],
    pdfs: Mapping[str, PdfFile],
    drafts: frozenset[str] = frozenset(),
) -> str:
    """The Markdown of ``brochures.md`` in language *code*: every leaflet, its size and pages.

    While any of its texts is not translated, the page is in English (language
    names too) and says so, like the other pages; while any is a draft
    (*drafts*), it carries the draft notice (``translation: draft``).
    """
    texts = Texts(code, translations)
    body = _render_markdown(
        LIST_TEMPLATE, texts, rows=_rows(code, code, leaflets, pdfs), any_pdf=bool(pdfs)
    )
    meta = {"title": texts.gettext("Brochures to print")}
    if texts.used & drafts:
        meta["translation"] = "draft"
    if texts.missing:
        english = Texts("en", NullTranslations())
        rows = _rows(code, "en", leaflets, pdfs)
        body = _render_markdown(LIST_TEMPLATE, english, rows=rows, any_pdf=bool(pdfs))
        meta = {"title": english.gettext("Brochures to print"), "text_language": "en"}
    front = "\n".join(f"{key}: {_yaml_string(value)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{body}"


def _rows(
    code: str, text_language: str, leaflets: Mapping[str, Leaflet], pdfs: Mapping[str, PdfFile]
) -> list[dict[str, object]]:
    here = f"{language(code).prefix}brochures/"
    rows = []
    for lang in load_languages():
        pdf = pdfs.get(lang.code)
        rows.append(
            {
                "lang": lang,
                "name": _language_name(lang.code, text_language),
                "english": leaflets[lang.code].text_language != lang.code,
                "draft": not leaflets[lang.code].checked,
                "source": lang.default,
                "page": _relative(here, f"{lang.prefix}brochures/leaflet/"),
                "pdf": _relative(here, pdf_path(lang.code)) if pdf else None,
                "size": _kilobytes(pdf.size, text_language) if pdf else None,
                "pages": pdf.pages if pdf else None,
            }
        )
    return rows


# --- Pieces ---------------------------------------------------------------------


def _leaflet_html(
    reader: Language,
    text_lang: Language,
    texts: Texts,
    contact: ContactData,
    site_url: str | None,
    with_pdf: bool,
    notice: str | None,
    draft_notice: str | None = None,
) -> str:
    site = page_address(site_url, reader.prefix)
    label = texts.gettext("QR code: opens %(address)s", address=site) if site else ""
    return with_policy(
        _render(
            LEAFLET_TEMPLATE,
            texts,
            lang=text_lang,
            reader=reader,
            phone=contact.phone,
            hours=hours_lines(contact.phone.opening_hours, text_lang.code, texts.gettext)
            if contact.phone.opening_hours
            else [],
            desks=[_desk(desk, text_lang.code) for desk in contact.desks.values()],
            site_address=site,
            qr=Markup(qr_svg(site, label)) if site else None,
            pdf_name=pdf_name(reader.code) if with_pdf else None,
            fallback_notice=notice,
            draft_notice=draft_notice,
        )
    )


def _draft_notice(translations: NullTranslations) -> str:
    """The draft notice of the language's pages (returnsite.notices), followed by the number."""
    return translations.gettext(DRAFT)


def _desk(desk: Desk, code: str) -> dict[str, str | None]:
    address = None
    if desk.address:
        town = desk.address.town or desk.name_in(code)
        address = f"{desk.address.street}, {desk.address.postcode} {town}"
    return {"name": desk.name_in(code), "address": address}


def _render_markdown(template: str, texts: Texts, **context: object) -> str:
    """The list page, in the Markdown templates' environment (escaped for Markdown)."""

    def gettext(message: str, **values: object) -> MarkdownText:
        return MarkdownText.escape(texts.gettext(message)) % values

    def ngettext(singular: str, plural: str, n: int, **values: object) -> MarkdownText:
        texts._note(singular, (singular, 0))  # a missing translation is listed
        text = MarkdownText.escape(texts.translations.ngettext(singular, plural, n))
        return text % {"num": n, **values}

    template = markdown_environment().get_template(template.removeprefix("markdown/"))
    return template.render(_=gettext, gettext=gettext, ngettext=ngettext, **context)


def _render(template: str, texts: Texts, **context: object) -> str:
    return (
        _environment()
        .get_template(template)
        .render(_=texts.gettext, gettext=texts.gettext, ngettext=texts.ngettext, **context)
    )


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _english() -> Language:
    return next(lang for lang in load_languages() if lang.code == "en")


def _catalog(translations: NullTranslations) -> Mapping[object, str]:
    return getattr(translations, "_catalog", {})


def _relative(from_dir: str, to: str) -> str:
    link = posixpath.relpath(to or ".", from_dir.rstrip("/") or ".")
    return link + "/" if to.endswith("/") and not link.endswith("/") else link


def _language_name(lang: str, code: str) -> str:
    """The name of language *lang* in language *code* (CLDR), for readers of the list."""
    name = language(code).locale.languages.get(lang) or language(lang).english_name
    return name[:1].upper() + name[1:]


def _kilobytes(size: int, code: str) -> str:
    return format_decimal(max(1, round(size / 1024)), locale=language(code).locale)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
