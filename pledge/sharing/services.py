"""The sharing-agreement register (P117) read from the register: status of each agreement, and the activities that
share with partner organisations no agreement in force covers (issue 7, "Information-sharing agreements")."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from pledge.law.sharing import STATUS_LABELS, AgreementStatus, agreement_status, uncovered_partners
from pledge.register.models import ProcessingActivity, Recipient, RecipientKind, SharingAgreement

NOT_IN_FORCE = frozenset({AgreementStatus.EXPIRED, AgreementStatus.NOT_STARTED})
TAG_CLASSES = {
    AgreementStatus.CURRENT: "govuk-tag--green",
    AgreementStatus.REVIEW_DUE: "govuk-tag--yellow",
    AgreementStatus.REVIEW_OVERDUE: "govuk-tag--red",
    AgreementStatus.EXPIRED: "govuk-tag--red",
    AgreementStatus.NOT_STARTED: "govuk-tag--grey",
}


@dataclass(frozen=True)
class AgreementRow:
    agreement: SharingAgreement
    status: AgreementStatus

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES[self.status]


@dataclass(frozen=True)
class UncoveredActivity:
    activity: ProcessingActivity
    partners: list[Recipient]


def status_of(agreement: SharingAgreement, *, today: date) -> AgreementStatus:
    """Where ``agreement`` stands today, with the configured review warning."""
    return agreement_status(
        starts_on=agreement.starts_on,
        review_on=agreement.review_on,
        expires_on=agreement.expires_on,
        today=today,
        warning_days=settings.PLEDGE_AGREEMENT_REVIEW_WARNING_DAYS,
    )


def agreement_rows(*, today: date) -> list[AgreementRow]:
    """Every agreement with its status, those needing attention first."""
    order = list(AgreementStatus)
    rows = [AgreementRow(a, status_of(a, today=today)) for a in SharingAgreement.objects.all()]
    attention = [AgreementStatus.EXPIRED, AgreementStatus.REVIEW_OVERDUE, AgreementStatus.REVIEW_DUE]
    return sorted(rows, key=lambda r: (r.status not in attention, order.index(r.status), r.agreement.title))


def uncovered_activities(*, today: date) -> list[UncoveredActivity]:
    """Activities sharing with partner organisations that no agreement in force covers."""
    found = []
    activities = ProcessingActivity.objects.select_related("service").prefetch_related(
        "recipients", "sharing_agreements__recipients"
    )
    for activity in activities:
        partners = {r.slug: r for r in activity.recipients.all() if r.kind == RecipientKind.PARTNER}
        if not partners:
            continue
        in_force = [a for a in activity.sharing_agreements.all() if status_of(a, today=today) not in NOT_IN_FORCE]
        missing = uncovered_partners(
            partner_recipients=partners,
            agreement_recipients=[[r.slug for r in a.recipients.all()] for a in in_force],
            agreements_in_force=len(in_force),
        )
        if missing:
            found.append(UncoveredActivity(activity, [partners[slug] for slug in missing]))
    return found
