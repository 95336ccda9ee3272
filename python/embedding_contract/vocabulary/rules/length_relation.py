"""``x-contract-length-relation``: one array is a fixed number of items longer than another."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from embedding_contract.vocabulary.rule import JSON, Break, ErrorAt, PortableRule, Scope, Source
from embedding_contract.vocabulary.values import is_array, replaced
from embedding_contract.vocabulary.violation import Getter, Violation


@dataclass(frozen=True)
class LengthRelation(PortableRule):
    """Arrays ``property`` and ``other``, when both present: len(property) = len(other) + offset."""

    property: str
    other: str
    offset: int

    RULE: ClassVar[str] = "length-relation"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "one array property must be exactly `offset` items longer than another"
    ERROR_AT: ClassVar[ErrorAt] = "property"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False,
            "required": ["property", "other", "offset"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "other": {"type": "string", "minLength": 1},
                "offset": {"type": "integer"},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "other": self.other, "offset": self.offset}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[LengthRelation]:
        return [cls(a["property"], a["other"], a["offset"]) for a in argument]

    def describe(self) -> str:
        n = abs(self.offset)
        count = f"{n} {'more' if self.offset > 0 else 'fewer'} item{'' if n == 1 else 's'} than"
        relation = count if n else "as many items as"
        return f"`{self.property}` has exactly {relation} `{self.other}` (when both are set)"

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        value, other = get(instance, self.property), get(instance, self.other)
        if not is_array(value) or not is_array(other):
            return
        expected = len(other) + self.offset
        if len(value) != expected:
            yield Violation(
                (self.property,), self.RULE,
                f"{self.property} has {len(value)} items but needs len({self.other}) "
                f"{'+' if self.offset >= 0 else '-'} {abs(self.offset)} = {expected}", value)

    def satisfy(self, value: Any, source: Source) -> Any:
        """``property`` cut or grown to the length ``other`` asks for."""
        if not isinstance(value, dict):
            return value
        mine, other = value.get(self.property), value.get(self.other)
        if not isinstance(mine, list) or not isinstance(other, list):
            return value
        want = max(len(other) + self.offset, 0)
        return replaced(value, self.property,
                        source.resized(self.property, copy.deepcopy(mine), want))

    def breaks(self, source: Source) -> Iterator[Break]:
        for delta in (1, -1):
            yield Break(self._relength(source, delta), self.property)

    def _relength(self, source: Source, delta: int) -> Callable[[Any], Any]:
        def apply(obj: Any) -> Any:
            if not isinstance(obj, dict) or not isinstance(obj.get(self.other), list):
                return obj
            want = len(obj[self.other]) + self.offset + delta
            if want < 0:
                return obj
            current = obj.get(self.property)
            items = copy.deepcopy(current) if isinstance(current, list) else []
            return {**obj, self.property: source.resized(self.property, items, want)}

        return apply

    def derived_member(self) -> str:
        return self.property
