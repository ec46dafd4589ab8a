"""The portal's emails: the link email and the response-ready email carry the reference and a link, no name, no file."""

import pytest
from django.core import mail

from pledge.casework.tests.factories import EMAIL, NAME
from pledge.rights.portal_links import request_portal_link
from pledge.rights.releases import withdraw_release
from pledge.rights.tasks import send_response_ready
from pledge.rights.tests.conftest import emailed_link_path
from pledge.rights.tests.factories import release, release_officer

pytestmark = pytest.mark.django_db


def test_the_link_email_has_the_reference_the_link_and_when_it_stops_working(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    path = emailed_link_path(web_case)
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == f"Your link to check your request {web_case.reference}"
    assert f"http://127.0.0.1:8000{path}" in message.body
    assert "works once, until 12:30pm on 10 September 2026" in message.body
    assert NAME.split()[0] not in message.body and NAME.split()[1] not in message.body
    assert web_case.summary not in message.body


def test_the_response_ready_email_points_to_the_start_page_and_attaches_nothing(web_case) -> None:
    done = release(case=web_case, names=("Council tax records.pdf",))
    assert send_response_ready.call(release_id=done.pk) is True
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == f"Our response to your request {web_case.reference} is ready"
    assert "http://127.0.0.1:8000/your-rights/check-your-request/" in message.body
    assert "until 8 October 2026" in message.body
    assert message.attachments == []
    assert "Council tax records" not in message.body
    assert "/files/" not in message.body
    assert NAME.split()[1] not in message.body


def test_no_ready_email_goes_for_a_release_withdrawn_before_the_worker_ran(web_case) -> None:
    done = release(case=web_case)
    withdraw_release(release=done, reason="Wrong file", actor=release_officer())
    assert send_response_ready.call(release_id=done.pk) is False
    assert mail.outbox == []
