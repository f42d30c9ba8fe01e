"""Our own corpus of editors' and translators' mistakes and hostile inputs, one
for each kind of file the gate reads: each must be reported by the gate
(returnsite.gate, what the build and `returnsite validate` run) at the right
file and line, with a message that names the problem; all of them together
come out in one run, sorted by file.

The expected line is where the edit puts the mistake (found in the edited
file, not taken from the code's output); the expected words are what an
editor needs to read to find the mistake.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import images
import pytest

from returnsite import ROOT
from returnsite.gate import check_everything

COPIED = ["data", "docs", "locales", "country_sheets", "return_stories", "overrides", "mkdocs.yml"]
EN = "country_sheets/ma/en.yml"
STORY = "return_stories/ma-2019-sewing-workshop.yml"
PAGE = "docs/fr/faq.md"
PO = "locales/fr/LC_MESSAGES/messages.po"
SUMMARY = "  In March 2019, Caritas International"


@dataclass(frozen=True)
class Case:
    path: str
    old: str  # replaced once, in the copy of the project
    new: str
    words: str  # the message says this
    at: str | None = None  # the mistake's line holds this (default: new's first line)
    line: int | None | str = "edit"  # or a fixed line, or None for the file as a whole


def _summary(text: str) -> Case:
    """A mistake in the Morocco sheet's English summary (a `|` block: exact lines)."""
    return Case(EN, SUMMARY, f"  {text}\n{SUMMARY}", "")


def sheet(text: str, words: str) -> Case:
    base = _summary(text)
    return Case(base.path, base.old, base.new, words, at=text)


