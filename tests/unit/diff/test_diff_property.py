"""Where the rules say a direction is compatible, random configs agree.

For every corpus pair (``tests/diff_corpus/``) and policy, in each direction the diff calls
compatible (no finding breaks it), random instances valid under the writer's schema (OLD for
backward) must stay valid under the reader's (NEW for backward; without ``additionalProperties``
for a tolerant reader). Instances come from a small schema-guided hypothesis strategy, written
here independently of the package's own value synthesis, and are filtered by the validator.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.engine import diff_documents
from embedding_contract.diff.findings import Direction, Policy
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.unit.diff.test_diff_corpus import CASES, _tolerant, check_witnesses, load_case, run

# Cheap under the dev and ci profiles (about 80 pairs x 25 configs); the deep profile digs.
EXAMPLES = 25 if settings.default.max_examples <= 2000 else 1000
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(-2, 2),
                    st.text(max_size=3))
NULL = {"type": "null"}
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=2), st.dictionaries(st.text(max_size=3), inner, max_size=2)),
    max_leaves=4)


def _resolve(root: Any, ref: str) -> Any:
    node = root
    for part in ref.lstrip("#/").split("/") if ref != "#" else []:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _merge(a: dict[str, Any], b: Any) -> Any:
    """Both schemas' keywords (properties merged key by key, required united)."""
    if not isinstance(b, dict):
        return b
    out = {**a, **b}
    if "properties" in a and "properties" in b:
        out["properties"] = {**a["properties"], **{
            k: ({"allOf": [a["properties"][k], v]} if k in a["properties"] else v)
            for k, v in b["properties"].items()}}
    if "required" in a and "required" in b:
        out["required"] = sorted({*a["required"], *b["required"]})
    return out


def _contract(schema: dict[str, Any], value: Any) -> Any:
    """Make the portable rules of ``schema`` hold, as a real config would."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for key in schema.get("x-contract-equal-across", []):
            for item in value[1:]:
                if key in value[0]:
                    item[key] = value[0][key]
        key = schema.get("x-contract-unique-by")
        if key is not None:
            value = list({repr(v.get(key, i)): v for i, v in enumerate(value)}.values())
    if isinstance(value, list) and schema.get("x-contract-strictly-increasing"):
        numbers = sorted({v for v in value if isinstance(v, (int, float))
                          and not isinstance(v, bool)})
        value = numbers if len(numbers) == len(value) else value
    if isinstance(value, dict):
        for ref in schema.get("x-contract-references", []):
            names = value.get(ref["property"])
            targets = value.get(ref["target"])
            if isinstance(names, list) and isinstance(targets, list):
                value[ref["property"]] = [t.get(ref["key"]) for t in targets
                                          if isinstance(t, dict)][:len(names)]
        for rel in schema.get("x-contract-length-relation", []):
            mine, other = value.get(rel["property"]), value.get(rel["other"])
            if isinstance(mine, list) and isinstance(other, list) and mine:
                want = max(0, len(other) + rel["offset"])
                value[rel["property"]] = (mine * want)[:want]
    return value


def instances(schema: Any, root: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values shaped by ``schema`` (most, not all, valid under it)."""
    if schema is True or schema == {} or depth > 12:
        return JSONISH
    if schema is False:
        return st.nothing()
    if "$ref" in schema:
        target = _resolve(root, schema["$ref"])
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return instances({**target, **rest} if isinstance(target, dict) else target, root,
                         depth + 1)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            rest = {k: v for k, v in schema.items() if k != keyword}
            branches = [b for b in schema[keyword]
                        if not (rest.get("not") == NULL and b == NULL)]
            return st.one_of([instances(_merge(rest, b), root, depth) for b in branches])
    if "allOf" in schema:
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        for branch in schema["allOf"]:
            merged = _merge(merged, branch)
        return instances(merged, root, depth)
    types = schema.get("type")
    types = [types] if isinstance(types, str) else types or [
        "object" if "properties" in schema else "array" if "items" in schema
        or "prefixItems" in schema else "string" if "pattern" in schema else "any"]
    if schema.get("not") == NULL:
        types = [t for t in types if t != "null"]
    return st.one_of([_typed(t, schema, root, depth) for t in types]).map(
        lambda v: _contract(schema, v))


def _typed(kind: str, schema: dict[str, Any], root: Any, depth: int) -> st.SearchStrategy[Any]:
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        ints = st.integers(min_value=None if low is None else math.ceil(low),
                           max_value=None if high is None else math.floor(high))
        if kind == "integer":
            return ints
        return st.one_of(ints, st.floats(min_value=low, max_value=high, allow_nan=False,
                                         allow_infinity=False))
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"])
        return st.text(min_size=schema.get("minLength", 0),
                       max_size=max(schema.get("minLength", 0), min(schema.get("maxLength", 6), 6)))
    if kind == "array":
        low = schema.get("minItems", 0)
        high = max(low, min(schema.get("maxItems", 3), 3))
        prefix = [instances(s, root, depth + 1) for s in schema.get("prefixItems", [])]
        rest = instances(schema.get("items", True), root, depth + 1)
        return st.tuples(*prefix).flatmap(lambda head: st.lists(
            rest, min_size=max(0, low - len(head)), max_size=max(0, high - len(head))).map(
            lambda tail: [*head, *tail]))
    if kind == "object":
        props = schema.get("properties", {})
        required = [k for k in schema.get("required", []) if k in props]
        optional = {k: instances(v, root, depth + 1) for k, v in props.items()
                    if k not in required}
        fixed = st.fixed_dictionaries({k: instances(props[k], root, depth + 1)
                                       for k in required}, optional=optional)
        if schema.get("additionalProperties", True) is not False:
            extra = st.dictionaries(st.sampled_from(["x", "y", *props]), JSONISH, max_size=1)
            return st.tuples(extra, fixed).map(lambda pair: {**pair[0], **pair[1]})
        return fixed
    return JSONISH


