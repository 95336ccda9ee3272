"""Schema diff: rule-based findings, witnesses that prove each break, and the version gate.

``model`` holds the values (findings, effects, witnesses), ``walk`` the schema navigation,
``rules`` the one rule table, ``engine`` the paired walk over two documents or releases,
``synth``/``regex`` build values for a schema, ``witness`` proves breaks with them,
``sources`` reads files, folders and git revisions, ``wellformed`` checks input, ``exceptions``
reads accepted breaks, ``gate`` is the semantic-version gate, ``formats`` renders reports and
``command`` is what the CLI calls. See docs/diff.md.
"""
