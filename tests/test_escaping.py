"""Templates escape by default: hostile values from data files, page titles and
translators' catalogs come out as text, in attributes, <title>, meta tags, the
header and the Markdown of generated pages (returnsite.escaping,
returnsite.markdown_pages)."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from babel.support import NullTranslations
from markupsafe import Markup
from mkdocs.config import load_config

from returnsite import ROOT
from returnsite.content import Story
from returnsite.escaping import autoescape_own, escaped, install_escaped_gettext, own_template_names
from returnsite.markdown_pages import MarkdownText, in_html, link_target, markdown_text
from returnsite.render_stories import stories_index, story_page

ATTRIBUTE_BREAK = '0800 327 45" autofocus onfocus="alert(1)'
TAG = "<img src=x onerror=alert(1)>"
LINK = "[Pays](javascript:alert(1))"
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc"]  # mkdocs.yml's


class Catalog(NullTranslations):
    """Translations from a dict, for tests."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.messages.get(singular if n == 1 else plural, singular if n == 1 else plural)


class Elements(HTMLParser):
    """Every tag with its attributes, and the text, of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}

    def attribute_names(self) -> set[str]:
        return {name for _, attrs in self.tags for name in attrs}

    def links(self) -> list[str]:
        return [attrs.get("href") or "" for tag, attrs in self.tags if tag == "a"]


def assert_inert(html: str) -> Elements:
    """No tag, event handler or script link came from a payload."""
    elements = Elements(html)
    assert "img" not in elements.names()
    assert not {name for name in elements.attribute_names() if name.startswith("on")}
    assert "autofocus" not in elements.attribute_names()
    assert not [link for link in elements.links() if link.strip().lower().startswith("javascript:")]
    return elements


# --- The templates of overrides/ in mkdocs' environment ------------------------------


def test_every_template_of_overrides_escapes_and_materials_do_not() -> None:
    autoescape = autoescape_own(own_template_names())
    for name in (
        "main.html",
        "partials/header.html",
        "partials/copyright.html",
        "markdown/sheet.html",
    ):
        assert autoescape(name), name
    for name in ("base.html", "partials/nav-item.html", "partials/javascripts/base.html"):
        assert not autoescape(name), name


@pytest.fixture(scope="module")
def theme():
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    env.autoescape = autoescape_own(own_template_names())
    env.add_extension("jinja2.ext.i18n")
    install_escaped_gettext(env, Catalog({"Menu": TAG, "Home": ATTRIBUTE_BREAK}))
    env.globals.update(
        language_prefix="fr/",
        phone=SimpleNamespace(national=ATTRIBUTE_BREAK, tel_uri="tel:+3280032745"),
        content_security_policy=lambda: "default-src 'self'",
        referrer_policy="no-referrer",
    )
    config.site_name = escaped(f"Retour {TAG}")
    return env, config


def _context(config, title: str, **more: object) -> dict[str, object]:
    page = SimpleNamespace(
        url="fr/faq/",
        title=escaped(title),
        meta={"title": escaped(title), "description": ATTRIBUTE_BREAK},
        canonical_url=None,
    )
    return {
        "config": config,
        "page": page,
        "nav": SimpleNamespace(homepage=SimpleNamespace(url="fr/")),
        "lang": SimpleNamespace(t=lambda key: key),
        "base_url": "../..",
        **more,
    }


def test_the_header_writes_a_hostile_phone_number_title_and_translation_as_text(theme) -> None:
    env, config = theme
    html = env.get_template("partials/header.html").render(_context(config, f"FAQ {TAG}"))
    elements = assert_inert(html)
    call = next(
        attrs for tag, attrs in elements.tags if attrs.get("class", "").endswith("header-phone")
    )
    assert call["aria-label"] == f"Call the free number {ATTRIBUTE_BREAK}"
    text = "".join(elements.text)
    assert f"FAQ {TAG}" in text  # the page's title, shown as written
    assert f"Retour {TAG}" in text  # the site's name
    assert TAG in text  # the translator's "Menu"
    logo = next(attrs for tag, attrs in elements.tags if attrs.get("data-md-component") == "logo")
    assert logo["aria-label"] == ATTRIBUTE_BREAK


def test_the_title_and_meta_tags_write_hostile_values_as_text(theme) -> None:
    env, config = theme
    template = env.get_template("main.html")
    context = template.new_context(_context(config, f"</title><script>alert(1)</script>{TAG}"))
    head = "".join(template.blocks["site_meta"](context)) + "".join(
        template.blocks["htmltitle"](context)
    )
    assert "<script>" not in head
    elements = assert_inert(head)
    meta = [attrs for tag, attrs in elements.tags if tag == "meta"]
    assert {"name": "description", "content": ATTRIBUTE_BREAK} in meta
    assert "http-equiv" not in {k for attrs in meta if attrs.get("name") for k in attrs}
    assert (
        "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;img src=x onerror=alert(1)&gt;"
        " - Retour &lt;img src=x onerror=alert(1)&gt;</title>"
    ) in head


def test_a_translation_is_text_and_fills_placeholders_with_escaped_values(theme) -> None:
    env, _ = theme
    template = env.from_string(
        "{{ _('Menu') }}|{{ _('Free phone line: %(number)s', number=phone.national) }}"
        "|{{ _('Made on %(date)s', date='<span id=\"d\"></span>' | safe) }}"
    )
    assert template.render() == (
        "&lt;img src=x onerror=alert(1)&gt;"
        "|Free phone line: 0800 327 45&#34; autofocus onfocus=&#34;alert(1)"
        '|Made on <span id="d"></span>'
    )


def test_an_escaped_value_is_written_once_by_both_kinds_of_templates() -> None:
    title = escaped("Q&A <b>")
    assert isinstance(title, Markup)
    assert str(title) == "Q&amp;A &lt;b&gt;"
    assert escaped(title) is title
    assert escaped(None) is None


# --- Markdown written by templates (overrides/markdown/) -----------------------------


def test_plain_text_in_markdown_is_shown_as_written() -> None:
    assert markdown_text(f"{LINK} {TAG} & *x*") == (
        "\\[Pays\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)\\> &amp; \\*x\\*"
    )
    assert MarkdownText.escape("Run by %(partner)s") % {"partner": LINK} == (
        "Run by \\[Pays\\](javascript:alert(1))"
    )
    assert MarkdownText("[[phone]]") + LINK == "[[phone]]\\[Pays\\](javascript:alert(1))"


def test_the_markdown_templates_escape_every_value_by_default() -> None:
    from returnsite.markdown_pages import environment

    template = environment().from_string('{{ x }}|{{ x|markdown }}|<b title="{{ x|html }}">')
    assert template.render(x=f'{LINK}"') == (
        '\\[Pays\\](javascript:alert(1))"|[Pays](javascript:alert(1))"'
        '|<b title="[Pays](javascript:alert(1))&#34;">'
    )


def test_text_for_raw_html_is_escaped_for_html_only() -> None:
    assert (
        in_html(markdown_text('Found: {n} "x" <b> a_b')) == "Found: {n} &#34;x&#34; &lt;b&gt; a_b"
    )
    assert in_html('a" onfocus="x') == "a&#34; onfocus=&#34;x"


def test_a_link_target_cannot_end_the_link() -> None:
    assert link_target("../stories/a b)(<x>/") == "../stories/a%20b%29%28%3Cx%3E/"


def _hostile_story(make_story) -> Story:
    story = make_story()
    english = story.data.texts["en"].model_copy(
        update={"title": f"T {TAG} [a](javascript:alert(1))"}
    )
    # Past the content validation, which refuses these: the templates must hold anyway.
    data = story.data.model_copy(
        update={"texts": {"en": english}, "partner": "P](javascript:alert(2)) [x"}
    )
    return Story(name=story.name, path=story.path, data=data)


HOSTILE_CATALOG = Catalog(
    {
        "Country:": LINK,
        "Illustrative example": TAG,
        "Country": '"><img src=x onerror=alert(4)>',
        "Stories found: %(count)s": '%(count)s" onmouseover="alert(5)',
    }
)


def test_a_story_page_with_hostile_texts_holds_no_payload() -> None:
    from test_render_stories import make_story

    page = story_page(_hostile_story(make_story), "fr", HOSTILE_CATALOG)
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    elements = assert_inert(html)
    text = "".join(elements.text)
    assert f"T {TAG} [a](javascript:alert(1))" in text
    assert LINK in text
    assert "P](javascript:alert(2)) [x" in text


def test_the_stories_index_with_hostile_texts_holds_no_payload() -> None:
    from test_render_stories import make_story

    page = stories_index([_hostile_story(make_story)], "fr", HOSTILE_CATALOG)
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    elements = assert_inert(html)
    status = next(attrs for tag, attrs in elements.tags if "data-filter-status" in attrs)
    assert status["data-count"] == '{n}" onmouseover="alert(5)'
    label = "".join(elements.text)
    assert '"><img src=x onerror=alert(4)>' in label


def test_the_home_page_title_hook_makes_the_title_escaped_markup() -> None:
    import escaping_hook

    page = SimpleNamespace(meta={}, title=f"A {TAG}")
    escaping_hook.on_page_content("", page, None, None)
    assert page.meta["title"] == "A &lt;img src=x onerror=alert(1)&gt;"
    assert isinstance(page.meta["title"], Markup)


@pytest.fixture(autouse=True)
def _tests_and_hooks_importable(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))


# --- The contact and desk pages (returnsite.contact_pages) ------------------------------


def test_the_contact_and_desk_pages_with_hostile_names_and_texts_hold_no_payload(
    monkeypatch,
) -> None:
    from returnsite import contact_pages
    from returnsite.contact import load_phone, replace_placeholders
    from returnsite.desks import load_contact_data

    data = load_contact_data()
    slug, desk = next(iter(data.desks.items()))
    hostile = desk.model_copy(update={"names": {"fr": "Gand](javascript:alert(1)) [x"}})
    data = dataclasses.replace(data, desks={slug: hostile})
    catalog = Catalog({"Return desks": TAG, "Your social worker:": LINK, "Source:": TAG})
    monkeypatch.setattr(contact_pages, "translations", lambda code: catalog)
    for page in (
        contact_pages.contact_page(data, "fr"),
        contact_pages.desk_page(slug, hostile, data, "fr"),
    ):
        body = replace_placeholders(page.split("---\n", 2)[2], load_phone())
        html = markdown.markdown(body, extensions=EXTENSIONS)
        text = "".join(assert_inert(html).text)
        assert "Gand](javascript:alert(1)) [x" in text
    assert TAG in text  # the translator's "Source:"


def test_a_translated_search_title_cannot_add_keys_to_the_front_matter() -> None:
    import yaml

    from returnsite.search import search_page

    page = search_page(Catalog({"Search": 'Recherche"\ntemplate: main.html'}))
    assert yaml.safe_load(page.split("---\n")[1]) == {
        "title": 'Recherche"\ntemplate: main.html',
        "template": "search.html",
        "search": {"exclude": True},
    }
