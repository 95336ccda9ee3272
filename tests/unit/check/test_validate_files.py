"""`validate` on real files: exact positions, every output format, model selection, editor setup,
and the comparison with check-jsonschema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from embedding_contract import __version__
from embedding_contract.check.naming import model_from_reference, names_contract_family
from embedding_contract.check.pipeline import judge_file
from embedding_contract.cli import main
from embedding_contract.core.annotations import printable
from embedding_contract.models.registry import MODEL_NAMES
from tests.support.paths import EXAMPLES, ROOT, SCHEMAS, schema_file

Write = Callable[[str, str], Path]
LARGE = "recap.LargeEmbeddingsConfig"
MODELINE = ("# yaml-language-server: $schema=https://embedding-contract.dev/schemas/"
            f"{__version__}/recap/LargeEmbeddingsConfig.json\n")

# Three mistakes on three lines: a string for an integer (line 6), an unknown key (line 9),
# and a tables_to_log entry naming no table (line 16, a portable rule).
THREE_MISTAKES = MODELINE + """\
# a config with three mistakes
tables:
  - name: user
    num_embeddings: 10
    embedding_dim: "8"
  - name: item
    num_embeddings: 20
    dimension: 8
    embedding_dim: 8
optimizer:
  init_learning_rate: 0.1
  learning_rate: {constant: 0.1}
tables_to_log:
  - user
  - ghost
"""


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def test_three_mistakes_three_lines(write: Write) -> None:
    path = write("three.yaml", THREE_MISTAKES)
    code, out, err = run("validate", str(path))
    assert code == 1 and err == ""  # one file with errors: no summary line
    assert out.splitlines() == [
        f'{path}:6:5: tables[0].embedding_dim: Input should be a valid integer (got "8") '
        "[int_type]",
        f"{path}:9:5: tables[1].dimension: unknown key 'dimension' (not in the contract) "
        "[extra_forbidden]",
        f"{path}:16:5: tables_to_log[1]: 'ghost' names no item of tables (by name) "
        "[references]",
    ]
    # Fixing the first two leaves the third, at its own line.
    fixed = write("fixed.yaml", THREE_MISTAKES.replace('"8"', "8").replace(
        "    dimension: 8\n", ""))
    code, out, _ = run("validate", str(fixed))
    assert (code, out) == (1, f"{fixed}:15:5: tables_to_log[1]: 'ghost' names no item of tables "
                              "(by name) [references]\n")


ISSUE_THREE = """\
tables:
  - {name: user_id, num_embeddings: "2000", embedding_dim: 128}
  - {name: user_id, num_embeddings: 10, embedding_dim: 16}
optimizer:
  init_learning_rate: 1e-2
  learning_rate:
    constant: 0.01
    linear_ramp_to_constant: {learning_rate: 0.1, num_ramp_steps: 10}
"""


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_type_error_hides_neither_the_group_nor_a_portable_rule(
        write: Write, output_format: str) -> None:
    """A string for an integer, two schedules at once, a duplicate name: three errors, one run,
    in the order of the file."""
    path = write("three.yaml", ISSUE_THREE)
    code, out, _ = run("validate", "--model", "recap.LargeEmbeddingsConfig", "--format",
                       output_format, str(path))
    assert code == 1
    if output_format == "json":
        rules = [e["rule"] for e in json.loads(out)]
    elif output_format == "github":
        rules = [line.split("title=")[1].split("::")[0] for line in out.splitlines()]
    else:
        rules = [line.rsplit("[", 1)[1].rstrip("]") for line in out.splitlines()]
    assert rules == ["int_type", "unique-by", "one-of"], out


def test_three_mistakes_at_three_lines_at_once(write: Write) -> None:
    text = MODELINE + """\
tables:
  - name: user
    num_embeddings: 0
    embedding_dim: 8
    vocab: ""
optimizer:
  init_learning_rate: -1
