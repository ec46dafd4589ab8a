"""The case page's "CCTV footage" section: scoping the footage, recording its retrieval and the people in it,
the warning while it is at risk, and a GOV.UK error summary with nothing saved for each kind of bad input."""

from datetime import date

import pytest
from django.urls import reverse

from pledge.casework import footage, services
from pledge.casework.footage_models import FootageScope, RetrievalOutcome
from pledge.casework.models import CaseKind
from pledge.casework.record_models import SearchState
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.footage_factories import make_cctv_case, make_cctv_system, make_scope
from pledge.core.roles import Role
from pledge.register.models import System

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 12, 1))
    return make_cctv_case(received_on=date(2026, 11, 10))


@pytest.fixture
def system(db):
    return make_cctv_system()


@pytest.fixture
def staff(client_as):
    return client_as(Role.CASEWORKER)


def url(name, case):
    return reverse(f"cases:{name}", kwargs={"pk": case.pk})


def scope_data(chosen, **changes):
    data = {
        "system": str(chosen.pk),
        "site": f"{chosen.pk}:1",
        "camera": "",
        "start-day": "3",
        "start-month": "11",
        "start-year": "2026",
        "start_time": "10:00",
        "end-day": "3",
        "end-month": "11",
        "end-year": "2026",
        "end_time": "11:00",
        "long_window_reason": "",
    }
    return {f"footage-scope-{key}": value for key, value in {**data, **changes}.items()}


def test_the_section_is_only_on_cctv_requests(case, staff) -> None:
    assert 'id="footage"' in staff.get(url("case", case)).content.decode()
    other = make_case(received_on=date(2026, 11, 10), kind=CaseKind.ACCESS)
    assert 'id="footage"' not in staff.get(url("case", other)).content.decode()


def test_the_system_list_offers_only_surveillance_systems(case, staff, system) -> None:
    System.objects.create(slug="crm", name="Customer records")
    html = staff.get(url("case", case)).content.decode()
    systems = html.split('id="id_footage-scope-system"')[1].split("</select>")[0]
    assert "Town centre CCTV" in systems and "Customer records" not in systems
    assert "Northgate bus station (Town centre CCTV)" in html


def test_a_caseworker_scopes_footage_from_a_listed_site_and_sees_the_warning(case, staff, system) -> None:
    response = staff.post(url("scope_footage", case), scope_data(system))
    assert response.status_code == 302 and response["Location"].endswith("#footage")
    scope = FootageScope.objects.get()
    assert (scope.location, scope.system, scope.search_task.state) == ("Northgate bus station", system, "to_do")
    html = staff.get(url("case", case)).content.decode()
    assert "CCTV footage scope saved." in html
    assert (
        "Footage from 3 November 2026 10:00 is overwritten on 4 December 2026: 3 days left. "
        "Retrieve and preserve it now." in html
    )
    assert "Record the retrieval" in html and "Change the footage asked for" in html


