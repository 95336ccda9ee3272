"""The command line: exit codes, messages, and the foundation's done-when checks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from embedding_contract import __version__
from embedding_contract.check.loader import load_file
from embedding_contract.cli import main
from embedding_contract.cli.errors import one_line_errors
from embedding_contract.cli.options import BASE_URL_ENV, base_url_or_default
from embedding_contract.core.errors import DriftError, UsageError
from embedding_contract.models.registry import MODEL_NAMES
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.paths import EXAMPLES, ROOT, schema_file

Write = Callable[[str, str], Path]
LARGE = "recap.LargeEmbeddingsConfig"

TWO_SCHEDULES = """\
tables:
  - name: user
    num_embeddings: 10
    embedding_dim: 4
optimizer:
  init_learning_rate: 0.1
  learning_rate:
    constant: 0.1
    linear_ramp_to_constant:
      learning_rate: 0.1
      num_ramp_steps: 100
"""

DUPLICATE_NAMES = """\
tables:
  - name: user
    num_embeddings: 10
    embedding_dim: 4
  - name: user
    num_embeddings: 20
    embedding_dim: 4
optimizer:
  init_learning_rate: 0.1
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version_and_models() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"embedding-contract {__version__}\n")
    code, out, _ = run("models")
    assert code == 0 and out.split() == list(MODEL_NAMES)


def test_examples_are_valid() -> None:
    code, out, err = run("validate", *map(str, sorted(EXAMPLES.glob("*.yaml"))))
    assert code == 0, out + err
    code, out, _ = run("validate", "--model", LARGE, str(EXAMPLES / "recap-large-embeddings.yaml"))
    assert code == 0


def test_done_when_two_schedules(write: Write) -> None:
    path = write("two.yaml", TWO_SCHEDULES)
    code, out, _ = run("validate", "--model", LARGE, str(path))
    assert code == 1
    assert out == (f"{path}:7:3: optimizer.learning_rate: exactly one of constant, "
                   "linear_ramp_to_cosine, linear_ramp_to_constant, piecewise_constant must be set"
                   " (group 'lr'); got 2 (constant, linear_ramp_to_constant) [one-of]\n")
    # The schema file alone, given to python-jsonschema, rejects the same config.
    schema = json.loads(schema_file(LARGE).read_text())
    assert not Draft202012Validator(schema).is_valid(load_file(path).data)


def test_done_when_duplicate_names(write: Write) -> None:
    path = write("dup.yaml", DUPLICATE_NAMES)
    code, out, _ = run("validate", "--model", LARGE, str(path))
    assert code == 1
    assert out == (f"{path}:5:5: tables[1].name: duplicate name 'user': already used by item [0]"
                   " [unique-by]\n")
    schema = json.loads(schema_file(LARGE).read_text())
    data = load_file(path).data
    assert Draft202012Validator(schema).is_valid(data)  # standard keywords cannot see it
    assert not ContractValidator(schema).is_valid(data)  # the contract's vocabulary can


def test_every_error_of_every_file(write: Write) -> None:
    bad = write("bad.yaml", TWO_SCHEDULES.replace("embedding_dim: 4", 'embedding_dim: "4"'))
    good = EXAMPLES / "recap-large-embeddings.yaml"
    code, out, err = run("validate", "--model", LARGE, str(bad), str(good))
    assert code == 1
    assert [line.split(": ")[1] for line in out.splitlines()] == [
        "tables[0].embedding_dim", "optimizer.learning_rate"]
    assert "1 of 2 files valid" in err


def test_json_and_github_formats(write: Write) -> None:
    path = write("two.yaml", TWO_SCHEDULES)
    code, out, _ = run("validate", "--model", LARGE, "--format", "json", str(path))
    assert code == 1
    [entry] = json.loads(out)
    assert entry == {"file": str(path), "model": LARGE, "line": 7, "column": 3,
                     "path": "optimizer.learning_rate", "rule": "one-of",
                     "message": entry["message"]}
    code, out, _ = run("validate", "--model", LARGE, "--format", "github", str(path))
    assert out.startswith(f"::error file={path},line=7,col=3,title=one-of::")


