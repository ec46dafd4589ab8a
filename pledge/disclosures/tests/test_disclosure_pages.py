"""The staff pages: log and filters, a new entry with its error summary, decisions, telling, amending, checks."""

from datetime import date

import pytest
from django.urls import reverse

from pledge.core.roles import Role
from pledge.disclosures.models import Disclosure, Status, TellDecision
from pledge.disclosures.tests.conftest import PERSON_EMAIL

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "police",
    "recipient_name": "",
    "purpose": "Tracing a suspect",
    "data_items": "Current address\nPhone number",
    "special_category": "no",
    "for_marketing": "no",
    "necessity": "Needed to make an arrest",
    "minimum_data": "Current address only",
    "person_email": PERSON_EMAIL,
    "route": "exemption",
    "exemption": "crime_tax",
    "justification": "Not knowing the address would prejudice the arrest",
    "consent_sought": "no",
    "consent_not_sought_reason": "unsafe",
}


def test_the_log_lists_entries_and_filters_them(approved, logged, client_as) -> None:
    client = client_as(Role.AUDITOR)
    page = client.get(reverse("disclosures:log")).content.decode()
    assert approved.reference in page and "Without consent" in page
    filtered = client.get(reverse("disclosures:log"), {"status": "refused"}).content.decode()
    assert approved.reference not in filtered and "No disclosures match" in filtered
    by_kind = client.get(reverse("disclosures:log"), {"kind": "police", "recipient": "anyshire-constabulary"})
    assert approved.reference in by_kind.content.decode()


def test_a_caseworker_logs_a_police_request(police, client_as) -> None:
    response = client_as(Role.CASEWORKER).post(reverse("disclosures:new"), GOOD | {"recipient": police.pk})
    entry = Disclosure.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{entry.reference}/")
    assert entry.data_items == ["Current address", "Phone number"] and len(entry.subject_ids) == 1
    assert PERSON_EMAIL not in str(entry.subject_ids) and entry.subject_ids[0].startswith("em_")


