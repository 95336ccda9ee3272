"""Where the suite's data lives, and the valid configs the tests start from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
EXAMPLES = ROOT / "examples"

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
