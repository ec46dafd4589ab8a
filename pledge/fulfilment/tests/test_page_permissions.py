"""Every fulfilment route: anonymous visitors go to sign-in, roles without the permission get 403 and change nothing."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.core.roles import Permission, Role, roles_with
from pledge.fulfilment.models import Correction, Restriction
from pledge.fulfilment.services import record_disagreement
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db
FORMS = ["correction", "disagreement", "erasure", "restrict", "recipient"]
ITEM_FORMS = ["attach", "lift"]
NOT_HANDLERS = [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)]


@pytest.fixture
def setting(today, register, revenues, caseworker):
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    restriction = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    disagreement = record_disagreement(
        case=case,
        reasons="Accurate",
        statement="I disagree",
        system=revenues,
        record_reference="CT-1",
        decided_on=date(2026, 12, 9),
        statement_file=SimpleUploadedFile("s.txt", b"I disagree, in writing"),
        actor=caseworker,
    )
    return {"case": case, "lift": restriction, "attach": disagreement, "statement": disagreement}


def _urls(setting) -> list[str]:
    case = setting["case"]
    urls = [reverse(f"fulfilment:{name}", kwargs={"pk": case.pk}) for name in FORMS]
    urls += [reverse(f"fulfilment:{n}", kwargs={"pk": case.pk, "item": setting[n].pk}) for n in ITEM_FORMS]
    return urls


def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_route(setting) -> None:
    case = setting["case"]
    statement = reverse("fulfilment:statement", kwargs={"pk": case.pk, "item": setting["statement"].pk})
    for url in [*_urls(setting), statement, reverse("fulfilment:restrictions")]:
        for method in ("get", "post"):
            response = getattr(Client(), method)(url)
            assert response.status_code in (302, 405), url
            if response.status_code == 302:
                assert response["Location"].startswith("/staff/sign-in/"), url


@pytest.mark.parametrize("role", NOT_HANDLERS)
def test_roles_without_the_handling_permission_get_403_and_change_nothing(setting, client_as, role) -> None:
    client = client_as(role)
    events = AuditEvent.objects.count()
    for url in _urls(setting):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"correction-record_reference": "CT-1"}).status_code == 403, url
    assert Correction.objects.count() == 0
    assert Restriction.objects.get().active
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("role", roles_with(Permission.HANDLE_CASES))
def test_handlers_get_each_form_page(setting, client_as, role) -> None:
    client = client_as(role)
    for url in _urls(setting):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", list(Role))
def test_the_statement_download_needs_the_case_viewing_permission(setting, client_as, role) -> None:
    case, disagreement = setting["case"], setting["statement"]
    url = reverse("fulfilment:statement", kwargs={"pk": case.pk, "item": disagreement.pk})

    response = client_as(role).get(url)

    if role in roles_with(Permission.VIEW_CASES):
        assert response.status_code == 200
        assert response.content == b"I disagree, in writing"
        assert (
            response["Content-Disposition"] == f'attachment; filename="statement-of-disagreement-{disagreement.pk}.txt"'
        )
        assert AuditEvent.objects.filter(summary=f"Disagreement {disagreement.pk}: statement file opened").exists()
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_the_restrictions_page_needs_the_restrictions_permission(setting, client_as, role) -> None:
    response = client_as(role).get(reverse("fulfilment:restrictions"))
    assert response.status_code == (200 if role in roles_with(Permission.VIEW_RESTRICTIONS) else 403)


def test_an_item_of_another_case_is_not_found(setting, client_as, today) -> None:
    other = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    client = client_as(Role.CASEWORKER)
    for name in ITEM_FORMS:
        url = reverse(f"fulfilment:{name}", kwargs={"pk": other.pk, "item": setting[name].pk})
        assert client.get(url).status_code == 404
    url = reverse("fulfilment:statement", kwargs={"pk": other.pk, "item": setting["statement"].pk})
    assert client.get(url).status_code == 404


def test_the_routes_carry_primary_keys_only(setting) -> None:
    for url in _urls(setting):
        assert setting["case"].reference not in url and "CT-1" not in url
