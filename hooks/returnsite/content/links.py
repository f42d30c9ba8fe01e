"""Links between content: ``[text](sheet:ma)``, ``[text](sheet:ma#health)`` and
``[text](story:ma-2019-bakery)`` in any Markdown text of a sheet or a story.

Editors link by code or story name, never by URL: the renderer turns each link
into the page's URL in the reader's language (:func:`rewrite_links`), and
validation reports links to sheets, sections or stories that do not exist.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from returnsite.placeholders import placeholder_problems
from returnsite.validation import ContentError
from returnsite.yaml_source import Document, Loc

# A Markdown link destination `](sheet:ma)` or a reference definition
# `[id]: sheet:ma`, optionally in angle brackets. find_links looks for the
# words "sheet:" and "story:", then at what comes before them: ten times
# faster than one regular expression of the whole (tests/test_content_links.py
# checks that both find the same links).
_KIND = re.compile(r"(?:sheet|story):")
_DESTINATION = re.compile(r"(?P<kind>sheet|story):(?P<target>[^\s)>#]*)(?:#(?P<anchor>[^\s)>]*))?")
_REFERENCE = re.compile(r"[ \t]*\[[^\]\n]+\]:[ \t]*")


@dataclass(frozen=True)
class ContentLink:
    kind: str  # "sheet" or "story"
    target: str  # country code or story name
    anchor: str | None  # a section key, for sheet links
    start: int  # offset of "sheet:..." / "story:..." in the text
    end: int

    @property
    def written(self) -> str:
        anchor = f"#{self.anchor}" if self.anchor is not None else ""
        return f"{self.kind}:{self.target}{anchor}"


@lru_cache(maxsize=8192)  # the same texts are rendered in every language
def find_links(text: str) -> tuple[ContentLink, ...]:
    links = []
    end = 0
    for word in _KIND.finditer(text):
        start = word.start()
        if start < end or not _opens_destination(text, start, end):
            continue  # not a link, or inside the link before (it may hold "sheet:")
        match = _DESTINATION.match(text, start)
        assert match is not None  # it starts with the word
        end = match.end()
        links.append(ContentLink(match["kind"], match["target"], match["anchor"], start, end))
    return tuple(links)


def _opens_destination(text: str, start: int, after: int) -> bool:
    """Whether what comes before *start*, from *after* on, makes it a link
    destination: ``](``, spaces, an optional ``<``; or a line ``[id]:``, spaces,
    an optional ``<``."""
    before = start - 1 if start > after and text[start - 1] == "<" else start
    position = before
    while position > after and text[position - 1].isspace():
        position -= 1
    if position - 2 >= after and text.startswith("](", position - 2):
        return True
    line = text.rfind("\n", 0, start) + 1
    return line >= after and _REFERENCE.fullmatch(text, line, before) is not None


def rewrite_links(text: str, url_for: Callable[[ContentLink], str]) -> str:
    """Replace every content link in ``text`` by ``url_for(link)``."""
    parts: list[str] = []
    position = 0
    for link in find_links(text):
        parts += [text[position : link.start], url_for(link)]
        position = link.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True)
class LinkTargets:
    """What links may point to: sheet codes, story names, section keys."""

    sheets: frozenset[str]
    stories: frozenset[str]
    sections: tuple[str, ...]


def link_problems(text: str, targets: LinkTargets) -> list[tuple[int, str]]:
    """``(offset, message)`` for each link in ``text`` whose target does not exist."""
    problems = []
    for link in find_links(text):
        problem = _problem(link, targets)
        if problem:
            problems.append((link.start, f"link to {link.written}: {problem}"))
    return problems


def _problem(link: ContentLink, targets: LinkTargets) -> str | None:
    if link.kind == "sheet":
        if link.target not in targets.sheets:
            return (
                f"there is no country sheet '{link.target}'"
                f"{_did_you_mean(link.target, targets.sheets)}; "
                "write the code of an existing sheet in country_sheets/, e.g. sheet:ma"
            )
        if link.anchor is not None and link.anchor not in targets.sections:
            return (
                f"a sheet has no section '{link.anchor}'"
                f"{_did_you_mean(link.anchor, targets.sections)}; "
                f"use one of: {', '.join(targets.sections)}"
            )
        return None
    if link.target not in targets.stories:
        return (
            f"there is no story '{link.target}'{_did_you_mean(link.target, targets.stories)}; "
            "write the name of a file in return_stories/ without '.yml'"
        )
    if link.anchor is not None:
        return "links to a story cannot point to a part of it; remove '#" + link.anchor + "'"
    return None


def _did_you_mean(name: str, known: frozenset[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def document_link_errors(
    document: Document, path: Path, targets: LinkTargets
) -> list[ContentError]:
    """Errors for broken links in every text of a file, valid or not."""
    errors = []
    for loc, text in _texts(document.data, ()):
        for offset, message in link_problems(text, targets) + placeholder_problems(text):
            label = ".".join(part for part in loc if isinstance(part, str))
            line = document.text_line(loc, offset)
            errors.append(ContentError(path, line, f"{label}: {message}" if label else message))
    return errors


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
