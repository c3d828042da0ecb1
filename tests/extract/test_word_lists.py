"""Word lists are data (patterns/words.jsonl, senses.jsonl): checked when loaded, all of them used,
and none left behind as Python constants in the extraction modules."""
from __future__ import annotations

import ast
import json
import re
from importlib import resources
from pathlib import Path

import pytest

import dateline
from dateline.extraction.lexicon import PatternError, load_lexicon, parse_rows

SRC = Path(dateline.__file__).parent
EXTRACTION = SRC / "extraction"

# Module-level string collections that stay in Python because they are syntax or codebook ids,
# not English vocabulary: name -> why.
SYNTAX_CONSTANTS = {
    "NOMINAL": "dependency labels",
    "CONCRETE": "event type ids of the codebook",
    "CONCRETE_FAMILIES": "family ids of the registry",
    "SITE_TYPES": "event type ids of the codebook",
    "SITE_PRECISIONS": "precision ids of the gazetteer",
    "POSSESSIVE": "possessive punctuation tokens",
}
WORDLIKE = re.compile(r"^[a-z][a-z' -]*$")


def _rows(name: str) -> list[dict]:
    text = resources.files("dateline.extraction").joinpath("patterns", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


def test_every_word_list_is_read_by_the_code():
    source = _source_text()
    for name in ("words.jsonl", "senses.jsonl"):
        unused = [row["id"] for row in _rows(name) if f'"{row["id"]}"' not in source]
        assert not unused, f"{name}: lists no module reads (delete them): {unused}"


def test_word_lists_load_as_frozensets():
    lex = load_lexicon()
    assert lex.words["violence.armed_nouns"] >= {"troops", "rebels"}
    assert isinstance(lex.words["places.site_nouns"], frozenset)
    assert len(lex.words) == len(_rows("words.jsonl"))


def _line(**row) -> str:
    return json.dumps(row)


GOOD = {"id": "places.example_nouns", "comment": "an example ('the port')", "words": ["port", "harbour"]}


def test_a_well_formed_row_loads():
    assert parse_rows("words.jsonl", _line(**GOOD))[0]["words"] == ["port", "harbour"]


@pytest.mark.parametrize("row", [
    {**GOOD, "note": "a key the schema does not know"},
    {k: v for k, v in GOOD.items() if k != "comment"},
    {k: v for k, v in GOOD.items() if k != "words"},
    {**GOOD, "words": []},
    {**GOOD, "words": ["port", ""]},
    {**GOOD, "words": ["port", 3]},
    {**GOOD, "words": "port"},
    {**GOOD, "words": ["port", "port"]},
    {**GOOD, "id": ""},
    {**GOOD, "comment": " "},
])
def test_a_malformed_row_is_an_error(row):
    with pytest.raises(PatternError):
        parse_rows("words.jsonl", _line(**row))


@pytest.mark.parametrize("name", ["words.jsonl", "senses.jsonl"])
def test_a_repeated_id_is_an_error(name):
    with pytest.raises(PatternError, match="duplicate ids"):
        parse_rows(name, _line(**GOOD) + "\n" + _line(**{**GOOD, "words": ["bay"]}))


def _string_items(node: ast.expr) -> list[str] | None:
    """The strings of a set/list/tuple/frozenset literal of strings, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset", "tuple") \
            and len(node.args) == 1:
        node = node.args[0]
    if not isinstance(node, (ast.Set, ast.List, ast.Tuple)) or not node.elts:
        return None
    if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return None
    return [e.value for e in node.elts]


def test_no_word_list_is_left_in_the_extraction_modules():
    found = []
    for path in EXTRACTION.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            words = _string_items(node.value)
            if isinstance(target, ast.Name) and words and target.id not in SYNTAX_CONSTANTS \
                    and all(WORDLIKE.match(w) for w in words):
                found.append(f"{path.relative_to(EXTRACTION)}: {target.id}")
    assert not found, f"move these word lists to patterns/words.jsonl: {found}"
