"""`pledge register validate DIR`: file:line: message lines on stderr and exit status 1, or "valid"."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pledge.register.tests.factories import MINIMAL
from pledge.register.tests.registers import SERVICE, SHARED, replace_line, small_register


@pytest.fixture(autouse=True)
def clock(frozen_clock):
    return frozen_clock


def test_it_says_a_valid_register_is_valid() -> None:
    stdout, stderr = StringIO(), StringIO()

    call_command("register", "validate", str(MINIMAL), stdout=stdout, stderr=stderr)

    assert stdout.getvalue() == (
        f"{MINIMAL}: valid (1 controllers, 2 recipients, 1 systems, 0 sharing agreements, "
        "1 retention rules, 1 services, 0 internal flows, 2 activities)\n"
    )
    assert stderr.getvalue() == ""


def test_it_fails_with_exit_status_1_and_one_line_per_problem(tmp_path) -> None:
    service = replace_line(SERVICE, line=12, new="        lawful_basis: g")
    shared = replace_line(SHARED, line=18, new="    years: six")
    directory = small_register(to=tmp_path, service=service, shared=shared)
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError) as error:
        call_command("register", "validate", str(directory), stdout=stdout, stderr=stderr)

    assert error.value.returncode == 1
    assert str(error.value) == "2 problem(s) found"
    assert stderr.getvalue().splitlines() == [
        f"{directory / 'services' / 'council-tax.yaml'}:12: lawful_basis: 'g' is not one of: a, b, c, d, e, ea, f",
        f"{directory / 'shared.yaml'}:18: years: must be a whole number",
    ]
    assert "valid" not in stdout.getvalue()


def test_it_judges_contracts_against_todays_date(tmp_path, time_machine) -> None:
    directory = small_register(to=tmp_path)
    time_machine.move_to("2028-01-02T09:00:00+00:00", tick=False)
    stderr = StringIO()

    with pytest.raises(CommandError):
        call_command("register", "validate", str(directory), stdout=StringIO(), stderr=stderr)

    assert f"{directory / 'shared.yaml'}:7: processor contract expired on 2028-01-01" in stderr.getvalue()


def test_it_fails_for_a_path_that_is_not_a_directory(tmp_path) -> None:
    stderr = StringIO()

    with pytest.raises(CommandError) as error:
        call_command("register", "validate", str(tmp_path / "nowhere"), stdout=StringIO(), stderr=stderr)

    assert error.value.returncode == 1
    assert stderr.getvalue() == f"{tmp_path / 'nowhere'}:0: not a directory\n"


def test_the_command_line_exits_with_status_1_for_an_invalid_register(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=12, new="        lawful_basis: g"))
    manage = Path(__file__).resolve().parents[3] / "manage.py"

    finished = subprocess.run(
        [sys.executable, str(manage), "register", "validate", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1
    assert f"{directory / 'services' / 'council-tax.yaml'}:12: lawful_basis: 'g'" in finished.stderr
