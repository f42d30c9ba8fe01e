"""Placeholders editors write in any text: ``[[phone]]`` for the free number
(filled in by :mod:`returnsite.contact`), ``[[country]]`` for the country's
name in a sheet's or a story's texts (the pages of sheets and stories fill it
in, :func:`fill_country`), ``[[support_table]]`` in a programme page for the
table of what the programme gives to whom, from data/estimator.yml (filled in
by ``hooks/estimator_hook.py`` with :func:`returnsite.estimator.rules_table`;
write it on a line of its own). Declared here once."""

from __future__ import annotations

import difflib
import re

PLACEHOLDER = re.compile(r"\[\[\s*([\w-]+)\s*\]\]")
PLACEHOLDERS = ("phone", "country", "support_table")
# Where each may be written: the programme's pages (docs/<lang>/*.md) are about
# no one country; a sheet's or a story's texts have no support table.
PAGE_PLACEHOLDERS = ("phone", "support_table")
CONTENT_PLACEHOLDERS = ("phone", "country")
_ONLY_IN = {
    "country": "works only in the texts of country sheets and stories; "
    "write the name of the country here",
    "support_table": "works only in the programme's pages (docs/); leave it out here",
}


def placeholder_problems(
    text: str, known: tuple[str, ...] = CONTENT_PLACEHOLDERS
) -> list[tuple[int, str]]:
    """``(offset, message)`` for each ``[[name]]`` the build does not know in
    a text where ``known`` placeholders can be written."""
    write = " or ".join(f"[[{name}]]" for name in known)
    problems = []
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name in known:
            continue
        if name in _ONLY_IN:
            problems.append((match.start(), f"[[{name}]] {_ONLY_IN[name]}"))
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append((match.start(), f"unknown placeholder [[{name}]]{hint}; write {write}"))
    return problems


def fill_country(text: str, name: str) -> str:
    """``text`` with each ``[[country]]`` replaced by ``name`` (CLDR's name of
    the country in the text's language, escaped for Markdown by the caller)."""
    return PLACEHOLDER.sub(lambda m: name if m.group(1) == "country" else m.group(0), text)
