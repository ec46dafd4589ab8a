"""The report of data outside the UK (promise P023): each system or recipient abroad, by activity."""

from dataclasses import dataclass

from django.utils import timezone

from pledge.law.adequacy import TransferMechanism, load_adequacy, transfer_problem
from pledge.register.models import ProcessingActivity


@dataclass(frozen=True)
class TransferRow:
    activity: ProcessingActivity
    holder: str
    holder_kind: str
    country: str
    mechanism: str
    risk_assessment: str
    ico_advice: str
    restricted: bool
    problem: str


def transfers_outside_uk() -> list[TransferRow]:
    """One row per activity and non-UK holder, with whether the transfer is restricted and any problem."""
    adequacy = load_adequacy()
    today = timezone.localdate()
    rows = []
    activities = ProcessingActivity.objects.select_related("service").prefetch_related("recipients", "systems")
    for activity in activities.order_by("service__name", "name"):
        holders = [("recipient", r) for r in activity.recipients.all()] + [
            ("system", s) for s in activity.systems.all()
        ]
        for kind, holder in holders:
            if holder.country == "GB":
                continue
            mechanism = TransferMechanism(holder.transfer_mechanism or "none")
            entry = adequacy.get(holder.country)
            restricted = entry is None or bool(entry.scope) or mechanism is not TransferMechanism.ADEQUACY
            problem = transfer_problem(country=holder.country, mechanism=mechanism, on=today, adequacy=adequacy)
            unsafeguarded = mechanism in (TransferMechanism.DEROGATION, TransferMechanism.NONE) and restricted
            if unsafeguarded and not (holder.ico_advice_reference and holder.ico_advice_on):
                problem = (
                    problem or "no Art 46 safeguard: blocked until the ICO's advice (date and reference) is recorded"
                )
            rows.append(
                TransferRow(
                    activity=activity,
                    holder=holder.name,
                    holder_kind=kind,
                    country=holder.country,
                    mechanism=holder.get_transfer_mechanism_display(),
                    risk_assessment=holder.transfer_risk_assessment,
                    ico_advice=(
                        f"{holder.ico_advice_reference}, {holder.ico_advice_on:%d %B %Y}"
                        if holder.ico_advice_on
                        else ""
                    ),
                    restricted=restricted,
                    problem=problem or "",
                )
            )
    return rows
