"""Contact data in pages: ``[[phone]]`` placeholders become tap-to-call links."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from returnsite.contact import load_phone, replace_placeholders, unknown_placeholders


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
    return replace_placeholders(markdown, load_phone())
