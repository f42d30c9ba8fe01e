"""The Content-Security-Policy and referrer policy of every page.

Scripts run only from the site's own files, plus the inline scripts that
templates write: Material's (``partials/javascripts/base.html``, which sets
up its storage scope, and ``content.html``) and ours
(``overrides/partials/javascripts/``). Their hashes come from rendering those
partials, never from reading a page: an inline script in a page's content
has no hash and does not run. Pagefind's search runs WebAssembly, which needs
``'wasm-unsafe-eval'`` (WebAssembly only, not JavaScript's ``eval``).

The referrer policy is ``no-referrer``: a partner's website or a map opened
from a page does not learn that its reader came from a page about return.

``mkdocs serve`` writes no policy: its live reload is an inline script that
changes with every request (the preview is local; the built site has the policy).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment

# The partials that write inline scripts, as Jinja names them (Material's and ours).
SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/content.html",
    "partials/javascripts/print-address.html",
    "partials/javascripts/estimator.html",
)

REFERRER_POLICY = "no-referrer"

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.DOTALL)
_INLINE_STYLE = re.compile(r"<style[^>]*>(?P<code>.*?)</style>", re.DOTALL)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_SRC = re.compile(r"\bsrc=")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)


_serving = False  # module state outlives the hook modules, which serve reloads


def set_serving(serving: bool) -> None:
    """``mkdocs serve`` (True) or a build (False): see the module's notes."""
    global _serving
    _serving = serving


def serving() -> bool:
    return _serving


def source_hash(code: str) -> str:
    """The CSP source for an inline script or style element with this text."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The code of the inline scripts that run in ``html`` (not JSON data, not ``src=``)."""
    return [
        match["code"]
        for match in _INLINE_SCRIPT.finditer(html)
        if not _SRC.search(match["attrs"]) and not _DATA_TYPE.search(match["attrs"])
    ]


def policy(script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The policy: the site's own files only, and the inline code of these hashes."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])
    styles = " ".join(["'self'", *sorted(set(style_hashes))])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            f"style-src {styles}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def template_script_hashes(env: Environment, context: Mapping[str, Any]) -> list[str]:
    """The hashes of the inline scripts that :data:`SCRIPT_PARTIALS` write in ``context``."""
    hashes = []
    for name in SCRIPT_PARTIALS:
        html = env.get_template(name).render(context)
        hashes += [source_hash(code) for code in inline_scripts(html)]
    return hashes


def meta_tags(content_policy: str) -> str:
    return (
        f'<meta http-equiv="Content-Security-Policy" content="{content_policy}">'
        f'<meta name="referrer" content="{REFERRER_POLICY}">'
    )


def with_policy(html: str) -> str:
    """A page made outside Material (a leaflet, the translation status) with its policy.

    Such a page has no script; its styles are the ``<style>`` elements of its
    template's ``<head>``, allowed by their hashes. The tags go right after
    ``<meta charset>``.
    """
    if _serving:
        return html
    head = html.split("</head>", 1)[0]
    styles = [source_hash(match["code"]) for match in _INLINE_STYLE.finditer(head)]
    tags = meta_tags(policy(style_hashes=styles))
    found = _CHARSET.search(html)
    if found is None:
        raise ValueError("a page without <meta charset=utf-8>: the policy has no place")
    return html[: found.end()] + tags + html[found.end() :]
