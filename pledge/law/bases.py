"""Lawful bases (UK GDPR Art 6(1)) and special-category conditions (Art 9(2), DPA 2018 Sch 1)."""

from enum import StrEnum


class LawfulBasis(StrEnum):
    """UK GDPR Art 6(1); (ea) recognised legitimate interests applies from 5 February 2026 (DUAA s.70)."""

    CONSENT = "a"
    CONTRACT = "b"
    LEGAL_OBLIGATION = "c"
    VITAL_INTERESTS = "d"
    PUBLIC_TASK = "e"
    RECOGNISED_LEGITIMATE_INTERESTS = "ea"
    LEGITIMATE_INTERESTS = "f"

    @property
    def label(self) -> str:
        return BASIS_LABELS[self]

    @property
    def plain_english(self) -> str:
        return BASIS_PLAIN_ENGLISH[self]


BASIS_LABELS = {
    LawfulBasis.CONSENT: "Art 6(1)(a) consent",
    LawfulBasis.CONTRACT: "Art 6(1)(b) contract",
    LawfulBasis.LEGAL_OBLIGATION: "Art 6(1)(c) legal obligation",
    LawfulBasis.VITAL_INTERESTS: "Art 6(1)(d) vital interests",
    LawfulBasis.PUBLIC_TASK: "Art 6(1)(e) public task",
    LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS: "Art 6(1)(ea) recognised legitimate interests",
    LawfulBasis.LEGITIMATE_INTERESTS: "Art 6(1)(f) legitimate interests",
}

BASIS_PLAIN_ENGLISH = {
    LawfulBasis.CONSENT: "you have given us your consent",
    LawfulBasis.CONTRACT: "we need it to carry out a contract with you, or to take steps you asked for before one",
    LawfulBasis.LEGAL_OBLIGATION: "the law requires us to",
    LawfulBasis.VITAL_INTERESTS: "we need it to protect someone's life",
    LawfulBasis.PUBLIC_TASK: "we need it to carry out a task in the public interest or our official functions",
    LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS: "it is for a recognised legitimate interest set out in law",
    LawfulBasis.LEGITIMATE_INTERESTS: "it is in our legitimate interests, outside our public tasks",
}

# Bases that need the law behind them named (Art 6(3): (c) and (e) must be laid down by law).
BASES_NEEDING_LEGISLATION = frozenset({LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK})


class SpecialCategory(StrEnum):
    """UK GDPR Art 9(1) special categories of personal data."""

    RACE_ETHNICITY = "race_ethnicity"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGIOUS_BELIEFS = "religious_beliefs"
    TRADE_UNION = "trade_union"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_ORIENTATION = "sex_life_orientation"


SPECIAL_CATEGORY_LABELS = {
    SpecialCategory.RACE_ETHNICITY: "racial or ethnic origin",
    SpecialCategory.POLITICAL_OPINIONS: "political opinions",
    SpecialCategory.RELIGIOUS_BELIEFS: "religious or philosophical beliefs",
    SpecialCategory.TRADE_UNION: "trade union membership",
    SpecialCategory.GENETIC: "genetic data",
    SpecialCategory.BIOMETRIC: "biometric data used to identify you",
    SpecialCategory.HEALTH: "health",
    SpecialCategory.SEX_LIFE_ORIENTATION: "sex life or sexual orientation",
}


class Art9Condition(StrEnum):
    """UK GDPR Art 9(2)(a)-(j)."""

    EXPLICIT_CONSENT = "a"
    EMPLOYMENT_SOCIAL_PROTECTION = "b"
    VITAL_INTERESTS = "c"
    NOT_FOR_PROFIT = "d"
    MADE_PUBLIC = "e"
    LEGAL_CLAIMS = "f"
    SUBSTANTIAL_PUBLIC_INTEREST = "g"
    HEALTH_SOCIAL_CARE = "h"
    PUBLIC_HEALTH = "i"
    ARCHIVING_RESEARCH = "j"


ART9_LABELS = {
    Art9Condition.EXPLICIT_CONSENT: "Art 9(2)(a) explicit consent",
    Art9Condition.EMPLOYMENT_SOCIAL_PROTECTION: "Art 9(2)(b) employment, social security and social protection",
    Art9Condition.VITAL_INTERESTS: "Art 9(2)(c) vital interests",
    Art9Condition.NOT_FOR_PROFIT: "Art 9(2)(d) not-for-profit bodies",
    Art9Condition.MADE_PUBLIC: "Art 9(2)(e) made public by the data subject",
    Art9Condition.LEGAL_CLAIMS: "Art 9(2)(f) legal claims and judicial acts",
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST: "Art 9(2)(g) reasons of substantial public interest",
    Art9Condition.HEALTH_SOCIAL_CARE: "Art 9(2)(h) health or social care",
    Art9Condition.PUBLIC_HEALTH: "Art 9(2)(i) public health",
    Art9Condition.ARCHIVING_RESEARCH: "Art 9(2)(j) archiving, research and statistics",
}

# Art 9(2)(b), (g), (h), (i), (j) need a basis in UK law, supplied by DPA 2018 Sch 1 (s.10(2)-(3)).
ART9_NEEDING_SCHEDULE_1 = frozenset(
    {
        Art9Condition.EMPLOYMENT_SOCIAL_PROTECTION,
        Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
        Art9Condition.HEALTH_SOCIAL_CARE,
        Art9Condition.PUBLIC_HEALTH,
        Art9Condition.ARCHIVING_RESEARCH,
    }
)
