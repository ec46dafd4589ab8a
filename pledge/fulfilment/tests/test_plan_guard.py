"""P056: restricted records are refused for exports, matching and mailings, and every blocked attempt is audited."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.conf import LazySettings

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent, User
from pledge.discovery.sources import RecordKey
from pledge.fulfilment.plan_guard import (
    Purpose,
    RecordsRestricted,
    drop_restricted,
    is_restricted,
    refuse_if_restricted,
    restricted_refs,
)
from pledge.fulfilment.tests.factories import make_case, make_restriction
from pledge.fulfilment.tests.plan_estate import build_estate, register_estate_systems
from pledge.register.models import System

DAY = date(2026, 12, 1)
N1 = RecordKey("newsletters", "subscribers", "N1")
N2 = RecordKey("newsletters", "subscribers", "N2")
CT1 = RecordKey("council-tax", "accounts", "CT1")


@pytest.fixture
def restricted(
    register: None, settings: LazySettings, tmp_path: Path, caseworker: User, today: Callable[[date], date]
) -> None:
    settings.PLEDGE_SYSTEMS = build_estate(tmp_path / "estate").yaml
    register_estate_systems()
    today(DAY)
    case = make_case(kind=CaseKind.RESTRICTION, received_on=DAY, actor=caseworker)
    # One typed by staff (the key alone), one as a plan records it (the full record key).
    make_restriction(
        case=case, system=System.objects.get(slug="newsletters-system"), reference="N1", actor=caseworker, on=DAY
    )
    make_restriction(
        case=case, system=System.objects.get(slug="revenues-system"), reference=str(CT1), actor=caseworker, on=DAY
    )


def test_it_knows_which_records_are_restricted(restricted: None) -> None:
    assert restricted_refs() == {N1, CT1}
    assert is_restricted(N1) and is_restricted(CT1) and not is_restricted(N2)


def test_it_refuses_a_mailing_that_includes_a_restricted_record_and_audits_it(
    restricted: None, caseworker: User
) -> None:
    with pytest.raises(RecordsRestricted) as refused:
        refuse_if_restricted(refs=[N1, N2], purpose=Purpose.MAILING, actor=caseworker)
    assert refused.value.refs == [N1]
    event = AuditEvent.objects.get(object_type="restriction", action="refuse")
    assert event.summary == "Blocked mailing: 1 restricted record(s) in newsletters (Art 18(2))"


def test_it_lets_the_art_18_2_exceptions_through(restricted: None, caseworker: User) -> None:
    refuse_if_restricted(refs=[N1, CT1], purpose=Purpose.LEGAL_CLAIMS, actor=caseworker)
    refuse_if_restricted(refs=[N1], purpose=Purpose.SUBJECT_REQUEST, actor=caseworker)
    assert not AuditEvent.objects.filter(object_type="restriction").exists()


def test_it_can_drop_restricted_records_and_go_ahead_with_the_rest(restricted: None, caseworker: User) -> None:
    assert drop_restricted(refs=[N1, N2, CT1], purpose="export", actor=caseworker) == [N2]
    assert AuditEvent.objects.filter(object_type="restriction", summary__startswith="Blocked export: 2").exists()


def test_a_lifted_restriction_no_longer_blocks(restricted: None, caseworker: User) -> None:
    from pledge.fulfilment.models import Restriction
    from pledge.fulfilment.services import lift_restriction

    for item in Restriction.objects.all():
        lift_restriction(
            restriction=item,
            person_told_on=DAY,
            person_told_how="letter",
            reasons="Checked",
            lifted_on=DAY,
            actor=caseworker,
        )
    refuse_if_restricted(refs=[N1, CT1], purpose=Purpose.MATCHING, actor=caseworker)
    assert restricted_refs() == set()
