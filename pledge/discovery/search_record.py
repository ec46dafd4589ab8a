"""The search record of a discovery run, as a PDF for an ICO complaint or a court, and as rows for the case page.

Art 15(1A) (DUAA s.78): the council must be able to show its search was reasonable and proportionate. The record
says which identifiers were used, each system searched (with hits), excluded or unreachable and why, and who
confirmed or rejected each candidate record, when. Downloading it is audited (``record_search_record_export``).
"""

from typing import Any

from django.utils import timezone

from pledge.casework.letters import blocks_pdf
from pledge.casework.services import record_case_event
from pledge.core.models import AuditAction
from pledge.discovery.models import CandidateDecision, DiscoveryRun, SystemSearchState
from pledge.discovery.services import IDENTIFIER_LABELS, LIST_IDENTIFIERS, MIN_PROBABILITY


def _when(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}" if moment else "not yet"


def identifier_rows(run: DiscoveryRun) -> list[dict[str, str]]:
    """The identifiers the run searched with, as summary-list rows (blank ones say so)."""
    rows = []
    for key, label in IDENTIFIER_LABELS.items():
        value = run.identifiers.get(key)
        text = "; ".join(value) if key in LIST_IDENTIFIERS and value else (value or "Not used")
        rows.append({"key": label, "value": str(text)})
    return rows


def system_lines(run: DiscoveryRun) -> list[str]:
    """One sentence per system: searched with its hits, excluded and why, or why it could not be searched."""
    lines = []
    for search in run.system_searches.all():
        if search.state == SystemSearchState.SEARCHED:
            hits = "1 possible record" if search.hits == 1 else f"{search.hits} possible records"
            lines.append(f"{search.system_name}: searched, {hits}")
        elif search.state == SystemSearchState.EXCLUDED:
            lines.append(f"{search.system_name}: not searched. {search.reason}")
        else:
            lines.append(f"{search.system_name}: could not be searched. {search.reason}")
    return lines


def decision_lines(run: DiscoveryRun) -> list[str]:
    """One sentence per candidate record: its system, reference, probability and who decided what, when."""
    names = {s.system: s.system_name for s in run.system_searches.all()}
    lines = []
    for candidate in run.candidates.select_related("decided_by").order_by("system", "-probability", "id"):
        where = f"{names.get(candidate.system, candidate.system)}, {candidate.table} {candidate.key}"
        chance = f"{candidate.probability:.0%} likely"
        if candidate.decision == CandidateDecision.PENDING:
            lines.append(f"{where} ({chance}): not yet confirmed or rejected")
            continue
        verb = "confirmed as the requester's" if candidate.decision == CandidateDecision.CONFIRMED else "rejected"
        who = candidate.decided_by.get_username() if candidate.decided_by else "someone"
        note = f": {candidate.decision_note}" if candidate.decision_note else ""
        carried = " (decided on an earlier search of this request)" if candidate.carried_from_id else ""
        lines.append(f"{where} ({chance}): {verb} by {who} on {_when(candidate.decided_at)}{carried}{note}")
    return lines


def search_record_blocks(run: DiscoveryRun) -> list[dict[str, Any]]:
    """The record as document blocks (headings, paragraphs, lists), for the PDF."""
    case = run.case
    blocks: list[dict[str, Any]] = [
        {
            "type": "p",
            "text": f"Request {case.reference} ({case.get_kind_display()}). Search {run.pk}, started by "
            f"{run.started_by.get_username()} on {_when(run.created_at)}, finished {_when(run.finished_at)}: "
            f"{run.get_state_display().lower()}.",
        },
        {
            "type": "p",
            "text": "Since 19 June 2025 a controller need only make reasonable and proportionate searches for a "
            "requester's information (UK GDPR Art 15(1A)). This record shows the search made.",
        },
        {"type": "h2", "text": "Identifiers used"},
        {"type": "ul", "items": [f"{row['key']}: {row['value']}" for row in identifier_rows(run)]},
        {"type": "h2", "text": "Systems"},
        {"type": "ul", "items": system_lines(run) or ["No systems were searched."]},
    ]
    if run.error:
        blocks.append({"type": "p", "text": f"The search did not finish: {run.error}"})
    blocks += [
        {"type": "h2", "text": "Records found and decisions"},
        {
            "type": "p",
            "text": f"Each record the matcher found {MIN_PROBABILITY:.0%} or more likely to be the requester's was "
            "listed for a person to confirm or reject. Only confirmed records are released or changed.",
        },
        {"type": "ul", "items": decision_lines(run) or ["No records were found."]},
    ]
    tasks = list(case.search_tasks.filter(connector="").exclude(owner="", due_on=None))
    if tasks:
        blocks += [
            {"type": "h2", "text": "Stores searched by hand"},
            {"type": "ul", "items": [_manual_line(task) for task in tasks]},
        ]
    return blocks


def _manual_line(task: Any) -> str:
    owner = f", held by {task.owner}" if task.owner else ""
    due = f", due {task.due_on:%-d %B %Y}" if task.due_on else ""
    done = f" by {task.completed_by.get_username()} on {_when(task.completed_at)}" if task.completed_by else ""
    note = f": {task.note}" if task.note else ""
    return f"{task.label}{owner}{due}: {task.get_state_display().lower()}{done}{note}"


def search_record_pdf(run: DiscoveryRun) -> bytes:
    """The search record as a PDF headed with the council's name and the case reference."""
    return blocks_pdf(blocks=search_record_blocks(run), case=run.case, title="Search record")


def record_search_record_export(*, run: DiscoveryRun, actor: Any) -> None:
    """One audit row on the case for each download of a search record."""
    record_case_event(run.case, actor, AuditAction.EXPORT, f"Search record of discovery run {run.pk} downloaded as PDF")
