"""Characters no editor or translator may write: bidi controls and other invisible
controls. A right-to-left override (U+202E) can show a reversed, fake phone
number; a zero-width or control character hides text from the reviewer.

One list for every file kind (YAML content, data files, pages, catalogs).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Named because an editor cannot see them; the message names each one.
_NAMED = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING (U+202A)",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING (U+202B)",
    "\u202c": "POP DIRECTIONAL FORMATTING (U+202C)",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE (U+202D)",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE (U+202E)",
    "\u2066": "LEFT-TO-RIGHT ISOLATE (U+2066)",
    "\u2067": "RIGHT-TO-LEFT ISOLATE (U+2067)",
    "\u2068": "FIRST STRONG ISOLATE (U+2068)",
    "\u2069": "POP DIRECTIONAL ISOLATE (U+2069)",
    "\u200b": "ZERO WIDTH SPACE (U+200B)",
    "\u2060": "WORD JOINER (U+2060)",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (U+FEFF)",
    "\u00ad": "SOFT HYPHEN (U+00AD)",
}
# Allowed on purpose: tab and newlines (layout), ZWNJ/ZWJ (needed to write
# Persian, Pashto and Arabic words correctly), LRM/RLM (U+200E/U+200F: the
# one sanctioned way to fix the side of a neutral character in RTL text).
_ALLOWED = {"\t", "\n", "\r", "\u200c", "\u200d", "\u200e", "\u200f"}
_CANDIDATES = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


@dataclass(frozen=True)
class Forbidden:
    offset: int  # in the text
    name: str

    @property
    def message(self) -> str:
        return (
            f"contains the invisible character {self.name}, which can change how the "
            "text reads (a reversed phone number, hidden words); delete it, and for "
            "right-to-left text rely on the page's direction"
        )


def forbidden_characters(text: str) -> list[Forbidden]:
    """Every forbidden character in ``text``, in order."""
    found = []
    for match in _CANDIDATES.finditer(text):
        char = match.group()
        if char in _ALLOWED:
            continue
        label = _NAMED.get(char) or unicodedata.name(char, "CONTROL CHARACTER")
        name = label if char in _NAMED else f"{label} (U+{ord(char):04X})"
        found.append(Forbidden(match.start(), name))
    return found
