"""The case page's "Exemptions and refusals" section: decisions listed, forms for case handlers only, errors shown."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pledge.casework.models import Case, ExemptionDecision
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db
KEYS = ["record-exemption", "refuse", "charge-fee", "fee-received"]
NOT_HANDLERS = [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)]
EXEMPTION = {
    "record-exemption-code": "CRIME_TAX",
    "record-exemption-scope": "Fraud team notes",
    "record-exemption-reasoning": "Live council tax fraud inquiry",
    "record-exemption-on": "10/12/2026",
}


@pytest.fixture
def case(today) -> Case:
    today(date(2026, 12, 10))
    return make_case(received_on=date(2026, 11, 30))


def _page(client, case) -> BeautifulSoup:
    return BeautifulSoup(client.get(f"/staff/cases/{case.pk}/").content, "html.parser")


def _post(client, case, key: str, data: dict[str, str]):
    return client.post(reverse("cases:action", kwargs={"pk": case.pk, "action": key}), data)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("role", NOT_HANDLERS)
def test_roles_without_the_handling_permission_get_403(case, client_as, key, role) -> None:
    assert _post(client_as(role), case, key, EXEMPTION).status_code == 403
    assert ExemptionDecision.objects.count() == 0


def test_a_handler_sees_the_catalogue_with_each_provision_and_test(case, client_as) -> None:
    html = _page(client_as(Role.CASEWORKER), case)
    assert html.find("h2", id="exemptions").get_text() == "Exemptions and refusals"
    form = html.select_one("form[action$='/record-exemption/']")
    label = form.find("label", attrs={"for": "id_record-exemption-code"}).get_text(strip=True)
    assert label == "Information about another person (DPA 2018 Sch 2 para 16)"
    text = form.get_text(" ", strip=True)
    assert "Crime and taxation (DPA 2018 Sch 2 para 2) [paragraph not verified]" in text
    assert "likely to prejudice preventing or detecting crime" in text


def test_the_refusal_form_lists_what_the_refusal_must_state(case, client_as) -> None:
    html = _page(client_as(Role.CASEWORKER), case)
    items = [li.get_text(strip=True) for li in html.select("[data-refusal-must-state] li")]
    assert len(items) == 4
    assert "Information Commissioner's Office" in items[1]
    assert "judicial remedy" in items[2]
    assert items[3] == "Their right to complain to the council first (DPA 2018 s.164A)"


def test_a_reader_sees_the_section_but_no_forms(case, client_as) -> None:
    html = _page(client_as(Role.AUDITOR), case)
    assert "No exemptions recorded." in html.get_text()
    assert not [f for f in html.select("form") if any(k in f.get("action", "") for k in KEYS)]


def test_recording_an_exemption_lists_it_on_the_page(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    response = _post(client, case, "record-exemption", EXEMPTION)
    assert response.status_code == 302
    text = _page(client, case).get_text(" ", strip=True)
    assert "Exemption recorded." in text
    assert "Crime and taxation (CRIME_TAX)" in text
    assert "DPA 2018 Sch 2 para 2 (not verified)" in text
    assert "Live council tax fraud inquiry" in text


def test_a_missing_reasoning_shows_the_error_summary_and_saves_nothing(case, client_as) -> None:
    response = _post(
        client_as(Role.CASEWORKER), case, "record-exemption", {**EXEMPTION, "record-exemption-reasoning": ""}
    )
    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert html.title.get_text().startswith("Error:")
    assert "Enter why the exemption applies" in html.select_one(".govuk-error-summary").get_text()
    assert ExemptionDecision.objects.count() == 0


def test_a_third_party_exemption_without_the_factors_is_refused_with_the_reason(case, client_as) -> None:
    data = {**EXEMPTION, "record-exemption-code": "THIRD_PARTY", "record-exemption-third_party_consent": "given"}
    response = _post(client_as(Role.CASEWORKER), case, "record-exemption", data)
    summary = BeautifulSoup(response.content, "html.parser").select_one(".govuk-error-summary").get_text()
    assert "The other person consented" in summary
    assert ExemptionDecision.objects.count() == 0


def test_refusing_moves_the_case_to_responded(case, client_as) -> None:
    data = {"refuse-ground": "manifestly_unfounded", "refuse-reasons": "Made only to harass", "refuse-on": "10/12/2026"}
    assert _post(client_as(Role.CASEWORKER), case, "refuse", data).status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.refusal_ground) == (CaseState.RESPONDED, "manifestly_unfounded")


def test_charging_then_receiving_a_fee_moves_the_due_date(case, client_as, today) -> None:
    client = client_as(Role.CASEWORKER)
    fee = {"charge-fee-amount": "10.00", "charge-fee-reasons": "Repeat request", "charge-fee-on": "10/12/2026"}
    assert _post(client, case, "charge-fee", fee).status_code == 302
    assert _page(client, case).select_one("form[action$='/fee-received/']") is not None
    today(date(2026, 12, 21))
    assert _post(client, case, "fee-received", {"fee-received-on": "21/12/2026"}).status_code == 302
    assert Case.objects.get(pk=case.pk).due_on == date(2027, 1, 21)
    text = _page(client, case).get_text(" ", strip=True)
    assert "£10.00, asked for 10 December 2026, received 21 December 2026" in text


def test_a_fee_of_nothing_is_an_error_on_the_field(case, client_as) -> None:
    fee = {"charge-fee-amount": "0", "charge-fee-reasons": "Repeat request", "charge-fee-on": "10/12/2026"}
    response = _post(client_as(Role.CASEWORKER), case, "charge-fee", fee)
    assert "Enter a fee of more than £0" in BeautifulSoup(response.content, "html.parser").get_text()
    assert Case.objects.get(pk=case.pk).fee_amount is None
