"""Is a schema valid under its draft? Fast keyword-shape checks on its 2020-12 translation,
with ECMA-262 patterns (``regress``), so a valid schema of a supported draft is never refused."""

from __future__ import annotations

from typing import Any

from embedding_contract.diff.semantic.drafts import Draft, translate
from embedding_contract.diff.wellformed import check_schema_document


def check_valid(schema: Any, draft: Draft, label: str) -> None:
    check_schema_document(translate(schema, draft), label)
