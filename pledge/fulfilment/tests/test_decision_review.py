"""Reviews of automated decisions (Arts 22-22D, P063): set up with the original decision, its inputs and its Art 22(2)
exception and a named reviewer; only that reviewer records the new decision; the case cannot be answered first."""

from datetime import date

import pytest

from pledge.casework import services as casework
from pledge.casework.models import CaseKind
from pledge.casework.response_letters import response_blocked
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.fulfilment.models import DecisionReview
from pledge.fulfilment.services import FulfilmentError, open_decision_review, record_review_decision
from pledge.fulfilment.tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(today, db):
    today(date(2026, 12, 10))
    return build_register()


@pytest.fixture
def case(rows):
    return make_case(
        kind=CaseKind.AUTOMATED_DECISION_REVIEW,
        received_on=date(2026, 12, 1),
        activities=("council-tax-support", "council-tax-billing"),
    )


@pytest.fixture
def reviewer(db):
    return User.objects.create_user(username="rhiannon", password=None, role=Role.IG_OFFICER)


def _open(case, rows, actor, named, **changes):
    values = {
        "activity": rows.support,
        "original_decided_on": date(2026, 11, 20),
        "original_outcome": "Council tax support reduced from £40 to £12 a month",
        "original_inputs": "Universal Credit award £1,200 a month from 1 November 2026; household of two",
        "exception": "b",
        "exception_law": "Council Tax Reduction Schemes (Prescribed Requirements) (England) Regulations 2012",
        "persons_view": "My job started in December, not November.",
        "reviewer": named,
    }
    values.update(changes)
    return open_decision_review(case=case, actor=actor, **values)


def _decide(review, actor, **changes):
    values = {
        "result": "changed",
        "new_decision": "Support stays at £40 a month until 1 December 2026",
        "reasons": "The payslips show the job started on 1 December.",
        "decided_on": date(2026, 12, 9),
    }
    values.update(changes)
    return record_review_decision(review=review, actor=actor, **values)


def test_setting_up_a_review_records_the_original_decision_and_its_exception(case, rows, caseworker, reviewer) -> None:
    review = _open(case, rows, caseworker, reviewer)

    assert (review.reviewer, review.set_up_by, review.decided) == (reviewer, caseworker, False)
    assert review.get_exception_display() == "Required or authorised by law (Art 22(2)(b))"
    assert review.original_inputs.startswith("Universal Credit award")
    summary = AuditEvent.objects.filter(object_ref=case.reference).first().summary
    assert summary == f"Decision review {review.pk} on council-tax-support set up (Art 22(2)(b))"


def test_the_case_cannot_be_answered_until_the_reviewer_records_a_human_decision(
    case, rows, caseworker, reviewer
) -> None:
    assert "must review the automated decision" in response_blocked(case)
    review = _open(case, rows, caseworker, reviewer)
    with pytest.raises(casework.CaseworkError, match=r"record a new decision first \(Council tax support\)"):
        casework.mark_responded(case=case, on=date(2026, 12, 10), actor=caseworker)

    _decide(review, reviewer)

    assert response_blocked(case) == ""
    casework.mark_responded(case=case, on=date(2026, 12, 10), actor=caseworker)
    case.refresh_from_db()
    assert case.responded_on == date(2026, 12, 10)


def test_only_the_named_reviewer_records_the_decision_and_only_once(case, rows, caseworker, reviewer) -> None:
    review = _open(case, rows, caseworker, reviewer)
    with pytest.raises(FulfilmentError, match=r"Only the named reviewer \(rhiannon\)"):
        _decide(review, caseworker)

    decided = _decide(review, reviewer)
    assert (decided.result, decided.decided_on, decided.decided) == ("changed", date(2026, 12, 9), True)
    assert AuditEvent.objects.filter(object_ref=case.reference).first().summary == (
        f"Decision review {review.pk}: human decision recorded (changed)"
    )
    with pytest.raises(FulfilmentError, match="already recorded"):
        _decide(review, reviewer, result="stands")
    review.refresh_from_db()
    assert review.result == "changed"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"original_decided_on": date(2026, 12, 11)}, "original_decided_on", "cannot be in the future"),
        ({"original_decided_on": None}, "original_decided_on", "Enter the date of the automated decision"),
        ({"original_inputs": " "}, "original_inputs", "Enter the inputs"),
        ({"original_outcome": ""}, "original_outcome", "Enter what the automated decision was"),
        ({"exception": "z"}, "exception", "Select the exception"),
        ({"exception_law": ""}, "exception_law", "Enter the law"),
        ({"exception": "c"}, "exception_law", "Only a decision authorised by law names the law"),
        ({"activity": "billing"}, "activity", "makes no automated decisions"),
        ({"activity": "adult_care"}, "activity", "one of the activities this request concerns"),
        ({"reviewer": None}, "reviewer", "Select a member of staff who handles requests"),
        ({"reviewer": "auditor"}, "reviewer", "Select a member of staff who handles requests"),
    ],
)
def test_it_refuses_an_incomplete_setup_and_saves_nothing(case, rows, caseworker, reviewer, changes, field, message):
    if isinstance(changes.get("activity"), str):
        changes["activity"] = getattr(rows, changes["activity"])
    if changes.get("reviewer") == "auditor":
        changes["reviewer"] = User.objects.create_user(username="audrey", password=None, role=Role.AUDITOR)
    with pytest.raises(FulfilmentError, match=message) as refused:
        _open(case, rows, caseworker, reviewer, **changes)

    assert refused.value.field == field
    assert DecisionReview.objects.count() == 0


def test_it_sets_up_one_review_per_activity(case, rows, caseworker, reviewer) -> None:
    _open(case, rows, caseworker, reviewer)
    with pytest.raises(FulfilmentError, match="already set up for Council tax support"):
        _open(case, rows, caseworker, reviewer)
    assert DecisionReview.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"result": "rethought"}, "result"),
        ({"new_decision": ""}, "new_decision"),
        ({"reasons": " "}, "reasons"),
        ({"decided_on": date(2026, 12, 11)}, "decided_on"),
        ({"decided_on": date(2026, 11, 30)}, "decided_on"),
    ],
)
def test_it_refuses_an_incomplete_human_decision(case, rows, caseworker, reviewer, changes, field) -> None:
    review = _open(case, rows, caseworker, reviewer)
    with pytest.raises(FulfilmentError) as refused:
        _decide(review, reviewer, **changes)

    assert refused.value.field == field
    review.refresh_from_db()
    assert not review.decided


def test_it_refuses_reviews_on_other_kinds_of_request(rows, caseworker, reviewer) -> None:
    objection = make_case(kind=CaseKind.OBJECTION, received_on=date(2026, 12, 1), activities=("council-tax-support",))
    with pytest.raises(FulfilmentError, match="review an automated decision only"):
        _open(objection, rows, caseworker, reviewer)
