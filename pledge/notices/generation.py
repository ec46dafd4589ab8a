"""Build a privacy notice's content from the register (UK GDPR Arts 13 and 14).

The result is a plain JSON document: it is frozen into each published version, so a past version
always reads exactly as it was published, whatever the register says today.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from pledge.law.bases import ART9_LABELS, SPECIAL_CATEGORY_LABELS, Art9Condition, LawfulBasis, SpecialCategory
from pledge.law.ico import load_ico_details as read_ico_file
from pledge.law.rights import RIGHT_PLAIN_ENGLISH, RIGHT_TITLES, rights_for_activity
from pledge.law.schedule1 import SCHEDULE_1
from pledge.notices.models import Notice, NoticeScope
from pledge.register.models import (
    Controller,
    ControllerKind,
    InternalFlow,
    ProcessingActivity,
    Recipient,
    Service,
    Status,
    System,
)

ICO_REGISTER_URL = "https://ico.org.uk/ESDWebPages/Search"


def load_ico_details() -> dict[str, str]:
    """The ICO's contact details, held once in data (promise P146), from the configured law directory."""
    return read_ico_file(Path(settings.PLEDGE_LAW_DIR) / "ico.json")


def activities_for(notice: Notice) -> QuerySet[ProcessingActivity]:
    """The approved activities a notice covers (its scope, promise P025)."""
    activities = ProcessingActivity.objects.filter(status=Status.APPROVED)
    if notice.scope == NoticeScope.SERVICE:
        activities = activities.filter(service=notice.service)
    else:
        activities = activities.filter(service__controller=notice.controller)
    return (
        activities.select_related("service", "retention_rule")
        .prefetch_related("recipients", "sharing_agreements", Prefetch("systems", queryset=System.objects.all()))
        .order_by("service__name", "name")
    )


def build_notice_document(notice: Notice) -> dict[str, Any]:
    """The full content of ``notice`` as the register stands now."""
    controller = notice.controller
    activities = [_activity(a) for a in activities_for(notice)]
    document: dict[str, Any] = {
        "title": notice.title,
        "scope": notice.scope,
        "scope_text": _scope_text(notice, len(activities)),
        "controller": _controller(controller),
        "dpo": {
            "name": controller.dpo_name,
            "email": controller.dpo_email,
            "phone": controller.dpo_phone,
            "address": controller.dpo_address,
        },
        "representative": "As a UK public body we do not need a UK representative (Art 27 applies only to "
        "organisations outside the UK).",
        "activities": activities,
        "services": _service_links(notice),
        "rights": _rights_summary(activities),
        "complaints": {
            "council_url": controller.complaints_url or "/how-to-complain/",
            "council_email": controller.dpo_email,
            "ico": load_ico_details(),
        },
        "internal_flows": _internal_flows(notice),
        "policy_documents": list(controller.policy_documents),
        "extra_sections": list(controller.extra_sections),
    }
    return document


def _controller(controller: Controller) -> dict[str, Any]:
    return {
        "slug": controller.slug,
        "name": controller.name,
        "kind": controller.kind,
        "kind_label": controller.get_kind_display(),
        "address": controller.address,
        "email": controller.email,
        "phone": controller.phone,
        "website": controller.website,
        "ico_registration": controller.ico_registration,
        "ico_registration_fictional": controller.ico_registration_fictional,
        "ico_register_url": ICO_REGISTER_URL,
    }


def _scope_text(notice: Notice, count: int) -> str:
    if notice.scope == NoticeScope.SERVICE and notice.service is not None:
        ways = "1 way" if count == 1 else f"{count} ways"
        return f"This notice covers the {notice.service.name} service: {ways} we use personal information."
    if notice.scope == NoticeScope.CONTROLLER:
        return f"This notice covers personal information used by {notice.controller.name} ({count} activities)."
    return (
        f"This notice covers all the ways {notice.controller.name} uses personal information, through every channel: "
        f"{count} activities across our services. Each service also has its own, more detailed notice."
    )


def _service_links(notice: Notice) -> list[dict[str, str]]:
    if notice.scope == NoticeScope.SERVICE:
        return []
    services = Service.objects.filter(controller=notice.controller).prefetch_related("notices").order_by("name")
    links = []
    for service in services:
        service_notice = next((n for n in service.notices.all() if n.scope == NoticeScope.SERVICE), None)
        if service_notice is not None:
            links.append({"name": service.name, "summary": service.summary, "notice_slug": service_notice.slug})
    return links


