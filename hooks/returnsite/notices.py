"""Notices shown above a page's text: fallback to English, draft translation,
information that may be out of date."""

from __future__ import annotations

from typing import Literal, NamedTuple

from returnsite.i18n import N_

Kind = Literal["fallback", "draft", "source_newer", "outdated"]


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

# A translation made from an older version of its English source (front matter
# `source_newer: true`, set by hooks/i18n_hook.py and the sheet and story pages;
# see returnsite.translation_status).
SOURCE_NEWER = N_(
    "The English version of this page has changed since this translation was made. "
    "It may have newer information."
)
READ_ENGLISH = N_("Read the English version")

# A country sheet whose last review is older than extra.sheet_stale_after_months
# (front matter `outdated: true`, set by returnsite.render_sheets).
OUTDATED = N_(
    "This information may be out of date: it has not been reviewed for a long time. "
    "Before you decide, check it with a return counsellor."
)

# The same for a draft sheet whose newest source is older than the limit
# (front matter `outdated: sources`).
OLD_SOURCES = N_(
    "This information may be out of date: its newest source is old, and no local partner "
    "has checked it yet. Before you decide, check it with a return counsellor."
)


def page_notices(build_language: str, text_language: str, meta: dict) -> list[Notice]:
    """Which notices a page needs, from the language of its text and its front matter."""
    notices = []
    if text_language != build_language:
        notices.append(Notice("fallback", FALLBACK))
    else:
        if meta.get("source_newer") is True:
            notices.append(Notice("source_newer", SOURCE_NEWER))
        if meta.get("translation") == "draft":
            notices.append(Notice("draft", DRAFT))
    if meta.get("outdated") is True:
        notices.append(Notice("outdated", OUTDATED))
    elif meta.get("outdated") == "sources":
        notices.append(Notice("outdated", OLD_SOURCES))
    return notices
