"""The vocabulary's meta-schema: the syntax and meaning of every ``x-contract-*`` keyword.

It extends the standard 2020-12 meta-schema through ``$dynamicAnchor: meta``, so validating a
schema against it checks the contract's keywords at every depth.
"""

from __future__ import annotations

from typing import Any

from embedding_contract.vocabulary import VOCABULARY

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
VOCABULARY_FILE = "vocabulary.json"
KEYWORD_TABLE = "x-contract-keywords"
"""The meta-schema's machine-readable table of the vocabulary, which every language's runner
builds its keyword table from: per keyword its rule ID, the instance type it applies to
(``appliesTo``), its argument's JSON Schema (``argument``), where its errors point (``errorAt``,
see :data:`~embedding_contract.vocabulary.rule.ErrorAt`) and one line of documentation."""


def keyword_table() -> dict[str, Any]:
    """The vocabulary as data, in registration order."""
    return {
        keyword: {
            "rule": cls.RULE,
            "appliesTo": cls.SCOPE,
            "argument": cls.ARGUMENT_SCHEMA,
            "errorAt": cls.ERROR_AT,
            "doc": cls.DOC,
        }
        for keyword, cls in VOCABULARY.items()
    }


def vocabulary_schema(version: str, base_url: str) -> dict[str, Any]:
    properties = {}
    for keyword, cls in VOCABULARY.items():
        properties[keyword] = {
            **cls.ARGUMENT_SCHEMA,
            "description": (f"[{cls.RULE}, on {cls.SCOPE}s] {cls.DOC}. "
                            f"{(cls.__doc__ or '').strip()}"),
        }
    return {
        "$schema": DRAFT_2020_12,
        "$id": f"{base_url}{version}/{VOCABULARY_FILE}",
        "$dynamicAnchor": "meta",
        "title": "embedding-contract portable rules",
        "description": (
            "Meta-schema of the contract's portable rules: keywords beyond standard JSON Schema "
            "that every implementation (Python, JavaScript, Java) enforces alike, each in linear "
            "time. Paths in their errors are relative to the value carrying the keyword. A keyword "
            "ignores values of the wrong shape; the standard keywords beside it report those."),
        "allOf": [{"$ref": DRAFT_2020_12}],
        "properties": properties,
        KEYWORD_TABLE: keyword_table(),
    }
