import pytest
from django.core import mail

from pledge.site.tasks import send_enquiry_acknowledgement
from pledge.site.tests.factories import make_enquiry

pytestmark = pytest.mark.django_db


def test_it_emails_the_sender_their_reference_and_reply_date():
    enquiry = make_enquiry(email="ann@example.com")
    send_enquiry_acknowledgement.call(enquiry_id=enquiry.pk)
    [email] = mail.outbox
    assert email.to == ["ann@example.com"]
    assert enquiry.reference in email.subject
    assert enquiry.reference in email.body
    assert enquiry.respond_by.strftime("%-d %B %Y") in email.body


def test_it_does_not_repeat_the_message_in_the_email():
    enquiry = make_enquiry(message="My neighbour's case number is 12345")
    send_enquiry_acknowledgement.call(enquiry_id=enquiry.pk)
    assert "12345" not in mail.outbox[0].body


def test_it_does_nothing_when_the_enquiry_has_gone():
    send_enquiry_acknowledgement.call(enquiry_id=999999)
    assert mail.outbox == []
