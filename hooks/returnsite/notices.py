"""Notices shown above a page's text: fallback to English, draft translation."""

from __future__ import annotations

from typing import Literal, NamedTuple

from returnsite.i18n import N_

Kind = Literal["fallback", "draft"]


class Notice(NamedTuple):
    kind: Kind
    # English source of the message; the template translates it.
    message: str


FALLBACK = N_(
    "This page is not translated into your language yet. You are reading the English version."
)
DRAFT = N_(
    "This translation has not yet been checked by a translator. If something is unclear, "
    "ask at a return desk or call the free number."
)


def page_notices(build_language: str, text_language: str, meta: dict) -> list[Notice]:
    """Which notices a page needs, from the language of its text and its front matter."""
    notices = []
    if text_language != build_language:
        notices.append(Notice("fallback", FALLBACK))
    elif meta.get("translation") == "draft":
        notices.append(Notice("draft", DRAFT))
    return notices
