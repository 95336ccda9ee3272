"""``x-contract-references``: each entry of one array names an item of another by key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from embedding_contract.vocabulary.rule import JSON, Break, ErrorAt, PortableRule, Scope, Source
from embedding_contract.vocabulary.values import is_array, replaced, scalar_key, values_at
from embedding_contract.vocabulary.violation import Getter, Violation

NO_SUCH_ITEM = "x_no_such_item"


@dataclass(frozen=True)
class References(PortableRule):
    """Each string in array ``property`` equals the ``key`` of some item of array ``target``."""

    property: str
    target: str
    key: str

    RULE: ClassVar[str] = "references"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "each entry of one array property must name an item of another by key"
    ERROR_AT: ClassVar[ErrorAt] = "property/item"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False,
            "required": ["property", "target", "key"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "target": {"type": "string", "minLength": 1},
                "key": {"type": "string", "minLength": 1},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "target": self.target, "key": self.key}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[References]:
        return [cls(a["property"], a["target"], a["key"]) for a in argument]

    def describe(self) -> str:
        return (f"each entry of `{self.property}` must be the `{self.key}` of an item of "
                f"`{self.target}`")

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        names, targets = get(instance, self.property), get(instance, self.target)
        if not is_array(names) or not is_array(targets):
            return
        known = {v if v.__class__ is str else scalar_key(v)
                 for v in values_at(targets, self.key, get)}
        for index, name in enumerate(names):
            if isinstance(name, str) and name not in known:
                yield Violation(
                    (self.property, index), self.RULE,
                    f"{name!r} names no item of {self.target} (by {self.key})", name)

    def satisfy(self, value: Any, source: Source) -> Any:
        """``property`` becomes entries chosen among the keys of ``target``'s items."""
        if not isinstance(value, dict):
            return value
        names, targets = value.get(self.property), value.get(self.target)
        if not isinstance(names, list) or not isinstance(targets, list):
            return value
        known = [t[self.key] for t in targets if isinstance(t, dict) and self.key in t]
        return replaced(value, self.property, source.chosen(self.property, known, names))

    def breaks(self, source: Source) -> Iterator[Break]:
        def dangle(obj: Any) -> Any:
            targets = obj.get(self.target) if isinstance(obj, dict) else None
            known = {t.get(self.key) for t in targets
                     if isinstance(t, dict) and isinstance(t.get(self.key), str)} \
                if isinstance(targets, list) else set()
            ghost = NO_SUCH_ITEM
            while ghost in known:
                ghost += "~"
            return replaced(obj, self.property, [ghost])

        yield Break(dangle, self.property)

    def derived_member(self) -> str:
        return self.property
