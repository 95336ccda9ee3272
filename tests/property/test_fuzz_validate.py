"""Fuzzing `validate`: whatever the bytes, it reports (valid, invalid, or one LoadError) and never
raises anything but the package's own error type; the CLI never prints a traceback.

Three sources of input: arbitrary bytes, YAML-ish text assembled from YAML's own punctuation and
the contract's keys, and valid configs with one part replaced by an arbitrary value.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from embedding_contract.check.loader import loads
from embedding_contract.check.pipeline import judge_document
from embedding_contract.check.reports import github_lines, json_entries, text_lines
from embedding_contract.check.result import FileReport
from embedding_contract.cli import main
from embedding_contract.core.errors import ContractError
from embedding_contract.models.registry import MODEL_NAMES
from tests.support.json_paths import value_paths
from tests.support.paths import VALID_LARGE, VALID_TWHIN

ENV = {"DIM": "8", "NAME": "user", "EMPTY": "", "USER": "fuzz", "EVIL": "a: [\n\udcff"}


def scaled(fraction: float) -> settings:
    """The active profile's example count, scaled (the CLI case costs far more per example)."""
    return settings(max_examples=max(int(settings().max_examples * fraction), 10),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def check(raw: bytes | str, as_json: bool, model: str | None) -> FileReport | None:
    """Load and validate like the CLI; only the package's own errors may escape."""
    try:
        document = loads(raw, file="fuzz.yaml", as_json=as_json, env=ENV)
    except ContractError:
        return None
    report = judge_document(document, model)
    # Rendering never fails and every text line stays one line.
    for line in text_lines(report) + github_lines(report):
        assert "\n" not in line and "\r" not in line
    json.dumps(json_entries(report)).encode("utf-8")
    for located in report.issues:
        if located.line is not None:
            assert located.column is not None and located.column >= 1
            assert 1 <= located.line <= max(1, len(document.text or "") + 1)
    return report


models = st.sampled_from([None, *MODEL_NAMES])

YAML_PIECES = [
    "\n", "\n", "  ", "    ", "- ", ": ", ":", ", ", "[", "]", "{", "}", "? ", "#", "# c\n",
    "---\n", "...\n", "&a ", "*a", "&b ", "*b", "<<: ", "!!str ", "!!int ", "!!float ",
    "!!python/object:x ", "!t ", "|\n", ">-\n", "'", '"', "\\", "\\u00e9", "\t", "\r\n",
    "$DIM", "${NAME}", "$$", "$EVIL", "~", "null", "true", "no", "on", "1", "-2", "0x1f",
    "0o17", "017", "1_000", "1:30", "1e-3", "1E400", ".5", ".nan", "-.inf", "9" * 120,
    "2023-03-01", "é", "😀", "\u2028", "\x85", "tables", "name", "num_embeddings",
    "embedding_dim", "optimizer", "learning_rate", "constant", "init_learning_rate",
    "piecewise_constant", "learning_rate_boundaries", "learning_rate_values",
    "tables_to_log", "data_type", "fp32", "sgd", "lr", "adam", "betas", "$schema",
    "# yaml-language-server: $schema=https://embedding-contract.dev/schemas/1.0.0/recap/"
    "LargeEmbeddingsConfig.json\n",
]
yamlish = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join)

json_scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
                | st.floats(allow_nan=False, allow_infinity=False)
                | st.text(max_size=10) | st.sampled_from(["fp32", "user", "", "$DIM"]))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=8)


@scaled(1.0)
@given(raw=st.binary(max_size=300), as_json=st.booleans(), model=models)
@example(raw=b"\xef\xbb\xbf{}", as_json=True, model=None)
@example(raw=b"a: &x [*x]", as_json=False, model="recap.LearningRate")
@example(raw=b"[" * 300, as_json=False, model=None)
def test_bytes_never_raise_foreign_errors(raw: bytes, as_json: bool, model: str | None) -> None:
    check(raw, as_json, model)


@scaled(1.0)
@given(text=yamlish, model=models)
@example(text="tables: &t [*t, *t]\n", model="recap.LargeEmbeddingsConfig")
@example(text="? [1]\n: 2\n", model=None)
@example(text="!!str : 1\n<<: {a: 1}\n", model="recap.LearningRate")
def test_yamlish_text_never_raises_foreign_errors(text: str, model: str | None) -> None:
    check(text, False, model)
    check(text.encode("utf-8", errors="surrogatepass"), True, model)


def _replace(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    out = copy.deepcopy(doc)
    target = out
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    return out


@scaled(0.5)
@given(data=st.data(), as_json=st.booleans(), flow=st.booleans())
def test_mutated_configs_are_reported_at_real_positions(data: st.DataObject, as_json: bool,
                                                        flow: bool) -> None:
    model, base = data.draw(st.sampled_from([("recap.LargeEmbeddingsConfig", VALID_LARGE),
                                             ("twhin.TwhinEmbeddingsConfig", VALID_TWHIN)]))
    path = data.draw(st.sampled_from(value_paths(base)))
    doc = _replace(base, path, data.draw(json_values))
    if as_json:
        text = json.dumps(doc, indent=data.draw(st.sampled_from([None, 1, "\t"])))
    else:
        text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=data.draw(st.booleans()))
    report = check(text, as_json, model)
    if report is None:  # only what the loader refuses on purpose (non-finite, too long, ...)
        return
    assert report.error is None
    lines = text.splitlines() or [""]
    for located in report.issues:
        assert located.line is not None and located.column is not None
        # The position lies inside the text, at a non-blank character.
        assert located.line <= len(lines)
        assert lines[located.line - 1][located.column - 1:].strip()


@scaled(0.05)
@given(raw=st.binary(max_size=200) | yamlish.map(lambda t: t.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".yaml", ".json"]), model=models)
def test_cli_never_prints_a_traceback(raw: bytes, suffix: str, model: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(raw)
        args = ["validate", str(path)] + (["--model", model] if model else [])
        for output in ("text", "json", "github"):
            result = CliRunner().invoke(main, [*args, "--format", output])
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(
                result.exception)
            assert result.exit_code in (0, 1, 2)
            assert "Traceback" not in result.output
            if output == "json":
                json.loads(result.stdout)
