"""Validate content files against pydantic models, with errors for editors.

Every error is a :class:`ContentError` printed as ``path:line: message``,
where the message says what is wrong and what to write instead. All errors of
a file are collected; :class:`ContentErrors` carries the errors of many files.

The field types at the bottom (:data:`Text`, :data:`Markdown`,
:data:`PastDate`, :data:`YamlBool`, :data:`Url`) give models these rules and
messages once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from returnsite import ROOT
from returnsite.markdown_policy import markdown_problems
from returnsite.yaml_source import Document, Loc, YamlSourceError, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ContentError:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

    def sort_key(self) -> tuple[str, int]:
        return (display_path(self.path), self.line or 0)


class ContentErrors(Exception):
    """All errors found in the content; ``str()`` lists one per line."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors, key=ContentError.sort_key)
        super().__init__("\n".join(str(error) for error in self.errors))


def display_path(path: Path) -> str:
    """The path relative to the project root when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def today() -> dt.date:
    """Today's date; tests patch this to make "in the future" checks stable."""
    return dt.date.today()


def rule_error(message: str, *, at: Loc | None = None, offset: int | None = None) -> Exception:
    """An error for a field validator to raise, with an editor's message.

    ``at`` reports the error on the line of another value, located from the
    model holding the field (e.g. ``("example",)`` for a sibling field);
    ``offset`` is the character in a text where the problem is.
    """
    context: dict[str, Any] = {"message": message}
    if at is not None:
        context["at"] = at
    if offset is not None:
        context["offset"] = offset
    return PydanticCustomError("content", "{message}", context)


def matching(pattern: str, message: str) -> Callable[[str], str]:
    """A field check: the whole value matches *pattern*, else *message*
    (``{value}`` in it is the value written)."""
    whole = re.compile(pattern)

    def check(value: str) -> str:
        if not whole.fullmatch(value):
            raise rule_error(message.replace("{value}", value))
        return value

    return check


def load_model(path: Path, model: type[M]) -> tuple[M | None, list[ContentError]]:
    """Read a YAML file and validate it; return the model or the errors."""
    document, errors = read_document(path)
    if document is None:
        return None, errors
    return validate_document(document, model, path)


def read_document(path: Path) -> tuple[Document | None, list[ContentError]]:
    try:
        return read_yaml(path), []
    except YamlSourceError as error:
        return None, [ContentError(path, p.line, p.message) for p in error.problems]


def validate_document(
    document: Document, model: type[M], path: Path, context: dict[str, Any] | None = None
) -> tuple[M | None, list[ContentError]]:
    if not isinstance(document.data, dict):
        got = _describe(document.data)
        message = f"expected fields written as 'name: value', got {got}"
        return None, [ContentError(path, document.line_of(()), message)]
    try:
        return model.model_validate(document.data, context=context), []
    except ValidationError as error:
        raw = _without_misspelt_missing(error.errors(), model)
        errors = [_content_error(e, document, model, path) for e in raw]
        return None, sorted(errors, key=lambda e: e.line or 0)


def _without_misspelt_missing(errors: list[Any], model: type[BaseModel]) -> list[Any]:
    """Drop "missing" for a field whose name is misspelt: "did you mean" says it all."""
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            parent = tuple(error["loc"][:-1])
            suggestion = _suggest(str(error["loc"][-1]), _model_at(model, parent))
            if suggestion:
                suggested.add((*parent, suggestion))
    return [
        error
        for error in errors
        if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)
    ]


def _content_error(
    error: Any, document: Document, model: type[BaseModel], path: Path
) -> ContentError:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    fields = [part for part in loc if isinstance(part, str)]
    label = ".".join(fields)
    name = fields[-1] if fields else ""
    info = _field_info(model, loc)

    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        message = _unknown_field(str(loc[-1]), parent)
        if len(fields) > 1:
            message = f"{'.'.join(fields[:-1])}: {message}"
        return ContentError(path, document.key_line_of(loc), message)

    if kind == "content":
        message = ctx["message"]
    elif kind == "missing":
        message = f"missing; add it, e.g. {_example(name, info)}"
    elif error["input"] is None:
        message = f"has no value; write one, e.g. {_example(name, info)}"
    else:
        message = _pydantic_message(kind, error, ctx, name, info)

    if is_key:
        line = document.key_line_of(loc)
    elif "at" in ctx:
        line = document.line_of((*loc[:-1], *ctx["at"]))
    elif "offset" in ctx:
        line = document.text_line(loc, ctx["offset"])
    else:
        line = document.line_of(loc)
    return ContentError(path, line, f"{label}: {message}" if label else message)


def _pydantic_message(
    kind: str, error: Any, ctx: dict[str, Any], name: str, info: FieldInfo | None
) -> str:
    got = _describe(error["input"])
    if kind.startswith("int_"):
        return f"expected a whole number like {_example_value(info) or 2019}, got {got}"
    if kind == "string_type":
        return f"expected text, got {got}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"expected a list (one '- item' per line), got {got}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected fields indented below '{name}:', got {got}"
    if kind == "literal_error":
        return f"{got} is not allowed; write one of: {ctx['expected']}"
    if kind == "too_short":
        return f"is empty; write at least {ctx['min_length']} entry"
    if kind == "value_error":
        return str(ctx["error"])
    return f"{error['msg']} (got {got})"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "indented fields"
    return repr(str(value))


