"""A cheap phone: 320 px wide, left-to-right and right-to-left. No horizontal scrolling, tap
targets of at least 44 px, and a screenshot of every page in test-results/phone/ to look at."""

from __future__ import annotations

import pytest

from returnsite import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-results" / "phone"
PAGES = {
    "home": "",
    "how-it-works": "how-it-works/",
    "estimator": "estimator/",
    "contact": "contact/",
    "brochures": "brochures/",
    "leaflet": "brochures/leaflet/",
}
LANGUAGES = {"en": "", "ar": "ar/", "ps": "ps/"}

# Every control a finger has to hit, with the box it really offers: a radio
# button or a checkbox is hit through its label. A link inside a sentence is
# exempt (WCAG 2.5.5 "inline"): its size is the size of the text.
SMALL_TARGETS = """() => {
  const seen = new Set();
  const small = [];
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]");
  for (const control of controls) {
    let target = control;
    if (control.matches("input[type=radio], input[type=checkbox]") && control.labels.length) {
      target = control.labels[0];
    }
    if (seen.has(target)) continue;
    seen.add(target);
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    const shown = box.width > 0 && box.height > 0 && style.visibility !== "hidden"
      && style.opacity !== "0"
      && box.right > 0 && box.left < innerWidth && !target.closest("[hidden], [inert]");
    if (!shown || (box.width >= 44 && box.height >= 44)) continue;
    const block = target.parentElement.closest("p, li, td, dd, figcaption, .admonition");
    const inline = style.display === "inline" && block
      && block.textContent.trim().length > target.textContent.trim().length;
    if (inline) continue;
    const name = (target.getAttribute("aria-label") || target.textContent || target.outerHTML)
      .trim().replace(/\\s+/g, " ").slice(0, 50);
    small.push(`${target.tagName.toLowerCase()}.${target.className} "${name}" `
      + `${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return small;
}"""


@pytest.fixture
def cheap_phone(browser):
    context = browser.new_context(
        viewport={"width": 320, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context.new_page()
    context.close()


def _open(phone, site_url, site, lang, name, path=None):
    path = LANGUAGES[lang] + (path or PAGES[name])
    if not (site / path / "index.html").is_file():
        pytest.skip(f"{path} is not in this build")
    phone.goto(site_url + path, wait_until="networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SHOTS / f"{lang}-{name}.png", full_page=True)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_horizontal_scrolling_at_320_px(cheap_phone, site_url, site, lang, name):
    _open(cheap_phone, site_url, site, lang, name)
    width = cheap_phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width} px wide"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_tap_targets_are_at_least_44_px(cheap_phone, site_url, site, lang, name):
    _open(cheap_phone, site_url, site, lang, name)
    assert cheap_phone.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_country_sheet_fits_a_phone(cheap_phone, site_url, site, lang):
    sheets = sorted(p.parent.name for p in (site / "countries").glob("*/index.html"))
    if not sheets:
        pytest.skip("no country sheet in this build yet")
    _open(cheap_phone, site_url, site, lang, "sheet", f"countries/{sheets[0]}/")
    assert cheap_phone.evaluate("document.documentElement.scrollWidth") <= 320
    assert cheap_phone.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize(("lang", "direction"), [("en", "ltr"), ("ar", "rtl"), ("ps", "rtl")])
def test_layout_follows_the_languages_direction(cheap_phone, site_url, lang, direction):
    cheap_phone.goto(site_url + LANGUAGES[lang])
    assert cheap_phone.evaluate("getComputedStyle(document.body).direction") == direction
