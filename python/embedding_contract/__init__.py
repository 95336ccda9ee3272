"""embedding-contract: one schema contract for embedding-table configs, shared across languages.

The package version is the contract version: the exported schemas of this release live in
``schemas/<__version__>/``. Importing this module stays cheap; the models live in
:mod:`embedding_contract.recap` and :mod:`embedding_contract.twhin`.
"""

__version__ = "1.1.0"

__all__ = ["__version__"]
