"""What editors and translators may write in Markdown, declared once.

Two layers use this one policy:

- :func:`markdown_problems` tells an editor, with the character where it is,
  every part of a text that the site refuses: a link or image target of
  another kind than a web address, an e-mail, a phone number or a page of this
  site; an attribute list ``{ ... }`` setting anything but classes and ids; raw
  HTML (none in YAML texts and catalogs, :data:`PAGE_HTML` in programme
  pages); invisible characters (:mod:`returnsite.characters`). Validation
  (``Text`` and ``Markdown`` fields) and the page check report these.
- :class:`PolicyExtension` (``returnsite.markdown_policy`` in mkdocs.yml's
  ``markdown_extensions``) removes from the rendered HTML whatever the policy
  refuses, so that no payload reaches a reader even if a check missed it:
  event handlers, ``style``, URLs of other schemes, tags off the list.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from returnsite import ROOT
from returnsite.characters import forbidden_characters

# --- The policy ----------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Link and image targets: these schemes, or a relative path or #anchor.
# ``sheet:`` and ``story:`` are the site's own links (returnsite.content.links).
LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel", "sheet", "story"})

# What an attribute list ``{ .name #name }`` may set, and the form of its values.
ATTR_LIST_KEYS = frozenset({"class", "id"})
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

# Raw HTML tags that programme pages (docs/<lang>/*.md) may contain: none is
# used today. YAML texts and catalogs allow no HTML at all. An allowed tag
# takes the same attributes as an attribute list (class and id).
PAGE_HTML: frozenset[str] = frozenset()

# What the rendered HTML may contain: the tags and attributes of the pages the
# build writes itself (overrides/markdown/, the contact and brochure pages)
# and of Markdown. Anything else is removed at render time.
RENDER_TAGS = _words(
    "a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup "
    "dd del details dfn div dl dt em fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li main mark nav ol "
    "optgroup option output p pre q s samp section select small span strong sub summary "
    "sup table tbody td tfoot th thead time tr u ul var wbr"
)
RENDER_ATTRIBUTES = _words(
    "alt autocomplete cite class colspan datetime dir disabled enterkeyhint for headers "
    "height hidden href hreflang id inputmode label lang loading max min multiple name open "
    "placeholder rel required reversed role rowspan scope selected span src start step "
    "title translate type value width"
)
_FREE_PREFIXES = ("aria-", "data-")  # no browser runs them
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})

_LINK_HINT = (
    "link to a web address (https://...), an e-mail (mailto:), a phone number (tel:) "
    "or a page of this site"
)
HTML_HINT = (
    "write plain text or Markdown instead, e.g. **bold** or [link text](https://example.org)"
)


# --- Checks for editors ----------------------------------------------------------------


class Target(NamedTuple):
    """A link or image target written in a text."""

    offset: int  # of its first character
    written: str  # without <>, title or surrounding spaces
    image: bool


def markdown_problems(text: str, *, html: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """``(offset, message)`` for every part of ``text`` that the policy refuses,
    in text order; ``html`` names the raw HTML tags allowed (lower case)."""
    problems = [(found.offset, found.message) for found in forbidden_characters(text)]
    targets = link_targets(text)
    bracketed = {t.offset - 1 for t in targets if t.offset and text[t.offset - 1] == "<"}
    tag_problems, markup = _tag_problems(text, html, bracketed)
    problems += tag_problems
    for target in targets:
        problem = target_problem(target.written, image=target.image)
        if problem:
            problems.append((target.offset, problem))
    attr_problems, attr_lists = _attr_list_problems(text)
    problems += attr_problems
    problems += _attribute_breakouts(text, markup + attr_lists)
    if not problems and _render_removes(text):  # a way around the checks above
        problems.append((0, f"contains markup that the site does not allow; {HTML_HINT}"))
    return sorted(set(problems))


def target_problem(target: str, *, image: bool = False) -> str | None:
    """Why a link (or image) target is refused, or None."""
    plain = plain_url(target)
    scheme = _SCHEME.match(plain)
    shown = _shorten(target)
    what = "image source" if image else "link target"
    if plain.startswith(("//", "/\\", "\\")) or (scheme and scheme[1] not in LINK_SCHEMES):
        return f"{what} '{shown}' is not allowed; {_LINK_HINT}"
    if plain.startswith("/"):
        return (
            f"{what} '{shown}' starts with '/', which breaks when the site is not at the "
            "root of its address; write a relative link, e.g. ../contact/ or contact.md"
        )
    return None


def plain_url(target: str) -> str:
    """A URL as a browser reads its scheme: entities decoded, whitespace,
    controls removed, backslashes read as '/' (as browsers do), lower case."""
    text = target
    for _ in range(3):  # nested entities (&amp;#106;) are read once; refuse them anyway
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return _HIDING.sub("", text.replace("\\", "/")).lower()


def link_targets(text: str) -> list[Target]:
    """Every inline link/image target ``](...)`` and reference definition
    ``[name]: ...`` in ``text``."""
    targets = [target for target in _inline_targets(text)]
    for match in _REFERENCE.finditer(text):
        start = match.start("target")
        written = match["target"]
        if written.startswith("<") and written.endswith(">"):
            written, start = written[1:-1], start + 1
        targets.append(Target(start, written, image=False))
    return sorted(targets)


_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_HIDING = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+")
_REFERENCE = re.compile(
    r"^[ \t>]*(?:(?:[*+-]|\d+[.)])[ \t]+[ \t>]*)*\[[^\[\]\n]*\]:[ \t]*(?:\n[ \t>]*)?"
    r"(?P<target><[^>\n]*>|[^\s]+)",
    re.MULTILINE,
)
_TITLE = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^()]*\))\s*$""")


