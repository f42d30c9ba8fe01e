"""What the country sheet and story pages share: where pages live, links between
them, the language of each part of a page, and the Jinja templates that lay
the Markdown out (``overrides/markdown/``).

The templates write Markdown (with a little HTML) that mkdocs renders like a
hand-written page; they are ``.html`` files so that ``returnsite i18n``
extracts their ``_()`` strings, and mkdocs never copies them into the site.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any
from urllib.parse import quote

from babel.dates import format_date
from babel.support import NullTranslations
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from returnsite import ROOT
from returnsite.content.links import ContentLink, rewrite_links
from returnsite.languages import default_language, language

TEMPLATES_DIR = ROOT / "overrides" / "markdown"

COUNTRIES_INDEX = "countries/index.md"
STORIES_INDEX = "stories/index.md"
PHOTOS_DIR = "assets/stories"


def sheet_path(country: str) -> str:
    return f"countries/{country}.md"


def story_path(name: str) -> str:
    return f"stories/{name}.md"


def photo_site_path(photo_file: str) -> str:
    """Where a story's photo is published, once for all languages."""
    return f"{PHOTOS_DIR}/{photo_file}"


@lru_cache(maxsize=65536)  # the same links are made in every language
def relative_link(from_page: str, to_path: str) -> str:
    """A link from page ``from_page`` to ``to_path``, both relative to the language root."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def link_rewriter(from_page: str, stories: Collection[str] | None) -> Callable[[str], str]:
    """Turn the ``sheet:``/``story:`` links of an editor's text into page links.

    ``stories`` are the stories with a page in this build (None: all). A link
    to a story left out (an example, in production) goes to the stories index.
    """

    def url_for(link: ContentLink) -> str:
        if link.kind == "sheet":
            anchor = f"#{link.anchor}" if link.anchor else ""
            return relative_link(from_page, sheet_path(link.target)) + anchor
        kept = stories is None or link.target in stories
        target = story_path(link.target) if kept else STORIES_INDEX
        return relative_link(from_page, target)

    return lambda text: rewrite_links(text, url_for)


@dataclass(frozen=True)
class Part:
    """An editor's Markdown text, links rewritten, with ``lang``/``dir`` if it is
    not in the language of the page's texts."""

    text: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reader:
    """The reader of a page: the language being built, its UI translations, and
    the language the page's texts are written in (English when not translated).

    Parts of the page in another language than the texts' carry ``lang`` and
    ``dir``, so that screen readers pronounce them right.
    """

    code: str
    translations: NullTranslations
    text_code: str

    def gettext(self, message: str, **values: Any) -> str:
        """The translation as plain text (a title, a label)."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, num: int, **values: Any) -> str:
        text = self.translations.ngettext(singular, plural, num)
        return text % {"num": num, **values}

    def markdown(self, message: str, **values: Any) -> MarkdownText:
        """The translation for a Markdown page: its text, and the values, escaped
        (values that are :class:`MarkdownText` already are kept as they are)."""
        return MarkdownText.escape(self.translations.gettext(message)) % values

    def markdown_n(self, singular: str, plural: str, num: int, **values: Any) -> MarkdownText:
        text = MarkdownText.escape(self.translations.ngettext(singular, plural, num))
        return text % {"num": num, **values}

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=language(self.code).locale)

    def lang_of(self, lang: str) -> dict[str, str]:
        """``lang``/``dir`` for a part written in ``lang``, empty if the page's texts are."""
        if lang == self.text_code:
            return {}
        return {"lang": lang, "dir": language(lang).dir}

    @property
    def ui(self) -> dict[str, str]:
        """``lang``/``dir`` for a part in the reader's language (headings, labels)."""
        return self.lang_of(self.code)


def reader(code: str, translations: NullTranslations, translated: bool = True) -> Reader:
    """The reader of language ``code``; ``translated`` says if the texts exist in it."""
    return Reader(code, translations, code if translated else default_language().code)


