"""Start new content from the schema, and record what a translation was made from.

- :func:`new_sheet`: ``country_sheets/<cc>/sheet.yml`` and ``en.yml``, every
  field present (optional ones commented out) with its description from the
  schema above it;
- :func:`new_story`: ``return_stories/<name>.yml``, an illustrative example
  until the editor says otherwise;
- :func:`new_translation`: a page, a sheet's or a story's texts in another
  language, copied from English to be translated, marked as a draft, with the
  version mark of the English text (:mod:`returnsite.translation_status`);
- :func:`mark_translated`: after a translation has been brought up to date,
  write the current English version mark into it.

Files are edited as text, so that comments and layout stay as editors wrote them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from returnsite import ROOT
from returnsite.content import check_content, country_codes, country_name
from returnsite.content.loader import SHEETS_DIR, STORIES_DIR
from returnsite.content.sheets import SHEET_FILE, SheetFacts, SheetTexts
from returnsite.content.stories import StoryFile
from returnsite.content.translation import TRANSLATION_FIELDS
from returnsite.languages import codes, default_language, language
from returnsite.translation_status import DOCS_DIR, model_mark, page_mark
from returnsite.yaml_source import parse_yaml

TARGET_KINDS = ("page", "sheet", "story")

# The list of countries whose nationals need a visa (Annex I) or not (Annex II),
# as written into a new sheet.yml: the editor checks the newest consolidated
# version and writes its date and CELEX number.
VISA_REGULATION = {
    "title": "Regulation (EU) 2018/1806 of 14 November 2018 listing the third countries whose "
    "nationals must be in possession of visas when crossing the external borders and those "
    "whose nationals are exempt from that requirement (OJ L 303, 28.11.2018, p. 39), "
    "consolidated version CELEX 02018R1806-20240804",
    "publisher": "European Union, EUR-Lex",
    "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX%3A02018R1806-20240804",
    "date": "2024-08-04",
}


class ScaffoldError(ValueError):
    """What the editor asked for cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    kind: str  # page, sheet or story
    name: str  # faq, ma, ma-2019-bakery

    @classmethod
    def parse(cls, text: str) -> Target:
        kind, _, name = text.partition(":")
        if kind not in TARGET_KINDS or not name:
            raise ScaffoldError(
                f"'{text}' is not something to translate; write page:<name> (e.g. page:faq), "
                "sheet:<country code> (e.g. sheet:ma) or story:<name>"
            )
        return cls(kind, name)


# --- New sheets and stories --------------------------------------------------------


def new_sheet(country: str, root: Path = ROOT, today: dt.date | None = None) -> list[Path]:
    """Write the files of a new country sheet; return them."""
    code = country.lower()
    if code not in country_codes():
        raise ScaffoldError(
            f"'{country}' is not a country code; write the two-letter ISO code, e.g. ma for Morocco"
        )
    folder = root / SHEETS_DIR / code
    if folder.exists():
        raise ScaffoldError(f"{SHEETS_DIR}/{code} exists already; edit its files instead")
    name = country_name(code)
    facts = _header(
        f"Country sheet of {name}: the facts, the same in every language.",
        "The texts are in en.yml (English) and <language>.yml files beside this one.",
    ) + _fields(
        SheetFacts,
        {
            "country": code,
            "status": "draft",
            # The source is the same for every country; whether a visa is
            # required is for the editor to check in its annexes.
            "visa_for_belgium": {"source": VISA_REGULATION},
        },
    )
    texts = _header(
        f"English texts of the {name} sheet. Plain language: short sentences.",
        "Only facts with a source listed in sheet.yml; leave a section out rather than guess.",
    ) + _fields(
        SheetTexts,
        {"summary": f"Information about voluntary return to {name}."},
        skip=TRANSLATION_FIELDS,
    )
    folder.mkdir(parents=True)
    written = [folder / SHEET_FILE, folder / f"{default_language().code}.yml"]
    written[0].write_text(facts, encoding="utf-8")
    written[1].write_text(texts, encoding="utf-8")
    return written


