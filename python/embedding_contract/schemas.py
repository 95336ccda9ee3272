"""The packaged schemas (public import path; see :mod:`embedding_contract.schemafiles.packaged`)."""

from embedding_contract.schemafiles.packaged import *  # noqa: F403
from embedding_contract.schemafiles.packaged import __all__ as __all__
