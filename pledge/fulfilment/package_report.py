"""The human-readable part of an access package: the Art 15(1)(a)-(h) and 15(2) information for each processing
activity of each system the requester's records are in, the data itself, the Art 15(1A) search statement and any
statements of disagreement kept with the records (Art 16, P051), as letter blocks rendered to HTML and PDF.
"""

from datetime import date
from typing import Any

from django.db.models import Q

from pledge.casework.letters import Block, blocks_pdf
from pledge.casework.models import Case
from pledge.casework.response_letters import _activity as activity_items  # the response letter's Art 15 facts
from pledge.disclosures.people import case_identifiers, disclosures_for, recipient_line
from pledge.fulfilment.models import Disagreement
from pledge.fulfilment.package_data import searched_with
from pledge.fulfilment.package_preferences import preference_blocks
from pledge.notices.generation import load_ico_details
from pledge.register.models import ProcessingActivity

TITLE = "Your personal data: the copy we hold"
WITHHELD = "[withheld: information about another person]"


def system_activities(case: Case, register_system: str) -> list[ProcessingActivity]:
    """The register activities that use ``register_system``: those the case concerns, or all of them when the
    case names none that use it."""
    every = (
        ProcessingActivity.objects.filter(systems__slug=register_system)
        .select_related("service__controller", "retention_rule")
        .prefetch_related("recipients", "systems")
        .order_by("service__name", "name")
        .distinct()
    )
    on_case = set(case.activities.values_list("pk", flat=True))
    chosen = [a for a in every if a.pk in on_case]
    return chosen or list(every)


def activity_blocks(activity: ProcessingActivity, ico: dict[str, str]) -> list[Block]:
    """One activity's Art 15(1)(a)-(h) and 15(2) items, each under its own heading."""
    facts = activity_items(activity)
    blocks: list[Block] = [
        {"type": "h3", "text": f"{facts['name']} ({facts['service']})"},
        {"type": "p", "text": f"Why we use your information (Art 15(1)(a), purposes): {facts['purposes']}."},
        {"type": "p", "text": f"What kinds of information (Art 15(1)(b), categories): {facts['categories']}."},
        {"type": "p", "text": f"Who we share it with (Art 15(1)(c), recipients): {facts['recipients']}."},
        {
            "type": "p",
            "text": "How long we keep it (Art 15(1)(d), retention): "
            + (facts["retention"] or "we decide case by case, and review it when the matter closes")
            + ".",
        },
        {"type": "p", "text": "Your rights (Art 15(1)(e)):"},
        {
            "type": "ul",
            "items": [
                f"{r['title']}: {'you have this right' if r['applies'] else 'does not apply'}. {r['reason']}"
                for r in facts["rights"]
            ],
        },
        {
            "type": "p",
            "text": f"Your right to complain (Art 15(1)(f)): you can complain to the {ico['name']}, {ico['address']}, "
            f"phone {ico['phone']}, {ico['complaints_url']}.",
        },
        {
            "type": "p",
            "text": "Where we got it (Art 15(1)(g), source): "
            + (facts["sources"] if facts["indirect"] and facts["sources"] else "from you")
            + ".",
        },
    ]
    if facts["automated_decision"]:
        text = (
            "Automated decision-making (Art 15(1)(h)): we make decisions about you by computer alone. "
            f"How it works: {facts['logic'] or 'not recorded'}. What it means for you and the safeguards: "
            f"{facts['safeguards'] or 'not recorded'}."
        )
    else:
        text = "Automated decision-making (Art 15(1)(h)): we make no decisions about you by computer alone here."
    blocks.append({"type": "p", "text": text})
    transfers = facts["transfers"]
    blocks.append(
        {"type": "p", "text": "Transfers outside the UK (Art 15(2)): " + ("; ".join(transfers) or "none") + "."}
    )
    return blocks


