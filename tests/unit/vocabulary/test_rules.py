"""Every contract rule: accepted and rejected cases, with the exact error path, in Pydantic and in
the exported schema run by python-jsonschema with the contract's vocabulary."""

from __future__ import annotations

from typing import Any

import pytest

from embedding_contract.check.validation import validate
from tests.support.verdicts import contract_paths, pydantic_paths, standard_paths

LARGE = "recap.LargeEmbeddingsConfig"
TWHIN = "twhin.TwhinEmbeddingsConfig"


def both(name: str, data: Any) -> set[tuple[Any, ...]]:
    """Error paths, asserted equal between Pydantic and the extended schema validator."""
    by_pydantic = pydantic_paths(name, data)
    assert contract_paths(name, data) == by_pydantic
    return by_pydantic


def test_valid_documents(large: dict[str, Any], twhin_config: dict[str, Any]) -> None:
    assert both(LARGE, large) == set()
    assert both(TWHIN, twhin_config) == set()


@pytest.mark.parametrize("where", [(), ("tables", 0), ("optimizer",), ("tables", 1)])
def test_unknown_keys_rejected_at_every_level(large: dict[str, Any],
                                              where: tuple[Any, ...]) -> None:
    target: Any = large
    for key in where:
        target = target[key]
    target["surprise"] = 1
    assert both(LARGE, large) == {(*where, "surprise")}


def test_unknown_key_in_nested_schedule(large: dict[str, Any]) -> None:
    large["optimizer"]["learning_rate"] = {
        "linear_ramp_to_constant": {"learning_rate": 0.1, "num_ramp_steps": 5, "extra": 0}}
    assert both(LARGE, large) == {
        ("optimizer", "learning_rate", "linear_ramp_to_constant", "extra")}


def test_missing_required_key(large: dict[str, Any]) -> None:
    del large["tables"][1]["num_embeddings"]
    assert both(LARGE, large) == {("tables", 1, "num_embeddings")}


@pytest.mark.parametrize("field", ["pretrained", "vocab"])
def test_explicit_null_counts_as_unset(large: dict[str, Any], field: str) -> None:
    large["tables"][0][field] = None
    assert both(LARGE, large) == set()


def test_null_for_defaulted_non_optional_is_rejected(twhin_config: dict[str, Any]) -> None:
    twhin_config["tables"][0]["optimizer"] = {"sgd": {"lr": 0.1, "momentum": None}}
    assert both(TWHIN, twhin_config) == {("tables", 0, "optimizer", "sgd", "momentum")}


def test_empty_tables(large: dict[str, Any]) -> None:
    large["tables"] = []
    large["tables_to_log"] = None
    assert both(LARGE, large) == {("tables",)}


# --- one_of groups -------------------------------------------------------------------------

LR = ("optimizer", "learning_rate")
RAMP = {"learning_rate": 0.1, "num_ramp_steps": 10}


@pytest.mark.parametrize("schedule", [
    {"constant": 0.1},
    {"constant": 0.1, "linear_ramp_to_constant": None},
    {"linear_ramp_to_constant": RAMP, "constant": None, "piecewise_constant": None},
])
def test_one_of_exactly_one(large: dict[str, Any], schedule: dict[str, Any]) -> None:
    large["optimizer"]["learning_rate"] = schedule
    assert both(LARGE, large) == set()


@pytest.mark.parametrize("schedule", [
    {},
    {"constant": None},
    {"constant": 0.1, "linear_ramp_to_constant": RAMP},
])
def test_one_of_none_or_two(large: dict[str, Any], schedule: dict[str, Any]) -> None:
    large["optimizer"]["learning_rate"] = schedule
    assert both(LARGE, large) == {LR}
    # The group is a standard keyword: the schema alone rejects it too.
    assert standard_paths(LARGE, large) == {LR}


def test_one_of_error_names_rule_and_members(large: dict[str, Any]) -> None:
    large["optimizer"]["learning_rate"] = {"constant": 0.1, "linear_ramp_to_constant": RAMP}
    [issue] = validate(LARGE, large)
    assert issue.rule == "one-of"
    assert issue.location == "optimizer.learning_rate"
    assert "constant, linear_ramp_to_constant" in issue.message
    assert issue.value == ["constant", "linear_ramp_to_constant"]


@pytest.mark.parametrize("optimizer,ok", [
    ({"sgd": {"lr": 0.1}}, True),
    ({"adam": {"lr": 0.1}, "sgd": None}, True),
    ({"adagrad": {"lr": 0.1, "eps": 0}}, True),
    ({"adam": {"lr": 0.1}, "sgd": {"lr": 0.1}}, False),
    ({"learning_rate": {"constant": 0.1}}, False),
])
def test_optimizer_group(twhin_config: dict[str, Any], optimizer: dict[str, Any], ok: bool) -> None:
    twhin_config["tables"][0]["optimizer"] = optimizer
    assert both(TWHIN, twhin_config) == (set() if ok else {("tables", 0, "optimizer")})


