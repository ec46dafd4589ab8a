"""DPA 2018 Schedule 1 conditions, and which of them need an appropriate policy document (Sch 1 Part 4).

Paragraph numbers other than 6, 7, 10, 11, 14 and 18 are marked unverified in the spec (uk-rules.md §6),
so a DPO should confirm them; the table is the one place to correct.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Schedule1Condition:
    code: str
    part: int
    paragraph: int
    title: str
    needs_policy_document: bool


_DEFAULTS = [
    Schedule1Condition("sch1-p1-1", 1, 1, "Employment, social security and social protection", True),
    Schedule1Condition("sch1-p1-2", 1, 2, "Health or social care purposes", False),
    Schedule1Condition("sch1-p1-3", 1, 3, "Public health", False),
    Schedule1Condition("sch1-p1-4", 1, 4, "Research etc", False),
    Schedule1Condition("sch1-p2-6", 2, 6, "Statutory and government purposes", True),
    Schedule1Condition("sch1-p2-7", 2, 7, "Administration of justice and parliamentary purposes", True),
    Schedule1Condition("sch1-p2-8", 2, 8, "Equality of opportunity or treatment", True),
    Schedule1Condition("sch1-p2-10", 2, 10, "Preventing or detecting unlawful acts", True),
    Schedule1Condition("sch1-p2-11", 2, 11, "Protecting the public against dishonesty etc", True),
    Schedule1Condition("sch1-p2-12", 2, 12, "Regulatory requirements relating to unlawful acts and dishonesty", True),
    Schedule1Condition("sch1-p2-14", 2, 14, "Preventing fraud", True),
    Schedule1Condition("sch1-p2-16", 2, 16, "Support for individuals with a particular disability or condition", True),
    Schedule1Condition("sch1-p2-17", 2, 17, "Counselling etc", True),
    Schedule1Condition("sch1-p2-18", 2, 18, "Safeguarding of children and of individuals at risk", True),
    Schedule1Condition("sch1-p2-19", 2, 19, "Safeguarding of economic well-being of certain individuals", True),
    Schedule1Condition("sch1-p2-23", 2, 23, "Elected representatives responding to requests", True),
    Schedule1Condition("sch1-p2-24", 2, 24, "Disclosure to elected representatives", True),
    Schedule1Condition("sch1-p3-29", 3, 29, "Consent (criminal offence data)", False),
    Schedule1Condition("sch1-p3-30", 3, 30, "Protecting individual's vital interests (criminal offence data)", False),
    Schedule1Condition("sch1-p3-33", 3, 33, "Legal claims (criminal offence data)", False),
    Schedule1Condition("sch1-p3-36", 3, 36, "Extension of Part 2 conditions (criminal offence data)", True),
]

SCHEDULE_1: dict[str, Schedule1Condition] = {c.code: c for c in _DEFAULTS}


def schedule1_condition(code: str) -> Schedule1Condition | None:
    """The Sch 1 condition with this code, or None when the code is unknown."""
    return SCHEDULE_1.get(code)


def part3_codes() -> list[str]:
    """Codes usable for criminal offence data (Art 10, DPA 2018 s.10(5)); Part 1 and 2 conditions count too."""
    return sorted(SCHEDULE_1)
