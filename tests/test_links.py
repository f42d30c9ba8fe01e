"""Links in the built site: every internal link and anchor resolves, in every language.

The checker reads the built HTML (and CSS ``url()``), never the network:

- an internal link (relative, or root-relative ``/...``) must name a file of
  the site (a folder stands for its ``index.html``), and its ``#anchor`` must
  be an ``id`` (or an ``<a name>``) in the target page;
- a link with one of :data:`EXTERNAL_SCHEMES` is allowed and not fetched; any
  other scheme (e.g. ``sheet:ma`` left unconverted by the build) is broken;
- every page exists in every language (untranslated ones fall back to
  English), and its language switcher links to the same page in all of them.

Every broken link of the whole site is reported at once, one ``page: href
(reason)`` per line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from returnsite.languages import load_languages

# Links to these are allowed and not fetched (data: is inline content).
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "geo", "sms", "data"})

# (tag, attribute) pairs that link to or load another resource; None: any tag.
LINK_ATTRIBUTES = frozenset(
    {
        ("a", "href"),
        ("area", "href"),
        ("link", "href"),
        ("form", "action"),
        ("object", "data"),
        ("video", "poster"),
        (None, "src"),
        (None, "srcset"),
    }
)

LANGS = load_languages()
CODES = frozenset(lang.code for lang in LANGS)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass
class Page:
    """One HTML file of the site: its anchors and the links it contains."""

    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    switcher: dict[str, list[str]] = field(default_factory=dict)  # hreflang -> hrefs


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        for name, value in values.items():
            if (tag, name) in LINK_ATTRIBUTES or (None, name) in LINK_ATTRIBUTES:
                self.page.links += _srcset_urls(value) if name == "srcset" else [value]
        is_switcher = "md-select__link" in values.get("class", "").split()
        if tag == "a" and is_switcher and values.get("hreflang") and "href" in values:
            self.page.switcher.setdefault(values["hreflang"], []).append(values["href"])

    handle_startendtag = handle_starttag


def _srcset_urls(srcset: str) -> list[str]:
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def parse_page(html: str) -> Page:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


def read_site(site: Path) -> dict[str, Page]:
    """Every HTML page and CSS file of the site, by path relative to the site root."""
    pages: dict[str, Page] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            pages[rel] = parse_page(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8")
            pages[rel] = Page(links=[match.group(2) for match in _CSS_URL.finditer(css)])
    return pages


def resolve(page: str, href: str) -> tuple[str | None, str]:
    """``(site path, fragment)`` that ``href`` in ``page`` points to.

    The path is None for an external link; '' when it leaves the site.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        base = "" if path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if target == "." or path.endswith("/"):
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        if target.startswith("../") or target == "..":
            return "", ""
    return target, unquote(parts.fragment)


def link_problem(site: Path, pages: dict[str, Page], page: str, href: str) -> str | None:
    """Why ``href`` in ``page`` is broken, or None if it resolves."""
    scheme = urlsplit(href).scheme
    if scheme:
        if scheme.lower() in EXTERNAL_SCHEMES:
            return None
        return f"'{scheme}:' is not a web address; write a page path or an https:// address"
    target, fragment = resolve(page, href)
    if target is None:
        return None  # //host/...: another site
    if target == "":
        return "goes above the site's root folder"
    if target not in pages and not (site / target).is_file():
        if (site / target / "index.html").is_file():
            target = f"{target}/index.html"
        else:
            return "no such page or file in the site"
    if fragment and target.endswith(".html") and fragment not in pages[target].anchors:
        return f"no anchor #{fragment} in {target}"
    return None


def broken_links(site: Path, pages: dict[str, Page] | None = None) -> list[str]:
    """Every broken link of the site, as ``page: href (reason)`` lines."""
    pages = read_site(site) if pages is None else pages
    broken = []
    for page, info in pages.items():
        for href in dict.fromkeys(info.links):  # each link once per page, in page order
            problem = link_problem(site, pages, page, href.strip())
            if problem:
                broken.append(f"{page}: {href} ({problem})")
    return broken


def language_of(page: str) -> str:
    first = page.split("/", 1)[0]
    return first if first in CODES and "/" in page else _default_code()


def neutral_path(page: str) -> str:
    """The page's path without its language folder: 'fr/faq/index.html' -> 'faq/index.html'."""
    code = language_of(page)
    return page if code == _default_code() else page.removeprefix(f"{code}/")


def _default_code() -> str:
    return next(lang.code for lang in LANGS if lang.default)


# Outside the language folders: the root 404.html, and the editors' pages (English only).
NOT_PER_LANGUAGE = ("404.html", "translation-status/")


def _html_pages(pages: dict[str, Page]) -> Iterator[str]:
    return (
        page
        for page in pages
        if page.endswith(".html")
        and not page.startswith(NOT_PER_LANGUAGE)
        and not page.startswith("pagefind/")
    )


def missing_translations(pages: Iterable[str]) -> list[str]:
    """Pages that exist in one language but not in another, as ``path (exists in ...)``."""
    by_language: dict[str, set[str]] = {lang.code: set() for lang in LANGS}
    for page in pages:
        by_language[language_of(page)].add(neutral_path(page))
    everywhere = set().union(*by_language.values())
    missing = []
    for lang in LANGS:
        for path in sorted(everywhere - by_language[lang.code]):
            found = [code for code, paths in by_language.items() if path in paths]
            missing.append(f"{lang.prefix}{path} (exists in {', '.join(found)})")
    return missing


# Printed documents that stand alone, without the site's header: the list of
# brochures beside them links to them in every language.
STANDALONE = frozenset({"brochures/leaflet/index.html"})


