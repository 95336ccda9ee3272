"""Recap (Heavy Ranker) embedding configs: upstream ``projects/home/recap/embedding/config.py``.

Large tables are too big for the model and are hydrated outside it at serving time; small tables
live inside the model and share its optimizer.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import ConfigDict, Field

from embedding_contract.models.base import ContractModel
from embedding_contract.models.learning_rate import (
    LearningRate,
    LinearRampToConstant,
    LinearRampToCosine,
    PiecewiseConstant,
)
from embedding_contract.models.snapshot import EmbeddingSnapshot
from embedding_contract.models.types import (
    Integer,
    NonEmptyString,
    NonNegativeFloat,
    NonNegativeInteger,
    PositiveInteger,
)
from embedding_contract.vocabulary import References, UniqueBy


class EmbeddingBagConfig(ContractModel):
    """One large embedding table (an embedding bag)."""

    name: NonEmptyString = Field(description="Name of the embedding bag (table).")
    num_embeddings: PositiveInteger = Field(description="Size of the embedding dictionary (rows).")
    embedding_dim: PositiveInteger = Field(description="Size of each embedding vector.")
    pretrained: Optional[EmbeddingSnapshot] = Field(
        default=None, description="Snapshot to initialise the table from.")
    vocab: Optional[NonEmptyString] = Field(
        default=None, description="Directory of parquet files mapping entity id to table row.")


class EmbeddingOptimizerConfig(ContractModel):
    """Optimizer of a large-embedding collection (only exact SGD is supported, implicitly)."""

    learning_rate: Optional[LearningRate] = Field(
        default=None, description="Learning-rate schedule for the embedding bag collection.")
    init_learning_rate: NonNegativeFloat = Field(description="Initial learning rate.")


class LargeEmbeddingsConfig(ContractModel):
    """Large tables gathered into one TorchRec EmbeddingBagCollection."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "tables": [
            {"name": "user_id", "num_embeddings": 2000000, "embedding_dim": 128,
             "pretrained": {"emb_name": "user_id",
                            "embedding_snapshot_uri": "gs://models/twhin/user/snapshot"},
             "vocab": "gs://models/vocab/user_id"},
            {"name": "author_id", "num_embeddings": 500000, "embedding_dim": 64},
        ],
        "optimizer": {
            "init_learning_rate": 0.01,
            "learning_rate": {"linear_ramp_to_cosine": {
                "learning_rate": 0.01, "final_learning_rate": 0.0001,
                "num_ramp_steps": 1000, "final_num_steps": 100000}},
        },
        "tables_to_log": ["user_id"],
    }]})

    contract_rules = (References("tables_to_log", "tables", "name"),)

    tables: Annotated[list[EmbeddingBagConfig], Field(min_length=1), UniqueBy("name")] = Field(
        description="The tables; names are unique.")
    optimizer: EmbeddingOptimizerConfig = Field(description="Optimizer of those tables.")
    tables_to_log: Optional[list[NonEmptyString]] = Field(
        default=None, description="Names of tables whose weights are logged during training.")


class StratifierConfig(ContractModel):
    """A discrete feature to stratify metrics by."""

    name: NonEmptyString = Field(description="Discrete feature name to stratify metrics by.")
    index: NonNegativeInteger = Field(description="Index of that feature in the discrete tensor.")
    value: Integer = Field(description="Value to stratify on.")


class SmallEmbeddingBagConfig(ContractModel):
    """One small embedding table, kept inside the model."""

    name: NonEmptyString = Field(description="Name of the embedding bag.")
    num_embeddings: PositiveInteger = Field(description="Size of the embedding dictionary.")
    embedding_dim: PositiveInteger = Field(description="Size of each embedding vector.")
    index: NonNegativeInteger = Field(
        description="Index in the discrete-feature tensor to look up.")


class SmallEmbeddingsConfig(ContractModel):
    """Small tables that live inside the model and share the model's optimizer."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "tables": [{"name": "country", "num_embeddings": 256, "embedding_dim": 8, "index": 0}],
    }]})

    tables: Annotated[list[SmallEmbeddingBagConfig], Field(min_length=1), UniqueBy("name")] = Field(
        description="The tables; names are unique.")


__all__ = [
    "EmbeddingBagConfig", "EmbeddingOptimizerConfig", "EmbeddingSnapshot", "LargeEmbeddingsConfig",
    "LearningRate", "LinearRampToConstant", "LinearRampToCosine", "PiecewiseConstant",
    "SmallEmbeddingBagConfig", "SmallEmbeddingsConfig", "StratifierConfig",
]