"""
    code, out, _ = run("validate", str(write("three.yaml", text)))
    assert code == 1
    assert [line.split(": ")[0].rsplit(":", 2)[1:] for line in out.splitlines()] == [
        ["4", "5"], ["6", "5"], ["8", "3"]]
    assert [line.split(": ")[1] for line in out.splitlines()] == [
        "tables[0].num_embeddings", "tables[0].vocab", "optimizer.init_learning_rate"]


def _at(text: str, token: str) -> str:
    """``LINE:COL`` of the first occurrence of ``token`` in ``text`` (found independently of
    the loader: plain string search)."""
    index = text.index(token)
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def test_three_mistakes_in_json_with_tabs_and_escapes(write: Write) -> None:
    # Tab indentation and \/ and \u escapes: valid JSON that a YAML reader rejects or misreads.
    text = ('{\n\t"tables": [\n\t\t{"name": "us\\u00e9r\\/1", "num_embeddings": -1,\n'
            '\t\t "embedding_dim": 8},\n\t\t{"name": "x", "num_embeddings": 1, '
            '"embedding_dim": 8, "extra": true}\n\t],\n'
            '\t"optimizer": {\n\t\t"init_learning_rate": "0.1"\n\t}\n}\n')
    path = write("three.json", text)
    code, out, _ = run("validate", "--model", LARGE, str(path))
    assert code == 1
    rows, extra, rate = (_at(text, t) for t in ('"num_embeddings": -1', '"extra"',
                                                 '"init_learning_rate"'))
    assert (rows, extra, rate) == ("3:28", "5:58", "8:3")
    assert out.splitlines() == [
        f"{path}:{rows}: tables[0].num_embeddings: Input should be greater than or equal to 1 "
        "(got -1) [greater_than_equal]",
        f"{path}:{extra}: tables[1].extra: unknown key 'extra' (not in the contract) "
        "[extra_forbidden]",
        f'{path}:{rate}: optimizer.init_learning_rate: Input should be a valid number '
        '(got "0.1") [float_type]',
    ]


def test_positions_through_anchors_and_merge_keys(write: Write) -> None:
    text = MODELINE + """\
defaults: &defaults
  num_embeddings: 10
  embedding_dim: -4
tables:
  - name: a
    <<: *defaults
