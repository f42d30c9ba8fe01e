"""Languages: gettext in templates, lang and dir on <html>, switcher links, notices.

mkdocs-static-i18n builds every language in turn and re-runs these events for
each; the language being built is ``config.theme["language"]``.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from returnsite.contact import load_phone
from returnsite.escaping import escaped, install_escaped_gettext
from returnsite.i18n import translations
from returnsite.languages import (
    alternate_links,
    default_language,
    language,
    load_languages,
    page_path,
    set_html_dir,
)
from returnsite.notices import page_notices
from returnsite.translation_status import is_outdated_translation
from returnsite.validation import ContentErrors

_site_name: dict[str, str] = {}  # mkdocs.yml's (English) site_name, kept for every build


@event_priority(-150)  # after mkdocs-static-i18n has chosen the language to build
def on_config(config):
    code = config.theme["language"]
    i18n = config.plugins["i18n"]
    # The site's name in the reader's language: page titles, the menu's heading.
    if not i18n.building:
        _site_name["en"] = config.site_name
        # on_page_context below writes every page's language switcher links;
        # the plugin's own, made first for every page, would be thrown away.
        i18n.reconfigure_page_context = _unchanged_context
    # Escaped here: Material's templates print it as it is (returnsite.escaping).
    # (Through a name: the catalogs' extractor would take "en" for a message.)
    english_name = _site_name["en"]
    config.site_name = escaped(translations(code).gettext(english_name))
    # Every language build would write its own 404.html to the site root, the
    # last one winning; the root 404 page is the default language's.
    if language(code).default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config


def on_env(env, config, files):
    code = config.theme["language"]
    env.add_extension("jinja2.ext.i18n")
    install_escaped_gettext(env, translations(code))  # a msgstr is text, not markup
    # Globals, so that theme templates without a page (404.html) have them too.
    env.globals["language_prefix"] = language(code).prefix
    try:
        env.globals["phone"] = load_phone()
        env.globals["site_languages"] = load_languages()
    except ContentErrors as error:
        raise PluginError(
            f"{error}\n{len(error.errors)} mistake(s) in the data files; nothing was published"
        ) from None
    env.filters["neutral_path"] = lambda url: page_path(url, code)
    return env


def _unchanged_context(context, page, config, nav):
    return context


@event_priority(-50)  # after mkdocs-static-i18n has set up the page's context
def on_page_context(context, page, config, nav):
    code = config.theme["language"]
    # mkdocs-static-i18n sets extra.alternate as an *attribute* on home pages,
    # which Jinja reads before the key: set both, so our links win everywhere.
    config.extra["alternate"] = config.extra.alternate = alternate_links(page.url, code)
    text_language = page.meta.get("text_language") or getattr(page.file, "locale", code)
    if text_language == code and is_outdated_translation(page.file, config.docs_dir, code):
        page.meta["source_newer"] = True
    context["text_language"] = text_language
    context["english_url"] = default_language().prefix + page_path(page.url, code)
    context["page_notices"] = page_notices(code, text_language, page.meta)
    return context


def on_post_page(output, page, config):
    return set_html_dir(output, language(config.theme["language"]))


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):  # 404.html
        return set_html_dir(output_content, language(config.theme["language"]))
    return output_content
