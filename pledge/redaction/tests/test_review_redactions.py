import io
from datetime import date

import pytest
from pypdf import PdfReader

from pledge.core.models import AuditEvent
from pledge.redaction import services
from pledge.redaction.models import Decision, DocumentKind, ExemptionCode, HarmConsultation, Professional, ReviewState

NOTE = (
    "Helen Carewell visited Zebedee Unusualname (zebedee.unusualname@example.com). "
    "His neighbour Kevin Walsh (07700 900999) of 16 Mill Lane has been shouting at night."
)


def _document(case, caseworker):
    return services.add_document(
        case=case, title="Visit note", text=NOTE, kind=DocumentKind.CASE_NOTE, actor=caseworker
    )


def test_it_proposes_third_party_data_and_keeps_the_requester_and_staff(case, caseworker) -> None:
    document = _document(case, caseworker)
    proposed = {NOTE[r.start : r.end]: r.proposed for r in document.redactions.all()}
    assert proposed["Kevin Walsh"] is True
    assert proposed["07700 900999"] is True
    assert proposed["Zebedee Unusualname"] is False
    assert proposed["zebedee.unusualname@example.com"] is False
    assert proposed["Helen Carewell"] is False  # staff directory: the council's own staff accounts


def test_redacting_needs_an_exemption_and_a_reason(case, caseworker) -> None:
    redaction = _document(case, caseworker).redactions.filter(proposed=True).first()
    with pytest.raises(services.RedactionError, match="reason"):
        services.decide_redaction(
            redaction=redaction, decision=Decision.ACCEPTED, exemption_code="THIRD_PARTY", reason=" ", actor=caseworker
        )


def test_serious_harm_needs_the_professionals_opinion_first(case, caseworker) -> None:
    redaction = _document(case, caseworker).redactions.filter(proposed=True).first()
    code = ExemptionCode.SOCIAL_WORK_SERIOUS_HARM
    with pytest.raises(services.RedactionError, match="opinion"):
        services.decide_redaction(
            redaction=redaction,
            decision=Decision.ACCEPTED,
            exemption_code=code,
            reason="Would put the neighbour at risk",
            actor=caseworker,
        )
    HarmConsultation.objects.create(
        redaction=redaction,
        professional=Professional.SOCIAL_WORKER,
        professional_name="A social worker",
        opinion_given_on=date(2026, 3, 3),
        serious_harm_likely=True,
        opinion="Likely serious harm",
        recorded_by=caseworker,
    )
    redaction.refresh_from_db()
    services.decide_redaction(
        redaction=redaction,
        decision=Decision.ACCEPTED,
        exemption_code=code,
        reason="Would put the neighbour at risk",
        actor=caseworker,
    )
    assert redaction.decision == Decision.ACCEPTED


def test_approval_waits_for_every_decision_and_the_release_has_the_text_removed(case, caseworker) -> None:
    document = _document(case, caseworker)
    with pytest.raises(services.RedactionError, match="Decide every"):
        services.approve_document(document=document, actor=caseworker)
    for redaction in document.redactions.all():
        decision = Decision.ACCEPTED if redaction.proposed else Decision.REJECTED
        services.decide_redaction(
            redaction=redaction,
            decision=decision,
            exemption_code="THIRD_PARTY",
            reason="Neighbour's data; no consent; not reasonable to disclose",
            actor=caseworker,
        )
    start = NOTE.index("shouting")
    services.add_redaction(
        document=document,
        start=start,
        end=start + 8,
        exemption_code="THIRD_PARTY",
        reason="Describes the neighbour's behaviour",
        actor=caseworker,
    )
    services.approve_document(document=document, actor=caseworker)
    assert document.state == ReviewState.APPROVED

    data = services.released_pdf(document=document)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Zebedee Unusualname" in text and "Helen Carewell" in text
    for secret in ("Kevin", "Walsh", "900999", "Mill Lane", "shouting"):
        assert secret not in text
    assert "[redacted: THIRD_PARTY]" in text


def test_rescanning_keeps_decisions(case, caseworker) -> None:
    document = _document(case, caseworker)
    first = document.redactions.filter(proposed=True).first()
    services.decide_redaction(
        redaction=first, decision=Decision.REJECTED, exemption_code="", reason="Already known", actor=caseworker
    )
    services.scan_document(document=document, actor=caseworker)
    assert document.redactions.get(pk=first.pk).decision == Decision.REJECTED
    assert document.redactions.filter(start=first.start, end=first.end).count() == 1


def test_audit_events_name_ids_not_people(case, caseworker) -> None:
    _document(case, caseworker)
    summaries = " ".join(
        AuditEvent.objects.filter(object_type__startswith="redaction").values_list("summary", flat=True)
    )
    assert "Kevin" not in summaries and "Zebedee" not in summaries
