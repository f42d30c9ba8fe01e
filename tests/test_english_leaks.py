"""No English from our own code and templates inside the pages of another language.

The site is built once (the ``site`` fixture); every page of French, Arabic and
Tigrinya is read as a reader sees it (text only, without scripts, and without the
quotes of documents marked with another ``lang``), and every message of the
catalog (``locales/messages.pot``) longer than three words whose translation
differs from the English is looked for, word for word, in that text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from returnsite import ROOT
from returnsite.desks import load_contact_data
from returnsite.estimator import load_rules
from returnsite.sources import citation

LANGUAGES = ("fr", "ar", "ti")
MIN_WORDS = 4  # "longer than three words": shorter ones (a name, "Source:") can be the same
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
# Elements whose text a reader does not see.
HIDDEN = {"script", "style", "template", "noscript", "svg"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


class VisibleText(HTMLParser):
    """The text of a page in language ``lang``, without hidden elements and
    without the parts marked as written in another language."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, text of it is skipped)
        self.lang = lang
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        skipped = bool(self.stack and self.stack[-1][1])
        values = dict(attrs)
        other = values.get("lang") not in (None, "", self.lang)
        self.stack.append((tag, skipped or tag in HIDDEN or other or "hidden" in values))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)

    def text(self) -> str:
        return normalise(" ".join(self.parts))


def visible_text(html: str, lang: str) -> str:
    parser = VisibleText(lang)
    parser.feed(html)
    return parser.text()


def english_pieces(lang: str) -> set[str]:
    """The pieces of English (between placeholders) of the messages that ``lang``
    translates differently, of at least :data:`MIN_WORDS` words."""
    with open(ROOT / "locales" / "messages.pot", encoding="utf-8") as file:
        template = read_po(file)
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", encoding="utf-8") as file:
        catalog = read_po(file)
    pieces: set[str] = set()
    for message in template:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = catalog.get(message.id)
        strings = translated.string if translated is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        for english in ids:
            if english in strings:
                continue  # the language writes it the same way (a name, a number)
            for piece in PLACEHOLDER.split(english):
                piece = normalise(piece).strip(" ,.:;")
                if len(piece.split()) >= MIN_WORDS:
                    pieces.add(piece)
    return pieces


def leaks(site: Path, lang: str) -> list[str]:
    """``page: "English"`` for each piece of English found on a page of ``lang``."""
    pieces = sorted(english_pieces(lang))
    found = []
    for page in sorted((site / lang).rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"), lang)
        found += [f'{page.relative_to(site)}: "{piece}"' for piece in pieces if piece in text]
    return found


def test_visible_text_skips_scripts_and_quotes_in_another_language():
    html = (
        '<p>Sources : <cite lang="fr">Le programme de retour volontaire</cite>, page web'
        "<script>var x = 'Call the free number now';</script>"
        "<span hidden>Call the free number now</span> <b>Appelez</b>&nbsp;le numéro</p>"
    )
    assert visible_text(html, "ar") == "Sources : , page web Appelez le numéro"


def test_english_pieces_are_split_at_placeholders():
    pieces = english_pieces("ti")
    assert all("%(" not in piece for piece in pieces)
    assert all(len(piece.split()) >= MIN_WORDS for piece in pieces)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_from_our_code_in_pages(site, lang):
    found = leaks(site, lang)
    assert not found, f"English in the pages of {lang}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_source_lines_are_in_the_pages_language_with_titles_as_written(site, lang):
    """The words around a document's title (kind, "undated") come from the catalog;
    the title is quoted as the document writes it, marked with its language."""
    rules, _ = load_rules()
    contact = load_contact_data()
    pages = {
        "estimator/index.html": [citation(s, lang) for s in rules.sources.values()],
        "contact/index.html": [citation(contact.phone.hours_source, lang)]
        + [citation(desk.source, lang) for desk in contact.desks.values()],
    }
    for page, citations in pages.items():
        html = (site / lang / page).read_text(encoding="utf-8")
        for cited in citations:
            assert str(cited) in html, f"{lang}/{page}: {cited}"
        text = visible_text(html, lang)
        for english in ("web page", "undated", "Voluntary return programme website"):
            assert english not in text, f"{lang}/{page}: {english}"
