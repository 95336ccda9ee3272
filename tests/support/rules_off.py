"""Switching rules off in a schema, to show which rules a conformance vector breaks.

A rule is a standard keyword (named as the vectors' README names it: ``closed-object`` for
``additionalProperties``, ``minimum`` for ``minimum`` and ``exclusiveMinimum``, ...) or a portable
rule (its rule ID). Switching one off deletes its keyword throughout the schema, except where
the keyword builds another rule: ``required`` and ``type`` inside the exactly-one branches
(``oneOf`` items, ``not``) and ``type: "null"`` (the null branch of a nullable field) stay, so
switching off ``type`` does not also switch off every rule beneath a nullable field.

``breaks(schema, instance)`` is a 1-minimal set of rules whose switching off makes the instance
valid (with ``ContractValidator``, which gives Pydantic's verdicts): off together the instance
passes, and leaving any one of them on, it fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from embedding_contract.vocabulary import VOCABULARY
from embedding_contract.vocabulary.contract_validator import ContractValidator

STANDARD: dict[str, tuple[str, ...]] = {
    "closed-object": ("additionalProperties",),
    "required": ("required",),
    "type": ("type",),
    "enum": ("enum",),
    "minimum": ("minimum", "exclusiveMinimum"),
    "maximum": ("maximum", "exclusiveMaximum"),
    "min-length": ("minLength",),
    "min-items": ("minItems",),
    "max-items": ("maxItems",),
    "one-of": ("oneOf",),
}
RULES: dict[str, tuple[str, ...]] = {
    **STANDARD, **{cls.RULE: (keyword,) for keyword, cls in VOCABULARY.items()}}
KEYWORD_RULE = {keyword: rule for rule, keywords in RULES.items() for keyword in keywords}
_SUBSCHEMA_MAPS = ("properties", "$defs")
_SUBSCHEMA_LISTS = ("prefixItems", "anyOf", "allOf", "oneOf")


def switched_off(schema: Any, rules: frozenset[str] | set[str], *, branch: bool = False) -> Any:
    """A copy of ``schema`` without the keywords of ``rules`` (see the module docstring)."""
    if not isinstance(schema, dict):
        return schema
    drop = {k for r in rules for k in RULES[r]}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in drop and not _kept(key, value, branch):
            continue
        if key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: switched_off(v, rules, branch=branch) for k, v in value.items()}
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            inner = branch or key == "oneOf"
            out[key] = [switched_off(v, rules, branch=inner) for v in value]
        elif key in ("items", "not"):
            out[key] = switched_off(value, rules, branch=branch or key == "not")
        else:
            out[key] = value
    return out


def _kept(keyword: str, value: Any, branch: bool) -> bool:
    if keyword == "type":
        return branch or value == "null"
    return keyword == "required" and branch


def _valid(schema: Any, instance: Any, rules: set[str]) -> bool:
    return bool(ContractValidator(switched_off(schema, rules)).is_valid(instance))


def _error_rules(schema: Any, instance: Any) -> set[str]:
    found: set[str] = set()

    def visit(errors: Iterator[Any]) -> None:
        for error in errors:
            if error.validator in KEYWORD_RULE:
                found.add(KEYWORD_RULE[error.validator])
            visit(iter(error.context or ()))

    visit(ContractValidator(schema).iter_errors(instance))
    return found


def breaks(schema: Any, instance: Any) -> list[str]:
    """The rules ``instance`` breaks (sorted; empty when it is valid)."""
    if ContractValidator(schema).is_valid(instance):
        return []
    chosen = _error_rules(schema, instance)
    if not _valid(schema, instance, chosen):
        chosen = set(RULES)
        if not _valid(schema, instance, chosen):
            raise ValueError("invalid even with every rule switched off")
    for rule in sorted(chosen):
        if _valid(schema, instance, chosen - {rule}):
            chosen.discard(rule)
    return sorted(chosen)


_TYPES = frozenset({"type", "enum", "one-of"})  # a value of the wrong type may fail any of these
LABEL_RULES: dict[str, frozenset[str]] = {
    # the hand-written cases' labels
    "closed-object": frozenset({"closed-object"}),
    "required": frozenset({"required"}),
    "nullable": frozenset({"type"}),
    "one-of": frozenset({"one-of"}),
    "integer": frozenset({"type"}),
    "number": frozenset({"type"}),
    "string": frozenset({"type", "min-length"}),
    "enum": frozenset({"enum"}),
    "minimum": frozenset({"minimum"}),
    "maximum": frozenset({"maximum"}),
    "tuple": frozenset({"type", "min-items", "max-items"}),
    "array": frozenset({"type"}),
    "min-items": frozenset({"min-items"}),
    "object": frozenset({"type"}),
    "number-edge": frozenset({"type", "minimum", "maximum"}),
    # the mutation kinds of tests/support/strategies
    "drop-required": frozenset({"required"}),
    "unknown-key": frozenset({"closed-object"}),
    **{f"wrong-type-{t}": _TYPES for t in ("string", "bool", "float", "null", "list", "object")},
    "integer-out-of-range": frozenset({"minimum", "maximum"}),
    "number-out-of-range": frozenset({"minimum", "maximum"}),
    "empty-string": frozenset({"min-length"}),
    "bad-enum-value": frozenset({"enum"}),
    "tuple-wrong-length": frozenset({"min-items", "max-items"}),
    "one-of-none-set": frozenset({"one-of"}),
    "one-of-two-set": frozenset({"one-of"}),
    "empty-list": frozenset({"min-items"}),
    "duplicate-name": frozenset({"unique-by"}),
    "dangling-reference": frozenset({"references"}),
    "length-mismatch": frozenset({"length-relation"}),
    "not-increasing": frozenset({"strictly-increasing"}),
    "not-greater": frozenset({"greater-than"}),
    "mixed-embedding-dim": frozenset({"equal-across"}),
    "mixed-data-type": frozenset({"equal-across"}),
    # the portable rules label themselves
    **{cls.RULE: frozenset({cls.RULE}) for cls in VOCABULARY.values()},
}
"""Label (a vector's ``rule``, or one of its ``+``-joined mutation kinds) -> the rules a vector
so labelled must break, at least one of them."""


def label_holds(label: str, broken: list[str]) -> bool:
    """Whether a vector labelled ``label`` that breaks ``broken`` is labelled truthfully: every
    part of the label names a rule it breaks (labels of valid cases, such as ``example``, are
    not rules and hold when it breaks nothing)."""
    parts = label.split("+")
    if not broken:
        return True
    return all(p in LABEL_RULES and bool(LABEL_RULES[p] & set(broken)) for p in parts)
