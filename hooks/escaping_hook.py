"""Templates escape by default (returnsite.escaping): autoescape for the
templates of overrides/, and page titles escaped for Material's templates,
which print them as they are (header, navigation, footer links)."""

from __future__ import annotations

from returnsite.escaping import autoescape_own, escaped, own_template_names


def on_env(env, config, files):
    env.autoescape = autoescape_own(own_template_names())
    return env


def on_page_content(html, page, config, files):
    # The title is known once the page's Markdown is rendered (a first heading);
    # every page's is set before any template is rendered (navigation links).
    page.meta["title"] = escaped(page.title)
    return html
