"""Staff consent pages: anonymous visitors go to sign in; a role without the permission gets 403."""

import pytest
from django.urls import reverse

from pledge.core.roles import Permission, Role, roles_with

from .api_calls import SUBJECT

VIEW_PAGES = [reverse("consent:find"), reverse("consent:person", kwargs={"subject": SUBJECT})]
RECORD_PAGES = [
    reverse("consent:record", kwargs={"subject": SUBJECT}),
    reverse("consent:record_representative", kwargs={"subject": SUBJECT}),
    reverse("consent:withdraw", kwargs={"subject": SUBJECT}),
    reverse("consent:blanket", kwargs={"subject": SUBJECT, "kind": "opt-out"}),
    reverse("consent:blanket", kwargs={"subject": SUBJECT, "kind": "object"}),
]


@pytest.mark.parametrize("url", VIEW_PAGES + RECORD_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"] or "sign-in" in response["Location"]


@pytest.mark.parametrize("url", VIEW_PAGES)
@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.VIEW_CONSENT)])
def test_a_role_without_view_consent_is_refused(client_as, ledger, url, role):
    assert client_as(role).get(url).status_code == 403


@pytest.mark.parametrize("url", RECORD_PAGES)
@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.RECORD_CONSENT)])
def test_a_role_without_record_consent_is_refused_to_read_or_post(client_as, ledger, url, role):
    client = client_as(role)
    assert client.get(url).status_code == 403
    assert client.post(url, {"channel": "phone"}).status_code == 403


@pytest.mark.parametrize("url", VIEW_PAGES + RECORD_PAGES)
def test_a_role_with_the_permission_sees_the_page(client_as, ledger, url):
    assert client_as(Role.CASEWORKER).get(url).status_code == 200


def test_an_auditor_reads_the_history_without_the_record_links(client_as, ledger):
    page = client_as(Role.AUDITOR).get(reverse("consent:person", kwargs={"subject": SUBJECT})).content.decode()
    assert "Consent history" in page and "Record a consent" not in page


def test_a_malformed_subject_in_the_url_is_not_found(client_as, ledger):
    assert client_as(Role.CASEWORKER).get("/staff/consent/people/ada@example.com/").status_code == 404