def test_a_refused_entry_shows_the_error_summary_and_keeps_what_was_typed(client_as) -> None:
    response = client_as(Role.CASEWORKER).post(reverse("disclosures:new"), GOOD | {"justification": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Select the recipient, or enter its name" in page
    assert "Needed to make an arrest" in page and not Disclosure.objects.exists()


def test_a_rule_refusal_is_shown_against_its_field(police, client_as) -> None:
    response = client_as(Role.CASEWORKER).post(
        reverse("disclosures:new"), GOOD | {"recipient": police.pk, "minimum_data": ""}
    )
    assert "Enter the minimum data released" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_a_service_lead_approves_from_the_detail_page(logged, client_as) -> None:
    client = client_as(Role.SERVICE_LEAD)
    assert (
        "Approve the disclosure" in client.get(reverse("disclosures:detail", args=[logged.reference])).content.decode()
    )
    response = client.post(reverse("disclosures:approve", args=[logged.reference]))
    assert response.status_code == 302
    assert Disclosure.objects.get(pk=logged.pk).status == Status.APPROVED


def test_the_requester_sees_no_decision_and_cannot_approve(police, client_as, staff) -> None:
    client = client_as(Role.DPO)
    client.post(reverse("disclosures:new"), GOOD | {"recipient": police.pk})
    entry = Disclosure.objects.get()
    assert (
        "Approve the disclosure"
        not in client.get(reverse("disclosures:detail", args=[entry.reference])).content.decode()
    )
    response = client.post(reverse("disclosures:approve", args=[entry.reference]))
    assert "Someone other than the person who logged" in response.content.decode()
    assert Disclosure.objects.get().status == Status.AWAITING_APPROVAL


def test_a_refusal_needs_a_reason_on_the_page(logged, client_as) -> None:
    client = client_as(Role.IG_OFFICER)
    response = client.post(reverse("disclosures:refuse", args=[logged.reference]), {"reason": ""})
    assert "There is a problem" in response.content.decode()
    client.post(reverse("disclosures:refuse", args=[logged.reference]), {"reason": "Not signed off by an inspector"})
    assert Disclosure.objects.get(pk=logged.pk).status == Status.REFUSED


def test_the_tell_page_records_a_decision_not_to_tell(approved, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    page = client.get(reverse("disclosures:tell", args=[approved.reference])).content.decode()
    assert "Anyshire Constabulary" in page and "Current address" in page
    bad = client.post(reverse("disclosures:tell", args=[approved.reference]), {"step": "not_safe", "reasons": "Live"})
    assert "Enter the date to reconsider" in bad.content.decode()
    client.post(
        reverse("disclosures:tell", args=[approved.reference]),
        {"step": "not_safe", "reasons": "Live investigation", "review_on": "1/3/2027"},
    )
    assert TellDecision.objects.get().review_on == date(2027, 3, 1)


def test_the_letter_downloads_as_text(approved, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(reverse("disclosures:letter", args=[approved.reference]))
    assert response["Content-Type"].startswith("text/plain") and b"Anyshire Constabulary" in response.content


def test_an_approved_entry_is_amended_by_a_new_entry(approved, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    form = client.get(reverse("disclosures:amend", args=[approved.reference])).content.decode()
    assert "Tracing a suspect in a burglary investigation" in form
    data = GOOD | {
        "recipient": approved.recipient_id,
        "person_email": "",
        "amendment_reason": "Only the address went",
        "data_items": "Current address",
    }
    response = client.post(reverse("disclosures:amend", args=[approved.reference]), data)
    amendment = Disclosure.objects.exclude(pk=approved.pk).get()
    assert response.status_code == 302 and amendment.amends == approved
    assert amendment.subject_ids == approved.subject_ids


def test_an_entry_awaiting_approval_has_no_amend_page(logged, client_as) -> None:
    assert client_as(Role.CASEWORKER).get(reverse("disclosures:amend", args=[logged.reference])).status_code == 404


def test_the_checks_page_records_a_recipients_checks(unchecked, client_as) -> None:
    client = client_as(Role.SERVICE_LEAD)
    url = reverse("disclosures:checks", args=[unchecked.slug])
    assert "no due-diligence checks" in client.get(url).content.decode()
    data = {"agreement": "yes", "security_assurance": "yes", "contract": "no", "review_on": "1/6/2027"}
    client.post(url, data)
    assert "incomplete: contract" in client.get(url).content.decode()


def test_the_recipients_page_shows_which_are_blocked(police, unchecked, client_as) -> None:
    page = client_as(Role.AUDITOR).get(reverse("disclosures:recipients")).content.decode()
    assert page.index("Anyshire Leisure Trust") < page.index("Anyshire Constabulary")
    assert "no due-diligence checks" in page and "Complete" in page


def test_the_consent_route_offers_the_ledgers_sharing_purposes(sharing_consent, client_as) -> None:
    page = client_as(Role.CASEWORKER).get(reverse("disclosures:new")).content.decode()
    assert 'value="sharing:leisure-referrals"' in page and "Referrals to Anyshire Leisure Trust" in page


def test_an_activity_is_kept_to_legal_requirement_from_its_page(client_as) -> None:
    from pledge.disclosures.models import SharingRestriction
    from pledge.register.tests.factories import make_activity, make_controller, make_service

    activity = make_activity(service=make_service(controller=make_controller()), slug="birth-registration")
    client = client_as(Role.DPO)
    url = reverse("disclosures:activity_sharing", args=[activity.slug])
    assert "Select yes or no" in client.post(url, {}).content.decode()
    client.post(url, {"only": "yes", "source": "Notice: not shared unless the law requires it"})
    assert SharingRestriction.objects.get(activity=activity).legal_requirement_only
    assert "Only where the law requires it" in client.get(reverse("disclosures:activities")).content.decode()
    client.post(url, {"only": "no"})
    assert not SharingRestriction.objects.get(activity=activity).legal_requirement_only


def test_a_recipient_outside_the_register_is_flagged_on_the_entry(staff, client_as) -> None:
    from pledge.disclosures import services
    from pledge.disclosures.tests.conftest import police_details

    entry = services.log_disclosure(
        actor=staff(Role.CASEWORKER), details=police_details(None, recipient_name="British Transport Police")
    )
    page = client_as(Role.AUDITOR).get(reverse("disclosures:detail", args=[entry.reference])).content.decode()
    assert "The recipient is not in the register" in page and "(not in the register)" in page
