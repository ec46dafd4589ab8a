"""A demo document for redaction review: a home-visit note on the first open access request, naming the requester,
an officer, a neighbour and a relative, with their identifiers and the usual distractors. Idempotent."""

from datetime import date

from django.utils import timezone

from pledge.casework import services as casework
from pledge.casework.models import Case, CaseKind, Channel
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.discovery.estate.names import STAFF
from pledge.redaction import services
from pledge.redaction.models import Document, DocumentKind

TITLE = "Home visit note (demo)"
NOTE = (
    "Home visit by housing officer Tom Caseby. Met {name} ({email}), who asked about the repairs; request "
    "{reference} logged. Their neighbour Kevin Walsh of 16 Beech Close, Anytown (mobile 07700 900999, car ZB62 CDE) "
    "has been playing loud music most nights; Mr Walsh's daughter Siobhan Quigley (lodger) has complained too. "
    "Arrears stand at £312.40 after a payment of £50 on 3 March 2026. Review meeting at Testford Town Hall on "
    "14/04/2026.\nNext step: Tom to write to {name} and to Kevin about the noise. Council tax account for 16 Beech "
    "Close is CT00004567; NHS number 999 000 0018 was given for Siobhan by mistake."
)


def _case(actor: User) -> Case:
    case = Case.objects.filter(kind=CaseKind.ACCESS, closed_on__isnull=True).order_by("pk").first()
    if case is not None:
        return case
    return casework.open_request(
        kind=CaseKind.ACCESS,
        channel=Channel.EMAIL,
        received_on=timezone.localdate() or date.today(),
        requester_name="Jane Example",
        requester_email="jane.example@example.com",
        summary="Everything you hold about my housing repairs",
        actor=actor,
    )


def load_demo() -> str:
    """Add the demo note to an open access request and scan it; says what it did."""
    existing = Document.objects.filter(title=TITLE).first()
    if existing is not None:
        return f"Redaction: demo document {existing.pk} already there"
    actor = User.objects.filter(role=Role.CASEWORKER, is_active=True).order_by("pk").first()
    if actor is None:
        actor, _ = User.objects.get_or_create(username="demo-caseworker", defaults={"role": Role.CASEWORKER})
    case = _case(actor)
    text = NOTE.format(name=case.requester_name, email=case.requester_email or "no email", reference=case.reference)
    document = services.add_document(
        case=case, title=TITLE, text=text, kind=DocumentKind.CASE_NOTE, actor=actor, staff_names=STAFF
    )
    proposed = document.redactions.filter(proposed=True).count()
    return f"Redaction: demo document {document.pk} on case {case.reference}, {proposed} redactions proposed"
