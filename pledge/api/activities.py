"""Creating, changing, submitting and approving processing activities through the API.

The rules are the YAML linter's: schema first (``pledge.api.schemas``), then unknown references, then the
legal-consistency rules of ``pledge.register.consistency`` with the controller kind of the activity's
service. A request with any problem writes nothing. Status moves follow ``pledge.register.services``.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from pledge.api.auth import Principal, actor_of
from pledge.core.audit import record as audit
from pledge.core.models import AuditAction, User
from pledge.core.roles import Permission, Role
from pledge.register import consistency
from pledge.register.consistency import Finding
from pledge.register.models import ProcessingActivity, Recipient, RetentionRule, Service, Status
from pledge.register.records import MODELS, json_safe, many_values, scalar_values, to_record
from pledge.register.services import approve_activity, submit_activity
from pledge.register.yaml.schema import ENTITIES, SINGULAR, Kind


class ActivityInvalid(Exception):
    """The activity breaks a schema, reference or legal rule; nothing was written."""

    def __init__(self, problems: list[Finding]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the activity")
        self.problems = problems


class OutsideYourServices(Exception):
    """A service lead tried to change an activity of a service they do not lead."""


class WrongStatus(Exception):
    """The activity is not in a status the requested step can start from."""


def can_edit_service(*, principal: Principal, service: Service) -> bool:
    """Service leads edit only services they lead (``Service.leads``); other editors edit every service."""
    if not principal.has_pledge_permission(Permission.EDIT_REGISTER):
        return False
    if principal.role == Role.SERVICE_LEAD:
        return isinstance(principal, User) and service.leads.filter(pk=principal.pk).exists()
    return True


def activity_record(activity: ProcessingActivity) -> dict[str, Any]:
    """The activity in the YAML shape with every field, plus the slug of its service."""
    return {**to_record("activities", activity, include_empty=True), "service": activity.service.slug}


def create_activity(
    *, record: dict[str, Any], service_slug: str, principal: Principal, today: date | None = None
) -> ProcessingActivity:
    """Add a draft activity to a service; refuses (writing nothing) on any problem."""
    service = _editable_service(service_slug, principal=principal)
    problems = _problems(record, service=service, today=today or timezone.localdate())
    if ProcessingActivity.objects.filter(slug=record.get("slug")).exists():
        problems.insert(0, Finding("slug", f"an activity with slug {record.get('slug')!r} already exists"))
    if problems:
        raise ActivityInvalid(problems)
    with transaction.atomic():
        activity = ProcessingActivity(service=service)
        _apply(activity, {**record, "status": Status.DRAFT})
        audit(
            actor=actor_of(principal),
            action=AuditAction.CREATE,
            object_type="activities",
            object_ref=activity.slug,
            summary=f"Created through the API: {activity.name}",
            after=_audit_record(activity),
        )
    return activity


def update_activity(
    *,
    activity: ProcessingActivity,
    record: dict[str, Any],
    service_slug: str,
    principal: Principal,
    today: date | None = None,
) -> ProcessingActivity:
    """Replace an activity's record; any change sends a submitted or approved activity back to draft."""
    _check_scope(activity.service, principal=principal)
    service = _editable_service(service_slug, principal=principal)
    problems = _problems(record, service=service, today=today or timezone.localdate())
    if record.get("slug") != activity.slug:
        problems.insert(0, Finding("slug", f"the slug cannot change; this activity is {activity.slug!r}"))
    if problems:
        raise ActivityInvalid(problems)
    with transaction.atomic():
        before = _audit_record(activity)
        activity.service = service
        _apply(activity, {**record, "status": activity.status})
        after = _audit_record(activity)
        if _without_status(after) == _without_status(before):
            return activity
        if activity.status != Status.DRAFT:
            # The DPO approved (or is reviewing) the old content, not this one.
            activity.status = Status.DRAFT
            activity.save(update_fields=["status"])
            after = _audit_record(activity)
        audit(
            actor=actor_of(principal),
            action=AuditAction.UPDATE,
            object_type="activities",
            object_ref=activity.slug,
            summary=f"Changed through the API: {activity.name}",
            before=before,
            after=after,
        )
    return activity