# --- Markdown and HTML pieces ----------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]>#!])")  # what Python-Markdown unescapes
_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]>#!])")
# Characters a link target cannot hold as they are: percent-encoded.
_URL_UNSAFE = re.compile(r"[\s<>()\\`\"'\[\]{}]")


def md_escape(text: str) -> str:
    """Plain text (a name, a title) safe inside Markdown: nothing in it is markup."""
    return _MD_SPECIAL.sub(r"\\\1", text)


class MarkdownText(Markup):
    """Markdown (with a little HTML) to write as it is into a generated page.

    Like :class:`Markup` for HTML: what is joined to it with ``%``, ``format``
    or ``+`` is escaped for Markdown and HTML unless it is ``MarkdownText``
    (or markup) itself. Plain text can then never become a link, an image or
    a tag: ``[x](javascript:...)`` and ``<img onerror=...>`` are shown as written.
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> MarkdownText:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        # In Markdown text, & and < are all that HTML needs (quotes end nothing
        # there; values for attributes are written |html, see in_html).
        return cls(md_escape(str(s)).replace("&", "&amp;").replace("<", "&lt;"))


def markdown_text(value: Any) -> MarkdownText:
    """Plain text as Markdown that shows it as written (the templates' default)."""
    return MarkdownText.escape(value)


def trusted_markdown(value: str) -> MarkdownText:
    """Markdown that is meant as Markdown: an editor's field declared Markdown
    (checked by the content validation), or made by our code."""
    return MarkdownText(value)


def in_html(value: Any) -> Markup:
    """Text for a raw HTML part of a page (an attribute, a ``<label>`` in a form),
    where Markdown does not run: escaped for HTML only."""
    if isinstance(value, MarkdownText):
        text = _MD_ESCAPED.sub(r"\1", str(value))
        return Markup(text.replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;"))
    return escape(value)


def link_target(url: str) -> MarkdownText:
    """A link's target (made by our code, or an address checked by the content
    validation) for ``[text](target)``: what would end or break it is percent-encoded."""
    return MarkdownText(_URL_UNSAFE.sub(lambda m: quote(m[0], safe=""), str(url)))


def html_attrs(attrs: Mapping[str, str]) -> MarkdownText:
    """`` name="value"`` pairs for an HTML tag (with a leading space), or ''."""
    return MarkdownText("".join(f' {name}="{html.escape(value)}"' for name, value in attrs.items()))


def attr_list(attrs: Mapping[str, str], anchor: str | None = None) -> MarkdownText:
    """A Markdown ``{ #anchor lang=.. }`` attribute list (with a leading space), or ''."""
    parts = [f"#{anchor}"] if anchor else []
    parts += [f'{name}="{html.escape(value)}"' for name, value in attrs.items()]
    return MarkdownText(" { " + " ".join(parts) + " }" if parts else "")


def in_language(text: Any, attrs: Mapping[str, str]) -> MarkdownText:
    """Inline Markdown ``text`` marked with ``lang``/``dir`` when ``attrs`` has them."""
    if not attrs:
        return markdown_text(text)
    return MarkdownText("<span{}>{}</span>").format(html_attrs(attrs), text)


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter; JSON values are valid YAML and need no quoting rules."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


# --- Templates ------------------------------------------------------------------


@cache
def environment() -> Environment:
    """Templates that write Markdown, escaping every value by default: a value
    is shown as text (:func:`markdown_text`) unless it is :class:`MarkdownText`
    or marked ``|markdown``; in raw HTML parts, values are written ``|html``."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        finalize=markdown_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        md=markdown_text,
        markdown=trusted_markdown,
        html=in_html,
        link=link_target,
        attrs=html_attrs,
        attr_list=attr_list,
        lang=in_language,
    )
    return env


def render(template: str, page_reader: Reader, **context: Any) -> str:
    """Render ``overrides/markdown/<template>`` for a reader; blank-line runs are collapsed."""
    text = (
        environment()
        .get_template(template)
        .render(
            _=page_reader.markdown,
            ngettext=page_reader.markdown_n,
            reader=page_reader,
            **context,
        )
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
