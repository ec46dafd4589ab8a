"""Fixtures for consent tests: a frozen London clock, staff of each role, signed-in clients and a small ledger."""

from zoneinfo import ZoneInfo

import pytest

from pledge.consent import services
from pledge.consent.models import PurposeKind

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def ledger(db: None) -> dict[str, str]:
    """Purposes of each kind with a v1 wording, and the subject id of a fictional resident."""
    services.ensure_purpose(slug="promotional", name="Council news and events", kind=PurposeKind.PROMOTIONAL)
    services.ensure_purpose(slug="marketing:events", name="Offers for paid events", kind=PurposeKind.MARKETING)
    services.ensure_purpose(slug="newsletter:recycling", name="Recycling newsletter", kind=PurposeKind.NEWSLETTER)
    services.ensure_purpose(slug="service:bins", name="Bin collection reminders", kind=PurposeKind.SERVICE)
    services.ensure_purpose(
        slug="sharing:carers-trust",
        name="Sharing with Anyshire Carers Trust",
        kind=PurposeKind.SHARING,
        recipient="Anyshire Carers Trust",
    )
    for slug in ("promotional", "marketing:events", "newsletter:recycling", "service:bins", "sharing:carers-trust"):
        services.ensure_wording(purpose=slug, version="v1", text=f"Yes, I agree to {slug}.", notice_version="2026-01")
    return {"subject": services.subject_for_email("ada.fictional@example.com")}
