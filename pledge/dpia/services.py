"""Screening activities for a DPIA, and the DPIA's life: risks, the DPO's advice, sign-off (UK GDPR Arts 35, 36).

P119: screening marks an activity 'DPIA required', and such an activity cannot be approved to go live until a DPIA
covering it, with risks, mitigations and the DPO's advice, is signed off (``dpia_blocker``, added to the register's
approval checks by this app's ``ready()``).
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.dpia.models import Dpia, DpiaRisk, DpiaState, Screening, ScreeningOutcome
from pledge.law.dpia import Question, needs_prior_consultation, screen
from pledge.register.models import ProcessingActivity

VULNERABLE_WORDS = ("child", "young people", "pupil", "vulnerable", "care", "looked after", "safeguarding")


class DpiaError(ValueError):
    """Something a DPIA needs is missing; ``problems`` says what, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def suggested_answers(activity: ProcessingActivity) -> set[Question]:
    """The screening answers the register already gives (staff confirm them and add what it cannot know, such as
    scale or new technology)."""
    found: set[Question] = set()
    if activity.special_categories or activity.art9_condition or activity.criminal_offence_data:
        found.add(Question.SPECIAL_OR_CRIMINAL)
    if activity.automated_decision:
        found |= {Question.AUTOMATED_EVALUATION, Question.DENIAL_OF_SERVICE}
    if activity.systems.filter(surveillance=True).exists():
        found.add(Question.PUBLIC_MONITORING)
    subjects = " ".join(activity.data_subjects).lower()
    if any(word in subjects for word in VULNERABLE_WORDS):
        found.add(Question.VULNERABLE_PEOPLE)
        if activity.direct_marketing or activity.automated_decision:
            found.add(Question.TARGETING_VULNERABLE)
    return found


def latest_screening(activity: ProcessingActivity) -> Screening | None:
    """The screening that counts: the most recent."""
    return activity.dpia_screenings.select_related("screened_by").first()


def screen_activity(
    *, activity: ProcessingActivity, answers: Iterable[Question | str], notes: str, actor: Any
) -> Screening:
    """Record a screening of ``activity`` with its outcome and reasons; audited."""
    result = screen(answers)
    with transaction.atomic():
        screening = Screening.objects.create(
            activity=activity,
            answers=sorted(Question(a).value for a in answers),
            outcome=ScreeningOutcome(result.outcome.value),
            reasons=list(result.reasons),
            notes=notes.strip(),
            screened_by=actor,
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="dpia_screening",
            object_ref=activity.slug,
            summary=f"DPIA screening of {activity.name}: {screening.get_outcome_display()}",
            after={"answers": screening.answers, "outcome": screening.outcome},
        )
    return screening


def _next_reference(year: int) -> str:
    prefix = f"DPIA-{year}-"
    taken = Dpia.objects.select_for_update().filter(reference__startswith=prefix).values_list("reference", flat=True)
    number = max((int(ref.removeprefix(prefix)) for ref in taken), default=0) + 1
    return f"{prefix}{number:03d}"


def open_dpia(*, title: str, activity: ProcessingActivity, description: str, actor: Any) -> Dpia:
    """Start a DPIA for ``activity`` (more activities may join it)."""
    if not title.strip() or not description.strip():
        raise DpiaError(["Enter the title and describe the processing"])
    with transaction.atomic():
        dpia = Dpia.objects.create(
            reference=_next_reference(timezone.localdate().year),
            title=title.strip(),
            description=description.strip(),
            created_by=actor,
        )
        dpia.activities.add(activity)
        _audit(dpia, actor, AuditAction.CREATE, f"DPIA opened for {activity.name}")
    return dpia


