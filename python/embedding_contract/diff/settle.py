"""Settle each finding's effects with the semantic core, applied to its pair of subschemas.

The rules say *what* changed (rule IDs, pointers, config paths); the core says what it does to
the instances accepted at that place. A direction the core proves included becomes compatible
(no witness needed); both included means the place accepts the same instances as before, which
needs no version bump. Under ``not`` the directions swap; inside ``oneOf`` (or where a tolerant
reader ignores the schema) only equality settles anything. A direction the core cannot decide
keeps the rules' effect and records the core's reason. The contract's vocabulary keywords keep
their own rules: the core ignores ``x-contract-*``, so their findings are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from embedding_contract.diff.findings import Direction, Effect, Finding, Witness
from embedding_contract.diff.semantic.budget import Budget, Undecided
from embedding_contract.diff.semantic.drafts import Draft
from embedding_contract.diff.semantic.include import Prover
from embedding_contract.diff.semantic.side import Side

_LEFT_ALONE = frozenset({"contract", "document", "annotation", "default", "reference"})
SECONDS = 1.0


def _prove(writer: Side, reader: Side, here_w: Any, here_r: Any) -> bool | str:
    """True when proved included; else the reason (empty: not proved, no reason to give)."""
    try:
        return Prover(writer, reader, Budget(seconds=SECONDS)).sub(here_w, here_r) or ""
    except Undecided as exc:
        return exc.reason
    except RecursionError:
        return "schemas nest too deeply"


def settle(findings: list[Finding], old: Mapping[str, Any],
           new: Mapping[str, Any]) -> list[Finding]:
    sides: dict[tuple[str, str], Side] = {}
    proved: dict[tuple[str, int, int], dict[Direction, bool | str]] = {}

    def side(which: str, file: str) -> Side:
        if (which, file) not in sides:
            docs = old if which == "old" else new
            sides[(which, file)] = Side(docs[file], Draft.D2020_12)
        return sides[(which, file)]

    out = []
    for finding in findings:
        site = finding.site
        if (site is None or finding.category in _LEFT_ALONE or finding.file not in old
                or finding.file not in new or not any(
                    finding.effect(d).breaks for d in Direction)):
            out.append(finding)
            continue
        key = (finding.file, id(site.here_old), id(site.here_new))
        if key not in proved:  # findings at one place share one pair of subschemas
            o, n = side("old", finding.file), side("new", finding.file)
            proved[key] = {Direction.BACKWARD: _prove(o, n, site.here_old, site.here_new),
                           Direction.FORWARD: _prove(n, o, site.here_new, site.here_old)}
        out.append(_apply(finding, dict(proved[key]), site.polarity))
    return out


def _apply(finding: Finding, local: dict[Direction, bool | str], polarity: str) -> Finding:
    if polarity == "negative":
        local = {Direction.BACKWARD: local[Direction.FORWARD],
                 Direction.FORWARD: local[Direction.BACKWARD]}
    equal = all(v is True for v in local.values())
    if polarity not in ("positive", "negative") and not equal:
        return finding
    reasons = sorted({v for v in local.values() if isinstance(v, str) and v})
    for direction, proved in local.items():
        if proved is True and finding.effect(direction).breaks:
            finding = finding.with_effect(direction, Effect.COMPATIBLE, Witness(
                "not-searched", note="proved: every instance the writer accepts here, the "
                "reader accepts"))
    if equal:
        finding = replace(finding, same_instances=True)
    elif reasons:
        finding = replace(finding, unknown="; ".join(reasons))
    return finding


def whole_witness(old: Any, new: Any, direction: Direction) -> Witness | None:
    """A config valid under the whole writer document and rejected by the whole reader one
    (both validators, and the contract's validator where it can read the schemas), or None."""
    from embedding_contract.diff.semantic.witness import search
    from embedding_contract.vocabulary.contract_validator import ContractValidator

    o, n = Side(old, Draft.D2020_12), Side(new, Draft.D2020_12)
    writer, reader = (o, n) if direction is Direction.BACKWARD else (n, o)
    try:
        instance = search(writer, reader, Budget(seconds=SECONDS))
    except (LookupError, Undecided, RecursionError):
        return None
    try:
        if not ContractValidator(writer.schema).is_valid(instance) or ContractValidator(
                reader.schema).is_valid(instance):
            return None
    except re.error:
        pass  # Python's re cannot read an ECMA-262 pattern: both JSON Schema validators agreed
    return Witness("found", instance, note="the only change left undecided in this document; "
                   "found by the semantic core")
