"""The gates fail closed: without their inputs they exit 2 with one line, never pass."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from embedding_contract import __version__
from embedding_contract.cli import main
from tests.support.paths import EXAMPLES, ROOT

GATES = [["check", "--examples", str(EXAMPLES)], ["diff", "--against-release"],
         ["export", "--check"]]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def one_error_line(code: int, err: str) -> str:
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("embedding-contract: "), err
    return lines[0]


@pytest.mark.parametrize("gate", GATES, ids=lambda g: g[0])
def test_no_schema_tree(gate: list[str], tmp_path: Path) -> None:
    code, out, err = run(*gate, "--schemas", str(tmp_path / "nonexistent"))
    line = one_error_line(code, err)
    assert "no schema tree here" in line and "--schemas DIR" in line
    assert "first release" not in out


@pytest.mark.parametrize("gate", GATES, ids=lambda g: g[0])
def test_a_version_named_in_the_index_but_absent(gate: list[str], tmp_path: Path) -> None:
    tree = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", tree)
    index = json.loads((tree / "index.json").read_text())
    index["versions"]["0.9.0"] = index["versions"][__version__]
    (tree / "index.json").write_text(json.dumps(index))
    code, out, err = run(*gate, "--schemas", str(tree))
    line = one_error_line(code, err)
    assert "version 0.9.0 is named in index.json but its folder is absent" in line
    assert "first release" not in out


@pytest.mark.parametrize("gate", GATES[:2], ids=lambda g: g[0])
def test_an_unreadable_index(gate: list[str], tmp_path: Path) -> None:
    tree = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", tree)
    (tree / "index.json").write_bytes(b"{not json")
    code, _, err = run(*gate, "--schemas", str(tree))
    assert "cannot read the index" in one_error_line(code, err)


def test_an_unreadable_exceptions_file(tmp_path: Path) -> None:
    bad = tmp_path / "exceptions.yaml"
    bad.write_bytes(b"exceptions: \xff\xfe\n")
    code, _, err = run("diff", "--against-release", "--schemas", str(ROOT / "schemas"),
                       "--exceptions", str(bad))
    assert "cannot read the exceptions file" in one_error_line(code, err)


def test_first_release_only_in_a_tree_without_older_releases(tmp_path: Path) -> None:
    tree = tmp_path / "schemas"
    tree.mkdir()
    code, out, err = run("diff", "--against-release", "--schemas", str(tree))
    assert code == 0 and "is the first release" in out, err
