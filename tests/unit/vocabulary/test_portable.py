"""The schema walker that runs the portable rules beside any standard validator."""

from __future__ import annotations

from typing import Any

from embedding_contract.vocabulary.walker import violations
from tests.support.paths import load_schema


def test_valid_configs_have_no_violations(large: dict[str, Any],
                                          twhin_config: dict[str, Any]) -> None:
    assert violations(load_schema("recap.LargeEmbeddingsConfig"), large) == []
    assert violations(load_schema("twhin.TwhinEmbeddingsConfig"), twhin_config) == []


def test_rules_found_at_every_depth(large: dict[str, Any]) -> None:
    large["tables"][1]["name"] = "user"
    large["tables_to_log"] = ["user", "ghost"]
    large["optimizer"]["learning_rate"] = {"piecewise_constant": {
        "learning_rate_boundaries": [5, 5], "learning_rate_values": [0.1]}}
    schema = load_schema("recap.LargeEmbeddingsConfig")
    found = {(v.path, v.rule) for v in violations(schema, large)}
    schedule = ("optimizer", "learning_rate", "piecewise_constant")
    assert found == {
        (("tables", 1, "name"), "unique-by"),
        (("tables_to_log", 1), "references"),
        ((*schedule, "learning_rate_boundaries", 1), "strictly-increasing"),
        ((*schedule, "learning_rate_values"), "length-relation"),
    }


def test_twhin_rules_through_refs(twhin_config: dict[str, Any]) -> None:
    twhin_config["tables"][1]["data_type"] = "fp16"
    twhin_config["tables"][0]["optimizer"]["learning_rate"] = {"linear_ramp_to_cosine": {
        "learning_rate": 0.1, "final_learning_rate": 0.0, "num_ramp_steps": 9,
        "final_num_steps": 9}}
    found = {(v.path, v.rule)
             for v in violations(load_schema("twhin.TwhinEmbeddingsConfig"), twhin_config)}
    assert found == {
        (("tables", 1, "data_type"), "equal-across"),
        (("tables", 0, "optimizer", "learning_rate", "linear_ramp_to_cosine", "final_num_steps"),
         "greater-than"),
    }


def test_wrong_shapes_are_left_to_standard_keywords() -> None:
    schema = load_schema("recap.LargeEmbeddingsConfig")
    for instance in (None, 3, "x", [], {"tables": "nope"}, {"tables": [1, None, {"name": 5}]}):
        assert violations(schema, instance) == []
