"""Accepted breaks: the committed exceptions file, keyed by rule ID, location and version.

```yaml
exceptions:
  - rule: property-removed
    pointer: recap/EmbeddingBagConfig.json#/properties/vocab
    version: 2.0.0          # the contract version that ships the break
    reason: vocab moved to the table registry
```

An exception for the version under check must match a finding, or the check fails (no stale
waivers); one naming a version that is neither released nor under check fails too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.versions import Version
from embedding_contract.diff.findings import Finding
from embedding_contract.diff.rules.table import RULES

DEFAULT_FILE = "contract-exceptions.yaml"
_FIELDS = ("rule", "pointer", "version", "reason")


@dataclass(frozen=True)
class Waiver:
    rule: str
    pointer: str
    version: str
    reason: str

    def matches(self, finding: Finding, version: str | None) -> bool:
        return (version == self.version and finding.rule == self.rule
                and finding.location == self.pointer)

    def describe(self) -> str:
        return f"{self.rule} at {self.pointer} for {self.version}"


def load_waivers(path: Path) -> list[Waiver]:
    """The exceptions of ``path`` (none if it does not exist); malformed files are input errors."""
    import yaml

    if not path.exists():
        return []
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DiffInputError(f"{path}: cannot read the exceptions file: {exc}") from exc
    if document is None:
        return []
    if not isinstance(document, dict) or set(document) - {"exceptions"}:
        raise DiffInputError(f"{path}: expected a mapping with one key, `exceptions`")
    entries = document.get("exceptions")
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        raise DiffInputError(f"{path}: `exceptions` must be a list")
    waivers: list[Waiver] = []
    for index, entry in enumerate(entries):
        waivers.append(_waiver(path, index, entry))
    seen: set[tuple[str, str, str]] = set()
    for w in waivers:
        if (w.rule, w.pointer, w.version) in seen:
            raise DiffInputError(f"{path}: duplicate exception {w.describe()}")
        seen.add((w.rule, w.pointer, w.version))
    return waivers


def _waiver(path: Path, index: int, entry: Any) -> Waiver:
    where = f"{path}: exceptions[{index}]"
    if not isinstance(entry, dict) or set(entry) != set(_FIELDS):
        raise DiffInputError(f"{where}: needs exactly the keys {', '.join(_FIELDS)}")
    for key in _FIELDS:
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise DiffInputError(f"{where}: {key} must be a non-empty string")
    if entry["rule"] not in RULES:
        raise DiffInputError(f"{where}: unknown rule {entry['rule']!r} "
                             "(see `embedding-contract diff --list-rules`)")
    if "#" not in entry["pointer"]:
        raise DiffInputError(f"{where}: pointer must be FILE#/json/pointer, as findings show it")
    if not Version.is_valid(entry["version"]):
        raise DiffInputError(f"{where}: version must be MAJOR.MINOR.PATCH")
    return Waiver(entry["rule"], entry["pointer"], entry["version"], entry["reason"].strip())


def apply_waivers(findings: Iterable[Finding], waivers: Iterable[Waiver],
                  version: str | None, used: set[Waiver]) -> list[Finding]:
    """Mark the findings an exception accepts (recording which exceptions were used)."""
    out = []
    waivers = list(waivers)
    for finding in findings:
        for waiver in waivers:
            if waiver.matches(finding, version):
                used.add(waiver)
                finding = replace(finding, waived=waiver.reason)
                break
        out.append(finding)
    return out
