"""Wordings are versioned: the same words under a version are idempotent, different words need a new version."""

import pytest

from pledge.consent import services
from pledge.consent.models import ConsentWording, PurposeKind
from pledge.consent.services import ConsentRefused


def test_it_returns_the_existing_wording_for_the_same_words(ledger):
    first = ConsentWording.objects.get(purpose__slug="promotional", version="v1")
    again = services.ensure_wording(
        purpose="promotional", version="v1", text="Yes, I agree to promotional.\r\n", notice_version="2026-01"
    )
    assert again.pk == first.pk


def test_it_refuses_different_words_under_an_existing_version(ledger):
    with pytest.raises(ConsentRefused, match="new version"):
        services.ensure_wording(purpose="promotional", version="v1", text="Other words", notice_version="2026-01")


def test_it_refuses_a_wording_for_an_unknown_purpose(db):
    with pytest.raises(ConsentRefused, match="no consent purpose"):
        services.ensure_wording(purpose="nothing", version="v1", text="Words")


def test_it_refuses_to_change_a_purposes_kind(ledger):
    with pytest.raises(ConsentRefused, match="different kind"):
        services.ensure_purpose(slug="promotional", name="Council news", kind=PurposeKind.MARKETING)


def test_a_sharing_purpose_needs_a_recipient(db):
    with pytest.raises(ConsentRefused, match="names the organisation"):
        services.ensure_purpose(slug="sharing:x", name="Sharing", kind=PurposeKind.SHARING)


def test_a_newsletter_purpose_is_named_after_its_list(db):
    with pytest.raises(ConsentRefused, match="newsletter:<list-slug>"):
        services.ensure_purpose(slug="bins", name="Bins", kind=PurposeKind.NEWSLETTER)
