"""Serving schemas: the HTTP server and the caching client."""
