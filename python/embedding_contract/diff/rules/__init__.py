"""The diff's rules, one module per topic; :mod:`.table` lists every rule once, with its stable ID,
category and doc, as :data:`~.table.RULES`.

A rule looks at one :class:`~embedding_contract.diff.walk.Pair` (the same place in the old and the
new schema, ``$ref`` already resolved) and yields a :class:`~embedding_contract.diff.walk.Delta`
per change it sees, with its :class:`~embedding_contract.diff.findings.Effects` on each direction
for a positive context (the walk inverts them under ``not`` and blurs them under ``oneOf``).
"""
