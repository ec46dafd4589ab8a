"""P085: subscriber addresses are used only for the newsletter. No other app's code reads this app's models, the
addresses are stored encrypted, and the person's own access request still gets them."""

import re
from pathlib import Path

from pledge.newsletters import services
from pledge.newsletters.models import Subscription

PLEDGE = Path(__file__).resolve().parents[2]
READS_OUR_MODELS = re.compile(
    r"pledge\.newsletters\.models|from pledge\.newsletters import [^\n]*\bmodels\b"
    r"|get_model\(\s*[\"']newsletters[\"']|[\"']newsletters\.(Subscription|Membership)[\"']"
)


def _running_code(path: Path) -> bool:
    """Code that runs in Pledge: not this app, and not another app's tests (which may check what a form did)."""
    parts = path.relative_to(PLEDGE).parts
    return parts[0] != "newsletters" and "tests" not in parts and not path.name.startswith("test_")


def test_no_other_app_imports_the_newsletter_models():
    offenders = [
        str(path.relative_to(PLEDGE.parent))
        for path in PLEDGE.rglob("*.py")
        if _running_code(path) and READS_OUR_MODELS.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_the_scan_would_catch_an_import():
    assert READS_OUR_MODELS.search("from pledge.newsletters.models import Subscription")
    assert READS_OUR_MODELS.search("apps.get_model('newsletters', 'Subscription')")


def test_addresses_are_stored_encrypted(subscribe):
    subscribe("nia@example.org", "bin-news")
    stored = Subscription.objects.values_list("subject", "email_sealed").get()
    assert "nia" not in " ".join(stored) and "example.org" not in " ".join(stored)


def test_the_persons_own_access_request_gets_their_subscriptions(subscribe, other_newsletter):
    subscribe("nia@example.org", "bin-news", "whats-on")
    held = services.subscriptions_for_email(" Nia@Example.org ")
    assert [(row["email"], row["newsletter"], row["state"]) for row in held] == [
        ("nia@example.org", "Bins and recycling", "Confirmed"),
        ("nia@example.org", "What's on in Anyshire", "Confirmed"),
    ]
    assert services.subscriptions_for_email("nobody@example.org") == []
