"""Printed pages: A4, no navigation; the free number, the page's address, its QR code, links."""

from __future__ import annotations

import functools
import http.server
import random
import threading

import pytest
from conftest import build_site
from pdfs import flat_text, is_a4, text

from returnsite.printing import link_target, link_targets, page_address
from returnsite.qr import qr_svg

PHONE = "0800 327 45"
# No hyphen: pdftotext joins an address broken at a hyphen without it.
SITE_URL = "https://voluntaryreturn.example/"


# --- Addresses and link targets ---------------------------------------------------


@pytest.mark.parametrize(
    ("site_url", "page_url", "expected"),
    [
        pytest.param(SITE_URL, "fr/faq/", SITE_URL + "fr/faq/", id="page"),
        pytest.param(SITE_URL, "", SITE_URL, id="home"),
        pytest.param(
            "https://example.org/return", "ar/", "https://example.org/return/ar/", id="subpath"
        ),
        pytest.param("", "fr/faq/", None, id="no-site-url"),
        pytest.param(None, "fr/faq/", None, id="none"),
        # What `mkdocs serve` sets: an address a phone cannot open.
        pytest.param("http://127.0.0.1:8000/", "fr/faq/", None, id="serve"),
        pytest.param("http://localhost:8000/", "fr/faq/", None, id="localhost"),
        pytest.param("http://[::1]:8000/", "fr/faq/", None, id="ipv6-loopback"),
        pytest.param("http://192.168.1.20/", "", "http://192.168.1.20/", id="local-network"),
    ],
)
def test_page_address(site_url, page_url, expected):
    assert page_address(site_url, page_url) == expected


PAGE = SITE_URL + "fr/contact/"


@pytest.mark.parametrize(
    ("href", "page", "expected"),
    [
        pytest.param("../faq/", PAGE, SITE_URL + "fr/faq/", id="other-page"),
        pytest.param("../faq/#who", PAGE, SITE_URL + "fr/faq/#who", id="other-page-part"),
        pytest.param("../faq/", None, None, id="other-page-without-site-url"),
        pytest.param("#hours", PAGE, None, id="same-page"),
        pytest.param("https://www.fedasil.be/fr", None, "https://www.fedasil.be/fr", id="web"),
        pytest.param("mailto:info@example.org?subject=x", PAGE, "info@example.org", id="mail"),
        pytest.param("tel:+3280032745", PAGE, None, id="phone"),
        pytest.param("geo:50.85,4.35", PAGE, None, id="map"),
        pytest.param("", PAGE, None, id="empty"),
    ],
)
def test_link_target(href, page, expected):
    assert link_target(href, page) == expected


def test_links_get_their_target_for_print():
    html = '<p>See <a href="../faq/">the questions</a> and <a href="#top">top</a>.</p>'
    assert link_targets(html, PAGE) == (
        '<p>See <a href="../faq/" data-print-url="https://voluntaryreturn.example/fr/faq/">'
        'the questions</a> and <a href="#top">top</a>.</p>'
    )


def test_a_link_that_shows_its_address_is_left_alone():
    html = '<a href="https://www.fedasil.be/">www.fedasil.be</a>'
    assert link_targets(html, PAGE) == html


def test_link_targets_are_escaped():
    html = '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">x</a>'
    assert 'data-print-url="https://example.org/?a=1&amp;b=&quot;2&quot;"' in link_targets(
        html, None
    )


# --- QR codes ---------------------------------------------------------------------


def test_qr_code_is_an_inline_svg_hidden_from_screen_readers():
    svg = qr_svg(SITE_URL + "fr/faq/")
    assert svg.startswith('<svg aria-hidden="true" shape-rendering="crispEdges" viewBox="0 0 ')
    assert 'class="qr"' in svg
    assert "<path" in svg and "<image" not in svg and "http" not in svg.split(">", 1)[0]


def test_qr_code_with_a_label_is_an_image_with_that_name():
    svg = qr_svg(SITE_URL, "QR code: opens the site")
    assert svg.startswith('<svg role="img" aria-label="QR code: opens the site" ')


def test_qr_codes_differ_per_address_and_are_stable():
    assert qr_svg(SITE_URL + "fr/") != qr_svg(SITE_URL + "nl/")
    assert qr_svg.__wrapped__(SITE_URL + "fr/") == qr_svg(SITE_URL + "fr/")


