"""Register services: import and export the YAML register, and move activities through approval.

Every write runs in one transaction with an audit row, so an import either lands whole or not at all.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms import ModelForm
from django.utils import timezone
from django.utils.text import slugify

from pledge.core.audit import record as audit
from pledge.core.models import AuditAction
from pledge.register.models import Controller, ControllerKind, ProcessingActivity, Service, Status
from pledge.register.records import IMPORT_ORDER, MODELS, json_safe, many_values, scalar_values, to_record
from pledge.register.yaml.loader import Problem
from pledge.register.yaml.validate import read_register


class RegisterInvalid(Exception):
    """The register directory has problems; nothing was imported."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the register")
        self.problems = problems


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        parts = []
        for entity in IMPORT_ORDER:
            counts = [
                f"{label} {getattr(self, attr).get(entity, 0)}"
                for attr, label in (("created", "new"), ("updated", "changed"), ("deleted", "removed"))
                if getattr(self, attr).get(entity)
            ]
            total = sum(getattr(self, a).get(entity, 0) for a in ("created", "updated", "unchanged"))
            parts.append(f"{entity.replace('_', ' ')}: {total}" + (f" ({', '.join(counts)})" if counts else ""))
        return "; ".join(parts)


def import_register(*, directory: Path, actor: Any, today: date | None = None) -> ImportResult:
    """Make the database match the YAML directory exactly; refuse the whole import if it has any problem."""
    data, problems = read_register(directory, today=today or timezone.localdate())
    if problems:
        raise RegisterInvalid(problems)
    result = ImportResult()
    with transaction.atomic():
        lookups: dict[str, dict[str, Any]] = {}
        for entity in IMPORT_ORDER:
            records = dict(data.entities[entity])
            if entity == "activities":
                for slug, record in records.items():
                    record["service"] = data.activity_service[slug]
            lookups[entity] = _sync_entity(entity, records, lookups=lookups, actor=actor, result=result)
        for entity in reversed(IMPORT_ORDER):
            _delete_missing(entity, set(data.entities[entity]), actor=actor, result=result)
        audit(
            actor=actor,
            action=AuditAction.IMPORT,
            object_type="register",
            object_ref=str(directory.name),
            summary=result.summary(),
        )
    return result


def _sync_entity(
    entity: str, records: dict[str, Any], *, lookups: dict[str, dict[str, Any]], actor: Any, result: ImportResult
) -> dict[str, Any]:
    model = MODELS[entity]
    existing = {obj.slug: obj for obj in model._default_manager.all()}  # type: ignore[attr-defined]
    rows = {}
    for slug, record in records.items():
        values = scalar_values(entity, record, lookups=lookups)
        if entity == "activities":
            values["service"] = lookups["services"][record["service"]]
        obj = existing.get(slug)
        before = json_safe(to_record(entity, obj)) if obj is not None else None
        if obj is None:
            obj = model(**values)
        else:
            for name, value in values.items():
                setattr(obj, name, value)
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            file, line = getattr(record, "file", "(record)"), getattr(record, "line", 0)
            problems = [
                Problem(file, record.line_of(name) if hasattr(record, "line_of") else line, f"{name}: {' '.join(msgs)}")
                for name, msgs in error.message_dict.items()
            ]
            raise RegisterInvalid(problems) from error
        obj.save()
        for name, slugs in many_values(entity, record).items():
            target = next(s.target for s in _refs(entity) if s.name == name)
            getattr(obj, name).set([lookups[target][s] for s in slugs])
        after = json_safe(to_record(entity, obj))
        if entity == "activities":
            after["service"] = record["service"]
            if before is not None:
                before["service"] = obj.service.slug  # type: ignore[attr-defined]
        _count_and_audit(entity, slug, before, after, actor=actor, result=result)
        rows[slug] = obj
    return rows


def _refs(entity: str) -> list[Any]:
    from pledge.register.yaml.schema import ENTITIES, Kind

    return [s for s in ENTITIES[entity] if s.kind is Kind.REFS]


def _count_and_audit(
    entity: str, slug: str, before: dict[str, Any] | None, after: dict[str, Any], *, actor: Any, result: ImportResult
) -> None:
    if before == after:
        result.unchanged[entity] = result.unchanged.get(entity, 0) + 1
        return
    bucket = result.created if before is None else result.updated
    bucket[entity] = bucket.get(entity, 0) + 1
    audit(
        actor=actor,
        action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
        object_type=entity,
        object_ref=slug,
        summary=f"{'Imported' if before is None else 'Changed by import'}: {slug}",
        before=before,
        after=after,
    )


def _delete_missing(entity: str, keep: set[str], *, actor: Any, result: ImportResult) -> None:
    model = MODELS[entity]
    for obj in model._default_manager.exclude(slug__in=keep):  # type: ignore[misc]
        before = json_safe(to_record(entity, obj))
        slug: str = obj.slug  # type: ignore[attr-defined]
        try:
            obj.delete()
        except models.ProtectedError as error:
            raise RegisterInvalid(
                [Problem("(database)", 0, f"cannot remove {entity} {slug!r}: still in use ({error})")]
            ) from error
        result.deleted[entity] = result.deleted.get(entity, 0) + 1
        audit(actor=actor, action=AuditAction.DELETE, object_type=entity, object_ref=slug, before=before)