def test_a_camera_that_is_not_listed_can_be_typed(case, staff, system) -> None:
    staff.post(url("scope_footage", case), scope_data(system, site="", camera="Camera 14, Bridge Street"))
    assert FootageScope.objects.get().location == "Camera 14, Bridge Street"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"system": ""}, "Select the CCTV or ANPR system"),
        ({"system": "abc"}, "Select a surveillance system"),
        ({"site": "", "camera": ""}, "Select the site or enter the camera"),
        ({"start-day": "31", "start-month": "2"}, "Date the window starts must be a real date"),
        ({"start-day": "", "start-month": "", "start-year": ""}, "Enter the date the window starts"),
        ({"end-month": ""}, "Date the window ends must include a month"),
        ({"end-day": "", "end-year": ""}, "Date the window ends must include a day and a year"),
        ({"start-year": "26"}, "Date the window starts must be a real date"),
        ({"start-month": "eleven"}, "Date the window starts must be a real date"),
        ({"start_time": "25:00"}, "Enter a time on the 24-hour clock"),
        ({"end_time": ""}, "Enter the time the window ends"),
        ({"end-day": "2", "end-month": "12"}, "The end of the window cannot be in the future"),
        ({"end_time": "09:00"}, "The end of the window must be after its start"),
        ({"end-day": "4"}, "Give the reason the window is longer than 24 hours"),
        ({"site": "999:0"}, "Select a valid choice"),
    ],
)
def test_bad_scope_input_shows_the_error_summary_and_saves_nothing(case, staff, system, changes, message) -> None:
    response = staff.post(url("scope_footage", case), scope_data(system, **changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert FootageScope.objects.count() == 0 and case.search_tasks.count() == 0


def test_a_site_of_another_system_or_a_system_that_is_not_surveillance_is_refused(case, staff, system) -> None:
    parks = make_cctv_system(slug="parks", name="Parks ANPR")
    crm = System.objects.create(slug="crm", name="Customer records")
    html = staff.post(url("scope_footage", case), scope_data(parks, site=f"{system.pk}:0")).content.decode()
    assert "Select a site of the chosen system" in html
    html = staff.post(url("scope_footage", case), scope_data(crm, site="")).content.decode()
    assert "Select a surveillance system" in html
    assert FootageScope.objects.count() == 0


def test_retrieval_and_the_third_party_step_are_recorded_from_the_page(case, staff, system) -> None:
    staff.post(url("scope_footage", case), scope_data(system))
    data = {
        "footage-retrieval-outcome": "preserved",
        "footage-retrieval-on": "1/12/2026",
        "footage-retrieval-reason": "",
    }
    html = staff.post(url("record_footage_retrieval", case), data).content.decode()
    assert "Enter who retrieved the footage" in html and "There is a problem" in html
    assert FootageScope.objects.get().retrieval == ""
    data["footage-retrieval-retrieved_by"] = "Control room supervisor"
    assert staff.post(url("record_footage_retrieval", case), data).status_code == 302
    assert case.search_tasks.get().state == SearchState.FOUND
    html = staff.get(url("case", case)).content.decode()
    assert "Retrieved and preserved on 1 December 2026, by Control room supervisor" in html
    assert "3 days left" not in html and "Change the footage asked for" not in html
    third = {"footage-third-parties-outcome": "redacted", "footage-third-parties-how": ""}
    html = staff.post(url("record_footage_third_parties", case), third).content.decode()
    assert "Say how the other people or vehicles were redacted" in html
    third["footage-third-parties-how"] = "Faces and number plates blurred"
    assert staff.post(url("record_footage_third_parties", case), third).status_code == 302
    html = staff.get(url("case", case)).content.decode()
    assert "redacted (for example blurred): Faces and number plates blurred. Recorded by caseworker-person" in html


def test_withheld_footage_links_to_the_exemption_and_takes_no_other_cases_decision(case, staff, system) -> None:
    actor = staff.get(url("case", case)).wsgi_request.user
    scope = make_scope(case=case, system=system, actor=actor)
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 12, 1),
        retrieved_by="CCTV team",
        reason="",
        actor=actor,
    )
    other = make_cctv_case(received_on=date(2026, 11, 11))
    args = {
        "scope": "Other people",
        "reasoning": "No consent",
        "third_party_consent": "refused",
        "reasonable_without_consent": False,
        "third_party_factors": "Faces",
        "actor": actor,
    }
    foreign = services.record_exemption(case=other, code="THIRD_PARTY", **args)
    data = {"footage-third-parties-outcome": "withheld", "footage-third-parties-exemption": str(foreign.pk)}
    html = staff.post(url("record_footage_third_parties", case), data).content.decode()
    assert "Select one of this case&#x27;s exemption decisions" in html
    own = services.record_exemption(case=case, code="THIRD_PARTY", **args)
    data["footage-third-parties-exemption"] = str(own.pk)
    assert staff.post(url("record_footage_third_parties", case), data).status_code == 302
    html = staff.get(url("case", case)).content.decode()
    assert f'href="{url("case", case)}#exemptions">THIRD_PARTY' in html


