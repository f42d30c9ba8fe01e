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

from returnsite.validation import ContentError
from returnsite.yaml_source import Document, Loc

# A Markdown link destination `](sheet:ma)` or a reference definition
# `[id]: sheet:ma`, optionally in angle brackets.
_LINK = re.compile(
    r"(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?)"
    r"(?P<link>(?P<kind>sheet|story):(?P<target>[^\s)>#]*)(?:#(?P<anchor>[^\s)>]*))?)",
    re.MULTILINE,
)


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
    if "sheet:" not in text and "story:" not in text:
        return ()  # most texts: skip the regular expression
    return tuple(
        ContentLink(
            kind=match["kind"],
            target=match["target"],
            anchor=match["anchor"],
            start=match.start("link"),
            end=match.end("link"),
        )
        for match in _LINK.finditer(text)
    )


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
        for offset, message in link_problems(text, targets):
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
