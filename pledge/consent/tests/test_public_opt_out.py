"""P079: a resident opts out of non-service messages in one step, with no account, and the page never says whether
the address was known."""

from django.urls import reverse

from pledge.consent import services
from pledge.consent.models import Channel, ConsentEvent, EventAction


def test_a_resident_opts_out_in_one_step(client, ledger):
    services.record_consent(
        subject=ledger["subject"], purpose="newsletter:recycling", wording_version="v1", channel=Channel.WEB, actor="w"
    )
    response = client.post(reverse("consent:opt_out"), {"email": "Ada.Fictional@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("consent:opted_out")
    event = ConsentEvent.objects.get(action=EventAction.OPTED_OUT)
    assert (event.subject, event.channel, event.purpose) == (ledger["subject"], Channel.WEB, None)
    assert services.may_send(subject=ledger["subject"], purpose="newsletter:recycling").given is False
    assert services.may_send(subject=ledger["subject"], purpose="service:bins").given is True


def test_a_known_and_an_unknown_address_get_the_same_answer(client, ledger):
    services.record_consent(
        subject=ledger["subject"], purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="w"
    )
    known = client.post(reverse("consent:opt_out"), {"email": "ada.fictional@example.com"}, follow=True)
    unknown = client.post(reverse("consent:opt_out"), {"email": "nobody.fictional@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert b"example.com" not in known.content


def test_a_malformed_address_shows_an_error_summary_and_records_nothing(client, ledger):
    response = client.post(reverse("consent:opt_out"), {"email": "ada at example"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "correct format" in page
    assert not ConsentEvent.objects.exists()


def test_the_opt_out_page_and_its_confirmation_need_no_account(client, ledger):
    assert client.get(reverse("consent:opt_out")).status_code == 200
    assert client.get(reverse("consent:opted_out")).status_code == 200
