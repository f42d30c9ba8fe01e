"""The Markdown policy: what validation tells editors (markdown_problems), and what
the render-time extension removes from the HTML whatever validation missed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from returnsite import ROOT
from returnsite.content import check_content
from returnsite.markdown_policy import (
    clean_html,
    markdown_problems,
    site_markdown,
    target_problem,
)
from returnsite.validation import load_model

LINK_HINT = (
    "link to a web address (https://...), an e-mail (mailto:), a phone number (tel:) "
    "or a page of this site"
)
HTML_HINT = (
    "write plain text or Markdown instead, e.g. **bold** or [link text](https://example.org)"
)
ATTR_HINT = "only classes (.name) and ids (#name) may be set"


def link(target: str) -> str:
    return f"link target '{target}' is not allowed; {LINK_HINT}"


def image(target: str) -> str:
    return f"image source '{target}' is not allowed; {LINK_HINT}"


def attribute(name: str) -> str:
    return f"attribute '{name}' in {{ }} is not allowed; {ATTR_HINT}"


def html(tag: str) -> str:
    return f"contains HTML ({tag}); {HTML_HINT}"


ROOT_ABSOLUTE = (
    "link target '/contact/' starts with '/', which breaks when the site is not at the "
    "root of its address; write a relative link, e.g. ../contact/ or contact.md"
)

HOSTILE = [
    pytest.param(
        '![x](data:text/html,<b>){: onerror="alert(1)" }',
        [(5, image("data:text/html,<b>")), (20, html("<b>")), (27, attribute("onerror"))],
        id="data-image-with-onerror",
    ),
    pytest.param(
        "Read this.\n{: autofocus onfocus=alert(1) }",
        [(14, attribute("autofocus")), (24, attribute("onfocus"))],
        id="block-attr-list-autofocus",
    ),
    pytest.param(
        "A [link](https://example.org){ onclick=alert(1) }.",
        [(31, attribute("onclick"))],
        id="inline-attr-list-without-colon",
    ),
    pytest.param(
        "# Title { style='position:fixed' }",
        [(10, attribute("style"))],
        id="style-on-heading",
    ),
    pytest.param(
        'Text {: #ok .fine class="a b" id=\'x"y\' }',
        [
            (
                30,
                "id 'x\"y' in { } is not allowed; write a name of letters, digits, '-' and '_', "
                "starting with a letter",
            )
        ],
        id="id-with-quote",
    ),
    pytest.param("[x](javascript:alert(1))", [(4, link("javascript:alert(1)"))], id="js-link"),
    pytest.param(
        "[x][r]\n\n[r]: javascript:alert(1)", [(13, link("javascript:alert(1)"))], id="js-reference"
    ),
    pytest.param(
        "[x][r]\n\n  [r]:\n  <javascript:alert(1)>",
        [(18, link("javascript:alert(1)"))],
        id="js-reference-next-line",
    ),
    pytest.param(
        "> [r]: vbscript:msgbox(1)", [(7, link("vbscript:msgbox(1)"))], id="reference-in-quote"
    ),
    pytest.param("<javascript:alert(1)>", [(1, link("javascript:alert(1)"))], id="js-autolink"),
    pytest.param(
        "<JavaScript:alert(1)>", [(1, link("JavaScript:alert(1)"))], id="js-autolink-case"
    ),
    pytest.param(
        "<x:y onfocus=alert(1) autofocus>",
        [(0, html("<x:y onfocus=alert(1) autofocus>"))],
        id="tag-with-colon",
    ),
    pytest.param(
        "[x](jav&#x61;script:alert(1))",
        [(4, link("jav&#x61;script:alert(1)"))],
        id="hex-entity-in-scheme",
    ),
    pytest.param(
        "[x](&#106avascript:alert(1))",
        [(4, link("&#106avascript:alert(1)"))],
        id="entity-without-semicolon",
    ),
    pytest.param(
        "[x](javascript&colon;alert(1))",
        [(4, link("javascript&colon;alert(1)"))],
        id="named-entity-colon",
    ),
    pytest.param(
        "[x](java\tscript:alert(1))", [(4, link("java\tscript:alert(1)"))], id="tab-in-scheme"
    ),
    pytest.param(
        "[x]( <java script:alert(1)> )",
        [(6, link("java script:alert(1)"))],
        id="space-in-bracketed-scheme",
    ),
    pytest.param(
        '[x](javascript:alert(1) "title")', [(4, link("javascript:alert(1)"))], id="js-with-title"
    ),
    pytest.param("![p](file:///etc/passwd)", [(5, image("file:///etc/passwd"))], id="file-image"),
    pytest.param("[x](//evil.example)", [(4, link("//evil.example"))], id="protocol-relative"),
    pytest.param("[x](/contact/)", [(4, ROOT_ABSOLUTE)], id="root-absolute"),
    pytest.param(
        "<script>alert(1)</script>", [(0, html("<script>"))], id="script-tag-closing-not-repeated"
    ),
    pytest.param(
        '<div markdown="1">\n*a*\n</div>', [(0, html('<div markdown="1">'))], id="md-in-html"
    ),
    pytest.param("a <!-- hidden --> b", [(2, html("<!-- hidden -->"))], id="comment"),
    pytest.param("<?php echo 1 ?>", [(0, html("<?php echo 1 ?>"))], id="processing-instruction"),
    pytest.param("<!DOCTYPE html>", [(0, html("<!DOCTYPE html>"))], id="declaration"),
    pytest.param(
        "<tel:080032745>",
        [(1, "'<tel:080032745>' is not a link; write it as [text](tel:080032745)")],
        id="tel-autolink",
    ),
    pytest.param(
        "Call 0800\u202e54723 00",
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
    pytest.param(
        '0800 327 45" autofocus onfocus="alert(1)',
        [
            (
                11,
                'contains text that reads as HTML attributes (" autofocus onfocus=); '
                "write the text without '=' after a quotation mark",
            )
        ],
        id="attribute-breakout",
    ),
    pytest.param(
        "[a](https://example.org [b](javascript:alert(1))",
        [(28, link("javascript:alert(1)"))],
        id="link-inside-unclosed-link",
    ),
    pytest.param(
        "[Gand](javascript:alert(1)) [x",
        [(7, link("javascript:alert(1)"))],
        id="desk-name-link",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HOSTILE)
def test_each_hostile_or_mistaken_text_is_reported_where_it_is(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert markdown_problems(text) == expected


ACCEPTED = [
    pytest.param("See <https://www.example.org>.", id="web-autolink"),
    pytest.param("Write to <info@example.org>.", id="mail-autolink"),
    pytest.param("Children < 12 years and adults > 65.", id="comparison"),
    pytest.param("**Bold**, [a link](https://example.org) and `code`.", id="markdown"),
    pytest.param("[Morocco](sheet:ma#projects) and [a story](story:ma-2019-bakery)", id="site"),
    pytest.param("[Call](tel:+3280032745) or [write](mailto:info@example.org)", id="tel-mail"),
    pytest.param('[FAQ](faq.md#how-do-i-start "Questions") and [up](../contact/)', id="relative"),
    pytest.param("## Section {: #health .note }", id="class-and-id"),
    pytest.param("He said \"yes\" and 'no'.", id="quotes"),
    pytest.param("[x][r]\n\n[r]: https://example.org/?a=1&b=2", id="reference"),
    pytest.param("\u0645\u0646\u200c\u0627 (ZWNJ in Persian)", id="zwnj"),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_ordinary_markdown_is_accepted(text: str) -> None:
    assert markdown_problems(text) == []


def test_allowed_page_tags_take_only_classes_and_ids() -> None:
    text = '<span class="x" onclick="y">a</span> <b>c</b>'
    assert markdown_problems(text, html=frozenset({"span"})) == [
        (16, "attribute 'onclick' in <span> is not allowed; " + ATTR_HINT),
        (37, html("<b>")),
    ]


@pytest.mark.parametrize(
    ("target", "allowed"),
    [
        ("https://example.org", True),
        ("HTTP://example.org", True),
        ("mailto:a@example.org", True),
        ("tel:+32", True),
        ("sheet:ma", True),
        ("faq.md#a:b", True),
        ("#top", True),
        ("data:image/png;base64,AAAA", False),
        ("\x01javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java&Tab;script:alert(1)", False),
        ("jav&amp;#x61;script:alert(1)", False),
        ("\\\\evil.example/x", False),
    ],
)
def test_link_targets(target: str, allowed: bool) -> None:
    assert (target_problem(target) is None) is allowed


# --- Through validation: Text and Markdown fields ---------------------------------------


def test_a_story_text_reports_the_line_of_the_problem(tmp_path: Path) -> None:
    from pydantic import BaseModel

    from returnsite.validation import Markdown, Text

    class Record(BaseModel):
        title: Text
        body: Markdown

    path = tmp_path / "x.yml"
    path.write_text(
        "title: A bakery\nbody: |\n  Hello.\n\n  See [it](jav&#x61;script:alert(1)).\n",
        encoding="utf-8",
    )
    record, errors = load_model(path, Record)
    assert record is None
    assert [(e.line, e.message) for e in errors] == [
        (5, "body: " + link("jav&#x61;script:alert(1)"))
    ]


def test_every_real_sheet_and_story_passes() -> None:
    _, errors = check_content(ROOT)
    assert [str(e) for e in errors] == []


# --- Render time -------------------------------------------------------------------------

PAYLOADS = [case.values[0] for case in HOSTILE] + [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<div markdown="1" onmouseover="alert(1)">\n*a* <svg onload=alert(1)></svg>\n</div>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<meta http-equiv="refresh" content="0;url=https://example.org">',
    "<form action=https://example.org><button formaction=javascript:alert(1)>x</button></form>",
    '<object data="javascript:alert(1)"></object><embed src="data:text/html,x">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<a href="&#106;avascript:alert(1)">x</a> <a href=" javascript:alert(1)">y</a>',
    '<p style="color:red" onclick="alert(1)">x</p>',
    "<scr<script>ipt>alert(1)</script>",
]

_EVENT = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_BAD_URL = re.compile(
    r"""<[a-z][^>]*\s(?:href|src|action|formaction|data)\s*=\s*["']?\s*(?:javascript|data|vbscript):""",
    re.I,
)


