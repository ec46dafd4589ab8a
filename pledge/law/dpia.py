"""DPIA screening and risk scoring (UK GDPR Art 35; the ICO's guidance on when a DPIA is required).

Art 35(1): a DPIA is required where processing is likely to result in a high risk. Art 35(3) names three cases that
always need one; the ICO's published list (Art 35(4)) adds ten more; and the EDPB-endorsed WP248 rev.01 criteria say
that processing meeting two or more of nine criteria will usually need one. This module turns a screening's answers
into required / recommended / not needed, with every reason, and scores a risk (likelihood x severity) as the ICO's
sample DPIA template does. Pure: no Django.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    NOT_NEEDED = "not_needed"


class Question(StrEnum):
    """The screening questions. The first three are Art 35(3); the next ten the ICO's list; then WP248's criteria
    not already covered (each of the ICO's also counts towards the WP248 tally where it matches one)."""

    # Art 35(3): always a DPIA.
    AUTOMATED_EVALUATION = "automated_evaluation"
    LARGE_SCALE_SPECIAL = "large_scale_special"
    PUBLIC_MONITORING = "public_monitoring"
    # The ICO's list of processing likely to result in high risk (Art 35(4)).
    INNOVATIVE_TECHNOLOGY = "innovative_technology"
    DENIAL_OF_SERVICE = "denial_of_service"
    LARGE_SCALE_PROFILING = "large_scale_profiling"
    BIOMETRICS = "biometrics"
    GENETIC = "genetic"
    DATA_MATCHING = "data_matching"
    INVISIBLE_PROCESSING = "invisible_processing"
    TRACKING = "tracking"
    TARGETING_VULNERABLE = "targeting_vulnerable"
    RISK_OF_PHYSICAL_HARM = "risk_of_physical_harm"
    # WP248 criteria that the lists above do not already name.
    SPECIAL_OR_CRIMINAL = "special_or_criminal"
    LARGE_SCALE = "large_scale"
    VULNERABLE_PEOPLE = "vulnerable_people"
    PREVENTS_RIGHTS = "prevents_rights"


QUESTIONS: dict[Question, str] = {
    Question.AUTOMATED_EVALUATION: "Systematic and extensive evaluation of people based on automated processing, "
    "including profiling, with decisions that have legal or similarly significant effects",
    Question.LARGE_SCALE_SPECIAL: "Large-scale use of special category data or criminal offence data",
    Question.PUBLIC_MONITORING: "Systematic monitoring of a publicly accessible area on a large scale (CCTV, ANPR)",
    Question.INNOVATIVE_TECHNOLOGY: "Innovative technology, or a new use of existing technology (including AI)",
    Question.DENIAL_OF_SERVICE: "Decisions about access to a service, opportunity or benefit based on automated "
    "decision-making or special category data",
    Question.LARGE_SCALE_PROFILING: "Profiling people on a large scale",
    Question.BIOMETRICS: "Biometric data to identify someone",
    Question.GENETIC: "Genetic data (other than by a GP or health professional for care)",
    Question.DATA_MATCHING: "Combining, comparing or matching personal data from several sources",
    Question.INVISIBLE_PROCESSING: "Personal data not obtained from the person, where telling them would be "
    "impossible or involve disproportionate effort",
    Question.TRACKING: "Tracking people's location or behaviour",
    Question.TARGETING_VULNERABLE: "Using children's or other vulnerable people's data for marketing, profiling or "
    "automated decisions, or offering online services directly to children",
    Question.RISK_OF_PHYSICAL_HARM: "A breach could put someone's physical health or safety at risk",
    Question.SPECIAL_OR_CRIMINAL: "Special category data, criminal offence data or other highly personal data",
    Question.LARGE_SCALE: "Processing on a large scale (many people, much data, a long time or a wide area)",
    Question.VULNERABLE_PEOPLE: "Data about vulnerable people (children, people in care, people with care needs)",
    Question.PREVENTS_RIGHTS: "Processing that stops people using a service or exercising a right",
}

ARTICLE_35_3 = frozenset({Question.AUTOMATED_EVALUATION, Question.LARGE_SCALE_SPECIAL, Question.PUBLIC_MONITORING})
ICO_LIST = frozenset(
    {
        Question.INNOVATIVE_TECHNOLOGY,
        Question.DENIAL_OF_SERVICE,
        Question.LARGE_SCALE_PROFILING,
        Question.BIOMETRICS,
        Question.GENETIC,
        Question.DATA_MATCHING,
        Question.INVISIBLE_PROCESSING,
        Question.TRACKING,
        Question.TARGETING_VULNERABLE,
        Question.RISK_OF_PHYSICAL_HARM,
    }
)
# Which answers meet each of WP248's nine criteria (one answer may meet one criterion; the tally counts criteria).
WP248_CRITERIA: dict[str, frozenset[Question]] = {
    "evaluation or scoring": frozenset({Question.AUTOMATED_EVALUATION, Question.LARGE_SCALE_PROFILING}),
    "automated decisions with legal or similar effect": frozenset({Question.DENIAL_OF_SERVICE}),
    "systematic monitoring": frozenset({Question.PUBLIC_MONITORING, Question.TRACKING}),
    "sensitive or highly personal data": frozenset(
        {Question.SPECIAL_OR_CRIMINAL, Question.LARGE_SCALE_SPECIAL, Question.BIOMETRICS, Question.GENETIC}
    ),
    "large scale": frozenset({Question.LARGE_SCALE, Question.LARGE_SCALE_SPECIAL, Question.LARGE_SCALE_PROFILING}),
    "matching or combining datasets": frozenset({Question.DATA_MATCHING}),
    "vulnerable people": frozenset({Question.VULNERABLE_PEOPLE, Question.TARGETING_VULNERABLE}),
    "innovative use or new technology": frozenset({Question.INNOVATIVE_TECHNOLOGY}),
    "prevents people exercising a right or using a service": frozenset(
        {Question.PREVENTS_RIGHTS, Question.DENIAL_OF_SERVICE}
    ),
}


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    reasons: tuple[str, ...]
    criteria_met: tuple[str, ...]


def screen(answers: Iterable[Question | str]) -> ScreeningResult:
    """Required when any Art 35(3) case or ICO-list item applies, or two or more WP248 criteria are met;
    recommended when one criterion is met (the ICO advises a DPIA for any major project using personal data);
    otherwise not needed, with the reason recorded either way."""
    chosen = {Question(a) for a in answers}
    criteria = tuple(name for name, questions in WP248_CRITERIA.items() if chosen & questions)
    reasons = [f"Art 35(3) always requires a DPIA: {QUESTIONS[q].lower()}" for q in _ordered(chosen & ARTICLE_35_3)]
    listed = _ordered(chosen & ICO_LIST)
    reasons += [f"On the ICO's list of high-risk processing: {QUESTIONS[q].lower()}" for q in listed]
    if len(criteria) >= 2:
        reasons.append(
            f"Meets {len(criteria)} of the nine WP248 criteria ({', '.join(criteria)}): two or more "
            "usually mean high risk"
        )
    if reasons:
        return ScreeningResult(Outcome.REQUIRED, tuple(reasons), criteria)
    if criteria:
        return ScreeningResult(
            Outcome.RECOMMENDED,
            (f"Meets one WP248 criterion ({criteria[0]}): a DPIA is good practice and shows the risk was considered",),
            criteria,
        )
    return ScreeningResult(
        Outcome.NOT_NEEDED, ("None of the Art 35(3) cases, the ICO's list or the WP248 criteria applies",), ()
    )


def _ordered(questions: set[Question]) -> list[Question]:
    return [q for q in Question if q in questions]


class Likelihood(StrEnum):
    REMOTE = "remote"
    POSSIBLE = "possible"
    PROBABLE = "probable"


class Severity(StrEnum):
    MINIMAL = "minimal"
    SIGNIFICANT = "significant"
    SEVERE = "severe"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


_SCORES = {Likelihood.REMOTE: 1, Likelihood.POSSIBLE: 2, Likelihood.PROBABLE: 3}
_WEIGHTS = {Severity.MINIMAL: 1, Severity.SIGNIFICANT: 2, Severity.SEVERE: 3}


def risk_level(*, likelihood: Likelihood | str, severity: Severity | str) -> RiskLevel:
    """The ICO sample template's matrix: likelihood x severity, 1-2 low, 3-4 medium, 6-9 high. A severe harm is
    never low, however remote."""
    score = _SCORES[Likelihood(likelihood)] * _WEIGHTS[Severity(severity)]
    if score >= 6:
        return RiskLevel.HIGH
    if score >= 3 or Severity(severity) == Severity.SEVERE:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def needs_prior_consultation(residual_levels: Iterable[RiskLevel | str]) -> bool:
    """Art 36(1): consult the ICO before processing when the DPIA shows a high risk that cannot be mitigated,
    i.e. any residual risk is still high."""
    return any(RiskLevel(level) == RiskLevel.HIGH for level in residual_levels)
