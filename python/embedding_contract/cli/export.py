"""``embedding-contract export``: write the schemas, check them for drift, or lay out a site."""

from __future__ import annotations

from pathlib import Path

import click

from embedding_contract import __version__
from embedding_contract.cli.errors import fail, one_line_errors
from embedding_contract.cli.options import base_url_option, base_url_or_default, schemas_option
from embedding_contract.core.exitcodes import ExitCode


@click.command()
@click.option("--check", "check_only", is_flag=True,
              help="Export in memory and fail (exit 1) with a diff if the committed files drift.")
@schemas_option
@base_url_option
@click.option("--site", "site_dir", default=None, type=click.Path(path_type=Path),
              help="Instead, lay out the released SCHEMAS tree (default: the packaged one) and its "
                   "HTML pages in this new folder exactly as `serve` publishes them, for a "
                   "static host.")
def export(check_only: bool, schemas_dir: Path, base_url: str | None,
           site_dir: Path | None) -> None:
    """Export one JSON Schema per model into SCHEMAS/<version>/ and update index.json."""
    from embedding_contract.core.errors import ContractError, DriftError
    from embedding_contract.schemafiles.export import check
    from embedding_contract.schemafiles.export import export as do_export

    if site_dir is not None:
        _export_site(schemas_dir, site_dir, check_only, base_url)
        return
    url = base_url_or_default(base_url)
    with one_line_errors(failed=(ContractError,)):
        try:
            if check_only:
                check(schemas_dir, __version__, url)
                click.echo(f"{schemas_dir}/ matches the models (version {__version__})")
                return
            result = do_export(schemas_dir, __version__, url)
        except DriftError as exc:
            click.echo(exc.diff, nl=False)
            fail(f"{exc}; run `embedding-contract export` (or bump the version)",
                 ExitCode.FAILED)
    state = "written" if result.written else "already up to date"
    click.echo(f"{schemas_dir}/{result.version}/: {result.files} files {state}")


def _export_site(schemas_dir: Path, site_dir: Path, check_only: bool,
                 base_url: str | None) -> None:
    from embedding_contract.pages.publish import with_pages
    from embedding_contract.schemafiles.packaged import root_dir
    from embedding_contract.schemafiles.site import build_site, write_site

    if check_only or base_url:
        fail("--site publishes the released files as they are: it takes neither --check nor "
             "--base-url")
    source = click.get_current_context().get_parameter_source("schemas_dir")
    explicit = source is not click.core.ParameterSource.DEFAULT or schemas_dir.is_dir()
    with one_line_errors():
        site = with_pages(build_site(schemas_dir if explicit else root_dir()))
        count = write_site(site, site_dir)
    pages = sum(1 for path in site.files if path.endswith(".html"))
    click.echo(f"{site_dir}/: {count} files, {pages} of them pages (versions "
               f"{', '.join(site.versions)}, latest {site.latest}); serve it under the base URL "
               f"of the $ids, start page index.html")
