"""YAML that remembers line numbers (``kg.read.yamldoc``), and the typed field access built on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.read.yamldoc import Fields, Mapping, Sequence, load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str) -> Any:
    return load(write(tmp_path, text))


def load_error(tmp_path: Path, text: str) -> tuple[Path, InputError]:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load(path)
    return path, caught.value


DOC = """\
# a comment
name: x
items:
  - a
  -   b
  - c: 1
    d: 2
nested:

  key: v
"""


class TestLineNumbers:
    def test_keys_of_the_top_mapping(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, DOC)
        assert isinstance(doc, Mapping)
        assert doc == {"name": "x", "items": ["a", "b", {"c": 1, "d": 2}], "nested": {"key": "v"}}
        assert doc.line == 2
        assert doc.lines == {"name": 2, "items": 3, "nested": 8}

    def test_items_of_a_list(self, tmp_path: Path) -> None:
        items = load_text(tmp_path, DOC)["items"]
        assert isinstance(items, Sequence)
        assert items.line == 4
        assert items.lines == [4, 5, 6]

    def test_mapping_inside_a_list(self, tmp_path: Path) -> None:
        item = load_text(tmp_path, DOC)["items"][2]
        assert isinstance(item, Mapping)
        assert item.line == 6
        assert item.lines == {"c": 6, "d": 7}

    def test_nested_mapping_starts_at_its_first_key(self, tmp_path: Path) -> None:
        nested = load_text(tmp_path, DOC)["nested"]
        assert isinstance(nested, Mapping)
        assert (nested.line, nested.lines) == (10, {"key": 10})

    def test_top_level_list(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, "\n- a\n\n- b\n")
        assert isinstance(doc, Sequence)
        assert doc == ["a", "b"]
        assert (doc.line, doc.lines) == (2, [2, 4])

    def test_flow_style_collections_have_lines_too(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, "a: 1\nb: {de: A, en: B}\nc: [x, y]\n")
        assert (doc["b"].line, doc["b"].lines) == (2, {"de": 2, "en": 2})
        assert (doc["c"].line, doc["c"].lines) == (3, [3, 3])

    def test_empty_file_is_none(self, tmp_path: Path) -> None:
        assert load_text(tmp_path, "") is None
        assert load_text(tmp_path, "# only a comment\n") is None


class TestScalars:
    def test_dates_stay_strings(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, "month: 2025-08\nday: 2025-10-17\nat: 2025-10-17T10:00:00\n")
        assert doc == {"month": "2025-08", "day": "2025-10-17", "at": "2025-10-17T10:00:00"}
        assert all(type(v) is str for v in doc.values())

    def test_a_date_as_key_stays_a_string(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, "2025-10-17: Gipfel\n")
        assert doc == {"2025-10-17": "Gipfel"}
        assert doc.lines == {"2025-10-17": 1}

    def test_other_scalars_keep_their_yaml_types(self, tmp_path: Path) -> None:
        doc = load_text(tmp_path, "year: 2025\nflag: true\nratio: 1.5\nnothing: ~\n")
        assert doc == {"year": 2025, "flag": True, "ratio": 1.5, "nothing": None}
        assert type(doc["year"]) is int

    def test_anchors_and_aliases(self, tmp_path: Path) -> None:
        assert load_text(tmp_path, "a: &x text\nb: *x\n") == {"a": "text", "b": "text"}


class TestErrors:
    def test_unclosed_flow_list_names_file_and_line(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, "a: [1, 2\nb: 3\n")
        assert (error.file, error.line) == (str(path), 2)
        assert str(error) == f"{path}:2: malformed YAML: expected ',' or ']', but got ':'"

    def test_bad_indentation_names_file_and_line(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, "a: 1\nb: 2\n  c: 3\n")
        assert (error.file, error.line) == (str(path), 3)
        assert error.message == "malformed YAML: mapping values are not allowed here"

    def test_unterminated_string(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, 'a: 1\nb: "open\n')
        assert (error.file, error.line) == (str(path), 3)
        assert error.message == "malformed YAML: found unexpected end of stream"

    def test_duplicate_key_names_file_and_line(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, "a: 1\nb: 2\na: 3\n")
        assert (error.file, error.line) == (str(path), 3)
        assert str(error) == f"{path}:3: duplicate key 'a'"

    def test_duplicate_key_in_a_nested_mapping(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, "- id: x\n  name: {de: A, en: B}\n- id: y\n  id: z\n")
        assert (error.file, error.line) == (str(path), 4)
        assert error.message == "duplicate key 'id'"

    @pytest.mark.parametrize("key", ["1", "yes", "~", "[a, b]"])
    def test_keys_must_be_text(self, tmp_path: Path, key: str) -> None:
        path, error = load_error(tmp_path, f"ok: 1\n{key}: x\n")
        assert str(error) == f"{path}:2: keys must be text"

    def test_python_tags_are_refused(self, tmp_path: Path) -> None:
        path, error = load_error(tmp_path, "a: !!python/object/apply:os.system [ls]\n")
        assert (error.file, error.line) == (str(path), 1)
        assert error.message.startswith("malformed YAML: could not determine a constructor for the tag")

    def test_file_that_is_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.yaml"
        path.write_bytes("name: Müller\n".encode("latin-1"))
        with pytest.raises(InputError) as caught:
            load(path)
        assert (caught.value.file, caught.value.line) == (str(path), None)
        assert caught.value.message.startswith("cannot read file (UnicodeDecodeError: ")

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "absent.yaml"
        with pytest.raises(InputError) as caught:
            load(path)
        assert caught.value.file == str(path)
        assert caught.value.message.startswith("cannot read file (FileNotFoundError: ")


EVENT = """\
event:
  id: e1
  flag: true
  tags: [a, 1]
  list: [a, b]
  num: 12
  name: x
  labels: {de: A, en: ''}
  empty: {}
  one: {de: A}
  bad: {de: 5}
