"""Schema-driven generation: instances drawn from the exported schema files themselves.

hypothesis-jsonschema 0.23.1 (which needs hypothesis <= 6.170.9) generates instances of each
schema file; Pydantic must accept an instance exactly when the contract's extra rules hold on it.

What hypothesis-jsonschema cannot take as exported, and what this file does about it, each a
rewrite that keeps the set of valid instances (every drawn instance is checked against the
unmodified file to prove it):
- it reads drafts 4 to 7 only: ``prefixItems`` (the Adam betas) becomes draft-07 ``items``;
- it generates a ``oneOf`` by drawing from every branch and filtering, which for the group
  keywords (``oneOf`` over "member set") rejects nearly everything: 200 examples of
  ``twhin.EmbeddingBagConfig`` took over five minutes. Each group becomes an ``anyOf`` of plain
  objects, one per choice of member, with the other members null or absent;
- ``$ref`` is inlined (the schemas are not recursive), so the groups inside ``$defs`` are reached;
- the ``x-contract-*`` keywords are ignored by it: those rules are what the property checks.
"""

from __future__ import annotations

import copy
import itertools
import json
import warnings
from collections import Counter
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from embedding_contract.check.validation import validate
from embedding_contract.models.registry import MODEL_NAMES
from embedding_contract.vocabulary import PREFIX
from embedding_contract.vocabulary.walker import PortableRules
from tests.support.differential import SCHEMA_DIR

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # it warns about its own use of deprecated jsonschema APIs
    from hypothesis_jsonschema import from_schema

_NULL = {"type": "null"}
# Annotations and the contract's keywords mean nothing to generation; hypothesis-jsonschema
# re-canonicalises object schemas on every draw, so every key left costs time.
_DROP = {"$defs", "$schema", "$id", "title", "description", "default", "examples"}


