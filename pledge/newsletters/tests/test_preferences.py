"""The preference centre, reached by the signed link in any issue (P084): change lists, leave everything, and see
the consent history; a bad link or an unknown list changes nothing."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from pledge.consent import services as consent
from pledge.newsletters import emails
from pledge.newsletters.models import Membership, SubscriptionState


def _path(url: str) -> str:
    return url.removeprefix("https://pledge.anyshire.example")


def test_it_shows_the_lists_ticked_and_the_consent_history(subscribe, newsletter, other_newsletter):
    subscription = subscribe("eve@example.org", "bin-news")
    page = Client().get(_path(emails.preferences_url(subscription)))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'value="{newsletter.pk}" checked' in html and f'value="{other_newsletter.pk}" checked' not in html
    assert "Your consent history" in html and "Consent given" in html and "Link in an email" in html


def test_changing_lists_joins_and_leaves_with_the_ledger_updated(subscribe, newsletter, other_newsletter):
    subscription = subscribe("eve@example.org", "bin-news")
    response = Client().post(_path(emails.preferences_url(subscription)), {"lists": [str(other_newsletter.pk)]})
    assert response.status_code == 200 and b"Your choices have been saved" in response.content
    states = dict(Membership.objects.values_list("newsletter__slug", "state"))
    assert states == {"bin-news": SubscriptionState.UNSUBSCRIBED, "whats-on": SubscriptionState.CONFIRMED}
    assert not consent.may_send(subject=subscription.subject, purpose=newsletter.purpose).given
    assert consent.may_send(subject=subscription.subject, purpose=other_newsletter.purpose).given


def test_unsubscribe_from_everything_leaves_every_list(subscribe, newsletter, other_newsletter):
    subscription = subscribe("eve@example.org", "bin-news", "whats-on")
    Client().post(_path(emails.preferences_url(subscription)), {"lists": [str(newsletter.pk)], "action": "all"})
    assert set(Membership.objects.values_list("state", flat=True)) == {SubscriptionState.UNSUBSCRIBED}


def test_an_unknown_list_id_is_refused_with_a_message_and_nothing_changes(subscribe, newsletter):
    subscription = subscribe("eve@example.org", "bin-news")
    for bad in ("999", "bin-news", "1 OR 1=1"):
        response = Client().post(_path(emails.preferences_url(subscription)), {"lists": [bad]})
        assert response.status_code == 200 and b"Select newsletters from the list shown" in response.content
        assert b"govuk-error-summary" in response.content
    assert Membership.objects.get().state == SubscriptionState.CONFIRMED


def test_an_expired_or_forged_preferences_link_is_refused(subscribe, time_machine):
    subscription = subscribe("eve@example.org", "bin-news")
    url = _path(emails.preferences_url(subscription))
    forged = Client().post(url[:-4] + "abc/", {"lists": []})
    assert forged.status_code == 400 and b"This link is not valid" in forged.content
    time_machine.move_to(timezone.now() + timedelta(days=91))
    expired = Client().post(url, {"lists": []})
    assert expired.status_code == 400 and b"This link has expired" in expired.content
    assert Membership.objects.get().state == SubscriptionState.CONFIRMED


def test_the_preferences_link_does_not_reach_another_address(subscribe):
    eve = subscribe("eve@example.org", "bin-news")
    subscribe("fay@example.org", "bin-news")
    url = _path(emails.preferences_url(eve))
    value, _, rest = url.rstrip("/").partition(":")
    other = value[: value.rfind("/") + 1] + str(eve.pk + 1) + ":" + rest + "/"
    assert Client().get(other).status_code == 400
