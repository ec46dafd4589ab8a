"""P047: a caseworker gives a person a copy of their own assessment without a SAR, and it is logged."""

from datetime import date

import pytest
from django.urls import reverse

from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.fulfilment.package_models import AssessmentCopy
from pledge.fulfilment.tests.package_estate import make_estate

pytestmark = pytest.mark.django_db


@pytest.fixture
def estate(settings, tmp_path, today, db):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")


def test_a_caseworker_gives_a_copy_and_it_is_logged_against_the_person(estate, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    form = {"record": "revenues/accounts/CT1", "person_name": "Zebedee Unusualname", "how": "in_person"}
    response = client.post(reverse("fulfilment:assessment_copies"), form)
    assert response.status_code == 302
    copy = AssessmentCopy.objects.get()
    assert (copy.person_name, copy.system, copy.key) == ("Zebedee Unusualname", "revenues", "CT1")
    assert AuditEvent.objects.filter(object_type="assessment_copy", object_ref=str(copy.pk)).exists()
    pdf = client.get(reverse("fulfilment:assessment_copy_file", kwargs={"item": copy.pk}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "Zebedee Unusualname" in client.get(reverse("fulfilment:assessment_copies")).content.decode()


def test_it_says_so_when_the_record_is_not_found(estate, client_as) -> None:
    form = {"record": "revenues/accounts/NOPE", "person_name": "Zebedee Unusualname", "how": "post"}
    response = client_as(Role.CASEWORKER).post(reverse("fulfilment:assessment_copies"), form)
    assert response.status_code == 400 and "That record was not found" in response.content.decode()
    assert not AssessmentCopy.objects.exists()


def test_it_refuses_a_role_that_cannot_handle_cases(estate, client_as) -> None:
    form = {"record": "revenues/accounts/CT1", "person_name": "Z", "how": "post"}
    assert client_as(Role.AUDITOR).post(reverse("fulfilment:assessment_copies"), form).status_code == 403
    assert not AssessmentCopy.objects.exists()
