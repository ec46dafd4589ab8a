"""One-click unsubscribe (RFC 8058; P086): POST unsubscribes without signing in or a CSRF token, GET only asks,
a used or forged link changes nothing, and the ledger records the withdrawal."""

from django.test import Client
from django.urls import reverse

from pledge.consent import services as consent
from pledge.newsletters import emails
from pledge.newsletters.models import Membership, SubscriptionState, Suppression, SuppressionReason


def _path(url: str) -> str:
    return url.removeprefix("https://pledge.anyshire.example")


def test_a_get_shows_a_button_and_unsubscribes_nobody(subscribe, newsletter):
    subscription = subscribe("dan@example.org", "bin-news")
    page = Client().get(_path(emails.unsubscribe_url(subscription, newsletter.pk)))
    assert page.status_code == 200
    assert b"Unsubscribe from Bins and recycling" in page.content and b"<button" in page.content
    assert Membership.objects.get().state == SubscriptionState.CONFIRMED
    assert consent.may_send(subject=subscription.subject, purpose=newsletter.purpose).given


def test_one_post_without_a_session_or_csrf_token_unsubscribes_and_withdraws_consent(
    subscribe, newsletter, other_newsletter
):
    subscription = subscribe("dan@example.org", "bin-news", "whats-on")
    url = _path(emails.unsubscribe_url(subscription, newsletter.pk))
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and b"You have unsubscribed" in response.content
    assert b"Bins and recycling" in response.content
    states = dict(Membership.objects.values_list("newsletter__slug", "state"))
    assert states == {"bin-news": SubscriptionState.UNSUBSCRIBED, "whats-on": SubscriptionState.CONFIRMED}
    answer = consent.may_send(subject=subscription.subject, purpose=newsletter.purpose)
    assert not answer.given and "withdrawn" in answer.basis
    assert not Suppression.objects.exists()  # one list left, the others still wanted


def test_using_the_link_again_changes_nothing(subscribe, newsletter):
    subscription = subscribe("dan@example.org", "bin-news")
    url = _path(emails.unsubscribe_url(subscription, newsletter.pk))
    Client().post(url)
    events = len(consent.history(subject=subscription.subject))
    again = Client().post(url)
    assert again.status_code == 200 and b"You had already unsubscribed" in again.content
    assert len(consent.history(subject=subscription.subject)) == events


def test_a_forged_unsubscribe_link_is_refused_and_changes_nothing(subscribe, newsletter, other_newsletter):
    subscription = subscribe("dan@example.org", "bin-news")
    genuine = _path(emails.unsubscribe_url(subscription, newsletter.pk))
    value, _, signature = genuine.rstrip("/").rpartition(":")
    # Another list's id under the same signature, a bad signature, and no signature at all.
    tampered = [
        value.replace(f":{newsletter.pk}:", f":{other_newsletter.pk}:") + ":" + signature + "/",
        value + ":" + signature[:-2] + "xx/",
        reverse("newsletters:unsubscribe", kwargs={"token": "1:nothing"}),
    ]
    for url in tampered:
        response = Client().post(url)
        assert response.status_code == 400 and b"This link is not valid" in response.content, url
    assert Membership.objects.get().state == SubscriptionState.CONFIRMED


def test_the_all_lists_link_leaves_everything_and_suppresses_the_address(subscribe, newsletter, other_newsletter):
    subscription = subscribe("dan@example.org", "bin-news", "whats-on")
    response = Client().post(_path(emails.unsubscribe_url(subscription, None)))
    assert response.status_code == 200
    assert set(Membership.objects.values_list("state", flat=True)) == {SubscriptionState.UNSUBSCRIBED}
    assert Suppression.objects.get().reason == SuppressionReason.UNSUBSCRIBED_ALL
    assert Suppression.objects.get().address_hash == subscription.subject
