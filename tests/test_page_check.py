"""The programme pages' check: front matter, Markdown policy, links, anchors, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.markdown_policy import site_markdown
from returnsite.page_check import check_pages

LINK_HINT = (
    "link to a web address (https://...), an e-mail (mailto:), a phone number (tel:) "
    "or a page of this site"
)
HTML_HINT = (
    "write plain text or Markdown instead, e.g. **bold** or [link text](https://example.org)"
)

ENGLISH_FAQ = """---
title: "Questions"
description: "Answers."
---

# Frequently asked questions

## Who can use voluntary return?

Everyone.

## How do I start? { #start }

Call [[phone]].
"""

GOOD = '---\ntitle: "Retour"\ntranslated_from: e7d41a005b08\ntranslation: draft\n---\n\n# Retour\n'


def _site(tmp_path: Path, page: str, name: str = "index.md", lang: str = "fr") -> Path:
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("---\ntitle: Home\n---\n\n# Home\n")
    (tmp_path / "docs" / "en" / "faq.md").write_text(ENGLISH_FAQ, encoding="utf-8")
    (tmp_path / "docs" / "assets").mkdir()
    (tmp_path / "docs" / "assets" / "x.md").write_text("<script>not a page</script>")
    (tmp_path / "country_sheets" / "ma").mkdir(parents=True)
    (tmp_path / "return_stories").mkdir()
    (tmp_path / "return_stories" / "ma-2019-bakery.yml").write_text("title: x\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "desks.yml").write_text(
        "desks:\n"
        "  ghent:\n    city: Ghent\n    address: {street: Example street 1, postcode: '9000'}\n"
        "    source: {title: T, language: en, publisher: T, kind: document}\n"
        "  liege:\n    city: Liège\n"
        "    source: {title: T, language: en, publisher: T, kind: document}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "docs" / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(page, encoding="utf-8")
    return tmp_path


def _errors(root: Path) -> list[tuple[str, int | None, str]]:
    return [(e.path.relative_to(root).as_posix(), e.line, e.message) for e in check_pages(root)]


CASES = [
    pytest.param(
        '---\ntitle: "Retour <b>volontaire</b>"\n---\n',
        [(2, f"title: contains HTML (<b>); {HTML_HINT}")],
        id="html-in-title",
    ),
    pytest.param(
        "---\ntitle: x\ndescription: '0;url=https://example.org/\" http-equiv=\"refresh'\n---\n",
        [
            (
                3,
                'description: contains text that reads as HTML attributes (" http-equiv=); '
                "write the text without '=' after a quotation mark",
            )
        ],
        id="refresh-in-description",
    ),
    pytest.param(
        "---\ntitle: x\ntranslation: Draft\n---\n",
        [(3, "translation: 'Draft' is not allowed; write one of: 'draft'")],
        id="draft-capitalised",
    ),
    pytest.param(
        "---\ntitle: x\ntranslated_from: latest\n---\n",
        [
            (
                3,
                "translated_from: 'latest' is not a version mark; leave this field to "
                "'returnsite translated', which writes it (12 letters and digits)",
            )
        ],
        id="translated-from-latest",
    ),
    pytest.param(
        "---\ntitle: x\ndescripton: y\n---\n",
        [(3, "unknown field 'descripton'; did you mean 'description'?")],
        id="misspelt-key",
    ),
    pytest.param(
        "---\ndescription: y\n---\n",
        [(2, "title: missing; add it, e.g. 'title: How return works'")],
        id="no-title",
    ),
    pytest.param(
        "---\ntitle: x\ntemplate: main.html\n---\n",
        [(3, "template: 'main.html' is not allowed; write one of: 'estimator.html'")],
        id="unknown-template",
    ),
    pytest.param(
        "---\ntitle: x\ndescription: [a\n---\n\ntext\n",
        [(4, "YAML syntax error: a list in [ ] that is not closed; close it with ']'")],
        id="front-matter-not-yaml",
    ),
    pytest.param(
        "---\ntitle: x\n\n# Retour\n",
        [
            (
                1,
                "the front matter opened by '---' on this line is never closed; "
                "end it with a line '---' before the page's text",
            )
        ],
        id="front-matter-not-closed",
    ),
    pytest.param(
        "# Retour\n",
        [
            (
                1,
                "the page has no front matter; start it with a line '---', then "
                "'title: ...', then a line '---'",
            )
        ],
        id="no-front-matter",
    ),
    pytest.param(
        GOOD + "\n<script>alert(1)</script>\n",
        [(9, f"contains HTML (<script>); {HTML_HINT}")],
        id="script-in-body",
    ),
    pytest.param(
        GOOD + "\nA\n\n[x](javascript:alert(1))\n",
        [(11, f"link target 'javascript:alert(1)' is not allowed; {LINK_HINT}")],
        id="js-link-line",
    ),
    pytest.param(
        GOOD + "\n![x](data:image/svg+xml,x){: onload=alert(1) }\n",
        [
            (9, f"image source 'data:image/svg+xml,x' is not allowed; {LINK_HINT}"),
            (
                9,
                "attribute 'onload' in { } is not allowed; "
                "only classes (.name) and ids (#name) may be set",
            ),
        ],
        id="attr-list-in-page",
    ),
    pytest.param(
        GOOD + "\n[Contact](/contact/)\n",
        [
            (
                9,
                "link target '/contact/' starts with '/', which breaks when the site is not "
                "at the root of its address; write a relative link, e.g. ../contact/ or "
                "contact.md",
            )
        ],
        id="root-absolute",
    ),
    pytest.param(
        GOOD + "\n[FAQ](fak.md)\n",
        [(9, "link to 'fak.md': there is no page 'fak.md'; did you mean 'faq.md'?")],
        id="missing-page",
    ),
    pytest.param(
        GOOD + "\n[FAQ](faq.md#strat)\n",
        [(9, "link to 'faq.md#strat': 'faq.md' has no heading '#strat'; did you mean '#start'?")],
        id="missing-anchor-other-page",
    ),
    pytest.param(
        GOOD + "\n[up](#retuor)\n",
        [(9, "link to '#retuor': this page has no heading '#retuor'; did you mean '#retour'?")],
        id="missing-anchor-same-page",
    ),
    pytest.param(
        GOOD + "\n[x](countries/zz.md) [y](stories/nope.md)\n",
        [
            (
                9,
                "link to 'countries/zz.md': there is no page 'countries/zz.md'; "
                "did you mean 'countries/index.md'?",
            ),
            (
                9,
                "link to 'stories/nope.md': there is no page 'stories/nope.md'; "
                "did you mean 'stories/index.md'?",
            ),
        ],
        id="missing-sheet-and-story-page",
    ),
    pytest.param(
        GOOD + "\n[x](../contact/)\n",
        [(9, "link to '../contact/' points outside the site; link to a page of this site")],
        id="outside-from-home",
    ),
    pytest.param(
        GOOD + "\n[Morocco](sheet:ma) [up](../)\n",
        [
            (
                9,
                "link to 'sheet:ma': sheet: links work in country sheets and stories only; "
                "in a page write a relative link, e.g. countries/ma.md",
            ),
            (9, "link to '../' points outside the site; link to a page of this site"),
        ],
        id="sheet-link-in-page",
    ),
    pytest.param(
        GOOD + "\nCall [[phon]].\n",
        [
            (
                9,
                "unknown placeholder [[phon]] (did you mean 'phone'?); "
                "write [[phone]] or [[support_table]]",
            )
        ],
        id="unknown-placeholder",
    ),
    pytest.param(
        GOOD + "\nCall 0800\u202e54723.\n",
        [
            (
                9,
                "contains the invisible character RIGHT-TO-LEFT OVERRIDE (U+202E), which can "
                "change how the text reads (a reversed phone number, hidden words); delete it, "
                "and for right-to-left text rely on the page's direction",
            )
        ],
        id="bidi-override",
    ),
]


@pytest.mark.parametrize(("page", "expected"), CASES)
def test_each_page_mistake_is_reported_with_its_line(
    tmp_path: Path, page: str, expected: list[tuple[int, str]]
) -> None:
    root = _site(tmp_path, page)
    assert _errors(root) == [("docs/fr/index.md", line, message) for line, message in expected]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "[FAQ](faq.md) [start](faq.md#start) [who](faq.md#who-can-use-voluntary-return)",
            id="pages",
        ),
        pytest.param("[c](contact.md) [b](brochures.md) [s](countries/index.md)", id="generated"),
        pytest.param("[ma](countries/ma.md#health) [st](stories/ma-2019-bakery.md)", id="content"),
        pytest.param("[w](https://example.org) [m](mailto:a@example.org) [t](tel:+32)", id="web"),
        pytest.param("[top](#retour) Call [[phone]] or [[ phone ]].", id="anchor-placeholder"),
        pytest.param(
            "[d](desks/ghent.md) [v](desks/ghent.vcf) [pdf](brochures/voluntary-return-fr.pdf)",
            id="made",
        ),
    ],
)
def test_good_links_pass(tmp_path: Path, body: str) -> None:
    root = _site(tmp_path, GOOD + "\n" + body + "\n")
    assert _errors(root) == []


def test_a_link_to_a_desk_without_a_page_is_refused(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD + "\n[l](desks/liege.md) [c](desks/liege.vcf)\n")
    assert _errors(root) == [
        (
            "docs/fr/index.md",
            9,
            "link to 'desks/liege.md': the desk 'liege' has no page (a desk has one only once "
            "data/desks.yml gives its address); link to 'contact.md', which lists the desks",
        ),
        (
            "docs/fr/index.md",
            9,
            "link to 'desks/liege.vcf': there is no file 'desks/liege.vcf' in docs/fr/ or docs/",
        ),
    ]


def test_directory_links_resolve_from_the_page_address(tmp_path: Path) -> None:
    root = _site(
        tmp_path, GOOD + "\n[c](../contact/) [f](../faq/#retour) [x](../nope/)\n", "faq.md"
    )
    assert _errors(root) == [
        (
            "docs/fr/faq.md",
            9,
            "link to '../nope/': there is no page 'nope.md'; link to an existing page, "
            "e.g. contact.md",
        )
    ]


def test_english_pages_carry_no_translation_fields(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD, "news.md", lang="en")
    assert _errors(root) == [
        (
            "docs/en/news.md",
            3,
            "translated_from: English pages are the source of translations; remove this line",
        ),
        (
            "docs/en/news.md",
            4,
            "translation: English pages are the source of translations; remove this line",
        ),
    ]


def test_all_mistakes_of_all_pages_come_out_at_once(tmp_path: Path) -> None:
    root = _site(tmp_path, "---\ntitle: x\ntranslation: Draft\n---\n\n[[phon]] <b>x</b>\n")
    (root / "docs" / "fr" / "faq.md").write_text("---\ntitle: <i>x</i>\n---\n")
    assert _errors(root) == [
        (
            "docs/fr/faq.md",
            2,
            f"title: contains HTML (<i>); {HTML_HINT}",
        ),
        ("docs/fr/index.md", 3, "translation: 'Draft' is not allowed; write one of: 'draft'"),
        (
            "docs/fr/index.md",
            6,
            "unknown placeholder [[phon]] (did you mean 'phone'?); "
            "write [[phone]] or [[support_table]]",
        ),
        ("docs/fr/index.md", 6, f"contains HTML (<b>); {HTML_HINT}"),
    ]


def test_a_page_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD)
    (root / "docs" / "fr" / "faq.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    assert _errors(root) == [
        (
            "docs/fr/faq.md",
            2,
            "the file is not UTF-8 text (unreadable byte 0xe9 on this line); "
            "save it with the UTF-8 encoding in your editor",
        )
    ]


def test_windows_line_ends_are_read_as_mkdocs_reads_them(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD.replace("\n", "\r\n") + "\r\n[x](fak.md)\r\n")
    assert _errors(root) == [
        (
            "docs/fr/index.md",
            9,
            "link to 'fak.md': there is no page 'fak.md'; did you mean 'faq.md'?",
        )
    ]


def test_a_translation_without_an_english_page_is_reported(tmp_path: Path) -> None:
    root = _site(tmp_path, GOOD, "fqa.md")
    assert _errors(root) == [
        (
            "docs/fr/fqa.md",
            1,
            "there is no English page docs/en/fqa.md; a translation has the file name of its "
            "English page, did you mean 'faq.md'?",
        )
    ]


def test_every_real_page_passes() -> None:
    assert [str(error) for error in check_pages(ROOT)] == []


def test_every_real_page_renders_without_payload() -> None:
    markdown = site_markdown()
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        markdown.reset()
        output = markdown.convert(path.read_text(encoding="utf-8")).lower()
        assert "<script" not in output and "javascript:" not in output, path
