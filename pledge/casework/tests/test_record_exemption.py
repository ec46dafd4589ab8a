"""Recording an exemption (spec §3.2): code from the catalogue, scope and reasoning, and the facts its code needs."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import ExemptionDecision
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import NAME, make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db
SCOPE, REASONING = "Pages 3-5 of the housing file", "Neighbour's complaint naming them; they refused consent"


@pytest.fixture
def case(today):
    today(date(2026, 12, 10))
    return make_case(received_on=date(2026, 11, 30))


def test_it_records_a_crime_exemption_with_its_provision(case, caseworker) -> None:
    decision = services.record_exemption(
        case=case, code="CRIME_TAX", scope=SCOPE, reasoning="Live council tax fraud inquiry", actor=caseworker
    )
    stored = ExemptionDecision.objects.get(pk=decision.pk)
    assert (stored.code, stored.provision, stored.decided_on) == (
        "CRIME_TAX",
        "DPA 2018 Sch 2 para 2",
        date(2026, 12, 10),
    )
    assert (stored.scope, stored.decided_by) == (SCOPE, caseworker)


def test_it_records_the_third_party_factors(case, caseworker) -> None:
    decision = services.record_exemption(
        case=case,
        code="THIRD_PARTY",
        scope=SCOPE,
        reasoning=REASONING,
        third_party_consent="refused",
        reasonable_without_consent=False,
        third_party_factors="Health details given in confidence",
        actor=caseworker,
    )
    assert (decision.third_party_consent, decision.reasonable_without_consent) == ("refused", False)
    assert decision.third_party_factors == "Health details given in confidence"


def test_it_refuses_to_withhold_when_the_third_party_consented(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match=r"para 16\(2\)\(a\)"):
        services.record_exemption(
            case=case,
            code="THIRD_PARTY",
            scope=SCOPE,
            reasoning=REASONING,
            third_party_consent="given",
            reasonable_without_consent=False,
            third_party_factors="x",
            actor=caseworker,
        )
    assert ExemptionDecision.objects.count() == 0


def test_it_needs_the_professional_and_date_for_a_serious_harm_code(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="Record the professional"):
        services.record_exemption(
            case=case, code="HEALTH_SERIOUS_HARM", scope=SCOPE, reasoning=REASONING, actor=caseworker
        )
    decision = services.record_exemption(
        case=case,
        code="HEALTH_SERIOUS_HARM",
        scope=SCOPE,
        reasoning=REASONING,
        professional_consulted="Dr A Consultant, community mental health team",
        professional_consulted_on=date(2026, 12, 1),
        actor=caseworker,
    )
    assert decision.professional_consulted_on == date(2026, 12, 1)


def test_it_refuses_an_opinion_dated_after_the_decision(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="before the decision"):
        services.record_exemption(
            case=case,
            code="SOCIAL_WORK_SERIOUS_HARM",
            scope=SCOPE,
            reasoning=REASONING,
            professional_consulted="Team manager",
            professional_consulted_on=date(2026, 12, 10),
            on=date(2026, 12, 9),
            actor=caseworker,
        )


@pytest.mark.parametrize(
    ("code", "scope", "reasoning", "message"),
    [
        ("MADE_UP", SCOPE, REASONING, "Select an exemption"),
        ("CRIME_TAX", " ", REASONING, "what information the exemption covers"),
        ("CRIME_TAX", SCOPE, "", "Give the reasoning"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(case, caseworker, code, scope, reasoning, message) -> None:
    events = AuditEvent.objects.count()
    with pytest.raises(CaseworkError, match=message):
        services.record_exemption(case=case, code=code, scope=scope, reasoning=reasoning, actor=caseworker)
    assert ExemptionDecision.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_it_refuses_a_decision_dated_before_the_request(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="before the request was received"):
        services.record_exemption(
            case=case, code="CRIME_TAX", scope=SCOPE, reasoning=REASONING, on=date(2026, 11, 1), actor=caseworker
        )


def test_the_audit_row_names_the_code_but_not_the_reasoning(case, caseworker) -> None:
    services.record_exemption(case=case, code="CRIME_TAX", scope=SCOPE, reasoning=REASONING, actor=caseworker)
    event = AuditEvent.objects.filter(object_ref=case.reference).order_by("-id").first()
    assert event.summary == "Exemption recorded: CRIME_TAX (DPA 2018 Sch 2 para 2)"
    for secret in (SCOPE, REASONING, NAME):
        assert secret not in str(event.__dict__)
