"""Portal links: only a hash is stored, the URL is signed, and a link expires and works once."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.test import Client

from pledge.casework.tests.factories import EMAIL
from pledge.rights.hashing import token_hash
from pledge.rights.models import PortalLink
from pledge.rights.portal_links import redeem_portal_link, request_portal_link, usable_link
from pledge.rights.tasks import send_portal_link
from pledge.rights.tests.conftest import LONDON, emailed_link_path

pytestmark = pytest.mark.django_db


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


def test_the_link_is_made_by_the_worker_and_only_its_hash_is_stored(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    link = PortalLink.objects.get()
    assert link.token_hash is None  # nothing usable until the email goes
    token = token_of(emailed_link_path(web_case))
    link.refresh_from_db()
    raw = token.split(":")[0]
    assert link.token_hash == token_hash(raw)
    assert raw not in link.token_hash
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
    link = PortalLink.objects.get()
    assert link.expires_at - link.created_at == timedelta(minutes=5)


def test_the_worker_sends_nothing_for_a_link_that_expired_before_it_ran(web_case, time_machine) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    time_machine.move_to(datetime.combine(date(2026, 9, 10), time(13), tzinfo=LONDON), tick=False)
    assert send_portal_link.call(link_id=PortalLink.objects.get().pk) is False
    assert mail.outbox == []


def test_the_worker_sends_a_link_only_once(web_case) -> None:
    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    emailed_link_path(web_case)
    assert send_portal_link.call(link_id=PortalLink.objects.get().pk) is False
    assert len(mail.outbox) == 1


def test_asking_for_a_link_is_on_the_case_timeline_by_reference_only(
    web_case, client: Client, today: Callable[[date], date]
) -> None:
    from pledge.core.models import AuditEvent

    request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    event = AuditEvent.objects.filter(object_ref=web_case.reference).latest("id")
    assert event.summary == "Requester asked for a link to the requester portal"
    assert "@" not in event.summary


def test_the_link_is_queued_for_the_worker_once_committed(web_case, django_capture_on_commit_callbacks) -> None:
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        request_portal_link(reference=web_case.reference, email=EMAIL, client="c")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "pledge.rights.tasks.send_portal_link"
    assert queued.args_kwargs["kwargs"] == {"link_id": PortalLink.objects.get().pk}
