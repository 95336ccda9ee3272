"""The one table of diff rules: each a small named check with a stable ID, a category and a doc.

Rule IDs are stable: exceptions and CI annotations refer to them. A rule's keywords are those it
understands; a change to any other keyword is ``unknown-keyword-changed``. Document-level rules
(a schema file added or removed, the vocabulary meta-schema) have no check: the engine emits them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from embedding_contract.diff.rules import (
    annotation,
    arrays,
    composition,
    contract,
    numbers,
    objects,
    strings,
    unknown,
    values,
)
from embedding_contract.diff.rules.rule import DiffRule

_LOWER = ("minimum", "exclusiveMinimum")
_UPPER = ("maximum", "exclusiveMaximum")

_JUDGED = (
    # objects
    DiffRule("property-added", "property",
             "a property was added; a closed OLD rejects it in NEW configs (forward) unless "
             "readers ignore unknown keys", ("properties",), objects.property_added),
    DiffRule("property-removed", "property",
             "a property was removed; a closed NEW rejects OLD configs that carry it (backward) "
             "unless readers ignore unknown keys", ("properties",), objects.property_removed),
    DiffRule("required-added", "required",
             "a property became required: OLD configs without it are rejected", ("required",),
             objects.required_added),
    DiffRule("required-removed", "required",
             "a property became optional: NEW configs without it are rejected by OLD",
             ("required",), objects.required_removed),
    DiffRule("additional-properties-forbidden", "object",
             "the object became closed (additionalProperties: false): OLD configs with unknown "
             "keys are rejected", ("additionalProperties",),
             objects.additional_properties_forbidden),
    DiffRule("additional-properties-allowed", "object",
             "the object is no longer closed: NEW configs may carry keys a closed OLD rejects",
             ("additionalProperties",), objects.additional_properties_allowed),
    DiffRule("min-properties-tightened", "object", "minProperties (fewest keys) rose or was added",
             ("minProperties",), objects.min_properties_tightened),
    DiffRule("min-properties-loosened", "object",
             "minProperties (fewest keys) fell or was removed", ("minProperties",),
             objects.min_properties_loosened),
    DiffRule("max-properties-tightened", "object", "maxProperties (most keys) fell or was added",
             ("maxProperties",), objects.max_properties_tightened),
    DiffRule("max-properties-loosened", "object", "maxProperties (most keys) rose or was removed",
             ("maxProperties",), objects.max_properties_loosened),
    # types and values
    DiffRule("type-narrowed", "type",
             "the type admits fewer kinds of value (for example number to integer)", ("type",),
             values.type_narrowed),
    DiffRule("type-widened", "type",
             "the type admits more kinds of value (for example integer to number)", ("type",),
             values.type_widened),
    DiffRule("type-changed", "type", "the type changed to an unrelated one", ("type",),
             values.type_changed),
    DiffRule("null-removed", "type", "null is no longer accepted (an optional field lost its null)",
             ("type",), values.null_removed),
    DiffRule("null-added", "type", "null is now accepted", ("type",), values.null_added),
    DiffRule("const-changed", "value", "the one allowed value (const) changed", ("const",),
             values.const_changed),
    DiffRule("enum-value-added", "value", "a value was added to the allowed values (enum)",
             ("enum",), values.enum_value_added),
    DiffRule("enum-value-removed", "value", "a value was removed from the allowed values (enum)",
             ("enum",), values.enum_value_removed),
    DiffRule("enum-added", "value", "the values became restricted (enum or const added)",
             ("enum", "const"), values.enum_added),
    DiffRule("enum-removed", "value", "the values are no longer restricted (enum or const removed)",
             ("enum", "const"), values.enum_removed),
    # numbers
    DiffRule("minimum-tightened", "number",
             "the lower bound (minimum/exclusiveMinimum) rose or was added", _LOWER,
             numbers.minimum_tightened),
    DiffRule("minimum-loosened", "number",
             "the lower bound (minimum/exclusiveMinimum) fell or was removed", _LOWER,
             numbers.minimum_loosened),
    DiffRule("maximum-tightened", "number",
             "the upper bound (maximum/exclusiveMaximum) fell or was added", _UPPER,
             numbers.maximum_tightened),
    DiffRule("maximum-loosened", "number",
             "the upper bound (maximum/exclusiveMaximum) rose or was removed", _UPPER,
             numbers.maximum_loosened),
    DiffRule("multiple-of-tightened", "number",
             "multipleOf was added or became a multiple of the old one", ("multipleOf",),
             numbers.multiple_of_tightened),
    DiffRule("multiple-of-loosened", "number",
             "multipleOf was removed or became a divisor of the old one", ("multipleOf",),
             numbers.multiple_of_loosened),
    DiffRule("multiple-of-changed", "number", "multipleOf changed to an unrelated value",
             ("multipleOf",), numbers.multiple_of_changed),
    # strings
    DiffRule("min-length-tightened", "string", "minLength (shortest string) rose or was added",
             ("minLength",), strings.min_length_tightened),
    DiffRule("min-length-loosened", "string", "minLength (shortest string) fell or was removed",
             ("minLength",), strings.min_length_loosened),
    DiffRule("max-length-tightened", "string", "maxLength (longest string) fell or was added",
             ("maxLength",), strings.max_length_tightened),
    DiffRule("max-length-loosened", "string", "maxLength (longest string) rose or was removed",
             ("maxLength",), strings.max_length_loosened),
    DiffRule("pattern-added", "string", "a pattern now constrains the string", ("pattern",),
             strings.pattern_added),
    DiffRule("pattern-removed", "string", "the pattern was removed", ("pattern",),
             strings.pattern_removed),
    DiffRule("pattern-changed", "string",
             "the pattern changed (regular languages are not compared: both directions)",
             ("pattern",), strings.pattern_changed),
    DiffRule("format-changed", "string",
             "format changed; validators disagree on asserting it, so the diff fails closed",
             ("format",), strings.format_changed),
    # arrays
    DiffRule("min-items-tightened", "array", "minItems (fewest items) rose or was added",
             ("minItems",), arrays.min_items_tightened),
    DiffRule("min-items-loosened", "array", "minItems (fewest items) fell or was removed",
             ("minItems",), arrays.min_items_loosened),
    DiffRule("max-items-tightened", "array", "maxItems (most items) fell or was added",
             ("maxItems",), arrays.max_items_tightened),
    DiffRule("max-items-loosened", "array", "maxItems (most items) rose or was removed",
             ("maxItems",), arrays.max_items_loosened),
    DiffRule("unique-items-added", "array", "array items must now be distinct (uniqueItems)",
             ("uniqueItems",), arrays.unique_items_added),
    DiffRule("unique-items-removed", "array", "array items need no longer be distinct",
             ("uniqueItems",), arrays.unique_items_removed),
    DiffRule("items-added", "array", "array items became constrained (items added)", (),
             arrays.items_added),
    DiffRule("items-removed", "array", "array items are no longer constrained (items removed)",
             (), arrays.items_removed),
    DiffRule("prefix-item-added", "array",
             "a tuple position became constrained (prefixItems grew where nothing applied "
             "before)", (), arrays.prefix_item_added),
    DiffRule("prefix-item-removed", "array",
             "a tuple position is no longer constrained (prefixItems shrank, no items schema "
             "applies)", (), arrays.prefix_item_removed),
    # composition
    DiffRule("anyof-branch-added", "composition",
             "an anyOf branch was added (more values accepted)", (),
             composition.anyof_branch_added),
    DiffRule("anyof-branch-removed", "composition",
             "an anyOf branch was removed (fewer values accepted)", (),
             composition.anyof_branch_removed),
    DiffRule("allof-branch-added", "composition",
             "an allOf branch was added (one more constraint)", (),
             composition.allof_branch_added),
    DiffRule("allof-branch-removed", "composition",
             "an allOf branch was removed (one constraint fewer)", (),
             composition.allof_branch_removed),
    DiffRule("oneof-branch-added", "composition",
             "a oneOf branch was added: NEW configs using it fail OLD; OLD configs are safe only "
             "if the branch excludes them (exactly-one)", (), composition.oneof_branch_added),
    DiffRule("oneof-branch-removed", "composition",
             "a oneOf branch was removed: OLD configs using it fail NEW", (),
             composition.oneof_branch_removed),
    DiffRule("not-added", "composition", "a `not` constraint was added", (),
             composition.not_added),
    DiffRule("not-removed", "composition", "a `not` constraint was removed", (),
             composition.not_removed),
    DiffRule("ref-target-changed", "reference",
             "a $ref points elsewhere; both targets are compared structurally, so by itself "
             "this is an annotation", (), composition.ref_target_changed),
    # defaults, the contract's vocabulary, annotations
    DiffRule("default-changed", "default",
             "the default changed, was added or removed: validity is unchanged, the meaning of "
             "an omitted field is not (minor)", ("default",), annotation.default_changed),
    DiffRule("contract-rule-added", "contract",
             "a portable rule (x-contract-*) now applies: OLD configs may violate it",
             contract.KEYWORDS, contract.contract_rule_added),
    DiffRule("contract-rule-removed", "contract",
             "a portable rule (x-contract-*) no longer applies: NEW configs may violate it in "
             "OLD", contract.KEYWORDS, contract.contract_rule_removed),
    DiffRule("contract-rule-changed", "contract",
             "a portable rule (x-contract-*) changed its argument (both directions)",
             contract.KEYWORDS, contract.contract_rule_changed),
    DiffRule("title-changed", "annotation", "title changed (never breaks)", ("title",),
             annotation.title_changed),
    DiffRule("description-changed", "annotation", "description changed (never breaks)",
             ("description",), annotation.description_changed),
    DiffRule("examples-changed", "annotation", "examples changed (never breaks)",
             ("examples",), annotation.examples_changed),
    DiffRule("annotation-changed", "annotation",
             "another annotation ($comment, deprecated, readOnly, ...) changed (never breaks)",
             annotation.OTHER_ANNOTATIONS, annotation.annotation_changed),
    DiffRule("id-changed", "annotation",
             "$id changed beyond its version segment (a new base URL); never breaks validation",
             ("$id",), annotation.id_changed),
    DiffRule("dialect-changed", "unknown",
             "$schema (the dialect) changed: every keyword may mean something else",
             ("$schema",), unknown.dialect_changed),
)

UNDERSTOOD = unknown.STRUCTURAL | {k for r in _JUDGED for k in r.keywords}
"""Every keyword some rule (or the walk) understands."""

_DOCUMENT = (
    DiffRule("schema-added", "document",
             "a schema file (a model) was added: nothing that validated before changes", (),
             None),
    DiffRule("schema-removed", "document",
             "a schema file (a model) was removed: configs of that model have no schema in NEW",
             (), None),
    DiffRule("vocabulary-keyword-added", "document",
             "the vocabulary meta-schema declares a new x-contract-* keyword", (), None),
    DiffRule("vocabulary-keyword-removed", "document",
             "the vocabulary meta-schema no longer declares an x-contract-* keyword", (), None),
    DiffRule("vocabulary-keyword-changed", "document",
             "the syntax of an x-contract-* keyword changed: its meaning may have changed "
             "(fails closed)", (), None),
    DiffRule("vocabulary-changed", "document",
             "the vocabulary meta-schema changed outside its keywords (fails closed)", (), None),
    DiffRule("vocabulary-table-added", "annotation",
             "the vocabulary meta-schema gained its machine-readable keyword table "
             "(x-contract-keywords): it states as data what the keywords already mean", (), None),
    DiffRule("vocabulary-table-changed", "document",
             "an entry of the keyword table (x-contract-keywords: scope, argument, error "
             "placement) changed or went away: implementations may behave differently "
             "(fails closed)", (), None),
)


def _index(*rules: DiffRule) -> Mapping[str, DiffRule]:
    table: dict[str, DiffRule] = {}
    for r in rules:
        if r.id in table:
            raise ValueError(f"duplicate rule {r.id}")
        table[r.id] = r
    return table


RULES = _index(
    *_JUDGED,
    DiffRule("unknown-keyword-changed", "unknown",
             "a keyword the diff does not understand changed: possibly breaking both ways "
             "(fails closed)", (), partial(unknown.unknown_keyword_changed,
                                           understood=UNDERSTOOD)),
    *_DOCUMENT,
)
"""Every rule by ID."""
