"""The package pages: the case panel, following a build without JavaScript, reviewing passages, adding to the
response, and refusing roles without the permission."""

from datetime import date

import pytest
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.core.roles import Permission, Role, roles_with
from pledge.fulfilment import package_services
from pledge.fulfilment.package_models import AccessPackage, PackageState, PassageDecision
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system
from pledge.rights.models import ResponseFile

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1"), ("revenues", "contacts", "N1"), ("garden", "subscriptions", "G1")]
NOT_HANDLERS = [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)]
NOT_VIEWERS = [r for r in Role if r not in roles_with(Permission.VIEW_CASES)]


@pytest.fixture
def case(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    made = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    confirm_records(made, caseworker, MINE)
    return made


@pytest.fixture
def built(case, caseworker):
    queued = package_services.request_package(case=case, actor=caseworker)
    return package_services.build_package(package_id=queued.pk)


def test_the_case_page_offers_to_build_the_access_package(case, client_as) -> None:
    page = client_as(Role.CASEWORKER).get(reverse("cases:case", kwargs={"pk": case.pk}))
    assert page.status_code == 200
    assert "Build the access package" in page.content.decode()


def test_starting_a_build_shows_its_progress_with_a_link_to_check_again_until_it_is_built(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    response = client.post(reverse("fulfilment:package_start", kwargs={"pk": case.pk}))
    package = AccessPackage.objects.get(case=case)
    assert response.status_code == 302 and response.url == reverse(
        "fulfilment:package", kwargs={"pk": case.pk, "item": package.pk}
    )
    page = client.get(response.url).content.decode()
    assert "Check the progress again" in page and "0 of 3 records fetched" in page
    package_services.build_package(package_id=package.pk)
    page = client.get(response.url).content.decode()
    assert "Check the progress again" not in page and "His neighbour Amy Brown" in page


def test_a_caseworker_reviews_the_passage_then_adds_the_package(built, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    [passage] = built.passages.all()
    add = reverse("fulfilment:package_add", kwargs={"pk": built.case_id, "item": built.pk})
    client.post(add)
    assert not ResponseFile.objects.exists()
    url = reverse("fulfilment:package_passage", kwargs={"pk": built.case_id, "item": built.pk, "passage": passage.pk})
    refused = client.post(url, {"decision": "withhold", "reason": ""})
    assert refused.status_code == 400 and "Give the reason for withholding" in refused.content.decode()
    assert client.post(url, {"decision": "withhold", "reason": "About a neighbour"}).status_code == 302
    passage.refresh_from_db()
    assert passage.decision == PassageDecision.WITHHOLD
    assert client.post(add).status_code == 302
    assert ResponseFile.objects.filter(case=built.case).exists()


def test_a_caseworker_downloads_the_zip_and_it_is_audited(built, client_as) -> None:
    url = reverse("fulfilment:package_download", kwargs={"pk": built.case_id, "item": built.pk})
    response = client_as(Role.CASEWORKER).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert AuditEvent.objects.filter(summary__contains="downloaded", object_ref=built.case.reference).exists()


@pytest.mark.parametrize("role", NOT_HANDLERS)
def test_it_refuses_every_change_to_a_role_that_cannot_handle_cases(built, client_as, role) -> None:
    client = client_as(role)
    [passage] = built.passages.all()
    kwargs = {"pk": built.case_id, "item": built.pk}
    urls = [
        reverse("fulfilment:package_start", kwargs={"pk": built.case_id}),
        reverse("fulfilment:package_add", kwargs=kwargs),
        reverse("fulfilment:package_transfer", kwargs=kwargs),
        reverse("fulfilment:package_passage", kwargs={**kwargs, "passage": passage.pk}),
    ]
    for url in urls:
        assert client.post(url, {"decision": "keep"}).status_code == 403
    assert client.get(reverse("fulfilment:package_download", kwargs=kwargs)).status_code == 403
    assert client.get(reverse("fulfilment:assessment_copies")).status_code == 403
    assert AccessPackage.objects.count() == 1 and not ResponseFile.objects.exists()
    passage.refresh_from_db()
    assert passage.decision == PassageDecision.PENDING


@pytest.mark.parametrize("role", NOT_VIEWERS)
def test_it_refuses_the_package_page_to_a_role_that_cannot_view_cases(built, client_as, role) -> None:
    url = reverse("fulfilment:package", kwargs={"pk": built.case_id, "item": built.pk})
    assert client_as(role).get(url).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(built, client) -> None:
    url = reverse("fulfilment:package", kwargs={"pk": built.case_id, "item": built.pk})
    assert client.get(url).status_code == 302


def test_a_failed_build_says_so_instead_of_spinning(case, caseworker, settings, tmp_path, client_as) -> None:
    queued = package_services.request_package(case=case, actor=caseworker)
    settings.PLEDGE_SYSTEMS = tmp_path / "missing.yaml"
    package = package_services.build_package(package_id=queued.pk)
    assert package.state == PackageState.FAILED
    page = client_as(Role.CASEWORKER).get(reverse("fulfilment:package", kwargs={"pk": case.pk, "item": package.pk}))
    assert "could not be read" in page.content.decode()