optimizer: {init_learning_rate: 0.1}
"""
    code, out, _ = run("validate", str(write("merge.yaml", text)))
    assert code == 1
    lines = out.splitlines()
    # The merged value is reported where it is written, under the anchor.
    assert any(":4:3: tables[0].embedding_dim: Input should be greater than" in x for x in lines)
    assert any(":2:1: defaults: unknown key 'defaults'" in x for x in lines)


def test_json_format_is_a_stable_list(write: Write) -> None:
    path = write("three.yaml", THREE_MISTAKES)
    code, out, _ = run("validate", "--format", "json", str(path), str(path))
    entries = json.loads(out)
    assert code == 1 and len(entries) == 6
    assert [list(e) for e in entries] == [
        ["file", "model", "line", "column", "path", "rule", "message"]] * 6
    assert entries[:3] == entries[3:]
    assert [(e["line"], e["column"], e["rule"]) for e in entries[:3]] == [
        (6, 5, "int_type"), (9, 5, "extra_forbidden"), (16, 5, "references")]
    assert run("validate", "--format", "json", str(path))[1] == run(
        "validate", "--format", "json", str(path))[1]


def test_load_errors_in_every_format(write: Write) -> None:
    path = write("dup, a:b.yaml", "a: 1\na: 2\n")
    code, out, _ = run("validate", "--format", "json", str(path))
    assert code == 2
    assert json.loads(out) == [{"file": str(path), "model": None, "line": 2, "column": 1,
                                "path": None, "rule": "load-error",
                                "message": "duplicate key 'a'"}]
    code, out, _ = run("validate", "--format", "github", str(path))
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert code == 2
    assert out == (f"::error file={escaped},line=2,col=1,title=unreadable config::"
                   "duplicate key 'a'\n")


def test_report_lines_stay_single_lines(write: Write) -> None:
    # A key with a newline and a terminal escape in it, a file name with a newline.
    text = MODELINE + '"evil\\nkey\\u001b[31m": 1\n'
    path = write("a\nb.yaml", text)
    code, out, _ = run("validate", str(path))
    assert code == 1
    for line in out.splitlines():
        assert "\x1b" not in line and line.startswith(str(path).replace("\n", "\\n"))
    assert len(out.splitlines()) == 3  # tables missing, optimizer missing, the unknown key
    assert printable("a\u2028b\x85c\ud800") == "a\\u2028b\\x85c\\ud800"


def test_environment_values_are_never_a_crash(write: Write) -> None:
    path = write("env.yaml", MODELINE + "tables: $BAD\noptimizer: {init_learning_rate: 0.1}\n")
    code, out, _ = run("validate", str(path), env={"BAD": "x\udcff\n"})
    assert code == 1 and "\\udcff" in out and "\\n" in out
    code, out, _ = run("validate", "--format", "json", str(path), env={"BAD": "x\udcff"})
    assert code == 1 and "\\udcff" in json.loads(out)[0]["message"]


# --- which model ------------------------------------------------------------------------------

@pytest.mark.parametrize("reference,model", [
    (f"https://embedding-contract.dev/schemas/{__version__}/recap/LearningRate.json",
     "recap.LearningRate"),
    ("../schemas/1.0.0/twhin/AdamConfig.json#", "twhin.AdamConfig"),
    ("..\\schemas\\1.0.0\\twhin\\SgdConfig.json", "twhin.SgdConfig"),
    ("file:///srv/schemas/latest/recap/EmbeddingSnapshot.json?x=1", "recap.EmbeddingSnapshot"),
    ("https://example.org/1.0.0/recap/Nope.json", None),
    ("https://json.schemastore.org/github-workflow.json", None),
])
def test_model_from_reference(reference: str, model: str | None) -> None:
    assert model_from_reference(reference) == model


def test_skip_unnamed(write: Write, tmp_path: Path) -> None:
    good = EXAMPLES / "twhin-local.yaml"
    plain = write("workflow.yaml", "on: push\n")
    foreign = write("other.yaml", "# yaml-language-server: $schema=https://json.schemastore.org/"
                                  "github-workflow.json\non: push\n")
    typo = write("typo.yaml", "# yaml-language-server: $schema=https://embedding-contract.dev/"
                              "schemas/1.0.0/recap/LargeEmbeddingConfig.json\ntables: []\n")
    code, out, err = run("validate", "--skip-unnamed", str(good), str(plain), str(foreign))
    assert (code, out) == (0, "")
    assert err == "1 of 1 files valid (2 naming no model skipped)\n"
    # A reference shaped like the contract's but naming no model is a mistake, not skipped.
    assert names_contract_family("https://x/1.0.0/recap/LargeEmbeddingConfig.json")
    code, _, err = run("validate", "--skip-unnamed", str(typo))
    assert code == 2 and "names none of the contract's models" in err
    # A file that does not even parse is skipped unless it names a contract schema.
    assert judge_file(plain, None, skip_unnamed=True).skipped
    broken = write("broken.yaml", MODELINE + "tables: [1\n")
    code, _, err = run("validate", "--skip-unnamed", str(broken))
    assert code == 2 and "invalid YAML" in err
    code, _, err = run("validate", "--skip-unnamed", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err
    code, _, err = run("validate", str(write("plain.yaml", "a: 1\n")))
    assert code == 2 and "names no model" in err


def test_schema_key_in_json_does_not_move_positions(write: Write) -> None:
    doc = {"$schema": f"https://embedding-contract.dev/schemas/{__version__}/recap/"
                      "EmbeddingSnapshot.json", "emb_name": "", "embedding_snapshot_uri": "/x"}
    path = write("snap.json", json.dumps(doc, indent=2))
    code, out, _ = run("validate", str(path))
    assert (code, out.split(": ")[0]) == (1, f"{path}:3:3")


def test_max_bytes_flag(write: Write) -> None:
    path = write("ok.yaml", (EXAMPLES / "twhin-local.yaml").read_text())
    code, _, err = run("validate", "--max-bytes", "100", str(path))
    assert code == 2 and "over the limit of 100" in err and "--max-bytes" in err
    assert run("validate", "--max-bytes", "100000", str(path))[0] == 0


# --- editor setup -----------------------------------------------------------------------------

def test_editor_setup_uses_the_schema_ids() -> None:
    code, out, _ = run("editor-setup", "--only", "settings")
    assert code == 0
    settings = json.loads(out)
    assert settings["yaml.yamlVersion"] == "1.1"
    ids = {json.loads(schema_file(name).read_text())["$id"]: name for name in MODEL_NAMES}
    assert set(settings["yaml.schemas"]) == set(ids)
    for url, globs in settings["yaml.schemas"].items():
        assert globs == [f"**/*.{ids[url]}.yaml", f"**/*.{ids[url]}.yml"]
    # JSON configs through VS Code's own json.schemas: the same schemas, the .json globs.
    assert [(e["url"], e["fileMatch"]) for e in settings["json.schemas"]] == [
        (url, [f"**/*.{name}.json"]) for url, name in ids.items()]
    code, out, _ = run("editor-setup", "--only", "modelines")
    lines = out.splitlines()
    assert len(lines) == len(MODEL_NAMES)
    for line, name in zip(lines, MODEL_NAMES, strict=True):
        assert line.startswith("# yaml-language-server: $schema=")
        assert model_from_reference(line.split("=", 1)[1]) == name


def test_examples_carry_the_modelines_editor_setup_prints() -> None:
    modelines = set(run("editor-setup", "--only", "modelines")[1].splitlines())
    for example in sorted(EXAMPLES.glob("*.yaml")):
        assert example.read_text().splitlines()[0] in modelines, example


def test_editor_setup_local_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    configs = tmp_path / "configs"
    configs.mkdir()
    code, out, _ = run("editor-setup", "--local", "--relative-to", str(configs), "--glob",
                       "twhin.TwhinEmbeddingsConfig=configs/*.yaml", "--model",
                       "recap.LearningRate")
    assert code == 0
    settings = json.loads(out[out.index("{"):])
    learning_rate = f"./schemas/{__version__}/recap/LearningRate.json"
    assert settings["yaml.schemas"] == {
        learning_rate: ["**/*.recap.LearningRate.yaml", "**/*.recap.LearningRate.yml"],
        f"./schemas/{__version__}/twhin/TwhinEmbeddingsConfig.json": ["configs/*.yaml"]}
    assert settings["json.schemas"] == [
        {"fileMatch": ["**/*.recap.LearningRate.json"], "url": learning_rate}]
    modelines = [x for x in out.splitlines() if x.startswith("# yaml-language-server")]
    assert len(modelines) == 2
    for line in modelines:
        # Resolved from the configs' folder, each modeline reaches the schema file.
        target = (configs / line.split("=", 1)[1]).resolve()
        assert target.is_file() and target.is_relative_to(SCHEMAS.resolve())
    twhin = configs / "t.yaml"
    twhin.write_text(modelines[1] + "\n" + (EXAMPLES / "twhin-local.yaml").read_text())
    assert run("validate", str(twhin))[0] == 0


def test_editor_setup_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("editor-setup", "--model", "recap.Nope")
    assert code == 2 and "unknown model 'recap.Nope'" in err
    code, _, err = run("editor-setup", "--glob", "recap.LearningRate")
    assert code == 2 and "MODEL=PATTERN" in err
    code, _, err = run("editor-setup", "--local", "--schemas", str(tmp_path))
    assert code == 2 and "no schema file" in err


# --- comparison with check-jsonschema ---------------------------------------------------------

COMPARE = ROOT / "scripts" / "compare_check_jsonschema.py"


def compare(*files: Path) -> tuple[int, list[dict[str, Any]]]:
    run = subprocess.run([sys.executable, str(COMPARE), "--json", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    return run.returncode, json.loads(run.stdout)


def test_check_jsonschema_agrees_where_standard_keywords_decide() -> None:
    code, rows = compare()
    assert code == 0 and all(r["agree"] for r in rows)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["decided_by"], []).append(row)
    valid, standard, portable = by_kind["-"], by_kind["standard keywords"], by_kind[
        "portable rules"]
    assert len(valid) >= 5 and len(standard) >= 10 and len(portable) >= 6
    assert all(r["ours"] == r["check_jsonschema"] == "valid" for r in valid)
    assert all(r["ours"] == r["check_jsonschema"] == "invalid" for r in standard)
    # Only ours sees the portable rules: check-jsonschema accepts every one of those files.
    assert all((r["ours"], r["check_jsonschema"]) == ("invalid", "valid") for r in portable)
    assert {rule for r in portable for rule in r["rules"]} == {
        "unique-by", "references", "length-relation", "strictly-increasing", "greater-than",
        "equal-across"}
    # check-jsonschema gives JSON paths only; every one of our errors has a line and column.
    assert all(m.split(":")[0].isdigit() for r in rows for m in r["our_messages"])


def test_compare_on_given_files_and_yaml_dialect_differences(write: Write) -> None:
    head = MODELINE + "tables:\n  - name: {name}\n    num_embeddings: {rows}\n" \
                      "    embedding_dim: 4\noptimizer: {{init_learning_rate: 0.1}}\n"
    agree = write("agree.yaml", head.format(name="user", rows="1_000"))
    boolean = write("on.yaml", head.format(name="on", rows="10"))
    sexagesimal = write("minutes.yaml", head.format(name="user", rows="1:30"))
    code, rows = compare(agree, boolean, sexagesimal)
    verdicts = {r["file"]: (r["ours"], r["check_jsonschema"]) for r in rows}
    # The loader reads YAML 1.1 like upstream's yaml.safe_load; check-jsonschema reads YAML
    # 1.2: `on` is a boolean for one and a string for the other, `1:30` is 90 or a string.
    # docs/validate.md lists these; this keeps the list true.
    assert code == 1
    assert verdicts == {"agree.yaml": ("valid", "valid"), "on.yaml": ("invalid", "valid"),
                        "minutes.yaml": ("valid", "invalid")}
    assert yaml.safe_load("a: 1:30")["a"] == 90


def test_compare_script_text_report() -> None:
    run = subprocess.run([sys.executable, str(COMPARE), "--messages"], capture_output=True,
                         text=True, timeout=300, env={**os.environ})
    assert run.returncode == 0, run.stderr
    assert "DISAGREE" not in run.stdout
    assert "    check-jsonschema  $.tables[0].embedding_dim: '64' is not of type 'integer'" \
        in run.stdout


def test_errors_beyond_the_cap_are_counted(write: Write) -> None:
    """A hostile list of wrong items: --max-errors lines, then one line counting the rest."""
    path = write("zeros.json", json.dumps({"tables": [0] * 30}))
    code, out, _ = run("validate", "--model", "recap.LargeEmbeddingsConfig", "--max-errors", "5",
                       str(path))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 6, out
    assert "[required]" in lines[0] and all("[type]" in line for line in lines[1:5])
    assert lines[5] == f"{path}: 26 more errors not shown (raise --max-errors)"
    code, out, _ = run("validate", "--model", "recap.LargeEmbeddingsConfig", "--max-errors", "5",
                       "--format", "json", str(path))
    assert json.loads(out)[-1]["rule"] == "more-errors"


def test_counting_stops_at_the_limit(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("embedding_contract.check.collect.COUNT_LIMIT", 10)
    path = write("zeros.json", json.dumps({"tables": [0] * 30}))
    code, out, _ = run("validate", "--model", "recap.LargeEmbeddingsConfig", "--max-errors", "4",
                       str(path))
    assert code == 1
    assert out.splitlines()[-1] == f"{path}: at least 6 more errors not shown (raise --max-errors)"


def test_editor_setup_local_outside_a_checkout_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never a path into the installed package (a virtual environment)."""
    monkeypatch.setattr("embedding_contract.core.paths.source_checkout", lambda: None)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("editor-setup", "--local")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "embedding-contract: --local refers to schema files in your project, and there are none "
        "here: copy them with `embedding-contract export --site schemas` (then commit them), or "
        "pass --schemas DIR"]
    assert run("export", "--site", "schemas")[0] == 0
    code, out, _ = run("editor-setup", "--local", "--only", "modelines")
    assert code == 0 and f"$schema=schemas/{__version__}/recap/" in out
    assert "site-packages" not in out and str(SCHEMAS) not in out
