"""Valid documents for a shape: every rule of the contract holds by construction.

Optional fields come absent, ``null`` or set; each ``one_of`` group gets exactly one member set
(the others absent or null); arrays keep their rules (unique names, shared values, increasing
numbers); object rules (references, length relations, greater-than) are met by drawing the
dependent field after the one it depends on.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from embedding_contract.vocabulary import (
    EqualAcross,
    GreaterThan,
    LengthRelation,
    References,
    StrictlyIncreasing,
    UniqueBy,
)
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
    unique_by = [r.key for r in shape.rules if isinstance(r, UniqueBy)]
    increasing = any(isinstance(r, StrictlyIncreasing) for r in shape.rules)
    equal = [k for r in shape.rules if isinstance(r, EqualAcross) for k in r.keys]

    def sized(low: int, top: int) -> st.SearchStrategy[list[Any]]:
        if unique_by:
            return st.lists(item, min_size=low, max_size=top,
                            unique_by=tuple(_by(k) for k in unique_by))
        return st.lists(item, min_size=low, max_size=top, unique=increasing)

    # Short lists most of the time, and now and then a long one (dozens of tables): a document's
    # cost, to generate and to validate, grows with its length.
    short = sized(shape.min_items, min(high, shape.min_items + 3))
    lists = st.one_of(short, short, short, sized(shape.min_items, high))

    @st.composite
    def draw_array(draw: st.DrawFn) -> list[Any]:
        items: list[Any] = draw(lists)
        if increasing:
            items.sort()
        for key in equal:
            if items and isinstance(items[0], dict) and key in items[0]:
                for other in items[1:]:
                    if isinstance(other, dict):
                        other[key] = _same_value(draw, items[0][key])
        return items

    return draw_array()


def _by(key: str) -> Any:
    return lambda item: item.get(key) if isinstance(item, dict) else None


def _same_value(draw: st.DrawFn, value: Any) -> Any:
    """An equal value, sometimes in another spelling (``64`` and ``64.0`` compare equal)."""
    if (isinstance(value, (int, float)) and not isinstance(value, bool)
            and float(value).is_integer()):
        return (value, int(value), float(value))[draw(st.integers(0, 2))]
    return copy.deepcopy(value)


def _singular(name: str | None) -> str | None:
    return name[:-1] if name and name.endswith("s") else name


_ABSENT, _SET, _NULL = "absent", "set", "null"


def _object(shape: Object, flavour: Flavour) -> st.SearchStrategy[dict[str, Any]]:
    fields = {name: valid(slot.shape, flavour, name) for name, slot in shape.fields.items()}
    references = {r.property: r for r in shape.rules if isinstance(r, References)}
    lengths = {r.property: r for r in shape.rules if isinstance(r, LengthRelation)}
    greater = [r for r in shape.rules if isinstance(r, GreaterThan)]
    # A field that depends on another is drawn after it.
    order = sorted(shape.fields, key=lambda n: n in references or n in lengths)

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
                dependent = _dependent(name, slot, out, references, lengths, flavour)
                out[name] = draw(fields[name] if dependent is None else dependent)
        for rule in greater:
            _make_greater(draw, shape, out, rule)
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


def _dependent(name: str, slot: Slot, out: dict[str, Any], references: dict[str, References],
               lengths: dict[str, LengthRelation],
               flavour: Flavour) -> st.SearchStrategy[Any] | None:
    """A strategy for a field whose valid values depend on a field drawn before it."""
    if not isinstance(slot.shape, Array):
        return None
    if name in references:
        rule = references[name]
        targets = out.get(rule.target)
        names = sorted({t[rule.key] for t in targets or () if isinstance(t, dict)
                        and isinstance(t.get(rule.key), str)})
        if not names:
            return st.builds(list)
        return st.lists(st.integers(0, len(names) - 1), min_size=slot.shape.min_items,
                        max_size=6).map(lambda picks: [names[i] for i in picks])
    if name in lengths:
        relation = lengths[name]
        other = out.get(relation.other)
        if isinstance(other, list):
            size = len(other) + relation.offset
            return st.lists(valid(slot.shape.item, flavour), min_size=size, max_size=size)
    return None


def _make_greater(draw: st.DrawFn, shape: Object, out: dict[str, Any], rule: GreaterThan) -> None:
    """Reorder or nudge the two numbers so that ``property > than`` holds within both bounds."""
    big, small = out.get(rule.property), out.get(rule.than)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (big, small)):
        return
    assert big is not None and small is not None
    if big < small:
        out[rule.property], out[rule.than] = small, big
    elif big == small:
        top = shape.fields[rule.property].shape
        bottom = shape.fields[rule.than].shape
        if isinstance(top, Integer) and big < top.maximum:
            out[rule.property] = int(big) + 1
        elif isinstance(bottom, Integer) and small > bottom.minimum:
            out[rule.than] = int(small) - 1
        else:
            raise AssertionError(f"cannot order {rule}: both at a bound ({big})")
