"""``embedding-contract serve``: the released schemas over HTTP (extra ``[serve]``)."""

from __future__ import annotations

from pathlib import Path

import click

from embedding_contract.cli.errors import one_line_errors
from embedding_contract.cli.extras import load_extra


def _url_path(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    """``--base-path`` as a URL path with a leading and a trailing slash."""
    path = value if value.endswith("/") else value + "/"
    return path if path.startswith("/") else "/" + path


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port, announced in the log).")
@click.option("--dir", "directory", default=None, type=click.Path(path_type=Path),
              help="Schema tree to serve (default: the packaged schemas; in a source checkout, "
                   "schemas/).")
@click.option("--base-path", default="/", show_default=True, callback=_url_path,
              help="URL path the tree is served under: the path of the $id base URL.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="One JSON line per request on stderr.")
@click.option("--request-timeout", default=10.0, show_default=True,
              type=click.FloatRange(0.1, 3600),
              help="Seconds a request (head and body) may take to arrive; then it is closed.")
@click.option("--max-connections", default=256, show_default=True,
              type=click.IntRange(1, 100_000),
              help="Open connections at once; one more is answered 503 and closed.")
def serve(directory: Path | None, host: str, port: int, base_path: str,
          access_log: bool, request_timeout: float, max_connections: int) -> None:
    """Serve the released schemas over HTTP at their $id paths (extra: [serve])."""
    with one_line_errors():
        server = load_extra("embedding_contract.serve.server", "serve", "serve",
                            ("starlette", "uvicorn", "h11", "anyio"))
        from embedding_contract.schemafiles.packaged import root_dir

        server.serve(directory if directory is not None else root_dir(), host=host, port=port,
                     base_path=base_path, log_requests=access_log,
                     request_deadline=request_timeout, max_connections=max_connections)
