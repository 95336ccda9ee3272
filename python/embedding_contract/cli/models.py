"""``embedding-contract models``: the model names."""

from __future__ import annotations

import click


@click.command()
def models() -> None:
    """List the model names (family.ClassName)."""
    from embedding_contract.models.registry import MODEL_NAMES

    for name in MODEL_NAMES:
        click.echo(name)