def _unknown_field(name: str, model: type[BaseModel] | None) -> str:
    if model is None:
        return f"unknown field '{name}'; remove it"
    # A model may name its keys differently ("section") and explain fields
    # that belong elsewhere (class variables ``field_noun``, ``field_hints``).
    unknown = f"unknown {getattr(model, 'field_noun', 'field')} '{name}'"
    hints: dict[str, str] = getattr(model, "field_hints", {})
    if name in hints:
        return f"{unknown}; {hints[name]}"
    suggestion = _suggest(name, model)
    if suggestion:
        return f"{unknown}; did you mean '{suggestion}'?"
    return f"{unknown}; remove it or use one of: {', '.join(model.model_fields)}"


def _suggest(name: str, model: type[BaseModel] | None) -> str | None:
    if model is None or name in getattr(model, "field_hints", {}):
        return None
    known = list(model.model_fields)
    by_case = [field for field in known if field.lower() == name.lower()]
    close = by_case or difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _example(name: str, info: FieldInfo | None) -> str:
    value = _example_value(info)
    if isinstance(value, list):
        value = f"[{', '.join(map(str, value))}]"
    return f"'{name}: {value}'" if value is not None else f"'{name}: ...'"


def _example_value(info: FieldInfo | None) -> Any:
    if info is not None and info.examples:
        return info.examples[0]
    return None


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            rest = [arg for arg in get_args(tp) if arg is not type(None)]
            if len(rest) != 1:
                return tp
            tp = rest[0]
        else:
            return tp


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Any, FieldInfo | None]:
    """The type declared at ``loc`` and the field that declares it."""
    tp: Any = model
    info: FieldInfo | None = None
    for part in loc:
        tp = _unwrap(tp)
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            info = tp.model_fields.get(part)
            if info is None:
                return None, None
            tp = info.annotation
        elif origin in (list, tuple, set, frozenset) and isinstance(part, int):
            tp = get_args(tp)[0] if get_args(tp) else Any
        elif origin is dict:
            tp = get_args(tp)[1] if get_args(tp) else Any
            info = None
        else:
            return None, None
    return tp, info


def _field_info(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    return _walk(model, loc)[1]


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    tp = _unwrap(_walk(model, loc)[0])
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


# --- Field types shared by the content models --------------------------------


def check_no_html(text: str) -> str:
    """Refuse what the site's Markdown policy refuses (raw HTML, links of other
    kinds than web, e-mail, phone and site links, attributes other than classes
    and ids, invisible characters); see :mod:`returnsite.markdown_policy`."""
    problems = markdown_problems(text)
    if problems:
        offset, message = problems[0]
        raise rule_error(message, offset=offset)
    return text


def _not_blank(text: str) -> str:
    text = text.strip()
    if not text:
        raise rule_error("is empty; write the text, or remove the field if it is optional")
    return text


def _one_line(text: str) -> str:
    if "\n" in text:
        raise rule_error("is on several lines; write it on one line")
    return text


def _strict_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise rule_error(f"expected true or false, got {_describe(value)}")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if value is not None else ""
    if not _DATE.fullmatch(text):
        raise rule_error(
            f"{_describe(value)} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15"
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise rule_error(
            f"{text} is not a real date; write an existing date as YYYY-MM-DD, e.g. 2024-03-15"
        ) from None


def _not_future(value: dt.date) -> dt.date:
    if value > today():
        raise rule_error(f"{value.isoformat()} is in the future; write a date that has passed")
    return value


_check_url = matching(
    r"https?://[^\s/$.?#][^\s]*",
    "'{value}' is not a web address; write the full address, starting with https://",
)


@dataclass(frozen=True)
class Shape:
    """How a field's value is written, in an editor's words, for the field reference
    (pydantic ignores it; :mod:`returnsite.field_reference` reads it)."""

    words: str


Text = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_one_line),
    AfterValidator(check_no_html),
    Shape("text on one line"),
]
"""A short plain text (a title, a name): one line, not empty, no HTML."""

Markdown = Annotated[
    str, AfterValidator(_not_blank), AfterValidator(check_no_html), Shape("Markdown text")
]
"""A Markdown text: not empty, no raw HTML."""

YamlBool = Annotated[bool, BeforeValidator(_strict_bool), Shape("true or false")]
"""``true`` or ``false`` only (not yes/no/on/off, which YAML 1.1 reads as booleans)."""

PastDate = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    AfterValidator(_not_future),
    Shape("date as YYYY-MM-DD, not in the future"),
]
"""A real date written YYYY-MM-DD, not later than :func:`today`."""

Url = Annotated[str, AfterValidator(_check_url), Shape("web address starting with https://")]
"""A full http(s) web address."""
