"""Checks of the programme pages, ``docs/<lang>/**/*.md``: their front matter
(:class:`PageFrontMatter`) and their Markdown body (the site's Markdown policy,
links to other pages and to their headings, ``[[placeholders]]``).

:func:`check_pages` reports every mistake as ``docs/<lang>/<page>.md:line:
what is wrong; what to write instead``; lines count from the top of the file,
front matter included.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from returnsite.content.translation import TranslationInfo
from returnsite.desks import desk_pages
from returnsite.markdown_policy import (
    PAGE_HTML,
    link_targets,
    markdown_problems,
    plain_url,
    site_markdown,
)
from returnsite.placeholders import PAGE_PLACEHOLDERS, placeholder_problems
from returnsite.validation import ContentError, Text, validate_document
from returnsite.yaml_source import YamlSourceError, parse_yaml

DOCS = "docs"
SOURCE_LANGUAGE = "en"  # data/languages.yml's default: pages fall back to it
NOT_LANGUAGES = frozenset({"assets"})  # folders of docs/ shared by every language

# Pages the build writes in every language (returnsite.generated_pages): links
# to them are right though no file exists. countries/<code>.md and
# stories/<name>.md exist for every sheet and story.
GENERATED_PAGES = frozenset(
    {"contact.md", "brochures.md", "search.md", "countries/index.md", "stories/index.md"}
)
GENERATED_FOLDERS = ("brochures/", "contact/")
# desks/<name>.md and its .vcf exist only for a desk with an address (Desk.has_page).
DESKS_FILE = Path("data") / "desks.yml"


class _PageFields(BaseModel):
    title: Text = Field(
        description="The page's title: in the browser tab, the header and the navigation.",
        examples=["How return works"],
    )
    description: Text | None = Field(
        None,
        description="One sentence shown by search engines and link previews.",
        examples=["What happens before, during and after your return."],
    )
    template: Literal["estimator.html"] | None = Field(
        None,
        description="The layout of a page with its own tool; only the estimator page has one.",
        examples=["estimator.html"],
    )


class PageFrontMatter(TranslationInfo, _PageFields):
    """The front matter of a programme page, between the two '---' lines at its top
    (translated pages also say what they were translated from)."""

    model_config = ConfigDict(extra="forbid")


def check_pages(root: Path) -> list[ContentError]:
    """Every mistake in the programme pages under ``root/docs``."""
    docs = root / DOCS
    if not docs.is_dir():
        return []
    site = _Site.of(root)
    errors: list[ContentError] = []
    for folder in sorted(docs.iterdir()):
        if not folder.is_dir() or folder.name in NOT_LANGUAGES:
            continue
        for path in sorted(folder.rglob("*.md")):
            errors += check_page(path, folder.name, site)
    return errors


@dataclass(frozen=True)
class _Site:
    """What links in pages may point to."""

    docs: Path
    sheets: frozenset[str]
    stories: frozenset[str]
    desks: frozenset[str]

    @staticmethod
    def of(root: Path) -> _Site:
        sheets = root / "country_sheets"
        stories = root / "return_stories"
        return _Site(
            root / DOCS,
            frozenset(p.name for p in sheets.iterdir() if p.is_dir())
            if sheets.is_dir()
            else frozenset(),
            frozenset(p.stem for p in stories.rglob("*.yml")) if stories.is_dir() else frozenset(),
            desk_pages(root / DESKS_FILE),
        )

    def source(self, lang: str, page: str) -> Path | None:
        """The file of ``page`` (e.g. ``faq.md``) in language ``lang``, or its English one."""
        for code in (lang, SOURCE_LANGUAGE):
            path = self.docs / code / page
            if path.is_file():
                return path
        return None

    def generated(self, page: str) -> bool:
        if page in GENERATED_PAGES or page.startswith(GENERATED_FOLDERS):
            return True
        folder, _, name = page.partition("/")
        stem = name.removesuffix(".md")
        return (
            (folder == "countries" and stem in self.sheets)
            or (folder == "stories" and stem in self.stories)
            or (folder == "desks" and name.removesuffix(".vcf").removesuffix(".md") in self.desks)
        )

    def file_exists(self, lang: str, path: str) -> bool:
        return any(
            (folder / path).is_file()
            for folder in (self.docs / lang, self.docs / SOURCE_LANGUAGE, self.docs)
        )


def check_page(path: Path, lang: str, site: _Site) -> list[ContentError]:
    """Every mistake of one page of language ``lang``."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = (
            f"the file is not UTF-8 text (unreadable byte 0x{raw[error.start]:02x} on this "
            "line); save it with the UTF-8 encoding in your editor"
        )
        return [ContentError(path, raw[: error.start].count(b"\n") + 1, message)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as mkdocs reads it
    errors, body, body_line = _front_matter(path, text, lang)
    page = path.relative_to(site.docs / lang).as_posix()
    if lang != SOURCE_LANGUAGE and not (site.docs / SOURCE_LANGUAGE / page).is_file():
        errors.insert(0, ContentError(path, 1, _no_source(page, site)))

    def at(offset: int) -> int:
        return body_line + body.count("\n", 0, offset)

    found: list[tuple[int, ContentError]] = []  # (offset in the body, error)
    for offset, message in markdown_problems(body, html=PAGE_HTML):
        found.append((offset, ContentError(path, at(offset), message)))
    for target in link_targets(body):
        problem = _link_problem(target.written, page, lang, body, site)
        if problem:
            found.append((target.offset, ContentError(path, at(target.offset), problem)))
    for offset, message in placeholder_problems(body, PAGE_PLACEHOLDERS):
        found.append((offset, ContentError(path, at(offset), message)))
    found.sort(key=lambda item: item[0])
    return errors + list(dict.fromkeys(error for _, error in found))


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def _front_matter(path: Path, text: str, lang: str) -> tuple[list[ContentError], str, int]:
    """Errors of the front matter, the body, and the body's first line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        message = (
            "the page has no front matter; start it with a line '---', then "
            "'title: ...', then a line '---'"
        )
        return [ContentError(path, 1, message)], text, 1
    end = next((n for n in range(1, len(lines)) if _FENCE.match(lines[n])), None)
    if end is None:
        message = (
            "the front matter opened by '---' on this line is never closed; "
            "end it with a line '---' before the page's text"
        )
        return [ContentError(path, 1, message)], "\n".join(lines[1:]), 2
    body = "\n".join(lines[end + 1 :])
    block = "\n".join(lines[1:end]) + "\n"
    try:
        document = parse_yaml(block)
    except YamlSourceError as error:
        return [_shifted(path, p.line, p.message) for p in error.problems], body, end + 2
    _, problems = validate_document(document, PageFrontMatter, path)
    errors = [_shifted(path, e.line, e.message) for e in problems]
    if lang == SOURCE_LANGUAGE and isinstance(document.data, dict):
        for key in ("translated_from", "translation"):
            if key in document.data:
                message = f"{key}: English pages are the source of translations; remove this line"
                errors.append(_shifted(path, document.key_line_of((key,)), message))
    return errors, body, end + 2


def _shifted(path: Path, line: int | None, message: str) -> ContentError:
    """An error of the front matter, on its line in the file (after the first '---')."""
    return ContentError(path, line + 1 if line is not None else 1, message)


_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")


def _link_problem(target: str, page: str, lang: str, body: str, site: _Site) -> str | None:
    """Why a link of ``page`` to another page of the site is broken, or None."""
    plain = plain_url(target)
    if plain.startswith(("sheet:", "story:")):
        kind, _, name = plain.partition(":")
        folder = "countries" if kind == "sheet" else "stories"
        example = f"{folder}/{name.split('#')[0] or 'ma'}.md"
        return (
            f"link to '{target}': {kind}: links work in country sheets and stories only; "
            f"in a page write a relative link, e.g. {_relative(page, example)}"
        )
    if not plain or _SCHEME.match(plain) or plain.startswith("/"):
        return None  # a web, e-mail or phone link; '/...' is markdown_problems' part
    address, _, anchor = target.strip().partition("#")
    address = address.split("?", 1)[0]
    if not address:
        return _anchor_problem(anchor, target, _anchors(body), "this page")
    if address.endswith(".md"):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), address))
        candidates = [resolved]
    else:
        base = _page_url(page)
        resolved = posixpath.normpath(posixpath.join(base, address))
        if posixpath.splitext(address.rstrip("/"))[1]:  # a file: a PDF, an image
            if (
                site.file_exists(lang, resolved)
                or resolved.startswith(GENERATED_FOLDERS)
                or site.generated(resolved)
            ):
                return None
            return f"link to '{target}': there is no file '{resolved}' in docs/{lang}/ or docs/"
        candidates = ["index.md"] if resolved == "." else [f"{resolved}.md", f"{resolved}/index.md"]
    if resolved == ".." or resolved.startswith("../"):
        return f"link to '{target}' points outside the site; link to a page of this site"
    for candidate in candidates:
        if site.generated(candidate):
            return None  # its headings are made by the build
        source = site.source(lang, candidate)
        if source is not None:
            if not anchor:
                return None
            anchors = _anchors(_body_of(source.read_text(encoding="utf-8-sig")))
            return _anchor_problem(anchor, target, anchors, f"'{candidate}'")
    if candidates[0].startswith("desks/"):
        return (
            f"link to '{target}': the desk '{candidates[0][6:].removesuffix('.md')}' has no "
            "page (a desk has one only once data/desks.yml gives its address); link to "
            f"'{_relative(page, 'contact.md')}', which lists the desks"
        )
    existing = sorted(
        p.relative_to(site.docs / SOURCE_LANGUAGE).as_posix()
        for p in (site.docs / SOURCE_LANGUAGE).rglob("*.md")
    ) + sorted(GENERATED_PAGES)
    close = difflib.get_close_matches(candidates[0], existing, n=1, cutoff=0.7)
    hint = (
        f"did you mean '{_relative(page, close[0])}'?"
        if close
        else ("link to an existing page, e.g. contact.md")
    )
    return f"link to '{target}': there is no page '{candidates[0]}'; {hint}"


def _no_source(page: str, site: _Site) -> str:
    english = site.docs / SOURCE_LANGUAGE
    pages = sorted(p.relative_to(english).as_posix() for p in english.rglob("*.md"))
    close = difflib.get_close_matches(page, pages, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"e.g. {pages[0] if pages else 'faq.md'}"
    return (
        f"there is no English page docs/{SOURCE_LANGUAGE}/{page}; a translation has the "
        f"file name of its English page, {hint}"
    )


def _anchor_problem(anchor: str, target: str, anchors: frozenset[str], where: str) -> str | None:
    if not anchor or anchor in anchors:
        return None
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
    hint = (
        f"did you mean '#{close[0]}'?"
        if close
        else (
            f"use the id of one of its headings: {', '.join('#' + a for a in sorted(anchors))}"
            if anchors
            else "remove the '#...' part"
        )
    )
    return f"link to '{target}': {where} has no heading '#{anchor}'; {hint}"


def _page_url(page: str) -> str:
    """The folder a page is published as (use_directory_urls), relative to its language."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return "."
    return stem.removesuffix("/index")


def _relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _body_of(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((n for n in range(1, len(lines)) if _FENCE.match(lines[n])), None)
        if end is not None:
            return "\n".join(lines[end + 1 :])
    return text


_ID = re.compile(r'\sid="([^"]*)"')


def _anchors(body: str) -> frozenset[str]:
    """The ids of a page's headings and elements, as the site's Markdown makes them
    (toc's slugs, ``{ #id }`` attributes)."""
    markdown = site_markdown()
    markdown.reset()
    return frozenset(_ID.findall(markdown.convert(body)))