def compatible_directions() -> list[Any]:
    out = []
    for path in CASES:
        old, new, case = load_case(path)
        policies = [Policy.STRICT] + ([Policy.TOLERANT_READER] if "tolerant-reader" in case
                                      else [])
        for policy in policies:
            findings = diff_documents(old, new, "case.json", policy)
            for d in (Direction.BACKWARD, Direction.FORWARD):
                if not any(f.effect(d).breaks for f in findings):
                    out.append(pytest.param(path, policy, d,
                                            id=f"{path.stem}-{policy.value}-{d.value}"))
    return out


@pytest.mark.parametrize(("path", "policy", "direction"), compatible_directions())
def test_compatible_means_valid_stays_valid(path: Path, policy: Policy,
                                            direction: Direction) -> None:
    old, new, _ = load_case(path)
    writer, reader = (old, new) if direction is Direction.BACKWARD else (new, old)
    if policy is Policy.TOLERANT_READER:
        reader = _tolerant(reader)
    writer_v, reader_v = ContractValidator(writer), ContractValidator(reader)

    @settings(max_examples=EXAMPLES, suppress_health_check=[
        HealthCheck.filter_too_much, HealthCheck.too_slow])
    @given(instances(writer, writer).filter(writer_v.is_valid))
    def stays_valid(instance: Any) -> None:
        assert reader_v.is_valid(instance), instance

    stays_valid()


def test_every_corpus_case_has_a_compatible_direction_or_none() -> None:
    """The property test above covers most of the corpus (it is not vacuous)."""
    assert len(compatible_directions()) >= 40


KEYWORDS: dict[str, st.SearchStrategy[Any]] = {
    "type": st.sampled_from(["string", "integer", "number", "object", "array", "null",
                             ["string", "null"], ["integer", "number"]]),
    "minimum": st.integers(-2, 2), "exclusiveMaximum": st.integers(-2, 2),
    "multipleOf": st.sampled_from([1, 2, 3]), "minLength": st.integers(0, 3),
    "maxItems": st.integers(0, 3), "minItems": st.integers(0, 3),
    "enum": st.lists(SCALARS, min_size=1, max_size=3), "const": SCALARS,
    "required": st.lists(st.sampled_from(["a", "b", "name", "tables"]), max_size=2,
                         unique=True),
    "additionalProperties": st.sampled_from([False, True, {"type": "string"}]),
    "pattern": st.sampled_from(["^a", "[0-9]", "^x*$"]), "uniqueItems": st.booleans(),
    "not": st.sampled_from([{"type": "null"}, {"const": 0}]),
    "x-contract-unique-by": st.sampled_from(["name", "a"]),
    "x-contract-strictly-increasing": st.just(True),
    "x-contract-vendor": SCALARS,
}


def _objects(node: Any, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        out.append(node)
        for value in node.values():
            _objects(value, out)
    elif isinstance(node, list):
        for value in node:
            _objects(value, out)
    return out


def draw_mutated_case(data: st.DataObject) -> tuple[Any, Any, Policy]:
    """A corpus case whose NEW schema has 1 to 3 random edits (a key deleted or a keyword of
    :data:`KEYWORDS` set), and a policy."""
    import copy

    path = data.draw(st.sampled_from(CASES), label="case")
    old, new, _ = load_case(path)
    new = copy.deepcopy(new)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        node = data.draw(st.sampled_from(_objects(new, [])), label="node")
        if node and data.draw(st.booleans(), label="delete"):
            del node[data.draw(st.sampled_from(sorted(node)), label="key")]
        else:
            keyword = data.draw(st.sampled_from(sorted(KEYWORDS)), label="keyword")
            node[keyword] = copy.deepcopy(data.draw(KEYWORDS[keyword], label="value"))
    return old, new, data.draw(st.sampled_from(list(Policy)), label="policy")


@settings(max_examples=EXAMPLES * 4, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no slow shrinking in CI
@given(st.data())
def test_mutated_schemas_never_crash_and_witnesses_hold(data: st.DataObject) -> None:
    """Random edits of corpus schemas: an input error or findings whose witnesses hold."""
    old, new, policy = draw_mutated_case(data)
    try:
        findings = run(old, new, policy)
    except DiffInputError:
        return
    check_witnesses(findings, old, new, policy)
