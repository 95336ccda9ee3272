"""A parsed config (its data and where each value is written) and the bounds a reader keeps to.

Positions are 1-based (line, column), columns counted in characters; a line ends at ``\\n``,
``\\r\\n`` or ``\\r``. A member of a mapping is placed at its key, an item of a list at the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from embedding_contract.vocabulary.violation import Path

Position = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """A parsed config: its data, where it came from, and the position of each value."""

    data: Any
    file: str
    positions: Mapping[Path, Position] = field(default_factory=dict, repr=False)
    text: str | None = field(default=None, repr=False)

    def settle(self) -> None:
        """Compute the positions now if they were deferred, raising the LoadError a strict
        read would have raised (a JSON document read with ``lazy``)."""
        len(self.positions)

    def locate(self, path: Path) -> Position | None:
        """1-based (line, column) of the value at ``path``, or of its nearest parent that exists."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


@dataclass(frozen=True)
class Limits:
    """How much a reader builds before refusing a document, so time and memory stay bounded."""

    depth: int
    """Deepest nesting of lists and mappings."""
    values: int
    """Most values (scalars and collections), counted after YAML aliases are expanded."""
    number_chars: int
    """Longest number token read."""

    def long_number(self, token: str) -> str:
        """The message refusing ``token`` for its length."""
        return (f"number of {len(token)} characters ({token[:12]}...) is longer than the "
                f"{self.number_chars} the contract reads")


def position_of(text: str, index: int) -> Position:
    """Line and column of ``text[index]`` (``\\n``, ``\\r\\n`` and ``\\r`` end a line)."""
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return line + 1, index - start + 1
