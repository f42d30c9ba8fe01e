"""Contact: ``[[phone]]`` placeholders, the contact and desk pages, their vCards,
and the free line's hours for the footer, in the language being built."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from returnsite.contact import load_phone, replace_placeholders, unknown_placeholders
from returnsite.contact_pages import contact_files, footer_context
from returnsite.desks import ContactData, load_contact_data
from returnsite.generated_pages import add_pages
from returnsite.validation import ContentErrors


@event_priority(-200)  # after mkdocs-static-i18n, see returnsite.generated_pages
def on_files(files, config):
    code = config.theme["language"]
    add_pages(files, config, code, contact_files(_contact_data(), code, config.site_url))
    return files


def on_env(env, config, files):
    data = _contact_data()
    env.globals.update(footer_context(data, config.theme["language"]))
    return env


def on_page_markdown(markdown, page, config, files):
    if unknown_placeholders(markdown):
        # Report lines of the file itself, front matter included.
        unknown = unknown_placeholders(page.file.content_string)
        path = page.file.src_uri
        raise PluginError(
            "\n".join(
                f"docs/{path}:{line}: unknown placeholder [[{name}]]; write [[phone]]"
                for line, name in unknown
            )
        )
    try:
        phone = load_phone()
    except ContentErrors as error:
        raise PluginError(
            f"{error}\n{len(error.errors)} mistake(s) in the contact data; nothing was published"
        ) from None
    return replace_placeholders(markdown, phone)


def _contact_data() -> ContactData:
    try:
        return load_contact_data()
    except ContentErrors as error:
        count = len(error.errors)
        raise PluginError(
            f"{error}\n{count} mistake(s) in the contact data; nothing was published"
        ) from None
