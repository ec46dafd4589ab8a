"""A person's disclosures: for the recipients part of their access response (Art 15(1)(c)) and for telling
recipients of a rectification, erasure or restriction (Art 19; promise P054).

A disclosure names its person by the consent ledger's pseudonymous subject ids and/or a casework case. The access
response leaves out a disclosure whose 'tell the person' decision stands at 'not safe to tell' (telling them through
their access response would defeat that decision: DPA 2018 Sch 2 para 2 restricts Art 15 to the same extent), but
Art 19 still reaches its recipient. An entry superseded by an approved amendment gives way to the amendment.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from pledge.consent.services import ConsentRefused, subject_for_email
from pledge.disclosures.models import Disclosure, Status, TellOutcome


def subject_ids_for(identifiers: Iterable[str]) -> list[str]:
    """The ledger's subject ids for email addresses (the ids are keyed hashes, so nothing in clear is kept)."""
    found = set()
    for value in identifiers:
        try:
            found.add(subject_for_email(value))
        except ConsentRefused:
            continue  # not an email address: nothing on the ledger to match
    return sorted(found)


def _approved_for(*, case: object, subject_ids: Iterable[str], identifiers: Iterable[str] | None) -> list[Disclosure]:
    subjects = set(subject_ids) | set(subject_ids_for(identifiers or ()))
    match = Q(pk__in=[])
    if case is not None:
        match |= Q(case=case)
    candidates = Disclosure.objects.filter(status=Status.APPROVED).select_related("recipient")
    if subjects:
        # JSON containment is not portable across SQLite and PostgreSQL, so narrow in SQL by the other links and
        # check the subject ids in Python; the log is small next to a council's casework.
        found = [d for d in candidates.exclude(subject_ids=[]) if subjects & set(d.subject_ids)]
        match |= Q(pk__in=[d.pk for d in found])
    entries = list(candidates.filter(match).prefetch_related("amendments", "tell_decisions"))
    superseded = {e.amends_id for e in Disclosure.objects.filter(status=Status.APPROVED, amends__in=entries)}
    return sorted((e for e in entries if e.pk not in superseded), key=lambda e: (e.disclosed_on_or_approved, e.pk))


def telling_withheld(entry: Disclosure) -> bool:
    """True while the entry's latest 'tell the person' decision is that telling them is not safe."""
    latest = max(entry.tell_decisions.all(), key=lambda t: (t.created_at, t.pk), default=None)
    return latest is not None and latest.outcome == TellOutcome.NOT_SAFE


def disclosures_for(
    *, case: object = None, subject_ids: Iterable[str] = (), identifiers: Iterable[str] | None = None
) -> list[Disclosure]:
    """The approved disclosures about a person, oldest first, for their access response: those linked to ``case`` or
    naming one of ``subject_ids`` (or the subject ids of the email addresses in ``identifiers``), leaving out any
    whose telling is withheld as not safe (P112)."""
    return [
        e for e in _approved_for(case=case, subject_ids=subject_ids, identifiers=identifiers) if not telling_withheld(e)
    ]


@dataclass(frozen=True)
class DisclosureRecipient:
    """A recipient the person's data was disclosed to, with the entries that sent it (Art 19)."""

    name: str
    recipient_id: int | None  # the register's recipient, when it is one
    references: tuple[str, ...]


def recipients_for_notification(
    *, case: object = None, subject_ids: Iterable[str] = (), identifiers: Iterable[str] | None = None
) -> list[DisclosureRecipient]:
    """Every recipient of an approved disclosure about the person, each once, by name (Art 19; P054). Withheld
    tellings are included: Art 19 is about the recipient, not the person."""
    grouped: dict[tuple[int | None, str], list[Disclosure]] = {}
    for entry in _approved_for(case=case, subject_ids=subject_ids, identifiers=identifiers):
        key = (entry.recipient_id, "" if entry.recipient_id else entry.recipient_name.strip().lower())
        grouped.setdefault(key, []).append(entry)
    rows = [
        DisclosureRecipient(
            name=entries[0].recipient_label, recipient_id=rid, references=tuple(e.reference for e in entries)
        )
        for (rid, _free), entries in grouped.items()
    ]
    return sorted(rows, key=lambda r: (r.name.lower(), r.recipient_id or 0))


def recipient_line(entry: Disclosure) -> str:
    """One line for the access response: to whom, when, what and why, on what basis."""
    when = entry.disclosed_on_or_approved
    items = ", ".join(entry.data_items) or "information about you"
    return (
        f"{entry.recipient_label}, on {when:%-d %B %Y}: {items}, for {entry.purpose.rstrip('.')} "
        f"({entry.get_route_display().lower()})"
    )


def case_identifiers(case: object) -> list[str]:
    """The email address that names the person a rights request is about: the requester's own, unless they ask for
    someone else (a representative's address would find the representative's disclosures, not the person's)."""
    email = getattr(case, "requester_email", "") or ""
    return [email] if email and not getattr(case, "on_behalf_of", "") else []
