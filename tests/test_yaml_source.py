from pathlib import Path

import pytest
import yaml

from returnsite import yaml_source
from returnsite.yaml_source import Position, YamlProblem, YamlSourceError, parse_yaml, read_yaml


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test with the C loader and with the pure-Python fallback."""
    if request.param == "python":
        monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("country: NO", "NO", id="NO-stays-text"),
        pytest.param("value: yes", "yes", id="yes-stays-text"),
        pytest.param("value: off", "off", id="off-stays-text"),
        pytest.param("value: 1.10", "1.10", id="version-stays-text"),
        pytest.param("value: 2019-05-01", "2019-05-01", id="date-stays-text"),
        pytest.param("value: 0800", "0800", id="leading-zero-kept"),
        pytest.param("value: '1.10'", "1.10", id="quoted"),
        pytest.param("value:", None, id="empty-is-none"),
        pytest.param("value: ~", None, id="tilde-is-none"),
        pytest.param("value: null", None, id="null-is-none"),
        pytest.param("value: ''", "", id="quoted-empty-is-text"),
        pytest.param("value: 'null'", "null", id="quoted-null-is-text"),
    ],
)
def test_scalars_are_read_as_written(text: str, expected: str | None) -> None:
    assert parse_yaml(text).data == {"country" if "country" in text else "value": expected}


def test_lists_and_mappings_keep_their_shape() -> None:
    document = parse_yaml("a:\n  - x\n  - b: 1\n")
    assert document.data == {"a": ["x", {"b": "1"}]}


def test_positions_record_value_and_key_lines() -> None:
    document = parse_yaml("# comment\ntitle: x\nsources:\n  - title: y\n    url: z\n")
    assert document.positions[("title",)] == Position(line=2, key_line=2)
    assert document.line_of(("sources", 0, "url")) == 5
    assert document.key_line_of(("sources",)) == 3


def test_line_of_a_missing_value_is_its_nearest_ancestor() -> None:
    document = parse_yaml("title: x\nsources:\n  - title: y\n")
    assert document.line_of(("sources", 0, "date")) == 3
    assert document.line_of(("nothing",)) == 1


def test_text_line_counts_lines_in_a_literal_block() -> None:
    document = parse_yaml("intro: x\nbody: |\n  first\n  second <b>\n")
    text = document.data["body"]
    assert document.text_line(("body",), text.index("<b>")) == 4


def test_text_line_of_a_folded_text_is_its_first_line() -> None:
    document = parse_yaml("body: >\n  first\n  second <b>\n")
    assert document.text_line(("body",), document.data["body"].index("<b>")) == 1


def _problems(text: str) -> list[YamlProblem]:
    with pytest.raises(YamlSourceError) as raised:
        parse_yaml(text)
    return raised.value.problems


def test_every_duplicate_key_is_reported() -> None:
    assert _problems("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n") == [
        YamlProblem(4, "'c' is written twice (first on line 3); keep only one of them"),
        YamlProblem(5, "'a' is written twice (first on line 1); keep only one of them"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "a: b: c",
            YamlProblem(
                1,
                "YAML syntax error: a ':' where none can be; check the indentation, "
                "and put text containing ': ' in quotes",
            ),
            id="colon-in-text",
        ),
        pytest.param(
            "a:\n\tb: 1",
            YamlProblem(
                2,
                "YAML syntax error: a character that cannot start a value; indent with "
                "spaces (not tabs) and put text starting with '@' or '`' in quotes",
            ),
            id="tab",
        ),
        pytest.param(
            "a: 1\nb\nc: 2",
            YamlProblem(
                3,
                "YAML syntax error: a line without ':'; write each field as 'name: value' "
                "at the indentation of the fields around it",
            ),
            id="missing-colon",
        ),
        pytest.param(
            "a: [1, 2\nb: 3\n",
            YamlProblem(
                2, "YAML syntax error: a list in [ ] that is not closed; close it with ']'"
            ),
            id="unclosed-list",
        ),
        pytest.param(
            "",
            YamlProblem(1, "the file is empty; write its fields as 'name: value'"),
            id="empty",
        ),
    ],
)
def test_syntax_errors_are_explained(text: str, expected: YamlProblem) -> None:
    assert _problems(text) == [expected]


def test_a_mapping_as_key_is_reported() -> None:
    assert _problems("? [a, b]\n: 1\n") == [
        YamlProblem(1, "a field name must be a single word before ':'")
    ]


def test_non_utf8_file_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "en.yml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlSourceError) as raised:
        read_yaml(path)
    assert raised.value.problems == [
        YamlProblem(
            2,
            "the file is not UTF-8 text (unreadable byte 0xe9 on this line); "
            "save it with the UTF-8 encoding in your editor",
        )
    ]


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "fr.yml"
    path.write_bytes("\ufefftitle: Café".encode())
    assert read_yaml(path).data == {"title": "Café"}
