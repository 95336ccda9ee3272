"""Integers, floats and strings mean the same in Pydantic and in the exported schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from embedding_contract.recap import LargeEmbeddingsConfig
from tests.support.verdicts import contract_paths, pydantic_paths

MODEL = "recap.LargeEmbeddingsConfig"
DIM = ("tables", 0, "embedding_dim")
LR = ("optimizer", "init_learning_rate")
NAME = ("tables", 0, "name")


def _with(large: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target = large
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return large


@pytest.mark.parametrize("value", [1, 64, 64.0, 2**53 - 1, float(2**52)])
def test_integer_accepts_json_integers(large: dict[str, Any], value: Any) -> None:
    data = _with(large, DIM, value)
    assert pydantic_paths(MODEL, data) == set()
    assert contract_paths(MODEL, data) == set()


def test_whole_float_becomes_an_int(large: dict[str, Any]) -> None:
    model = LargeEmbeddingsConfig.model_validate(_with(large, DIM, 64.0))
    assert model.tables[0].embedding_dim == 64
    assert type(model.tables[0].embedding_dim) is int


@pytest.mark.parametrize("value", [
    "64", " 64 ", "1_000", True, False, 64.5, 0, -1, 2**53, 2**63, 10**30, 1e19, None, [64],
    {"v": 64},
])
def test_integer_rejects(large: dict[str, Any], value: Any) -> None:
    data = _with(large, DIM, value)
    assert pydantic_paths(MODEL, data) == {DIM}
    assert contract_paths(MODEL, data) == {DIM}


@pytest.mark.parametrize("value", [0, 0.5, 1, 1e-7, 10.0])
def test_float_accepts(large: dict[str, Any], value: Any) -> None:
    data = _with(large, LR, value)
    assert pydantic_paths(MODEL, data) == set()
    assert contract_paths(MODEL, data) == set()


@pytest.mark.parametrize("value", [
    "0.5", "inf", "nan", True, -0.1, float("nan"), float("inf"), float("-inf"), None, [0.5],
])
def test_float_rejects(large: dict[str, Any], value: Any) -> None:
    data = _with(large, LR, value)
    assert pydantic_paths(MODEL, data) == {LR}
    assert contract_paths(MODEL, data) == {LR}


@pytest.mark.parametrize("value", ["", 8, 8.0, True, None, ["a"]])
def test_string_rejects(large: dict[str, Any], value: Any) -> None:
    large["tables_to_log"] = None  # else the schema also reports the now dangling reference
    data = _with(large, NAME, value)
    assert pydantic_paths(MODEL, data) == {NAME}
    assert contract_paths(MODEL, data) == {NAME}


@pytest.mark.parametrize("text", [
    '{"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": "8"}], '
    '"optimizer": {"init_learning_rate": 0.1}}',
    '{"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": true}], '
    '"optimizer": {"init_learning_rate": 0.1}}',
    '{"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 8}], '
    '"optimizer": {"init_learning_rate": Infinity}}',
    '{"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 8}], '
    '"optimizer": {"init_learning_rate": 1e400}}',
    '{"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 9007199254740992}], '
    '"optimizer": {"init_learning_rate": 0.1}}',
])
def test_json_mode_rejects_what_python_mode_rejects(text: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        LargeEmbeddingsConfig.model_validate_json(text)


def test_json_mode_accepts_whole_float() -> None:
    text = json.dumps({"tables": [{"name": "a", "num_embeddings": 1, "embedding_dim": 8.0}],
                       "optimizer": {"init_learning_rate": 1}})
    model = LargeEmbeddingsConfig.model_validate_json(text)
    assert model.tables[0].embedding_dim == 8
