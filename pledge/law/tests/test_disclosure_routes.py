"""Which legal routes a disclosure is offered, and what stops its approval (P105-P107, P109-P118)."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from pledge.law.disclosure import (
    ConsentFinding,
    DisclosureFacts,
    DisclosureKind,
    DueDiligenceFacts,
    Route,
    approval_problems,
    due_diligence_problem,
    is_consensual,
    needs_tell_step,
    not_safe_problem,
    past_retrospective_window,
    retrospective_deadline,
    review_due,
    routes_offered,
)

TODAY = date(2026, 12, 2)
CHECKED = DueDiligenceFacts(agreement=True, security_assurance=True, contract=True, review_on=date(2027, 6, 1))
GATEWAY = {
    "gateway_statute": "Children Act 1989",
    "gateway_section": "s.47",
    "justification": "Enquiries into significant harm",
}


def facts(**changes: object) -> DisclosureFacts:
    base: dict[str, object] = {
        "kind": DisclosureKind.OTHER_AGENCY,
        "route": Route.LEGAL_GATEWAY,
        "due_diligence": CHECKED,
        "consent_sought": True,
        **GATEWAY,
    }
    return DisclosureFacts(**(base | changes))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 12, 2, 9, 0, tzinfo=UTC), tick=False):
        yield


def test_there_is_no_sale_or_paid_transfer_kind() -> None:
    assert not [k for k in DisclosureKind if "sale" in k or "paid" in k or "sell" in k]


def test_a_court_order_offers_only_the_court_order_route() -> None:
    for legal_only in (False, True):
        offered = routes_offered(
            kind=DisclosureKind.COURT_ORDER, legal_requirement_only=legal_only, for_marketing=False
        )
        assert offered == (Route.COURT_ORDER,)


def test_an_ordinary_disclosure_offers_consent_gateway_and_exemption() -> None:
    offered = routes_offered(kind=DisclosureKind.POLICE, legal_requirement_only=False, for_marketing=False)
    assert offered == (Route.CONSENT, Route.LEGAL_GATEWAY, Route.EXEMPTION)


def test_an_activity_kept_to_legal_requirement_offers_only_the_legal_gateway() -> None:
    for kind in set(DisclosureKind) - {DisclosureKind.COURT_ORDER}:
        assert routes_offered(kind=kind, legal_requirement_only=True, for_marketing=False) == (Route.LEGAL_GATEWAY,)


def test_marketing_is_offered_only_the_consent_route() -> None:
    assert routes_offered(kind=DisclosureKind.OTHER_AGENCY, legal_requirement_only=False, for_marketing=True) == (
        Route.CONSENT,
    )


def test_marketing_of_a_legal_requirement_only_activity_is_offered_nothing() -> None:
    assert routes_offered(kind=DisclosureKind.OTHER_AGENCY, legal_requirement_only=True, for_marketing=True) == ()
    problems = approval_problems(
        facts(for_marketing=True, legal_requirement_only=True, route=Route.CONSENT), today=TODAY
    )
    assert "cannot go for marketing" in problems["route"]


def test_a_complete_legal_gateway_disclosure_may_be_approved() -> None:
    assert approval_problems(facts(), today=TODAY) == {}


def test_it_refuses_an_unknown_route() -> None:
    assert approval_problems(facts(route="sold"), today=TODAY) == {"route": "Select the legal route for the disclosure"}


def test_it_refuses_the_consent_route_without_a_consent() -> None:
    for finding in (None, ConsentFinding(given=False)):
        problems = approval_problems(facts(route=Route.CONSENT, consent=finding), today=TODAY)
        assert "No consent covering" in problems["route"]


def test_a_covering_consent_is_enough_without_a_justification() -> None:
    chosen = facts(route=Route.CONSENT, consent=ConsentFinding(given=True), justification="")
    assert approval_problems(chosen, today=TODAY) == {}


def test_a_gateway_needs_a_statute_section_and_justification() -> None:
    problems = approval_problems(facts(gateway_statute="", gateway_section=" ", justification=""), today=TODAY)
    assert set(problems) == {"gateway_statute", "gateway_section", "justification"}


def test_an_exemption_must_be_one_of_schedule_2() -> None:
    problems = approval_problems(facts(route=Route.EXEMPTION, exemption="para 99"), today=TODAY)
    assert set(problems) == {"exemption"}
    assert approval_problems(facts(route=Route.EXEMPTION, exemption="crime_tax"), today=TODAY) == {}


def test_special_category_on_consent_needs_explicit_consent() -> None:
    plain = facts(route=Route.CONSENT, special_category=True, consent=ConsentFinding(given=True))
    assert "explicit consent" in approval_problems(plain, today=TODAY)["special_category"]
    explicit = facts(route=Route.CONSENT, special_category=True, consent=ConsentFinding(given=True, explicit=True))
    assert approval_problems(explicit, today=TODAY) == {}


def test_special_category_without_consent_needs_an_art9_condition() -> None:
    assert set(approval_problems(facts(special_category=True), today=TODAY)) == {"art9_condition"}
    assert set(approval_problems(facts(special_category=True, art9_condition="a"), today=TODAY)) == {"art9_condition"}
    assert approval_problems(facts(special_category=True, art9_condition="g"), today=TODAY) == {}


def test_marketing_needs_a_marketing_sharing_consent() -> None:
    ordinary = facts(route=Route.CONSENT, for_marketing=True, consent=ConsentFinding(given=True))
    assert "marketing" in approval_problems(ordinary, today=TODAY)["route"]
    marketing = facts(route=Route.CONSENT, for_marketing=True, consent=ConsentFinding(given=True, marketing=True))
    assert approval_problems(marketing, today=TODAY) == {}


def test_marketing_on_a_legal_gateway_is_refused() -> None:
    assert "needs the person's consent" in approval_problems(facts(for_marketing=True), today=TODAY)["route"]


def test_a_legal_requirement_only_activity_refuses_consent_and_exemption() -> None:
    for route in (Route.CONSENT, Route.EXEMPTION):
        problems = approval_problems(
            facts(route=route, legal_requirement_only=True, exemption="crime_tax"), today=TODAY
        )
        assert "choose the legal gateway" in problems["route"]
    assert approval_problems(facts(legal_requirement_only=True), today=TODAY) == {}


def test_a_court_order_needs_its_reference_and_the_order_document() -> None:
    chosen = facts(kind=DisclosureKind.COURT_ORDER, route=Route.COURT_ORDER, due_diligence=None)
    assert set(approval_problems(chosen, today=TODAY)) == {"court_order_reference", "order_document"}
    complete = facts(
        kind=DisclosureKind.COURT_ORDER,
        route=Route.COURT_ORDER,
        court_order_reference="ZW26C00123",
        has_order_document=True,
        due_diligence=None,
        consent_sought=None,
    )
    assert approval_problems(complete, today=TODAY) == {}


def test_a_court_order_on_any_other_route_is_refused() -> None:
    problems = approval_problems(facts(kind=DisclosureKind.COURT_ORDER), today=TODAY)
    assert "court order route" in problems["route"]


def test_a_police_request_records_necessity_and_the_minimum_data() -> None:
    chosen = facts(kind=DisclosureKind.POLICE, route=Route.EXEMPTION, exemption="crime_tax")
    assert set(approval_problems(chosen, today=TODAY)) == {"necessity", "minimum_data"}
    done = facts(
        kind=DisclosureKind.POLICE,
        route=Route.EXEMPTION,
        exemption="crime_tax",
        necessity="To trace a suspect",
        minimum_data="Current address",
    )
    assert approval_problems(done, today=TODAY) == {}


def test_an_nfi_upload_needs_dataset_count_and_date() -> None:
    chosen = facts(kind=DisclosureKind.DATA_MATCHING, consent_sought=None, record_count=0)
    assert set(approval_problems(chosen, today=TODAY)) == {"dataset", "record_count", "bulk_on"}
    done = facts(
        kind=DisclosureKind.DATA_MATCHING,
        consent_sought=None,
        dataset="Council tax single person discount",
        record_count=48_211,
        bulk_on=date(2026, 10, 1),
    )
    assert approval_problems(done, today=TODAY) == {}


def test_a_safeguarding_disclosure_without_consent_needs_a_risk_category() -> None:
    chosen = facts(kind=DisclosureKind.SAFEGUARDING)
    assert set(approval_problems(chosen, today=TODAY)) == {"risk_category"}
    assert approval_problems(facts(kind=DisclosureKind.SAFEGUARDING, risk_category="risk_to_child"), today=TODAY) == {}


def test_a_consensual_safeguarding_disclosure_needs_no_risk_category() -> None:
    chosen = facts(kind=DisclosureKind.SAFEGUARDING, route=Route.CONSENT, consent=ConsentFinding(given=True))
    assert approval_problems(chosen, today=TODAY) == {}


def test_without_consent_it_asks_whether_consent_was_sought_and_why_not() -> None:
    assert set(approval_problems(facts(consent_sought=None), today=TODAY)) == {"consent_sought"}
    assert set(approval_problems(facts(consent_sought=False), today=TODAY)) == {"consent_not_sought_reason"}
    for reason in ("unsafe", "urgent", "unable"):
        assert approval_problems(facts(consent_sought=False, consent_not_sought_reason=reason), today=TODAY) == {}


def test_a_register_recipient_without_checks_is_blocked() -> None:
    assert "no due-diligence checks" in approval_problems(facts(due_diligence=None), today=TODAY)["recipient"]


def test_a_recipient_outside_the_register_is_not_blocked_by_checks() -> None:
    assert approval_problems(facts(due_diligence=None, recipient_in_register=False), today=TODAY) == {}


def test_incomplete_checks_name_what_is_missing() -> None:
    checks = DueDiligenceFacts(agreement=True, security_assurance=None, contract=False, review_on=date(2027, 1, 1))
    assert due_diligence_problem(checks, today=TODAY) == (
        "The recipient's due-diligence checks are incomplete: security assurance, contract"
    )


def test_checks_expire_the_day_after_their_review_date() -> None:
    checks = DueDiligenceFacts(agreement=True, security_assurance=True, contract=True, review_on=TODAY)
    assert due_diligence_problem(checks, today=TODAY) is None
    assert "expired" in (due_diligence_problem(checks, today=date(2026, 12, 3)) or "")
    undated = DueDiligenceFacts(agreement=True, security_assurance=True, contract=True, review_on=None)
    assert "expired" in (due_diligence_problem(undated, today=TODAY) or "")


def test_a_court_order_is_not_blocked_by_the_recipients_checks() -> None:
    chosen = facts(
        kind=DisclosureKind.COURT_ORDER,
        route=Route.COURT_ORDER,
        court_order_reference="ZW26C00123",
        has_order_document=True,
        due_diligence=None,
    )
    assert approval_problems(chosen, today=TODAY) == {}


def test_every_route_but_consent_is_non_consensual() -> None:
    assert [r for r in Route if not is_consensual(r)] == [Route.LEGAL_GATEWAY, Route.EXEMPTION, Route.COURT_ORDER]


def test_non_consensual_disclosures_about_a_person_have_a_tell_step() -> None:
    assert needs_tell_step(kind=DisclosureKind.SAFEGUARDING, route=Route.LEGAL_GATEWAY)
    assert needs_tell_step(kind=DisclosureKind.COURT_ORDER, route=Route.COURT_ORDER)
    assert not needs_tell_step(kind=DisclosureKind.SAFEGUARDING, route=Route.CONSENT)
    assert not needs_tell_step(kind=DisclosureKind.DATA_MATCHING, route=Route.LEGAL_GATEWAY)
    assert not needs_tell_step(kind=DisclosureKind.STATUTORY_RETURN, route=Route.LEGAL_GATEWAY)


def test_a_referral_to_the_responsible_authority_always_tells_the_person() -> None:
    for route in Route:
        assert needs_tell_step(kind=DisclosureKind.REFERRAL, route=route)


def test_the_retrospective_window_counts_hours_from_the_disclosure() -> None:
    made = datetime(2026, 12, 1, 22, 0, tzinfo=UTC)
    assert retrospective_deadline(disclosed_at=made, window_hours=24) == datetime(2026, 12, 2, 22, 0, tzinfo=UTC)
    assert not past_retrospective_window(
        disclosed_at=made, window_hours=24, now=datetime(2026, 12, 2, 22, 0, tzinfo=UTC)
    )
    assert past_retrospective_window(disclosed_at=made, window_hours=24, now=datetime(2026, 12, 2, 22, 1, tzinfo=UTC))
    assert not past_retrospective_window(disclosed_at=None, window_hours=24, now=datetime(2027, 1, 1, tzinfo=UTC))


def test_a_review_is_due_on_its_date_and_after() -> None:
    assert not review_due(review_on=date(2026, 12, 3), today=TODAY)
    assert review_due(review_on=TODAY, today=TODAY)
    assert review_due(review_on=date(2026, 11, 1), today=TODAY)
    assert not review_due(review_on=None, today=TODAY)


def test_a_decision_not_to_tell_needs_reasons_and_a_future_review_date() -> None:
    assert not_safe_problem(reasons=" ", review_on=date(2027, 3, 1), today=TODAY) == (
        "reasons",
        "Enter why telling the person now would be unsafe or prejudice the purpose",
    )
    assert not_safe_problem(reasons="Investigation live", review_on=None, today=TODAY)[0] == "review_on"  # type: ignore[index]
    assert not_safe_problem(reasons="Investigation live", review_on=TODAY, today=TODAY)[0] == "review_on"  # type: ignore[index]
    assert not_safe_problem(reasons="Investigation live", review_on=date(2027, 3, 1), today=TODAY) is None