@pytest.mark.parametrize("length", [1, 20, 60, 150, 400])  # QR versions 1 to 14
def test_qr_codes_are_segnos_own(monkeypatch, length):
    import segno
    import segno.encoder

    from returnsite import qr

    addresses = [SITE_URL + "x" * (length + n) for n in range(6)]
    made = [qr_svg.__wrapped__(address) for address in addresses]
    assert segno.encoder.apply_mask is qr.fast_apply_mask
    assert segno.encoder.mask_scores is qr.fast_mask_scores
    monkeypatch.setattr(segno.encoder, "apply_mask", qr._segno_apply_mask)
    monkeypatch.setattr(segno.encoder, "mask_scores", qr._segno_mask_scores)
    assert made == [qr_svg.__wrapped__(address) for address in addresses]


def test_mask_scores_are_segnos_own():
    from returnsite import qr

    rng = random.Random(7)
    for _ in range(400):
        size = rng.choice([21, 25, 37, 57, 77])
        dark = rng.random()  # from nearly all light to nearly all dark
        matrix = tuple(
            bytearray(1 if rng.random() < dark else 0 for _ in range(size)) for _ in range(size)
        )
        expected = qr._segno_mask_scores(matrix, size, size)
        assert qr.fast_mask_scores(matrix, size, size) == expected


def test_qr_code_needs_an_address():
    with pytest.raises(ValueError, match="a QR code needs something to encode"):
        qr_svg("")


# --- Printing real pages ------------------------------------------------------------


def _print(page, url, pdf):
    page.goto(url, wait_until="networkidle")
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    return pdf


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "fr/", "ar/", "ps/", "zh/"])
def test_printed_page_has_the_number_and_its_address_and_no_navigation(
    page, site_url, tmp_path, prefix
):
    url = site_url + prefix + "how-it-works/"
    pdf = _print(page, url, tmp_path / "page.pdf")
    assert is_a4(pdf)
    printed = text(pdf)
    assert PHONE in printed
    assert url in flat_text(pdf)  # without site_url: the address the browser shows
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-footer", ".site-share", ".md-top"]:
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator(".print-footer").is_visible()
    assert page.locator("h1").first.is_visible()


@pytest.mark.browser
def test_print_footer_is_hidden_on_screen(page, site_url):
    page.goto(site_url + "faq/")
    assert page.locator(".print-footer").is_hidden()


@pytest.mark.browser
def test_printed_sheet_keeps_its_last_review_date(page, site_url, site, tmp_path):
    sheets = sorted(p.parent.name for p in (site / "countries").glob("*/index.html"))
    if not sheets:
        pytest.skip("no country sheet in this build yet")
    page.goto(site_url + f"countries/{sheets[0]}/")
    facts = page.locator(".content-facts").inner_text()
    pdf = _print(page, site_url + f"countries/{sheets[0]}/", tmp_path / "sheet.pdf")
    assert "".join(facts.split()) in flat_text(pdf)


# --- With site_url: absolute addresses and a QR code ---------------------------------


@pytest.fixture(scope="module")
def public_site_url(tmp_path_factory):
    """The site built for a public address (SITE_URL), served locally."""
    site_dir = tmp_path_factory.mktemp("public-site")
    result = build_site(site_dir, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_printed_page_has_its_public_address_and_its_qr_code(
    page, public_site_url, tmp_path, prefix
):
    address = SITE_URL + prefix + "how-it-works/"
    pdf = _print(page, public_site_url + prefix + "how-it-works/", tmp_path / "page.pdf")
    assert address in flat_text(pdf)
    assert PHONE in text(pdf)
    drawn = page.locator(".print-footer svg.qr path").get_attribute("d")
    assert f'd="{drawn}"' in qr_svg(address)  # the code of this very address
    page.emulate_media(media="print")
    box = page.locator(".print-footer svg.qr").bounding_box()
    assert box["width"] > 100  # 30 mm


@pytest.mark.browser
def test_printed_links_show_where_they_go(page, public_site_url, tmp_path):
    pdf = _print(page, public_site_url + "fr/how-it-works/", tmp_path / "page.pdf")
    assert f"({SITE_URL}fr/reintegration/)" in flat_text(pdf)
