"""The JSON API under /api/v1/: service tokens and staff sessions, one permission per route."""
