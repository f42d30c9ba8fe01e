"""Translation status: for each language, which programme pages, country sheets,
stories and UI strings are translated, draft, outdated or missing.

English is the source. A translation records the English text it was made
from as ``translated_from:``, a short mark (hash) of that text, in a page's
front matter, at the top of a sheet's language file, or in a story's text of
that language. When the English text changes, its mark changes: the
translation is *outdated* until a translator updates it and runs
``returnsite translated`` (:mod:`returnsite.scaffold`), which writes the new
mark. A translation without a mark counts as outdated: nobody knows what it
was made from. ``translation: draft`` means no translator has checked it.

UI strings are gettext messages: translated, ``fuzzy`` (a draft) or empty.
A message whose English text changes is a new message, so it is empty.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from babel.messages.pofile import read_po
from mkdocs.utils.meta import get_data
from pydantic import BaseModel

from returnsite import ROOT
from returnsite.content import check_content
from returnsite.content.translation import TRANSLATION_FIELDS
from returnsite.i18n import catalog_path
from returnsite.languages import default_language, language, load_languages

Status = Literal["translated", "draft", "outdated", "missing"]
STATUSES: tuple[Status, ...] = ("translated", "draft", "outdated", "missing")
Kind = Literal["page", "sheet", "story", "ui"]
KINDS: dict[Kind, str] = {
    "page": "Programme pages",
    "sheet": "Country sheets",
    "story": "Return stories",
    "ui": "UI strings",
}
DOCS_DIR = "docs"


# --- Version marks of English texts ------------------------------------------------


def text_mark(value: Any) -> str:
    """The version mark of a text or of structured texts: 12 hex digits."""
    if not isinstance(value, str):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]


def page_mark(text: str) -> str:
    """The mark of a Markdown page; trailing spaces and blank lines do not count."""
    return text_mark("\n".join(line.rstrip() for line in text.strip().splitlines()))


def model_mark(texts: BaseModel) -> str:
    """The mark of the texts of a sheet or story. Comments and layout do not count,
    nor fields left empty: a new optional field in the schema changes no mark."""
    data = texts.model_dump(mode="json", exclude=TRANSLATION_FIELDS, exclude_defaults=True)
    return text_mark(data)


def status_of(translated_from: str | None, draft: bool, source_mark: str) -> Status:
    if translated_from != source_mark:
        return "outdated"
    return "draft" if draft else "translated"


def page_meta(path: Path) -> dict[str, Any]:
    return get_data(path.read_text(encoding="utf-8"))[1]


def page_status(english: Path, translation: Path) -> Status:
    """The status of a programme page's translation (a file in docs/<code>/)."""
    if not translation.is_file():
        return "missing"
    meta = page_meta(translation)
    mark = page_mark(english.read_text(encoding="utf-8"))
    return status_of(meta.get("translated_from"), meta.get("translation") == "draft", mark)


def is_outdated_translation(file: Any, docs_dir: str | Path, code: str) -> bool:
    """Whether a hand-written page of language *code* (an mkdocs ``File``) was
    translated from an older version of its English page."""
    source = Path(file.abs_src_path) if file.abs_src_path else None
    own_dir = Path(docs_dir) / code
    if source is None or language(code).default or not source.is_relative_to(own_dir):
        return False
    english = Path(docs_dir) / default_language().code / source.relative_to(own_dir)
    if not english.is_file():
        return False
    mark = page_meta(source).get("translated_from")
    return english_changed(mark, page_mark(english.read_text(encoding="utf-8")))


def texts_status(source_mark: str, own: Any | None) -> Status:
    """The status of a sheet's or a story's texts in one language (None: missing),
    translated from English texts of mark *source_mark*."""
    if own is None:
        return "missing"
    return status_of(own.translated_from, own.translation == "draft", source_mark)


def english_changed(translated_from: str | None, source_mark: str) -> bool:
    """Whether readers should be told that the English is newer: only when the
    translation says what it was made from (the report also flags unmarked ones)."""
    return translated_from is not None and translated_from != source_mark


def translation_meta(english: BaseModel, own: Any | None, code: str) -> dict[str, object]:
    """Front matter of a page made from a sheet's or story's texts in language *code*:
    whether they are a draft, and whether the English changed since they were made."""
    if own is None or language(code).default:
        return {}
    meta: dict[str, object] = {}
    if english_changed(own.translated_from, model_mark(english)):
        meta["source_newer"] = True
    if own.translation == "draft":
        meta["translation"] = "draft"
    return meta


# --- The report ----------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    kind: Kind
    name: str  # faq, ma, ma-2019-sewing-workshop
    path: str  # the translation's file, from the project root
    status: Status


