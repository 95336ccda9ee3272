"""``EmbeddingSnapshot``, the same class in both families."""

from __future__ import annotations

from pydantic import Field

from embedding_contract.models.base import ContractModel
from embedding_contract.models.types import NonEmptyString


class EmbeddingSnapshot(ContractModel):
    """A pretrained embedding table to initialise from: a table inside a torchsnapshot."""

    emb_name: NonEmptyString = Field(
        description="Name of the embedding table inside the loaded snapshot.")
    embedding_snapshot_uri: NonEmptyString = Field(
        description="Path to the torchsnapshot of the embedding.")
