"""Read content YAML with the line of every value, safe from YAML 1.1 traps.

Every scalar is read as the text written in the file (``NO`` stays ``"NO"``,
``1.10`` stays ``"1.10"``, ``2019-05-01`` stays ``"2019-05-01"``); only an empty
value, ``~`` or ``null`` reads as ``None``. The schema (pydantic, lax mode)
turns the text into the type each field declares, so a value is never
guessed from its looks. Duplicate keys are errors, not silently overwritten.

Anchors and aliases (``&name``, ``*name``, ``<<: *name``) are refused before
the document is built, so an alias bomb or a recursive alias costs nothing.
Invisible characters (:mod:`returnsite.characters`) in a value, and a
no-break space or another unusual space used as indentation, are errors on
the line where they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from returnsite.characters import forbidden_characters

Loc = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class YamlProblem:
    line: int | None
    message: str


class YamlSourceError(Exception):
    """The file could not be read as YAML; ``problems`` says where and why."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Position:
    """Where a value sits in the file (lines count from 1)."""

    line: int
    key_line: int | None = None
    literal: bool = False  # a `|` block: its text starts on the next line


@dataclass
class Document:
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)

    def _nearest(self, loc: Loc) -> tuple[Loc, Position]:
        for end in range(len(loc), -1, -1):
            prefix = tuple(loc[:end])
            if prefix in self.positions:
                return prefix, self.positions[prefix]
        return (), Position(line=1)

    def line_of(self, loc: Loc) -> int:
        """Line of the value at ``loc``, or of its nearest written ancestor."""
        return self._nearest(loc)[1].line

    def key_line_of(self, loc: Loc) -> int:
        """Line of the key naming the value at ``loc`` (for unknown fields)."""
        found, position = self._nearest(loc)
        if found == tuple(loc) and position.key_line is not None:
            return position.key_line
        return position.line

    def text_line(self, loc: Loc, offset: int) -> int:
        """Line of character ``offset`` of the text at ``loc``.

        Exact for `|` blocks; folded and flow text is joined into one line by
        YAML, so the value's first line is the best we can say.
        """
        found, position = self._nearest(loc)
        text = self.data_at(found)
        if found == tuple(loc) and position.literal and isinstance(text, str):
            return position.line + 1 + text.count("\n", 0, offset)
        return position.line

    def data_at(self, loc: Loc) -> Any:
        value = self.data
        for part in loc:
            value = value[part]
        return value


def read_yaml(path: Path) -> Document:
    """Read a UTF-8 YAML file; raise :class:`YamlSourceError` if impossible."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise YamlSourceError(
            [
                YamlProblem(
                    line,
                    f"the file is not UTF-8 text (unreadable byte 0x{byte:02x} on this line); "
                    "save it with the UTF-8 encoding in your editor",
                )
            ]
        ) from None
    return parse_yaml(text)


ALIASES = (
    "YAML anchors and aliases (&name, *name) are not used in content files; "
    "write the value out in full"
)


def parse_yaml(text: str) -> Document:
    # Checked on the text first: characters YAML cannot read, odd indentation,
    # and anchors (the events are read without building anything).
    problems = _unreadable_characters(text) + _odd_indentation(text)
    if not problems:
        problems = _anchors_and_syntax(text)
    if problems:
        raise YamlSourceError(problems)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise YamlSourceError([_syntax_problem(error)]) from None
    except yaml.YAMLError as error:  # not expected after the checks above
        raise YamlSourceError([YamlProblem(None, f"YAML error: {error}")]) from None
    if root is None:
        raise YamlSourceError(
            [YamlProblem(1, "the file is empty; write its fields as 'name: value'")]
        )
    document = Document(data=None)
    document.data = _convert(root, (), None, document.positions, problems, text)
    if problems:
        raise YamlSourceError(sorted(problems, key=lambda p: p.line or 0))
    return document


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = _plain_problem(error.problem or error.context or "unreadable YAML")
    return YamlProblem(line, f"YAML syntax error: {problem}")


def _anchors_and_syntax(text: str) -> list[YamlProblem]:
    """Every anchor and alias, and the first syntax error, from the parser's events."""
    lines: dict[int, None] = {}  # one message per line, in order
    problems = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                lines[event.start_mark.line + 1] = None
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(error))
    return [YamlProblem(line, ALIASES) for line in lines] + problems


