"""Read a gettext catalog (``.po``) line by line, for the catalog check.

Babel's reader accepts much that it then compiles wrongly (a text without its
closing quote loses its last letter) and prints its complaints ("Problem on
line 505") instead of raising them. :func:`read_entries` follows the same
grammar, reports every mistake with its line and keeps the line of each
``msgstr``; :func:`babel_problems` then reads the file as the build will
(``abort_invalid``), so that Babel has the last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO

from babel.messages.pofile import PoFileError, read_po, unescape

Problem = tuple[int | None, str]  # (line, message)

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([^\]]*)\])?)(?:\s+(.*))?")


@dataclass
class Field:
    """A msgid, msgstr... and its continuation lines; ``line`` is the keyword's."""

    line: int
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line, text)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.parts)


@dataclass
class Entry:
    """One message; ``strings`` by plural index (0 for a plain msgstr)."""

    obsolete: bool  # written with #~: kept by Babel, never compiled
    context: Field | None = None
    msgid: Field | None = None
    plural: Field | None = None
    strings: dict[int, Field] = field(default_factory=dict)
    has_msgstr: bool = False


def read_entries(text: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of a catalog's text, and every mistake in how it is written."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[tuple[bool, str | None, str], int] = {}
    entry: Entry | None = None
    current: Field | None = None  # the field a line in quotes continues

    def finish() -> None:
        nonlocal entry, current
        if entry is not None and entry.msgid is not None:
            if not entry.has_msgstr:
                problems.append((entry.msgid.line, _NO_MSGSTR))
            context = entry.context.text if entry.context else None
            key = (entry.obsolete, context, entry.msgid.text)
            if key in seen:
                message = (
                    f"this msgid is already in the file, at line {seen[key]}; keep only one "
                    "of the two entries"
                )
                problems.append((entry.msgid.line, message))
            else:
                seen[key] = entry.msgid.line
            entries.append(entry)
            entry = None
        current = None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
        if not line:
            continue
        if line.startswith("#"):
            finish()
            continue
        if line.startswith('"'):
            if current is None:
                problems.append((number, _STRAY_TEXT))
                continue
            value, problem = _string(line)
            if problem:
                problems.append((number, problem))
            current.parts.append((number, value))
            continue
        match = _KEYWORD.fullmatch(line)
        if match is None:
            word = line.split()[0]
            problems.append((number, _unknown_keyword(word)))
            if entry is not None:
                entry.has_msgstr = True  # most likely a misspelt msgstr: one message is enough
            current = Field(number)  # its lines in quotes need no message of their own
            continue
        keyword, index, argument = match.groups()
        value, problem = _string(argument or "", keyword)
        if problem:
            problems.append((number, problem))
        new = Field(number, [(number, value)])
        if keyword == "msgctxt" or (keyword == "msgid" and (entry is None or entry.msgid)):
            finish()
            entry = Entry(obsolete)
        if keyword == "msgctxt":
            entry.context = new
        elif keyword == "msgid":
            entry.msgid = new
        elif entry is None or entry.msgid is None:
            problems.append((number, f"{keyword} has no msgid before it; {_ENTRY}"))
        elif keyword == "msgid_plural":
            if entry.plural is not None or entry.has_msgstr:
                problems.append((number, f"msgid_plural must come right after msgid; {_ENTRY}"))
            else:
                entry.plural = new
        else:
            entry.has_msgstr = True
            problem = _msgstr_problem(entry, index)
            if problem:
                problems.append((number, problem))
            else:
                entry.strings[int(index or 0)] = new
        current = new
    finish()
    return entries, problems


def _string(text: str, keyword: str | None = None) -> tuple[str, str | None]:
    """The text of a quoted string as Babel reads it, and what is wrong with it."""
    if _STRING.fullmatch(text):
        return unescape(text), None
    if not text.startswith('"'):
        return "", f'the text after {keyword} must be in quotes: {keyword} "..."'
    if _STRING.match(text) is None:
        return "", 'the text has no closing quote mark; end it with "'
    return "", (
        'a quote mark inside the text ends it too early; write a quote mark inside a text as \\"'
    )


def _msgstr_problem(entry: Entry, index: str | None) -> str | None:
    if index is None:
        if entry.plural is not None:
            return (
                "this message has a msgid_plural, so its translations are msgstr[0], "
                "msgstr[1] and so on; write msgstr[0] instead of msgstr"
            )
        if 0 in entry.strings:
            return "a second msgstr for the same msgid; keep only one"
        return None
    if not index.isdigit():
        return f"msgstr[{index}]: the number in brackets must be 0, 1, 2 and so on"
    if entry.plural is None:
        return (
            f"msgstr[{index}] belongs to a message with a msgid_plural, and this one has "
            "none; write msgstr instead"
        )
    if int(index) in entry.strings:
        return f"a second msgstr[{index}] for the same msgid; keep only one"
    return None


def _unknown_keyword(word: str) -> str:
    return f"'{word[:30]}' is not a word a catalog knows; {_ENTRY}"


def babel_problems(data: bytes, code: str) -> list[Problem]:
    """What Babel, reading the file as the build does, refuses (its first complaint)."""
    try:
        read_po(BytesIO(data), locale=code, abort_invalid=True)
    except PoFileError as error:
        reason = str(error).rsplit(" on ", 1)[0]
        if "num_plurals" in reason:
            return []  # msgstr[N] beyond the language's plural forms: the catalog check reports it
        return [(error.lineno + 1, f"Babel cannot read this entry ({reason}); {_ENTRY}")]
    except Exception as error:  # whatever Babel trips on, the translator gets a message
        return [(None, f"Babel cannot read this file ({error}); {_ENTRY}")]
    return []


_ENTRY = (
    'each entry is a msgid "English text" line followed by a msgstr "translation" line, '
    "longer texts continue on lines in quotes, and comments start with #"
)
_NO_MSGSTR = 'this msgid has no msgstr after it; add msgstr "" (empty shows the English text)'
_STRAY_TEXT = f"this text in quotes belongs to no msgid or msgstr; {_ENTRY}"