def test_usage_errors_exit_2(write: Write, tmp_path: Path) -> None:
    code, _, err = run("validate", "--model", "recap.Nope", str(EXAMPLES / "twhin-local.yaml"))
    assert code == 2 and "unknown model 'recap.Nope'" in err
    unnamed = write("plain.yaml", "tables: []\n")
    code, out, err = run("validate", str(unnamed))
    assert code == 2 and "names no model" in out + err and "--model" in out + err
    code, out, err = run("validate", "--model", LARGE, str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in out + err
    code, out, err = run("validate", "--model", LARGE, str(write("dup.yaml", "a: 1\na: 2\n")))
    assert code == 2 and "duplicate key 'a'" in out + err
    assert "Traceback" not in out + err


def test_invalid_and_unreadable_gives_2(write: Write, tmp_path: Path) -> None:
    path = write("two.yaml", TWO_SCHEDULES)
    code, _, _ = run("validate", "--model", LARGE, str(path), str(tmp_path / "nope.yaml"))
    assert code == 2


def test_schema_key_names_the_model(write: Write) -> None:
    doc = {"$schema": f"https://embedding-contract.dev/schemas/{__version__}/recap/"
                      "SmallEmbeddingsConfig.json",
           "tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 1, "index": 0}]}
    path = write("small.json", json.dumps(doc))
    code, out, err = run("validate", str(path))
    assert code == 0, out + err


def test_check_gate(tmp_path: Path) -> None:
    code, out, _ = run("check", "--schemas", str(ROOT / "schemas"), "--examples", str(EXAMPLES))
    assert code == 0, out
    assert out.count("ok   ") == 2 + len(list(EXAMPLES.glob("*.yaml")))
    broken = tmp_path / "examples"
    shutil.copytree(EXAMPLES, broken)
    (broken / "twhin-local.yaml").write_text(
        (EXAMPLES / "twhin-local.yaml").read_text().replace("dim: 4", "dim: 0", 1))
    code, out, _ = run("check", "--schemas", str(ROOT / "schemas"), "--examples", str(broken))
    assert code == 1 and "FAIL" in out and "tables[0].embedding_dim" in out


@pytest.mark.parametrize("args", [["--version"], ["export", "--check"]])
def test_installed_console_script(args: list[str]) -> None:
    exe = shutil.which("embedding-contract", path=str(Path(sys.executable).parent))
    assert exe, "the console script is installed beside the interpreter"
    result = subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_importing_the_package_is_light() -> None:
    code = ("import sys, embedding_contract; "
            "print(any(m.startswith(('pydantic', 'jsonschema', 'yaml')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "embedding_contract.cli", "--version"],
                            capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout) == (0, f"embedding-contract {__version__}\n")


def test_every_option_has_help() -> None:
    missing = [(name, param.name) for name, command in main.commands.items()
               for param in command.params
               if isinstance(param, click.Option) and not param.help]
    assert missing == []


def test_a_failure_is_one_line_and_its_exit_code() -> None:
    @click.command()
    @click.option("--kind")
    def failing(kind: str) -> None:
        with one_line_errors(failed=(DriftError,)):
            raise (DriftError("drifted", "diff") if kind == "drift" else UsageError("bad"))

    for kind, code, line in (("drift", 1, "drifted"), ("usage", 2, "bad")):
        result = CliRunner().invoke(failing, ["--kind", kind])
        assert (result.exit_code, result.stdout, result.stderr) == (
            code, "", f"embedding-contract: {line}\n")


def test_base_url_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    assert base_url_or_default(None) == "https://embedding-contract.dev/schemas/"
    monkeypatch.setenv(BASE_URL_ENV, "https://example.org/s/")
    assert base_url_or_default(None) == "https://example.org/s/"
    assert base_url_or_default("https://x/") == "https://x/"
