"""What a printed page adds to its text: its own address and where each link goes.

The address needs ``site_url`` (mkdocs.yml, from ``SITE_URL``): without it a
build cannot know where the site will live, so printed pages show no QR code
and links to other pages of the site print no address (see print_hook.py).
The same goes for an address of this computer, which ``mkdocs serve`` sets:
a phone cannot open it, and a QR code per page made a preview slower.
"""

from __future__ import annotations

import html
import ipaddress
import re
from urllib.parse import urljoin, urlsplit

_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.S)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_TAG = re.compile(r"<[^>]+>")
# Links whose target is not worth printing: the number or the place is the text.
_SKIPPED_SCHEMES = ("tel", "sms", "geo", "javascript", "data")


def page_address(site_url: str | None, page_url: str) -> str | None:
    """The public address of a page (``page.url``, e.g. ``fr/faq/``), or None without site_url."""
    if not site_url or _on_this_computer(site_url):
        return None
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def _on_this_computer(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def link_target(href: str, page: str | None) -> str | None:
    """The address a printed link shows after its text, or None when there is nothing to add.

    *page* is the page's own public address (None when unknown): links to other
    pages of the site are printed as full addresses only when it is known.
    """
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme in _SKIPPED_SCHEMES:
        return None
    if scheme == "mailto":
        return href[len("mailto:") :].split("?")[0] or None
    if scheme in ("http", "https"):
        return href
    if scheme or page is None:
        return None
    return urljoin(page, href)


def link_targets(content: str, page: str | None) -> str:
    """Give every link of a page's HTML a ``data-print-url`` (print.css shows it after the link).

    Links whose text already shows the address are left alone.
    """

    def mark(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        href = _HREF.search(attrs)
        if not href or "data-print-url" in attrs:
            return match.group(0)
        target = link_target(html.unescape(href.group("href")), page)
        if target is None or _shows(target, match.group("text")):
            return match.group(0)
        return f'<a{attrs} data-print-url="{html.escape(target)}">{match.group("text")}</a>'

    return _LINK.sub(mark, content)


def _shows(target: str, text_html: str) -> bool:
    text = html.unescape(_TAG.sub("", text_html)).strip().lower()
    bare = re.sub(r"^[a-z]+://", "", target.lower()).rstrip("/")
    return bool(text) and bare in text
