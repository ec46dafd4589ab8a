"""`pledge cookies scan` against Pledge itself: nothing is set without consent, everything is in the register with
its real expiry, and no value holds personal data (P093, P095, P098). And it does catch a site that misbehaves."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import get_resolver

from pledge.cookies.demo import load_demo
from pledge.cookies.models import CookieItem
from pledge.cookies.scanner import ACCEPTED, BEFORE, REJECTED, register_rules, run_scan

pytestmark = pytest.mark.browser


@pytest.fixture
def register(transactional_db, settings) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    settings.PLEDGE_ANALYTICS_MEASUREMENT_ID = "G-ANYSHIRE00"
    load_demo()


def test_pledge_sets_nothing_without_consent(live_server, browser, register) -> None:
    report = run_scan(start_url=live_server.url + "/", pages=8, rules=register_rules(), offline=True, browser=browser)
    assert len(report.pages) == 8
    assert report.findings == []
    before = {s.name for s in report.seen if s.phase == BEFORE}
    assert before <= {"pledge_csrftoken"}
    assert {s.name for s in report.seen if s.phase == ACCEPTED} >= {"pledge_cookie_consent"}
    assert {s.name for s in report.seen if s.phase == REJECTED} >= {"pledge_cookie_consent"}
    # Analytics is requested only after accepting.
    assert report.third_party[BEFORE] == [] and report.third_party[REJECTED] == []
    assert report.third_party[ACCEPTED] == ["www.googletagmanager.com"]


def test_the_command_lists_what_it_found_and_exits_cleanly(live_server, register, capsys) -> None:
    call_command("cookies", "scan", live_server.url + "/", "--pages", "3", "--offline")
    out = capsys.readouterr().out
    assert "Visited 3 page(s)" in out
    assert "pledge_cookie_consent" in out
    assert "No findings" in out


def test_the_command_fails_on_an_unregistered_cookie_and_a_wrong_expiry(live_server, register, capsys) -> None:
    CookieItem.objects.filter(name="pledge_cookie_consent").delete()
    CookieItem.objects.filter(name="pledge_csrftoken").update(lifetime_seconds=3600)
    with pytest.raises(CommandError):
        call_command("cookies", "scan", live_server.url + "/contact-the-dpo/", "--pages", "1", "--offline")
    out = capsys.readouterr().out
    assert "pledge_cookie_consent: missing from the cookie register" in out
    assert "pledge_csrftoken: expires after" in out
