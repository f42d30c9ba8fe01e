"""Content-Security-Policy and referrer policy (returnsite.csp): on every page of
the built site, allowing exactly the inline scripts of the templates; in
Chromium, every kind of page works under it and a slipped-in script is blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from returnsite.csp import inline_scripts, policy, source_hash, with_policy

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')
REFERRER = '<meta name="referrer" content="no-referrer">'


def _policy_of(html: str) -> str:
    found = CSP.search(html)
    assert found, "no Content-Security-Policy"
    return found["policy"].replace("&#39;", "'")


# --- The policy ---------------------------------------------------------------------


def test_the_policy_allows_the_sites_own_files_and_the_given_hashes_only() -> None:
    text = policy(["'sha256-abc'"])
    assert text == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; frame-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )
    assert "unsafe-inline" not in text


def test_only_scripts_that_run_are_inline_scripts() -> None:
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="module">b()</script>'
    )
    assert inline_scripts(html) == ["a()", "b()"]


def test_a_page_made_outside_material_gets_the_hash_of_its_own_style() -> None:
    html = '<!doctype html><html><head><meta charset="utf-8"><style>p{}</style></head></html>'
    page = with_policy(html)
    assert page.startswith(
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src'
    )
    assert f"style-src 'self' {source_hash('p{}')};" in _policy_of(page)
    assert REFERRER in page


def test_a_page_without_a_charset_is_a_fault_of_the_build() -> None:
    with pytest.raises(ValueError, match="without <meta charset=utf-8>"):
        with_policy("<html><head></head></html>")


# --- The built site ---------------------------------------------------------------------


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_the_policies_first_in_its_head(site) -> None:
    pages = _pages(site)
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        charset = re.search(r'<meta charset="?utf-8"?>', head, re.IGNORECASE)
        assert charset, path
        after = head[charset.end() :].lstrip()
        assert after.startswith('<meta http-equiv="Content-Security-Policy"'), path
        assert REFERRER in head, path


@pytest.mark.parametrize(
    "page",
    ["404.html", "fr/brochures/leaflet/index.html", "translation-status/index.html"],
)
def test_the_pages_outside_the_usual_ones_have_a_policy(site, page) -> None:
    text = _policy_of((site / page).read_text(encoding="utf-8"))
    assert "object-src 'none'" in text and "base-uri 'self'" in text


def test_every_inline_script_of_the_site_is_allowed_and_no_more(site) -> None:
    allowed: set[str] = set()
    for path in _pages(site):
        html = path.read_text(encoding="utf-8")
        hashes = set(re.findall(r"'sha256-[^']+'", _policy_of(html)))
        for code in inline_scripts(html):
            assert source_hash(code) in hashes, (path, code[:80])
        allowed |= hashes
    # Material's two scripts (one per folder depth: it names the site's root),
    # the print footer's and the estimator's; never one per page.
    assert len(allowed) < 12, allowed


# --- In Chromium --------------------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def _first_story(site: Path) -> str:
    story = sorted((site / "stories").glob("*/index.html"))[0]
    return story.parent.relative_to(site).as_posix() + "/"


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_every_kind_of_page_runs_without_a_policy_violation(page, site, site_url, prefix):
    page.add_init_script(RECORD_VIOLATIONS)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Security Policy" in m.text else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    paths = [
        "",
        "countries/ma/",
        _first_story(site),
        "estimator/",
        "contact/",
        "stories/",
        "brochures/leaflet/",
    ]
    for path in paths:
        page.goto(site_url + prefix + path, wait_until="networkidle")
        assert page.evaluate("window.__violations") == [], prefix + path
    page.goto(site_url + "translation-status/", wait_until="networkidle")
    assert page.evaluate("window.__violations") == [], "translation-status/"
    # The estimator's inline script ran: its form is shown.
    page.goto(site_url + prefix + "estimator/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.classList.contains('estimator-js')")
    assert errors == []


@pytest.mark.browser
def test_search_runs_its_webassembly_under_the_policy(page, site_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "search/")
    page.get_by_role("searchbox").fill("return")
    page.locator(".site-search__results a").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__violations") == []


@pytest.mark.browser
def test_an_inline_script_slipped_into_a_page_is_blocked(page, site_url):
    page.add_init_script(RECORD_VIOLATIONS)

    def slip_in(route):
        response = route.fetch()
        body = response.text().replace(
            "</article>", "<script>window.__slipped = true</script></article>", 1
        )
        assert "__slipped" in body
        route.fulfill(response=response, body=body)

    page.route(site_url + "fr/faq/", slip_in)
    page.goto(site_url + "fr/faq/", wait_until="networkidle")
    assert page.evaluate("window.__slipped") is None
    violations = page.evaluate("window.__violations")
    assert [v for v in violations if v.startswith("script-src")], violations


def test_mkdocs_serve_writes_no_policy_for_its_live_reload() -> None:
    from returnsite import csp

    html = '<html><head><meta charset="utf-8"></head></html>'
    csp.set_serving(True)
    try:
        assert with_policy(html) == html
    finally:
        csp.set_serving(False)
    assert "Content-Security-Policy" in with_policy(html)