"""
EVENT_KEYS = ("id", "flag", "tags", "list", "num", "name", "labels", "empty", "one", "bad")


@pytest.fixture
def event(tmp_path: Path) -> Fields:
    path = write(tmp_path, EVENT)
    return Fields(load(path)["event"], path, "event", 1)


def field_error(call: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        call()
    return caught.value


class TestFields:
    def test_text(self, event: Fields) -> None:
        assert event.text("id") == "e1"
        assert event.text("num") == "12"
        assert event.text("missing", required=False) is None

    def test_missing_text_names_the_field_at_the_mapping_line(self, event: Fields) -> None:
        error = field_error(lambda: event.text("missing"))
        assert (error.file, error.line, error.field) == (str(event.path), 2, "event.missing")
        assert str(error) == f"{event.path}:2: event.missing: missing (expected text)"

    def test_a_boolean_is_not_text(self, event: Fields) -> None:
        error = field_error(lambda: event.text("flag"))
        assert str(error) == f"{event.path}:3: event.flag: expected text, got a yes/no value"

    def test_a_list_is_not_text(self, event: Fields) -> None:
        error = field_error(lambda: event.text("list"))
        assert (error.line, error.field) == (5, "event.list")
        assert error.message.startswith("expected text, got ")

    def test_texts(self, event: Fields) -> None:
        assert event.texts("list") == ("a", "b")
        assert event.texts("name") == ("x",)
        assert event.texts("missing") == ()

    def test_texts_with_a_number_in_the_list(self, event: Fields) -> None:
        error = field_error(lambda: event.texts("tags"))
        assert str(error) == f"{event.path}:4: event.tags: expected text or a list of texts"

    def test_texts_given_a_number(self, event: Fields) -> None:
        error = field_error(lambda: event.texts("num"))
        assert (error.line, error.field) == (6, "event.num")

    def test_labels(self, event: Fields) -> None:
        assert event.labels("one") == {"de": "A"}
        assert event.labels("missing", required=False) == {}

    def test_empty_label_names_field_and_language(self, event: Fields) -> None:
        error = field_error(lambda: event.labels("labels"))
        assert str(error) == f"{event.path}:8: event.labels: label for 'en' must be non-empty text"

    def test_label_that_is_a_number(self, event: Fields) -> None:
        error = field_error(lambda: event.labels("bad"))
        assert (error.line, error.field, error.message) == (
            11,
            "event.bad",
            "label for 'de' must be non-empty text",
        )

    @pytest.mark.parametrize(("key", "line"), [("empty", 9), ("name", 7)])
    def test_labels_must_be_a_non_empty_mapping(self, event: Fields, key: str, line: int) -> None:
        error = field_error(lambda: event.labels(key))
        assert (error.line, error.field) == (line, f"event.{key}")
        assert error.message == "expected language-tagged text such as {de: ..., en: ...}"

    def test_missing_labels(self, event: Fields) -> None:
        error = field_error(lambda: event.labels("missing"))
        assert str(error) == f"{event.path}:2: event.missing: missing (expected {{de: ..., en: ...}})"

    def test_unknown_key_names_the_first_unknown_field(self, event: Fields) -> None:
        error = field_error(lambda: event.check_keys({"id", "name"}))
        assert str(error) == f"{event.path}:3: event.flag: unknown key (expected one of: id, name)"

    def test_known_keys_pass(self, event: Fields) -> None:
        assert event.check_keys(set(EVENT_KEYS)) is None

    def test_line_of_a_key_falls_back_to_the_mapping(self, event: Fields) -> None:
        assert (event.line("num"), event.line("nope"), event.line()) == (6, 2, 2)

    def test_error_without_a_key_names_the_thing(self, event: Fields) -> None:
        error = event.error(None, "something is off")
        assert str(error) == f"{event.path}:2: event: something is off"

    def test_not_a_mapping(self, tmp_path: Path) -> None:
        path = tmp_path / "doc.yaml"
        with pytest.raises(InputError) as caught:
            Fields(["a"], path, "speaker", 7)
        assert str(caught.value) == f"{path}:7: expected a mapping for speaker"

    def test_a_plain_dict_is_not_a_yaml_mapping(self, tmp_path: Path) -> None:
        path = tmp_path / "doc.yaml"
        with pytest.raises(InputError) as caught:
            Fields({"a": 1}, path, "speaker")
        assert str(caught.value) == f"{path}: expected a mapping for speaker"
