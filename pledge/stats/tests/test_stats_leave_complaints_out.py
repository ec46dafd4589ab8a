"""Request statistics count rights requests only: complaints and suggestions share the case engine, not the figures."""

import csv
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from pledge.casework.models import CaseKind, Channel, ComplaintKind
from pledge.casework.tests.factories import make_case
from pledge.complaints.services import log_complaint

pytestmark = pytest.mark.django_db


def test_a_complaint_in_the_period_is_neither_counted_nor_an_error(tmp_path) -> None:
    with time_machine.travel(date(2026, 11, 30)):
        for _ in range(6):
            make_case(received_on=date(2026, 10, 5))
        for kind in (ComplaintKind.COMPLAINT, ComplaintKind.SUGGESTION):
            log_complaint(
                kind=kind,
                channel=Channel.EMAIL,
                received_on=date(2026, 10, 6),
                name="Avery Quill",
                summary="You sent my letter to the wrong address",
                actor="test",
            )
    out = tmp_path / "out.csv"
    call_command(
        "stats",
        "export",
        "requests-by-kind-and-quarter",
        "--from",
        "2026-10-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
    )
    rows = list(csv.reader(StringIO(out.read_text())))
    access = next(r for r in rows if r and r[0] == CaseKind.ACCESS.label)
    assert access[1:] == ["6"]  # one quarter, and no total column for it
    assert not any("omplaint" in cell or "uggestion" in cell for row in rows for cell in row)
