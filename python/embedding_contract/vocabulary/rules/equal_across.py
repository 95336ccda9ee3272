"""``x-contract-equal-across``: array items all share one value at each of some keys."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from embedding_contract.vocabulary.rule import (
    JSON,
    Break,
    ErrorAt,
    PortableRule,
    Scope,
    Source,
    at_least_two,
)
from embedding_contract.vocabulary.values import is_array, scalar_key, show, values_at
from embedding_contract.vocabulary.violation import Getter, Violation


@dataclass(frozen=True)
class EqualAcross(PortableRule):
    """Array items are objects that all share one value at each of ``keys``."""

    keys: tuple[str, ...]

    RULE: ClassVar[str] = "equal-across"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "array items must all have the same value at each named key"
    ERROR_AT: ClassVar[ErrorAt] = "item/key"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1,
        "uniqueItems": True,
    }

    def argument(self) -> JSON:
        return list(self.keys)

    @classmethod
    def from_argument(cls, argument: JSON) -> list[EqualAcross]:
        return [cls(tuple(argument))]

    def describe(self) -> str:
        names = " and ".join(f"`{k}`" for k in self.keys)
        return f"all items have the same {names}"

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not is_array(instance) or not instance:
            return
        for key in self.keys:
            values = values_at(instance, key, get)
            expected = scalar_key(values[0])
            if expected is None:
                continue
            for index, value in enumerate(values):
                found = scalar_key(value)
                if found is not None and found != expected:
                    yield Violation(
                        (index, key), self.RULE,
                        f"{key} is {show(value)} here but {show(values[0])} in item [0]; "
                        f"all items must share one {key}", value)

    def satisfy(self, value: Any, source: Source) -> Any:
        """Each item takes item 0's value at each key both have."""
        if not isinstance(value, list) or not value or not isinstance(value[0], dict):
            return value
        items = copy.deepcopy(value)
        first = items[0]
        for key in self.keys:
            if key in first:
                for item in items[1:]:
                    if isinstance(item, dict) and key in item:
                        item[key] = source.equal(first[key])
        return items

    def breaks(self, source: Source) -> Iterator[Break]:
        key = self.keys[0]

        def differ(value: Any) -> Any:
            items = at_least_two(value, source)
            if len(items) >= 2 and all(isinstance(i, dict) for i in items[:2]):
                items[1][key] = _other_value(items[0].get(key))
            return items

        yield Break(differ)

    def parts(self) -> tuple[EqualAcross, ...]:
        return tuple(EqualAcross((key,)) for key in self.keys)


def _other_value(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "_other"
    return None