def _file(model: str) -> dict[str, Any]:
    family, _, cls = model.partition(".")
    return json.loads((SCHEMA_DIR / family / f"{cls}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _member(branch: Any) -> str | None:
    """The member ``n`` of a group branch ``S(n)``, or None for any other schema."""
    if isinstance(branch, dict) and set(branch) == {"required", "properties"}:
        (name,) = branch["required"] or [None]
        if branch["properties"] == {name: {"not": _NULL}}:
            return name  # type: ignore[no-any-return]
    return None


def _group(schema: Any) -> list[str | None] | None:
    """The choices a group keyword allows (member names; None = no member, for at-most-one)."""
    if not isinstance(schema, dict) or set(schema) != {"oneOf"}:
        return None
    choices: list[str | None] = []
    for branch in schema["oneOf"]:
        name = _member(branch)
        if name is not None:
            choices.append(name)
        elif isinstance(branch, dict) and set(branch) == {"not"}:
            choices.append(None)  # "none of them": the at-most-one-of form
        else:
            return None
    return choices


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    """A property schema without its null branch."""
    options = [b for b in prop.get("anyOf", ()) if b != _NULL]
    if len(options) == 1:
        return {**{k: v for k, v in prop.items() if k not in ("anyOf", "default")}, **options[0]}
    return {**prop, "not": _NULL}


def _resolve_groups(schema: dict[str, Any]) -> dict[str, Any]:
    groups: list[list[str | None]] = []
    top = _group({"oneOf": schema["oneOf"]}) if "oneOf" in schema else None
    if top is not None:
        del schema["oneOf"]
        groups.append(top)
    rest = []
    for part in schema.pop("allOf", ()):
        choices = _group(part)
        if choices is None:
            rest.append(part)
        else:
            groups.append(choices)
    if rest:
        schema["allOf"] = rest
    if not groups:
        return schema
    variants = []
    for chosen in itertools.product(*groups):
        variant = copy.deepcopy(schema)
        props = variant.setdefault("properties", {})
        for choices, member in zip(groups, chosen, strict=True):
            for name in choices:
                if name is None:
                    continue
                props[name] = _not_null(props[name]) if name == member else _NULL
            if member is not None:
                variant["required"] = [*variant.get("required", []), member]
        variants.append(variant)
    return {"anyOf": variants} if len(variants) > 1 else variants[0]


def rewrite(schema: dict[str, Any]) -> dict[str, Any]:
    """The draft-07, ref-free, group-resolved equivalent of an exported schema."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = walk(defs[node["$ref"].rpartition("/")[2]])
            return {**target, **{k: walk(v) for k, v in node.items()
                                 if k != "$ref" and k not in _DROP}}
        out = {k: walk(v) for k, v in node.items()
               if k not in _DROP and not k.startswith(PREFIX)}
        if "prefixItems" in out:
            out["items"] = out.pop("prefixItems")
        return _resolve_groups(out) if out.get("type") == "object" else out

    out = walk(schema)
    out["$schema"] = "http://json-schema.org/draft-07/schema#"
    return out  # type: ignore[no-any-return]


@cache
def _strategy(model: str) -> st.SearchStrategy[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return from_schema(rewrite(_file(model)))


# hypothesis-jsonschema re-canonicalises an object schema on every draw, and these schemas nest
# groups inside optional objects inside arrays: 0.2 to 0.7 s per instance even after the rewrite.
# Their parts are generated here one by one; the whole documents come from the model-driven
# strategies of the differential property (tests/property/test_differential.py).
TOO_SLOW = {
    "recap.EmbeddingOptimizerConfig", "recap.LargeEmbeddingsConfig", "twhin.EmbeddingBagConfig",
    "twhin.LargeEmbeddingsConfig", "twhin.TwhinEmbeddingsConfig",
}
GENERATED = tuple(m for m in MODEL_NAMES if m not in TOO_SLOW)
# Below this many examples a model may by chance get no valid instance; ci and deep are far above.
COVERAGE_EXAMPLES = 1000


@cache
def _checkers(model: str) -> tuple[Any, PortableRules]:
    original = _file(model)
    return Draft202012Validator(original), PortableRules(original)


def _instances() -> st.SearchStrategy[tuple[str, Any]]:
    return st.sampled_from(GENERATED).flatmap(
        lambda model: _strategy(model).map(lambda instance: (model, instance)))


def test_instances_of_the_schemas_are_accepted_when_the_rules_hold() -> None:
    seen: Counter[tuple[str, bool]] = Counter()

    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(_instances())
    def prop(drawn: tuple[str, Any]) -> None:
        model, instance = drawn
        standard, rules = _checkers(model)
        # The rewrite kept the meaning: the unmodified file's standard keywords accept it.
        assert standard.is_valid(instance), f"rewrite drew an instance the file rejects: {instance}"
        broken = rules.violations(instance)
        issues = validate(model, instance)
        seen[model, not broken] += 1
        text = json.dumps(instance, ensure_ascii=False)
        if broken:
            assert issues, f"{model}: Pydantic accepts {text} despite {broken}"
        else:
            assert not issues, f"{model}: Pydantic rejects {text}: {issues}"

    prop()
    print("schema-driven instances per model (rules hold / broken): " + ", ".join(
        f"{m}={seen[m, True]}/{seen[m, False]}" for m in GENERATED))
    if settings().max_examples >= COVERAGE_EXAMPLES:
        # DataType has two instances in all, the rest many: each must have had a valid one.
        assert [m for m in GENERATED if not seen[m, True]] == []


def test_the_rewrite_keeps_the_groups() -> None:
    rewritten = rewrite(_file("twhin.OptimizerConfig"))
    variants = rewritten["anyOf"]
    assert sorted(tuple(v["required"]) for v in variants) == [("adagrad",), ("adam",), ("sgd",)]
    adam = next(v for v in variants if v["required"] == ["adam"])
    assert adam["properties"]["sgd"] == adam["properties"]["adagrad"] == _NULL
    assert "oneOf" not in json.dumps(rewritten) and "$ref" not in json.dumps(rewritten)
