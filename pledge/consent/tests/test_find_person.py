"""Staff find a person by a POSTed email address; only the pseudonymous subject id reaches a URL."""

from django.urls import reverse

from pledge.core.roles import Role

from .api_calls import SUBJECT


def test_it_finds_a_person_by_email_address_and_shows_their_history_by_subject_id(client_as, ledger):
    response = client_as(Role.CASEWORKER).post(reverse("consent:find"), {"person": "Ada.Fictional@example.com "})
    assert response.status_code == 302
    assert response["Location"] == reverse("consent:person", kwargs={"subject": SUBJECT})
    assert "example.com" not in response["Location"]


def test_it_accepts_a_subject_id(client_as, ledger):
    response = client_as(Role.CASEWORKER).post(reverse("consent:find"), {"person": SUBJECT})
    assert response["Location"] == reverse("consent:person", kwargs={"subject": SUBJECT})


def test_it_shows_an_error_summary_for_a_malformed_address(client_as, ledger):
    response = client_as(Role.CASEWORKER).post(reverse("consent:find"), {"person": "ada at example"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "correct format" in page
    assert 'value="ada at example"' in page


def test_a_get_with_a_query_does_not_search(client_as, ledger):
    response = client_as(Role.CASEWORKER).get(reverse("consent:find"), {"person": "ada.fictional@example.com"})
    assert response.status_code == 200
    assert "ada.fictional" not in response.content.decode()
