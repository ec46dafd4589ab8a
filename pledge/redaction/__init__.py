"""Redaction: find other people's personal data in documents before release, tag whose it is, and burn it out.

``detect(text, context=...)`` is framework-free (Presidio and the pure modules here, no Django); the review models,
services and staff page sit on top of it. The leak scanner for outgoing files lives in ``leaks/``.
"""
