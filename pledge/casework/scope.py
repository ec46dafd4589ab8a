"""What a request concerns: the register's processing activities and the service team working it.

The activities decide which rights apply (``pledge.law.request_rights``) and what the response tells the
requester about how their information is used (Art 15(1)(a)-(h)), so choosing them is audited like any other
change to a case: one transaction, one audit row with the activity slugs and team before and after.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from pledge.casework.models import Case
from pledge.casework.services import OBJECT_TYPE, CaseworkError
from pledge.casework.states import CaseState
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.law.request_rights import ActivityFacts, RequestVerdict, verdict_for_request
from pledge.register.models import ProcessingActivity, RetentionAction, Service, Status

FINISHED = (CaseState.CLOSED, CaseState.WITHDRAWN)


def choosable_activities(case: Case) -> QuerySet[ProcessingActivity]:
    """The activities staff may choose: every approved one, and any the case already names."""
    chosen = case.activities.values_list("pk", flat=True) if case.pk else []
    return (
        ProcessingActivity.objects.filter(Q(status=Status.APPROVED) | Q(pk__in=list(chosen)))
        .select_related("service")
        .order_by("service__name", "name")
    )


def choose_scope(*, case: Case, activities: Iterable[ProcessingActivity], team: Service | None, actor: Any) -> Case:
    """Set the activities the request concerns and the team working it; CaseworkError and nothing saved if refused.

    Choosing the same activities and team again changes nothing and writes no audit row.
    """
    if case.state in FINISHED:
        raise CaseworkError("The activities and team of a closed or withdrawn case cannot be changed")
    chosen = list(activities)
    allowed = set(choosable_activities(case).values_list("pk", flat=True))
    if any(activity.pk not in allowed for activity in chosen):
        raise CaseworkError("Choose activities from the approved register")
    before = _scope_record(case)
    after = {"activities": sorted(a.slug for a in chosen), "team": team.slug if team else None}
    if before == after:
        return case
    with transaction.atomic():
        case.activities.set(chosen)
        case.team = team
        case.save(update_fields=["team"])
        count = len(chosen)
        summary = f"Scope set: {count} activit{'y' if count == 1 else 'ies'}, team {after['team'] or 'none'}"
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=OBJECT_TYPE,
            object_ref=case.reference,
            summary=summary,
            before=before,
            after=after,
        )
    return case


def _scope_record(case: Case) -> dict[str, Any]:
    slugs = sorted(case.activities.values_list("slug", flat=True))
    return {"activities": slugs, "team": case.team.slug if case.team_id and case.team else None}


def case_activities(case: Case) -> list[ProcessingActivity]:
    """The activities the case concerns, with what the rights engine and the response letter read."""
    return list(
        case.activities.select_related("service__controller", "retention_rule")
        .prefetch_related("recipients", "systems", "sharing_agreements")
        .order_by("service__name", "name")
    )


def activity_facts(activity: ProcessingActivity) -> ActivityFacts:
    """The register's facts about ``activity`` that the rights matrix reads."""
    rule = activity.retention_rule
    return ActivityFacts(
        name=activity.name,
        basis=activity.basis,
        automated_processing=activity.automated_processing,
        direct_marketing=activity.direct_marketing,
        significant_automated_decision=activity.automated_decision,
        law_enforcement=activity.law_enforcement,
        art9_condition=activity.art9_condition,
        archived=bool(rule and rule.action == RetentionAction.ARCHIVE),
        legislation=tuple(activity.legislation),
    )


def case_verdict(case: Case, activities: list[ProcessingActivity] | None = None) -> RequestVerdict:
    """Whether the right the case asks for applies to each of its activities, and why."""
    chosen = case_activities(case) if activities is None else activities
    return verdict_for_request(kind=case.kind, activities=[activity_facts(a) for a in chosen])