def test_the_response_is_refused_on_the_page_until_the_footage_is_retrieved(case, staff, system) -> None:
    staff.post(url("scope_footage", case), scope_data(system))
    task = case.search_tasks.get()
    task.state = SearchState.NOTHING_FOUND
    task.save()
    response = staff.post(
        reverse("cases:action", kwargs={"pk": case.pk, "action": "respond"}), {"respond-on": "1/12/2026"}
    )
    assert "Record whether the CCTV footage was retrieved and preserved" in response.content.decode()


def test_the_retrieval_and_third_party_routes_need_a_scope(case, staff) -> None:
    assert staff.post(url("record_footage_retrieval", case), {}).status_code == 404
    assert staff.post(url("record_footage_third_parties", case), {}).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(case, client) -> None:
    for name in ("scope_footage", "record_footage_retrieval", "record_footage_third_parties"):
        response = client.post(url(name, case))
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/staff/sign-in/"), name


@pytest.mark.parametrize("role", [Role.SERVICE_LEAD, Role.AUDITOR])
def test_roles_that_cannot_handle_cases_are_refused(case, client_as, system, role) -> None:
    for name in ("scope_footage", "record_footage_retrieval", "record_footage_third_parties"):
        assert client_as(role).post(url(name, case), scope_data(system)).status_code == 403, name
    assert FootageScope.objects.count() == 0


def test_an_auditor_sees_the_footage_and_warning_but_no_forms(case, client_as, system, caseworker) -> None:
    make_scope(case=case, system=system, actor=caseworker)
    html = client_as(Role.AUDITOR).get(url("case", case)).content.decode()
    assert "Northgate bus station" in html and "3 days left" in html
    assert "Save the footage scope" not in html and "Record the retrieval" not in html


def test_the_scope_routes_take_posts_only(case, staff) -> None:
    assert staff.get(url("scope_footage", case)).status_code == 405


def test_a_double_submitted_retrieval_is_recorded_once(case, staff, system) -> None:
    staff.post(url("scope_footage", case), scope_data(system))
    data = {
        "footage-retrieval-outcome": "preserved",
        "footage-retrieval-on": "1/12/2026",
        "footage-retrieval-retrieved_by": "Control room",
    }
    assert staff.post(url("record_footage_retrieval", case), data).status_code == 302
    again = staff.post(url("record_footage_retrieval", case), data)
    assert again.status_code == 200 and "The footage retrieval is already recorded" in again.content.decode()
    assert FootageScope.objects.get().retrieval == RetrievalOutcome.PRESERVED


def test_a_date_error_in_the_summary_links_to_the_day_box_of_its_date_input(case, staff, system) -> None:
    html = staff.post(url("scope_footage", case), scope_data(system, **{"end-day": "2", "end-month": "12"})).content
    page = html.decode()
    assert 'href="#id_footage-scope-end-day"' in page
    assert 'id="id_footage-scope-end-day" name="footage-scope-end-day"' in page
    assert 'class="govuk-date-input" id="id_footage-scope-end"' in page


def test_a_time_the_clocks_skipped_is_refused(today, client_as, system) -> None:
    today(date(2026, 4, 20))
    case = make_cctv_case(received_on=date(2026, 4, 10))
    fields = {"start-day": "29", "start-month": "3", "end-day": "29", "end-month": "3"}
    html = (
        client_as(Role.CASEWORKER)
        .post(url("scope_footage", case), scope_data(system, **fields, start_time="01:30", end_time="03:00"))
        .content.decode()
    )
    assert "There is no 01:30 on 29 March 2026: the clocks went forward" in html
    assert FootageScope.objects.count() == 0
