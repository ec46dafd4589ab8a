"""The governance hub: one staff page that leads to every register the DPO keeps besides processing and cases.

Each entry names the permission its page checks, so the hub lists only what the reader may open.
"""

from dataclasses import dataclass

from pledge.core.roles import Permission, role_grants


@dataclass(frozen=True)
class Section:
    title: str
    path: str
    permission: Permission
    description: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "Breach register",
        "/staff/breaches/",
        Permission.MANAGE_BREACHES,
        "Suspected and confirmed personal data breaches, the 72-hour clock and the ICO decision (Arts 33, 34).",
    ),
    Section(
        "Complaints",
        "/staff/complaints/",
        Permission.VIEW_CASES,
        "Data protection complaints and suggestions, acknowledged within 30 days (DPA 2018 s.164A).",
    ),
    Section(
        "Disclosure log",
        "/staff/disclosures/",
        Permission.VIEW_DISCLOSURES,
        "Every disclosure outside the council: police, courts, fraud matching, safeguarding, with approvals.",
    ),
    Section(
        "Redaction review",
        "/staff/redaction/",
        Permission.HANDLE_CASES,
        "Documents for release with the personal data of other people proposed for redaction, each with its reason.",
    ),
    Section(
        "Retention and disposal",
        "/staff/retention/",
        Permission.VIEW_RETENTION,
        "What is due for disposal in the connected systems, legal holds and disposal certificates.",
    ),
    Section(
        "Data protection impact assessments",
        "/staff/dpia/",
        Permission.VIEW_REGISTER,
        "Screening, assessments, DPO advice and sign-off before processing starts (Art 35).",
    ),
    Section(
        "Information-sharing agreements",
        "/staff/sharing/",
        Permission.VIEW_REGISTER,
        "Agreements with partners: parties, purposes, data, legal basis and review dates.",
    ),
    Section(
        "Consent ledger",
        "/staff/consent/",
        Permission.VIEW_CONSENT,
        "Consents given and withdrawn, opt-outs and objections to direct marketing, with the wording shown.",
    ),
    Section(
        "Newsletters",
        "/staff/newsletters/",
        Permission.MANAGE_NEWSLETTERS,
        "Lists, issues and sends with double opt-in and one-click unsubscribe.",
    ),
    Section(
        "Cookies",
        "/staff/cookies/",
        Permission.MANAGE_COOKIES,
        "The cookie register behind the banner and cookies page, and the log of visitors' choices.",
    ),
)


def sections_for(role: str | None) -> list[Section]:
    """The sections ``role`` may open, in the order above."""
    return [section for section in SECTIONS if role_grants(role, section.permission)]
