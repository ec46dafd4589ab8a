"""Complaints share the case table with rights requests but not their dashboard, reminders or figures."""

from datetime import date

import pytest
from django.urls import reverse

from pledge.casework.dashboard import open_cases
from pledge.casework.metrics import case_facts
from pledge.casework.reminders import due_reminders
from pledge.casework.tests.factories import make_case
from pledge.complaints.tests.factories import make_complaint
from pledge.core.roles import Role
from pledge.law.reporting import Period

pytestmark = pytest.mark.django_db


def test_a_complaint_is_not_a_rights_request(today) -> None:
    today(date(2026, 11, 3))
    request = make_case(received_on=date(2026, 10, 1))
    make_complaint(received_on=date(2026, 10, 1))  # its acknowledgement was due yesterday, like the request
    assert list(open_cases()) == [request]
    facts = list(
        case_facts(
            period=Period(start=date(2026, 10, 1), end=date(2026, 10, 31), label="October 2026", slug="2026-10"),
            today=date(2026, 11, 3),
        )
    )
    assert [f.reference for f in facts] == [request.reference]
    assert [r.case for r in due_reminders(today=date(2026, 11, 3))] == [request]


def test_the_rights_request_pages_do_not_open_a_complaint(today, client_as) -> None:
    today(date(2026, 11, 3))
    complaint = make_complaint(received_on=date(2026, 11, 3))
    client = client_as(Role.CASEWORKER)
    assert client.get(reverse("cases:letter", args=[complaint.case_id, "acknowledgement"])).status_code == 404
    assert client.post(reverse("cases:add_note", args=[complaint.case_id]), {"text": "x"}).status_code == 404
    assert client.post(reverse("cases:action", args=[complaint.case_id, "withdraw"])).status_code == 404
