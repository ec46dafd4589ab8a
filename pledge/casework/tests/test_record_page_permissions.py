"""Every route for the records on a case: anonymous visitors go to sign-in, roles without the permission get 403,
and records of one case cannot be reached through another case's address."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from pledge.casework import attachments, identity, search_tasks
from pledge.casework.models import Proof
from pledge.casework.record_models import AttachmentKind
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import pdf, png
from pledge.core.models import User
from pledge.core.roles import Permission, Role, roles_with
from pledge.register.models import System

pytestmark = pytest.mark.django_db

HANDLERS = roles_with(Permission.HANDLE_CASES)
VIEWERS = roles_with(Permission.VIEW_CASES)
WRITES = [
    "record_identity_check",
    "add_evidence",
    "add_attachment",
    "add_note",
    "add_search_task",
    "create_search_tasks",
]


@pytest.fixture
def records(today):
    """A case with an attachment, a piece of evidence and a search task, and their keyword arguments for reverse."""
    today(date(2026, 9, 10))
    actor = User.objects.create_user(username="uploader", role=Role.CASEWORKER)
    case = make_case(received_on=date(2026, 9, 3))
    attachment = attachments.add_attachment(case=case, kind=AttachmentKind.CORRESPONDENCE, upload=pdf(), actor=actor)
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=actor)
    task = search_tasks.add_search_task(
        case=case, service=None, system=System.objects.create(slug="crm", name="CRM"), actor=actor
    )
    return {
        "case": {"pk": case.pk},
        "attachment": {"pk": case.pk, "attachment_pk": attachment.pk},
        "evidence": {"pk": case.pk, "evidence_pk": evidence.pk},
        "delete_evidence": {"pk": case.pk, "evidence_pk": evidence.pk},
        "search_task": {"pk": case.pk, "task_pk": task.pk},
    }


def _post_urls(records) -> list[str]:
    urls = [reverse(f"cases:{name}", kwargs=records["case"]) for name in WRITES]
    urls.append(reverse("cases:delete_evidence", kwargs=records["delete_evidence"]))
    urls.append(reverse("cases:search_task", kwargs=records["search_task"]))
    return urls


def test_an_anonymous_visitor_is_sent_to_sign_in_for_every_route(records) -> None:
    gets = [reverse(f"cases:{name}", kwargs=records[name]) for name in ("attachment", "evidence", "search_task")]
    for url in gets:
        response = Client().get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/staff/sign-in/"), url
    for url in _post_urls(records):
        response = Client().post(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/staff/sign-in/"), url


@pytest.mark.parametrize("role", [r for r in Role if r not in HANDLERS])
def test_roles_that_cannot_handle_cases_cannot_change_the_records(records, client_as, role) -> None:
    for url in _post_urls(records):
        assert client_as(role).post(url).status_code == 403, url


@pytest.mark.parametrize("role", list(Role))
def test_attachments_download_for_roles_that_view_cases(records, client_as, role) -> None:
    response = client_as(role).get(reverse("cases:attachment", kwargs=records["attachment"]))
    assert response.status_code == (200 if role in VIEWERS else 403)


@pytest.mark.parametrize("role", list(Role))
def test_id_evidence_and_search_pages_open_only_for_roles_that_handle_cases(records, client_as, role) -> None:
    for name in ("evidence", "search_task"):
        response = client_as(role).get(reverse(f"cases:{name}", kwargs=records[name]))
        assert response.status_code == (200 if role in HANDLERS else 403), name


def test_a_record_is_not_found_through_another_cases_address(records, client_as) -> None:
    other = make_case(received_on=date(2026, 9, 4))
    staff = client_as(Role.CASEWORKER)
    for name in ("attachment", "evidence", "search_task"):
        kwargs = {**records[name], "pk": other.pk}
        assert staff.get(reverse(f"cases:{name}", kwargs=kwargs)).status_code == 404, name
    kwargs = {**records["delete_evidence"], "pk": other.pk}
    assert staff.post(reverse("cases:delete_evidence", kwargs=kwargs)).status_code == 404


def test_downloads_are_gets_and_changes_are_posts(records, client_as) -> None:
    staff = client_as(Role.CASEWORKER)
    assert staff.post(reverse("cases:attachment", kwargs=records["attachment"])).status_code == 405
    assert staff.get(reverse("cases:add_note", kwargs=records["case"])).status_code == 405
    assert staff.get(reverse("cases:delete_evidence", kwargs=records["delete_evidence"])).status_code == 405
