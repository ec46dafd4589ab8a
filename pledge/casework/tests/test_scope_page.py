"""The page for choosing a request's activities (grouped by service, with a service filter) and team."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditEvent
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker):
    today(date(2026, 11, 10))
    return make_case(received_on=date(2026, 11, 9), actor=caseworker)


def url(case) -> str:
    return reverse("cases:scope", kwargs={"pk": case.pk})


def test_it_groups_the_activities_by_service_as_checkboxes(case, register, client_as) -> None:
    page = BeautifulSoup(client_as(Role.CASEWORKER).get(url(case)).content, "html.parser")
    legends = [legend.get_text(strip=True) for legend in page.select("form[method=post] legend")]
    assert legends == ["Adult social care", "Council tax", "Waste and recycling"]
    assert len(page.select("input[type=checkbox][name=activities]")) == 5
    assert page.select_one("#id_activities") is not None  # the error summary's link target


def test_the_service_filter_shows_one_service_and_keeps_other_choices(case, register, client_as, caseworker) -> None:
    from pledge.casework.scope import choose_scope

    choose_scope(case=case, activities=[register.adult_care], team=None, actor=caseworker)
    client = client_as(Role.CASEWORKER)
    page = BeautifulSoup(client.get(url(case), {"service": "council-tax"}).content, "html.parser")
    assert [legend.get_text(strip=True) for legend in page.select("form[method=post] legend")] == ["Council tax"]
    response = client.post(
        url(case), {"service": "council-tax", "activities": [register.billing.pk], "team": register.council_tax.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case", kwargs={"pk": case.pk}) + "#rights"
    assert set(case.activities.all()) == {register.adult_care, register.billing}
    case.refresh_from_db()
    assert case.team == register.council_tax


def test_unticking_everything_shown_clears_only_that_service(case, register, client_as, caseworker) -> None:
    from pledge.casework.scope import choose_scope

    choose_scope(case=case, activities=[register.adult_care, register.billing], team=None, actor=caseworker)
    client_as(Role.CASEWORKER).post(url(case), {"service": "council-tax"})
    assert list(case.activities.all()) == [register.adult_care]


def test_a_forged_activity_shows_an_error_summary_and_saves_nothing(case, register, client_as) -> None:
    count = AuditEvent.objects.count()
    response = client_as(Role.CASEWORKER).post(url(case), {"activities": ["999999", "not-a-number"]})
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "Select activities from the approved register" in page.select_one(".govuk-error-summary").get_text()
    assert page.select_one(".govuk-error-summary a[href='#id_activities']") is not None
    assert case.activities.count() == 0
    assert AuditEvent.objects.count() == count


def test_a_forged_team_shows_an_error(case, register, client_as) -> None:
    response = client_as(Role.CASEWORKER).post(url(case), {"team": "999999"})
    assert response.status_code == 400
    assert "Select a team from the list" in response.content.decode()


def test_an_unknown_service_in_the_filter_is_an_error_not_a_crash(case, register, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(url(case), {"service": "no-such-service"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.select("input[type=checkbox][name=activities]")) == 5  # unfiltered


def test_the_case_page_shows_the_activities_and_links_to_the_page(case, register, client_as, caseworker) -> None:
    from pledge.casework.scope import choose_scope

    choose_scope(case=case, activities=[register.billing], team=register.council_tax, actor=caseworker)
    body = client_as(Role.CASEWORKER).get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    assert "Billing and collecting council tax (Council tax)" in body
    assert f'href="{url(case)}"' in body
    assert "Scope set: 1 activity, team council-tax" in body  # the timeline


def test_an_auditor_sees_the_scope_but_no_link_to_change_it(case, register, client_as) -> None:
    body = client_as(Role.AUDITOR).get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    assert "What the request concerns" in body
    assert f'href="{url(case)}"' not in body


def test_an_anonymous_visitor_is_sent_to_sign_in(case) -> None:
    response = Client().get(url(case))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)])
def test_roles_that_cannot_handle_cases_are_refused(case, register, client_as, role) -> None:
    client = client_as(role)
    assert client.get(url(case)).status_code == 403
    assert client.post(url(case), {"activities": [register.billing.pk]}).status_code == 403
    assert case.activities.count() == 0
