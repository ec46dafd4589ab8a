"""The public notice pages: stable address, live contact details, downloads with type and size, changes."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.notices.generation import ensure_notices
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.register.models import Controller, ProcessingActivity

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def published(db: None) -> Notice:
    call_command("register", "import", str(MINIMAL))
    ensure_notices()
    notice = Notice.objects.get(slug="council-tax")
    publish_notice(notice=notice, actor=None, change_summary="First version.", effective_from=date(2026, 4, 1))
    return notice


def test_the_notice_keeps_its_address_and_shows_the_latest_version(published: Notice) -> None:
    activity = ProcessingActivity.objects.get(slug="garden-waste-subscription")
    activity.purposes = [*activity.purposes, "to tell you about collection changes"]
    activity.save()
    publish_notice(notice=published, actor=None, change_summary="Added a purpose.", effective_from=date(2026, 5, 1))
    page = Client().get("/privacy/council-tax/").content.decode()
    assert "Last updated 1 May 2026 (version 2)" in page
    assert "to tell you about collection changes" in page


def test_a_change_to_the_dpo_address_shows_on_the_next_page_load(published: Notice) -> None:
    Controller.objects.filter(slug="testshire-council").update(dpo_email="new-dpo@testshire.example")
    page = Client().get("/privacy/council-tax/").content.decode()
    assert "new-dpo@testshire.example" in page
    assert "Email: dpo@testshire.example" not in page


def test_each_download_shows_its_type_and_size(published: Notice) -> None:
    page = Client().get("/privacy/council-tax/").content.decode()
    for label in ("Plain text", "Word document", "PDF"):
        assert label in page
    assert "KB" in page or "bytes" in page


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK"), ("txt", b"# Privacy notice")])
def test_the_downloads_are_real_files(published: Notice, fmt: str, magic: bytes) -> None:
    response = Client().get(f"/privacy/council-tax/download.{fmt}")
    assert response.status_code == 200
    assert response.content.startswith(magic)


def test_an_unknown_download_format_is_not_found(published: Notice) -> None:
    assert Client().get("/privacy/council-tax/download.exe").status_code == 404


def test_an_unpublished_notice_is_not_found(published: Notice) -> None:
    assert Client().get("/privacy/general/").status_code == 404


def test_the_changes_page_compares_two_versions(published: Notice) -> None:
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(name="Garden waste collection")
    publish_notice(notice=published, actor=None, change_summary="Renamed.", effective_from=date(2026, 5, 1))
    page = Client().get("/privacy/council-tax/changes/?from=1&to=2").content.decode()
    assert "Renamed." in page
    assert "Added: </span>### Garden waste collection" in page
    assert "Removed: </span>### Garden waste subscriptions" in page


def test_a_bad_comparison_falls_back_to_the_latest_two_versions(published: Notice) -> None:
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(name="Garden waste collection")
    publish_notice(notice=published, actor=None, change_summary="Renamed.", effective_from=date(2026, 5, 1))
    assert Client().get("/privacy/council-tax/changes/?from=x&to=99").status_code == 200


def test_the_retention_schedule_lists_each_approved_activity_and_downloads_as_csv(published: Notice) -> None:
    page = Client().get("/privacy/retention-schedule/").content.decode()
    assert "6 years after the account is closed, then destroy" in page
    assert "Limitation Act 1980 s.5" in page
    headers = re.findall(r'<th scope="col" class="govuk-table__header">([^<]+)</th>', page)
    assert headers == ["Service", "What we use it for", "Records", "How long we keep it", "Why"]  # P100: record class
    csv_text = Client().get("/privacy/retention-schedule.csv").content.decode()
    assert csv_text.splitlines()[0].startswith("Service,Activity,Records")
    assert len(csv_text.splitlines()) == 3


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_the_retention_schedule_downloads_as_pdf_and_word(published: Notice, fmt: str, magic: bytes) -> None:
    response = Client().get(f"/privacy/retention-schedule.{fmt}")
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert Client().get("/privacy/retention-schedule.exe").status_code == 404
