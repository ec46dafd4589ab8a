"""Published notices are public: anyone may read the version in force and the list of versions."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from pledge.notices.models import Notice, NoticeScope, NoticeVersion
from pledge.register.models import Controller

pytestmark = pytest.mark.usefixtures("register")
TODAY = timezone.localdate()


def _notice(slug: str) -> Notice:
    return Notice.objects.create(
        slug=slug, title=slug.replace("-", " ").title(), scope=NoticeScope.GENERAL, controller=Controller.objects.get()
    )


def _version(notice: Notice, number: int, effective_from: datetime.date) -> NoticeVersion:
    return NoticeVersion.objects.create(
        notice=notice,
        number=number,
        effective_from=effective_from,
        change_summary=f"Version {number}",
        document={},
        text=f"Text of version {number}",
        content_hash=str(number),
    )


@pytest.fixture
def general() -> Notice:
    notice = _notice("general-privacy-notice")
    _version(notice, 1, TODAY - datetime.timedelta(days=30))
    _version(notice, 2, TODAY)
    _version(notice, 3, TODAY + datetime.timedelta(days=30))
    return notice


def test_anyone_may_list_the_notices_in_force(client: Client, general: Notice) -> None:
    _notice("draft-notice")

    response = client.get("/api/v1/notices")

    assert response.status_code == 200
    assert [(n["slug"], n["current"]["number"]) for n in response.json()] == [("general-privacy-notice", 2)]


def test_a_notice_shows_the_version_in_force_and_every_version(client: Client, general: Notice) -> None:
    body = client.get("/api/v1/notices/general-privacy-notice").json()

    assert body["current"]["number"] == 2
    assert body["current"]["text"] == "Text of version 2"
    assert body["current"]["change_summary"] == "Version 2"
    assert body["current"]["effective_from"] == TODAY.isoformat()
    assert [v["number"] for v in body["versions"]] == [3, 2, 1]


def test_an_unpublished_notice_is_not_found(client: Client) -> None:
    _notice("draft-notice")

    response = client.get("/api/v1/notices/draft-notice")

    assert response.status_code == 404
    assert response.json()["detail"]
