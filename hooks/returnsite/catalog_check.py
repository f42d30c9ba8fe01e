"""Check translators' catalogs (``locales/<code>/LC_MESSAGES/*.po``) like content.

A ``msgstr`` is plain text that fills a place in a template: it may use only the
placeholders of its English ``msgid`` (``%(name)s``, ``%s``, ``{name}``), no
markup (HTML, Markdown links, attribute lists, ``javascript:`` addresses) that
the English text does not have, and no invisible characters. The file itself
must be UTF-8, readable by Babel, and its ``Language:`` and ``Plural-Forms:``
headers must match its folder's language.

:func:`check_catalogs` reports every mistake of every catalog, each on the line
of the ``msgstr`` (or of the entry) in the ``.po`` file. Fuzzy entries are
compiled too (see :mod:`returnsite.i18n`), so they are checked the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, unescape

from returnsite.characters import forbidden_characters
from returnsite.validation import ContentError

Problem = tuple[int | None, str]


def check_catalogs(root: Path) -> list[ContentError]:
    """Every mistake in every catalog under ``root/locales``."""
    errors: list[ContentError] = []
    for path in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        errors += check_catalog(path, path.parents[1].name)
    return errors


def check_catalog(path: Path, code: str) -> list[ContentError]:
    """Every mistake in the catalog of language ``code`` at ``path``."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"is not saved as UTF-8 (byte 0x{data[error.start]:02X} on this line cannot be "
            "read); save the file with the encoding UTF-8 (in Poedit and most editors: "
            "Save as, Encoding: UTF-8)"
        )
        return [ContentError(path, line, message)]
    try:
        language = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        message = (
            f"is in the folder '{code}', which is not a language code; name the folder "
            "after the language's code in data/languages.yml (e.g. locales/fr/)"
        )
        return [ContentError(path, None, message)]
    entries, problems = _parse(text)
    if not problems:
        problems = _babel_problems(data, code)
    for entry in entries:
        if not entry.obsolete:
            problems += _check_entry(entry, code, language)
    problems.sort(key=lambda problem: problem[0] or 0)
    return [ContentError(path, line, message) for line, message in problems]


# --- Reading the file --------------------------------------------------------------
# Babel's reader accepts much that it then compiles wrongly (a text without its
# closing quote loses its last letter) and prints its complaints instead of
# raising them. This reader follows the same grammar line by line, reports every
# mistake, and keeps the line of each msgstr; Babel then reads the file as the
# build will (abort_invalid) and has the last word.

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([^\]]*)\])?)(?:\s+(.*))?")


@dataclass
class _Field:
    line: int
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line, text)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.parts)


@dataclass
class _Entry:
    obsolete: bool
    context: _Field | None = None
    msgid: _Field | None = None
    plural: _Field | None = None
    strings: dict[int, _Field] = field(default_factory=dict)
    has_msgstr: bool = False


def _parse(text: str) -> tuple[list[_Entry], list[Problem]]:
    entries: list[_Entry] = []
    problems: list[Problem] = []
    seen: dict[tuple[bool, str | None, str], int] = {}
    entry: _Entry | None = None
    current: _Field | None = None  # the field a line in quotes continues

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
            current = None
            continue
        keyword, index, argument = match.groups()
        value, problem = _string(argument or "", keyword)
        if problem:
            problems.append((number, problem))
        new = _Field(number, [(number, value)])
        if keyword == "msgctxt" or (keyword == "msgid" and (entry is None or entry.msgid)):
            finish()
            entry = _Entry(obsolete)
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


def _msgstr_problem(entry: _Entry, index: str | None) -> str | None:
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


def _babel_problems(data: bytes, code: str) -> list[Problem]:
    try:
        read_po(BytesIO(data), locale=code, abort_invalid=True)
    except PoFileError as error:
        reason = str(error).rsplit(" on ", 1)[0]
        if "num_plurals" in reason:
            return []  # msgstr[N] beyond the language's plural forms: see _check_entry
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


# --- Checking the entries ----------------------------------------------------------