def submit(*, activity: ProcessingActivity, principal: Principal) -> ProcessingActivity:
    """Send a draft to the DPO for approval."""
    _check_scope(activity.service, principal=principal)
    if activity.status != Status.DRAFT:
        raise WrongStatus(f"only a draft can be submitted; this activity is {activity.get_status_display().lower()}")
    return submit_activity(activity=activity, actor=actor_of(principal))


def approve(*, activity: ProcessingActivity, principal: Principal, effective_from: date | None) -> ProcessingActivity:
    """The DPO approves a draft or submitted activity, in force from ``effective_from`` (today by default)."""
    if activity.status == Status.APPROVED:
        raise WrongStatus("this activity is already approved")
    return approve_activity(
        activity=activity, actor=actor_of(principal), effective_from=effective_from or timezone.localdate()
    )


def _editable_service(slug: str, *, principal: Principal) -> Service:
    service = Service.objects.select_related("controller").filter(slug=slug).first()
    if service is None:
        raise ActivityInvalid([Finding("service", f"no service with slug {slug!r}")])
    _check_scope(service, principal=principal)
    return service


def _check_scope(service: Service, *, principal: Principal) -> None:
    if not can_edit_service(principal=principal, service=service):
        raise OutsideYourServices(f"you may edit only the activities of services you lead, not {service.slug!r}")


def _problems(record: dict[str, Any], *, service: Service, today: date) -> list[Finding]:
    problems = _unknown_references(record)
    recipients = {
        recipient.slug: to_record("recipients", recipient)
        for recipient in Recipient.objects.filter(slug__in=record.get("recipients") or [])
    }
    problems += consistency.check_activity(
        record, controller_kind=service.controller.kind, recipients=recipients, today=today
    )
    return problems


def _unknown_references(record: dict[str, Any]) -> list[Finding]:
    problems = []
    for spec in ENTITIES["activities"]:
        if spec.kind not in (Kind.REF, Kind.REFS) or spec.target == "activities":
            continue
        value = record.get(spec.name)
        wanted: set[str] = set(value or []) if spec.kind is Kind.REFS else {value} if value else set()
        found = set(MODELS[spec.target]._default_manager.filter(slug__in=wanted).values_list("slug", flat=True))
        problems += [
            Finding(spec.name, f"no {SINGULAR[spec.target]} with slug {slug!r}") for slug in sorted(wanted - found)
        ]
    return problems


def _apply(activity: ProcessingActivity, record: dict[str, Any]) -> None:
    """Set every field from ``record`` and save; Django's own field checks are the last line of defence."""
    # An empty optional field (as ``GET`` shows it) takes the model's default, as in the YAML.
    record = {name: None if value == "" else value for name, value in record.items()}
    rule = record.get("retention_rule")
    lookups = {"retention_rules": {r.slug: r for r in RetentionRule.objects.filter(slug=rule)} if rule else {}}
    for name, value in scalar_values("activities", record, lookups=lookups).items():
        setattr(activity, name, value)
    try:
        activity.full_clean(exclude=["service"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise ActivityInvalid(
            [Finding(name, " ".join(messages)) for name, messages in error.message_dict.items()]
        ) from error
    activity.save()
    for name, slugs in many_values("activities", record).items():
        target = next(spec.target for spec in ENTITIES["activities"] if spec.name == name)
        getattr(activity, name).set(MODELS[target]._default_manager.filter(slug__in=slugs))


def _audit_record(activity: ProcessingActivity) -> dict[str, Any]:
    return json_safe({**to_record("activities", activity), "service": activity.service.slug})


def _without_status(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "status"}
