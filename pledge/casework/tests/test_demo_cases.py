"""The demo requests: repeatable, every kind, open cases in every dashboard bucket, audited, fictional, in range."""

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from pledge.calendars.services import current_calendar
from pledge.casework.dashboard import bucket_totals, dashboard_rows, open_cases
from pledge.casework.demo_cases import DemoCasesError, demo_references, generate_demo_cases, remove_demo_cases
from pledge.casework.demo_people import EXAMPLE_DOMAINS
from pledge.casework.footage_models import FootageScope
from pledge.casework.models import Case, CaseKind, Channel, IssuedLetter
from pledge.casework.rag import Bucket, Rag
from pledge.casework.services import open_request
from pledge.casework.states import OPEN_STATES, CaseState
from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.fulfilment.decisions import objection_verdict
from pledge.law.calendar import Nation
from pledge.register.services import import_register
from pledge.rights.models import Release

DEMO_REGISTER = settings.BASE_DIR / "demo" / "anyshire" / "register"
TUESDAY = date(2026, 11, 24)


pytestmark = pytest.mark.django_db
NOON = datetime.combine(TUESDAY, time(12), tzinfo=ZoneInfo("Europe/London"))


def _make_staff() -> list[User]:
    import_register(directory=DEMO_REGISTER, actor="test")
    return [
        User.objects.create_user(username=name, password=None, role=role)
        for name, role in (("caseworker", Role.CASEWORKER), ("dpo", Role.DPO), ("ig-officer", Role.IG_OFFICER))
    ]


@pytest.fixture(scope="module")
def generated(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[Case]]:
    """The demo generated once for the module (it takes a few seconds), rolled back after the last test."""
    private = override_settings(PLEDGE_PRIVATE_ROOT=tmp_path_factory.mktemp("private"))
    with django_db_blocker.unblock(), private, transaction.atomic():
        with time_machine.travel(NOON, tick=False):
            generate_demo_cases(staff=_make_staff())
        yield list(Case.objects.order_by("id"))
        transaction.set_rollback(True)


@pytest.fixture
def staff(generated: list[Case]) -> list[User]:
    return list(User.objects.filter(username__in=["caseworker", "dpo", "ig-officer"]).order_by("username"))


def _shape(cases: list[Case]) -> list[tuple[Any, ...]]:
    return [
        (c.kind, c.channel, c.state, c.received_on, c.due_on, c.responded_on, c.requester_name, c.requester_email)
        for c in cases
    ]


def test_it_makes_the_same_requests_every_time_it_runs_on_the_same_day(
    generated: list[Case], staff: list[User], today: Callable[[date], date]
) -> None:
    today(TUESDAY)
    remove_demo_cases()
    generate_demo_cases(staff=staff)
    again = list(Case.objects.order_by("id"))
    assert _shape(again) == _shape(generated)
    assert {c.reference for c in again}.isdisjoint({c.reference for c in generated})


def test_it_makes_about_two_hundred_requests_of_every_kind_and_channel(generated: list[Case]) -> None:
    assert 150 <= len(generated) <= 250
    assert {c.kind for c in generated} == set(CaseKind.values)
    assert {c.channel for c in generated} == set(Channel.values)
    access = sum(c.kind in (CaseKind.ACCESS, CaseKind.ACCESS_CCTV) for c in generated)
    assert access > len(generated) / 2
    assert any(c.kind == CaseKind.ACCESS_CCTV for c in generated)


def test_open_requests_fill_every_dashboard_bucket_and_colour(generated: list[Case]) -> None:
    still_open = [c for c in generated if c.state in OPEN_STATES]
    assert 15 <= len(still_open) <= 25
    counts = bucket_totals(open_cases(), today=TUESDAY).counts
    assert all(counts[bucket.value] >= 1 for bucket in Bucket)
    colours = {row.rag for row in dashboard_rows(open_cases(), today=TUESDAY)}
    assert {Rag.RED, Rag.AMBER, Rag.GREEN, None} <= colours
    assert all(c.assignee is not None for c in still_open)
    assert {CaseState.AWAITING_ID, CaseState.AWAITING_CLARIFICATION, CaseState.EXTENDED} <= {
        CaseState(c.state) for c in still_open
    }


