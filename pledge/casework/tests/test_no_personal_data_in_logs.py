"""Handling a case logs no names, emails or references: URLs carry the primary key only."""

import logging
from datetime import date

import pytest
from django.test import Client

from pledge.casework.models import Case
from pledge.casework.tests.test_log_request_page import GOOD
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


def test_logging_and_reading_a_case_logs_no_personal_data(today, client_as, caplog) -> None:
    today(date(2026, 9, 10))
    caplog.set_level(logging.DEBUG)
    staff = client_as(Role.CASEWORKER)
    staff.post("/staff/cases/new/", {**GOOD, "requester_email": "zebedee@example.com"})
    case = Case.objects.get()
    staff.get(f"/staff/cases/{case.pk}/")
    staff.post(f"/staff/cases/{case.pk}/close/", {"close-on": "10/9/2026"})  # refused: not responded yet
    client_as(Role.SERVICE_LEAD).get(f"/staff/cases/{case.pk}/")  # 403
    Client().get(f"/staff/cases/{case.pk}/")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("Zebedee", "zebedee@example.com", "housing file", case.reference):
        assert secret not in logged
