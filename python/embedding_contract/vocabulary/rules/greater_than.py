"""``x-contract-greater-than``: one number member is greater than another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from embedding_contract.vocabulary.rule import JSON, Break, ErrorAt, PortableRule, Scope, Source
from embedding_contract.vocabulary.values import is_number, member_copy, replaced
from embedding_contract.vocabulary.violation import Getter, Violation


@dataclass(frozen=True)
class GreaterThan(PortableRule):
    """Number ``property`` is greater than number ``than`` of the same object, when both present."""

    property: str
    than: str

    RULE: ClassVar[str] = "greater-than"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "one number property must be greater than another of the same object"
    ERROR_AT: ClassVar[ErrorAt] = "property"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False, "required": ["property", "than"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "than": {"type": "string", "minLength": 1},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "than": self.than}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[GreaterThan]:
        return [cls(a["property"], a["than"]) for a in argument]

    def describe(self) -> str:
        return f"`{self.property}` is greater than `{self.than}` (when both are set)"

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        value, than = get(instance, self.property), get(instance, self.than)
        if is_number(value) and is_number(than) and not value > than:
            yield Violation(
                (self.property,), self.RULE,
                f"{self.property} ({value!r}) must be greater than {self.than} ({than!r})", value)

    def satisfy(self, value: Any, source: Source) -> Any:
        """The two numbers swapped when the smaller is ``property`` and each fits the other's
        place; else ``property`` raised above ``than``, or failing that ``than`` lowered."""
        if not isinstance(value, dict):
            return value
        mine: Any = value.get(self.property)
        than: Any = value.get(self.than)
        if not (is_number(mine) and is_number(than)) or mine > than:
            return value
        out = dict(value)
        if mine < than and source.fits(self.property, than) and source.fits(self.than, mine):
            out[self.property], out[self.than] = than, mine
        elif (up := source.above(self.property, than)) is not None:
            out[self.property] = up
        elif (down := source.below(self.than, mine)) is not None:
            out[self.than] = down
        return out

    def breaks(self, source: Source) -> Iterator[Break]:
        yield Break(lambda obj: replaced(obj, self.property, member_copy(obj, self.than)),
                    self.property)
