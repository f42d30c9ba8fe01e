"""Placeholders editors write in any text: ``[[phone]]`` for the free number
(filled in by :mod:`returnsite.contact`), ``[[support_table]]`` for the table of
what the programme gives to whom, from data/estimator.yml (filled in by
``hooks/estimator_hook.py`` with :func:`returnsite.estimator.rules_table`; write it
on a line of its own). Declared here once."""

from __future__ import annotations

import difflib
import re

PLACEHOLDER = re.compile(r"\[\[\s*([\w-]+)\s*\]\]")
PLACEHOLDERS = ("phone", "support_table")


def placeholder_problems(text: str) -> list[tuple[int, str]]:
    """``(offset, message)`` for each ``[[name]]`` the build does not know."""
    known = " or ".join(f"[[{name}]]" for name in PLACEHOLDERS)
    problems = []
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name in PLACEHOLDERS:
            continue
        close = difflib.get_close_matches(name, PLACEHOLDERS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append((match.start(), f"unknown placeholder [[{name}]]{hint}; write {known}"))
    return problems
