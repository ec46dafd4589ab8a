"""The breach pages: report in minutes, the countdown, bad input with the error summary and nothing half-saved."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from pledge.breaches.models import Breach, BreachState
from pledge.breaches.tests.conftest import LONDON
from pledge.casework.models import IssuedLetter, LetterDelivery
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 25, 23, 30, tzinfo=LONDON)


def test_every_staff_page_links_to_report_a_breach(client_as, at) -> None:
    at(NOW)
    for role in Role:
        page = client_as(role).get("/staff/").content.decode()
        assert 'href="/staff/breaches/report/">Report a breach</a>' in page


def test_the_report_form_defaults_to_now(client_as, at) -> None:
    at(NOW)
    page = client_as(Role.CASEWORKER).get(reverse("breaches:report")).content.decode()
    assert 'value="2026-12-25"' in page or 'value="25/12/2026"' in page
    assert 'value="23:30"' in page


def test_a_report_shows_its_reference_and_the_countdown(client_as, at) -> None:
    at(NOW)
    response = client_as(Role.SERVICE_LEAD).post(
        reverse("breaches:report"),
        {
            "description": "Email to the wrong person",
            "aware_on": "24/12/2026",
            "aware_time": "16:30",
            "data_categories": "Name and address",
            "people_affected": "1",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "BR-2026-0001" in page
    assert "Decide by Sun 27 Dec 2026 16:30: 41 hours left" in page
    assert Breach.objects.get().reported_by.role == Role.SERVICE_LEAD


def test_a_bad_report_gets_the_error_summary_and_saves_nothing(client_as, at) -> None:
    at(NOW)
    response = client_as(Role.CASEWORKER).post(
        reverse("breaches:report"),
        {"description": "", "aware_on": "31/2/2026", "aware_time": "25:00", "people_affected": "lots"},
    )
    page = response.content.decode()
    assert "govuk-error-summary" in page
    for message in ["Enter what happened", "Enter a real date", "Enter a time on the 24-hour clock", "whole number"]:
        assert message in page
    assert page.count("<title>Error:") == 1
    assert not Breach.objects.exists()


def test_awareness_in_the_future_is_refused(client_as, at) -> None:
    at(NOW)
    response = client_as(Role.CASEWORKER).post(
        reverse("breaches:report"),
        {"description": "x", "aware_on": "26/12/2026", "aware_time": "09:00", "data_categories": "x"},
    )
    assert "cannot be in the future" in response.content.decode()
    assert not Breach.objects.exists()


def test_the_breach_page_shows_the_countdown_and_after_assessment_the_recommendation(client_as, breach) -> None:
    dpo = client_as(Role.DPO)
    url = reverse("breaches:breach", kwargs={"pk": breach.pk})
    assert "Decide by Sun 27 Dec 2026 16:30: 41 hours left" in dpo.get(url).content.decode()
    response = dpo.post(
        reverse("breaches:assess", kwargs={"pk": breach.pk}),
        {
            "assess-likelihood": "likely",
            "assess-severity": "significant",
            "assess-people_affected": "1",
            "assess-likely_consequences": "Embarrassment and possible fraud",
            "assess-rationale": "A neighbour received it",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "High risk level: report it to the ICO; tell the people affected." in page
    assert "Art 33(1)" in page


def test_a_bad_decision_shows_the_error_summary_on_the_breach_page(client_as, breach) -> None:
    dpo = client_as(Role.DPO)
    dpo.post(
        reverse("breaches:assess", kwargs={"pk": breach.pk}),
        {
            "assess-likelihood": "remote",
            "assess-severity": "minimal",
            "assess-likely_consequences": "None",
            "assess-rationale": "Recalled",
        },
    )
    before = AuditEvent.objects.count()
    response = dpo.post(reverse("breaches:decide_ico", kwargs={"pk": breach.pk}), {"ico-notify": "no"})
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter why the breach is not being reported to the ICO" in page
    breach.refresh_from_db()
    assert breach.ico_decision == "pending" and AuditEvent.objects.count() == before


def test_a_refused_assessment_keeps_what_was_typed(client_as, breach) -> None:
    response = client_as(Role.IG_OFFICER).post(
        reverse("breaches:assess", kwargs={"pk": breach.pk}), {"assess-rationale": "Typed so far"}
    )
    page = response.content.decode()
    assert "Select how likely it is that people will suffer harm" in page
    assert "Typed so far" in page
    breach.refresh_from_db()
    assert breach.state == BreachState.REPORTED


def test_the_dashboard_shows_undecided_breaches_to_the_breach_team_only(client_as, breach) -> None:
    page = client_as(Role.DPO).get("/staff/").content.decode()
    assert "Breaches awaiting an ICO decision" in page
    assert "BR-2026-0001" in page and "41 hours left" in page
    assert "BR-2026-0001" not in client_as(Role.CASEWORKER).get("/staff/").content.decode()


def test_an_overdue_breach_is_red_on_the_dashboard(client_as, breach, at) -> None:
    at(datetime(2026, 12, 28, 9, 0, tzinfo=LONDON))
    page = client_as(Role.DPO).get("/staff/").content.decode()
    assert 'govuk-tag--red" data-countdown>Overdue: the decision was due by Sun 27 Dec 2026 16:30' in page


def test_the_register_filters_by_state(client_as, breach) -> None:
    dpo = client_as(Role.DPO)
    assert "BR-2026-0001" in dpo.get(reverse("breaches:register") + "?state=reported").content.decode()
    assert "BR-2026-0001" not in dpo.get(reverse("breaches:register") + "?state=closed").content.decode()
    assert dpo.get(reverse("breaches:register") + "?state=nonsense").status_code == 200


def test_report_as_misdirected_starts_from_what_was_sent_and_links_the_case(client_as, staff, at) -> None:
    at(NOW)
    case = make_case(received_on=date(2026, 12, 1))
    IssuedLetter.objects.create(
        case=case,
        kind="response",
        delivery=LetterDelivery.EMAIL,
        dated=date(2026, 12, 20),
        subject="Our response to your request",
        body="...",
        sent_to="wrong.person@example.com",
        issued_by=staff(Role.CASEWORKER),
    )
    caseworker = client_as(Role.CASEWORKER)
    assert "Report as misdirected" in caseworker.get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    url = reverse("breaches:report_misdirected", kwargs={"case_pk": case.pk})
    page = caseworker.get(url).content.decode()
    assert "Our response to your request, dated 20 December 2026, Emailed to wrong.person@example.com" in page
    assert f"the requester on case {case.reference}" in page
    caseworker.post(
        url,
        {
            "description": "Sent to the wrong person",
            "aware_on": "25/12/2026",
            "aware_time": "09:00",
            "data_categories": "Response",
            "people_affected": "1",
        },
    )
    assert Breach.objects.get().case == case


def test_the_reporter_sees_their_confirmation_but_not_others(client_as, breach) -> None:
    url = reverse("breaches:reported", kwargs={"pk": breach.pk})
    assert client_as(Role.CASEWORKER).get(url).status_code == 200
    assert client_as(Role.SERVICE_LEAD).get(url).status_code == 404
    assert client_as(Role.DPO).get(url).status_code == 200


def test_a_recorded_decision_is_shown_in_the_form_to_revise_it(client_as, breach, staff) -> None:
    from pledge.breaches import services
    from pledge.law.breach import Likelihood, Severity

    dpo = staff(Role.DPO)
    assessed = services.assess_breach(
        breach=breach,
        actor=dpo,
        likelihood=Likelihood.REMOTE,
        severity=Severity.MINIMAL,
        special_category=False,
        criminal_offence=False,
        data_unintelligible=False,
        people_affected=1,
        records_affected=1,
        likely_consequences="None",
        rationale="Recalled",
    )
    services.decide_ico(breach=assessed, actor=dpo, notify=False, reasons_not_notified="Recalled unread in minutes")
    page = client_as(Role.DPO).get(reverse("breaches:breach", kwargs={"pk": breach.pk})).content.decode()
    assert "Not reported: Recalled unread in minutes" in page
    assert "\nRecalled unread in minutes</textarea>" in page