def render(text: str) -> str:
    markdown = site_markdown()
    markdown.reset()
    return markdown.convert(text)


@pytest.mark.parametrize("text", PAYLOADS)
def test_no_payload_survives_rendering(text: str) -> None:
    output = render(text)
    assert not _EVENT.search(output), output
    assert not _BAD_URL.search(output), output
    assert "<script" not in output.lower(), output
    assert "style=" not in output.lower(), output
    for tag in ("<iframe", "<object", "<embed", "<meta", "<svg", "<math", "<style", "<x:y"):
        assert tag not in output.lower(), output


def test_the_extension_is_in_mkdocs_yml() -> None:
    assert "returnsite.markdown_policy" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "[x](javascript:alert(1)) [y](https://example.org)",
            '<p><a>x</a> <a href="https://example.org">y</a></p>',
            id="js-href-dropped",
        ),
        pytest.param(
            '![x](data:text/html,a){: onerror="alert(1)" .photo }',
            '<p><img alt="x" class="photo" /></p>',
            id="onerror-and-data-dropped",
        ),
        pytest.param(
            "<x:y onfocus=alert(1) autofocus>",
            "<p>&lt;x:y onfocus=alert(1) autofocus&gt;</p>",
            id="unknown-tag-shown-as-text",
        ),
        pytest.param(
            'a <span lang="fr" dir="ltr" onclick="x">b</span> &amp; c',
            '<p>a <span lang="fr" dir="ltr">b</span> &amp; c</p>',
            id="allowed-span-kept",
        ),
        pytest.param("a <!-- hidden --> b", "<p>a  b</p>", id="comment-dropped"),
    ],
)
def test_rendering_keeps_what_is_allowed(text: str, expected: str) -> None:
    assert render(text) == expected


