"""The built site in real headless Chromium: languages, switcher, privacy, phones, search."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from returnsite import ROOT
from returnsite.languages import load_languages

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-results" / "screenshots"
KINDS_OF_PAGE = ["", "how-it-works/", "reintegration/", "faq/", "search/"]


@pytest.fixture
def phone(browser, playwright):
    context = browser.new_context(**playwright.devices["Pixel 5"])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", KINDS_OF_PAGE)
@pytest.mark.parametrize("prefix", ["", "ar/", "ps/", "zh/"])
def test_no_request_leaves_the_site(page, site_url, third_party_requests, prefix, path):
    page.goto(site_url + prefix + path, wait_until="networkidle")
    assert third_party_requests == []


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [("", "en", "ltr"), ("ar/", "ar", "rtl"), ("ps/", "ps", "rtl"), ("am/", "am", "ltr")],
)
def test_lang_and_direction_in_the_browser(page, site_url, prefix, lang, direction):
    page.goto(site_url + prefix + "how-it-works/")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("getComputedStyle(document.body).direction") == direction


def test_switcher_keeps_the_reader_on_the_same_page(phone, site_url):
    phone.goto(site_url + "reintegration/")
    phone.get_by_role("button", name="Select language").tap()
    phone.get_by_role("link", name="العربية").tap()
    expect(phone).to_have_url(site_url + "ar/reintegration/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"


def test_tap_to_call_in_the_header_on_a_phone(phone, site_url):
    phone.goto(site_url + "ps/")
    call = phone.locator(".md-header a[href^='tel:']")
    expect(call).to_be_visible()
    assert call.get_attribute("href") == "tel:+3280032745"
    box = call.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44


@pytest.mark.parametrize("prefix", ["", "ar/", "ps/"])
def test_phone_screenshots_have_no_horizontal_scroll(phone, site_url, prefix):
    phone.goto(site_url + prefix)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = (prefix or "en/").strip("/")
    phone.screenshot(path=SCREENSHOTS / f"home-{name}-phone.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    ("prefix", "query", "expected_lang"),
    [
        ("", "premium", "en"),
        ("fr/", "prime", "fr"),
        ("ar/", "العودة", "ar"),
        ("ps/", "ستنېدنه", "ps"),
        ("zh/", "回国", "zh"),
        ("am/", "መመለስ", "am"),
        ("ti/", "ምምላስ", "ti"),
    ],
)
def test_search_finds_pages_of_the_readers_language_only(
    page, site_url, prefix, query, expected_lang
):
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(site_url + prefix + "search/")
    assert not [url for url in fetched if "/pagefind/" in url], "index loaded before typing"
    page.get_by_role("searchbox").fill(query)
    results = page.locator(".site-search__results a")
    expect(results.first).to_be_visible(timeout=10_000)
    for path in results.evaluate_all("links => links.map(a => a.pathname)"):
        assert _language_of_path(path) == expected_lang, path
    # Only this language's pieces of the index were downloaded.
    pieces = [url.rsplit("/", 1)[1] for url in fetched if url.endswith((".pf_index", ".pf_meta"))]
    assert pieces
    assert all(name.removeprefix("pagefind.").startswith(f"{expected_lang}_") for name in pieces), (
        pieces
    )


def _language_of_path(path: str) -> str:
    first = path.strip("/").split("/")[0]
    return first if first in {lang.code for lang in load_languages()} else "en"
