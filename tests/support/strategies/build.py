"""Valid documents for a shape: every rule of the contract holds by construction.

Optional fields come absent, ``null`` or set; each ``one_of`` group gets exactly one member set
(the others absent or null). The portable rules are met by asking each rule: an array whose rule
needs distinct items is drawn distinct (``distinct_by``), a member an object rule computes from
the others is drawn after them (``derived_member``), and then each rule's ``satisfy`` completes
the value, with a ``Drawn`` source for the choices it leaves open.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from embedding_contract.vocabulary.values import is_number
from tests.support.strategies import values
from tests.support.strategies.shapes import (
    Array,
    Choice,
    Integer,
    Number,
    Object,
    Shape,
    Slot,
    String,
    Tuple,
)


@dataclass(frozen=True)
class Flavour:
    """Family-specific tuning: realistic strings per field name and list sizes per field name."""

    strings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    max_items: dict[str, int] = field(default_factory=dict)
    default_max_items: int = 6


_MEMO: dict[tuple[int, int, str | None], st.SearchStrategy[Any]] = {}


def valid(shape: Shape, flavour: Flavour, name: str | None = None) -> st.SearchStrategy[Any]:
    """Valid JSON values of ``shape``; ``name`` is the field holding it (for the flavour)."""
    # Built once per place: mutations ask for valid values again and again, and building a
    # strategy costs more than drawing from it.
    key = (id(shape), id(flavour), name)
    found = _MEMO.get(key)
    if found is None:
        found = _MEMO[key] = _valid(shape, flavour, name)
    return found


def _valid(shape: Shape, flavour: Flavour, name: str | None) -> st.SearchStrategy[Any]:
    if isinstance(shape, Integer):
        return values.integers(shape)
    if isinstance(shape, Number):
        return values.numbers(shape)
    if isinstance(shape, String):
        return values.strings(shape, flavour.strings.get(name or "", ()))
    if isinstance(shape, Choice):
        return st.sampled_from(shape.values)
    if isinstance(shape, Tuple):
        return st.tuples(*(valid(s, flavour) for s in shape.items)).map(list)
    if isinstance(shape, Array):
        return _array(shape, flavour, name)
    return _object(shape, flavour)


def _array(shape: Array, flavour: Flavour, name: str | None) -> st.SearchStrategy[list[Any]]:
    item = valid(shape.item, flavour, _singular(name))
    high = max(shape.min_items, flavour.max_items.get(name or "", flavour.default_max_items))
    distinct = tuple(key for key in (r.distinct_by() for r in shape.rules) if key is not None)

    def sized(low: int, top: int) -> st.SearchStrategy[list[Any]]:
        if distinct:
            return st.lists(item, min_size=low, max_size=top, unique_by=distinct)
        return st.lists(item, min_size=low, max_size=top)

    # Short lists most of the time, and now and then a long one (dozens of tables): a document's
    # cost, to generate and to validate, grows with its length.
    short = sized(shape.min_items, min(high, shape.min_items + 3))
    lists = st.one_of(short, short, short, sized(shape.min_items, high))

    @st.composite
    def draw_array(draw: st.DrawFn) -> list[Any]:
        items: list[Any] = draw(lists)
        source = Drawn(draw, shape, flavour)
        for rule in shape.rules:
            items = rule.satisfy(items, source)
        return items

    return draw_array()


class Drawn:
    """The ``Source`` a rule's ``satisfy`` and ``breaks`` get here: hypothesis draws the choices,
    and bounds come from the shape of the value being changed (an array or an object)."""

    def __init__(self, draw: st.DrawFn, shape: Array | Object, flavour: Flavour) -> None:
        self.draw, self.shape, self.flavour = draw, shape, flavour

    def _field(self, member: str) -> Shape:
        assert isinstance(self.shape, Object)
        return self.shape.fields[member].shape

    def resized(self, member: str | None, items: list[Any], n: int) -> list[Any]:
        array = self.shape if member is None else self._field(member)
        assert isinstance(array, Array)
        if len(items) >= n:
            return items[:n]
        more = n - len(items)
        return [*items, *self.draw(st.lists(valid(array.item, self.flavour), min_size=more,
                                            max_size=more))]

    def equal(self, value: Any) -> Any:
        """An equal value, sometimes in another spelling (``64`` and ``64.0`` compare equal)."""
        if is_number(value) and float(value).is_integer():
            return (value, int(value), float(value))[self.draw(st.integers(0, 2))]
        return copy.deepcopy(value)

    def chosen(self, member: str, options: list[Any], current: list[Any]) -> list[Any]:
        names = sorted({o for o in options if isinstance(o, str)})
        array = self._field(member)
        assert isinstance(array, Array)
        if not names:
            return []
        return self.draw(st.lists(st.integers(0, len(names) - 1), min_size=array.min_items,
                                  max_size=6).map(lambda picks: [names[i] for i in picks]))

    def fits(self, member: str, value: Any) -> bool:
        field = self._field(member)
        if isinstance(field, Integer):
            return bool(field.minimum <= value <= field.maximum)
        if isinstance(field, Number):
            return ((field.minimum is None or value >= field.minimum)
                    and (field.maximum is None or value < field.maximum
                         or (value == field.maximum and not field.exclusive_maximum)))
        return True

    def above(self, member: str, value: Any) -> Any:
        field = self._field(member)
        return int(value) + 1 if isinstance(field, Integer) and value < field.maximum else None

    def below(self, member: str, value: Any) -> Any:
        field = self._field(member)
        return int(value) - 1 if isinstance(field, Integer) and value > field.minimum else None


def _singular(name: str | None) -> str | None:
    return name[:-1] if name and name.endswith("s") else name


_ABSENT, _SET, _NULL = "absent", "set", "null"


def _object(shape: Object, flavour: Flavour) -> st.SearchStrategy[dict[str, Any]]:
    fields = {name: valid(slot.shape, flavour, name) for name, slot in shape.fields.items()}
    derived = {m for m in (r.derived_member() for r in shape.rules) if m is not None}
    # A field that depends on others is drawn after them.
    order = sorted(shape.fields, key=lambda n: n in derived)

    group_choices = [st.sampled_from(g.members if g.kind == "one-of" else (None, *g.members))
                     for g in shape.groups]

    @st.composite
    def draw_object(draw: st.DrawFn) -> dict[str, Any]:
        chosen: set[str] = set()
        for choice in group_choices:
            member = draw(choice)
            if member is not None:
                chosen.add(member)
        out: dict[str, Any] = {}
        for name in order:
            slot = shape.fields[name]
            state = _state(draw, name, slot, chosen)
            if state == _NULL:
                out[name] = None
            elif state == _SET:
                # A derived array is left for its rule's ``satisfy`` to fill.
                derive = name in derived and isinstance(slot.shape, Array)
                out[name] = [] if derive else draw(fields[name])
        source = Drawn(draw, shape, flavour)
        for rule in shape.rules:
            out = rule.satisfy(out, source)
        return {name: out[name] for name in shape.fields if name in out}

    return draw_object()


_UNSET_MEMBER = st.sampled_from((_ABSENT, _NULL))
_OPTIONAL = st.sampled_from((_ABSENT, _SET))
_NULLABLE = st.sampled_from((_ABSENT, _SET, _NULL))


def _state(draw: st.DrawFn, name: str, slot: Slot, chosen: set[str]) -> str:
    if slot.group is not None:
        if name in chosen:
            return _SET
        return draw(_UNSET_MEMBER) if slot.nullable else _ABSENT
    if slot.required:
        return _SET
    return draw(_NULLABLE if slot.nullable else _OPTIONAL)
