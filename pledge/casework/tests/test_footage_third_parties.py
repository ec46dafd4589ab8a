"""The third-party step: other people or vehicles in preserved footage are none, redacted (how) or withheld under
one of the case's exemption decisions."""

from datetime import date

import pytest

from pledge.casework import footage, services
from pledge.casework.footage_models import RetrievalOutcome, ThirdPartyOutcome
from pledge.casework.tests.footage_factories import make_cctv_case, make_cctv_system, make_scope
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def scope(today, caseworker):
    today(date(2026, 11, 20))
    return make_scope(case=make_cctv_case(received_on=date(2026, 11, 10)), system=make_cctv_system(), actor=caseworker)


def preserve(scope, actor):
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 11, 12),
        retrieved_by="Control room",
        reason="",
        actor=actor,
    )


def exemption_on(case, actor):
    return services.record_exemption(
        case=case,
        code="THIRD_PARTY",
        scope="Footage showing two other people",
        reasoning="They did not consent",
        third_party_consent="refused",
        reasonable_without_consent=False,
        third_party_factors="Identifiable faces",
        actor=actor,
    )


def test_it_waits_for_the_footage_to_be_preserved(scope, caseworker) -> None:
    with pytest.raises(footage.FootageError, match="retrieved and preserved first"):
        footage.record_third_parties(scope=scope, outcome="none_visible", how="", exemption=None, actor=caseworker)


def test_none_visible_is_recorded_with_who_and_when(scope, caseworker) -> None:
    preserve(scope, caseworker)
    footage.record_third_parties(scope=scope, outcome="none_visible", how="", exemption=None, actor=caseworker)
    scope.refresh_from_db()
    assert (scope.third_parties, scope.third_parties_recorded_by) == (ThirdPartyOutcome.NONE_VISIBLE, caseworker)
    assert scope.third_parties_recorded_at is not None
    assert AuditEvent.objects.filter(
        summary="CCTV footage third parties: no other people or vehicles are visible"
    ).exists()


def test_redaction_says_how(scope, caseworker) -> None:
    preserve(scope, caseworker)
    with pytest.raises(footage.FootageError, match="how the other people") as refused:
        footage.record_third_parties(scope=scope, outcome="redacted", how=" ", exemption=None, actor=caseworker)
    assert refused.value.field == "how"
    footage.record_third_parties(scope=scope, outcome="redacted", how="Faces blurred", exemption=None, actor=caseworker)
    scope.refresh_from_db()
    assert (scope.third_parties, scope.redaction_method) == ("redacted", "Faces blurred")


def test_withholding_names_one_of_the_cases_exemption_decisions(scope, caseworker) -> None:
    preserve(scope, caseworker)
    with pytest.raises(footage.FootageError, match="Select the exemption"):
        footage.record_third_parties(scope=scope, outcome="withheld", how="", exemption=None, actor=caseworker)
    other = make_cctv_case(received_on=date(2026, 11, 11))
    with pytest.raises(footage.FootageError, match="this case's exemption"):
        footage.record_third_parties(
            scope=scope, outcome="withheld", how="", exemption=exemption_on(other, caseworker), actor=caseworker
        )
    decision = exemption_on(scope.case, caseworker)
    footage.record_third_parties(scope=scope, outcome="withheld", how="ignored", exemption=decision, actor=caseworker)
    scope.refresh_from_db()
    assert (scope.third_parties, scope.exemption, scope.redaction_method) == ("withheld", decision, "")


def test_the_same_answer_twice_is_recorded_once(scope, caseworker) -> None:
    preserve(scope, caseworker)
    footage.record_third_parties(scope=scope, outcome="redacted", how="Faces blurred", exemption=None, actor=caseworker)
    events = AuditEvent.objects.count()
    footage.record_third_parties(
        scope=scope, outcome="redacted", how="Faces blurred ", exemption=None, actor=caseworker
    )
    assert AuditEvent.objects.count() == events
    footage.record_third_parties(scope=scope, outcome="none_visible", how="", exemption=None, actor=caseworker)
    scope.refresh_from_db()
    assert (scope.third_parties, scope.redaction_method, AuditEvent.objects.count()) == ("none_visible", "", events + 1)