CASES = {
    # Country sheets and stories: the Markdown policy.
    "sheet-js-link": sheet("[x](javascript:alert(1))", "javascript:"),
    "sheet-js-link-uppercase": sheet("[x](JaVaScRiPt:alert(1))", "not allowed"),
    "sheet-js-entity": sheet("[x](jav&#x61;script:alert(1))", "not allowed"),
    "sheet-js-reference": sheet("[r]: javascript:alert(1)", "javascript:"),
    "sheet-autolink": sheet("<javascript:alert(1)>", "not allowed"),
    "sheet-data-image": sheet("![x](data:image/svg+xml,<svg onload=alert(1)>)", "data:"),
    "sheet-vbscript": sheet("[x](vbscript:msgbox(1))", "vbscript:"),
    "sheet-attr-onerror": sheet('![x](photo.jpg){: onerror="alert(1)" }', "onerror"),
    "sheet-attr-onfocus": sheet(
        "Text {: autofocus onfocus=alert(1) }", "only classes (.name) and ids (#name)"
    ),
    "sheet-attr-style": sheet('Text {: style="position:fixed;inset:0" }', "style"),
    "sheet-colon-tag": sheet("<x:y onfocus=alert(1) autofocus>hi</x:y>", "HTML"),
    "sheet-script": sheet("<script>alert(1)</script>", "HTML"),
    "sheet-svg": sheet("<svg/onload=alert(1)>", "HTML"),
    "sheet-comment": sheet("<!-- hidden -->", "HTML"),
    "sheet-rlo": sheet("Call 0800 \u202e54 723 008", "U+202E"),
    "sheet-zero-width": sheet("Care\u200bful", "U+200B"),
    "sheet-placeholder": sheet("Call [[phon]]", "[[phon]]"),
    "sheet-broken-sheet-link": sheet("[x](sheet:zz)", "sheet 'zz'"),
    "story-title-html": Case(
        STORY,
        "    title: A sewing workshop",
        "    title: A sewing <img src=x onerror=alert(1)> workshop",
        "HTML",
    ),
    "story-title-link": Case(
        STORY,
        "    title: A sewing workshop",
        "    title: '[A sewing workshop](javascript:alert(1))'",
        "javascript:",
    ),
    # Data files.
    "contact-phone-quote": Case(
        "data/contact.yml",
        'national: "0800 327 45"',
        """national: '0800 327 45" autofocus onfocus="alert(1)'""",
        "national",
    ),
    "contact-phone-octal": Case(
        "data/contact.yml",
        'national: "0800 327 45"',
        "national: 021234567",
        # Reported where the two forms are compared, with the number as written.
        "is not the same number as national: 021234567",
        line=None,
    ),
    "contact-international-words": Case(
        "data/contact.yml",
        'international: "+32 800 32 745"',
        'international: "free number 0800"',
        "international",
    ),
    "contact-unknown-field": Case(
        "data/contact.yml", "  free_from:", "  free_form:", "free_from", at="free_form"
    ),
    "desk-name-link": Case(
        "data/desks.yml",
        "    city: Brussels",
        "    city: Gand](javascript:alert(1)) [x",
        "city",
    ),
    "estimator-huge-amount": Case(
        "data/estimator.yml", "  per_adult: 250\n", "  per_adult: 2500000\n", "per_adult"
    ),
    "estimator-unknown-status": Case(
        "data/estimator.yml",
        "  statuses: [asylum_procedure, order_to_leave_30d, rejected]",
        "  statuses: [asylum_procedure, order_to_leave_30d, rejectd]",
        "rejectd",
    ),
    "languages-dir": Case(
        "data/languages.yml",
        "- {code: ar, english_name: Arabic, dir: rtl, material: ar}",
        "- {code: ar, english_name: Arabic, dir: rlt, material: ar}",
        "rlt",
    ),
    "languages-unknown-key": Case(
        "data/languages.yml",
        "- {code: fr, english_name: French, dir: ltr, material: fr}",
        "- {code: fr, english_nam: French, dir: ltr, material: fr}",
        "english_name",
    ),
    "languages-new-without-pages": Case(
        "data/languages.yml",
        "- {code: fr, english_name: French, dir: ltr, material: fr}",
        "- {code: fr, english_name: French, dir: ltr, material: fr}\n"
        "- {code: pt, english_name: Portuguese, dir: ltr, material: pt}",
        "docs/pt",
        at="code: pt",
    ),
    "sections-unknown-key": Case(
        "data/sheet_sections.yml",
        "  title: Housing",
        "  titel: Housing",
        "title",
    ),
    "yaml-alias": Case(
        "data/estimator.yml",
        "  per_child: 125\n",
        "  per_child: &x 125\n  extra: *x\n",
        "alias",
        at="&x",
    ),
    "yaml-nbsp-indent": Case(EN, SUMMARY, "\u00a0 In March 2019", "U+00A0", line=None, at="\u00a0"),
    # Programme pages.
    "page-script": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\n<script>alert(1)</script>\n",
        "script",
        at="<script>",
    ),
    "page-js-link": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\n[Cliquez](javascript:alert(1))\n",
        "javascript:",
        at="[Cliquez]",
    ),
    "page-attr-onclick": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\nTexte\n{: onclick=alert(1) }\n",
        "onclick",
        at="{: onclick",
    ),
    "page-title-html": Case(
        PAGE,
        'title: "Questions fréquentes"',
        'title: "Questions <img src=x onerror=alert(1)>"',
        "title",
    ),
    "page-description-refresh": Case(
        PAGE,
        'description: "Des réponses',
        """description: '0;url=https://example.org/" http-equiv="refresh'\nx: "Des réponses""",
        "description",
    ),
    "page-translation-case": Case(
        PAGE, "translated_from:", "translation: Draft\ntranslated_from:", "Draft"
    ),
    "page-translated-from": Case(
        PAGE, "translated_from: fada226434e7", "translated_from: latest", "translated_from"
    ),
    "page-root-link": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\n[Contact](/contact/)\n",
        "/contact/",
        at="[Contact]",
    ),
    "page-missing-anchor": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\n[Voir](how-it-works.md#no-such-part)\n",
        "no-such-part",
        at="[Voir]",
    ),
    "page-placeholder": Case(
        PAGE,
        "# Questions fréquentes\n",
        "# Questions fréquentes\n\nAppelez [[phon]].\n",
        "[[phon]]",
        at="[[phon]]",
    ),
    "page-broken-front-matter": Case(
        PAGE,
        'title: "Questions fréquentes"',
        'title: "Questions fréquentes',
        "YAML syntax error",
        line=None,
    ),
    # Catalogs.
    "po-html": Case(
        PO,
        'msgid "Menu"\nmsgstr "Menu"',
        'msgid "Menu"\nmsgstr "<img src=x onerror=alert(1)>"',
        "<img",
        at="msgstr",
    ),
    "po-markdown-link": Case(
        PO,
        'msgid "Country:"\nmsgstr "Pays\u00a0:"',
        'msgid "Country:"\nmsgstr "[Pays](javascript:alert(1))"',
        "javascript:",
        at="[Pays]",
    ),
    "po-misspelt-placeholder": Case(
        PO,
        'msgstr "Informations sur le retour\u00a0: %(country)s"',
        'msgstr "Informations sur le retour : %(pays)s"',
        "%(pays)s",
    ),
    "po-dropped-placeholder": Case(
        PO,
        'msgstr "Informations sur le retour\u00a0: %(country)s"',
        'msgstr "Informations sur le retour"',
        "%(country)s",
    ),
    "po-brace-placeholder": Case(
        PO,
        'msgstr "Informations sur le retour\u00a0: %(country)s"',
        'msgstr "Informations sur le retour : {country}"',
        "{country}",
    ),
    "po-lone-percent": Case(
        PO,
        'msgstr "Informations sur le retour\u00a0: %(country)s"',
        'msgstr "Informations à 100 % sur le retour : %(country)s"',
        "%",
    ),
    "po-plural-index": Case(
        PO,
        'msgstr[1] "%(num)d pages"',
        'msgstr[1] "%(num)d pages"\nmsgstr[5] "%(num)d pages"',
        "5",
        at="msgstr[5]",
    ),
    "po-syntax": Case(
        PO, 'msgid "Menu"\nmsgstr "Menu"', 'msgid "Menu"\nmsgstr "Menu', "", at='msgstr "Menu'
    ),
    "po-rlo": Case(
        PO,
        'msgid "Menu"\nmsgstr "Menu"',
        'msgid "Menu"\nmsgstr "Me\u202enu"',
        "U+202E",
        at="msgstr",
    ),
}


