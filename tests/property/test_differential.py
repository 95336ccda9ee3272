"""The differential property: every validator gives every generated config the same verdict.

Pydantic (Python and JSON mode), python-jsonschema and jsonschema-rs (two ways) on the exported
schema files, for every model, on valid documents and on named mutations of them. Under a profile
with enough examples (``ci``, ``deep``) every mutation kind that applies to a model must also have
been generated for it, checked inside the same test so that it holds under pytest-xdist.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.statistics import collector, describe_statistics

from embedding_contract.models.registry import MODEL_NAMES
from tests.support.differential import SCHEMA_DIR, Harness, run_property
from tests.support.strategies import MUTATION_KINDS, applicable_kinds

# Below this many examples a kind may be missed by chance; ci and deep are far above it.
COVERAGE_EXAMPLES = 1000


@contextmanager
def _statistics_for(node: pytest.Item) -> Iterator[None]:
    """Hand the statistics of the Hypothesis run inside a plain test to Hypothesis's pytest
    plugin, which prints them (events included) under ``--hypothesis-show-statistics``, also
    with pytest-xdist. The plugin only collects them itself for tests decorated with @given."""

    def note(stats: Any) -> None:
        stats["nodeid"] = node.nodeid
        node.hypothesis_statistics = describe_statistics(stats)  # type: ignore[attr-defined]

    with collector.with_value(note):  # type: ignore[arg-type]
        yield


@pytest.mark.parametrize("model", MODEL_NAMES)
def test_every_validator_gives_the_same_verdict(model: str, request: pytest.FixtureRequest) -> None:
    with _statistics_for(request.node):
        figures = run_property(model)
    print(f"{model}: {figures.examples} examples in {figures.seconds:.1f}s; kinds: "
          + ", ".join(f"{k}={n}" for k, n in sorted(figures.kinds.items())))
    if settings().max_examples >= COVERAGE_EXAMPLES:
        missing = set(applicable_kinds(model)) - set(figures.kinds)
        assert not missing, f"{model}: mutation kinds never generated: {sorted(missing)}"
        assert figures.kinds["valid"] > 0, f"{model}: no valid document generated"


def test_every_kind_applies_to_some_model() -> None:
    used = {kind for model in MODEL_NAMES for kind in applicable_kinds(model)}
    assert set(MUTATION_KINDS) - used == set()


def _break_schema(tmp_path: Path, model: str, pointer: tuple[str, ...]) -> Harness:
    """A copy of the released schema files with the keyword at ``pointer`` deleted from
    ``model``'s file."""
    copy = tmp_path / "schemas"
    shutil.copytree(SCHEMA_DIR, copy)
    family, _, cls = model.partition(".")
    path = copy / family / f"{cls}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    parent = schema
    for key in pointer[:-1]:
        parent = parent[key]
    del parent[pointer[-1]]
    path.write_text(json.dumps(schema, indent=2, sort_keys=True), encoding="utf-8")
    return Harness(copy)


_BROKEN_RUN = settings(max_examples=2000, derandomize=True, database=None, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow])

_GROUP = re.compile(r"exactly one of (\w+)")


@pytest.mark.slow
@pytest.mark.parametrize(("model", "pointer", "group_at"), [
    # The learning-rate group of the schedule itself: the minimal input is {}.
    ("recap.LearningRate", ("oneOf",), ()),
    # The optimizer group, deep inside the TwHIN collection (tables[0].optimizer).
    ("twhin.TwhinEmbeddingsConfig", ("$defs", "OptimizerConfig", "oneOf"),
     ("tables", 0, "optimizer")),
])
def test_a_dropped_one_of_group_fails_with_a_minimal_counterexample(
        tmp_path: Path, model: str, pointer: tuple[str, ...], group_at: tuple[Any, ...]) -> None:
    broken = _break_schema(tmp_path, model, pointer)
    with pytest.raises(AssertionError, match="validators disagree on") as info:
        run_property(model, harness=broken, settings=_BROKEN_RUN)
    # Hypothesis re-raises the error of the shrunk example: the minimal counterexample.
    message = str(info.value)
    text = next(line for line in message.splitlines() if line.startswith("input: "))
    instance = json.loads(text.removeprefix("input: "))
    verdicts = dict(re.findall(r"^  (\S+) +(valid|invalid)$", message, re.MULTILINE))
    assert verdicts == {"pydantic-python": "invalid", "pydantic-json": "invalid",
                        "jsonschema": "valid", "jsonschema-rs": "valid",
                        "jsonschema-rs-keywords": "valid"}, message
    # Minimal: the group holds no member at all, and nothing else is there to break.
    group = instance
    for key in group_at:
        group = group[key]
    assert group == {}, message
    if group_at:
        assert len(instance["tables"]) == 1, message
    assert "got none" in message and _GROUP.search(message), message
