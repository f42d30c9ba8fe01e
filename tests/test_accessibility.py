"""axe-core (from npm, injected into the page, nothing fetched) finds no accessibility
violation on the pages that matter most, in left-to-right and right-to-left languages."""

from __future__ import annotations

import pytest

from returnsite import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = {"en": "", "ar": "ar/", "ps": "ps/"}
PAGES = {
    "home": "",
    "estimator": "estimator/",
    "brochures": "brochures/",
    "leaflet": "brochures/leaflet/",
}


def violations(page) -> list[str]:
    """One line per rule broken: the rule, its impact and where (at most 3 places)."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run ./run test (it runs npm ci), or npm ci")
    # Through DevTools, not a <script> tag: the page's Content-Security-Policy
    # blocks inline scripts (returnsite.csp).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in found
    ]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violation(page, site_url, lang, name):
    page.goto(site_url + LANGUAGES[lang] + PAGES[name], wait_until="networkidle")
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violation_on_a_country_sheet(page, site_url, site, lang):
    sheets = sorted(p.parent.name for p in (site / "countries").glob("*/index.html"))
    if not sheets:
        pytest.skip("no country sheet in this build yet")
    page.goto(site_url + LANGUAGES[lang] + f"countries/{sheets[0]}/", wait_until="networkidle")
    assert violations(page) == []


def test_axe_finds_a_violation_when_there_is_one(page, site_url):
    """The check can fail: an image without a text alternative is reported."""
    page.goto(site_url)
    page.evaluate(
        "document.querySelector('h1').insertAdjacentHTML('afterend', '<img src=\"x.png\">')"
    )
    assert [line.split(" ", 1)[0] for line in violations(page)] == ["image-alt"]