def _inline_targets(text: str) -> Iterator[Target]:
    position = text.find("](")
    while position != -1:
        start = position + 2
        end = _closing_paren(text, start)
        inner = text[start:end]
        written = _TITLE.sub("", inner).strip()
        offset = start + (len(inner) - len(inner.lstrip()))
        if written.startswith("<") and ">" in written:
            written = written[1 : written.index(">")]
            offset += 1
        yield Target(offset, written, image=_is_image(text, position))
        # From the target's start: a link inside an unclosed one is a link too.
        position = text.find("](", start)


def _closing_paren(text: str, start: int) -> int:
    """Where the target starting at ``start`` ends: its ``)``, a blank line, or
    2,000 characters on (no real address is longer)."""
    depth = 0
    index = start
    stop = min(len(text), start + 2000)
    while index < stop:
        char = text[index]
        if char == "\\":
            index += 1  # an escaped character
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        elif char == "\n" and text.startswith("\n", index + 1):
            return index  # a blank line ends the paragraph
        index += 1
    return stop


def _is_image(text: str, close: int) -> bool:
    """Whether the ``]`` at ``close`` ends ``![...``."""
    depth = 0
    for index in range(close - 1, max(close - 1000, 0) - 1, -1):  # link texts are short
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return index > 0 and text[index - 1] == "!"
            depth -= 1
    return False


