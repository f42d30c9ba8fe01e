"""Alphabetical order as a reader of each language expects it.

The Unicode Collation Algorithm (pyuca, DUCET) orders Latin with accents,
Cyrillic, Arabic-script (Farsi and Pashto letters included) and Ethiopic
correctly; Chinese readers expect pinyin order, which DUCET does not give.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pyuca
from pypinyin import lazy_pinyin


@cache
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def sort_key(code: str) -> Callable[[str], tuple]:
    """A key function that sorts strings of language *code* alphabetically."""
    collator = _collator()
    if code == "zh":
        return lambda text: (tuple(collator.sort_key(s) for s in lazy_pinyin(text)), text)
    return lambda text: (collator.sort_key(text),)


def sorted_for(code: str, items, key: Callable = str) -> list:
    order = sort_key(code)
    return sorted(items, key=lambda item: order(key(item)))
