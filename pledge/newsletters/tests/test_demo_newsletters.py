"""The demo data: two lists, confirmed fictional subscribers at example.org, one draft issue; loading twice adds
nothing."""

from pledge.consent import services as consent
from pledge.newsletters.demo import load_demo
from pledge.newsletters.models import Issue, NewsletterList, Subscription


def test_the_demo_loads_once_with_consent_on_file(db):
    summary = load_demo()
    assert summary == "Newsletters: 2 lists, 3 confirmed subscribers, 1 issue(s)"
    assert load_demo() == summary
    assert NewsletterList.objects.count() == 2 and Issue.objects.count() == 1 and Subscription.objects.count() == 3
    subject = consent.subject_for_email("tom.lindqvist@example.org")
    assert consent.may_send(subject=subject, purpose="newsletter:bin-news").given
