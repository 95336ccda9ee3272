"""The text report counts its findings in good English."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from embedding_contract.cli import main


def test_one_finding_is_singular(tmp_path: Path) -> None:
    old = {"type": "object", "properties": {"a": {"type": "string"}},
           "additionalProperties": False}
    new = json.loads(json.dumps(old))
    new["properties"]["b"] = {"type": "string"}
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    result = CliRunner().invoke(main, ["diff", "--no-witness", str(tmp_path / "old.json"),
                                       str(tmp_path / "new.json")])
    counts = [line for line in result.stdout.splitlines() if "finding" in line]
    assert any(line.startswith("1 finding: ") for line in counts), result.stdout
    assert not any("1 findings" in line for line in counts)