def _activity(activity: ProcessingActivity) -> dict[str, Any]:
    # A blank or unknown basis must reach the completeness check as PN05, not crash the preview.
    basis = LawfulBasis(activity.lawful_basis) if activity.lawful_basis in set(LawfulBasis) else None
    recipients = list(activity.recipients.all())
    answers = (
        rights_for_activity(
            basis=basis,
            automated_processing=activity.automated_processing,
            direct_marketing=activity.direct_marketing,
            significant_automated_decision=activity.automated_decision,
            law_enforcement=activity.law_enforcement,
        )
        if basis is not None
        else []
    )
    rule = activity.retention_rule
    return {
        "slug": activity.slug,
        "name": activity.name,
        "service": activity.service.name,
        "purposes": list(activity.purposes),
        "basis": basis.value if basis else "",
        "basis_label": basis.label if basis else "",
        "basis_plain": basis.plain_english if basis else "",
        "legislation": list(activity.legislation),
        "legitimate_interests": activity.legitimate_interests,
        "consent_as_safeguard": activity.consent_as_safeguard,
        "special_categories": [SPECIAL_CATEGORY_LABELS[SpecialCategory(c)] for c in activity.special_categories],
        "art9": ART9_LABELS[Art9Condition(activity.art9_condition)] if activity.art9_condition else "",
        "schedule1": [
            f"DPA 2018 Sch 1 Part {SCHEDULE_1[c].part} para {SCHEDULE_1[c].paragraph}: {SCHEDULE_1[c].title}"
            for c in activity.schedule1_conditions
            if c in SCHEDULE_1
        ],
        "criminal_offence_data": activity.criminal_offence_data,
        "data_subjects": list(activity.data_subjects),
        "data_categories": list(activity.data_categories),
        "sources": list(activity.sources),
        "indirect_sources": activity.has_indirect_sources,
        "publicly_accessible_sources": activity.publicly_accessible_sources,
        "collection_channels": list(activity.collection_channels),
        "provision": activity.get_provision_requirement_display(),
        "provision_code": activity.provision_requirement,
        "provision_consequences": activity.provision_consequences,
        "recipients": [
            {
                "name": r.name,
                "kind": r.get_kind_display(),
                "description": r.description,
                "opt_out_contact": r.opt_out_contact if r.contacts_residents else "",
            }
            for r in recipients
        ],
        "sharing_agreements": [a.title for a in activity.sharing_agreements.all()],
        "transfers": [
            {"recipient": holder.name, "country": holder.country, "mechanism": holder.transfer_mechanism}
            for holder in _holders(recipients, list(activity.systems.all()))
            if holder.country != "GB"
        ],
        "retention": rule.plain_english if rule else "",
        "retention_source": rule.source if rule else "",
        "automated_decision": (
            {"logic": activity.automated_decision_logic, "safeguards": activity.automated_decision_safeguards}
            if activity.automated_decision
            else None
        ),
        "rights": [
            {"right": a.right.value, "title": a.title, "plain": RIGHT_PLAIN_ENGLISH[a.right], "reason": a.reason}
            for a in answers
            if a.applies
        ],
        "withdraw_consent_route": activity.consent_withdrawal_route,
        "on_behalf_of": activity.on_behalf_of,
        "surveillance": [
            {
                "name": s.name,
                "operator": s.operator,
                "sites": list(s.sites),
                "code_of_practice_url": s.code_of_practice_url,
                "footage_retention_days": s.footage_retention_days,
            }
            for s in activity.systems.all()
            if s.surveillance
        ],
    }


def _internal_flows(notice: Notice) -> list[dict[str, Any]]:
    """Flows in and out of a service notice's service (promise P013); other notices list none."""
    if notice.scope != NoticeScope.SERVICE or notice.service is None:
        return []
    flows = InternalFlow.objects.filter(Q(from_service=notice.service) | Q(to_service=notice.service))
    return [
        {
            "direction": "out" if flow.from_service_id == notice.service.pk else "in",
            "other_service": (flow.to_service if flow.from_service_id == notice.service.pk else flow.from_service).name,
            "purposes": list(flow.purposes),
            "data_categories": list(flow.data_categories),
            "legislation": list(flow.legislation),
        }
        for flow in flows.select_related("from_service", "to_service").order_by("slug")
    ]


def _holders(recipients: list[Recipient], systems: list[System]) -> list[Recipient | System]:
    """Everyone who holds the activity's data: a system abroad is a transfer just as a recipient abroad is."""
    return [*recipients, *systems]


def _rights_summary(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each right that applies to at least one activity, with the activities it applies to."""
    summary: dict[str, dict[str, Any]] = {}
    for activity in activities:
        for right in activity["rights"]:
            entry = summary.setdefault(
                right["right"],
                {"right": right["right"], "title": right["title"], "plain": right["plain"], "activities": []},
            )
            entry["activities"].append(activity["name"])
    order = list(RIGHT_TITLES)
    return sorted(summary.values(), key=lambda e: [r.value for r in order].index(e["right"]))


def ensure_notices() -> list[Notice]:
    """Create the notice rows the register implies: a general one, one per other controller, one per service."""
    notices = []
    for controller in Controller.objects.all():
        scope = NoticeScope.GENERAL if controller.kind == ControllerKind.COUNCIL else NoticeScope.CONTROLLER
        title = "Privacy notice" if scope == NoticeScope.GENERAL else f"Privacy notice: {controller.name}"
        slug = "general" if scope == NoticeScope.GENERAL and controller.slug.endswith("council") else controller.slug
        notice, _ = Notice.objects.get_or_create(
            slug=slug, defaults={"title": title, "scope": scope, "controller": controller}
        )
        notices.append(notice)
    for service in Service.objects.select_related("controller"):
        taken = Notice.objects.filter(slug=service.slug).exclude(service=service).exists()
        notice, _ = Notice.objects.get_or_create(
            slug=f"{service.slug}-service" if taken else service.slug,
            defaults={
                "title": f"Privacy notice: {service.name}",
                "scope": NoticeScope.SERVICE,
                "controller": service.controller,
                "service": service,
            },
        )
        notices.append(notice)
    return notices


def with_live_contacts(document: dict[str, Any], controller: Controller) -> dict[str, Any]:
    """The document with today's contact details of its controller (promise P143).

    Contact details are held once on the controller; a published version keeps its own copy for the
    record, but a resident reading the current notice must get the address that works today.
    """
    live = dict(document)
    live["controller"] = {**document["controller"], **_controller(controller)}
    live["dpo"] = {
        "name": controller.dpo_name,
        "email": controller.dpo_email,
        "phone": controller.dpo_phone,
        "address": controller.dpo_address,
    }
    live["complaints"] = {**document["complaints"], "council_email": controller.dpo_email, "ico": load_ico_details()}
    return live