def test_most_are_answered_on_time_and_a_few_late_extended_refused_withdrawn_or_for_someone_else(
    generated: list[Case],
) -> None:
    answered = [c for c in generated if c.responded_on is not None]
    late = [c for c in answered if c.responded_on > c.due_on]
    assert 0 < len(late) < len(answered) / 10
    assert 3 <= sum(c.extended for c in generated) <= 20
    assert any(c.refusal_ground for c in generated)
    assert any(c.state == CaseState.WITHDRAWN for c in generated)
    behalf = [c for c in generated if c.on_behalf_of]
    assert behalf
    answered_for_someone = [c for c in behalf if c.responded_on and not c.refusal_ground]
    assert all(c.identity_checks.filter(proof="authority").exists() for c in answered_for_someone)


def test_every_case_has_its_audit_trail_from_the_services(generated: list[Case]) -> None:
    events = AuditEvent.objects.filter(object_type="case")
    for case in generated:
        summaries = list(events.filter(object_ref=case.reference).values_list("summary", flat=True))
        assert any(s.startswith("Request logged") for s in summaries), case.reference
        assert any(s.startswith("Assigned to") for s in summaries), case.reference
    assert demo_references() == {c.reference for c in generated}


def test_every_requester_is_fictional_with_an_example_address(generated: list[Case]) -> None:
    for case in generated:
        assert case.requester_email == "" or case.requester_email.rsplit("@", 1)[1] in EXAMPLE_DOMAINS
        assert case.requester_address.split(", ")[-1].startswith("AN")
    assert all(case.requester_email for case in generated if case.channel in (Channel.WEB, Channel.EMAIL))


def test_every_date_is_in_the_last_twenty_months_and_inside_the_calendar(generated: list[Case]) -> None:
    calendar = current_calendar(Nation.ENGLAND_AND_WALES)
    for case in generated:
        assert TUESDAY - timedelta(days=610) <= case.received_on <= TUESDAY
        assert calendar.covers(case.due_on)
        for day in (case.responded_on, case.closed_on, case.id_received_on):
            assert day is None or case.received_on <= day <= TUESDAY
    months = {(c.received_on.year, c.received_on.month) for c in generated}
    assert len(months) >= 19


def test_letters_and_portal_releases_are_dated_today_or_when_they_were_released(generated: list[Case]) -> None:
    letters = IssuedLetter.objects.all()
    assert letters.exists()
    assert all(letter.dated == TUESDAY for letter in letters)
    releases = Release.objects.all()
    assert releases.count() >= 2
    assert all(r.case.requester_email and r.released_at.date() <= TUESDAY for r in releases)


def test_removing_the_demo_cases_keeps_a_request_a_person_logged(generated: list[Case], staff: list[User]) -> None:
    mine = open_request(
        kind=CaseKind.ACCESS,
        channel=Channel.PHONE,
        received_on=TUESDAY,
        requester_name="Someone Typed In",
        summary="Logged by hand in the demo.",
        actor=staff[0],
    )
    assert remove_demo_cases() == len(generated)
    assert list(Case.objects.all()) == [mine]
    assert AuditEvent.objects.filter(object_type="demo-requests", summary__startswith="Demo requests removed").exists()


def test_it_refuses_when_the_calendar_does_not_reach_the_demo_dates(
    staff: list[User], today: Callable[[date], date]
) -> None:
    today(date(2027, 11, 2))
    before = Case.objects.count()
    with pytest.raises(DemoCasesError, match="calendar"):
        generate_demo_cases(staff=staff)
    assert Case.objects.count() == before


def test_answered_requests_carry_what_fulfilment_recorded_for_their_kind(generated: list[Case]) -> None:
    answered = [c for c in generated if c.responded_on and not c.refusal_ground]
    by_kind = {
        CaseKind.RECTIFICATION: lambda c: c.corrections.exists(),
        CaseKind.ERASURE: lambda c: c.erasure_outcomes.exists(),
        CaseKind.RESTRICTION: lambda c: c.restrictions.exists(),
        CaseKind.AUTOMATED_DECISION_REVIEW: lambda c: c.decision_reviews.filter(decided_on__isnull=False).exists(),
        CaseKind.ACCESS_CCTV: lambda c: FootageScope.objects.filter(case=c).exclude(retrieval="").exists(),
        CaseKind.OBJECTION: lambda c: (
            c.objection_decisions.count() == sum(objection_verdict(a).applies for a in c.activities.all())
        ),
    }
    for kind, recorded in by_kind.items():
        cases = [c for c in answered if c.kind == kind]
        assert cases, kind
        assert all(recorded(c) for c in cases), kind
    assert all(c.search_tasks.filter(state="to_do").count() == 0 for c in answered)