def _line_of(text: str, at: str, start: int) -> int:
    """The line of ``at`` in the text edited at ``start``."""
    return text.count("\n", 0, text.index(at, start)) + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in COPIED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
        else:
            shutil.copy2(ROOT / name, tmp_path / name)
    return tmp_path


def _apply(root: Path, case: Case) -> int | None:
    path = root / case.path
    text = path.read_text(encoding="utf-8")
    assert text.count(case.old) >= 1, f"{case.old!r} not in {case.path}"
    start = text.index(case.old)
    text = text[:start] + case.new + text[start + len(case.old) :]
    path.write_text(text, encoding="utf-8")
    if case.line != "edit":
        return case.line
    at = case.at or case.new.strip().splitlines()[0]
    return _line_of(text, at, start)


def _messages(root: Path) -> list[str]:
    return [str(error).removeprefix(f"{root}/") for error in check_everything(root)]


def test_the_copied_project_passes(project: Path) -> None:
    assert _messages(project) == []


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_mistake_is_reported_at_its_file_and_line(project: Path, case: Case) -> None:
    line = _apply(project, case)
    messages = _messages(project)
    where = f"{case.path}:{line}: " if line else f"{case.path}:"
    found = [m for m in messages if m.startswith(where) and case.words in m]
    assert found, f"expected {where}... {case.words!r}, got:\n" + "\n".join(messages)
    others = [m for m in messages if not m.startswith(case.path)]
    assert others == [], "reported in another file"


def test_files_that_would_be_left_out_are_reported(project: Path) -> None:
    (project / "return_stories" / "2024").mkdir()
    (project / "return_stories" / "2024" / "x.yml").write_text("title: x\n")
    (project / "docs" / "xx").mkdir()
    photo = project / "return_stories" / "photos" / "x.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"<html><script>alert(1)</script>")
    messages = _messages(project)
    assert [m.split(": ")[0] for m in messages] == [
        "docs/xx",
        "return_stories/2024/x.yml",
        "return_stories/photos/x.jpg",
    ]


def test_every_mistake_of_every_kind_comes_out_in_one_run(project: Path) -> None:
    expected = []
    # One case per file: the edits of two cases in one file could overlap.
    chosen: dict[str, Case] = {}
    for case in CASES.values():
        chosen.setdefault(case.path, case)
    for case in chosen.values():
        line = _apply(project, case)
        expected.append(f"{case.path}:{line}" if line else case.path)
    messages = _messages(project)
    reported = {m.split(": ")[0] for m in messages}
    assert set(expected) <= reported
    assert messages == sorted(messages, key=_file_and_line)


def _file_and_line(message: str) -> tuple[str, int]:
    path, _, rest = message.partition(":")
    line = rest.split(":", 1)[0]
    return path, int(line) if line.isdigit() else 0


def test_a_good_photo_passes(project: Path) -> None:
    story = project / STORY
    text = story.read_text(encoding="utf-8")
    (project / "return_stories" / "photos").mkdir()
    (project / "return_stories" / "photos" / "ma.jpg").write_bytes(images.jpeg(800, 600))
    text = text.replace("example: true\n", "example: true\nphoto:\n  file: photos/ma.jpg\n", 1)
    text = text.replace(
        "    title: A sewing workshop\n",
        "    title: A sewing workshop\n    photo_alt: A woman at a sewing machine\n",
        1,
    )
    story.write_text(text, encoding="utf-8")
    assert _messages(project) == []
