"""The panel's forms: a good post goes back to the case page with a message; a bad one shows a GOV.UK error summary
on a page of its own and saves nothing."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.core.roles import Role
from pledge.fulfilment.models import Correction, Disagreement, ErasureOutcome, RecipientNotice, Restriction
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def at(today, register):
    return today(date(2026, 12, 10))


@pytest.fixture
def client(client_as):
    return client_as(Role.CASEWORKER)


def _url(name: str, case, **kwargs) -> str:
    return reverse(f"fulfilment:{name}", kwargs={"pk": case.pk, **kwargs})


def _errors(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None, "no error summary"
    assert html.title.get_text(strip=True).startswith("Error: ")
    return [a.get_text(strip=True) for a in summary.select("a")]


def test_a_correction_goes_back_to_the_case_page_and_is_listed(at, client, revenues) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    data = {
        "correction-system": revenues.pk,
        "correction-record_reference": "CT-1001",
        "correction-was": "Flat 2",
        "correction-now": "Flat 3",
        "correction-corrected_on": "9/12/2026",
    }

    response = client.post(_url("correction", case), data)

    assert response.status_code == 302
    assert response["Location"] == f"/staff/cases/{case.pk}/#fulfilment"
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "Correction recorded." in page
    assert "Flat 3" in page
    assert Correction.objects.get().now == "Flat 3"


def test_a_blank_correction_shows_every_error_and_saves_nothing(at, client) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))

    response = client.post(_url("correction", case), {"correction-corrected_on": "31/2/2026"})

    assert response.status_code == 200
    assert _errors(response) == [
        "Select the system the record is in",
        "Enter the record's reference in that system",
        "Enter what was wrong",
        "Enter what the record says now",
        "Enter a real date, for example 27/3/2026",
    ]
    assert Correction.objects.count() == 0


def test_a_future_date_is_refused_with_a_message(at, client, revenues) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    data = {
        "restriction-system": revenues.pk,
        "restriction-record_reference": "CT-1",
        "restriction-ground": "b",
        "restriction-scope": "All of it",
        "restriction-started_on": "11/12/2026",
    }

    assert _errors(client.post(_url("restrict", case), data)) == ["The date cannot be in the future"]
    assert Restriction.objects.count() == 0


def test_submitting_the_same_restriction_twice_saves_it_once(at, client, revenues) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    data = {
        "restriction-system": revenues.pk,
        "restriction-record_reference": "CT-1",
        "restriction-ground": "b",
        "restriction-scope": "All of it",
        "restriction-started_on": "10/12/2026",
    }

    assert client.post(_url("restrict", case), data).status_code == 302
    assert _errors(client.post(_url("restrict", case), data)) == ["That record is already restricted for this request"]
    assert Restriction.objects.count() == 1


def test_a_disagreement_with_a_wrong_type_of_file_is_refused(at, client, housing, private_files) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    data = {
        "disagreement-reasons": "Opinion, not fact",
        "disagreement-statement": "I disagree",
        "disagreement-system": housing.pk,
        "disagreement-record_reference": "HSG-1",
        "disagreement-decided_on": "10/12/2026",
        "disagreement-statement_file": SimpleUploadedFile("statement.pdf", b"<script>alert(1)</script>"),
    }

    response = client.post(_url("disagreement", case), data)

    assert _errors(response) == ["The selected file is not a real PDF"]
    assert Disagreement.objects.count() == 0
    assert not any(p.is_file() for p in private_files.rglob("*"))


def test_a_disagreement_with_a_statement_file_is_saved_and_downloadable(at, client, housing) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    data = {
        "disagreement-reasons": "Opinion, not fact",
        "disagreement-statement": "I disagree",
        "disagreement-system": housing.pk,
        "disagreement-record_reference": "HSG-1",
        "disagreement-decided_on": "10/12/2026",
        "disagreement-statement_file": SimpleUploadedFile("my statement.txt", b"I disagree strongly"),
    }

    assert client.post(_url("disagreement", case), data).status_code == 302

    disagreement = Disagreement.objects.get()
    html = BeautifulSoup(client.get(f"/staff/cases/{case.pk}/").content, "html.parser")
    link = html.find("a", string=lambda s: s and "Download the statement" in s)
    assert "my statement.txt" in link.get_text()
    assert client.get(link["href"]).content == b"I disagree strongly"
    assert "Housing system, record HSG-1" in html.select_one(f"[data-disagreement='{disagreement.pk}']").get_text()


def test_a_kept_record_without_its_ground_shows_the_error_on_that_field(at, client, revenues) -> None:
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1))
    data = {
        "erasure-system": revenues.pk,
        "erasure-record_reference": "CT-1",
        "erasure-result": "kept",
        "erasure-done_on": "10/12/2026",
    }

    response = client.post(_url("erasure", case), data)

    assert _errors(response) == ["Select the Art 17(3) ground for keeping the record"]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".govuk-error-summary a")["href"] == "#id_erasure-keep_ground"
    assert ErasureOutcome.objects.count() == 0


def test_lifting_without_telling_the_person_first_is_refused(at, client, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    restriction = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    prefix = f"lift-{restriction.pk}"
    data = {
        f"{prefix}-person_told_on": "10/12/2026",
        f"{prefix}-person_told_how": "letter",
        f"{prefix}-reasons": "Checked",
        f"{prefix}-lifted_on": "9/12/2026",
    }

    response = client.post(_url("lift", case, item=restriction.pk), data)
    assert _errors(response) == ["The person must be told before the restriction is lifted (Art 18(3))"]
    assert Restriction.objects.get().active

    data[f"{prefix}-lifted_on"] = "10/12/2026"
    assert client.post(_url("lift", case, item=restriction.pk), data).status_code == 302
    assert not Restriction.objects.get().active


def test_telling_a_recipient_is_recorded_and_they_leave_the_untold_list(at, client, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    dwp = case.activities.get().recipients.get(slug="dwp")

    no_date = client.post(_url("recipient", case), {"recipient-recipient": dwp.pk, "recipient-outcome": "told"})
    assert _errors(no_date) == ["Enter the date the recipient was told"]
    no_method = {"recipient-recipient": dwp.pk, "recipient-outcome": "told", "recipient-told_on": "10/12/2026"}
    assert _errors(client.post(_url("recipient", case), no_method)) == ["Select how the recipient was told"]

    data = {
        "recipient-recipient": dwp.pk,
        "recipient-outcome": "told",
        "recipient-told_on": "10/12/2026",
        "recipient-method": "email",
    }
    assert client.post(_url("recipient", case), data).status_code == 302

    html = BeautifulSoup(client.get(f"/staff/cases/{case.pk}/").content, "html.parser")
    assert "Told on 10 December 2026 by email, recorded by caseworker-person" in html.select_one(
        "tr[data-recipient='dwp']"
    ).get_text(" ", strip=True)
    choices = [o.get_text(strip=True) for o in html.select("select[name='recipient-recipient'] option")]
    assert choices == ["Select a recipient", "Example Mailing Ltd"]
    again = client.post(_url("recipient", case), data)
    assert _errors(again) == ["Select a recipient of this request"]
    assert RecipientNotice.objects.count() == 1


def test_a_correction_on_an_access_request_is_refused(at, client, revenues) -> None:
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    data = {
        "correction-system": revenues.pk,
        "correction-record_reference": "CT-1001",
        "correction-was": "A",
        "correction-now": "B",
        "correction-corrected_on": "9/12/2026",
    }
    assert _errors(client.post(_url("correction", case), data)) == [
        "Corrections are recorded on rectification requests only"
    ]


def test_the_lift_page_names_the_restriction_it_lifts(at, client, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    restriction = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))

    html = BeautifulSoup(client.get(_url("lift", case, item=restriction.pk)).content, "html.parser")

    assert html.h1.get_text() == "Lift the restriction"
    assert (
        html.select_one("[data-about]").get_text()
        == "Revenues system, record CT-1001: Accuracy contested (Art 18(1)(a))"
    )