@dataclass(frozen=True)
class LanguageReport:
    code: str
    name: str
    items: tuple[Item, ...]  # pages, sheets and stories
    ui: Mapping[Status, int]  # UI strings by status

    def counts(self, kind: Kind) -> dict[Status, int]:
        if kind == "ui":
            return {status: self.ui.get(status, 0) for status in STATUSES}
        found = Counter(item.status for item in self.items if item.kind == kind)
        return {status: found.get(status, 0) for status in STATUSES}

    def to_do(self) -> list[Item]:
        """What needs a translator: outdated, missing, then draft items."""
        order = {"outdated": 0, "missing": 1, "draft": 2}
        return sorted(
            (item for item in self.items if item.status != "translated"),
            key=lambda item: (order[item.status], item.kind, item.name),
        )


def build_report(
    root: Path = ROOT, docs: Path | None = None, content_root: Path | None = None
) -> list[LanguageReport]:
    """The status of every translation, for every language but English.

    Paths are reported from *root*; *docs* and *content_root* default to its
    ``docs/`` and to *root* (the build passes those of mkdocs.yml).
    """
    # Files with errors are left out: validation reports them.
    content, _ = check_content(content_root or root)
    english = default_language().code
    docs = docs or root / DOCS_DIR
    english_pages = sorted((docs / english).rglob("*.md"))
    # The marks of the English texts, made once for all languages.
    sheet_marks = {code: model_mark(sheet.texts[english]) for code, sheet in content.sheets.items()}
    story_marks = {
        name: model_mark(story.data.texts[english]) for name, story in content.stories.items()
    }
    reports = []
    for lang in load_languages():
        if lang.default:
            continue
        items = []
        for page in english_pages:
            rel = page.relative_to(docs / english)
            own = docs / lang.code / rel
            name = rel.with_suffix("").as_posix()
            items.append(Item("page", name, _rel(own, root), page_status(page, own)))
        for sheet in content.sheets.values():
            status = texts_status(sheet_marks[sheet.code], sheet.text(lang.code))
            path = _rel(sheet.folder / f"{lang.code}.yml", root)
            items.append(Item("sheet", sheet.code, path, status))
        for story in content.stories.values():
            status = texts_status(story_marks[story.name], story.text(lang.code))
            items.append(Item("story", story.name, _rel(story.path, root), status))
        reports.append(
            LanguageReport(lang.code, lang.english_name, tuple(items), ui_counts(lang.code, root))
        )
    return reports


def ui_counts(code: str, root: Path = ROOT) -> dict[Status, int]:
    path = catalog_path(code, root / "locales")
    counts: Counter[Status] = Counter()
    if not path.is_file():
        return dict(counts)
    with path.open("rb") as file:
        catalog = read_po(file, locale=code)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            counts["missing"] += 1
        elif message.fuzzy:
            counts["draft"] += 1
        else:
            counts["translated"] += 1
    return dict(counts)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# --- Output ------------------------------------------------------------------------


def report_data(reports: Iterable[LanguageReport]) -> dict[str, Any]:
    """The report as JSON-ready data (``returnsite status --json``)."""
    return {
        "statuses": list(STATUSES),
        "languages": {
            report.code: {
                "name": report.name,
                "counts": {kind: report.counts(kind) for kind in KINDS},
                "to_do": [
                    {"kind": i.kind, "name": i.name, "path": i.path, "status": i.status}
                    for i in report.to_do()
                ],
            }
            for report in reports
        },
    }


def report_table(reports: Iterable[LanguageReport]) -> str:
    """One line per language: translated/draft/outdated/missing for each kind."""
    heading = "language  " + "  ".join(f"{title:<22}" for title in KINDS.values())
    lines = [heading, "          " + "  ".join(f"{'ok/draft/old/missing':<22}" for _ in KINDS)]
    for report in reports:
        cells = []
        for kind in KINDS:
            counts = report.counts(kind)
            cells.append(f"{'/'.join(str(counts[s]) for s in STATUSES):<22}")
        lines.append(f"{report.code:<10}" + "  ".join(cells))
    return "\n".join(lines)


COLOURS: dict[Status, str] = {
    "translated": "#2e7d32",
    "draft": "#f9a825",
    "outdated": "#c62828",
    "missing": "#9e9e9e",
}


def bar_chart_svg(reports: Iterable[LanguageReport], kind: Kind) -> str:
    """A horizontal stacked bar per language: the share of each status (inline SVG)."""
    reports = list(reports)
    row, label, width = 22, 40, 300
    height = row * len(reports)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label + width + 50} {height}" '
        f'width="{label + width + 50}" height="{height}" role="img" '
        f'aria-label="{KINDS[kind]}: share translated, draft, outdated and missing per language">'
    ]
    for index, report in enumerate(reports):
        counts = report.counts(kind)
        total = sum(counts.values())
        y = index * row
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="12" font-family="sans-serif">{report.code}</text>'
        )
        x = float(label)
        for status in STATUSES:
            if not total or not counts[status]:
                continue
            length = width * counts[status] / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
                f'fill="{COLOURS[status]}"><title>{status}: {counts[status]}</title></rect>'
            )
            x += length
        done = counts["translated"] + counts["draft"]
        share = f"{round(100 * done / total)}%" if total else "–"
        parts.append(
            f'<text x="{label + width + 6}" y="{y + 15}" font-size="12" '
            f'font-family="sans-serif">{share}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
