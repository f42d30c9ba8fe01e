"""Full ``mkdocs build`` runs with country sheets and stories, into tmp_path.

The builds use the project's mkdocs.yml (inherited) with the content hook and
the test content of ``tests/fixtures/content_build/``; the options of
``returnsite.content_build`` are tested without a build.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from conftest import build_site
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from returnsite import ROOT, validation
from returnsite.content import check_content, load_content
from returnsite.content_build import (
    BuildOptions,
    OptionError,
    build_options,
    language_pages,
    photos,
    select,
    stale_report,
)
from returnsite.i18n import translations
from returnsite.languages import load_languages
from returnsite.notices import FALLBACK
from returnsite.render_sheets import SheetOptions

FIXTURES = Path(__file__).parent / "fixtures"
# The French UI strings, as the French pages show them.
FR = translations("fr").gettext
CONTENT = FIXTURES / "content_build"
HOOK = "hooks/content_hook.py"


def _config(
    tmp_path: Path, content_root: Path, docs: Path = ROOT / "docs", **extra: object
) -> Path:
    """A mkdocs.yml inheriting the project's, with paths made absolute, the
    content hook (until mkdocs.yml lists it) and the test content."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        project = yaml_load(file)
    hooks = list(project["hooks"])
    if HOOK not in hooks:
        hooks.append(HOOK)
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "theme": {"custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / hook) for hook in hooks],
        "watch": [],
        "extra": {"content_root": str(content_root), **extra},
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _build(tmp_path: Path, content_root: Path, docs: Path = ROOT / "docs", **extra: object):
    site = tmp_path / "site"
    result = build_site(site, "-f", str(_config(tmp_path, content_root, docs, **extra)))
    return site, result


def _html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("content-build")
    # The programme pages, one of them not translated into Lingala.
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "ln" / "news.md").unlink()
    site, result = _build(folder, CONTENT, docs)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


# --- A full build -----------------------------------------------------------------


def test_a_translated_sheet_page(site: Path) -> None:
    html = _html(site, "fr/countries/ma/index.html")
    assert '<html dir="ltr" lang="fr"' in html
    assert '<h1 id="maroc">Maroc</h1>' in html
    assert "page-notice--fallback" not in html
    assert "<p>Texte de test de la vue d'ensemble, en français.</p>" in html
    assert f'<h2 id="health">{FR("Health care")}</h2>' in html
    assert '<a href="../../stories/ma-2019-test-bakery/">un récit de test</a>' in html
    assert '<div dir="ltr" lang="en">\n<p>Test housing text, only in English.</p>' in html


def test_an_untranslated_programme_page_falls_back_to_english_with_a_notice(site: Path) -> None:
    html = _html(site, "ln/news/index.html")
    assert '<html dir="ltr" lang="ln"' in html
    assert '<div lang="en">' in html
    notice = re.search(r'<div class="[^"]*page-notice--fallback".*?</div>', html, re.S)
    assert notice and translations("ln").gettext(FALLBACK) in notice.group()


def test_a_translation_of_an_older_english_text_links_to_the_english(site: Path) -> None:
    html = _html(site, "fr/stories/ma-2019-test-bakery/index.html")
    notice = re.search(r'<div class="[^"]*page-notice--source_newer".*?</div>', html, re.S)
    assert notice, "no 'English is newer' notice"
    assert FR("Read the English version") in notice.group()
    assert 'href="../../../stories/ma-2019-test-bakery/" hreflang="en"' in notice.group()
    assert "page-notice--source_newer" not in _html(site, "fr/countries/ma/index.html")


def test_an_untranslated_sheet_page_falls_back_to_english_with_the_notice(site: Path) -> None:
    html = _html(site, "ps/countries/ma/index.html")
    assert '<html dir="rtl" lang="ps"' in html
    assert '<div lang="en">' in html
    assert "page-notice--fallback" in html
    assert '<h1 dir="rtl" id="_1" lang="ps">مراکش</h1>' in html
    assert "<p>Test overview text in English.</p>" in html


def test_a_stale_sheet_shows_the_outdated_notice_and_the_build_lists_it(built) -> None:
    site, log = built
    assert "page-notice--outdated" in _html(site, "countries/ma/index.html")
    assert re.search(
        r"INFO +- +content: \d country sheet\(s\) last reviewed \(drafts: with a newest source\) "
        r"more than 12 months ago",
        log,
    )
    assert "  ma: draft, newest source 2020-02-01\n" in log
    assert "WARNING" not in "\n".join(line for line in log.splitlines() if "content" in line)


