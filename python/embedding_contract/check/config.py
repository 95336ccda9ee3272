"""Load a config file the way ``embedding-contract validate`` reads it, and return the model."""

from __future__ import annotations

import os
from typing import Any

from embedding_contract.core.errors import ConfigInvalid, LoadError


def load_config(path: str | os.PathLike[str], model: str | None = None, *,
                substitute_env: bool = True) -> Any:
    """The model instance of config file ``path`` (YAML, or JSON for ``.json``).

    Read as the CLI reads it: YAML 1.1 numbers (``1e-2`` is a float, ``2_000`` an integer),
    duplicate keys refused, ``$VAR`` substituted (unless ``substitute_env=False``), every value's
    position kept for the messages. ``model`` (``"recap.LargeEmbeddingsConfig"``) defaults to
    the one the file names (``$schema`` key or modeline). Raises LoadError for a file that cannot
    be read or parsed or names no model, ConfigInvalid (every error, located) for an invalid one.
    """
    from embedding_contract.check.loader import load_file
    from embedding_contract.check.naming import declared_reference, model_from_reference
    from embedding_contract.check.pipeline import judge_document
    from embedding_contract.check.reports import text_lines
    from embedding_contract.models.registry import resolve

    document = load_file(path, substitute_env=substitute_env)
    report = judge_document(document, model)
    if report.error is not None:
        raise report.error
    if report.issues or report.more:
        raise ConfigInvalid(report.file, text_lines(report))
    name = model
    if name is None:
        reference = declared_reference(document.text, document.data)
        name = model_from_reference(reference) if reference else None
    if name is None:  # judge_document has refused this already
        raise LoadError("it names no model", file=report.file)
    data = document.data
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "$schema"}
    target = resolve(name)
    if hasattr(target, "model_validate"):
        return target.model_validate(data)
    from pydantic import TypeAdapter

    return TypeAdapter(target).validate_python(data)
