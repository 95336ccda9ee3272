"""embedding-contract: one schema contract for embedding-table configs, shared across languages.

The package version is the contract version: the exported schemas of this release live in
``schemas/<__version__>/``. Importing this module stays cheap; the models live in
:mod:`embedding_contract.recap` and :mod:`embedding_contract.twhin`.
"""

from __future__ import annotations

import os
from typing import Any

__version__ = "1.1.0"

__all__ = ["__version__", "load_config"]


def load_config(path: str | os.PathLike[str], model: str | None = None, *,
                substitute_env: bool = True) -> Any:
    """The model instance of config file ``path``, read exactly as ``embedding-contract
    validate`` reads it (YAML 1.1 numbers, duplicate keys refused, ``$VAR`` substitution,
    positions in every message); ``model`` defaults to the one the file names.

    Raises :class:`~embedding_contract.core.errors.LoadError` when the file cannot be read or
    parsed or names no model, :class:`~embedding_contract.core.errors.ConfigInvalid` (with every
    error, located) when it breaks the contract.
    """
    from embedding_contract.check.config import load_config as load

    return load(path, model, substitute_env=substitute_env)
