"""vocabulary.json's machine-readable keyword table is the Python registry, entry for entry: the
table every other language builds its keywords from says what Python enforces."""

from __future__ import annotations

import json
from typing import get_args

from embedding_contract.vocabulary import VOCABULARY
from embedding_contract.vocabulary.metaschema import KEYWORD_TABLE, keyword_table
from embedding_contract.vocabulary.rule import ErrorAt, Scope
from tests.support.paths import SCHEMAS, current_version


def released_table() -> dict[str, dict[str, object]]:
    meta = json.loads((SCHEMAS / current_version() / "vocabulary.json").read_text())
    return meta[KEYWORD_TABLE]  # type: ignore[no-any-return]


def test_the_released_table_equals_the_registry() -> None:
    table = released_table()
    assert table == keyword_table()
    assert sorted(table) == sorted(VOCABULARY)  # the file is rendered with sorted keys
    for keyword, cls in VOCABULARY.items():
        entry = table[keyword]
        assert (entry["rule"], entry["appliesTo"], entry["argument"], entry["errorAt"]) == (
            cls.RULE, cls.SCOPE, cls.ARGUMENT_SCHEMA, cls.ERROR_AT)


def test_every_entry_uses_the_declared_vocabulary_of_fields() -> None:
    meta = json.loads((SCHEMAS / current_version() / "vocabulary.json").read_text())
    for keyword, entry in released_table().items():
        assert set(entry) == {"rule", "appliesTo", "argument", "errorAt", "doc"}
        assert keyword == "x-contract-" + str(entry["rule"])
        assert entry["appliesTo"] in get_args(Scope) and entry["errorAt"] in get_args(ErrorAt)
        described = {k: v for k, v in meta["properties"][keyword].items() if k != "description"}
        assert described == entry["argument"]
