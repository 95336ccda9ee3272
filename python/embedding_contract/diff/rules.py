"""The one table of diff rules: each a small named check with a stable ID, a category and a doc.

A rule looks at one :class:`~.walk.Pair` (the same place in the old and the new schema, ``$ref``
already resolved) and yields a :class:`~.walk.Delta` per change it sees, with its effect on each
direction for a positive context (the walk inverts it under ``not`` and blurs it under ``oneOf``):

- narrowing (NEW accepts less): backward breaking, forward compatible;
- widening (NEW accepts more): forward breaking, backward compatible;
- both, neutral (validity unchanged, meaning changed: minor), annotation (patch), or unknown
  (possibly breaking both ways: the diff fails closed).

Rule IDs are stable: exceptions and CI annotations refer to them. Document-level rules (a schema
file added or removed, the vocabulary meta-schema) are emitted by the engine, not by a check.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effect
from embedding_contract.diff.walk import (
    ANNOTATIONS,
    Delta,
    Pair,
    canonical,
    deref,
    expand,
    is_closed,
    is_null_branch,
    is_trivial,
    type_atoms,
)
from embedding_contract.vocabulary import VOCABULARY

B, C, P, A = Effect.BREAKING, Effect.COMPATIBLE, Effect.POSSIBLY_BREAKING, Effect.ANNOTATION
NARROW, WIDEN, BOTH = (B, C), (C, B), (B, B)
NEUTRAL, NOTE, UNKNOWN = (C, C), (A, A), (P, P)

Check = Callable[[Pair], Iterable[Delta]]


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    doc: str
    keywords: tuple[str, ...]
    check: Check | None


RULES: dict[str, Rule] = {}

STRUCTURAL = frozenset({"properties", "items", "prefixItems", "additionalProperties", "anyOf",
                        "oneOf", "allOf", "not", "$ref", "$defs", "definitions"})
"""Keywords the walk descends through itself (rules report their additions and removals)."""


def rule(rule_id: str, category: str, doc: str,
         keywords: tuple[str, ...] = ()) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule {rule_id}")
        RULES[rule_id] = Rule(rule_id, category, doc, keywords, check)
        return check

    return register


def document_rule(rule_id: str, category: str, doc: str) -> None:
    RULES[rule_id] = Rule(rule_id, category, doc, (), None)


def _delta(at: tuple[Any, ...], old: Any, new: Any, effects: tuple[Effect, Effect],
           **hint: Any) -> Delta:
    return Delta(at, old, new, effects[0], effects[1], dict(hint))


def _get(node: Mapping[str, Any], key: str) -> Any:
    return node.get(key, ABSENT)


# -- properties ---------------------------------------------------------------------------------

def _props(node: Mapping[str, Any]) -> Mapping[str, Any]:
    props = node.get("properties", {})
    return props if isinstance(props, Mapping) else {}


def _reader_ignores(p: Pair) -> bool:
    return not p.strict


@rule("property-added", "property",
      "a property was added; a closed OLD rejects it in NEW configs (forward) unless readers "
      "ignore unknown keys", ("properties",))
def property_added(p: Pair) -> Iterator[Delta]:
    old_props, new_props = _props(p.old), _props(p.new)
    for key in sorted(set(new_props) - set(old_props)):
        old_extra = _get(p.old, "additionalProperties")
        if is_closed(p.old):
            backward, forward = C, (C if _reader_ignores(p) else B)
        else:
            backward = C if is_trivial(new_props[key]) else B
            forward = C if _reader_ignores(p) or is_trivial(old_extra) else B
        yield _delta(("properties", key), ABSENT, new_props[key], (backward, forward), key=key,
                     child=key)


@rule("property-removed", "property",
      "a property was removed; a closed NEW rejects OLD configs that carry it (backward) unless "
      "readers ignore unknown keys", ("properties",))
def property_removed(p: Pair) -> Iterator[Delta]:
    old_props, new_props = _props(p.old), _props(p.new)
    for key in sorted(set(old_props) - set(new_props)):
        new_extra = _get(p.new, "additionalProperties")
        if is_closed(p.new):
            backward, forward = (C if _reader_ignores(p) else B), C
        else:
            backward = C if _reader_ignores(p) or is_trivial(new_extra) else B
            forward = C if is_trivial(old_props[key]) else B
        yield _delta(("properties", key), old_props[key], ABSENT, (backward, forward), key=key,
                     child=key)


def _required(node: Mapping[str, Any]) -> list[str]:
    req = node.get("required", [])
    return [r for r in req if isinstance(r, str)] if isinstance(req, list) else []


@rule("required-added", "required",
      "a property became required: OLD configs without it are rejected", ("required",))
def required_added(p: Pair) -> Iterator[Delta]:
    old = set(_required(p.old))
    for key in sorted(set(_required(p.new)) - old):
        yield _delta(("properties", key), "optional", "required", NARROW, key=key, child=key)


@rule("required-removed", "required",
      "a property became optional: NEW configs without it are rejected by OLD", ("required",))
def required_removed(p: Pair) -> Iterator[Delta]:
    new = set(_required(p.new))
    for key in sorted(set(_required(p.old)) - new):
        yield _delta(("properties", key), "required", "optional", WIDEN, key=key, child=key)


@rule("additional-properties-forbidden", "object",
      "the object became closed (additionalProperties: false): OLD configs with unknown keys are "
      "rejected", ("additionalProperties",))
def additional_properties_forbidden(p: Pair) -> Iterator[Delta]:
    if is_closed(p.new) and not is_closed(p.old):
        yield _delta(("additionalProperties",), _get(p.old, "additionalProperties"),
                     p.new["additionalProperties"], (C, C) if _reader_ignores(p) else NARROW)


@rule("additional-properties-allowed", "object",
      "the object is no longer closed: NEW configs may carry keys a closed OLD rejects",
      ("additionalProperties",))
def additional_properties_allowed(p: Pair) -> Iterator[Delta]:
    if is_closed(p.old) and not is_closed(p.new):
        yield _delta(("additionalProperties",), p.old["additionalProperties"],
                     _get(p.new, "additionalProperties"), (C, C) if _reader_ignores(p) else WIDEN)


# -- types and values ---------------------------------------------------------------------------

_ALL = frozenset({"null", "boolean", "object", "array", "string", "integer", "fraction"})


def _type_sets(p: Pair) -> tuple[frozenset[str], frozenset[str]]:
    old, new = type_atoms(p.old), type_atoms(p.new)
    return (_ALL if old is None else old), (_ALL if new is None else new)


def _type_change(p: Pair) -> tuple[frozenset[str], frozenset[str]]:
    """(lost, gained) kinds of value, ignoring null when both sides declare a type."""
    old, new = _type_sets(p)
    if "type" in p.old and "type" in p.new:
        old, new = old - {"null"}, new - {"null"}
    return old - new, new - old


@rule("type-narrowed", "type",
      "the type admits fewer kinds of value (for example number to integer)", ("type",))
def type_narrowed(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if lost and not gained:
        yield _delta(("type",), _get(p.old, "type"), _get(p.new, "type"), NARROW,
                     atoms=sorted(lost))


@rule("type-widened", "type",
      "the type admits more kinds of value (for example integer to number)", ("type",))
def type_widened(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if gained and not lost:
        yield _delta(("type",), _get(p.old, "type"), _get(p.new, "type"), WIDEN,
                     atoms=sorted(gained))


@rule("type-changed", "type", "the type changed to an unrelated one", ("type",))
def type_changed(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if gained and lost:
        yield _delta(("type",), _get(p.old, "type"), _get(p.new, "type"), BOTH,
                     lost=sorted(lost), gained=sorted(gained))


def _null_branches(p: Pair) -> tuple[bool, bool]:
    matching = p.branches("anyOf")
    old, new = p.old.get("anyOf", []), p.new.get("anyOf", [])
    removed = any(is_null_branch(p.old_root, old[i]) for i in matching.removed)
    added = any(is_null_branch(p.new_root, new[j]) for j in matching.added)
    return removed, added


def _null_by_type(p: Pair) -> tuple[bool, bool]:
    if "type" not in p.old or "type" not in p.new:
        return False, False
    old, new = _type_sets(p)
    return ("null" in old and "null" not in new), ("null" in new and "null" not in old)


@rule("null-removed", "type", "null is no longer accepted (an optional field lost its null)",
      ("type",))
def null_removed(p: Pair) -> Iterator[Delta]:
    if _null_by_type(p)[0]:
        yield _delta(("type",), p.old["type"], p.new["type"], NARROW, value=None)
    if _null_branches(p)[0]:
        yield _delta(("anyOf",), p.old["anyOf"], p.new["anyOf"], NARROW, value=None)


@rule("null-added", "type", "null is now accepted", ("type",))
def null_added(p: Pair) -> Iterator[Delta]:
    if _null_by_type(p)[1]:
        yield _delta(("type",), p.old["type"], p.new["type"], WIDEN, value=None)
    if _null_branches(p)[1]:
        yield _delta(("anyOf",), p.old["anyOf"], p.new["anyOf"], WIDEN, value=None)


def _values(node: Mapping[str, Any]) -> dict[str, Any] | None:
    """The values ``const``/``enum`` restrict to (canonical form -> value), or None if any."""
    allowed: dict[str, Any] | None = None
    if "enum" in node and isinstance(node["enum"], list):
        allowed = {canonical(v): v for v in node["enum"]}
    if "const" in node:
        const = {canonical(node["const"]): node["const"]}
        allowed = const if allowed is None else {k: v for k, v in allowed.items() if k in const}
    return allowed


def _value_at(p: Pair) -> tuple[str, ...]:
    return ("const",) if "const" in p.new or "const" in p.old else ("enum",)


def _both_const(p: Pair) -> bool:
    return "const" in p.old and "const" in p.new and "enum" not in p.old and "enum" not in p.new


@rule("const-changed", "value", "the one allowed value (const) changed", ("const",))
def const_changed(p: Pair) -> Iterator[Delta]:
    if _both_const(p) and canonical(p.old["const"]) != canonical(p.new["const"]):
        yield _delta(("const",), p.old["const"], p.new["const"], BOTH)


@rule("enum-value-added", "value", "a value was added to the allowed values (enum)", ("enum",))
def enum_value_added(p: Pair) -> Iterator[Delta]:
    old, new = _values(p.old), _values(p.new)
    if old is not None and new is not None and not _both_const(p):
        added = [new[k] for k in sorted(set(new) - set(old))]
        if added:
            yield _delta(_value_at(p), _get(p.old, _value_at(p)[0]),
                         _get(p.new, _value_at(p)[0]), WIDEN, values=added)


@rule("enum-value-removed", "value", "a value was removed from the allowed values (enum)",
      ("enum",))
def enum_value_removed(p: Pair) -> Iterator[Delta]:
    old, new = _values(p.old), _values(p.new)
    if old is not None and new is not None and not _both_const(p):
        removed = [old[k] for k in sorted(set(old) - set(new))]
        if removed:
            yield _delta(_value_at(p), _get(p.old, _value_at(p)[0]),
                         _get(p.new, _value_at(p)[0]), NARROW, values=removed)


@rule("enum-added", "value", "the values became restricted (enum or const added)",
      ("enum", "const"))
def enum_added(p: Pair) -> Iterator[Delta]:
    if _values(p.old) is None and _values(p.new) is not None:
        yield _delta(_value_at(p), ABSENT, _get(p.new, _value_at(p)[0]), NARROW)


@rule("enum-removed", "value", "the values are no longer restricted (enum or const removed)",
      ("enum", "const"))
def enum_removed(p: Pair) -> Iterator[Delta]:
    if _values(p.old) is not None and _values(p.new) is None:
        yield _delta(_value_at(p), _get(p.old, _value_at(p)[0]), ABSENT, WIDEN)


# -- bounds ---------------------------------------------------------------------------------------

def _applies(p: Pair, atoms: frozenset[str]) -> bool:
    old, new = _type_sets(p)
    return bool((old | new) & atoms)


_NUMBERS = frozenset({"integer", "fraction"})


def numeric_bound(node: Mapping[str, Any], inclusive: str, exclusive: str,
           lower: bool) -> tuple[float, bool] | None:
    """The tightest of an inclusive and an exclusive bound: (value, exclusive?)."""
    found: list[tuple[float, bool]] = []
    for key, excl in ((inclusive, False), (exclusive, True)):
        value = node.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append((value, excl))
    if not found:
        return None
    if lower:
        return max(found, key=lambda b: (b[0], b[1]))
    return min(found, key=lambda b: (b[0], not b[1]))


def _tighter(new: tuple[float, bool] | None, old: tuple[float, bool] | None,
             lower: bool) -> bool:
    """Does ``new`` exclude some number ``old`` admits?"""
    if new is None:
        return False
    if old is None:
        return True
    if new[0] != old[0]:
        return new[0] > old[0] if lower else new[0] < old[0]
    return new[1] and not old[1]


def _bound_rule(p: Pair, lower: bool, tightened: bool) -> Iterator[Delta]:
    keys = ("minimum", "exclusiveMinimum") if lower else ("maximum", "exclusiveMaximum")
    old, new = numeric_bound(p.old, *keys, lower), numeric_bound(p.new, *keys, lower)
    hit = _tighter(new, old, lower) if tightened else _tighter(old, new, lower)
    if not hit:
        return
    effects = (NARROW if tightened else WIDEN) if _applies(p, _NUMBERS) else NEUTRAL
    at = next((k for k in keys if k in p.new), None) or next(k for k in keys if k in p.old)
    yield _delta((at,), {k: p.old[k] for k in keys if k in p.old} or ABSENT,
                 {k: p.new[k] for k in keys if k in p.new} or ABSENT, effects,
                 old_bound=old, new_bound=new, lower=lower)


@rule("minimum-tightened", "number",
      "the lower bound (minimum/exclusiveMinimum) rose or was added",
      ("minimum", "exclusiveMinimum"))
def minimum_tightened(p: Pair) -> Iterator[Delta]:
    yield from _bound_rule(p, lower=True, tightened=True)


@rule("minimum-loosened", "number",
      "the lower bound (minimum/exclusiveMinimum) fell or was removed",
      ("minimum", "exclusiveMinimum"))
def minimum_loosened(p: Pair) -> Iterator[Delta]:
    yield from _bound_rule(p, lower=True, tightened=False)


@rule("maximum-tightened", "number",
      "the upper bound (maximum/exclusiveMaximum) fell or was added",
      ("maximum", "exclusiveMaximum"))
def maximum_tightened(p: Pair) -> Iterator[Delta]:
    yield from _bound_rule(p, lower=False, tightened=True)


@rule("maximum-loosened", "number",
      "the upper bound (maximum/exclusiveMaximum) rose or was removed",
      ("maximum", "exclusiveMaximum"))
def maximum_loosened(p: Pair) -> Iterator[Delta]:
    yield from _bound_rule(p, lower=False, tightened=False)


def _multiple_relation(old: Any, new: Any) -> tuple[Effect, Effect] | None:
    def num(x: Any) -> bool:
        return isinstance(x, (int, float)) and not isinstance(x, bool) and x > 0

    if old is ABSENT and new is ABSENT:
        return None
    if old is ABSENT:
        return NARROW
    if new is ABSENT:
        return WIDEN
    if not (num(old) and num(new)) or canonical(old) == canonical(new):
        return None if canonical(old) == canonical(new) else UNKNOWN
    if (old / new).is_integer():
        return WIDEN  # every multiple of old is a multiple of new
    if (new / old).is_integer():
        return NARROW
    return BOTH


def _multiple_rule(p: Pair, effects: tuple[Effect, Effect]) -> Iterator[Delta]:
    old, new = _get(p.old, "multipleOf"), _get(p.new, "multipleOf")
    found = _multiple_relation(old, new)
    if found is None:
        return
    if found == effects or (effects == BOTH and found == UNKNOWN):
        yield _delta(("multipleOf",), old, new,
                     found if _applies(p, _NUMBERS) else NEUTRAL)


@rule("multiple-of-tightened", "number",
      "multipleOf was added or became a multiple of the old one", ("multipleOf",))
def multiple_of_tightened(p: Pair) -> Iterator[Delta]:
    yield from _multiple_rule(p, NARROW)


@rule("multiple-of-loosened", "number",
      "multipleOf was removed or became a divisor of the old one", ("multipleOf",))
def multiple_of_loosened(p: Pair) -> Iterator[Delta]:
    yield from _multiple_rule(p, WIDEN)


@rule("multiple-of-changed", "number",
      "multipleOf changed to an unrelated value", ("multipleOf",))
def multiple_of_changed(p: Pair) -> Iterator[Delta]:
    yield from _multiple_rule(p, BOTH)


def _count_rule(p: Pair, keyword: str, lower: bool, tightened: bool,
                atoms: frozenset[str]) -> Iterator[Delta]:
    old, new = _get(p.old, keyword), _get(p.new, keyword)
    old_b = None if old is ABSENT else (old, False)
    new_b = None if new is ABSENT else (new, False)
    if lower:  # minLength 0 is no bound at all
        old_b = None if old_b is not None and old_b[0] <= 0 else old_b
        new_b = None if new_b is not None and new_b[0] <= 0 else new_b
    hit = _tighter(new_b, old_b, lower) if tightened else _tighter(old_b, new_b, lower)
    if hit:
        effects = (NARROW if tightened else WIDEN) if _applies(p, atoms) else NEUTRAL
        yield _delta((keyword,), old, new, effects, keyword=keyword)


def _count_rules(keyword: str, slug: str, category: str, what: str,
                 atoms: frozenset[str]) -> None:
    lower = keyword.startswith("min")
    for tightened in (True, False):
        verb = ("rose or was added" if lower else "fell or was added") if tightened else (
            "fell or was removed" if lower else "rose or was removed")

        def check(p: Pair, tightened: bool = tightened) -> Iterator[Delta]:
            yield from _count_rule(p, keyword, lower, tightened, atoms)

        check.__name__ = f"{slug.replace('-', '_')}_{'tightened' if tightened else 'loosened'}"
        rule(f"{slug}-{'tightened' if tightened else 'loosened'}", category,
             f"{keyword} ({what}) {verb}", (keyword,))(check)


_count_rules("minLength", "min-length", "string", "shortest string", frozenset({"string"}))
_count_rules("maxLength", "max-length", "string", "longest string", frozenset({"string"}))
_count_rules("minItems", "min-items", "array", "fewest items", frozenset({"array"}))
_count_rules("maxItems", "max-items", "array", "most items", frozenset({"array"}))
_count_rules("minProperties", "min-properties", "object", "fewest keys", frozenset({"object"}))
_count_rules("maxProperties", "max-properties", "object", "most keys", frozenset({"object"}))


def _pattern_rule(p: Pair, effects: tuple[Effect, Effect]) -> Iterator[Delta]:
    old, new = _get(p.old, "pattern"), _get(p.new, "pattern")
    if old == new:
        return
    found = NARROW if old is ABSENT else WIDEN if new is ABSENT else BOTH
    if found == effects:
        yield _delta(("pattern",), old, new,
                     found if _applies(p, frozenset({"string"})) else NEUTRAL)


@rule("pattern-added", "string", "a pattern now constrains the string", ("pattern",))
def pattern_added(p: Pair) -> Iterator[Delta]:
    yield from _pattern_rule(p, NARROW)


@rule("pattern-removed", "string", "the pattern was removed", ("pattern",))
def pattern_removed(p: Pair) -> Iterator[Delta]:
    yield from _pattern_rule(p, WIDEN)


@rule("pattern-changed", "string",
      "the pattern changed (regular languages are not compared: both directions)", ("pattern",))
def pattern_changed(p: Pair) -> Iterator[Delta]:
    yield from _pattern_rule(p, BOTH)


@rule("format-changed", "string",
      "format changed; validators disagree on asserting it, so the diff fails closed",
      ("format",))
def format_changed(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "format"), _get(p.new, "format")
    if old != new:
        yield _delta(("format",), old, new, UNKNOWN)


@rule("unique-items-added", "array", "array items must now be distinct (uniqueItems)",
      ("uniqueItems",))
def unique_items_added(p: Pair) -> Iterator[Delta]:
    if p.new.get("uniqueItems") is True and p.old.get("uniqueItems") is not True:
        yield _delta(("uniqueItems",), _get(p.old, "uniqueItems"), True, NARROW)


@rule("unique-items-removed", "array", "array items need no longer be distinct",
      ("uniqueItems",))
def unique_items_removed(p: Pair) -> Iterator[Delta]:
    if p.old.get("uniqueItems") is True and p.new.get("uniqueItems") is not True:
        yield _delta(("uniqueItems",), True, _get(p.new, "uniqueItems"), WIDEN)


# -- arrays: items and prefixItems --------------------------------------------------------------

@rule("items-added", "array", "array items became constrained (items added)")
def items_added(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "items"), _get(p.new, "items")
    if old is ABSENT and new is not ABSENT and not is_trivial(new):
        yield _delta(("items",), ABSENT, new, NARROW)


@rule("items-removed", "array", "array items are no longer constrained (items removed)")
def items_removed(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "items"), _get(p.new, "items")
    if new is ABSENT and old is not ABSENT and not is_trivial(old):
        yield _delta(("items",), old, ABSENT, WIDEN)


def position(node: Mapping[str, Any], index: int) -> Any:
    """The schema that applies to array position ``index`` (ABSENT: anything goes)."""
    prefix = node.get("prefixItems", [])
    if isinstance(prefix, list) and index < len(prefix):
        return prefix[index]
    return node.get("items", ABSENT)


def prefix_length(p: Pair) -> int:
    lengths = [len(n.get("prefixItems", [])) for n in (p.old, p.new)
               if isinstance(n.get("prefixItems", []), list)]
    return max(lengths, default=0)


@rule("prefix-item-added", "array",
      "a tuple position became constrained (prefixItems grew where nothing applied before)")
def prefix_item_added(p: Pair) -> Iterator[Delta]:
    for i in range(prefix_length(p)):
        old, new = position(p.old, i), position(p.new, i)
        if old is ABSENT and new is not ABSENT and not is_trivial(new):
            yield _delta(("prefixItems", i), ABSENT, new, NARROW, index=i)


@rule("prefix-item-removed", "array",
      "a tuple position is no longer constrained (prefixItems shrank, no items schema applies)")
def prefix_item_removed(p: Pair) -> Iterator[Delta]:
    for i in range(prefix_length(p)):
        old, new = position(p.old, i), position(p.new, i)
        if new is ABSENT and old is not ABSENT and not is_trivial(old):
            yield _delta(("prefixItems", i), old, ABSENT, WIDEN, index=i)


# -- composition ----------------------------------------------------------------------------------

@rule("anyof-branch-added", "composition", "an anyOf branch was added (more values accepted)")
def anyof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("anyOf", [])
    for j in p.branches("anyOf").added:
        if not is_null_branch(p.new_root, new[j]):
            yield _delta(("anyOf", j), ABSENT, new[j], WIDEN, branch=j)


@rule("anyof-branch-removed", "composition", "an anyOf branch was removed (fewer values accepted)")
def anyof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("anyOf", [])
    for i in p.branches("anyOf").removed:
        if not is_null_branch(p.old_root, old[i]):
            yield _delta(("anyOf", i), old[i], ABSENT, NARROW, branch=i)


@rule("allof-branch-added", "composition", "an allOf branch was added (one more constraint)")
def allof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("allOf", [])
    for j in p.branches("allOf").added:
        yield _delta(("allOf", j), ABSENT, new[j], NARROW, branch=j)


@rule("allof-branch-removed", "composition", "an allOf branch was removed (one constraint fewer)")
def allof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("allOf", [])
    for i in p.branches("allOf").removed:
        yield _delta(("allOf", i), old[i], ABSENT, WIDEN, branch=i)


def _disjoint(root: Any, branch: Any, other: Mapping[str, Any]) -> bool:
    """No instance valid under ``other`` satisfies ``branch``: it requires a key ``other``
    forbids, or admits no kind of value ``other`` admits."""
    keywords = deref(root, branch, "").keywords
    if is_closed(other):
        known = set(_props(other))
        if any(k not in known for k in _required(keywords)):
            return True
    mine, theirs = type_atoms(keywords), type_atoms(other)
    return mine is not None and theirs is not None and not (mine & theirs)


@rule("oneof-branch-added", "composition",
      "a oneOf branch was added: NEW configs using it fail OLD; OLD configs are safe only if "
      "the branch excludes them (exactly-one)")
def oneof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("oneOf", [])
    for j in p.branches("oneOf").added:
        if "oneOf" not in p.old:
            effects = NARROW
        else:
            effects = (C if _disjoint(p.new_root, new[j], p.old) else P, B)
        yield _delta(("oneOf", j), ABSENT, new[j], effects, branch=j)


@rule("oneof-branch-removed", "composition",
      "a oneOf branch was removed: OLD configs using it fail NEW")
def oneof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("oneOf", [])
    for i in p.branches("oneOf").removed:
        if "oneOf" not in p.new:
            effects = WIDEN
        else:
            effects = (B, C if _disjoint(p.old_root, old[i], p.new) else P)
        yield _delta(("oneOf", i), old[i], ABSENT, effects, branch=i)


@rule("not-added", "composition", "a `not` constraint was added")
def not_added(p: Pair) -> Iterator[Delta]:
    if "not" in p.new and "not" not in p.old:
        yield _delta(("not",), ABSENT, p.new["not"], NARROW)


@rule("not-removed", "composition", "a `not` constraint was removed")
def not_removed(p: Pair) -> Iterator[Delta]:
    if "not" in p.old and "not" not in p.new:
        yield _delta(("not",), p.old["not"], ABSENT, WIDEN)


@rule("ref-target-changed", "reference",
      "a $ref points elsewhere; both targets are compared structurally, so by itself this is "
      "an annotation")
def ref_target_changed(p: Pair) -> Iterator[Delta]:
    old, new = p.old_view.refs, p.new_view.refs
    if old and new and old[-1].rsplit("/", 1)[-1] != new[-1].rsplit("/", 1)[-1]:
        yield _delta(("$ref",), old[0], new[0], NOTE)


# -- defaults, the contract's vocabulary, annotations ----------------------------------------------

@rule("default-changed", "default",
      "the default changed, was added or removed: validity is unchanged, the meaning of an "
      "omitted field is not (minor)", ("default",))
def default_changed(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "default"), _get(p.new, "default")
    if canonical(old) != canonical(new):
        yield _delta(("default",), old, new, NEUTRAL)


def _atoms(keyword: str, argument: Any) -> dict[str, Any] | None:
    """A vocabulary declaration as a set of independent rules (canonical -> rule), or None when
    its argument is malformed."""
    try:
        rules = VOCABULARY[keyword].from_argument(argument)
    except (KeyError, TypeError, ValueError):
        return None
    atoms: dict[str, Any] = {}
    for r in rules:
        for part in r.parts():
            atoms[canonical([part.RULE, part.argument()])] = part
    return atoms


def _contract_rule(p: Pair, which: str) -> Iterator[Delta]:
    for keyword in sorted(VOCABULARY):
        old, new = _get(p.old, keyword), _get(p.new, keyword)
        if canonical(old) == canonical(new):
            continue
        old_atoms = {} if old is ABSENT else _atoms(keyword, old)
        new_atoms = {} if new is ABSENT else _atoms(keyword, new)
        if old_atoms is None or new_atoms is None:
            if which == "changed":
                yield _delta((keyword,), old, new, UNKNOWN, keyword=keyword, added=[],
                             removed=[])
            continue
        added = [new_atoms[k] for k in sorted(set(new_atoms) - set(old_atoms))]
        removed = [old_atoms[k] for k in sorted(set(old_atoms) - set(new_atoms))]
        kind = ("changed" if added and removed else "added" if added
                else "removed" if removed else None)
        if kind == which:
            effects = {"added": NARROW, "removed": WIDEN, "changed": BOTH}[kind]
            yield _delta((keyword,), old, new, effects, keyword=keyword, added=added,
                         removed=removed)


@rule("contract-rule-added", "contract",
      "a portable rule (x-contract-*) now applies: OLD configs may violate it",
      tuple(VOCABULARY))
def contract_rule_added(p: Pair) -> Iterator[Delta]:
    yield from _contract_rule(p, "added")


@rule("contract-rule-removed", "contract",
      "a portable rule (x-contract-*) no longer applies: NEW configs may violate it in OLD",
      tuple(VOCABULARY))
def contract_rule_removed(p: Pair) -> Iterator[Delta]:
    yield from _contract_rule(p, "removed")


@rule("contract-rule-changed", "contract",
      "a portable rule (x-contract-*) changed its argument (both directions)",
      tuple(VOCABULARY))
def contract_rule_changed(p: Pair) -> Iterator[Delta]:
    yield from _contract_rule(p, "changed")


def _annotation(p: Pair, keyword: str) -> Iterator[Delta]:
    old, new = _get(p.old, keyword), _get(p.new, keyword)
    if canonical(old) != canonical(new):
        yield _delta((keyword,), old, new, NOTE)


@rule("title-changed", "annotation", "title changed (never breaks)", ("title",))
def title_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation(p, "title")


@rule("description-changed", "annotation", "description changed (never breaks)",
      ("description",))
def description_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation(p, "description")


@rule("examples-changed", "annotation", "examples changed (never breaks)", ("examples",))
def examples_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation(p, "examples")


_OTHER_ANNOTATIONS = tuple(sorted(ANNOTATIONS - {"title", "description", "examples"}))


@rule("annotation-changed", "annotation",
      "another annotation ($comment, deprecated, readOnly, ...) changed (never breaks)",
      _OTHER_ANNOTATIONS)
def annotation_changed(p: Pair) -> Iterator[Delta]:
    for keyword in _OTHER_ANNOTATIONS:
        yield from _annotation(p, keyword)


VERSION_SEGMENT = re.compile(r"/(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)/")


@rule("id-changed", "annotation",
      "$id changed beyond its version segment (a new base URL); never breaks validation",
      ("$id",))
def id_changed(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "$id"), _get(p.new, "$id")
    if isinstance(old, str) and isinstance(new, str):
        if VERSION_SEGMENT.sub("/V/", old) != VERSION_SEGMENT.sub("/V/", new):
            yield _delta(("$id",), old, new, NOTE)
    elif old != new:
        yield _delta(("$id",), old, new, NOTE)


@rule("dialect-changed", "unknown",
      "$schema (the dialect) changed: every keyword may mean something else", ("$schema",))
def dialect_changed(p: Pair) -> Iterator[Delta]:
    old, new = _get(p.old, "$schema"), _get(p.new, "$schema")
    if old != new:
        yield _delta(("$schema",), old, new, UNKNOWN)


@functools.cache
def understood() -> frozenset[str]:
    """Every keyword some rule (or the walk) knows; the table is complete once imported."""
    return STRUCTURAL | {k for r in RULES.values() for k in r.keywords}


@rule("unknown-keyword-changed", "unknown",
      "a keyword the diff does not understand changed: possibly breaking both ways "
      "(fails closed)")
def unknown_keyword_changed(p: Pair) -> Iterator[Delta]:
    known = understood()
    for keyword in sorted((set(p.old) | set(p.new)) - known):
        old, new = _get(p.old, keyword), _get(p.new, keyword)
        old_x = old if old is ABSENT else expand(old, p.old_root)
        new_x = new if new is ABSENT else expand(new, p.new_root)
        if canonical(old_x) != canonical(new_x):
            yield _delta((keyword,), old, new, UNKNOWN, keyword=keyword)


document_rule("schema-added", "document",
              "a schema file (a model) was added: nothing that validated before changes")
document_rule("schema-removed", "document",
              "a schema file (a model) was removed: configs of that model have no schema in NEW")
document_rule("vocabulary-keyword-added", "document",
              "the vocabulary meta-schema declares a new x-contract-* keyword")
document_rule("vocabulary-keyword-removed", "document",
              "the vocabulary meta-schema no longer declares an x-contract-* keyword")
document_rule("vocabulary-keyword-changed", "document",
              "the syntax of an x-contract-* keyword changed: its meaning may have changed "
              "(fails closed)")
document_rule("vocabulary-changed", "document",
              "the vocabulary meta-schema changed outside its keywords (fails closed)")
