"""What the diff knows about keywords and ``$ref``: one table of subschema keywords, taken from
``referencing``; references resolved within their document only, never by a file or network read.
"""

from __future__ import annotations

from typing import Any

import pytest

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.engine import diff_documents
from embedding_contract.diff.keywords import SUBSCHEMAS, Holds
from embedding_contract.diff.references import SchemaDocument
from embedding_contract.diff.wellformed import check_schema_document
from tests.support.paths import SCHEMAS

BASE = "https://example.org/schemas/1.0.0/x/A.json"


def test_subschema_keywords_are_those_of_2020_12() -> None:
    def holding(holds: Holds) -> set[str]:
        return {k for k, h in SUBSCHEMAS.items() if h is holds}

    assert holding(Holds.ONE) == {
        "additionalProperties", "contains", "contentSchema", "else", "if", "items", "not",
        "propertyNames", "then", "unevaluatedItems", "unevaluatedProperties"}
    assert holding(Holds.LIST) == {"allOf", "anyOf", "oneOf", "prefixItems"}
    assert holding(Holds.MAP) == {"$defs", "definitions", "dependentSchemas",
                                  "patternProperties", "properties"}


def test_the_input_check_descends_into_every_subschema_keyword() -> None:
    with pytest.raises(DiffInputError, match="minimum at /contentSchema must be a number"):
        check_schema_document({"contentSchema": {"minimum": "zero"}}, "NEW a.json")


def test_references_resolve_within_the_document() -> None:
    doc = SchemaDocument({"$id": BASE, "$defs": {
        "A": {"type": "string"}, "B": {"$anchor": "b", "type": "integer"}, "T": True}})
    assert doc.resolve("#/$defs/A") == ({"type": "string"}, "/$defs/A")
    assert doc.resolve(f"{BASE}#/$defs/A") == ({"type": "string"}, "/$defs/A")
    assert doc.resolve("A.json#/$defs/A") == ({"type": "string"}, "/$defs/A")
    assert doc.resolve("#b")[1] == "/$defs/B"
    assert doc.resolve("#/$defs/T") == (True, "/$defs/T")
    with pytest.raises(DiffInputError, match=r"unresolvable \$ref '#/\$defs/Missing'"):
        doc.resolve("#/$defs/Missing")


def _pointing_to(ref: str) -> dict[str, Any]:
    return {"$id": BASE, "type": "object", "properties": {"a": {"$ref": ref}}}


@pytest.mark.parametrize("ref", [
    "Other.json",
    "https://example.org/schemas/1.0.0/x/Other.json#/$defs/A",
    (SCHEMAS / "1.0.0" / "recap" / "EmbeddingSnapshot.json").as_uri(),  # exists: never read
])
def test_a_reference_to_another_document_is_an_input_error(ref: str) -> None:
    old, new = _pointing_to(ref), {**_pointing_to(ref), "title": "changed"}
    with pytest.raises(DiffInputError, match="within a document only") as info:
        diff_documents(old, new, "x/A.json")
    assert repr(ref) in str(info.value)
