"""The Python conformance runner, and the drift checks of the vectors and the generated code.

The runner loads only the exported schema files (through schemas/index.json) and the vectors of
tests/conformance, never model code, and judges every vector with:
- python-jsonschema: ``ContractValidator`` (Draft 2020-12 plus the vocabulary);
- jsonschema-rs with the vocabulary as native custom keywords (its ``keywords=`` option);
- jsonschema-rs alone, then ``embedding_contract.vocabulary.walker.violations`` (the walker
  any standard validator can run beside it).
Pydantic's verdict (the vector's ``valid``) is the expected one.

``python -m tests.acceptance.test_conformance`` prints one line per disagreement and
``python: N passed,
N failed`` (scripts/conformance runs it next to the Node and Java runners); with
``--portable-violations FILE`` it writes each vector's portable-rule violations, the reference the
Java rules are checked against.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from embedding_contract.core.paths import format_path
from embedding_contract.vocabulary import VOCABULARY, PortableRule, get_member
from embedding_contract.vocabulary.contract_validator import ContractValidator
from embedding_contract.vocabulary.walker import violations
from tests.support.paths import ROOT

SCHEMAS = ROOT / "schemas"
VECTORS = ROOT / "tests" / "conformance"
GENERATED_PYTHON = ROOT / "generated" / "python"

Vector = dict[str, Any]
Judge = Callable[[str, Any], bool]


def vector_name(vector: Vector) -> str:
    return f"{vector['model']}: {vector['description']}"


@cache
def load_vectors() -> tuple[Vector, ...]:
    found: list[Vector] = []
    for path in sorted(VECTORS.glob("*.json")):
        found.extend(json.loads(path.read_text(encoding="utf-8")))
    return tuple(found)


@cache
def schema(model: str) -> dict[str, Any]:
    index = json.loads((SCHEMAS / "index.json").read_text(encoding="utf-8"))
    entry = index["versions"][index["latest"]]["models"][model]
    return json.loads((SCHEMAS / entry["path"]).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# --- jsonschema-rs with the vocabulary as custom keywords --------------------------------------

def rs_keyword(rule_class: type[PortableRule]) -> type:
    """A jsonschema-rs keyword class running one rule of the vocabulary."""
    argument_validator = jsonschema.Draft202012Validator(rule_class.ARGUMENT_SCHEMA)

    class Keyword:
        def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
            problem = jsonschema.exceptions.best_match(argument_validator.iter_errors(value))
            if problem is not None:
                raise ValueError(f"{rule_class.KEYWORD}: bad argument: {problem.message}")
            self.rules = rule_class.from_argument(value)

        def iter_errors(self, instance: Any) -> Iterator[ValueError]:
            for rule in self.rules:
                for v in rule.check(instance, get_member):
                    yield ValueError(f"{format_path(v.path)}: {v.message} [{v.rule}]")

        def validate(self, instance: Any) -> None:
            for error in self.iter_errors(instance):
                raise error

    Keyword.__name__ = rule_class.__name__
    return Keyword


RS_KEYWORDS = {keyword: rs_keyword(cls) for keyword, cls in VOCABULARY.items()}


@cache
def _contract(model: str) -> Any:
    return ContractValidator(schema(model))


@cache
def _rs_native(model: str) -> Any:
    return jsonschema_rs.validator_for(schema(model), keywords=RS_KEYWORDS)


@cache
def _rs_plain(model: str) -> Any:
    return jsonschema_rs.validator_for(schema(model))


JUDGES: dict[str, Judge] = {
    "python-jsonschema+vocabulary": lambda m, d: bool(_contract(m).is_valid(d)),
    "jsonschema-rs+keywords": lambda m, d: bool(_rs_native(m).is_valid(d)),
    "jsonschema-rs+portable-walker": lambda m, d: bool(
        _rs_plain(m).is_valid(d) and not violations(schema(m), d)),
}


def disagreements(judge: Judge) -> list[str]:
    return [f"{vector_name(v)} [{v['rule']}]: expected {'valid' if v['valid'] else 'invalid'}"
            for v in load_vectors() if judge(v["model"], v["instance"]) != v["valid"]]


def test_vectors_exist_and_are_well_formed() -> None:
    vectors = load_vectors()
    assert len(vectors) >= 300
    names = [vector_name(v) for v in vectors]
    assert len(set(names)) == len(names)
    for v in vectors:
        assert set(v) == {"model", "description", "instance", "valid", "rule", "breaks"}, (
            vector_name(v))
        assert isinstance(v["valid"], bool) and v["rule"]
    # both verdicts, for every portable rule
    for rule in ("unique-by", "equal-across", "strictly-increasing", "references",
                 "length-relation", "greater-than"):
        assert {v["valid"] for v in vectors if v["rule"] == rule} == {True, False}, rule


@pytest.mark.parametrize("judge", sorted(JUDGES))
def test_runner_agrees_with_pydantic(judge: str) -> None:
    assert disagreements(JUDGES[judge]) == []


def test_expected_verdicts_are_pydantic_verdicts() -> None:
    from embedding_contract.check.validation import validate

    wrong = [vector_name(v) for v in load_vectors()
             if (not validate(v["model"], v["instance"])) != v["valid"]]
    assert wrong == []


def test_vocabulary_needs_the_rules() -> None:
    """A standard validator without the vocabulary misses every portable rule on the vectors."""
    missed = {v["rule"] for v in load_vectors()
              if not v["valid"] and _rs_plain(v["model"]).is_valid(v["instance"])}
    assert {"unique-by", "equal-across", "strictly-increasing", "references", "length-relation",
            "greater-than"} <= missed


def test_rs_keyword_rejects_bad_arguments() -> None:
    for keyword in RS_KEYWORDS:
        with pytest.raises(jsonschema_rs.ValidationError, match="bad argument"):
            jsonschema_rs.validator_for({keyword: {"not": "an argument"}}, keywords=RS_KEYWORDS)


# --- drift ----------------------------------------------------------------------------------

def _run(*command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=600, check=False)


@pytest.mark.slow
def test_vectors_are_up_to_date() -> None:
    result = _run(str(ROOT / "scripts" / "generate_vectors.py"), "--check")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.slow
def test_generated_python_is_up_to_date() -> None:
    result = _run(str(ROOT / "scripts" / "generate_code.py"), "--check", "python")
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]


# --- generated Python models against the vectors ----------------------------------------------

# Rules the generated models cannot carry (json-schema-fidelity.md, "datamodel-code-generator"):
# the x-contract-* vocabulary is not code datamodel-code-generator knows, an exactly-one group
# becomes a union that accepts two members set or a member null, and its lax int and float fields
# coerce strings and booleans (strict int would reject 64.0, which the contract accepts).
UNCARRIED = {
    "vocabulary": "portable rules (x-contract-*) are not generated",
    "one-of": "an exactly-one group (oneOf over 'member set') is not generated",
    "lax-types": "generated int and float fields accept numeric strings and booleans",
}


def generated_model(model: str) -> Any:
    """The root class of a generated module: datamodel-code-generator defines it last."""
    family, _, cls = model.partition(".")
    module = importlib.import_module(f"generated.python.{family}.{cls}")
    classes = [v for v in vars(module).values()
               if isinstance(v, type) and v.__module__ == module.__name__]
    return classes[-1]


def _generated_valid(model: str, instance: Any) -> bool:
    from pydantic import TypeAdapter, ValidationError

    target = generated_model(model)
    try:
        if hasattr(target, "model_validate"):
            target.model_validate(instance)
        else:
            TypeAdapter(target).validate_python(instance)
    except ValidationError:
        return False
    return True


def _without(node: Any, drop: Callable[[str, Any], bool]) -> Any:
    if isinstance(node, dict):
        return {k: _without(v, drop) for k, v in node.items() if not drop(k, v)}
    if isinstance(node, list):
        return [_without(v, drop) for v in node]
    return node


def _is_group(keyword: str, value: Any) -> bool:
    """An exactly-one group: oneOf over S(n) = {required: [n], properties: {n: not null}}."""
    return keyword == "oneOf" and all(
        isinstance(b, dict) and set(b) == {"required", "properties"} for b in value)


def _coercible(error: Any) -> bool:
    """A type error that lax Pydantic int and float fields coerce away (numeric string, bool)."""
    if error.validator == "type" and error.validator_value in ("integer", "number"):
        value = error.instance
        if isinstance(value, bool):
            return True
        if isinstance(value, str):
            try:
                float(value)
            except ValueError:
                return False
            return True
        return False
    if error.validator == "anyOf" and error.context:
        null = {"type": "null"}
        real = [c for c in error.context if error.validator_value[c.schema_path[0]] != null]
        return bool(real) and all(_coercible(c) for c in real)
    return False


@cache
def relaxed(model: str) -> list[tuple[str, Callable[[Any], bool]]]:
    """Verdicts of the exported schema with each uncarried rule taken away, cumulatively."""
    from jsonschema import Draft202012Validator

    no_vocabulary = Draft202012Validator(
        _without(schema(model), lambda k, v: k.startswith("x-contract-")))
    no_groups = Draft202012Validator(_without(no_vocabulary.schema, _is_group))
    return [("vocabulary", no_vocabulary.is_valid),
            ("one-of", no_groups.is_valid),
            ("lax-types", lambda d: all(_coercible(e) for e in no_groups.iter_errors(d)))]


def explain(vector: Vector) -> str | None:
    """The first uncarried rule whose removal from the schema makes it accept the vector."""
    if vector["valid"]:
        return None  # the generated model rejects a config the contract accepts: never explained
    for reason, accepts in relaxed(vector["model"]):
        if accepts(vector["instance"]):
            return reason
    return None


def generated_disagreements() -> dict[str, list[str]]:
    by_reason: dict[str, list[str]] = {}
    for v in load_vectors():
        if _generated_valid(v["model"], v["instance"]) != v["valid"]:
            by_reason.setdefault(explain(v) or "unexplained", []).append(vector_name(v))
    return by_reason


def test_generated_python_models_differ_only_where_listed() -> None:
    found = generated_disagreements()
    assert "unexplained" not in found, found.get("unexplained")
    # The list is precise: every reason it gives shows up in the vectors.
    assert set(found) == set(UNCARRIED)
    # The generated models never reject a config the contract accepts.
    accepted = {vector_name(v) for v in load_vectors() if v["valid"]}
    assert not accepted & {name for names in found.values() for name in names}


# --- the runner as a program ----------------------------------------------------------------

def portable_violations() -> dict[str, list[list[Any]]]:
    """Per vector, the (path, rule) pairs of the Python portable rules: the reference for Java's."""
    return {vector_name(v): sorted([list(x.path), x.rule]
                                   for x in violations(schema(v["model"]), v["instance"]))
            for v in load_vectors()}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--portable-violations"] and len(argv) == 2:
        text = json.dumps(portable_violations(), sort_keys=True)
        Path(argv[1]).write_text(text, encoding="utf-8")
        return 0
    if argv:
        print("usage: python -m tests.acceptance.test_conformance [--portable-violations FILE]",
              file=sys.stderr)
        return 2
    vectors = load_vectors()
    passed = failed = 0
    for judge_name, judge in sorted(JUDGES.items()):
        wrong = disagreements(judge)
        for line in wrong:
            print(f"DISAGREE {judge_name}: {line}")
        failed += len(wrong)
        passed += len(vectors) - len(wrong)
        print(f"{judge_name}: {len(vectors) - len(wrong)} of {len(vectors)} vectors agree")
    print(f"python: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
