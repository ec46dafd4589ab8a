"""P079-P081: staff key in what a person said by phone, letter or in person; errors lose nothing and save nothing."""

from datetime import datetime

from django.urls import reverse

from pledge.consent import services
from pledge.consent.models import ConsentEvent, ConsentWording, EventAction
from pledge.core.roles import Role

from .api_calls import SUBJECT
from .conftest import LONDON


def _url(name, **kwargs):
    return reverse(f"consent:{name}", kwargs={"subject": SUBJECT, **kwargs})


def _wording(slug="promotional"):
    return ConsentWording.objects.get(purpose__slug=slug, version="v1")


def test_a_caseworker_records_a_consent_given_by_phone(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    response = client_as(Role.CASEWORKER).post(
        _url("record"),
        {"wording": _wording().pk, "channel": "phone", "occurred_on": "10/3/2026", "evidence": "call 5521"},
    )
    assert response.status_code == 302
    event = ConsentEvent.objects.get()
    assert (event.action, event.purpose.slug, event.wording_version, event.channel) == (
        EventAction.GIVEN,
        "promotional",
        "v1",
        "phone",
    )
    assert event.actor.username == "caseworker-person" and event.evidence == "call 5521"
    assert services.consent_status(subject=SUBJECT, purpose="promotional").given is True


def test_a_letter_dated_earlier_is_recorded_at_midday_on_its_date(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    client_as(Role.CASEWORKER).post(
        _url("record"), {"wording": _wording().pk, "channel": "letter", "occurred_on": "2/3/2026"}
    )
    assert ConsentEvent.objects.get().occurred_at == datetime(2026, 3, 2, 12, 0, tzinfo=LONDON)


def test_a_form_with_errors_shows_a_summary_keeps_the_answers_and_saves_nothing(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    response = client_as(Role.CASEWORKER).post(
        _url("record"), {"channel": "letter", "occurred_on": "11/3/2026", "evidence": "letter in tray 4"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select the wording the person agreed to" in page
    assert "The date must be today or in the past" in page
    assert "letter in tray 4" in page
    assert not ConsentEvent.objects.exists()


def test_a_representatives_consent_needs_their_authority_and_is_shown_apart(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    client = client_as(Role.CASEWORKER)
    base = {"wording": _wording().pk, "channel": "in_person", "occurred_on": "10/3/2026"}
    refused = client.post(
        _url("record_representative"),
        {**base, "representative_name": "Carol Fictional", "representative_relationship": "attorney"},
    )
    assert refused.status_code == 400 and "Enter the evidence of the representative" in refused.content.decode()
    assert not ConsentEvent.objects.exists()
    client.post(
        _url("record_representative"),
        {
            **base,
            "representative_name": "Carol Fictional",
            "representative_relationship": "lasting power of attorney",
            "representative_authority": "OPG register checked, LPA 7001",
        },
    )
    event = ConsentEvent.objects.get()
    assert event.representative_name == "Carol Fictional"
    page = client.get(_url("person")).content.decode()
    own, _, behalf = page.partition("Given on the person's behalf by a representative")
    assert "Carol Fictional" not in own
    assert "Carol Fictional" in behalf and "OPG register checked, LPA 7001" in behalf


def test_a_phone_opt_out_is_the_same_entry_as_the_websites(client_as, ledger):
    response = client_as(Role.CASEWORKER).post(_url("blanket", kind="opt-out"), {"channel": "phone"})
    assert response.status_code == 302
    event = ConsentEvent.objects.get()
    assert (event.action, event.purpose, event.channel) == (EventAction.OPTED_OUT, None, "phone")


def test_an_objection_to_direct_marketing_is_recorded(client_as, ledger):
    services.record_consent(subject=SUBJECT, purpose="marketing:events", wording_version="v1", channel="web", actor="w")
    client_as(Role.IG_OFFICER).post(_url("blanket", kind="object"), {"channel": "letter", "evidence": "scan 88"})
    assert services.may_send(subject=SUBJECT, purpose="marketing:events").given is False
    assert ConsentEvent.objects.filter(action=EventAction.OBJECTED).count() == 1


def test_an_unknown_kind_of_change_is_not_found(client_as, ledger):
    assert client_as(Role.CASEWORKER).get(_url("blanket", kind="erase")).status_code == 404


def test_a_withdrawal_is_recorded(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    services.record_consent(subject=SUBJECT, purpose="promotional", wording_version="v1", channel="web", actor="w")
    client_as(Role.CASEWORKER).post(
        _url("withdraw"), {"purpose": "promotional", "channel": "phone", "occurred_on": "10/3/2026"}
    )
    assert services.consent_status(subject=SUBJECT, purpose="promotional").basis.startswith("consent withdrawn")


def test_the_history_shows_who_when_how_and_the_wording_text(client_as, ledger, at):
    at(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON))
    services.record_consent(
        subject=SUBJECT, purpose="promotional", wording_version="v1", channel="phone", actor="clerk-7", evidence="c1"
    )
    page = client_as(Role.AUDITOR).get(_url("person")).content.decode()
    for expected in ("10 March 2026 11:00", "Phone", "clerk-7", "Wording v1", "Yes, I agree to promotional.", "c1"):
        assert expected in page
    assert _wording().text_hash in page
