"""Helpers every layer shares: errors, files, versions, strict JSON, paths, exit codes."""
