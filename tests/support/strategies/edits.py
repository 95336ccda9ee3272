"""The mutations that break a value's standard keywords: types, bounds, required keys, enums,
closed objects, one-of groups, the text of strings and numbers (for the rules' own, see
``rule_edits``)."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from tests.support.strategies import values
from tests.support.strategies.shapes import (
    Array,
    Choice,
    Integer,
    Number,
    Object,
    Shape,
    String,
    Tuple,
)
from tests.support.strategies.sites import Edit, Kind, get, memo, pick


class Overflow(float):
    """A number beyond the 64-bit float range: ``1e400`` in JSON text, read as ±inf."""

    @property
    def text(self) -> str:
        return "-1e400" if self < 0 else "1e400"


def _is_number(shape: Shape) -> bool:
    return isinstance(shape, (Integer, Number))


def _one_of_groups(shape: Shape) -> list[Any]:
    if isinstance(shape, Object):
        return [g for g in shape.groups if g.kind == "one-of" and len(g.members) >= 2]
    return []


def _drop_required(e: Edit) -> bool:
    del get(e.box, e.path[:-1])[e.path[-1]]
    return True


@memo
def _unknown_names(shape: Object) -> st.SearchStrategy[str]:
    known = set(shape.fields)
    # Near-misses of real field names (another case, camelCase: what an alias would accept),
    # and names from nowhere.
    near = [n.title() for n in known] + [_camel(n) for n in known] + [n + "s" for n in known]
    return st.one_of(st.sampled_from(sorted({*near, "$schema", "extra", "type"} - known)),
                     values.text(1).filter(lambda k: k not in known))


_ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), values.text(),
                       st.lists(st.integers(), max_size=2),
                       st.dictionaries(values.text(1), st.integers(), max_size=1))


def _unknown_key(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    assert isinstance(shape, Object)
    if not isinstance(obj, dict):
        return False
    obj[e.draw(_unknown_names(shape))] = e.draw(_ANY_VALUE)
    return True


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


_NUMERIC_STRING = st.sampled_from(values.NUMERIC_STRINGS)
_ANY_STRING = st.one_of(_NUMERIC_STRING, values.text())
# Built fractional rather than filtered: Hypothesis draws whole floats often, and a filter that
# keeps failing aborts the test case. Below 2**40 the float spacing keeps every fraction.
_FRACTION = st.tuples(st.integers(-(2**40), 2**40),
                      st.sampled_from((0.5, 0.25, 0.1, 0.001, -0.75))).map(lambda p: p[0] + p[1])
_FRACTION_FOR_INTEGER = st.one_of(st.sampled_from((0.5, 1.5, 64.5, -0.5, 1e-9)), _FRACTION)
_ANY_FLOAT = st.one_of(st.sampled_from((0.5, 1.0, 64.0)), _FRACTION)


def _wrong_string(e: Edit) -> bool:
    return e.replace(e.draw(_NUMERIC_STRING if _is_number(e.site.shape) else _ANY_STRING))


def _wrong_float(e: Edit) -> bool:
    return e.replace(e.draw(_FRACTION_FOR_INTEGER if isinstance(e.site.shape, Integer)
                            else _ANY_FLOAT))


def _wrong_list(e: Edit) -> bool:
    return e.replace([e.valid(e.site.shape) for _ in range(e.draw(st.integers(0, 2)))])


def _wrong_object(e: Edit) -> bool:
    return e.replace({"value": e.value} if e.draw(st.booleans()) else {})


_BEYOND = (-1, 0, 2**53, 2**53 + 1, 2**63, 2**64, 10**30, -(2**53), -(2**63), 1e19, -1e19,
           float(2**53), 1e300)


@memo
def _outside_integer(shape: Integer) -> st.SearchStrategy[Any]:
    outside = [v for v in (*_BEYOND, shape.minimum - 1, shape.maximum + 1)
               if not shape.minimum <= v <= shape.maximum]
    return st.one_of(st.sampled_from(outside), st.integers(min_value=shape.maximum + 1),
                     st.integers(max_value=shape.minimum - 1))


@memo
def _outside_number(shape: Number) -> st.SearchStrategy[Any]:
    options: list[st.SearchStrategy[Any]] = []
    if shape.minimum is not None:
        lo = shape.minimum
        options += [st.sampled_from((math.nextafter(lo, -math.inf), lo - 1, -1e308, -5e-324)),
                    st.floats(max_value=lo, allow_nan=False,
                              allow_infinity=False).filter(lambda f: f < lo)]
    # No finite double lies above the largest one: 1e400 is the float-overflow kind's.
    if shape.maximum is not None and (shape.exclusive_maximum
                                      or shape.maximum < sys.float_info.max):
        hi = shape.maximum
        above = [hi + 1, 1e308] + ([hi, int(hi)] if shape.exclusive_maximum
                                   and float(hi).is_integer()
                                   else [math.nextafter(hi, math.inf)])
        options += [st.sampled_from(above),
                    st.floats(min_value=hi, exclude_min=not shape.exclusive_maximum,
                              allow_nan=False, allow_infinity=False)]
    return st.one_of(options)


_NON_FINITE = st.sampled_from((math.nan, math.inf, -math.inf))
_OVERFLOW = st.sampled_from(
    (Overflow(math.inf), Overflow(-math.inf), 10**400, -(10**400), 2 * 10**308))


def _integer_out_of_range(e: Edit) -> bool:
    return e.replace(e.draw(_outside_integer(e.site.shape)))


def _number_out_of_range(e: Edit) -> bool:
    return e.replace(e.draw(_outside_number(e.site.shape)))


def _non_finite(e: Edit) -> bool:
    return e.replace(e.draw(_NON_FINITE))


def _overflow(e: Edit) -> bool:
    return e.replace(e.draw(_OVERFLOW))


@memo
def _not_in_enum(shape: Choice) -> st.SearchStrategy[str]:
    near = [v.upper() for v in shape.values] + [f" {v}" for v in shape.values] + [
        v + "x" for v in shape.values] + ["", "fp64", "bf16"]
    return st.one_of(st.sampled_from(near), values.text()).filter(
        lambda v: v not in shape.values)


def _bad_enum(e: Edit) -> bool:
    return e.replace(e.draw(_not_in_enum(e.site.shape)))


def _tuple_length(e: Edit) -> bool:
    shape = e.site.shape
    assert isinstance(shape, Tuple)
    items = [e.valid(s) for s in shape.items]
    size = pick(e.draw, [n for n in (0, 1, len(items) + 1) if n != len(items)])
    return e.replace((items + items)[:size])


def _lone_surrogate(e: Edit) -> bool:
    text = e.value if isinstance(e.value, str) else ""
    at = e.draw(st.integers(0, len(text)))
    lone = pick(e.draw, ("\ud800", "\udbff", "\udc00", "\udfff"))
    changed = text[:at] + lone + text[at:]
    # Two halves side by side make a pair, which JSON text would read back as one character.
    if json.loads(json.dumps(changed)) != changed:
        return False
    return e.replace(changed)


def _two_set(e: Edit) -> bool:
    obj = e.value
    if not isinstance(obj, dict):
        return False
    group = pick(e.draw, _one_of_groups(e.site.shape))
    first = e.draw(st.integers(0, len(group.members) - 2))
    two = (group.members[first], group.members[e.draw(st.integers(first + 1,
                                                                   len(group.members) - 1))])
    shape = e.site.shape
    assert isinstance(shape, Object)
    for member in two:
        if obj.get(member) is None:
            obj[member] = e.valid(shape.fields[member].shape, member)
    return True


def _none_set(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    if not isinstance(obj, dict):
        return False
    assert isinstance(shape, Object)
    group = pick(e.draw, _one_of_groups(shape))
    for member in group.members:
        if shape.fields[member].nullable and e.draw(st.booleans()):
            obj[member] = None
        else:
            obj.pop(member, None)
    return True


def _constant(strategy: st.SearchStrategy[Any]) -> Callable[[Edit], bool]:
    return lambda e: e.replace(e.draw(strategy))



KINDS: dict[str, Kind] = {
    "drop-required": Kind(lambda s: s.slot is not None and s.slot.required, _drop_required),
    "unknown-key": Kind(lambda s: isinstance(s.shape, Object), _unknown_key),
    "wrong-type-string": Kind(lambda s: not isinstance(s.shape, (String, Choice)),
                              _wrong_string),
    "wrong-type-bool": Kind(lambda s: True, _constant(st.booleans())),
    "wrong-type-float": Kind(lambda s: not isinstance(s.shape, Number), _wrong_float),
    "wrong-type-null": Kind(lambda s: s.slot is None or not s.slot.nullable,
                            lambda e: e.replace(None)),
    "wrong-type-list": Kind(lambda s: not isinstance(s.shape, (Array, Tuple)), _wrong_list),
    "wrong-type-object": Kind(lambda s: not isinstance(s.shape, Object), _wrong_object),
    "integer-out-of-range": Kind(lambda s: isinstance(s.shape, Integer), _integer_out_of_range),
    "number-out-of-range": Kind(lambda s: isinstance(s.shape, Number) and (
        s.shape.minimum is not None or s.shape.maximum is not None), _number_out_of_range),
    "non-finite-float": Kind(lambda s: _is_number(s.shape), _non_finite),
    "float-overflow": Kind(lambda s: _is_number(s.shape), _overflow),
    "empty-string": Kind(lambda s: isinstance(s.shape, String) and s.shape.min_length > 0,
                         lambda e: e.replace("")),
    "bad-enum-value": Kind(lambda s: isinstance(s.shape, Choice), _bad_enum),
    "tuple-wrong-length": Kind(lambda s: isinstance(s.shape, Tuple), _tuple_length),
    "lone-surrogate": Kind(lambda s: isinstance(s.shape, (String, Choice)), _lone_surrogate),
    "one-of-none-set": Kind(lambda s: bool(_one_of_groups(s.shape)), _none_set),
    "one-of-two-set": Kind(lambda s: bool(_one_of_groups(s.shape)), _two_set),
    "empty-list": Kind(lambda s: isinstance(s.shape, Array) and s.shape.min_items > 0,
                       lambda e: e.replace([])),
}
