"""The three validators of the foundation, each reduced to (verdict, error paths)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from embedding_contract.check.validation import validate
from embedding_contract.vocabulary.contract_validator import ContractValidator, error_paths
from tests.support.paths import schema_file


@cache
def _schema(name: str) -> dict[str, Any]:
    return json.loads(schema_file(name).read_text())  # type: ignore[no-any-return]


def pydantic_paths(name: str, data: Any) -> set[tuple[Any, ...]]:
    return {i.path for i in validate(name, data)}


def contract_paths(name: str, data: Any) -> set[tuple[Any, ...]]:
    """python-jsonschema on the exported file, with the contract's vocabulary."""
    return error_paths(ContractValidator(_schema(name)), data)


def standard_paths(name: str, data: Any) -> set[tuple[Any, ...]]:
    """python-jsonschema on the exported file alone (standard keywords only)."""
    return error_paths(Draft202012Validator(_schema(name)), data)
