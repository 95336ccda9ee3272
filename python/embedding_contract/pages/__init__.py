"""The browsable reference: HTML pages of every model, version and release's changes."""
