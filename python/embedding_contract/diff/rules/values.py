"""Rules about which values are accepted at all: ``type``, null, ``const`` and ``enum``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import canonical
from embedding_contract.diff.rules.rule import delta, get, kinds
from embedding_contract.diff.walk import Delta, Pair, is_null_branch


def _type_change(p: Pair) -> tuple[frozenset[str], frozenset[str]]:
    """(lost, gained) kinds of value, ignoring null when both sides declare a type."""
    old, new = kinds(p)
    if "type" in p.old and "type" in p.new:
        old, new = old - {"null"}, new - {"null"}
    return old - new, new - old


def type_narrowed(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if lost and not gained:
        yield delta(("type",), get(p.old, "type"), get(p.new, "type"), Effects.NARROWING,
                    atoms=sorted(lost))


def type_widened(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if gained and not lost:
        yield delta(("type",), get(p.old, "type"), get(p.new, "type"), Effects.WIDENING,
                    atoms=sorted(gained))


def type_changed(p: Pair) -> Iterator[Delta]:
    lost, gained = _type_change(p)
    if gained and lost:
        yield delta(("type",), get(p.old, "type"), get(p.new, "type"), Effects.BOTH_WAYS,
                    lost=sorted(lost), gained=sorted(gained))


def _null_branches(p: Pair) -> tuple[bool, bool]:
    """(removed, added): an ``anyOf`` branch that accepts only null."""
    matching = p.branches("anyOf")
    old, new = p.old.get("anyOf", []), p.new.get("anyOf", [])
    removed = any(is_null_branch(p.old_doc, old[i]) for i in matching.removed)
    added = any(is_null_branch(p.new_doc, new[j]) for j in matching.added)
    return removed, added


def _null_by_type(p: Pair) -> tuple[bool, bool]:
    """(removed, added): ``null`` in the ``type`` of both sides."""
    if "type" not in p.old or "type" not in p.new:
        return False, False
    old, new = kinds(p)
    return ("null" in old and "null" not in new), ("null" in new and "null" not in old)


def null_removed(p: Pair) -> Iterator[Delta]:
    if _null_by_type(p)[0]:
        yield delta(("type",), p.old["type"], p.new["type"], Effects.NARROWING, value=None)
    if _null_branches(p)[0]:
        yield delta(("anyOf",), p.old["anyOf"], p.new["anyOf"], Effects.NARROWING, value=None)


def null_added(p: Pair) -> Iterator[Delta]:
    if _null_by_type(p)[1]:
        yield delta(("type",), p.old["type"], p.new["type"], Effects.WIDENING, value=None)
    if _null_branches(p)[1]:
        yield delta(("anyOf",), p.old["anyOf"], p.new["anyOf"], Effects.WIDENING, value=None)


def _allowed(node: Mapping[str, Any]) -> dict[str, Any] | None:
    """The values ``const``/``enum`` restrict to (canonical form -> value), or None if any."""
    allowed: dict[str, Any] | None = None
    if "enum" in node and isinstance(node["enum"], list):
        allowed = {canonical(v): v for v in node["enum"]}
    if "const" in node:
        const = {canonical(node["const"]): node["const"]}
        allowed = const if allowed is None else {k: v for k, v in allowed.items() if k in const}
    return allowed


def _value_keyword(p: Pair) -> str:
    return "const" if "const" in p.new or "const" in p.old else "enum"


def _both_const(p: Pair) -> bool:
    return "const" in p.old and "const" in p.new and "enum" not in p.old and "enum" not in p.new


def const_changed(p: Pair) -> Iterator[Delta]:
    if _both_const(p) and canonical(p.old["const"]) != canonical(p.new["const"]):
        yield delta(("const",), p.old["const"], p.new["const"], Effects.BOTH_WAYS)


def enum_value_added(p: Pair) -> Iterator[Delta]:
    old, new = _allowed(p.old), _allowed(p.new)
    if old is not None and new is not None and not _both_const(p):
        added = [new[k] for k in sorted(set(new) - set(old))]
        if added:
            keyword = _value_keyword(p)
            yield delta((keyword,), get(p.old, keyword), get(p.new, keyword), Effects.WIDENING,
                        values=added)


def enum_value_removed(p: Pair) -> Iterator[Delta]:
    old, new = _allowed(p.old), _allowed(p.new)
    if old is not None and new is not None and not _both_const(p):
        removed = [old[k] for k in sorted(set(old) - set(new))]
        if removed:
            keyword = _value_keyword(p)
            yield delta((keyword,), get(p.old, keyword), get(p.new, keyword), Effects.NARROWING,
                        values=removed)


def enum_added(p: Pair) -> Iterator[Delta]:
    if _allowed(p.old) is None and _allowed(p.new) is not None:
        keyword = _value_keyword(p)
        yield delta((keyword,), ABSENT, get(p.new, keyword), Effects.NARROWING)


def enum_removed(p: Pair) -> Iterator[Delta]:
    if _allowed(p.old) is not None and _allowed(p.new) is None:
        keyword = _value_keyword(p)
        yield delta((keyword,), get(p.old, keyword), ABSENT, Effects.WIDENING)
