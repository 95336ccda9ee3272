"""The logic behind ``serve``, ``fetch`` and ``export --site``; the Click commands stay thin.

The server and the client need optional extras; they are imported only here, when their command
runs, and a missing extra is one clear line instead of a traceback.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from embedding_contract.core.errors import ContractError, MissingExtra
from embedding_contract.core.files import write_atomic


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
            f"{missing!r} is not installed): pip install 'embedding-contract[{extra}]'") from None


def schema_source(directory: Path | None) -> Path:
    """The schema tree to publish: ``directory``, else the packaged one."""
    if directory is not None:
        return directory
    from embedding_contract.schemafiles.packaged import root_dir

    return root_dir()


def export_site(directory: Path | None, out: Path) -> str:
    from embedding_contract.schemafiles.site import build_site, write_site

    site = build_site(schema_source(directory))
    count = write_site(site, out)
    return (f"{out}/: {count} files (versions {', '.join(site.versions)}, latest "
            f"{site.latest}); serve it under the base URL of the $ids")


def run_serve(directory: Path | None, host: str, port: int, base_path: str,
              access_log: bool) -> None:
    server = load_extra("embedding_contract.serve.server", "serve", "serve",
                        ("starlette", "uvicorn", "h11", "anyio"))
    path = base_path if base_path.endswith("/") else base_path + "/"
    server.serve(schema_source(directory), host=host, port=port,
                 base_path=path if path.startswith("/") else "/" + path,
                 log_requests=access_log)


def run_fetch(base_url: str, name: str, version: str, output: Path | None,
              cache_dir: Path | None, timeout: float, retries: int, fallback: bool) -> list[str]:
    """Fetch and write the schema (to ``output`` or stdout); returns the lines for stderr."""
    fetch = load_extra("embedding_contract.serve.client", "fetch", "fetch", ("httpx", "httpcore"))
    result = fetch.fetch_schema(base_url, name, version, cache_dir=cache_dir, timeout=timeout,
                                retries=retries, fallback=fallback)
    if output is None:
        sys.stdout.buffer.write(result.content)
        sys.stdout.flush()
    else:
        _write_atomic(output, result.content)
    lines = [f"warning: {m}" for m in result.messages]
    where = "(the packaged copy)" if result.source == "package" else result.url
    lines.append(f"{name} {result.version}: {result.source} {where} (sha256 {result.sha256})")
    return lines


def _write_atomic(path: Path, content: bytes) -> None:
    try:
        write_atomic(path, content)
    except OSError as exc:
        raise ContractError(f"cannot write {path}: {exc.strerror or exc}") from None