# A raw tag, comment, declaration or processing instruction, as Python-Markdown
# (and a browser) may read it; and Markdown's autolinks.
_TAG_START = re.compile(r"<(?=[!?/A-Za-z])")
_TAG_NAME = re.compile(r"/?([A-Za-z][^\s/<>]*)")
_WEB_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*)>")
_MAIL_AUTOLINK = re.compile(r"<[^<> !]+@[^@<> ]+>")
_SCHEME_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_TAG_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def _tag_problems(
    text: str, allowed: frozenset[str], skip: set[int]
) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Problems of raw tags, and the spans of the allowed ones."""
    problems = []
    spans = []
    reported = set()  # names of refused tags: their closing tags need no message
    for match in _TAG_START.finditer(text):
        start = match.start()
        if start in skip:  # <...> around a link target: checked as one
            continue
        web = _WEB_AUTOLINK.match(text, start)
        if web or _MAIL_AUTOLINK.match(text, start):
            if web and (problem := target_problem(web[1])):
                problems.append((start + 1, problem))
            continue
        autolink = _SCHEME_AUTOLINK.match(text, start)
        if autolink:
            target = autolink[1]
            problem = target_problem(target)
            if problem is None:
                problem = f"'<{_shorten(target)}>' is not a link; write it as [text]({target})"
            problems.append((start + 1, problem))
            continue
        name = _TAG_NAME.match(text, start + 1)
        if name and name[1].lower() in allowed:
            problems += _allowed_tag_problems(text, start, name)
            end = text.find(">", start)
            spans.append((start, len(text) if end == -1 else end))
            continue
        if name and name[0].startswith("/") and name[1].lower() in reported:
            continue
        if name:
            reported.add(name[1].lower())
        problems.append((start, f"contains HTML ({_shown_tag(text, start)}); {HTML_HINT}"))
    return problems, spans


def _shown_tag(text: str, start: int) -> str:
    if text.startswith("<!--", start):
        end = text.find("-->", start)
        if end != -1 and end - start < 60:
            return text[start : end + 3]
    end = text.find(">", start)
    if 0 <= end - start < 40:
        return text[start : end + 1]
    return _TAG_NAME.match(text, start + 1) and "<" + _TAG_NAME.match(text, start + 1)[0] or "<"


def _allowed_tag_problems(text: str, start: int, name: re.Match[str]) -> list[tuple[int, str]]:
    end = text.find(">", start)
    end = len(text) if end == -1 else end
    problems = []
    for attribute in _TAG_ATTRIBUTE.finditer(text, name.end(), end):
        key = attribute[1].lower()
        value = (attribute[2] or "").strip("\"'")
        problem = _attribute_problem(key, value, f"<{name[1]}>")
        if problem:
            problems.append((attribute.start(), problem))
    return problems


# Python-Markdown's attr_list: ``{: ... }`` or ``{ ... }`` after a block or an
# inline element, read with the same tokens as its scanner.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n \t][^{}\n]*?)[ \t]*\}")
_ATTR_TOKEN = re.compile(
    r"""(?P<key>[^ =}]+)=(?:"(?P<dq>.*?)"|'(?P<sq>.*?)'|(?P<bare>[^ =}]+))|(?P<word>[^ =}]+)"""
)


def _attr_list_problems(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Problems of attribute lists, and their spans."""
    problems = []
    spans = []
    for match in _ATTR_LIST.finditer(text):
        spans.append(match.span())
        for token in _ATTR_TOKEN.finditer(text, match.start(1), match.end(1)):
            word = token["word"]
            if word is not None:
                if word[0] in ".#" and _NAME.fullmatch(word[1:]):
                    continue
                if word[0] in ".#":
                    kind = "class" if word[0] == "." else "id"
                    problems.append((token.start(), _bad_name(kind, word[1:], "{ }")))
                else:
                    problems.append((token.start(), _not_allowed(word, "{ }")))
                continue
            value = next(v for v in (token["dq"], token["sq"], token["bare"]) if v is not None)
            problem = _attribute_problem(token["key"].lower(), value, "{ }")
            if problem:
                problems.append((token.start(), problem))
    return problems, spans


def _attribute_problem(key: str, value: str, where: str) -> str | None:
    if key not in ATTR_LIST_KEYS:
        return _not_allowed(key, where)
    names = value.split() if key == "class" else [value]
    for name in names or [""]:
        if not _NAME.fullmatch(name):
            return _bad_name(key, value, where)
    return None


def _not_allowed(key: str, where: str) -> str:
    return (
        f"attribute '{_shorten(key)}' in {where} is not allowed; "
        "only classes (.name) and ids (#name) may be set"
    )


def _bad_name(kind: str, value: str, where: str) -> str:
    return (
        f"{kind} '{_shorten(value)}' in {where} is not allowed; "
        "write a name of letters, digits, '-' and '_', starting with a letter"
    )


# Text that closes a quoted HTML attribute and opens others: '" autofocus
# onfocus=', the start of an injection into a tag (a title, a description).
_BREAKOUT = re.compile(r"""["'](?:[^\n<>"']*?\s)?[A-Za-z][\w:.-]*[ \t]*=""")