def switcher_problems(pages: dict[str, Page]) -> list[str]:
    """Pages whose language switcher does not link to the same page in every language."""
    problems = []
    for page in _html_pages(pages):
        if neutral_path(page) in STANDALONE:
            continue
        switcher = pages[page].switcher
        if not switcher:
            problems.append(f"{page}: no language switcher")
            continue
        for lang in LANGS:
            hrefs = switcher.get(lang.code, [])
            expected = lang.prefix + neutral_path(page)
            targets = [resolve(page, href)[0] for href in hrefs]
            if targets != [expected]:
                problems.append(
                    f"{page}: hreflang={lang.code} links to {hrefs or 'nothing'}; "
                    f"expected {expected}"
                )
    return problems


# --- The built site ---------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return read_site(site)


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = broken_links(site, pages)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken)


def test_every_page_exists_in_every_language(pages):
    missing = missing_translations(_html_pages(pages))
    assert not missing, f"{len(missing)} page(s) missing:\n" + "\n".join(missing)


def test_language_switcher_links_to_the_same_page_in_every_language(pages):
    problems = switcher_problems(pages)
    assert not problems, "\n".join(problems[:50])


def test_the_checker_saw_every_language(pages):
    seen = {language_of(page) for page in _html_pages(pages)}
    assert seen == CODES


# --- The checker itself, on small made-up sites -----------------------------------


def _write(site: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


_TARGET = '<h2 id="health">Health</h2><a name="old-anchor"></a>'


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        pytest.param("../faq/", None, id="relative-folder"),
        pytest.param("../faq/index.html", None, id="relative-file"),
        pytest.param("../faq", None, id="folder-without-slash"),
        pytest.param("/faq/#health", None, id="root-relative-with-id"),
        pytest.param("../faq/#old-anchor", None, id="a-name-anchor"),
        pytest.param("#top", None, id="anchor-in-same-page"),
        pytest.param("", None, id="empty-is-this-page"),
        pytest.param("../assets/site.css", None, id="asset"),
        pytest.param("../faq/?q=1", None, id="query-ignored"),
        pytest.param("../f%61q/", None, id="percent-encoded"),
        pytest.param("https://www.example.org/x", None, id="https"),
        pytest.param("//cdn.example.org/x.js", None, id="protocol-relative"),
        pytest.param("mailto:desk@example.org", None, id="mailto"),
        pytest.param("tel:080032745", None, id="tel"),
        pytest.param("geo:50.85,4.35", None, id="geo"),
        pytest.param(
            "../brochures/",
            "news/index.html: ../brochures/ (no such page or file in the site)",
            id="missing-page",
        ),
        pytest.param(
            "../faq/#housing",
            "news/index.html: ../faq/#housing (no anchor #housing in faq/index.html)",
            id="missing-anchor",
        ),
        pytest.param(
            "#nowhere",
            "news/index.html: #nowhere (no anchor #nowhere in news/index.html)",
            id="missing-anchor-same-page",
        ),
        pytest.param(
            "sheet:ma",
            "news/index.html: sheet:ma ('sheet:' is not a web address; "
            "write a page path or an https:// address)",
            id="unknown-scheme",
        ),
        pytest.param(
            "../../etc/passwd",
            "news/index.html: ../../etc/passwd (goes above the site's root folder)",
            id="above-root",
        ),
    ],
)
def test_checker_reports_exactly_the_broken_link(tmp_path, href, expected):
    site = _write(
        tmp_path,
        {
            "faq/index.html": f"<html><body>{_TARGET}</body></html>",
            "assets/site.css": "body{}",
            "news/index.html": f'<html><body id="top"><a href="{href}">x</a></body></html>',
        },
    )
    assert broken_links(site) == ([expected] if expected else [])


def test_checker_reports_every_broken_link_of_the_site_at_once(tmp_path):
    site = _write(
        tmp_path,
        {
            "index.html": '<img src="missing.png" srcset="a.png 1x, b.png 2x"><a href="#x">',
            "fr/index.html": '<script src="../app.js"></script><link href="../style.css">',
            "style.css": 'body { background: url("images/bg.png") }',
        },
    )
    assert broken_links(site) == [
        "fr/index.html: ../app.js (no such page or file in the site)",
        "index.html: missing.png (no such page or file in the site)",
        "index.html: a.png (no such page or file in the site)",
        "index.html: b.png (no such page or file in the site)",
        "index.html: #x (no anchor #x in index.html)",
        "style.css: images/bg.png (no such page or file in the site)",
    ]


def test_missing_translation_is_reported_with_where_the_page_exists():
    pages = [f"{lang.prefix}faq/index.html" for lang in LANGS if lang.code != "am"]
    pages += ["news/index.html", "fr/news/index.html"]
    missing = missing_translations(pages)
    assert (
        "am/faq/index.html (exists in "
        + ", ".join(lang.code for lang in LANGS if lang.code != "am")
        + ")"
        in missing
    )
    assert "nl/news/index.html (exists in en, fr)" in missing
    assert len(missing) == 1 + (len(LANGS) - 2)


def test_switcher_without_a_language_is_reported():
    links = "".join(
        f'<a href="../{lang.prefix}faq/" hreflang="{lang.code}" class="md-select__link">'
        f"{lang.code}</a>"
        for lang in LANGS
        if lang.code != "ti"
    )
    # A link with hreflang in the text is not part of the switcher.
    links += '<a href="../ti/brochures/leaflet/" hreflang="ti">ትግርኛ</a>'
    pages = {"faq/index.html": parse_page(links)}
    assert switcher_problems(pages) == [
        "faq/index.html: hreflang=ti links to nothing; expected ti/faq/index.html"
    ]
