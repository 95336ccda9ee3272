"""Schema diff: rule-based findings, witnesses that prove each break, and the version gate.

``findings`` holds the values (effects, findings, witnesses), ``keywords`` what 2020-12 keywords
mean, ``references`` resolves ``$ref`` within a document, ``walk`` the paired walk's vocabulary,
``rules`` the rule modules and their one table, ``engine`` the paired walk over two documents or
releases, ``synth``/``regex`` build values for a schema, ``witness`` proves breaks with them,
``sources`` reads files, folders and git revisions, ``wellformed`` checks input, ``waivers`` reads
accepted breaks (the exceptions file), ``gate`` is the semantic-version gate, ``report`` renders
reports and ``command`` is what the CLI calls. See docs/diff.md.
"""

from embedding_contract.diff.semantic import Answer, Report, Verdict, compare

__all__ = ["Answer", "Report", "Verdict", "compare"]
