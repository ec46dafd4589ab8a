"""The requester portal opens rights requests only: a complaint's reference and email never match a case."""

from datetime import date

import pytest

from pledge.casework.models import Channel, ComplaintKind
from pledge.complaints.services import log_complaint
from pledge.rights.hashing import email_hash
from pledge.rights.portal_links import matching_case

pytestmark = pytest.mark.django_db


def test_a_complaint_reference_with_the_complainants_email_matches_no_case() -> None:
    complaint = log_complaint(
        kind=ComplaintKind.COMPLAINT,
        channel=Channel.EMAIL,
        received_on=date(2026, 11, 2),
        name="Avery Quill",
        email="avery.quill@example.org",
        summary="My request was answered late",
        actor="test",
    )
    reference = complaint.case.reference
    assert matching_case(reference=reference, hashed_email=email_hash("avery.quill@example.org")) is None


def test_a_rights_request_still_matches(web_case) -> None:
    assert matching_case(reference=web_case.reference, hashed_email=email_hash(web_case.requester_email)) == web_case
