"""Convert register rows to and from plain records in the YAML shape, driven by the schema table.

The same record is what the YAML holds, what the audit trail stores as before/after, and what the
consistency rules read, so the three cannot disagree.
"""

from datetime import date
from typing import Any

from django.db import models

from pledge.register.models import (
    Controller,
    InternalFlow,
    ProcessingActivity,
    Recipient,
    RetentionRule,
    Service,
    SharingAgreement,
    System,
)
from pledge.register.yaml.schema import ENTITIES, Kind

MODELS: dict[str, type[models.Model]] = {
    "controllers": Controller,
    "recipients": Recipient,
    "systems": System,
    "sharing_agreements": SharingAgreement,
    "retention_rules": RetentionRule,
    "services": Service,
    "activities": ProcessingActivity,
    "internal_flows": InternalFlow,
}

# Import order: everything a row points at exists before it.
IMPORT_ORDER = (
    "controllers",
    "recipients",
    "systems",
    "sharing_agreements",
    "retention_rules",
    "services",
    "activities",
    "internal_flows",
)


def to_record(entity: str, obj: models.Model, *, include_empty: bool = False) -> dict[str, Any]:
    """The YAML-shaped record of ``obj``; empty optional fields are left out unless asked for."""
    record: dict[str, Any] = {}
    for spec in ENTITIES[entity]:
        if spec.name == "activities":
            continue
        value: Any
        if spec.kind is Kind.REF:
            related = getattr(obj, spec.name)
            value = related.slug if related is not None else ""
        elif spec.kind is Kind.REFS:
            # A row not saved yet (a new activity on the staff form) has no links to read.
            value = sorted(getattr(obj, spec.name).values_list("slug", flat=True)) if obj.pk else []
        else:
            value = getattr(obj, spec.name)
        if isinstance(value, date) or include_empty or value not in (None, "", [], False, 0):
            record[spec.name] = value
    return record


def json_safe(record: dict[str, Any]) -> dict[str, Any]:
    """The record with dates as ISO strings, for JSON columns such as the audit trail."""
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in record.items()}


def scalar_values(entity: str, record: dict[str, Any], *, lookups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Field values for ``Model(**values)`` from a record; REFS are returned separately by ``many_values``."""
    values: dict[str, Any] = {}
    for spec in ENTITIES[entity]:
        if spec.kind is Kind.REFS:
            continue
        raw = record.get(spec.name)
        if spec.kind is Kind.REF:
            values[spec.name] = lookups[spec.target].get(raw) if raw else None
        elif spec.kind in (Kind.STRS, Kind.CHOICES, Kind.LINKS, Kind.SECTIONS):
            values[spec.name] = list(raw or [])
        elif spec.kind is Kind.BOOL:
            values[spec.name] = bool(raw)
        elif spec.kind is Kind.INT:
            values[spec.name] = raw if raw is not None else _int_default(entity, spec.name)
        elif spec.kind is Kind.DATE:
            values[spec.name] = raw
        else:
            values[spec.name] = raw if raw is not None else _text_default(entity, spec.name)
    return values


def many_values(entity: str, record: dict[str, Any]) -> dict[str, list[str]]:
    """The many-to-many references of a record, by field name, as slugs."""
    return {
        spec.name: list(record.get(spec.name) or [])
        for spec in ENTITIES[entity]
        if spec.kind is Kind.REFS and spec.target != "activities"
    }


def _int_default(entity: str, name: str) -> int | None:
    return None if (entity, name) == ("systems", "footage_retention_days") else 0


def _text_default(entity: str, name: str) -> str:
    model = MODELS[entity]
    field = model._meta.get_field(name)
    default = field.get_default() if hasattr(field, "get_default") else ""
    return default if isinstance(default, str) else ""
