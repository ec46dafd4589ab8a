"""DPIA screening (Art 35): the outcome and its reasons, from the ICO's list and the WP248 criteria."""

import pytest

from pledge.law.dpia import (
    Likelihood,
    Outcome,
    Question,
    RiskLevel,
    Severity,
    needs_prior_consultation,
    risk_level,
    screen,
)


@pytest.mark.parametrize(
    "question", [Question.AUTOMATED_EVALUATION, Question.LARGE_SCALE_SPECIAL, Question.PUBLIC_MONITORING]
)
def test_each_article_35_3_case_alone_requires_a_dpia(question):
    result = screen([question])
    assert result.outcome == Outcome.REQUIRED
    assert result.reasons[0].startswith("Art 35(3) always requires a DPIA")


@pytest.mark.parametrize(
    "question",
    [
        Question.DATA_MATCHING,
        Question.BIOMETRICS,
        Question.TRACKING,
        Question.INNOVATIVE_TECHNOLOGY,
        Question.INVISIBLE_PROCESSING,
    ],
)
def test_an_item_on_the_icos_list_alone_requires_a_dpia(question):
    result = screen([question])
    assert result.outcome == Outcome.REQUIRED
    assert any("ICO's list" in reason for reason in result.reasons)


def test_two_wp248_criteria_require_a_dpia():
    result = screen([Question.SPECIAL_OR_CRIMINAL, Question.VULNERABLE_PEOPLE])
    assert result.outcome == Outcome.REQUIRED
    assert result.criteria_met == ("sensitive or highly personal data", "vulnerable people")


def test_one_wp248_criterion_recommends_a_dpia():
    result = screen([Question.LARGE_SCALE])
    assert result.outcome == Outcome.RECOMMENDED
    assert "large scale" in result.reasons[0]


def test_two_answers_meeting_the_same_criterion_count_once():
    result = screen([Question.SPECIAL_OR_CRIMINAL])
    assert result.outcome == Outcome.RECOMMENDED


def test_nothing_ticked_means_no_dpia_with_the_reason_recorded():
    result = screen([])
    assert result.outcome == Outcome.NOT_NEEDED
    assert result.reasons


@pytest.mark.parametrize(
    ("likelihood", "severity", "level"),
    [
        (Likelihood.REMOTE, Severity.MINIMAL, RiskLevel.LOW),
        (Likelihood.REMOTE, Severity.SIGNIFICANT, RiskLevel.LOW),
        (Likelihood.REMOTE, Severity.SEVERE, RiskLevel.MEDIUM),
        (Likelihood.POSSIBLE, Severity.MINIMAL, RiskLevel.LOW),
        (Likelihood.POSSIBLE, Severity.SIGNIFICANT, RiskLevel.MEDIUM),
        (Likelihood.POSSIBLE, Severity.SEVERE, RiskLevel.HIGH),
        (Likelihood.PROBABLE, Severity.MINIMAL, RiskLevel.MEDIUM),
        (Likelihood.PROBABLE, Severity.SIGNIFICANT, RiskLevel.HIGH),
        (Likelihood.PROBABLE, Severity.SEVERE, RiskLevel.HIGH),
    ],
)
def test_the_risk_matrix_covers_every_pair(likelihood, severity, level):
    assert risk_level(likelihood=likelihood, severity=severity) == level


def test_prior_consultation_is_needed_only_when_a_residual_risk_stays_high():
    assert needs_prior_consultation([RiskLevel.LOW, RiskLevel.HIGH])
    assert not needs_prior_consultation([RiskLevel.MEDIUM, RiskLevel.LOW])
    assert not needs_prior_consultation([])
