"""The fictional people and words of the Anyshire demo requests: names, example addresses and what they asked.

Nobody here is real. Surnames are made up in the style of the demo register ("Exampleton", "Samplewood"), email
addresses use only the domains reserved for examples (RFC 2606), and postal addresses are in the made-up "AN"
postcode area, which Royal Mail does not use.
"""

import random
from dataclasses import dataclass

from pledge.casework.models import CaseKind, Channel

EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")

FIRST_NAMES = (
    "Alex", "Amira", "Ben", "Bethan", "Callum", "Chloe", "Dev", "Dylan", "Efua", "Elsie", "Fergus", "Freya",
    "George", "Grace", "Harvey", "Hana", "Isaac", "Isla", "Jamal", "Jess", "Kai", "Keira", "Leon", "Lily",
    "Mason", "Maya", "Nadia", "Noah", "Olive", "Omar", "Priya", "Quinn", "Rosa", "Ryan", "Sami", "Sophie",
    "Theo", "Tilly", "Usman", "Vera", "Wes", "Willow", "Yusuf", "Zara",
)  # fmt: skip

SURNAMES = (
    "Exampleton", "Samplewood", "Demoford", "Anyfield", "Testbury", "Mocksworth", "Placeby", "Trialson",
    "Specimore", "Draftwell", "Instanceby", "Modelworth", "Prototon", "Sampleford", "Examplewick", "Anyhurst",
    "Testridge", "Pilotson", "Dummerby", "Fictonby", "Likewise", "Templeby", "Mockridge", "Casewell",
)  # fmt: skip

STREETS = (
    "Sample Road", "Example Avenue", "Demo Close", "Fiction Lane", "Specimen Street", "Test Crescent",
    "Placeholder Way", "Mockup Gardens", "Illustration Row", "Prototype Drive",
)  # fmt: skip

TOWNS = ("Anytown", "Exampleford", "Samplebury", "Demoton", "Anyshire Magna")

KIND_WEIGHTS: dict[CaseKind, int] = {
    CaseKind.ACCESS: 58,
    CaseKind.ACCESS_CCTV: 12,
    CaseKind.RECTIFICATION: 6,
    CaseKind.ERASURE: 7,
    CaseKind.RESTRICTION: 2,
    CaseKind.OBJECTION: 4,
    CaseKind.PORTABILITY: 3,
    CaseKind.AUTOMATED_DECISION_REVIEW: 2,
    CaseKind.CONSENT_WITHDRAWAL: 4,
    CaseKind.THIRD_PARTY_AUTHORISATION: 2,
}

CHANNEL_WEIGHTS: dict[Channel, int] = {
    Channel.WEB: 46,
    Channel.EMAIL: 24,
    Channel.LETTER: 12,
    Channel.PHONE: 10,
    Channel.IN_PERSON: 4,
    Channel.SOCIAL_MEDIA: 4,
}

# The register activities a request of each kind is usually about (slugs in demo/anyshire/register).
KIND_ACTIVITIES: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.ACCESS: (
        "council-tax-billing", "council-tax-recovery", "housing-benefit", "homelessness-assistance",
        "housing-register", "adult-care-assessment", "child-in-need-and-protection", "looked-after-children",
        "ehcp-assessment", "school-place-applications", "service-complaints", "customer-enquiries",
        "parking-enforcement", "employment-and-payroll", "blue-badge-applications", "planning-enforcement",
    ),
    CaseKind.ACCESS_CCTV: ("public-space-cctv", "cctv-footage-disclosures", "country-park-anpr"),
    CaseKind.RECTIFICATION: (
        "council-tax-billing", "electoral-register-and-canvass", "housing-register", "customer-enquiries",
    ),
    CaseKind.ERASURE: (
        "email-newsletters", "library-membership", "garden-waste-subscription", "my-anyshire-accounts",
        "service-feedback-surveys", "webchat",
    ),
    CaseKind.RESTRICTION: ("council-tax-recovery", "parking-enforcement", "housing-register"),
    CaseKind.OBJECTION: ("insight-and-planning", "research-partnerships", "website-analytics", "email-newsletters"),
    CaseKind.PORTABILITY: ("garden-waste-subscription", "library-membership", "my-anyshire-accounts"),
    CaseKind.AUTOMATED_DECISION_REVIEW: ("council-tax-support-automatic-changes",),
    CaseKind.CONSENT_WITHDRAWAL: ("email-newsletters", "service-feedback-surveys", "research-partnerships"),
    CaseKind.THIRD_PARTY_AUTHORISATION: ("council-tax-billing", "adult-care-financial-assessment", "housing-benefit"),
}  # fmt: skip

SUMMARIES: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.ACCESS: (
        "Please send me a copy of all the information you hold about me.",
        "I would like copies of my records, including emails between officers about my case.",
        "A copy of everything held about my council tax account since I moved in.",
        "All notes and reports about my housing application.",
        "The records of my contact with the council over the last two years.",
    ),
    CaseKind.ACCESS_CCTV: (
        "Footage of my car being damaged in the town centre car park, afternoon of the date given.",
        "CCTV of an incident outside the library where I was involved, around 5pm.",
        "ANPR records of my vehicle entering the country park car park last month.",
    ),
    CaseKind.RECTIFICATION: (
        "My date of birth is wrong on my account; please correct it.",
        "You have my name spelt wrongly; it should be spelt as in this request.",
        "My address is out of date on your records.",
    ),
    CaseKind.ERASURE: (
        "Please delete my account and everything linked to it.",
        "Delete my details from your mailing lists and surveys.",
        "I no longer use the service; please erase my information.",
    ),
    CaseKind.RESTRICTION: ("Please stop using my records while my complaint about their accuracy is looked at.",),
    CaseKind.OBJECTION: (
        "I object to my information being used for research and planning.",
        "Please stop using my details for analysis of website visits.",
    ),
    CaseKind.PORTABILITY: ("Please send me my account information in a format I can reuse.",),
    CaseKind.AUTOMATED_DECISION_REVIEW: (
        "Please have a person review the automatic change to my council tax support.",
    ),
    CaseKind.CONSENT_WITHDRAWAL: ("I withdraw my consent to receiving newsletters and surveys.",),
    CaseKind.THIRD_PARTY_AUTHORISATION: ("I give permission for my daughter to discuss my account with you.",),
}

ON_BEHALF_SUMMARY = "Made on behalf of a family member or client; proof of authority to follow."


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    address: str


def make_person(rng: random.Random, *, with_email: bool) -> Person:
    """A fictional requester: a made-up name, an example-domain email (when they gave one) and an AN postcode."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    email = f"{first}.{last}{rng.randint(1, 99)}@{rng.choice(EXAMPLE_DOMAINS)}".lower() if with_email else ""
    letters = rng.choice("ABDEFGHJLNPQRSTUWXYZ") + rng.choice("ABDEHJLNPQRSTUWXYZ")
    postcode = f"AN{rng.randint(1, 9)} {rng.randint(1, 9)}{letters}"
    address = f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}, {postcode}"
    return Person(name=f"{first} {last}", email=email, address=address)


def pick_kind(rng: random.Random) -> CaseKind:
    return rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]


def pick_channel(rng: random.Random) -> Channel:
    return rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]


def summary_for(rng: random.Random, kind: CaseKind) -> str:
    return rng.choice(SUMMARIES[kind])