def new_story(
    name: str,
    country: str,
    year: int,
    support: list[str],
    partner: str,
    root: Path = ROOT,
) -> Path:
    """Write a new story file (an illustrative example until the editor changes it)."""
    path = root / STORIES_DIR / f"{name}.yml"
    if path.exists():
        raise ScaffoldError(f"{STORIES_DIR}/{name}.yml exists already; edit it instead")
    english = default_language().code
    text = _header(
        "A return story. Write only what the person agreed to publish.",
        "A real story needs 'example: false' and 'consent_to_publish: true'.",
    ) + _fields(
        StoryFile,
        {
            "country": country,
            "year_of_return": year,
            "support_used": support,
            "partner": partner,
            "example": True,
            "texts": {
                english: {
                    "title": f"Return to {country_name(country)}",
                    "body": "Write the story here, in short and simple sentences.\n",
                }
            },
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- Translations --------------------------------------------------------------------


def new_translation(code: str, target: Target, root: Path = ROOT) -> Path:
    """Copy the English text of *target* into language *code*, marked as a draft."""
    _check_language(code)
    if target.kind == "page":
        english, own = _page_paths(code, target.name, root)
        if own.exists():
            raise ScaffoldError(f"{_rel(own, root)} exists already; edit it instead")
        text = english.read_text(encoding="utf-8")
        meta = {"translation": "draft", "translated_from": page_mark(text)}
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text(_with_front_matter(text, meta), encoding="utf-8")
        return own
    if target.kind == "sheet":
        sheet = _sheet(target.name, root)
        own = sheet.folder / f"{code}.yml"
        if own.exists():
            raise ScaffoldError(f"{_rel(own, root)} exists already; edit it instead")
        english = sheet.folder / f"{default_language().code}.yml"
        body = _without_leading_comments(english.read_text(encoding="utf-8"))
        mark = model_mark(sheet.texts[default_language().code])
        own.write_text(
            _header(
                f"{language(code).english_name} texts of the {country_name(sheet.code)} sheet, "
                f"translated from {english.name}.",
                "Translate the texts; keep the field names (summary, sections, overview...).",
                "Checked by a translator? Remove 'translation: draft'.",
            )
            + f"translation: draft\ntranslated_from: {mark}\n"
            + body,
            encoding="utf-8",
        )
        return own
    story = _story(target.name, root)
    if code in story.data.texts:
        raise ScaffoldError(
            f"{_rel(story.path, root)} has a '{code}:' text already; edit it instead"
        )
    english = story.data.texts[default_language().code]
    block = {
        "translation": "draft",
        "translated_from": model_mark(english),
        **english.model_dump(exclude=TRANSLATION_FIELDS, exclude_none=True),
    }
    _insert_story_text(story.path, code, block)
    return story.path


def mark_translated(code: str, target: Target, root: Path = ROOT) -> Path:
    """Write the English text's current version mark into the translation of *target*."""
    _check_language(code)
    if target.kind == "page":
        english, own = _page_paths(code, target.name, root)
        if not own.is_file():
            raise ScaffoldError(_no_translation(code, target))
        mark = page_mark(english.read_text(encoding="utf-8"))
        own.write_text(
            _with_front_matter(own.read_text(encoding="utf-8"), {"translated_from": mark}),
            encoding="utf-8",
        )
        return own
    if target.kind == "sheet":
        sheet = _sheet(target.name, root)
        own = sheet.folder / f"{code}.yml"
        if code not in sheet.texts:
            raise ScaffoldError(_no_translation(code, target))
        mark = model_mark(sheet.texts[default_language().code])
        own.write_text(_set_top_field(own.read_text(encoding="utf-8"), mark), encoding="utf-8")
        return own
    story = _story(target.name, root)
    if code not in story.data.texts:
        raise ScaffoldError(_no_translation(code, target))
    mark = model_mark(story.data.texts[default_language().code])
    _set_story_field(story.path, code, mark)
    return story.path


def _no_translation(code: str, target: Target) -> str:
    return (
        f"there is no {code} translation of {target.kind}:{target.name} yet; start one with "
        f"'returnsite new translation {code} {target.kind}:{target.name}'"
    )


def _check_language(code: str) -> None:
    if code not in codes() or language(code).default:
        others = ", ".join(c for c in codes() if not language(c).default)
        raise ScaffoldError(f"'{code}' is not a language to translate into; use one of: {others}")


def _page_paths(code: str, name: str, root: Path) -> tuple[Path, Path]:
    docs = root / DOCS_DIR
    english = docs / default_language().code / f"{name.removesuffix('.md')}.md"
    if not english.is_file():
        pages = sorted(p.stem for p in (docs / default_language().code).glob("*.md"))
        raise ScaffoldError(f"there is no English page '{name}'; use one of: {', '.join(pages)}")
    return english, docs / code / english.name


def _sheet(code: str, root: Path):
    content, errors = check_content(root)
    if code not in content.sheets:
        raise ScaffoldError(_not_found("sheet", code, content.sheets, errors))
    return content.sheets[code]


def _story(name: str, root: Path):
    content, errors = check_content(root)
    if name not in content.stories:
        raise ScaffoldError(_not_found("story", name, content.stories, errors))
    return content.stories[name]


def _not_found(kind: str, name: str, known, errors) -> str:
    if errors:
        return f"{kind}:{name} cannot be read; run 'returnsite validate' and fix its errors first"
    return f"there is no {kind} '{name}'; use one of: {', '.join(known)}"


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


# --- Writing YAML and front matter as text ---------------------------------------------------


def _header(*lines: str) -> str:
    comments = [*lines, "Lines starting with # are comments: remove the # to use a field.", ""]
    comments.append("Check your changes with: ./run validate")
    return "".join(f"# {line}\n" if line else "#\n" for line in comments) + "\n"


def _fields(
    model: type[BaseModel],
    values: dict[str, Any],
    indent: int = 0,
    skip: frozenset[str] = frozenset(),
    commented: bool = False,
) -> str:
    """Every field of *model*, its description as a comment above it: with the
    value given in *values*, or commented out with the schema's example."""
    out = []
    pad = " " * indent
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        hide = commented or name not in values
        mark = "# " if hide else ""
        nested = _model_of(info)
        value = values.get(name)
        if nested is not None and not hide:
            # Given values of a nested model (a story's texts): each field described.
            out.append(f"{pad}# {info.description}\n{pad}{name}:\n")
            for key, item in value.items() if _is_mapping(info) else [(None, value)]:
                inner = indent + 2
                if key is not None:
                    out.append(f"{pad}  {key}:\n")
                    inner += 2
                out.append(_fields(nested, item, inner, skip | TRANSLATION_FIELDS))
        elif nested is not None:
            # A commented-out nested model: its fields described, then an example.
            # The explanations are not written like fields, so that nobody uncomments them.
            out.append(f"{pad}# {info.description}" + (" Each one:\n" if _is_list(info) else "\n"))
            for sub, sub_info in nested.model_fields.items():
                out.append(f"{pad}#   {sub} = {sub_info.description or sub_info.title}\n")
            example = {sub: _example(i) for sub, i in nested.model_fields.items()}
            out.append(_field_line(pad, "# ", name, [example] if _is_list(info) else example))
        else:
            out.append(f"{pad}# {info.description}\n")
            out.append(_field_line(pad, mark, name, value if not hide else _example(info)))
    return "".join(out)


def _field_line(pad: str, mark: str, name: str, value: Any) -> str:
    """``name: value`` in YAML block style, each line starting with *pad* and *mark*."""
    lines = _yaml_lines(name, value)
    return "".join(f"{pad}{mark}{line}\n" for line in lines)


def _yaml_lines(name: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{name}:"] + ["  " + line for k, v in value.items() for line in _yaml_lines(k, v)]
    if isinstance(value, list):
        lines = [f"{name}:"]
        for item in value:
            if isinstance(item, dict):
                inner = [line for k, v in item.items() for line in _yaml_lines(k, v)]
                lines += ["  - " + inner[0]] + ["    " + line for line in inner[1:]]
            else:
                lines.append(f"  - {_scalar(item)}")
        return lines
    if isinstance(value, str) and "\n" in value:  # Markdown: a `|` block
        return [f"{name}: |"] + ["  " + line for line in value.strip().splitlines()]
    return [f"{name}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if not text or re.search(r"(^[\s\-?:,\[\]{}#&*!|>'\"%@`])|(: )|( #)|(\s$)", text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _example(info: FieldInfo) -> Any:
    """The schema's example of a field, else its description as text to replace."""
    if info.examples:
        return info.examples[0]
    return f"{info.description or info.title}\n"


def _model_of(info: FieldInfo) -> type[BaseModel] | None:
    for tp in _types(info.annotation):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _types(tp: Any) -> list[Any]:
    found = [tp]
    for arg in get_args(tp):
        found += _types(arg)
    return found


def _is_list(info: FieldInfo) -> bool:
    return any(get_origin(tp) is list for tp in _types(info.annotation))


def _is_mapping(info: FieldInfo) -> bool:
    return any(get_origin(tp) is dict for tp in _types(info.annotation))


def _without_leading_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines)


def _with_front_matter(text: str, meta: dict[str, str]) -> str:
    """*text* (Markdown) with the fields of *meta* set in its front matter."""
    match = re.match(r"---\n(.*?\n)?---\n", text, re.S)
    head, body = (match.group(1) or "", text[match.end() :]) if match else ("", "\n" + text)
    for key, value in meta.items():
        line = f"{key}: {value}\n"
        head, found = re.subn(rf"^{key}:.*\n", line, head, flags=re.M)
        if not found:
            head += line
    return f"---\n{head}---\n{body}"


def _set_top_field(text: str, mark: str) -> str:
    """A sheet language file with ``translated_from: mark`` (replaced or added on top)."""
    line = f"translated_from: {mark}\n"
    text, found = re.subn(r"^translated_from:.*\n", line, text, flags=re.M)
    if found:
        return text
    lines = text.splitlines(keepends=True)
    at = next((i for i, x in enumerate(lines) if x.strip() and not x.startswith("#")), len(lines))
    return "".join([*lines[:at], line, *lines[at:]])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _set_story_field(path: Path, code: str, mark: str) -> None:
    text = path.read_text(encoding="utf-8")
    document = parse_yaml(text)
    lines = text.splitlines(keepends=True)
    loc = ("texts", code, "translated_from")
    if loc in document.positions:
        index = document.positions[loc].line - 1
        lines[index] = re.sub(r"translated_from:.*", f"translated_from: {mark}", lines[index])
    else:
        key = document.key_line_of(("texts", code))
        first_field = next(iter(document.data["texts"][code]))
        pad = " " * _indent(lines[document.key_line_of(("texts", code, first_field)) - 1])
        lines.insert(key, f"{pad}translated_from: {mark}\n")
    path.write_text("".join(lines), encoding="utf-8")


def _insert_story_text(path: Path, code: str, block: dict[str, str]) -> None:
    """Add a ``<code>:`` text at the end of the story's ``texts:``."""
    text = path.read_text(encoding="utf-8")
    document = parse_yaml(text)
    lines = text.splitlines(keepends=True)
    english = default_language().code
    texts_line = document.key_line_of(("texts",)) - 1
    lang_pad = " " * _indent(lines[document.key_line_of(("texts", english)) - 1])
    field_pad = " " * _indent(lines[document.key_line_of(("texts", english, "title")) - 1])
    end = len(lines)
    for index in range(texts_line + 1, len(lines)):
        line = lines[index]
        if (
            line.strip()
            and not line.lstrip().startswith("#")
            and _indent(line) <= _indent(lines[texts_line])
        ):
            end = index
            break
    while end > texts_line + 1 and not lines[end - 1].strip():
        end -= 1
    new = [f"{lang_pad}{code}:\n"]
    for name, value in block.items():
        new.append(_field_line(field_pad, "", name, value))
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines[end:end] = new
    path.write_text("".join(lines), encoding="utf-8")
