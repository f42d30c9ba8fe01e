import random
import re

import pytest

from returnsite.content import ContentLink, find_links, rewrite_links
from returnsite.content.links import LinkTargets, link_problems

TARGETS = LinkTargets(
    sheets=frozenset({"ma", "iq"}),
    stories=frozenset({"ma-2019-bakery"}),
    sections=("overview", "health"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("See [Morocco](sheet:ma).", [("sheet", "ma", None)], id="inline"),
        pytest.param("[care](sheet:ma#health)", [("sheet", "ma", "health")], id="anchor"),
        pytest.param(
            "[a story]( <story:ma-2019-bakery> )", [("story", "ma-2019-bakery", None)], id="angle"
        ),
        pytest.param("Read [it][m].\n\n[m]: sheet:iq\n", [("sheet", "iq", None)], id="reference"),
        pytest.param(
            "Two: [a](sheet:ma) [b](story:x)",
            [("sheet", "ma", None), ("story", "x", None)],
            id="two",
        ),
        pytest.param("The word sheet:ma in plain text", [], id="plain-text"),
        pytest.param("[site](https://example.org/sheet:ma)", [], id="web-address"),
    ],
)
def test_find_links(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(link.kind, link.target, link.anchor) for link in find_links(text)] == expected


# What find_links finds, as one regular expression (too slow for the build).
LINK = re.compile(
    r"(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?)"
    r"(?P<link>(?P<kind>sheet|story):(?P<target>[^\s)>#]*)(?:#(?P<anchor>[^\s)>]*))?)",
    re.MULTILINE,
)
PIECES = ["](", "[", "]", "(", ")", ":", "<", ">", "#", " ", "\t", "\n", "sheet:", "story:"]
PIECES += ["ma", "x", "[id]: ", "](sheet:", "]( <story:", "\u00a0", "health"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


def test_find_links_finds_what_the_regular_expression_finds() -> None:
    rng = random.Random(8)
    texts = [_random_text(rng) for _ in range(20000)]
    texts += ["[a](sheet:ma](sheet:iq)", "[a](<<sheet:ma>)", "[x sheet:a]: sheet:b", "](\nsheet:ma"]
    for text in texts:
        expected = [
            (m["kind"], m["target"], m["anchor"], m.start("link"), m.end("link"))
            for m in LINK.finditer(text)
        ]
        found = [(k.kind, k.target, k.anchor, k.start, k.end) for k in find_links(text)]
        assert found == expected, text


def test_link_offsets_cover_what_was_written() -> None:
    text = "See [care](sheet:ma#health)."
    (link,) = find_links(text)
    assert link == ContentLink("sheet", "ma", "health", 11, 26)
    assert text[link.start : link.end] == link.written == "sheet:ma#health"


def test_rewrite_links_replaces_only_the_destination() -> None:
    text = "See [Morocco](sheet:ma#health) and [a story](story:ma-2019-bakery)."

    def url(link: ContentLink) -> str:
        anchor = f"#{link.anchor}" if link.anchor else ""
        return f"../{'countries' if link.kind == 'sheet' else 'stories'}/{link.target}/{anchor}"

    assert rewrite_links(text, url) == (
        "See [Morocco](../countries/ma/#health) and [a story](../stories/ma-2019-bakery/)."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[x](sheet:ma) [y](story:ma-2019-bakery)", [], id="valid"),
        pytest.param(
            "[x](sheet:mx)",
            [
                (
                    4,
                    "link to sheet:mx: there is no country sheet 'mx'; "
                    "write the code of an existing sheet in country_sheets/, e.g. sheet:ma",
                )
            ],
            id="missing-sheet",
        ),
        pytest.param(
            "[x](sheet:ma#contacts)",
            [
                (
                    4,
                    "link to sheet:ma#contacts: a sheet has no section 'contacts'; "
                    "use one of: overview, health",
                )
            ],
            id="missing-section",
        ),
        pytest.param(
            "[x](story:ma-2019-bakery#end)",
            [
                (
                    4,
                    "link to story:ma-2019-bakery#end: links to a story cannot point to a part "
                    "of it; remove '#end'",
                )
            ],
            id="story-anchor",
        ),
        pytest.param(
            "[x](story:)",
            [
                (
                    4,
                    "link to story:: there is no story ''; write the name of a file in "
                    "return_stories/ without '.yml'",
                )
            ],
            id="empty-story",
        ),
    ],
)
def test_link_problems(text: str, expected: list[tuple[int, str]]) -> None:
    assert link_problems(text, TARGETS) == expected
