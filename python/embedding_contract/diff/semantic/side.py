"""One side of a comparison: the schema as written, its draft, its 2020-12 translation, the
document its references resolve in, and membership of a value in one of its subschemas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from referencing import Registry
from referencing.jsonschema import DRAFT202012

from embedding_contract.diff.references import SchemaDocument
from embedding_contract.diff.semantic.budget import Undecided
from embedding_contract.diff.semantic.drafts import Draft, translate
from embedding_contract.diff.semantic.oracle import _PY_ECMA, Oracle


class Side:
    def __init__(self, schema: Any, draft: Draft) -> None:
        self.schema = schema
        self.draft = draft
        self.root = translate(schema, draft)
        self.document = SchemaDocument(self.root)
        self._registry: Registry[Any] | None = None
        self._validators: dict[int, Any] = {}
        self._keep: list[Any] = []
        self._oracle: Oracle | None = None
        self.normal_forms: dict[int, tuple[Any, Any]] = {}  # shared by every Normaliser

    @property
    def oracle(self) -> Oracle:
        if self._oracle is None:
            self._oracle = Oracle(self.schema, self.draft)
        return self._oracle

    def valid(self, value: Any, subschema: Any) -> bool | None:
        """Is ``value`` valid against ``subschema`` (a part of the translated document)?
        None when the validator cannot tell (a reference cycle without end)."""
        if subschema is True:
            return True
        if subschema is False:
            return False
        key = id(subschema)
        if self._registry is None:
            resource = DRAFT202012.create_resource(self.root)
            registry: Registry[Any] = Registry().with_resource("", resource)
            if isinstance(self.root, Mapping) and isinstance(self.root.get("$id"), str):
                registry = registry.with_resource(self.root["$id"], resource)
            self._registry = registry.crawl()
        if key not in self._validators:
            self._keep.append(subschema)
            self._validators[key] = _PY_ECMA[Draft.D2020_12](subschema, registry=self._registry)
        try:
            return bool(self._validators[key].is_valid(value))
        except (RecursionError, Undecided):
            return None
        except Exception:
            return None