# --- bounds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("betas,ok", [
    ([0.9, 0.999], True), ([0, 0], True), ([1, 0.5], False), ([0.5, -0.1], False),
    ([0.5], False), ([0.5, 0.5, 0.5], False),
])
def test_adam_betas(twhin_config: dict[str, Any], betas: list[Any], ok: bool) -> None:
    twhin_config["tables"][0]["optimizer"] = {"adam": {"lr": 0.1, "betas": betas}}
    # Pydantic names a tuple's missing item by index, the schema names the array: same verdict.
    assert (pydantic_paths(TWHIN, twhin_config) == set()) == ok
    assert (contract_paths(TWHIN, twhin_config) == set()) == ok


@pytest.mark.parametrize("field,value", [("eps", -1e-9), ("lr", -0.5)])
def test_adam_nonnegative(twhin_config: dict[str, Any], field: str, value: float) -> None:
    twhin_config["tables"][0]["optimizer"] = {"adam": {"lr": 0.1, field: value}}
    assert both(TWHIN, twhin_config) == {("tables", 0, "optimizer", "adam", field)}


# --- portable rules --------------------------------------------------------------------------

def test_unique_table_names(large: dict[str, Any]) -> None:
    large["tables"][1]["name"] = "user"
    assert both(LARGE, large) == {("tables", 1, "name")}
    assert standard_paths(LARGE, large) == set()  # beyond standard keywords
    [issue] = validate(LARGE, large)
    assert (issue.rule, issue.value) == ("unique-by", "user")


def test_unique_small_table_names() -> None:
    data = {"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 1, "index": 0},
                       {"name": "b", "num_embeddings": 1, "embedding_dim": 1, "index": 1},
                       {"name": "a", "num_embeddings": 1, "embedding_dim": 1, "index": 2}]}
    assert both("recap.SmallEmbeddingsConfig", data) == {("tables", 2, "name")}


def test_tables_to_log_names_a_table(large: dict[str, Any]) -> None:
    large["tables_to_log"] = ["user", "nope", "tweet"]
    assert both(LARGE, large) == {("tables_to_log", 1)}
    [issue] = validate(LARGE, large)
    assert (issue.rule, issue.value) == ("references", "nope")


@pytest.mark.parametrize("boundaries,values,errors", [
    ([10, 20], [0.1, 0.05, 0.01], set()),
    ([], [0.1], set()),
    ([10, 20], [0.1, 0.05], {("learning_rate_values",)}),
    ([10, 20], [0.1, 0.05, 0.01, 0.001], {("learning_rate_values",)}),
    ([20, 10], [0.1, 0.05, 0.01], {("learning_rate_boundaries", 1)}),
    ([10, 10], [0.1, 0.05, 0.01], {("learning_rate_boundaries", 1)}),
])
def test_piecewise_constant(large: dict[str, Any], boundaries: list[int], values: list[float],
                            errors: set[tuple[Any, ...]]) -> None:
    large["optimizer"]["learning_rate"] = {"piecewise_constant": {
        "learning_rate_boundaries": boundaries, "learning_rate_values": values}}
    prefix = ("optimizer", "learning_rate", "piecewise_constant")
    assert both(LARGE, large) == {(*prefix, *e) for e in errors}


@pytest.mark.parametrize("missing", ["learning_rate_boundaries", "learning_rate_values"])
def test_piecewise_constant_needs_both_lists(large: dict[str, Any], missing: str) -> None:
    schedule = {"learning_rate_boundaries": [10], "learning_rate_values": [0.1, 0.01]}
    large["optimizer"]["learning_rate"] = {"piecewise_constant": schedule}
    schedule[missing] = None  # type: ignore[assignment]
    path = ("optimizer", "learning_rate", "piecewise_constant", missing)
    assert both(LARGE, large) == {path}
    del schedule[missing]
    assert both(LARGE, large) == {path}


@pytest.mark.parametrize("final,ok", [(11, True), (10, False), (5, False)])
def test_cosine_final_step_after_ramp(large: dict[str, Any], final: int, ok: bool) -> None:
    large["optimizer"]["learning_rate"] = {"linear_ramp_to_cosine": {
        "learning_rate": 0.1, "final_learning_rate": 0.0, "num_ramp_steps": 10,
        "final_num_steps": final}}
    path = ("optimizer", "learning_rate", "linear_ramp_to_cosine", "final_num_steps")
    assert both(LARGE, large) == (set() if ok else {path})


@pytest.mark.parametrize("field,value", [("embedding_dim", 8), ("data_type", "fp16")])
def test_twhin_tables_share_dim_and_type(twhin_config: dict[str, Any], field: str,
                                         value: Any) -> None:
    twhin_config["tables"][1][field] = value
    assert both(TWHIN, twhin_config) == {("tables", 1, field)}
    [issue] = validate(TWHIN, twhin_config)
    assert (issue.rule, issue.value) == ("equal-across", value)


def test_plain_twhin_large_config_allows_mixed_dims(twhin_config: dict[str, Any]) -> None:
    twhin_config["tables"][1]["embedding_dim"] = 8
    assert both("twhin.LargeEmbeddingsConfig", twhin_config) == set()


def test_data_type_enum(twhin_config: dict[str, Any]) -> None:
    for value in ("FP32", "bf16", 32, None):
        twhin_config["tables"][0]["data_type"] = value
        assert pydantic_paths(TWHIN, twhin_config) == {("tables", 0, "data_type")}
        # The schema validator also runs equal-across against the broken first table.
        assert ("tables", 0, "data_type") in contract_paths(TWHIN, twhin_config)
