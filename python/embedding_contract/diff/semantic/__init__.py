"""The semantic core: does every instance of one schema validate against another?

``normalise`` turns a schema into a union of typed atoms, ``scalars``/``arrays``/``objects``
decide inclusion per type, ``include`` is the prover, ``witness`` finds instances that show a
break (checked by ``oracle``: python-jsonschema and jsonschema-rs), ``drafts`` reads older
drafts as 2020-12, ``patterns`` handles ECMA-262 regexes, ``api`` is :func:`compare`.
See docs/diff.md.
"""

from embedding_contract.diff.semantic.api import Answer, Report, Verdict, compare
from embedding_contract.diff.semantic.drafts import Draft, parse_draft

__all__ = ["Answer", "Draft", "Report", "Verdict", "compare", "parse_draft"]
