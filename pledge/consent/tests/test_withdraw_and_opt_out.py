"""Art 7(3), P079, P082: withdrawing is as easy as giving, and an opt-out of promotional messages leaves service
messages alone."""

from datetime import datetime, timedelta

from pledge.consent import services
from pledge.consent.models import Channel, ConsentEvent, EventAction

from .conftest import LONDON


def _give(subject, purpose, **kwargs):
    return services.record_consent(
        subject=subject, purpose=purpose, wording_version="v1", channel=Channel.WEB, actor="web", **kwargs
    )


def test_a_withdrawal_ends_the_consent(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    _give(ledger["subject"], "promotional")
    at(datetime(2026, 4, 2, 9, 0, tzinfo=LONDON))
    services.withdraw_consent(subject=ledger["subject"], purpose="promotional", channel=Channel.PHONE, actor="clerk")
    answer = services.consent_status(subject=ledger["subject"], purpose="promotional")
    assert answer.given is False
    assert answer.basis == "consent withdrawn on 2026-04-02 by phone"


def test_the_answer_at_an_earlier_moment_is_the_one_that_held_then(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    _give(ledger["subject"], "promotional")
    at(datetime(2026, 4, 2, 9, 0, tzinfo=LONDON))
    services.withdraw_consent(subject=ledger["subject"], purpose="promotional", channel=Channel.WEB, actor="web")
    then = datetime(2026, 3, 15, tzinfo=LONDON)
    assert services.consent_status(subject=ledger["subject"], purpose="promotional", at=then).given is True


def test_the_web_and_a_phone_opt_out_write_the_same_ledger_entry(ledger, staff):
    other = services.subject_for_email("bob.fictional@example.com")
    web = services.opt_out_of_promotional(subject=ledger["subject"], channel=Channel.WEB, actor="web form")
    phone = services.opt_out_of_promotional(subject=other, channel=Channel.PHONE, actor="clerk", evidence="call 12")
    assert (web.action, web.purpose_id) == (phone.action, phone.purpose_id) == (EventAction.OPTED_OUT, None)
    assert ConsentEvent.objects.filter(action=EventAction.OPTED_OUT).count() == 2


def test_an_opt_out_excludes_the_person_from_the_next_promotional_newsletter_and_marketing_send(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    for purpose in ("promotional", "newsletter:recycling", "marketing:events"):
        _give(ledger["subject"], purpose)
        assert services.may_send(subject=ledger["subject"], purpose=purpose).given is True
    at(datetime(2026, 3, 2, 10, 0, tzinfo=LONDON))
    services.opt_out_of_promotional(subject=ledger["subject"], channel=Channel.PHONE, actor="clerk")
    for purpose in ("promotional", "newsletter:recycling", "marketing:events"):
        answer = services.may_send(subject=ledger["subject"], purpose=purpose)
        assert answer.given is False
        assert answer.basis == "opted out of promotional messages on 2026-03-02 by phone"


def test_service_messages_still_go_after_an_opt_out_of_promotional_ones(ledger):
    services.opt_out_of_promotional(subject=ledger["subject"], channel=Channel.WEB, actor="web form")
    answer = services.may_send(subject=ledger["subject"], purpose="service:bins")
    assert answer.given is True
    assert "service message" in answer.basis


def test_service_messages_stop_when_the_person_withdraws_from_that_service(ledger):
    services.withdraw_consent(subject=ledger["subject"], purpose="service:bins", channel=Channel.WEB, actor="web")
    assert services.may_send(subject=ledger["subject"], purpose="service:bins").given is False


def test_promotional_messages_need_a_consent_first(ledger):
    assert services.may_send(subject=ledger["subject"], purpose="promotional").given is False


def test_a_consent_given_again_after_an_opt_out_counts(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    services.opt_out_of_promotional(subject=ledger["subject"], channel=Channel.WEB, actor="web form")
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON) + timedelta(days=30))
    _give(ledger["subject"], "newsletter:recycling")
    assert services.may_send(subject=ledger["subject"], purpose="newsletter:recycling").given is True
    assert services.may_send(subject=ledger["subject"], purpose="promotional").given is False


def test_history_lists_every_event_oldest_first(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    first = _give(ledger["subject"], "promotional")
    at(datetime(2026, 3, 5, 10, 0, tzinfo=LONDON))
    second = services.opt_out_of_promotional(subject=ledger["subject"], channel=Channel.WEB, actor="web form")
    # A letter dated before both arrives last: it is still listed by when the person wrote it.
    letter = services.withdraw_consent(
        subject=ledger["subject"],
        purpose="marketing:events",
        channel=Channel.LETTER,
        actor="post room",
        occurred_at=datetime(2026, 2, 20, tzinfo=LONDON),
    )
    assert [e.pk for e in services.history(subject=ledger["subject"])] == [letter.pk, first.pk, second.pk]
