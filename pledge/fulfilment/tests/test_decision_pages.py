"""The objection, review and Art 17(1) forms on the case page: who may use them, what bad input shows, and that a
good post is recorded once and shown in the panel."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import User
from pledge.core.roles import Permission, Role, roles_with
from pledge.fulfilment.models import DecisionReview, ErasureOutcome, ObjectionDecision
from pledge.fulfilment.services import open_decision_review
from pledge.fulfilment.tests.factories import make_case
from pledge.register.models import System

pytestmark = pytest.mark.django_db
NOT_HANDLERS = [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)]


@pytest.fixture
def rows(today, db):
    today(date(2026, 12, 10))
    return build_register()


@pytest.fixture
def objection(rows):
    return make_case(
        kind=CaseKind.OBJECTION,
        received_on=date(2026, 12, 1),
        activities=("council-tax-support", "recycling-newsletter", "council-tax-billing"),
    )


@pytest.fixture
def adm(rows):
    return make_case(
        kind=CaseKind.AUTOMATED_DECISION_REVIEW, received_on=date(2026, 12, 1), activities=("council-tax-support",)
    )


@pytest.fixture
def reviewer_client(db):
    user = User.objects.create_user(username="rhiannon", password=None, role=Role.IG_OFFICER)
    client = Client()
    client.force_login(user)
    return client


def _review(adm, rows):
    setter = User.objects.create_user(username="setter", password=None, role=Role.CASEWORKER)
    return open_decision_review(
        case=adm,
        activity=rows.support,
        original_decided_on=date(2026, 11, 20),
        original_outcome="Support reduced to £12",
        original_inputs="Universal Credit £1,200 a month",
        exception="a",
        reviewer=User.objects.get(username="rhiannon"),
        actor=setter,
    )


def _errors(response) -> list[str]:
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None, "no error summary"
    assert html.title.get_text(strip=True).startswith("Error: ")
    return [a.get_text(strip=True) for a in summary.select("a")]


def _url(name: str, case, **kwargs) -> str:
    return reverse(f"fulfilment:{name}", kwargs={"pk": case.pk, **kwargs})


def test_an_anonymous_visitor_is_sent_to_sign_in(objection, adm, rows, reviewer_client) -> None:
    review = _review(adm, rows)
    urls = [_url("objection", objection), _url("review", adm), _url("review_decision", adm, item=review.pk)]
    for url in urls:
        for method in ("get", "post"):
            response = getattr(Client(), method)(url)
            assert response.status_code == 302 and response["Location"].startswith("/staff/sign-in/"), url


@pytest.mark.parametrize("role", NOT_HANDLERS)
def test_roles_that_do_not_handle_cases_get_403_and_change_nothing(
    objection, adm, rows, reviewer_client, client_as, role
):
    review = _review(adm, rows)
    client = client_as(role)
    posts = {
        _url("objection", objection): {"objection-activity": rows.support.pk, "objection-outcome": "stopped"},
        _url("review", adm): {"review-activity": rows.support.pk},
        _url("review_decision", adm, item=review.pk): {"decision-result": "changed"},
    }
    for url, data in posts.items():
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert ObjectionDecision.objects.count() == 0
    review.refresh_from_db()
    assert not review.decided


def test_an_objection_decision_is_recorded_once_and_shown_per_activity(objection, rows, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    page = client.get(f"/staff/cases/{objection.pk}/").content.decode()
    assert 'id="objections"' in page and "Right does not apply" in page and "To decide" in page
    data = {
        "objection-activity": rows.support.pk,
        "objection-outcome": "stopped",
        "objection-how_stopped": "CTS-1 flagged: no recalculation",
        "objection-decided_on": "9/12/2026",
    }

    first = client.post(_url("objection", objection), data)
    again = client.post(_url("objection", objection), data)

    assert first.status_code == 302 and first["Location"] == f"/staff/cases/{objection.pk}/#fulfilment"
    assert "Select one of the activities this request concerns that still needs a decision" in _errors(again)
    assert ObjectionDecision.objects.count() == 1
    page = client.get(f"/staff/cases/{objection.pk}/").content.decode()
    assert "Objection decision recorded." in page
    assert "Stopped on 9 December 2026 by caseworker-person: CTS-1 flagged: no recalculation" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select the activity"),
        ({"objection-outcome": "carry_on", "objection-carry_on_ground": "legal_claims"}, "absolute"),
        ({"objection-activity": "billing"}, "The right to object does not apply to this activity"),
        ({"objection-decided_on": "31/2/2026"}, "Enter a real date"),
        ({"objection-decided_on": "11/12/2026"}, "The date cannot be in the future"),
        ({"objection-how_stopped": ""}, "Enter how the processing was stopped"),
    ],
)
def test_a_bad_objection_decision_shows_the_error_summary_and_saves_nothing(objection, rows, client_as, data, message):
    values = {
        "objection-activity": rows.newsletter.pk,
        "objection-outcome": "stopped",
        "objection-how_stopped": "Removed from the list",
        "objection-decided_on": "9/12/2026",
    }
    if data.get("objection-activity") == "billing":
        data = {"objection-activity": rows.billing.pk}
    values.update(data)
    if not data:
        values.pop("objection-activity")
    response = client_as(Role.CASEWORKER).post(_url("objection", objection), values)

    assert any(message in error for error in _errors(response)), _errors(response)
    assert ObjectionDecision.objects.count() == 0


def test_a_review_is_set_up_and_only_the_named_reviewer_gets_the_decision_form(
    adm, rows, client_as, reviewer_client
) -> None:
    caseworker = client_as(Role.CASEWORKER)
    reviewer = User.objects.get(username="rhiannon")
    bad = caseworker.post(_url("review", adm), {"review-activity": rows.support.pk, "review-exception": "b"})
    errors = _errors(bad)
    assert "Enter the date of the automated decision" in errors and "Select who will review the decision" in errors
    data = {
        "review-activity": rows.support.pk,
        "review-original_decided_on": "20/11/2026",
        "review-original_outcome": "Support reduced to £12",
        "review-original_inputs": "Universal Credit £1,200 a month",
        "review-exception": "b",
        "review-exception_law": "",
        "review-reviewer": reviewer.pk,
    }
    assert "Enter the law that requires or authorises" in " ".join(_errors(caseworker.post(_url("review", adm), data)))
    data["review-exception_law"] = "Council Tax Reduction Schemes Regulations 2012"
    assert caseworker.post(_url("review", adm), data).status_code == 302

    review = DecisionReview.objects.get()
    decision_url = _url("review_decision", adm, item=review.pk)
    assert decision_url not in caseworker.get(f"/staff/cases/{adm.pk}/").content.decode()
    page = reviewer_client.get(f"/staff/cases/{adm.pk}/").content.decode()
    assert decision_url in page and "Required or authorised by law (Art 22(2)(b))" in page
    prefix = f"decision-{review.pk}"
    decision = {
        f"{prefix}-result": "changed",
        f"{prefix}-new_decision": "Support stays at £40",
        f"{prefix}-reasons": "The job started in December.",
        f"{prefix}-decided_on": "9/12/2026",
    }
    assert "Only the named reviewer (rhiannon)" in " ".join(_errors(caseworker.post(decision_url, decision)))
    assert reviewer_client.post(decision_url, {**decision, f"{prefix}-reasons": ""}).status_code == 200
    assert reviewer_client.post(decision_url, decision).status_code == 302
    review.refresh_from_db()
    assert (review.result, review.reasons) == ("changed", "The job started in December.")
    assert "already recorded" in " ".join(_errors(reviewer_client.post(decision_url, decision)))


def test_an_erasure_without_an_art_17_1_ground_is_refused_on_the_form(today, register, client_as) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1))
    system = System.objects.get(slug="revenues-system")
    data = {
        "erasure-system": system.pk,
        "erasure-record_reference": "CT-1001",
        "erasure-result": "erased",
        "erasure-done_on": "9/12/2026",
    }
    client = client_as(Role.CASEWORKER)

    errors = _errors(client.post(_url("erasure", case), data))

    assert any("Select the Art 17(1) ground for erasing it" in e for e in errors)
    assert ErasureOutcome.objects.count() == 0
    assert client.post(_url("erasure", case), {**data, "erasure-erase_ground": "no_lawful_basis"}).status_code == 302
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "No lawful basis (Art 17(1)(d))" in page
