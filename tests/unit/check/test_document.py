"""The parsed document: positions of values, of characters, and the limits' messages."""

from __future__ import annotations

import pytest

from embedding_contract.check.document import Document, Limits, position_of


def test_locate_falls_back_to_the_nearest_parent() -> None:
    doc = Document({"a": [{"b": 1}]}, "f.yaml", {(): (1, 1), ("a",): (2, 1), ("a", 0): (3, 3)})
    assert doc.locate(("a", 0, "b")) == (3, 3)
    assert doc.locate(("a", 5, "c")) == (2, 1)
    assert doc.locate(("z",)) == (1, 1)
    assert Document(None, "f.yaml").locate(("a",)) is None


@pytest.mark.parametrize("text,index,position", [
    ("abc", 0, (1, 1)),
    ("abc", 2, (1, 3)),
    ("a\nbc", 3, (2, 2)),
    ("a\r\nbc", 4, (2, 2)),
    ("a\rb\r\n\nc", 6, (4, 1)),
    ("é€😀x", 3, (1, 4)),  # characters, not bytes
])
def test_position_of(text: str, index: int, position: tuple[int, int]) -> None:
    assert position_of(text, index) == position


def test_long_number_message() -> None:
    assert Limits(200, 10, 5).long_number("1234567") == (
        "number of 7 characters (1234567...) is longer than the 5 the contract reads")
