"""`pledge register import DIR`: imports a valid register, or lists the problems and imports nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pledge.register.models import ProcessingActivity
from pledge.register.tests.factories import MINIMAL
from pledge.register.tests.registers import SERVICE, replace_line, small_register

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_it_imports_a_valid_register_and_summarises_it() -> None:
    stdout = StringIO()

    call_command("register", "import", str(MINIMAL), stdout=stdout)

    assert stdout.getvalue().startswith(f"Imported {MINIMAL}: controllers: 1 (new 1);")
    assert ProcessingActivity.objects.count() == 2


def test_it_refuses_an_invalid_register_with_exit_status_1_and_imports_nothing(tmp_path) -> None:
    directory = small_register(to=tmp_path, service=replace_line(SERVICE, line=12, new="        lawful_basis: g"))
    stderr = StringIO()

    with pytest.raises(CommandError) as error:
        call_command("register", "import", str(directory), stdout=StringIO(), stderr=stderr)

    assert error.value.returncode == 1
    assert str(error.value) == "1 problem(s) found; nothing was imported"
    assert stderr.getvalue() == (
        f"{directory / 'services' / 'council-tax.yaml'}:12: lawful_basis: 'g' is not one of: a, b, c, d, e, ea, f\n"
    )
    assert ProcessingActivity.objects.count() == 0
