"""``x-contract-strictly-increasing``: an array of numbers in strictly increasing order."""

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
from embedding_contract.vocabulary.values import is_array, is_number
from embedding_contract.vocabulary.violation import Getter, Violation


@dataclass(frozen=True)
class StrictlyIncreasing(PortableRule):
    """An array of numbers in strictly increasing order."""

    RULE: ClassVar[str] = "strictly-increasing"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "each number in the array must be greater than the one before it"
    ERROR_AT: ClassVar[ErrorAt] = "item"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {"const": True}

    def argument(self) -> JSON:
        return True

    @classmethod
    def from_argument(cls, argument: JSON) -> list[StrictlyIncreasing]:
        return [cls()] if argument is True else []

    def describe(self) -> str:
        return "each number is greater than the one before it"

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not is_array(instance):
            return
        for index in range(1, len(instance)):
            before, value = instance[index - 1], instance[index]
            if is_number(before) and is_number(value) and not value > before:
                yield Violation(
                    (index,), self.RULE,
                    f"{value!r} is not greater than the item before it ({before!r})", value)

    def satisfy(self, value: Any, source: Source) -> Any:
        """Numbers sorted (when every item is one), then each number not above the one before
        it raised to that one plus one."""
        if not isinstance(value, list):
            return value
        items = copy.deepcopy(value)
        if all(is_number(v) for v in items):
            items.sort()
        for i in range(1, len(items)):
            if is_number(items[i]) and is_number(items[i - 1]) and not items[i] > items[i - 1]:
                items[i] = items[i - 1] + 1
        return items

    def breaks(self, source: Source) -> Iterator[Break]:
        def tie(value: Any) -> Any:
            items = at_least_two(value, source)
            return [items[0], copy.deepcopy(items[0]), *items[2:]]

        yield Break(tie)

    def distinct_by(self) -> Callable[[Any], Any]:
        return lambda item: item
