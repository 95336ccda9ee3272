"""Load YAML and JSON config files safely, keeping each value's source position.

Like upstream's loader (``yaml.safe_load`` after substituting ``$VAR`` / ``${VAR}`` from the
environment), but strict where upstream was silently wrong (:mod:`.yaml_source`,
:mod:`.json_source`), and with sizes bounded before anything large is built: the file, the
nesting depth, the number of values after alias expansion and the length of a number.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from embedding_contract.check.document import Document, Limits
from embedding_contract.check.env import environment
from embedding_contract.check.json_source import read_json
from embedding_contract.check.reading import config_text, read_bounded
from embedding_contract.check.yaml_source import read_yaml

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_JSON_VALUES", "MAX_NUMBER_CHARS", "MAX_VALUES",
           "Document", "load_file", "loads"]

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200
MAX_VALUES = 200_000
# JSON has no aliases and costs far less per value than composed YAML: a 100,000-table config
# (about 700,000 values) must load.
MAX_JSON_VALUES = 2_000_000
MAX_NUMBER_CHARS = 100


def load_file(path: str | os.PathLike[str], *, substitute_env: bool = True,
              max_bytes: int = MAX_BYTES, lazy: bool = False) -> Document:
    """Read and parse one config file (``.json`` as JSON, anything else as YAML); ``lazy``: see
    :func:`loads`."""
    name = os.fspath(path)
    raw = read_bounded(name, max_bytes)
    return loads(raw, file=name, substitute_env=substitute_env,
                 as_json=name.lower().endswith(".json"), lazy=lazy)


def loads(raw: bytes | str, *, file: str = "<input>", substitute_env: bool = True,
          as_json: bool = False, env: Mapping[str, str] | None = None,
          lazy: bool = False) -> Document:
    """Parse config text; ``as_json`` picks the strict JSON parser instead of YAML. ``lazy``
    defers JSON positions until needed (:meth:`Document.settle` before reporting errors)."""
    text = config_text(raw, file)
    if as_json:
        return read_json(text, file, Limits(MAX_DEPTH, MAX_JSON_VALUES, MAX_NUMBER_CHARS),
                         lazy=lazy)
    variables = (environment() if env is None else dict(env)) if substitute_env else None
    return read_yaml(text, file, variables, Limits(MAX_DEPTH, MAX_VALUES, MAX_NUMBER_CHARS))
