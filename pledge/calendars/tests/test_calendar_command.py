"""``pledge calendar load FILE`` and ``pledge calendar show``."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pledge.calendars.models import LoadedCalendar
from pledge.calendars.tests.conftest import feed_with_2028
from pledge.core.models import AuditEvent
from pledge.law.calendar import SHIPPED_FEED

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("calendar", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_show_lists_the_years_of_the_shipped_feed_when_nothing_is_loaded() -> None:
    stdout, _ = run("show")

    assert stdout == (
        "Bank holidays in force: the feed shipped with Pledge\n"
        "england-and-wales: 2024-2027\n"
        "scotland: 2024-2027\n"
        "northern-ireland: 2024-2027\n"
    )


def test_load_puts_a_valid_feed_in_force_and_shows_its_years(write_feed, frozen_clock) -> None:
    path = write_feed(feed_with_2028(), name="bank-holidays-2028.json")

    stdout, stderr = run("load", str(path))

    loaded = LoadedCalendar.objects.get()
    assert stdout.splitlines() == [
        f"Loaded {path} (sha256 {loaded.sha256})",
        f"Bank holidays in force: bank-holidays-2028.json ({loaded.sha256[:12]}), "
        "loaded 2026-11-02 09:30 by pledge calendar load",
        "england-and-wales: 2024-2028",
        "scotland: 2024-2028",
        "northern-ireland: 2024-2028",
    ]
    assert stderr == ""
    assert AuditEvent.objects.get().object_ref == "bank-holidays-2028.json"


def test_load_refuses_a_bad_feed_with_each_problem_and_exit_status_1(write_feed) -> None:
    feed = json.loads(SHIPPED_FEED.read_text(encoding="utf-8"))
    feed["scotland"]["events"][3]["date"] = "31/12/2026"
    del feed["northern-ireland"]
    path = write_feed(feed)
    stderr = StringIO()

    with pytest.raises(CommandError) as error:
        call_command("calendar", "load", str(path), stdout=StringIO(), stderr=stderr)

    assert error.value.returncode == 1
    assert str(error.value) == "2 problem(s) found; nothing was loaded"
    assert stderr.getvalue().splitlines() == [
        f"{path}: missing division 'northern-ireland'",
        f"{path}: scotland.events[3].date: '31/12/2026' is not a date in the form YYYY-MM-DD",
    ]
    assert not LoadedCalendar.objects.exists()
    assert not AuditEvent.objects.exists()


def test_load_refuses_a_file_that_is_not_json(write_feed) -> None:
    path = write_feed(b"<!DOCTYPE html><title>Bank holidays</title>", name="bank-holidays.html")
    stderr = StringIO()

    with pytest.raises(CommandError, match="1 problem"):
        call_command("calendar", "load", str(path), stdout=StringIO(), stderr=stderr)

    assert "not valid JSON" in stderr.getvalue()
    assert not LoadedCalendar.objects.exists()


def test_load_refuses_a_missing_file(tmp_path) -> None:
    with pytest.raises(CommandError) as error:
        run("load", str(tmp_path / "nowhere.json"))

    assert error.value.returncode == 1
    assert str(error.value) == f"{tmp_path / 'nowhere.json'}: cannot read the file (No such file or directory); " + (
        "nothing was loaded"
    )