# YAML 1.1 printable characters; anything else stops the parser.
_UNREADABLE = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unreadable_characters(text: str) -> list[YamlProblem]:
    problems = []
    for match in _UNREADABLE.finditer(text):
        found = forbidden_characters(match.group())
        name = found[0].name if found else f"U+{ord(match.group()):04X}"
        problems.append(
            YamlProblem(
                _line_at(text, match.start()),
                f"contains the invisible character {name}, which YAML cannot read; delete it",
            )
        )
    return problems


# A space that looks like one but is not (U+00A0, U+2000-U+200A, U+202F, U+3000...)
# at the start of a line: YAML would read it as part of a field's name.
_ODD_INDENT = re.compile(r"^[ \t]*([^\S\n\r\t ])", re.MULTILINE)


def _odd_indentation(text: str) -> list[YamlProblem]:
    problems = []
    for match in _ODD_INDENT.finditer(text):
        char = match.group(1)
        name = unicodedata.name(char, "SPACE")
        problems.append(
            YamlProblem(
                _line_at(text, match.start(1)),
                f"the indentation contains a {name} (U+{ord(char):04X}) instead of an "
                "ordinary space; delete it and indent with ordinary spaces",
            )
        )
    return problems


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _invisible_in_value(node: yaml.ScalarNode, text: str) -> list[YamlProblem]:
    """The line of each forbidden character in a value, found in the text written."""
    start, end = node.start_mark.index, node.end_mark.index
    problems = []
    for found in forbidden_characters(node.value):
        char = node.value[found.offset]
        index = text.find(char, start, end)
        if index >= 0:
            start = index + 1
            line = _line_at(text, index)
        else:  # written as an escape such as "\u202e"
            line = node.start_mark.line + 1
        problems.append(YamlProblem(line, found.message))
    return problems


def _convert(
    node: yaml.Node,
    loc: Loc,
    key_line: int | None,
    positions: dict[Loc, Position],
    problems: list[YamlProblem],
    text: str,
) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        positions[loc] = Position(line, key_line, literal=node.style == "|")
        problems.extend(_invisible_in_value(node, text))
        if not node.style and node.value in _NULLS:  # plain: None (Python) or "" (libyaml)
            return None
        return node.value
    # A block of fields or items is reported on the line of the key naming it.
    positions[loc] = Position(key_line or line, key_line)
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, index), None, positions, problems, text)
            for index, item in enumerate(node.value)
        ]
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        name_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(YamlProblem(name_line, "a field name must be a single word before ':'"))
            continue
        name = key_node.value
        if name in first_line:
            problems.append(
                YamlProblem(
                    name_line,
                    f"'{name}' is written twice (first on line {first_line[name]}); "
                    "keep only one of them",
                )
            )
            continue
        first_line[name] = name_line
        result[name] = _convert(value_node, (*loc, name), name_line, positions, problems, text)
    return result


# The parsers' wording (libyaml's and PyYAML's) of common mistakes, in an editor's words.
_PROBLEMS = {
    "mapping values are not allowed": "a ':' where none can be; check the indentation, "
    "and put text containing ': ' in quotes",
    "could not find expected ':'": "a line without ':'; write each field as 'name: value' "
    "at the indentation of the fields around it",
    "cannot start any token": "a character that cannot start a value; "
    "indent with spaces (not tabs) and put text starting with '@' or '`' in quotes",
    "did not find expected key": "a line that does not fit the indentation around it; "
    "align it with the fields above",
    "expected <block end>": "a line that does not fit the indentation around it; "
    "align it with the fields above",
    "expected ',' or ']'": "a list in [ ] that is not closed; close it with ']'",
    "expected ',' or '}'": "a group in { } that is not closed; close it with '}'",
    "found unexpected end of stream": "a quotation mark that is opened but never closed; "
    "close it or remove it",
}


def _plain_problem(problem: str) -> str:
    for words, plain in _PROBLEMS.items():
        if words in problem:
            return plain
    return f"{problem}; check the indentation and write each field as 'name: value'"
