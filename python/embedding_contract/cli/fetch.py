"""``embedding-contract fetch``: one schema from a server, verified and cached (extra
``[fetch]``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from embedding_contract.cli.errors import one_line_errors
from embedding_contract.cli.extras import load_extra
from embedding_contract.cli.options import BASE_URL_ENV
from embedding_contract.core.errors import FileWriteError, SchemaIntegrityError
from embedding_contract.core.files import write_output


@click.command()
@click.option("--base-url", required=True, envvar=BASE_URL_ENV, show_envvar=True,
              help="Where the schemas are published (a schema server or static host).")
@click.option("--version", "version", default="latest", show_default=True,
              help="Exact version, major line (1), or latest.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema here instead of stdout.")
@click.option("--cache-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="On-disk cache (default: $EMBEDDING_CONTRACT_CACHE_DIR or "
                   "~/.cache/embedding-contract).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds each request may take in all (connect, headers and body).")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(0, 10),
              help="Retries after a network error or 5xx, with exponential backoff.")
@click.option("--fallback/--no-fallback", default=True, show_default=True,
              help="When the server is unreachable, use the cache, then the packaged copy.")
@click.argument("name")
def fetch(base_url: str, version: str, output: Path | None, cache_dir: Path | None,
          timeout: float, retries: int, fallback: bool, name: str) -> None:
    """Fetch the schema of model NAME, verified against the server's index (extra: [fetch])."""
    with one_line_errors(failed=(SchemaIntegrityError,)):
        client = load_extra("embedding_contract.serve.client", "fetch", "fetch",
                            ("httpx", "httpcore", "platformdirs"))
        result = client.fetch_schema(base_url, name, version, cache_dir=cache_dir,
                                     timeout=timeout, retries=retries, fallback=fallback)
        if output is None:
            _write_stdout(result.content)
        else:
            write_output(output, result.content)
    for message in result.messages:
        click.echo(f"embedding-contract: warning: {message}", err=True)
    where = "(the packaged copy)" if result.source == "package" else result.url
    click.echo(f"embedding-contract: {name} {result.version}: {result.source} {where} "
               f"(sha256 {result.sha256})", err=True)


def _write_stdout(content: bytes) -> None:
    try:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    except OSError as exc:
        # Nothing more can reach stdout (a full device, a closed pipe): point it at the null
        # device so the interpreter's last flush at exit does not fail a second time.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass  # stdout is not a file descriptor (captured by a test runner, say)
        raise FileWriteError(f"cannot write to stdout: {exc.strerror or exc}",
                             path="<stdout>") from exc
