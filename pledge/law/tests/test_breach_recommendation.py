"""The breach recommendation (UK GDPR Arts 33, 34): every combination of likelihood, severity and kinds of data."""

from datetime import datetime, timedelta
from itertools import product
from zoneinfo import ZoneInfo

import pytest

from pledge.law.breach import (
    MANY_PEOPLE,
    Art34Exception,
    Likelihood,
    RiskAssessment,
    RiskLevel,
    Severity,
    communication_duty,
    ico_decision_problems,
    people_decision_problems,
    recommend,
    risk_level,
)

N, R, H = RiskLevel.NONE, RiskLevel.RISK, RiskLevel.HIGH
L = [Likelihood.REMOTE, Likelihood.POSSIBLE, Likelihood.LIKELY]
S = [Severity.MINIMAL, Severity.SIGNIFICANT, Severity.SEVERE]
# Written out by hand, independently of the code: rows are likelihood, columns severity.
PLAIN = [[N, N, R], [N, R, H], [R, H, H]]
# Special category or criminal offence data: severity one step higher.
SENSITIVE = [[N, R, R], [R, H, H], [H, H, H]]
LONDON = ZoneInfo("Europe/London")
AWARE = datetime(2026, 12, 24, 16, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("likelihood", "severity", "special", "criminal"), list(product(L, S, [False, True], [False, True]))
)
def test_every_combination_gets_the_level_in_the_table(likelihood, severity, special, criminal) -> None:
    table = SENSITIVE if special or criminal else PLAIN
    expected = table[L.index(likelihood)][S.index(severity)]
    assessment = RiskAssessment(
        likelihood=likelihood, severity=severity, special_category=special, criminal_offence=criminal, people=1
    )
    level, reasons = risk_level(assessment)
    assert level is expected
    assert reasons
    advice = recommend(assessment)
    assert advice.notify_ico is (expected is not N)
    assert advice.notify_people is (expected is H)
    assert any("Art 33" in reason for reason in advice.reasons)
    assert any("Art 34" in reason for reason in advice.reasons)


@pytest.mark.parametrize(("likelihood", "severity"), list(product(L, S)))
def test_unintelligible_data_is_unlikely_to_result_in_a_risk(likelihood, severity) -> None:
    assessment = RiskAssessment(
        likelihood=likelihood, severity=severity, special_category=True, data_unintelligible=True, people=5000
    )
    advice = recommend(assessment)
    assert advice.level is N
    assert not advice.notify_ico and not advice.notify_people
    assert "unintelligible" in advice.reasons[0]


def test_many_people_are_never_unlikely_to_be_at_risk() -> None:
    small = RiskAssessment(likelihood=Likelihood.REMOTE, severity=Severity.MINIMAL, people=MANY_PEOPLE - 1)
    large = RiskAssessment(likelihood=Likelihood.REMOTE, severity=Severity.MINIMAL, people=MANY_PEOPLE)
    assert risk_level(small)[0] is N
    level, reasons = risk_level(large)
    assert level is R
    assert "council policy" in reasons[-1]


def test_an_unknown_number_of_people_does_not_raise_the_level() -> None:
    assert risk_level(RiskAssessment(likelihood=Likelihood.REMOTE, severity=Severity.MINIMAL))[0] is N


def test_special_category_reasons_say_it_is_council_policy() -> None:
    _level, reasons = risk_level(
        RiskAssessment(likelihood=Likelihood.POSSIBLE, severity=Severity.MINIMAL, special_category=True)
    )
    assert "special category (Art 9)" in reasons[0] and "council policy" in reasons[0]


@pytest.mark.parametrize("level", [N, R])
def test_below_high_risk_nobody_must_be_told(level) -> None:
    duty = communication_duty(level=level)
    assert not duty.tell_each_person and not duty.public_communication


def test_a_high_risk_must_be_told_to_each_person() -> None:
    duty = communication_duty(level=H)
    assert duty.tell_each_person and not duty.public_communication
    assert "clear and plain language" in duty.reason


@pytest.mark.parametrize("exception", list(Art34Exception))
def test_each_art_34_3_exception_lifts_the_duty(exception) -> None:
    duty = communication_duty(level=H, exception=exception)
    assert not duty.tell_each_person
    assert duty.public_communication is (exception is Art34Exception.DISPROPORTIONATE)
    assert "Art 34(3)" in duty.reason


def test_the_recommendation_names_the_exception_relied_on() -> None:
    assessment = RiskAssessment(likelihood=Likelihood.LIKELY, severity=Severity.SEVERE)
    advice = recommend(assessment, exception=Art34Exception.MEASURES_TAKEN)
    assert advice.notify_ico and not advice.notify_people
    assert "Art 34(3)(b)" in advice.reasons[-1]


def _ico(**kwargs):
    values = {
        "aware_at": AWARE,
        "now": AWARE + timedelta(days=10),
        "notify": True,
        "notified_at": AWARE + timedelta(hours=10),
        "reference": "IC-1",
        "delay_reasons": "",
        "reasons_not_notified": "",
    }
    values.update(kwargs)
    return ico_decision_problems(**values)


def test_a_timely_report_with_a_reference_may_be_recorded() -> None:
    assert _ico() == {}


def test_a_late_report_needs_reasons_for_the_delay() -> None:
    late = AWARE + timedelta(hours=73)
    assert set(_ico(notified_at=late)) == {"delay_reasons"}
    assert _ico(notified_at=late, delay_reasons="The facts came to light in stages.") == {}


def test_whitespace_is_not_a_reason() -> None:
    assert set(_ico(notified_at=AWARE + timedelta(hours=80), delay_reasons="   ")) == {"delay_reasons"}
    assert set(_ico(notify=False, reasons_not_notified=" \n")) == {"reasons_not_notified"}


def test_not_reporting_needs_reasons() -> None:
    assert set(_ico(notify=False)) == {"reasons_not_notified"}
    assert _ico(notify=False, reasons_not_notified="Encrypted, key safe.") == {}


def test_a_report_needs_its_time_and_reference() -> None:
    assert set(_ico(notified_at=None)) == {"notified_at"}
    assert set(_ico(reference="")) == {"reference"}


def test_a_report_cannot_be_before_awareness_or_in_the_future() -> None:
    assert "before" in _ico(notified_at=AWARE - timedelta(minutes=1))["notified_at"]
    assert "future" in _ico(notified_at=AWARE + timedelta(days=11))["notified_at"]


def _people(**kwargs):
    values = {"level": H, "told": True, "told_at": AWARE, "told_how": "By letter", "exception": None, "now": AWARE}
    values.update(kwargs)
    return people_decision_problems(**values)


def test_telling_people_needs_when_and_how() -> None:
    assert _people() == {}
    assert set(_people(told_at=None, told_how="")) == {"told_at", "told_how"}
    assert set(_people(told_at=AWARE + timedelta(days=1))) == {"told_at"}


def test_not_telling_people_of_a_high_risk_needs_an_exception() -> None:
    assert set(_people(told=False)) == {"exception"}
    assert _people(told=False, exception=Art34Exception.UNINTELLIGIBLE) == {}


@pytest.mark.parametrize("level", [N, R, None])
def test_not_telling_people_below_high_risk_needs_no_exception(level) -> None:
    assert _people(told=False, level=level) == {}
