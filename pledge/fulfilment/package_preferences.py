"""The requester's newsletters and consent history in their access report (Art 15; P085: the newsletter addresses'
only use beyond the newsletter is the person's own access request)."""

from pledge.casework.letters import Block
from pledge.casework.models import Case
from pledge.consent import services as consent
from pledge.consent.models import ConsentEvent
from pledge.newsletters.services import subscriptions_for_email


def preference_blocks(case: Case) -> list[Block]:
    """Newsletters held for the requester's own email address and every consent-ledger event about it."""
    email = (case.requester_email or "").strip()
    if not email or case.on_behalf_of:
        # A representative's address is theirs, not the person's: the ledger is searched by the person's own address.
        return []
    blocks: list[Block] = []
    subscriptions = subscriptions_for_email(email)
    if subscriptions:
        blocks.append({"type": "h2", "text": "Newsletters"})
        blocks.append(
            {
                "type": "ul",
                "items": [
                    f"{s['newsletter']} at {s['email']}: {s['state'].lower()}"
                    + (f", confirmed {s['confirmed_at']:%-d %B %Y}" if s["confirmed_at"] else "")
                    + (f", unsubscribed {s['unsubscribed_at']:%-d %B %Y}" if s["unsubscribed_at"] else "")
                    for s in subscriptions
                ],
            }
        )
    events = consent.history(subject=consent.subject_for_email(email))
    if events:
        blocks.append({"type": "h2", "text": "What you agreed to, and when (consent and preferences)"})
        blocks.append({"type": "ul", "items": [_event_line(event) for event in events]})
    return blocks


def _event_line(event: ConsentEvent) -> str:
    # An opt-out or an objection covers every message purpose at once, so it names none.
    what = f": {event.purpose.name}" if event.purpose else ""
    line = f"{event.occurred_at:%-d %B %Y}, {event.get_action_display().lower()}{what} ({event.get_channel_display()})"
    if event.wording_version:
        line += f", wording version {event.wording_version}"
    if event.representative_name:
        line += f", given by {event.representative_name} ({event.representative_relationship})"
    return line