def _attribute_breakouts(text: str, markup: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Breakouts outside ``markup`` (attribute lists and allowed tags, where
    quoted attributes are the syntax)."""
    return [
        (
            match.start(),
            f"contains text that reads as HTML attributes ({_shorten(match.group())}); "
            "write the text without '=' after a quotation mark",
        )
        for match in _BREAKOUT.finditer(text)
        if not any(start <= match.start() < end for start, end in markup)
    ]


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


# --- Render time: defence in depth ---------------------------------------------------


def safe_url(value: str) -> bool:
    """Whether a rendered ``href``/``src`` may stay (relative, or an allowed scheme)."""
    scheme = _SCHEME.match(plain_url(value))
    return scheme is None or scheme[1] in LINK_SCHEMES


def safe_attribute(name: str, value: str | None) -> bool:
    name = name.lower()
    if not (name in RENDER_ATTRIBUTES or name.startswith(_FREE_PREFIXES)):
        return False
    if not re.fullmatch(r"[a-z][a-z0-9_.-]*", name):
        return False
    return name not in URL_ATTRIBUTES or safe_url(value or "")


def clean_element(root: etree.Element) -> None:
    """Remove from an element tree the tags and attributes the policy refuses."""
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction
            element.text = ""
            continue
        if element.tag.lower() not in RENDER_TAGS:
            element.tag = "span"
            element.attrib.clear()
            continue
        for name, value in list(element.attrib.items()):
            if not safe_attribute(name, value):
                del element.attrib[name]


def clean_html(fragment: str) -> str:
    """A fragment of raw HTML rebuilt from its allowed tags and attributes;
    other tags become visible text, comments and declarations are dropped."""
    cleaner = _Cleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return "".join(cleaner.out)


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, " /")

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        if tag not in RENDER_TAGS:
            self.out.append(html.escape(self.get_starttag_text() or f"<{tag}>"))
            return
        kept = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in attrs
            if safe_attribute(name, value)
        )
        self.out.append(f"<{tag}{kept}{close}>")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>" if tag in RENDER_TAGS else html.escape(f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    # Comments, <!...> and <?...> are dropped: handle_comment, handle_decl,
    # handle_pi and unknown_decl do nothing by default.


class _CleanTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        clean_element(root)


class _CleanStash(Postprocessor):
    """Clean the raw HTML that Python-Markdown kept aside, before it is put back."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if isinstance(block, str):
                blocks[index] = clean_html(block)
            else:
                clean_element(block)
        return text


class PolicyExtension(Extension):
    """Removes from rendered pages what :func:`markdown_problems` refuses."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Last of all tree processors (attr_list is 8, toc 5, unescape 0), and
        # before raw_html (30) puts the stashed HTML back.
        md.treeprocessors.register(_CleanTree(md), "returnsite_policy", -100)
        md.postprocessors.register(_CleanStash(md), "returnsite_policy", 35)


@cache
def site_markdown(config: Path | None = None, *, policy: bool = True) -> Markdown:
    """A Markdown converter with the extensions of mkdocs.yml (``policy=False``:
    without this one)."""
    from mkdocs.utils.yaml import yaml_load  # reads !ENV; only needed here

    with open(config or ROOT / "mkdocs.yml", encoding="utf-8") as file:
        extensions = yaml_load(file)["markdown_extensions"]
    names, configs = [], {}
    for entry in extensions:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            configs[name] = options or {}
        else:
            name = entry
        if policy or name != __name__:
            names.append(name)
    return Markdown(extensions=names, extension_configs=configs)


def _render_removes(text: str) -> bool:
    """Whether rendering ``text`` with the policy gives other HTML than without it."""
    if not any(char in text for char in "<&[{:"):
        return False  # nothing that could be markup
    outputs = []
    for policy in (False, True):
        markdown = site_markdown(policy=policy)
        markdown.reset()
        try:
            outputs.append(markdown.convert(text))
        except RecursionError:  # nested too deeply for Python-Markdown: the build would fail
            return True
    return outputs[0] != outputs[1]


def makeExtension(**kwargs: object) -> PolicyExtension:  # noqa: N802
    return PolicyExtension(**kwargs)
