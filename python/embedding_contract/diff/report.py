"""Output formats of a diff or gate report: text, json, markdown (a PR comment), github."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from embedding_contract.core.annotations import command
from embedding_contract.core.exitcodes import ExitCode
from embedding_contract.diff.findings import ABSENT, Direction, Effect, Finding
from embedding_contract.diff.gate import Comparison, Report
from embedding_contract.diff.rules.table import RULES

JSON_FORMAT = "embedding-contract-diff/1"
_SHORT = 160


def _compact(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _short(value: Any) -> str:
    if value is ABSENT:
        return "(absent)"
    text = _compact(value)
    return text if len(text) <= _SHORT else text[:_SHORT - 3] + "..."


def _label(f: Finding, c: Comparison) -> str:
    if f.waived is not None:
        return "WAIVED"
    effects = [f.effect(d) for d in c.mode.directions]
    if Effect.BREAKING in effects:
        return "BREAKING"
    if Effect.POSSIBLY_BREAKING in effects:
        return "POSSIBLY BREAKING"
    if f.backward is Effect.ANNOTATION and f.forward is Effect.ANNOTATION:
        return "annotation"
    return "compatible"


def _who(direction: Direction) -> tuple[str, str]:
    return ("OLD", "NEW") if direction is Direction.BACKWARD else ("NEW", "OLD")


def _direction_text(f: Finding, d: Direction) -> str:
    effect = f.effect(d)
    witness = f.witness(d)
    writer, reader = _who(d)
    if witness.status == "found":
        return (f"{effect.value}; witness (valid under {writer}, rejected by {reader}): "
                f"{_compact(witness.instance)}")
    if witness.status == "not-found":
        return (f"{effect.value}: the rules say it may break, but no witness was found "
                f"({witness.note})")
    if witness.status == "not-applicable":
        return f"{effect.value} ({witness.note})"
    if effect.breaks:
        return f"{effect.value} (witness not searched)"
    if f.same_instances:
        return f"{effect.value} (the same instances validate here: no bump needed)"
    return effect.value


def _header(c: Comparison, report: Report) -> str:
    def side(r: Any) -> str:
        label = str(r.label)
        return label + (f" ({r.version})" if r.version and r.version not in label else "")

    return (f"{side(c.old)} -> {side(c.new)}; mode {report.options.mode.value}, "
            f"policy {report.options.policy.value}")


def finding_lines(f: Finding, c: Comparison) -> list[str]:
    lines = [f"{_label(f, c)}  {f.rule}  {f.location}  (config: {f.instance_path})",
             f"    old: {_short(f.old)}", f"    new: {_short(f.new)}"]
    for d in (Direction.BACKWARD, Direction.FORWARD):
        lines.append(f"    {d.value}: {_direction_text(f, d)}")
    if f.waived is not None:
        lines.append(f"    accepted by an exception: {f.waived}")
    return lines


def _counts(c: Comparison) -> str:
    labels: dict[str, int] = {}
    for f in c.findings:
        labels[_label(f, c)] = labels.get(_label(f, c), 0) + 1
    if not labels:
        return "no findings"
    return ", ".join(f"{n} {k.lower()}" for k, n in sorted(labels.items()))


def text_lines(report: Report, only_breaking: bool = False) -> list[str]:
    """Human text. ``only_breaking`` (for check) details only the breaking and waived findings,
    and, when the version bump is too small, those that demand the larger one."""
    lines: list[str] = []
    for c in report.comparisons:
        lines.append(_header(c, report))
        for f in c.findings:
            if (not only_breaking or f.breaks(c.mode.directions) or f.waived is not None
                    or (not c.ok and f.bump(c.mode.directions) is c.required)):
                lines.extend(finding_lines(f, c))
        count = len(c.findings)
        lines.append(f"{count} finding{'' if count == 1 else 's'}: {_counts(c)}")
        lines.append(("ok   " if c.ok else "FAIL ") + c.message)
    lines.extend(_tail(report))
    return lines


def _tail(report: Report) -> list[str]:
    lines = [f"note: {n}" for n in report.notes]
    for w in report.stale:
        lines.append(f"FAIL stale exception (matches no finding): {w.describe()}: {w.reason}")
    return lines


def _finding_json(f: Finding, c: Comparison) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.rule, "category": f.category, "file": f.file, "pointer": f.pointer,
        "old_pointer": f.old_pointer, "location": f.location, "config_path": f.instance_path,
        "bump": str(f.bump(c.mode.directions)), "waived": f.waived,
    }
    if f.same_instances:
        out["same_instances"] = True
    if f.old is not ABSENT:
        out["old"] = f.old
    if f.new is not ABSENT:
        out["new"] = f.new
    for d in (Direction.BACKWARD, Direction.FORWARD):
        w = f.witness(d)
        witness: dict[str, Any] = {"status": w.status}
        if w.status == "found":
            witness["instance"] = w.instance
        if w.note:
            witness["note"] = w.note
        out[d.value] = {"effect": f.effect(d).value, "witness": witness}
    return out


def as_json(report: Report) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "gate": report.gate,
        "mode": report.options.mode.value,
        "policy": report.options.policy.value,
        "exit_code": report.exit_code,
        "comparisons": [{
            "old": {"label": c.old.label, "version": c.old.version},
            "new": {"label": c.new.label, "version": c.new.version},
            "required_bump": str(c.required),
            "actual_bump": None if c.actual is None else str(c.actual),
            "breaking": c.breaking,
            "ok": c.ok,
            "message": c.message,
            "findings": [_finding_json(f, c) for f in c.findings],
        } for c in report.comparisons],
        "stale_exceptions": [{"rule": w.rule, "pointer": w.pointer, "version": w.version,
                              "reason": w.reason} for w in report.stale],
        "notes": list(report.notes),
    }


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_lines(report: Report) -> list[str]:
    status = "passes" if report.exit_code is ExitCode.OK else "fails"
    lines = [f"### Schema compatibility: {status}", ""]
    for c in report.comparisons:
        lines += [f"**{_md(_header(c, report))}**", "",
                  f"{'✔' if c.ok else '✘'} {_md(c.message)}", ""]
        if c.findings:
            lines += ["| | rule | location | config path | backward | forward |",
                      "|---|---|---|---|---|---|"]
            for f in c.findings:
                lines.append(f"| {_label(f, c)} | `{f.rule}` | `{_md(f.location)}` | "
                             f"`{_md(f.instance_path)}` | {f.backward.value} | "
                             f"{f.forward.value} |")
            lines.append("")
        proofs = [(f, d) for f in c.findings for d in Direction
                  if f.witness(d).status in ("found", "not-found")]
        if proofs:
            lines += ["<details><summary>Witnesses</summary>", ""]
            for f, d in proofs:
                w = f.witness(d)
                writer, reader = _who(d)
                if w.status == "found":
                    lines += [f"`{f.rule}` at `{_md(f.location)}`, {d.value}: valid under "
                              f"{writer}, rejected by {reader}:", "", "```json",
                              json.dumps(w.instance, indent=2, sort_keys=True,
                                         ensure_ascii=False), "```", ""]
                else:
                    lines += [f"`{f.rule}` at `{_md(f.location)}`, {d.value}: no witness "
                              f"found ({_md(w.note)}); reported as possibly breaking", ""]
            lines += ["</details>", ""]
    lines += [f"- {_md(n)}" for n in report.notes]
    lines += [f"- stale exception (matches no finding): `{_md(w.describe())}`"
              for w in report.stale]
    return lines


def github_lines(report: Report) -> list[str]:
    lines = []
    for c in report.comparisons:
        for f in c.findings:
            if not f.breaks(c.mode.directions):
                continue
            details = "; ".join(f"{d.value}: {_direction_text(f, d)}"
                                for d in c.mode.directions if f.effect(d).breaks)
            lines.append(command(
                "error", f"{f.location} ({f.instance_path}): {RULES[f.rule].doc}. {details}",
                file=c.new.path_of(f.file), title=f.rule))
        lines.append(command("notice" if c.ok else "error", c.message,
                             title="schema compatibility"))
    for w in report.stale:
        lines.append(command("error", f"matches no finding: {w.describe()}",
                             title="stale exception"))
    return lines


def render(report: Report, output_format: str, only_breaking: bool = False) -> str:
    if output_format == "json":
        return json.dumps(as_json(report), indent=2, sort_keys=True, ensure_ascii=False)
    if output_format == "markdown":
        return "\n".join(markdown_lines(report))
    if output_format == "github":
        return "\n".join(github_lines(report))
    return "\n".join(text_lines(report, only_breaking))


def rules_listing(output_format: str) -> str:
    rows: Iterable[Any] = sorted(RULES.values(), key=lambda r: (r.category, r.id))
    if output_format == "json":
        return json.dumps([{"id": r.id, "category": r.category, "doc": r.doc} for r in rows],
                          indent=2, sort_keys=True)
    if output_format == "markdown":
        return "\n".join(["| rule | category | meaning |", "|---|---|---|",
                          *(f"| `{r.id}` | {r.category} | {_md(r.doc)} |" for r in rows)])
    width = max(len(r.id) for r in RULES.values())
    return "\n".join(f"{r.id:<{width}}  {r.category:<11} {r.doc}" for r in rows)
