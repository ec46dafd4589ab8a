"""Using the portal logs no names, emails or references, matching or not, and no working link secret."""

import logging

import pytest
from django.test import Client

from pledge.casework.tests.factories import EMAIL, NAME
from pledge.rights.tests.conftest import PORTAL, PORTAL_REQUEST, ask_for_link, emailed_link_path
from pledge.rights.tests.factories import release

pytestmark = pytest.mark.django_db


def test_the_whole_portal_path_logs_no_personal_data(web_case, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    response_file = release(case=web_case).files.get()
    client = Client()
    ask_for_link(client, reference="RR-2026-999999", email="nobody@example.com")
    ask_for_link(client, reference=web_case.reference, email=EMAIL)
    link = emailed_link_path(web_case)
    client.get(link)
    client.post(link)
    client.get(PORTAL_REQUEST)
    client.get(f"{PORTAL}files/{response_file.pk}/")
    client.get(f"{PORTAL}files/999999/")  # not found
    client.post(link)  # used: the link problem page
    client.post(f"{PORTAL}sign-out/")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (
        NAME,
        EMAIL,
        "nobody@example.com",
        web_case.reference,
        "RR-2026-999999",
    ):
        assert secret not in logged