def _check_entry(entry: _Entry, code: str, language: Locale) -> list[Problem]:
    assert entry.msgid is not None
    if entry.msgid.text == "" and entry.context is None:
        return _check_header(entry, code, language)
    name = language.get_display_name("en")
    sources = [entry.msgid.text]
    problems: list[Problem] = []
    if entry.plural is not None:
        sources.append(entry.plural.text)
        forms = get_plural(code).num_plurals
        for index, string in sorted(entry.strings.items()):
            if index >= forms:
                message = (
                    f"msgstr[{index}] is one plural form too many: {name} has {forms}, "
                    f"msgstr[0] to msgstr[{forms - 1}]; delete msgstr[{index}]"
                )
                problems.append((string.line, message))
        filled = [i for i, s in entry.strings.items() if s.text and i < forms]
        empty = [i for i in range(forms) if i not in filled]
        if filled and empty:
            message = (
                f"msgstr[{empty[0]}] is empty while msgstr[{filled[0]}] is translated, so "
                f"readers would see English there; {name} needs msgstr[0] to "
                f"msgstr[{forms - 1}]: translate every form or leave them all empty"
            )
            problems.append((entry.strings[min(entry.strings)].line, message))
    for index, string in sorted(entry.strings.items()):
        if string.text and (entry.plural is None or index < get_plural(code).num_plurals):
            problems += [(string.line, m) for m in text_problems(string.text, sources)]
    return problems


def text_problems(text: str, sources: list[str]) -> list[str]:
    """What is wrong with the translation ``text`` of the English ``sources``
    (the msgid, and the msgid_plural of a plural message)."""
    return (
        _placeholder_problems(text, sources)
        + _markup_problems(text, sources)
        + [found.message for found in forbidden_characters(text)]
    )


# --- Placeholders --------------------------------------------------------------------
# Python code fills %(name)s with "text % values"; Jinja's newstyle gettext (the
# theme templates) does so for every message, even one without placeholders, so
# a lone % breaks a template's message too. {name} is str.format's form.

_PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
    r"|(?P<lone>%)"
)
_BRACE = re.compile(r"\{[A-Za-z0-9_]*\}")


def _placeholders(text: str, percent: bool = True) -> tuple[Counter[str], bool]:
    """The placeholders of ``text`` (named ones once), and whether it has a lone %;
    ``percent``: whether the text is %-formatted at all."""
    found: Counter[str] = Counter()
    lone = False
    for match in _PERCENT.finditer(text) if percent else ():
        if match["lone"]:
            lone = True
        elif match.group() != "%%":
            found[match.group()] = 1 if match["name"] is not None else found[match.group()] + 1
    for match in _BRACE.finditer(text):
        found[match.group()] = 1
    return found, lone


def _placeholder_problems(text: str, sources: list[str]) -> list[str]:
    counts = [_placeholders(source)[0] for source in sources]
    allowed, required = counts[0], counts[0]
    for other in counts[1:]:
        allowed, required = allowed | other, required & other
    percent = "%" in "".join(sources)
    found, lone = _placeholders(text, percent)
    unknown, missing = list((found - allowed).elements()), list((required - found).elements())
    keep = (
        f"keep the placeholders of the English text exactly: {', '.join(allowed)}"
        if allowed
        else "the English text has no placeholders, so write none"
    )
    problems = []
    if not percent and "%" in text:
        problems.append(
            "contains a % sign, which the English text does not have and which this text "
            "cannot show (it would break the page); write the word instead"
        )
    elif lone:
        problems.append(
            f"contains a % sign that starts no placeholder; write %% for a percent sign; {keep}"
        )
    if unknown or missing:
        what = []
        if unknown:
            what.append(f"uses {', '.join(unknown)}, which the English text does not have")
        if missing:
            what.append(f"leaves out {', '.join(missing)}")
        bare = any(u.startswith("%") and "(" not in u for u in unknown)
        hint = " (a percent sign is written %%)" if bare else ""
        problems.append(f"{', and '.join(what)}; {keep}{hint}")
    return problems


# --- Markup --------------------------------------------------------------------------
# Messages are inserted into Markdown and into theme templates as they are: any
# markup in them is markup on the page. A message fills a place in a template;
# links and formatting belong to the template.

