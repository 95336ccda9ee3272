"""Options several commands share, and the default base URL of the schemas' ``$id``s."""

from __future__ import annotations

import os
from pathlib import Path

import click

BASE_URL_ENV = "EMBEDDING_CONTRACT_BASE_URL"

schemas_option = click.option(
    "--schemas", "schemas_dir", default="schemas", show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Root of the versioned schema tree.")
base_url_option = click.option(
    "--base-url", default=None,
    help=f"Base of every $id (default: ${BASE_URL_ENV} or https://embedding-contract.dev/schemas/).")


def base_url_or_default(base_url: str | None) -> str:
    """``--base-url`` if given, else ``$EMBEDDING_CONTRACT_BASE_URL``, else the contract's own."""
    if base_url:
        return base_url
    from embedding_contract.schemafiles.generate import DEFAULT_BASE_URL

    return os.environ.get(BASE_URL_ENV, DEFAULT_BASE_URL)
