"""The discovery section of the case page: start a search, watch it, decide on records, download the record."""

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from pledge.core.models import AuditAction, AuditEvent, User
from pledge.core.roles import Role
from pledge.discovery.models import Candidate, CandidateDecision, DiscoveryRun, RunState
from pledge.discovery.tests.discovery_factories import freeze, make_case, run_now, set_up_estate

pytestmark = pytest.mark.django_db


def client_for(role: Role) -> tuple[Client, User]:
    user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def case(settings, tmp_path, time_machine):
    set_up_estate(settings, tmp_path)
    freeze(time_machine, date(2026, 6, 20))
    return make_case(received_on=date(2026, 6, 10))


def _page(client: Client, case) -> str:
    response = client.get(reverse("cases:case", kwargs={"pk": case.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_start_form_begins_with_the_requesters_identifiers(case) -> None:
    client, _ = client_for(Role.CASEWORKER)
    page = _page(client, case)
    assert "Finding the requester's records" in page
    assert 'value="Robert Smith"' in page
    assert 'value="TT1 1AA"' in page  # the postcode, read from the address
    assert 'value="electoral-register"' in page  # a system that may be left out


def test_starting_a_search_queues_it_and_shows_progress(case, django_capture_on_commit_callbacks) -> None:
    client, _ = client_for(Role.CASEWORKER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("discovery:start", kwargs={"pk": case.pk}),
            {"discovery-name": "Robert Smith", "discovery-date_of_birth": "3/2/1980", "discovery-email": ""},
        )
    assert response.status_code == 302 and response["Location"].endswith("#discovery")
    run = DiscoveryRun.objects.get(case=case)
    assert (run.state, run.identifiers["date_of_birth"]) == (RunState.QUEUED, "1980-02-03")
    page = _page(client, case)
    assert "Search the systems" not in page  # no second search while one waits
    assert "0 of the systems searched" in page and "Check progress" in page


def test_bad_input_shows_the_error_summary_and_queues_nothing(case) -> None:
    client, _ = client_for(Role.CASEWORKER)
    response = client.post(
        reverse("discovery:start", kwargs={"pk": case.pk}),
        {"discovery-name": "", "discovery-email": "not an email", "discovery-excluded": ["newsletters"]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter the name to search for" in page
    assert "Give the reason the systems are left out of the search" in page
    assert not DiscoveryRun.objects.exists()


def test_candidates_show_by_system_with_why_they_matched_and_can_be_decided(case) -> None:
    client, user = client_for(Role.CASEWORKER)
    run = run_now(case, user)
    page = _page(client, case)
    assert "Email Newsletters: 1 possible record" in page
    assert "Bob and Robert are forms of Robert" in page
    assert "Download the search record (PDF)" in page
    news = run.candidates.get(key="N1")
    url = reverse("discovery:decide", kwargs={"pk": case.pk, "candidate_pk": news.pk})
    refused = client.post(url, {f"decide-{news.pk}-decision": "reject", f"decide-{news.pk}-note": ""})
    assert refused.status_code == 200 and "Say why this record is not the requester" in refused.content.decode()
    assert client.post(url, {f"decide-{news.pk}-decision": "confirm"}).status_code == 302
    assert Candidate.objects.get(pk=news.pk).decision == CandidateDecision.CONFIRMED


def test_the_search_record_downloads_as_a_pdf_and_the_download_is_audited(case) -> None:
    client, user = client_for(Role.CASEWORKER)
    run = run_now(case, user)
    auditor, _ = client_for(Role.AUDITOR)
    response = auditor.get(reverse("discovery:search_record", kwargs={"pk": case.pk, "run_pk": run.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Council Tax: searched, 1 possible record" in " ".join(text.split())
    assert "Electoral Register: not searched" in " ".join(text.split())
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, summary=f"Search record of discovery run {run.pk} downloaded as PDF"
    ).exists()


def test_conditions_and_address_changes_are_recorded_from_the_page(case) -> None:
    client, user = client_for(Role.CASEWORKER)
    run = run_now(case, user)
    tax = run.candidates.get(key="CT1")
    client.post(
        reverse("discovery:decide", kwargs={"pk": case.pk, "candidate_pk": tax.pk}),
        {f"decide-{tax.pk}-decision": "confirm"},
    )
    response = client.post(
        reverse("discovery:add_condition", kwargs={"pk": case.pk}),
        {"condition-recipient": "Sam Doe", "condition-detail": "Never my address"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("discovery:add_address_change", kwargs={"pk": case.pk}),
        {"address-change-new_address": "2 New Road", "address-change-new_postcode": "TT2 2BB"},
    )
    assert response.status_code == 302
    page = _page(client, case)
    assert "Do not share with Sam Doe" in page
    assert "Council Tax, accounts CT1: To update" in page


def test_read_only_staff_see_the_section_without_forms(case) -> None:
    _, user = client_for(Role.CASEWORKER)
    run_now(case, user)
    auditor, _ = client_for(Role.AUDITOR)
    page = _page(auditor, case)
    assert "Council Tax: 1 possible record" in page
    assert "Save the decision" not in page and "Search again" not in page


def test_every_discovery_view_refuses_a_role_without_the_permission(case) -> None:
    _, user = client_for(Role.CASEWORKER)
    run = run_now(case, user)
    candidate = run.candidates.first()
    auditor, _ = client_for(Role.AUDITOR)
    posts = [
        reverse("discovery:start", kwargs={"pk": case.pk}),
        reverse("discovery:decide", kwargs={"pk": case.pk, "candidate_pk": candidate.pk}),
        reverse("discovery:add_condition", kwargs={"pk": case.pk}),
        reverse("discovery:lift_condition", kwargs={"pk": case.pk, "condition_pk": 1}),
        reverse("discovery:add_address_change", kwargs={"pk": case.pk}),
        reverse("discovery:record_address_item", kwargs={"pk": case.pk, "item_pk": 1}),
    ]
    for url in posts:
        assert auditor.post(url, {}).status_code == 403, url
    lead, _ = client_for(Role.SERVICE_LEAD)
    pdf = reverse("discovery:search_record", kwargs={"pk": case.pk, "run_pk": run.pk})
    assert lead.get(pdf).status_code == 403
    assert Client().get(pdf).status_code == 302  # to sign-in
