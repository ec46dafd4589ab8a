"""Choosing the register activities a request concerns and its team: one audited change, or nothing saved."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import CaseKind
from pledge.casework.scope import case_verdict, choose_scope
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import NAME, make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditEvent
from pledge.law.request_rights import RIGHT_FOR_REQUEST
from pledge.register.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker):
    today(date(2026, 11, 10))
    return make_case(received_on=date(2026, 11, 9), actor=caseworker)


def test_every_kind_of_case_has_a_right_in_the_rights_engine() -> None:
    assert set(RIGHT_FOR_REQUEST) == set(CaseKind.values)


def test_it_saves_the_activities_and_team_with_one_audit_row_of_slugs(case, register, caseworker) -> None:
    choose_scope(
        case=case, activities=[register.billing, register.support], team=register.council_tax, actor=caseworker
    )
    case.refresh_from_db()
    assert set(case.activities.all()) == {register.billing, register.support}
    assert case.team == register.council_tax
    event = AuditEvent.objects.filter(object_ref=case.reference).latest("id")
    assert event.before == {"activities": [], "team": None}
    assert event.after == {"activities": ["council-tax-billing", "council-tax-support"], "team": "council-tax"}
    assert event.summary == "Scope set: 2 activities, team council-tax"
    assert NAME not in event.summary


def test_choosing_the_same_scope_again_writes_nothing(case, register, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    count = AuditEvent.objects.count()
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    assert AuditEvent.objects.count() == count


def test_it_records_the_before_when_the_scope_changes(case, register, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing], team=register.council_tax, actor=caseworker)
    choose_scope(case=case, activities=[register.garden_waste], team=register.waste, actor=caseworker)
    event = AuditEvent.objects.filter(object_ref=case.reference).latest("id")
    assert event.before == {"activities": ["council-tax-billing"], "team": "council-tax"}
    assert event.after == {"activities": ["garden-waste"], "team": "waste"}


def test_it_refuses_a_draft_activity_and_saves_nothing(case, register, caseworker) -> None:
    register.newsletter.status = Status.DRAFT
    register.newsletter.save()
    with pytest.raises(CaseworkError, match="approved register"):
        choose_scope(case=case, activities=[register.billing, register.newsletter], team=None, actor=caseworker)
    assert case.activities.count() == 0


def test_it_keeps_an_activity_already_chosen_that_went_back_to_draft(case, register, caseworker) -> None:
    choose_scope(case=case, activities=[register.newsletter], team=None, actor=caseworker)
    register.newsletter.status = Status.DRAFT
    register.newsletter.save()
    choose_scope(case=case, activities=[register.newsletter, register.billing], team=None, actor=caseworker)
    assert case.activities.count() == 2


def test_it_refuses_to_change_a_withdrawn_case(case, register, caseworker) -> None:
    services.withdraw(case=case, on=date(2026, 11, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="closed or withdrawn"):
        choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    assert case.activities.count() == 0


def test_the_verdict_reads_the_chosen_activities(case, register, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing, register.adult_care], team=None, actor=caseworker)
    verdict = case_verdict(case)
    assert [a.name for a in verdict.activities] == ["Care needs assessments", "Billing and collecting council tax"]
    assert verdict.applies_to_any
