"""Logs carry no personal data: a resident's message and a member of staff handling it leave no names,
emails or references in any log line (promise P136)."""

import logging

import pytest
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.site.models import DpoEnquiry

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Zebedee Unusualname", "zebedee.unusualname@example.com"


def test_a_message_to_the_dpo_and_its_handling_log_no_personal_data(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    resident = Client()
    resident.post("/contact-the-dpo/", {"name": NAME, "email": EMAIL, "about": "", "message": "Secret question"})
    resident.post("/contact-the-dpo/", {"name": NAME, "email": "not-an-email", "about": "", "message": ""})
    enquiry = DpoEnquiry.objects.get()
    staff = Client()
    staff.force_login(User.objects.create_user(username="dpo", password=None, role=Role.DPO))
    staff.get(f"/staff/enquiries/{enquiry.pk}/")
    staff.post(f"/staff/enquiries/{enquiry.pk}/status/", {"status": "closed"})
    Client().get(f"/staff/enquiries/{enquiry.pk}/")  # refused: logged as a redirect, nothing more
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (NAME, EMAIL, "Secret question", enquiry.reference, "not-an-email"):
        assert secret not in logged
