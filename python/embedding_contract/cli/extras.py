"""Optional extras (``[serve]``, ``[fetch]``): imported only when their command runs, and a
missing one is one clear line instead of a traceback."""

from __future__ import annotations

import importlib
from types import ModuleType

from embedding_contract.core.errors import MissingExtra


def load_extra(module: str, extra: str, command: str, needs: tuple[str, ...]) -> ModuleType:
    """Import ``module``; if one of ``needs`` is missing, say which extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in needs:
            raise
        raise MissingExtra(
            f"`embedding-contract {command}` needs the optional extra '{extra}' (module "
            f"{missing!r} is not installed): pip install 'embedding-contract[{extra}]'") from exc