def test_the_pages_the_build_writes_keep_their_markup() -> None:
    fragment = (
        '<form class="content-filter" data-filter-form hidden>'
        '<label for="f">Find</label>'
        '<input id="f" type="search" autocomplete="off" enterkeyhint="search" dir="auto" '
        "data-filter-text></form>"
    )
    assert clean_html(fragment) == fragment


def test_markup_that_the_checks_miss_is_still_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a way around the checks is found, rendering with and without the policy
    differ: the text is refused all the same."""
    from returnsite import markdown_policy

    monkeypatch.setattr(markdown_policy, "_attr_list_problems", lambda text: ([], []))
    assert markdown_problems("Read this.\n{: onclick=alert(1) }") == [
        (0, f"contains markup that the site does not allow; {HTML_HINT}")
    ]


def _dialogs_in_chromium(context, body: str) -> list[str]:
    """The alerts a page with ``body`` shows in Chromium, after focusing and
    clicking everything in it."""
    page = context.new_page()
    shown: list[str] = []
    page.on("dialog", lambda dialog: (shown.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<!doctype html><html><body>{body}</body></html>")
    page.wait_for_timeout(200)
    for element in page.locator("body *").all():
        try:
            element.focus(timeout=200)
            element.click(timeout=200, force=True, no_wait_after=True)
        except Exception:  # hidden or detached: nothing to run
            pass
    page.wait_for_timeout(200)
    page.close()
    return shown


def test_no_payload_runs_in_chromium(page) -> None:
    payloads = "\n\n".join(PAYLOADS)
    unsafe = site_markdown(policy=False)
    unsafe.reset()
    assert _dialogs_in_chromium(page.context, unsafe.convert(payloads)), "the test cannot fail"
    assert _dialogs_in_chromium(page.context, render(payloads)) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<a:" * 20000, id="tag-starts"),
        pytest.param("{: " * 20000, id="attr-list-starts"),
        pytest.param('" a' * 20000, id="quotes"),
        pytest.param("[x](" + "(" * 20000, id="open-parens"),
        pytest.param("[r]: <" * 20000, id="references"),
    ],
)
def test_a_pathological_text_is_checked_quickly(text: str) -> None:
    import time

    start = time.perf_counter()
    markdown_problems(text)
    assert time.perf_counter() - start < 2