_MARKUP = [
    (re.compile(r"<[A-Za-z][\w+.-]*:[^\s>]*>"), "a link written <address>"),
    (re.compile(r"<[A-Za-z/!?][^>]{0,40}>?"), "HTML"),
    (re.compile(r"!?\[[^\]]*\]\([^)]{0,40}\)?|\]\("), "a Markdown link or image"),
    (re.compile(r"^\s*\[[^\]]*\]:.{0,40}", re.MULTILINE), "a Markdown link definition"),
    (
        re.compile(r"\{\s*(?::|[.#][\w-]|[\w-]+\s*=)[^}]{0,40}\}?"),
        "a Markdown attribute list",
    ),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE), "a script address"),
]
_INVISIBLE_IN_ADDRESSES = re.compile(r"[\t\n\r]")  # browsers drop them from addresses


def _markup(text: str) -> list[tuple[str, str]]:
    found = []
    for pattern, kind in _MARKUP:
        subject = _INVISIBLE_IN_ADDRESSES.sub("", text) if kind == "a script address" else text
        found += [(match.group(), kind) for match in pattern.finditer(subject)]
    return found


def _markup_problems(text: str, sources: list[str]) -> list[str]:
    english = {token for source in sources for token, _ in _markup(source)}
    found: dict[str, list[str]] = {}  # kind: tokens, in the order of _MARKUP
    for token, kind in _markup(text):
        reported = [t for tokens in found.values() for t in tokens]
        if token in english or any(token in t for t in reported):
            continue
        found.setdefault(kind, []).append(token.strip())
    return [
        f"contains {kind} ({', '.join(tokens)}), which the English text does not have; "
        "a translation is plain text: links and formatting belong to the site's "
        "templates, so write only the words and the placeholders of the English text"
        for kind, tokens in found.items()
    ]


# --- Header --------------------------------------------------------------------------


def _check_header(entry: _Entry, code: str, language: Locale) -> list[Problem]:
    header = entry.strings.get(0)
    if header is None:
        return []
    name = language.get_display_name("en")
    problems: list[Problem] = []
    for line, key, value in _header_lines(header):
        if key == "language" and value and not _same_language(value, language):
            message = (
                f"Language: says '{value}', but this catalog is in the folder of {name} "
                f"({code}); write Language: {code}"
            )
            problems.append((line, message))
        elif key == "plural-forms" and not _same_plurals(value, code):
            expected = get_plural(code).plural_forms
            message = (
                f"Plural-Forms: says '{value}', which is not the plural rule of {name}; "
                f"write Plural-Forms: {expected}"
            )
            problems.append((line, message))
        elif key == "content-type":
            charset = re.search(r"charset=([^\s;]+)", value)
            if charset and charset.group(1).lower().replace("-", "") != "utf8":
                message = (
                    f"Content-Type: says the file is in {charset.group(1)}; save it as UTF-8 "
                    "and write Content-Type: text/plain; charset=UTF-8"
                )
                problems.append((line, message))
    for message in forbidden_characters(header.text):
        problems.append((header.line, message.message))
    return problems


def _header_lines(header: _Field) -> list[tuple[int, str, str]]:
    """(line in the file, key in lower case, value) of every header in ``header``."""
    starts, offset = [], 0
    for line, text in header.parts:
        starts.append((offset, line))
        offset += len(text)
    found, offset = [], 0
    for text in header.text.split("\n"):
        line = max((ln for start, ln in starts if start <= offset), default=header.line)
        offset += len(text) + 1
        key, colon, value = text.partition(":")
        if colon:
            found.append((line, key.strip().lower(), value.strip()))
    return found


def _same_language(value: str, language: Locale) -> bool:
    try:
        return str(Locale.parse(value.replace("-", "_"))) == str(language)
    except (UnknownLocaleError, ValueError):
        return False


def _same_plurals(value: str, code: str) -> bool:
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=(.*?);?\s*", value)
    if match is None:
        return False
    expected = get_plural(code)
    return int(match.group(1)) == expected.num_plurals and _expression(
        match.group(2)
    ) == _expression(expected.plural_expr)


def _expression(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1]
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0