@pytest.mark.parametrize("lang", load_languages(), ids=lambda lang: lang.code)
def test_every_language_has_the_indexes_the_sheets_and_the_stories(site: Path, lang) -> None:
    for path in (
        "countries/index.html",
        "countries/ma/index.html",
        "countries/dz/index.html",
        "stories/index.html",
        "stories/ma-2019-test-bakery/index.html",
        "stories/dz-2021-test-workshop/index.html",
    ):
        assert (site / lang.prefix / path).is_file(), lang.prefix + path


def test_the_countries_index_is_sorted_for_the_reader_and_can_be_filtered(site: Path) -> None:
    html = _html(site, "fr/countries/index.html")
    assert re.findall(r'<li data-filter-keywords="[^"]*"><a href="(\w+)/">', html) == ["dz", "ma"]
    assert '<form class="content-filter" data-filter-form hidden>' in html
    assert '<script type="module" src="../../assets/filter.js"></script>' in html
    assert (site / "assets" / "filter.js").is_file()


def test_the_stories_index_can_be_filtered_by_country_and_support(site: Path) -> None:
    html = _html(site, "stories/index.html")
    assert '<li data-country="ma" data-support="small_business housing">' in html
    assert '<select id="content-filter-support" data-filter-field="support">' in html


def test_an_example_story_has_its_label_and_its_photo_once_for_all_languages(site: Path) -> None:
    html = _html(site, "fr/stories/ma-2019-test-bakery/index.html")
    assert "content-badge--example" in html
    src = re.search(r'<img alt="A test picture of nothing" [^>]*src="([^"]+)"', html)[1]
    assert src == "../../../assets/stories/photos/ma-2019-test-bakery.png"
    assert (site / "fr/stories/ma-2019-test-bakery" / src).resolve().is_file()
    assert sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.png")
        if "stories" in p.relative_to(site).as_posix()
    ) == ["assets/stories/photos/ma-2019-test-bakery.png"]


def test_sheets_and_stories_are_not_added_to_the_navigation(site: Path) -> None:
    html = _html(site, "fr/index.html")
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', html)
    assert [link for link in nav_links if re.search(r"(countries|stories)/\w", link)] == []


# --- In a real browser (headless Chromium, a phone's screen) --------------------


@pytest.fixture(scope="module")
def site_root_url(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def phone(browser, playwright):
    context = browser.new_context(**playwright.devices["Pixel 5"])
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_the_filter_box_finds_a_country_on_a_phone(phone, site_root_url) -> None:
    phone.goto(site_root_url + "fr/countries/")
    box = phone.get_by_label(FR("Find a country"))
    expect(box).to_be_visible()
    box.fill("alge")
    expect(phone.locator(".content-list > li:visible")).to_have_count(1)
    expect(phone.locator(".content-list > li:visible a")).to_have_text("Algérie")
    found = FR("Countries found: %(count)s") % {"count": 1}
    expect(phone.locator("[data-filter-status]")).to_have_text(found)
    box.fill("xyz")
    expect(phone.locator(".content-list > li:visible")).to_have_count(0)
    expect(phone.locator("[data-filter-status]")).to_have_text(FR("No country found."))


@pytest.mark.browser
def test_the_stories_can_be_filtered_by_kind_of_support(phone, site_root_url) -> None:
    phone.goto(site_root_url + "stories/")
    phone.get_by_label("Support used for").select_option("work")
    expect(phone.locator(".content-list > li:visible a")).to_have_text(["Test story of a workshop"])
    phone.get_by_label("Country").select_option("ma")
    expect(phone.locator(".content-list > li:visible")).to_have_count(0)


@pytest.mark.browser
def test_without_javascript_the_whole_list_is_shown(browser, site_root_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_root_url + "countries/")
    expect(page.locator("[data-filter-form]")).to_be_hidden()
    expect(page.locator(".content-list > li")).to_have_count(2)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["ar/countries/ma/", "ps/stories/ma-2019-test-bakery/"])