def disclosure_blocks(case: Case) -> list[Block]:
    """Art 15(1)(c): the disclosures to other organisations the disclosure log records about the person (issue 7)."""
    found = disclosures_for(case=case, identifiers=case_identifiers(case))
    if not found:
        return []
    return [
        {"type": "h2", "text": "Other organisations we have disclosed your information to (Art 15(1)(c))"},
        {"type": "p", "text": "As well as the sharing described above, we gave information about you to:"},
        {"type": "ul", "items": [recipient_line(entry) for entry in found]},
    ]


def record_lines(record: dict[str, Any]) -> list[str]:
    """A record's columns as 'column: value' lines, leaving out empty ones."""
    return [f"{name}: {value}" for name, value in record["columns"].items() if value not in (None, "")]


def statements_for(case: Case, snapshot: dict[str, Any]) -> list[Disagreement]:
    """P051: statements of disagreement on this case, or attached to any record in the package."""
    match = Q(case=case)
    for system in snapshot["systems"]:
        for record in system["records"]:
            full = f"{system['slug']}/{record['table']}/{record['key']}"
            match |= Q(
                attachments__system__slug=system["register_system"],
                attachments__record_reference__in=[record["key"], full],
            )
    return list(Disagreement.objects.filter(match).distinct().order_by("decided_on", "id"))


def report_blocks(
    *, case: Case, snapshot: dict[str, Any], searches: list[dict[str, Any]], withheld: int, today: date
) -> list[Block]:
    """The whole report, as letter blocks."""
    ico = load_ico_details()
    blocks: list[Block] = [
        {
            "type": "p",
            "text": f"This is the copy of your personal data you asked for (our reference {case.reference}), made on "
            f"{today:%-d %B %Y}. For each council system your information is in, it says how and why we use it, "
            "then shows the information itself. The same data is in the JSON and CSV files beside this report.",
        },
        {"type": "h2", "text": "What we searched (Art 15(1A))"},
    ]
    used, ran_on = searched_with(case)
    if used and ran_on:
        blocks.append(
            {"type": "p", "text": f"On {ran_on:%-d %B %Y} we searched our connected systems using: {', '.join(used)}."}
        )
    if searches:
        items = [
            f"{s['system']}: {s['state'].lower()}"
            + (f", {s['hits']} record{'s' if s['hits'] != 1 else ''} found" if s["state"] == "Searched" else "")
            + (f" ({s['reason']})" if s["reason"] else "")
            for s in searches
        ]
        blocks.append({"type": "ul", "items": items})
    else:
        blocks.append({"type": "p", "text": "No search of the connected systems is recorded for this request."})
    for system in snapshot["systems"]:
        blocks.append({"type": "h2", "text": system["name"]})
        for activity in system_activities(case, system["register_system"]):
            blocks.extend(activity_blocks(activity, ico))
        blocks.append({"type": "h3", "text": f"The information we hold about you in {system['name']}"})
        for record in system["records"]:
            blocks.append({"type": "p", "text": f"Record {record['key']} ({record['table']})"})
            blocks.append({"type": "ul", "items": record_lines(record) or ["(no details held)"]})
    blocks.extend(disclosure_blocks(case))
    blocks.extend(preference_blocks(case))
    statements = statements_for(case, snapshot)
    if statements:
        blocks.append({"type": "h2", "text": "Your statements kept with your records (Art 16)"})
        for item in statements:
            blocks.append({"type": "p", "text": f"On {item.decided_on:%-d %B %Y} we decided: {item.reasons}"})
            blocks.append({"type": "p", "text": f"Your statement, kept with the record: {item.statement}"})
    if withheld:
        blocks.append({"type": "h2", "text": "Information about other people (Art 15(4))"})
        blocks.append(
            {
                "type": "p",
                "text": f"We have left out {withheld} passage{'s' if withheld != 1 else ''} that would tell you about "
                f"other people; each is marked {WITHHELD}. You can complain to the ICO if you disagree.",
            }
        )
    return blocks


def report_pdf(*, case: Case, blocks: list[Block]) -> bytes:
    """The report as a PDF, in the letters' style."""
    return blocks_pdf(blocks=blocks, case=case, title=TITLE)
