"""Portal links: made by the worker, only a hash stored, the URL signed, and a link expires and works once."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from pledge.casework.tests.factories import EMAIL
from pledge.core.models import AuditEvent
from pledge.rights.hashing import email_hash, token_hash
from pledge.rights.models import PortalLink, PortalLinkRequest
from pledge.rights.portal_links import redeem_portal_link, request_portal_link, usable_link
from pledge.rights.tasks import check_portal_link_request
from pledge.rights.tests.conftest import LONDON, check_link_requests, emailed_link_path

pytestmark = pytest.mark.django_db


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


def test_the_request_keeps_the_email_address_only_as_a_keyed_hash_until_the_worker_checks_it(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=f" {EMAIL.upper()} ", client="c")
    stored = PortalLinkRequest.objects.get()
    assert (stored.reference, stored.email_hash) == (web_case.reference, email_hash(EMAIL))
    assert EMAIL not in stored.email_hash
    assert not PortalLink.objects.exists()  # nothing is matched in the web request
    check_link_requests()
    stored.refresh_from_db()
    assert (stored.reference, stored.email_hash) == ("", "")
    assert stored.checked_at is not None


def test_the_worker_makes_the_link_and_only_its_hash_is_stored(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    token = token_of(emailed_link_path(web_case))
    link = PortalLink.objects.get()
    raw = token.split(":")[0]
    assert link.token_hash == token_hash(raw)
    assert raw not in link.token_hash
    assert not DBTaskResult.objects.filter(args_kwargs__icontains=raw).exists()
    assert usable_link(token=token) == link


def test_a_link_whose_signature_is_changed_is_refused(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    raw = token_of(emailed_link_path(web_case)).split(":")[0]
    assert usable_link(token=f"{raw}:forged-signature") is None
    assert usable_link(token=raw) is None
    assert redeem_portal_link(token=f"{raw}:forged-signature") is None


def test_a_link_works_once(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    token = token_of(emailed_link_path(web_case))
    assert redeem_portal_link(token=token) == web_case
    assert redeem_portal_link(token=token) is None
    assert PortalLink.objects.get().used_at is not None


def test_a_link_expires_after_thirty_minutes(web_case, time_machine) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    token = token_of(emailed_link_path(web_case))
    sent = datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON)
    time_machine.move_to(sent + timedelta(minutes=29, seconds=59), tick=False)
    assert usable_link(token=token) is not None
    time_machine.move_to(sent + timedelta(minutes=30), tick=False)
    assert usable_link(token=token) is None
    assert redeem_portal_link(token=token) is None


def test_the_link_lifetime_follows_the_setting(web_case, settings) -> None:
    settings.PLEDGE_PORTAL_LINK_MINUTES = 5
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    check_link_requests()
    link = PortalLink.objects.get()
    assert link.expires_at - link.created_at == timedelta(minutes=5)


def test_the_worker_sends_nothing_for_a_request_older_than_a_link_would_last(web_case, time_machine) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    time_machine.move_to(datetime.combine(date(2026, 9, 10), time(13), tzinfo=LONDON), tick=False)
    assert check_link_requests() == 0
    assert mail.outbox == []


def test_the_worker_checks_a_request_only_once(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    request_id = PortalLinkRequest.objects.get().pk
    assert check_portal_link_request.call(request_id=request_id) is True
    assert check_portal_link_request.call(request_id=request_id) is False
    assert len(mail.outbox) == 1


def test_the_emailed_link_is_on_the_case_timeline_by_reference_only(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    check_link_requests()
    event = AuditEvent.objects.filter(object_ref=web_case.reference).latest("id")
    assert event.summary == "Link to the requester portal emailed to the requester"
    assert "@" not in event.summary


def test_every_request_is_queued_for_the_worker_once_committed(web_case, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
        request_portal_link(reference="RR-2026-999999", email="guess@example.com", client="c")
    queued = DBTaskResult.objects.order_by("enqueued_at")
    assert {q.task_path for q in queued} == {"pledge.rights.tasks.check_portal_link_request"}
    assert [q.args_kwargs["kwargs"] for q in queued] == [
        {"request_id": pk} for pk in PortalLinkRequest.objects.order_by("id").values_list("pk", flat=True)
    ]
    assert not any(EMAIL in str(q.args_kwargs) or "guess" in str(q.args_kwargs) for q in queued)