def test_sheet_and_story_pages_fit_a_phone_screen(phone, site_root_url, path) -> None:
    phone.goto(site_root_url + path)
    expect(phone.locator("h1")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    photo = phone.locator("img.content-photo")
    if photo.count():
        assert phone.evaluate("document.querySelector('img.content-photo').naturalWidth") > 0


# --- Examples left out, broken content --------------------------------------------


def test_examples_can_be_left_out(tmp_path: Path) -> None:
    site, result = _build(tmp_path, CONTENT, include_example_stories=False)
    assert result.returncode == 0, result.stderr
    assert not (site / "stories/ma-2019-test-bakery").exists()
    assert not (site / "assets/stories").exists()
    assert (site / "fr/stories/dz-2021-test-workshop/index.html").is_file()
    sheet = _html(site, "countries/ma/index.html")
    assert 'id="stories"' not in sheet
    assert '<a href="../../stories/">a test story</a>' in sheet  # the example's link
    assert "Illustrative example" not in _html(site, "stories/index.html")


def test_a_mistake_in_the_content_stops_the_build_before_anything_is_written(
    tmp_path: Path,
) -> None:
    site, result = _build(tmp_path, FIXTURES / "content" / "duplicate_key")
    assert result.returncode == 1
    assert (
        "tests/fixtures/content/duplicate_key/country_sheets/ma/sheet.yml:4: 'status' is "
        "written twice (first on line 2); keep only one of them\n"
        "1 mistake(s) in 1 file(s); nothing was published, the site stays as it was."
    ) in result.stderr
    assert not (site / "index.html").exists()
    assert not site.exists()


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    sheet = content / "country_sheets/ma/sheet.yml"
    sheet.write_text(sheet.read_text().replace("status: draft", "staus: draft"))
    story = content / "return_stories/ma-2019-test-bakery.yml"
    story.write_text(story.read_text().replace("year_of_return: 2019", "year_of_return: 1999"))
    _, errors = check_content(content)
    assert len(errors) >= 2
    site, result = _build(tmp_path, content)
    assert result.returncode == 1
    for error in errors:
        assert f"{error}\n" in result.stderr
    assert f"{len(errors)} mistake(s) in 2 file(s); nothing was published" in result.stderr
    assert not site.exists()


# --- Options and pages without a build --------------------------------------------


def test_default_options() -> None:
    assert build_options({}) == BuildOptions(ROOT, True, 12)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param({"include_example_stories": False}, BuildOptions(ROOT, False, 12), id="bool"),
        pytest.param({"include_example_stories": "false"}, BuildOptions(ROOT, False, 12), id="env"),
        pytest.param({"sheet_stale_after_months": 6}, BuildOptions(ROOT, True, 6), id="months"),
        pytest.param(
            {"content_root": "tests/fixtures/content_build"},
            BuildOptions(CONTENT, True, 12),
            id="content-root-relative-to-mkdocs-yml",
        ),
    ],
)
def test_options_from_mkdocs_yml(extra: dict, expected: BuildOptions) -> None:
    assert build_options(extra, ROOT) == expected


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param(
            {"include_example_stories": "no"},
            "extra.include_example_stories: expected true or false, got 'no'",
            id="examples-not-a-boolean",
        ),
        pytest.param(
            {"sheet_stale_after_months": "twelve"},
            "extra.sheet_stale_after_months: expected a number of months (1 or more), "
            "got 'twelve'; e.g. 12",
            id="months-not-a-number",
        ),
        pytest.param(
            {"sheet_stale_after_months": 0},
            "extra.sheet_stale_after_months: expected a number of months (1 or more), "
            "got 0; e.g. 12",
            id="months-zero",
        ),
        pytest.param(
            {"content_root": "no/such/folder"},
            f"extra.content_root: there is no folder {ROOT / 'no/such/folder'}",
            id="content-root-missing",
        ),
    ],
)
def test_wrong_options_say_what_to_write(extra: dict, message: str) -> None:
    with pytest.raises(OptionError) as error:
        build_options(extra, ROOT)
    assert str(error.value) == message


def test_pages_of_one_language() -> None:
    content = load_content(CONTENT)
    pages = language_pages(content, "nl", translations("nl"), SheetOptions(validation.today()))
    assert [path for path, _ in pages] == [
        "countries/index.md",
        "stories/index.md",
        "countries/dz.md",
        "countries/ma.md",
        "stories/dz-2021-test-workshop.md",
        "stories/ma-2019-test-bakery.md",
    ]


def test_photos_and_examples() -> None:
    content = load_content(CONTENT)
    assert photos(content) == [
        (
            "assets/stories/photos/ma-2019-test-bakery.png",
            CONTENT / "return_stories/photos/ma-2019-test-bakery.png",
        )
    ]
    without = select(content, BuildOptions(CONTENT, False, 12))
    assert list(without.stories) == ["dz-2021-test-workshop"]
    assert photos(without) == []


def test_the_stale_report_lists_each_old_sheet() -> None:
    content = load_content(CONTENT)
    assert stale_report(content, dt.date(2025, 6, 1), 12) == (
        "1 country sheet(s) last reviewed (drafts: with a newest source) more than 12 months ago "
        "(the pages say they may be out of date):\n  ma: draft, newest source 2020-02-01"
    )
    assert stale_report(content, dt.date(2025, 6, 1), 120) is None
