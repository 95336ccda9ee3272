"""``x-contract-unique-by``: array items have pairwise distinct values at one key."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
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
from embedding_contract.vocabulary.values import is_array, is_number, scalar_key, show, values_at
from embedding_contract.vocabulary.violation import Getter, Violation


@dataclass(frozen=True)
class UniqueBy(PortableRule):
    """Array items are objects whose values at ``key`` are pairwise distinct."""

    key: str

    RULE: ClassVar[str] = "unique-by"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "array items must have distinct values at the named key"
    ERROR_AT: ClassVar[ErrorAt] = "item/key"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {"type": "string", "minLength": 1}

    def argument(self) -> JSON:
        return self.key

    @classmethod
    def from_argument(cls, argument: JSON) -> list[UniqueBy]:
        return [cls(argument)]

    def describe(self) -> str:
        return f"no two items have the same `{self.key}`"

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not is_array(instance):
            return
        first: dict[Any, int] = {}
        for index, value in enumerate(values_at(instance, self.key, get)):
            key = value if value.__class__ is str else scalar_key(value)
            if key is None:
                continue
            seen = first.setdefault(key, index)
            if seen != index:
                yield Violation(
                    (index, self.key), self.RULE,
                    f"duplicate {self.key} {show(value)}: already used by item [{seen}]", value)

    def satisfy(self, value: Any, source: Source) -> Any:
        """A later duplicate becomes ``<value>_<index>`` (a string) or the next number."""
        if not isinstance(value, list):
            return value
        items = copy.deepcopy(value)
        seen: set[Any] = set()
        for index, item in enumerate(items):
            if not isinstance(item, dict) or scalar_key(item.get(self.key)) is None:
                continue  # nothing the rule compares
            while scalar_key(item[self.key]) in seen:
                bumped = _bump(item[self.key], index)
                if bumped == item[self.key]:
                    break  # a value no bump changes (a boolean) stays a duplicate
                item[self.key] = bumped
            seen.add(scalar_key(item[self.key]))
        return items

    def breaks(self, source: Source) -> Iterator[Break]:
        def same_key(value: Any) -> Any:
            items = at_least_two(value, source)
            if len(items) >= 2 and all(isinstance(i, dict) for i in items[:2]):
                items[1][self.key] = copy.deepcopy(items[0].get(self.key))
            return items

        yield Break(same_key)

    def distinct_by(self) -> Callable[[Any], Any]:
        key = self.key
        return lambda item: item.get(key) if isinstance(item, dict) else None


def _bump(value: Any, index: int) -> Any:
    if isinstance(value, str):
        return f"{value}_{index}"
    if is_number(value):
        return value + 1
    return value
