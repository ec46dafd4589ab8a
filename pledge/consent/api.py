"""Consent routes of the JSON API: other council systems ask before they act."""

from ninja import Router

router = Router(tags=["consent"])
