"""Benchmark input: recap LargeEmbeddingsConfig documents of a given number of tables."""

from __future__ import annotations

from typing import Any


def large_embeddings(tables: int) -> dict[str, Any]:
    """Every optional field present on some tables, a cosine schedule, and tables_to_log."""
    rows = []
    for i in range(tables):
        table: dict[str, Any] = {"name": f"table_{i:06d}", "num_embeddings": 1_000 + i,
                                 "embedding_dim": 64 if i % 4 else 128}
        if i % 3 == 0:
            table["pretrained"] = {"emb_name": f"table_{i:06d}",
                                   "embedding_snapshot_uri": f"gs://models/snapshots/{i}"}
        if i % 2 == 0:
            table["vocab"] = f"gs://models/vocab/table_{i:06d}"
        rows.append(table)
    return {
        "tables": rows,
        "optimizer": {
            "init_learning_rate": 0.01,
            "learning_rate": {"linear_ramp_to_cosine": {
                "learning_rate": 0.01, "final_learning_rate": 1e-5,
                "num_ramp_steps": 1_000, "final_num_steps": 500_000}},
        },
        "tables_to_log": [f"table_{i:06d}" for i in range(0, tables, 10)],
    }
