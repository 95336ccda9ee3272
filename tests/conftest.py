"""Shared fixtures and the hypothesis profiles (dev by default; CI sets HYPOTHESIS_PROFILE=ci)."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
EXAMPLES = ROOT / "examples"

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=2000, deadline=None, derandomize=True, print_blob=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "deep", max_examples=100_000, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def current_version() -> str:
    from embedding_contract import __version__

    return __version__


def schema_file(name: str, version: str | None = None) -> Path:
    family, _, cls = name.partition(".")
    return SCHEMAS / (version or current_version()) / family / f"{cls}.json"


def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_file(name).read_text())  # type: ignore[no-any-return]


VALID_LARGE: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 1000, "embedding_dim": 64,
         "pretrained": {"emb_name": "user", "embedding_snapshot_uri": "/snap/user"},
         "vocab": "/vocab/user"},
        {"name": "tweet", "num_embeddings": 500, "embedding_dim": 32},
    ],
    "optimizer": {"init_learning_rate": 0.01, "learning_rate": {"constant": 0.01}},
    "tables_to_log": ["user"],
}

VALID_TWHIN: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 424241, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": {"sgd": {"lr": 0.01}, "learning_rate": {"constant": 0.01}}},
        {"name": "tweet", "num_embeddings": 72543, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": {"sgd": {"lr": 0.005}, "learning_rate": {"constant": 0.005}}},
    ],
}


@pytest.fixture
def large() -> dict[str, Any]:
    """A fresh valid recap.LargeEmbeddingsConfig document to mutate."""
    return copy.deepcopy(VALID_LARGE)


@pytest.fixture
def twhin_config() -> dict[str, Any]:
    """A fresh valid twhin.TwhinEmbeddingsConfig document to mutate."""
    return copy.deepcopy(VALID_TWHIN)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