def export_register(*, directory: Path, actor: Any) -> list[Path]:
    """Write the database's register as a YAML directory in the layout ``import_register`` reads."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "services").mkdir(exist_ok=True)
    written = []
    files = {
        "controllers": "controllers.yaml",
        "recipients": "recipients.yaml",
        "systems": "systems.yaml",
        "sharing_agreements": "agreements.yaml",
        "retention_rules": "retention.yaml",
        "internal_flows": "flows.yaml",
    }
    for entity, filename in files.items():
        records = [to_record(entity, obj) for obj in MODELS[entity]._default_manager.order_by("slug")]  # type: ignore[attr-defined]
        written.append(_dump(directory / filename, {entity: records}))
    for service in Service.objects.select_related("controller").order_by("slug"):
        record = to_record("services", service)
        record["activities"] = [
            to_record("activities", activity)
            for activity in service.activities.order_by("slug").prefetch_related(
                "recipients", "systems", "sharing_agreements"
            )
        ]
        written.append(_dump(directory / "services" / f"{service.slug}.yaml", {"services": [record]}))
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="register",
        object_ref=directory.name,
        summary=f"{len(written)} files",
    )
    return written


def _dump(path: Path, document: dict[str, Any]) -> Path:
    header = "# Exported by Pledge from the register database. Edit, then `pledge register validate` and `import`.\n"
    path.write_text(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    return path


def council_controller() -> Controller | None:
    """The council itself, whose DPO and contact details head every general page."""
    return Controller.objects.filter(kind=ControllerKind.COUNCIL).order_by("pk").first()


def submit_activity(*, activity: ProcessingActivity, actor: Any) -> ProcessingActivity:
    """Send a draft to the DPO for approval."""
    return _change_status(activity=activity, actor=actor, to=Status.SUBMITTED, action=AuditAction.SUBMIT)


class ApprovalBlocked(ValueError):
    """The activity cannot be approved yet; ``reasons`` says why, one sentence each."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


# Other apps add go-live rules here from their AppConfig.ready() (the DPIA gate, P119), so that the register does
# not import them: each returns why the activity cannot be approved yet, or "".
APPROVAL_CHECKS: list[Callable[[ProcessingActivity], str]] = []


def approval_blockers(activity: ProcessingActivity) -> list[str]:
    """Every reason ``activity`` cannot be approved yet (empty when it can)."""
    return [reason for check in APPROVAL_CHECKS if (reason := check(activity))]


def approve_activity(*, activity: ProcessingActivity, actor: Any, effective_from: date) -> ProcessingActivity:
    """The DPO approves an activity; it takes effect from ``effective_from``. ``ApprovalBlocked`` when a go-live
    rule (``APPROVAL_CHECKS``) says not yet."""
    blockers = approval_blockers(activity)
    if blockers:
        raise ApprovalBlocked(blockers)
    return _change_status(
        activity=activity, actor=actor, to=Status.APPROVED, action=AuditAction.APPROVE, effective_from=effective_from
    )


def return_activity_to_draft(*, activity: ProcessingActivity, actor: Any, reason: str) -> ProcessingActivity:
    """The DPO sends an activity back with a reason."""
    return _change_status(activity=activity, actor=actor, to=Status.DRAFT, action=AuditAction.REJECT, reason=reason)


def _change_status(
    *,
    activity: ProcessingActivity,
    actor: Any,
    to: Status,
    action: AuditAction,
    reason: str = "",
    effective_from: date | None = None,
) -> ProcessingActivity:
    with transaction.atomic():
        before = json_safe(to_record("activities", activity))  # taken before any change, so the audit shows it
        activity.status = to
        if effective_from is not None:
            activity.effective_from = effective_from
        activity.save()
        audit(
            actor=actor,
            action=action,
            object_type="activities",
            object_ref=activity.slug,
            summary=reason or f"{activity.name}: {to.label}",
            before=before,
            after=json_safe(to_record("activities", activity)),
        )
    return activity


def save_edited_activity(*, form: "ModelForm[ProcessingActivity]", actor: Any) -> ProcessingActivity:
    """Save a staff edit as a draft: any change to an approved activity needs the DPO's approval again."""

    def as_draft(activity: ProcessingActivity) -> None:
        activity.status = Status.DRAFT

    return _save_form_with_audit(
        form=form, entity="activities", actor=actor, summary="Edited {name}", before_save=as_draft
    )


def save_controller_details(*, form: "ModelForm[Controller]", actor: Any) -> Controller:
    """Save a controller's contact details; every current notice shows them on the next page load."""
    return _save_form_with_audit(
        form=form, entity="controllers", actor=actor, summary="Changed the contact details of {name}"
    )


def _save_form_with_audit(*, form: Any, entity: str, actor: Any, summary: str, before_save: Any = None) -> Any:
    """Save a valid model form and its many-to-many fields with one audit row holding before and after."""
    before = json_safe(to_record(entity, form.instance.__class__._default_manager.get(pk=form.instance.pk)))
    with transaction.atomic():
        changed = form.save(commit=False)
        if before_save is not None:
            before_save(changed)
        changed.save()
        form.save_m2m()
        audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=entity,
            object_ref=changed.slug,
            summary=summary.format(name=changed.name),
            before=before,
            after=json_safe(to_record(entity, changed)),
        )
    return changed


def create_activity(*, form: "ModelForm[ProcessingActivity]", actor: Any) -> ProcessingActivity:
    """Add a processing activity from the staff form: always a draft until the DPO approves it."""
    with transaction.atomic():
        activity = form.save(commit=False)
        activity.slug = _unique_activity_slug(activity.name)
        activity.status = Status.DRAFT
        activity.save()
        form.save_m2m()
        audit(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="activities",
            object_ref=activity.slug,
            summary=f"Added {activity.name} to {activity.service.name}",
            after=json_safe(to_record("activities", activity)),
        )
    return activity


def _unique_activity_slug(name: str) -> str:
    base = slugify(name)[:90] or "activity"
    slug, number = base, 2
    while ProcessingActivity.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