def update_assessment(*, dpia: Dpia, necessity: str, consultation: str, review_on: date | None, actor: Any) -> Dpia:
    """Change the assessment's text and review date; a signed-off DPIA is changed only by opening a new one."""
    _check_draft(dpia)
    with transaction.atomic():
        before = {"necessity": dpia.necessity, "consultation": dpia.consultation, "review_on": str(dpia.review_on)}
        dpia.necessity, dpia.consultation, dpia.review_on = necessity.strip(), consultation.strip(), review_on
        dpia.save(update_fields=["necessity", "consultation", "review_on"])
        after = {"necessity": dpia.necessity, "consultation": dpia.consultation, "review_on": str(dpia.review_on)}
        _audit(dpia, actor, AuditAction.UPDATE, "Assessment updated", before=before, after=after)
    return dpia


def add_risk(*, dpia: Dpia, actor: Any, **fields: str) -> DpiaRisk:
    """Add a risk with its likelihood, severity, mitigation and what remains after it."""
    _check_draft(dpia)
    with transaction.atomic():
        risk = DpiaRisk.objects.create(dpia=dpia, **fields)
        _audit(dpia, actor, AuditAction.CREATE, f"Risk added ({risk.level} before, {risk.residual_level} after)")
    return risk


def record_dpo_advice(*, dpia: Dpia, advice: str, actor: Any) -> Dpia:
    """The DPO's advice (Art 35(2)), kept with who gave it."""
    _check_draft(dpia)
    if not advice.strip():
        raise DpiaError(["Enter the DPO's advice"])
    with transaction.atomic():
        dpia.dpo_advice, dpia.dpo_advice_by = advice.strip(), actor
        dpia.save(update_fields=["dpo_advice", "dpo_advice_by"])
        _audit(dpia, actor, AuditAction.UPDATE, "DPO advice recorded")
    return dpia


def sign_off_problems(dpia: Dpia) -> list[str]:
    """What still stops sign-off: empty when the DPIA is complete."""
    problems = []
    if not dpia.necessity:
        problems.append("Explain why the processing is necessary and proportionate")
    risks = list(dpia.risks.all())
    if not risks:
        problems.append("Add at least one risk with its mitigation")
    if not dpia.dpo_advice:
        problems.append("Record the DPO's advice")
    if dpia.review_on is None:
        problems.append("Set a review date")
    return problems


def sign_off_dpia(*, dpia: Dpia, actor: Any) -> Dpia:
    """Sign the DPIA off; ``DpiaError`` lists what is missing. The activities it covers may then be approved."""
    _check_draft(dpia)
    problems = sign_off_problems(dpia)
    if problems:
        raise DpiaError(problems)
    with transaction.atomic():
        dpia.state, dpia.signed_off_by, dpia.signed_off_at = DpiaState.SIGNED_OFF, actor, timezone.now()
        dpia.save(update_fields=["state", "signed_off_by", "signed_off_at"])
        summary = "Signed off" + (
            ": high risk remains, consult the ICO first (Art 36)" if prior_consultation(dpia) else ""
        )
        _audit(dpia, actor, AuditAction.APPROVE, summary)
    return dpia


def prior_consultation(dpia: Dpia) -> bool:
    """Art 36(1): a high residual risk means consulting the ICO before the processing starts."""
    return needs_prior_consultation(risk.residual_level for risk in dpia.risks.all())


def dpia_blocker(activity: ProcessingActivity) -> str:
    """Why ``activity`` cannot be approved yet (P119), or "" when nothing in the DPIA rules stops it."""
    screening = latest_screening(activity)
    if screening is None or screening.outcome != ScreeningOutcome.REQUIRED:
        return ""
    signed = activity.dpias.filter(state=DpiaState.SIGNED_OFF)
    if not signed.exists():
        return "Screening says a DPIA is required: sign one off for this activity before approving it"
    if any(prior_consultation(dpia) for dpia in signed):
        return "Its DPIA leaves a high risk: consult the ICO (Art 36) and revise the DPIA before approving"
    return ""


def _check_draft(dpia: Dpia) -> None:
    if dpia.state != DpiaState.DRAFT:
        raise DpiaError(["This DPIA is signed off; open a new one to change it"])


def _audit(dpia: Dpia, actor: Any, action: AuditAction, summary: str, **changes: Any) -> None:
    record(actor=actor, action=action, object_type="dpia", object_ref=dpia.reference, summary=summary, **changes)
