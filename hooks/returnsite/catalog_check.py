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
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from returnsite.characters import forbidden_characters
from returnsite.po_reader import Entry, Field, Problem, babel_problems, read_entries
from returnsite.validation import ContentError

CATALOG_NAME = "messages.po"  # i18n.DOMAIN's catalog; i18n imports this module


def check_catalogs(root: Path) -> list[ContentError]:
    """Every mistake in every catalog under ``root/locales``."""
    errors: list[ContentError] = []
    for path in sorted((root / "locales").rglob("*.po")):
        relative = path.relative_to(root / "locales")
        if relative.parts[1:] == ("LC_MESSAGES", CATALOG_NAME):
            errors += check_catalog(path, relative.parts[0])
        else:
            message = (
                "is not read by the build, which reads only "
                f"locales/<language>/LC_MESSAGES/{CATALOG_NAME}; move the translations there"
            )
            errors.append(ContentError(path, None, message))
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
    entries, problems = read_entries(text.removeprefix("\ufeff"))
    if text.startswith("\ufeff"):
        # Babel reads the mark as part of the first word, and loses the header.
        message = (
            "starts with an invisible byte order mark (BOM), which Babel cannot read; "
            "save the file as UTF-8 without BOM"
        )
        problems.insert(0, (1, message))
    if not problems:
        problems = babel_problems(data, code)
    for entry in entries:
        if not entry.obsolete:
            problems += _check_entry(entry, code, language)
    problems.sort(key=lambda problem: problem[0] or 0)
    return [ContentError(path, line, message) for line, message in problems]


# --- Checking the entries ----------------------------------------------------------


def _check_entry(entry: Entry, code: str, language: Locale) -> list[Problem]:
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
    (re.compile(r"<[A-Za-z/!?][^>]*>?"), "HTML"),
    (re.compile(r"!?\[[^\]]*\]\([^)]*\)?|\]\("), "a Markdown link or image"),
    (re.compile(r"^\s*\[[^\]]*\]:.*", re.MULTILINE), "a Markdown link definition"),
    # attr_list reads {: ...}, {.x}, {#x}, {a=b} and { any words } at the end of a
    # paragraph; {name} alone is a placeholder, checked as one.
    (
        re.compile(r"\{\s*(?::|[.#][\w-]|[\w-]+\s*=)[^}]*\}?|\{(?![A-Za-z0-9_]*\})[^}\n]*\}"),
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
        token = token.strip()
        found.setdefault(kind, []).append(token if len(token) <= 50 else f"{token[:49]}…")
    problems = [
        f"contains {kind} ({', '.join(tokens)}), which the English text does not have; "
        "a translation is plain text: links and formatting belong to the site's "
        "templates, so write only the words and the placeholders of the English text"
        for kind, tokens in found.items()
    ]
    if '"' in text and not any('"' in source for source in sources):
        # Theme templates put some messages into attributes: aria-label="...".
        problems.append(
            'contains a straight double quote ("), which the English text does not have '
            "and which can end a value in the page's HTML; use the quotation marks of the "
            "language instead (« », „ “ or “ ”)"
        )
    return problems


# --- Header --------------------------------------------------------------------------


def _check_header(entry: Entry, code: str, language: Locale) -> list[Problem]:
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


def _header_lines(header: Field) -> list[tuple[int, str, str]]:
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
