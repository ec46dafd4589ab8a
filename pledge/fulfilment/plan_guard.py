"""Enforcing restrictions (UK GDPR Art 18(2), promise P056): a restricted record is stored, not used.

Exports, matching jobs, mailings and profiling extracts ask this module before they use records. A restricted
record may still be processed for the Art 18(2) exceptions (with the person's consent, for legal claims, to protect
another person's rights, or for reasons of important public interest), and answering the person's own rights
request is done at their asking. Every blocked attempt leaves an audit row naming the purpose and the systems, never
the person. A restriction names a register system and a record reference, as staff typed it ("CT-1001") or as a
plan recorded it (the full "council-tax/accounts/CT-1001"); both are read here.
"""

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from django.db import transaction

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.discovery.sources import RecordKey, SystemConfig
from pledge.fulfilment.models import Restriction

OBJECT_TYPE = "restriction"


class Purpose(StrEnum):
    """Why records are about to be used; the first group is allowed on restricted records (Art 18(2))."""

    STORAGE = "storage"
    SUBJECT_REQUEST = "subject_request"  # the person's own rights request: they asked for it
    CONSENT = "consent"
    LEGAL_CLAIMS = "legal_claims"
    OTHERS_RIGHTS = "others_rights"
    PUBLIC_INTEREST = "public_interest"
    EXPORT = "export"
    MATCHING = "matching"
    MAILING = "mailing"
    PROFILING = "profiling"


ALLOWED = frozenset(
    {
        Purpose.STORAGE,
        Purpose.SUBJECT_REQUEST,
        Purpose.CONSENT,
        Purpose.LEGAL_CLAIMS,
        Purpose.OTHERS_RIGHTS,
        Purpose.PUBLIC_INTEREST,
    }
)


class RecordsRestricted(PermissionError):
    """Raised when records to be used are restricted; ``refs`` lists them. The attempt was audited."""

    def __init__(self, *, refs: Sequence[RecordKey], purpose: Purpose) -> None:
        super().__init__(f"{len(refs)} restricted record(s) cannot be used for {purpose.value} (UK GDPR Art 18(2))")
        self.refs = list(refs)
        self.purpose = purpose


def _configs(configs: Iterable[SystemConfig] | None) -> list[SystemConfig]:
    if configs is not None:
        return list(configs)
    from pledge.fulfilment.checks import FulfilmentError
    from pledge.fulfilment.plan_build import load_configs

    try:
        return load_configs()
    except FulfilmentError:
        return []  # no connected systems: only full record keys can be read


def restricted_refs(*, configs: Iterable[SystemConfig] | None = None) -> set[RecordKey]:
    """Every record under an active restriction, as connector record keys (for ``IdentityIndex.find(exclude=)``).

    A reference typed by staff without its table is expanded to each table of the connected systems that are that
    register system: wider than needed, which is the safe way round for an exclusion list.
    """
    by_register: dict[str, list[SystemConfig]] = {}
    for config in _configs(configs):
        by_register.setdefault(config.register_system, []).append(config)
    found: set[RecordKey] = set()
    for slug, reference in Restriction.objects.active().values_list("system__slug", "record_reference"):
        if reference.count("/") >= 2:
            found.add(RecordKey.parse(reference))
            continue
        for config in by_register.get(slug, []):
            found.update(RecordKey(config.slug, table.name, reference) for table in config.tables)
    return found


def is_restricted(ref: RecordKey, *, configs: Iterable[SystemConfig] | None = None) -> bool:
    """True when the record is under an active restriction."""
    active = Restriction.objects.active()
    if active.filter(record_reference=str(ref)).exists():
        return True
    registers = {c.register_system for c in _configs(configs) if c.slug == ref.system and c.register_system}
    return active.filter(record_reference=ref.key, system__slug__in=registers).exists()


def refuse_if_restricted(
    *, refs: Iterable[RecordKey], purpose: Purpose | str, actor: Any, configs: Iterable[SystemConfig] | None = None
) -> None:
    """Raise ``RecordsRestricted`` (after an audit row) when any of ``refs`` is restricted and ``purpose`` is not
    an Art 18(2) exception. Call it outside the caller's own transaction, so the audit row survives the refusal."""
    chosen = Purpose(purpose)
    wanted = list(refs)
    if chosen in ALLOWED or not wanted:
        return
    blocked = _blocked(wanted, configs)
    if blocked:
        _audit_blocked(blocked, chosen, actor)
        raise RecordsRestricted(refs=blocked, purpose=chosen)


def drop_restricted(
    *, refs: Iterable[RecordKey], purpose: Purpose | str, actor: Any, configs: Iterable[SystemConfig] | None = None
) -> list[RecordKey]:
    """``refs`` without the restricted ones (for a mailing or an extract that goes ahead without them); the records
    left out are audited as blocked."""
    chosen = Purpose(purpose)
    wanted = list(refs)
    if chosen in ALLOWED:
        return wanted
    blocked = set(_blocked(wanted, configs))
    if blocked:
        _audit_blocked(sorted(blocked, key=str), chosen, actor)
    return [ref for ref in wanted if ref not in blocked]


def _blocked(refs: list[RecordKey], configs: Iterable[SystemConfig] | None) -> list[RecordKey]:
    restricted = restricted_refs(configs=configs)
    return [ref for ref in refs if ref in restricted]


def _audit_blocked(blocked: Sequence[RecordKey], purpose: Purpose, actor: Any) -> None:
    systems = sorted({ref.system for ref in blocked})
    with transaction.atomic():
        record(
            actor=actor,
            action=AuditAction.REFUSE,
            object_type=OBJECT_TYPE,
            object_ref=purpose.value,
            summary=f"Blocked {purpose.value}: {len(blocked)} restricted record(s) in {', '.join(systems)} (Art 18(2))",
        )
