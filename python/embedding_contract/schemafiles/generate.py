"""Turn one model into its self-contained Draft 2020-12 JSON Schema document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from embedding_contract.models.registry import resolve

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_BASE_URL = "https://embedding-contract.dev/schemas/"


class ContractSchemaGenerator(GenerateJsonSchema):
    """Pydantic's generator with the contract's output: no generated per-property titles."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def schema_path(name: str, version: str) -> str:
    """Where the schema of model ``name`` lives below the schema root and the base URL."""
    family, _, cls = name.partition(".")
    return f"{version}/{family}/{cls}.json"


def model_schema(name: str, version: str, base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    """The schema document of model ``name`` as released in ``version``."""
    target = resolve(name)
    if isinstance(target, type) and issubclass(target, BaseModel):
        body = target.model_json_schema(schema_generator=ContractSchemaGenerator)
    else:
        body = TypeAdapter(target).json_schema(schema_generator=ContractSchemaGenerator)
    return {
        "$schema": DRAFT_2020_12,
        "$id": base_url + schema_path(name, version),
        **body,
        "title": name,
    }
