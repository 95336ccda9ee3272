"""Schema files: generate each model's schema, export versioned releases, read the packaged copy,
lay out a static site."""
