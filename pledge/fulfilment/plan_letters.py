"""What the response letter says about records an erasure plan kept (UK GDPR Art 17(3), Art 12(4); promise P053).

The letter lists each kept category of data, system by system, with the reason it was kept (the retention rule
and its source, the legal hold, the Art 17(3) exception, or the separate controller to ask), rather than one line
per record. Exceptions staff recorded by hand outside a plan are listed as well.
"""

from collections import defaultdict

from pledge.casework.models import Case, CaseKind
from pledge.fulfilment.models import ErasureOutcome
from pledge.fulfilment.plan_models import PlanState, RetainReason, StepAction, StepState
from pledge.law.erasure import KEEP_GROUNDS, ErasureResult, KeepGround

EXECUTED_STATES = (PlanState.EXECUTING, PlanState.EXECUTED)
# Why each kind of kept record was kept, in the letter's words.
LETTER_REASON: dict[str, str] = {
    RetainReason.RETENTION_RULE: "the law requires us to keep it for a set time (UK GDPR Article 17(3)(b)) under",
    RetainReason.LEGAL_OBLIGATION: "we must keep it to comply with a legal obligation (Article 17(3)(b)):",
    RetainReason.LEGAL_HOLD: "it is needed for legal claims (Article 17(3)(e)) and is under a",
    RetainReason.EXEMPTION: "an exception to the right applies:",
    RetainReason.SEPARATE_CONTROLLER: "it is held by",
}


def kept_categories(*, case: Case) -> list[str]:
    """One line per system, kept categories and reason, from the case's approved erasure plan; [] without one."""
    if case.kind != CaseKind.ERASURE:
        return []
    plan = case.plans.filter(state__in=EXECUTED_STATES).first()  # type: ignore[attr-defined]
    if plan is None:
        return []
    groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    refs = set()
    for step in plan.steps.filter(action=StepAction.RETAIN).exclude(state=StepState.GONE):
        if step.retain_reason == RetainReason.NOTHING_TO_CHANGE:
            continue
        refs.add(step.ref_text)
        groups[(step.system_name, step.retain_reason, step.basis)].update(step.categories or ["records"])
    lines = [
        f"{system}: {_listed(categories)}: kept because {LETTER_REASON.get(reason, '')} {basis}."
        for (system, reason, basis), categories in sorted(groups.items())
    ]
    return lines + _recorded_by_hand(case, exclude=refs)


def _listed(categories: set[str]) -> str:
    names = sorted(categories)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _recorded_by_hand(case: Case, *, exclude: set[str]) -> list[str]:
    kept = ErasureOutcome.objects.filter(case=case, result=ErasureResult.KEPT).select_related("system")
    lines = []
    for outcome in kept.exclude(record_reference__in=exclude):
        ground = KEEP_GROUNDS.get(KeepGround(outcome.keep_ground)) if outcome.keep_ground else None
        label = ground.label if ground else "an Art 17(3) exception"
        lines.append(f"{outcome.system.name}: kept under {label}. {outcome.reasons}".strip())
    return lines
