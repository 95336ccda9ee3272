"""Which versions a schema tree holds, and what a version spec (exact, line, latest) names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from embedding_contract.core.errors import UsageError
from embedding_contract.schemafiles.packaged import resolve_version
from embedding_contract.schemafiles.releases import released_versions

INDEX: dict[str, Any] = {"versions": {v: {"models": {}} for v in (
    "1.10.1", "1.2.0", "2.0.0", "1.0.0", "1.2.7")}}


@pytest.mark.parametrize(("spec", "exact"), [
    ("latest", "2.0.0"), ("1", "1.10.1"), ("1.2", "1.2.7"), ("1.10", "1.10.1"), ("2", "2.0.0"),
    ("1.2.0", "1.2.0"), ("2.0.0", "2.0.0"),
])
def test_exact_versions_lines_and_latest(spec: str, exact: str) -> None:
    assert resolve_version(INDEX, spec) == exact


@pytest.mark.parametrize(("spec", "message"), [
    ("3", "no released version matches '3'; released: 1.0.0, 1.2.0, 1.2.7, 1.10.1, 2.0.0"),
    ("1.3", "no released version matches '1.3'"),
    ("1.2.1", "no released version matches '1.2.1'"),
    ("1.2.3.4", "'1.2.3.4' is not a version: use MAJOR.MINOR.PATCH, MAJOR, MAJOR.MINOR or "
                "'latest'"),
    ("1.", "'1.' is not a version"), ("v1", "'v1' is not a version"), ("01", "'01' is not"),
    ("1.02", "'1.02' is not"), ("", "'' is not a version"), ("1\n", "'1\\n' is not"),
    ("LATEST", "'LATEST' is not"),
])
def test_specs_that_name_no_release(spec: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        resolve_version(INDEX, spec)
    assert str(info.value).startswith(message)


def test_released_versions_are_the_version_folders_oldest_first(tmp_path: Path) -> None:
    assert released_versions(tmp_path / "missing") == []
    for name in ("1.10.0", "1.9.3", "2.0.0", "01.0.0", "1.0", "latest", ".1.0.0-staging"):
        (tmp_path / name).mkdir()
    (tmp_path / "3.0.0").write_text("a file, not a release folder")
    assert released_versions(tmp_path) == ["1.9.3", "1.10.0", "2.0.0"]
