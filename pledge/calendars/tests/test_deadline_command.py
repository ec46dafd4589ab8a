"""``pledge deadline``: the statutory dates as JSON, or a clear message and exit status 1."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from pledge.calendars.tests.conftest import feed_with_2028

pytestmark = pytest.mark.django_db


def deadline(*args: str) -> str:
    stdout = StringIO()
    call_command("deadline", *args, stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def refusal(*args: str) -> str:
    with pytest.raises(CommandError) as error:
        deadline(*args)
    assert error.value.returncode == 1
    return str(error.value)


def test_it_prints_exactly_the_four_dates_as_json() -> None:
    assert deadline("--received", "2026-09-03") == (
        '{"start": "2026-09-03", "due": "2026-10-05", "extended_due": "2026-12-03", '
        '"extension_notice_by": "2026-10-05"}\n'
    )


def test_it_starts_the_clock_when_identity_authority_and_fee_have_all_arrived() -> None:
    out = deadline(
        "--received=2026-06-10",
        "--id-received=2026-06-12",
        "--authority-received=2026-06-15",
        "--fee-received=2026-06-11",
    )

    assert json.loads(out)["start"] == "2026-06-15"
    assert json.loads(out)["due"] == "2026-07-15"


def test_an_extended_request_is_due_three_months_from_the_start() -> None:
    assert json.loads(deadline("--received", "2026-11-30", "--extended")) == {
        "start": "2026-11-30",
        "due": "2027-03-01",
        "extended_due": "2027-03-01",
        "extension_notice_by": "2026-12-30",
    }


def test_pauses_can_be_repeated() -> None:
    out = deadline("--received", "2026-03-02", "--paused", "2026-03-05:2026-03-12", "--paused", "2026-03-20:2026-03-24")

    assert json.loads(out)["due"] == "2026-04-15"


def test_pauses_do_not_count_for_an_erasure_request() -> None:
    out = deadline("--received", "2026-03-02", "--paused", "2026-03-05:2026-03-12", "--kind", "erasure")

    assert json.loads(out)["due"] == "2026-04-02"


def test_it_uses_the_nations_bank_holidays() -> None:
    assert json.loads(deadline("--received", "2026-10-30"))["due"] == "2026-11-30"
    assert json.loads(deadline("--received", "2026-10-30", "--nation", "scotland"))["due"] == "2026-12-01"
    assert json.loads(deadline("--received", "2026-02-17", "--nation", "northern-ireland"))["due"] == "2026-03-18"


def test_it_refuses_a_date_outside_the_calendar_in_force() -> None:
    assert refusal("--received", "2028-01-31") == (
        "2028-02-29 is outside the bank-holiday calendar for england-and-wales, which covers 2024-2027; "
        "load a newer gov.uk bank-holidays.json"
    )


def test_a_loaded_calendar_is_used(write_feed) -> None:
    call_command("calendar", "load", str(write_feed(feed_with_2028())), stdout=StringIO())

    assert json.loads(deadline("--received", "2028-01-31"))["due"] == "2028-02-29"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "--received YYYY-MM-DD is required"),
        (("--received", "3 March 2026"), "--received: '3 March 2026' is not a date in the form YYYY-MM-DD"),
        (("--received", "2026-02-29"), "--received: '2026-02-29' is not a date in the form YYYY-MM-DD"),
        (
            ("--received", "2026-03-02", "--id-received", "2026/03/04"),
            "--id-received: '2026/03/04' is not a date in the form YYYY-MM-DD",
        ),
        (
            ("--received", "2026-03-02", "--paused", "2026-03-05"),
            "--paused: '2026-03-05' is not in the form YYYY-MM-DD:YYYY-MM-DD",
        ),
        (
            ("--received", "2026-03-02", "--paused", "2026-03-05:soon"),
            "--paused: 'soon' is not a date in the form YYYY-MM-DD",
        ),
        (
            ("--received", "2026-03-02", "--paused", "2026-03-05:2026-03-04"),
            "a pause ends (2026-03-04) before it starts (2026-03-05)",
        ),
        (
            ("--received", "2026-03-02", "--fee-received", "2026-03-01"),
            "fee_received (2026-03-01) is before the request was received (2026-03-02)",
        ),
        (
            ("--received", "2026-03-02", "--nation", "wales"),
            "--nation: 'wales' is not one of england-and-wales, scotland, northern-ireland",
        ),
        (("--received", "2026-03-02", "--kind", "complaint"), "--kind: 'complaint' is not one of access, "),
    ],
)
def test_it_refuses_bad_input_with_a_clear_message(args, message) -> None:
    assert refusal(*args).startswith(message)


def test_the_command_line_prints_json_or_exits_with_status_1(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "pledge.settings",
    }
    pledge = [sys.executable, "-m", "pledge.cli"]
    run = {"capture_output": True, "text": True, "check": False, "env": env, "cwd": settings.BASE_DIR}
    migrated = subprocess.run([*pledge, "migrate", "--verbosity", "0"], **run)  # type: ignore[call-overload]
    assert migrated.returncode == 0, migrated.stderr

    ok = subprocess.run([*pledge, "deadline", "--received", "2026-03-02"], **run)  # type: ignore[call-overload]
    outside = subprocess.run([*pledge, "deadline", "--received", "2028-01-31"], **run)  # type: ignore[call-overload]

    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["due"] == "2026-04-02"
    assert outside.returncode == 1
    assert "outside the bank-holiday calendar" in outside.stderr
    assert outside.stdout == ""
    assert (tmp_path / "x.sqlite3").exists()
