"""The diff corpus: old/new schema pairs with the expected rule IDs and verdicts per direction.

Each file of ``tests/diff_corpus/`` holds ``old`` and ``new`` schemas (or ``base``, a released
schema file, and ``patch``, JSON Patch operations that make ``new`` from it) and ``expect``: the
set of rule IDs found and the verdict per direction (the worst effect over the findings after
the witness search: breaking, possibly-breaking, compatible, annotation, or none), under the
strict policy and, where given, under ``tolerant-reader``. Every breaking verdict is backed by a
witness that this test checks again with its own validators.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from embedding_contract.diff.engine import attach_witnesses, diff_documents, diff_files
from embedding_contract.diff.findings import Direction, Effect, Finding, Policy
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.paths import ROOT, SCHEMAS

CORPUS = ROOT / "tests" / "diff_corpus"
CASES = sorted(CORPUS.glob("*.yaml"))
SEVERITY = ("none", "annotation", "compatible", "possibly-breaking", "breaking")
BOTH = (Direction.BACKWARD, Direction.FORWARD)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _locate(doc: Any, pointer: str) -> tuple[Any, str]:
    parts = [_unescape(t) for t in pointer.split("/")[1:]]
    node = doc
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, parts[-1]


def apply_patch(doc: Any, ops: list[dict[str, Any]]) -> Any:
    """The JSON Patch (RFC 6902) operations the corpus uses: add, remove, replace, move."""
    doc = copy.deepcopy(doc)
    for op in ops:
        if op["op"] == "move":
            parent, key = _locate(doc, op["from"])
            value = parent.pop(int(key)) if isinstance(parent, list) else parent.pop(key)
            op = {"op": "add", "path": op["path"], "value": value}
        parent, key = _locate(doc, op["path"])
        if op["op"] == "remove":
            del parent[int(key) if isinstance(parent, list) else key]
        elif isinstance(parent, list):
            if key == "-":
                parent.append(copy.deepcopy(op["value"]))
            elif op["op"] == "add":
                parent.insert(int(key), copy.deepcopy(op["value"]))
            else:
                parent[int(key)] = copy.deepcopy(op["value"])
        else:
            parent[key] = copy.deepcopy(op["value"])
    return doc


def load_case(path: Path) -> tuple[Any, Any, dict[str, Any]]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "base" in case:
        import json

        old = json.loads((SCHEMAS / case["base"]).read_text(encoding="utf-8"))
        return old, apply_patch(old, case["patch"]), case
    return case["old"], case["new"], case


def run(old: Any, new: Any, policy: Policy) -> list[Finding]:
    findings = diff_files({"case.json": old}, {"case.json": new}, policy)
    return attach_witnesses(findings, {"case.json": old}, {"case.json": new}, policy, BOTH)


def verdict(findings: list[Finding], direction: Direction) -> str:
    return max((f.effect(direction).value for f in findings), key=SEVERITY.index,
               default="none")


_NAMED = ("properties", "patternProperties", "$defs", "dependentSchemas")
_VALUES = ("enum", "const", "examples", "default", "required")


def _tolerant(schema: Any) -> Any:
    """The reader's schema under tolerant-reader, built here independently of the package:
    no ``additionalProperties`` keyword anywhere (a property of that name stays)."""
    if isinstance(schema, list):
        return [_tolerant(v) for v in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "additionalProperties":
            continue
        if key in _NAMED and isinstance(value, dict):
            out[key] = {name: _tolerant(sub) for name, sub in value.items()}
        else:
            out[key] = value if key in _VALUES else _tolerant(value)
    return out


def check_witnesses(findings: list[Finding], old: Any, new: Any, policy: Policy) -> None:
    for f in findings:
        for d in BOTH:
            witness = f.witness(d)
            if f.effect(d) is Effect.BREAKING:
                assert witness.status == "found", (f.rule, d, witness)
                writer, reader = (old, new) if d is Direction.BACKWARD else (new, old)
                if policy is Policy.TOLERANT_READER:
                    reader = _tolerant(reader)
                assert ContractValidator(writer).is_valid(witness.instance), (f.rule, d)
                assert not ContractValidator(reader).is_valid(witness.instance), (f.rule, d)
            elif f.effect(d) is Effect.POSSIBLY_BREAKING:
                assert witness.status == "not-found", (f.rule, d, witness)
            else:
                assert witness.status == "not-searched", (f.rule, d, witness)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_case(path: Path) -> None:
    old, new, case = load_case(path)
    expect = case["expect"]
    before = copy.deepcopy((old, new))
    findings = run(old, new, Policy.STRICT)
    assert (old, new) == before  # the diff and the witness search never edit their input
    assert sorted({f.rule for f in findings}) == expect["rules"]
    got = {"backward": verdict(findings, Direction.BACKWARD),
           "forward": verdict(findings, Direction.FORWARD)}
    assert got == {"backward": expect["backward"], "forward": expect["forward"]}
    check_witnesses(findings, old, new, Policy.STRICT)
    if "tolerant-reader" in case:
        tolerant = run(old, new, Policy.TOLERANT_READER)
        got = {"backward": verdict(tolerant, Direction.BACKWARD),
               "forward": verdict(tolerant, Direction.FORWARD)}
        assert got == case["tolerant-reader"]
        check_witnesses(tolerant, old, new, Policy.TOLERANT_READER)


def test_corpus_covers_the_issue() -> None:
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASES]
    assert len(cases) >= 40
    assert sum("base" in c for c in cases) >= 5  # our own models' evolutions
    assert sum("tolerant-reader" in c for c in cases) >= 5
    verdicts = {c["expect"][d] for c in cases for d in ("backward", "forward")}
    assert verdicts == set(SEVERITY)


def test_reverse_pairs_swap_directions() -> None:
    """Diffing NEW -> OLD swaps backward and forward, finding by finding."""
    for path in CASES:
        old, new, _ = load_case(path)
        there = diff_documents(old, new, "case.json")
        back = diff_documents(new, old, "case.json")
        assert sorted(f.backward.value for f in there) == sorted(f.forward.value for f in back), \
            path.stem
