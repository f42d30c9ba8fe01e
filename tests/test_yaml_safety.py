"""YAML safety: no anchors or aliases, no invisible characters, no odd indentation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from returnsite import yaml_source
from returnsite.validation import load_model
from returnsite.yaml_source import ALIASES, YamlProblem, YamlSourceError, parse_yaml

RLO = (
    "contains the invisible character RIGHT-TO-LEFT OVERRIDE (U+202E), which can change "
    "how the text reads (a reversed phone number, hidden words); delete it, and for "
    "right-to-left text rely on the page's direction"
)
ZWSP = RLO.replace("RIGHT-TO-LEFT OVERRIDE (U+202E)", "ZERO WIDTH SPACE (U+200B)")


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test with the C loader and with the pure-Python fallback."""
    if request.param == "python":
        monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)


def _problems(text: str) -> list[YamlProblem]:
    with pytest.raises(YamlSourceError) as raised:
        parse_yaml(text)
    return raised.value.problems


# --- Anchors and aliases ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param("a: &x hello\nb: *x\n", [1, 2], id="anchor-and-alias"),
        pytest.param("base: &b\n  x: 1\nc:\n  <<: *b\n  y: 2\n", [1, 4], id="merge-key"),
        pytest.param("a: &x [*x]\n", [1], id="recursive-alias"),
        pytest.param("- &x\n  - *x\n", [1, 2], id="recursive-list"),
        pytest.param("a: !!str &x text\n", [1], id="anchor-after-tag"),
    ],
)
def test_anchors_and_aliases_are_refused_on_their_lines(text: str, lines: list[int]) -> None:
    assert _problems(text) == [YamlProblem(line, ALIASES) for line in lines]


def test_the_message_says_what_to_write_instead() -> None:
    assert ALIASES == (
        "YAML anchors and aliases (&name, *name) are not used in content files; "
        "write the value out in full"
    )


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_billion_laughs(), id="billion-laughs"),
        pytest.param("a: &a [*a, *a, *a]\nb: &b [*a, *b]\n" * 200, id="recursive-aliases"),
    ],
)
def test_alias_bombs_are_refused_at_once(text: str) -> None:
    start = time.perf_counter()
    problems = _problems(text)
    assert time.perf_counter() - start < 1
    assert problems[0] == YamlProblem(1, ALIASES)
    assert {problem.message for problem in problems} <= {
        ALIASES,
        "'a' is written twice (first on line 1); keep only one of them",
    }


def test_an_alias_bomb_in_a_file_gives_a_message_not_a_memory_error(tmp_path: Path) -> None:
    from pydantic import BaseModel

    class Anything(BaseModel):
        a: list[str]

    path = tmp_path / "bomb.yml"
    path.write_text(_billion_laughs(), encoding="utf-8")
    model, errors = load_model(path, Anything)
    assert model is None
    assert [(error.line, error.message) for error in errors] == [
        (line, ALIASES) for line in range(1, 10)
    ]


def test_an_ampersand_or_asterisk_inside_a_text_is_not_an_anchor() -> None:
    data = parse_yaml("a: Tom & Jerry\nb: '*x'\nc: \"&y\"\nd: 5 * 3\n").data
    assert data == {"a": "Tom & Jerry", "b": "*x", "c": "&y", "d": "5 * 3"}


# --- Invisible characters ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: x\nb: 0800\u202e54 723\n", [(2, RLO)], id="plain"),
        pytest.param("a: 'it\u200bem'\n", [(1, ZWSP)], id="single-quoted"),
        pytest.param('a: "x"\nb: "\\u202e"\n', [(2, RLO)], id="written-as-escape"),
        pytest.param("a: |\n  one\n  two\n  th\u202eree\n", [(4, RLO)], id="literal-block-line"),
        pytest.param("a: >\n  one\n  two\u200b\n", [(3, ZWSP)], id="folded-block-line"),
        pytest.param("a: first\n  second\u202e\n", [(2, RLO)], id="plain-on-two-lines"),
        pytest.param("- x\u200b\n- y\n- \u202ez\n", [(1, ZWSP), (3, RLO)], id="list-items"),
        pytest.param(
            "a: x\u202ey\u202ez\n", [(1, RLO), (1, RLO)], id="every-character-is-reported"
        ),
    ],
)
def test_invisible_characters_in_values_are_reported_on_their_line(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(p.line, p.message) for p in _problems(text)] == expected


def test_a_control_character_yaml_cannot_read_is_named_with_its_line() -> None:
    assert _problems("a: x\nb: bell\x07\n") == [
        YamlProblem(
            2,
            "contains the invisible character CONTROL CHARACTER (U+0007), which YAML "
            "cannot read; delete it",
        )
    ]


def test_allowed_characters_stay() -> None:
    # ZWNJ in Persian words, RLM, tab inside a text.
    text = "a: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\u200f\nb: 'x\ty'\n"
    assert parse_yaml(text).data == {
        "a": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\u200f",
        "b": "x\ty",
    }


# --- Indentation with a space that is not a space ---------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "name"),
    [
        pytest.param("a:\n  b: 1\n\u00a0 c: 2\n", 3, "NO-BREAK SPACE (U+00A0)", id="nbsp"),
        pytest.param("a:\n \u00a0b: 1\n", 2, "NO-BREAK SPACE (U+00A0)", id="nbsp-after-space"),
        pytest.param("a:\n\u2003 - x\n", 2, "EM SPACE (U+2003)", id="em-space"),
        pytest.param("a:\n\u3000b: 1\n", 2, "IDEOGRAPHIC SPACE (U+3000)", id="ideographic"),
    ],
)
def test_an_odd_space_as_indentation_is_named_on_its_line(text: str, line: int, name: str) -> None:
    assert _problems(text) == [
        YamlProblem(
            line,
            f"the indentation contains a {name} instead of an ordinary space; "
            "delete it and indent with ordinary spaces",
        )
    ]


def test_a_no_break_space_inside_a_text_is_kept() -> None:
    assert parse_yaml("a: 250\u00a0€\n").data == {"a": "250\u00a0€"}
