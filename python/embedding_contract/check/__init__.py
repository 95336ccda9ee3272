"""Checking config files: read JSON and YAML with positions, find the model a file names, judge it
(fast path and models), report every error."""
