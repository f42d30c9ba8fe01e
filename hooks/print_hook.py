"""Printing: each page's own address, a QR code of it and link targets, for print.css.

``overrides/partials/print-footer.html`` shows the free number, the address
and the QR code on paper only. Addresses need ``site_url``; without it the
footer prints the address the browser shows and no QR code.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from returnsite.printing import link_targets, page_address
from returnsite.qr import qr_svg

log = get_plugin_logger("print")


def on_config(config):
    if not config.site_url and not config.plugins["i18n"].building:
        log.info(
            "site_url is not set: printed pages show no QR code and links to other pages "
            "print no address. Set SITE_URL to the site's public address for a deploy."
        )


def on_env(env, config, files):
    env.globals["qr_svg"] = qr_svg
    return env


def on_page_content(html, page, config, files):
    return link_targets(html, page_address(config.site_url, page.url))


def on_page_context(context, page, config, nav):
    context["print_address"] = page_address(config.site_url, page.url)
    return context
