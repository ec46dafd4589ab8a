"""Letters to the requester: the right dates, the refusal's statutory content, PDF, permissions and the audit row."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from pledge.casework import services
from pledge.casework.letters import LetterKind, letter_blocks, letter_links, text_to_blocks
from pledge.casework.models import CaseKind
from pledge.casework.tests.factories import NAME, make_case
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Permission, Role, roles_with
from pledge.law.exemptions import RefusalGround
from pledge.register.tests.factories import make_controller

pytestmark = pytest.mark.django_db


def _text(blocks) -> str:
    lines: list[str] = []
    for block in blocks:
        lines += block["items"] if block["type"] == "ul" else [block["text"]]
    return "\n".join(lines)


def _letter(case, kind, today) -> str:
    return _text(letter_blocks(case=case, kind=kind, today=today))


def _url(case, kind: str) -> str:
    return reverse("cases:letter", kwargs={"pk": case.pk, "kind": kind})


@pytest.fixture
def case(today, caseworker):
    today(date(2026, 9, 10))
    return make_case(received_on=date(2026, 9, 3), actor=caseworker)


def test_the_acknowledgement_gives_the_date_reference_name_and_due_date(case) -> None:
    text = _letter(case, LetterKind.ACKNOWLEDGEMENT, date(2026, 9, 10))
    assert "Date: 10 September 2026" in text
    assert f"Our reference: {case.reference}" in text
    assert f"Dear {NAME}," in text
    assert "We received your request on 3 September 2026" in text
    # 3 October 2026 is a Saturday: the deadline moves to Monday 5 October (R1.4).
    assert "We will respond by 5 October 2026" in text
    assert f"by {case.extension_notice_by:%-d %B %Y}" in text


def test_the_acknowledgement_waits_for_proof_before_giving_a_due_date(case, caseworker) -> None:
    services.ask_for_identity(case=case, on=date(2026, 9, 10), actor=caseworker)
    text = _letter(case, LetterKind.ACKNOWLEDGEMENT, date(2026, 9, 10))
    assert "starts on the day we receive that proof" in text
    assert "We will respond by" not in text


def test_the_id_request_says_the_clock_starts_when_proof_arrives(case) -> None:
    text = _letter(case, LetterKind.ID_REQUEST, date(2026, 9, 10))
    assert "starts on the day we receive your proof" in text
    assert "Date: 10 September 2026" in text


def test_the_clarification_letter_gives_the_art_12a_pause_for_an_access_request(case, caseworker) -> None:
    services.ask_for_clarification(case=case, on=date(2026, 9, 8), actor=caseworker)
    text = _letter(case, LetterKind.CLARIFICATION, date(2026, 9, 10))
    assert "We asked you for this on 8 September 2026" in text
    assert "Article 12A" in text
    assert "Our deadline is 5 October 2026 at the moment" in text


def test_the_clarification_letter_says_the_clock_runs_on_for_an_erasure_request(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3), kind=CaseKind.ERASURE, actor=caseworker)
    services.ask_for_clarification(case=case, on=date(2026, 9, 8), actor=caseworker)
    text = _letter(case, LetterKind.CLARIFICATION, date(2026, 9, 10))
    assert "does not stop" in text
    assert "we must still respond by 5 October 2026" in text
    assert "Article 12A" not in text


def test_the_extension_letter_gives_both_due_dates_and_the_reasons(case, caseworker) -> None:
    services.extend_deadline(case=case, reason="Records held in six systems", actor=caseworker, on=date(2026, 9, 10))
    text = _letter(case, LetterKind.EXTENSION, date(2026, 9, 10))
    assert "We had to respond by 5 October 2026" in text
    assert "We will now respond by 3 December 2026" in text
    assert "Records held in six systems" in text


def _refused(case, caseworker, on: date):
    return services.refuse_request(
        case=case,
        ground=RefusalGround.MANIFESTLY_EXCESSIVE,
        reasons="You asked for the same records last month and we sent them.",
        actor=caseworker,
        on=on,
    )


def test_the_refusal_gives_reasons_the_ico_and_the_courts(case, caseworker) -> None:
    _refused(case, caseworker, date(2026, 9, 10))
    text = _letter(case, LetterKind.REFUSAL, date(2026, 9, 10))
    assert "manifestly excessive (UK GDPR Art 12(5)(b))" in text
    assert "same records last month" in text
    assert "complain to the Information Commissioner's Office" in text
    assert "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF" in text
    assert "0303 123 1113" in text
    assert "https://ico.org.uk/make-a-complaint/" in text
    assert "ask a court to enforce your rights (a judicial remedy)" in text
    assert "complain to us first" in text


def test_the_letter_is_headed_with_the_council_and_the_refusal_gives_its_complaint_route(case, caseworker) -> None:
    make_controller(
        name="Testshire Council",
        address="County Hall\nHigh Street\nTestbury TE1 1ST",
        website="https://www.testshire.example/",
        complaints_url="/complaints/",
        dpo_email="dpo@testshire.example",
    )
    _refused(case, caseworker, date(2026, 9, 10))
    text = _letter(case, LetterKind.REFUSAL, date(2026, 9, 10))
    assert text.startswith("Testshire Council, County Hall, High Street, Testbury TE1 1ST")
    assert "You can complain at https://www.testshire.example/complaints/ or by email to dpo@testshire.example" in text


def test_a_refusal_before_19_june_2026_has_no_complaint_to_the_council_line(today, caseworker) -> None:
    today(date(2026, 6, 18))
    case = make_case(received_on=date(2026, 6, 1), actor=caseworker)
    _refused(case, caseworker, date(2026, 6, 18))
    text = _letter(case, LetterKind.REFUSAL, date(2026, 6, 18))
    assert "complain to us first" not in text
    assert "judicial remedy" in text
    assert "Information Commissioner's Office" in text


def test_text_becomes_headings_paragraphs_and_lists() -> None:
    blocks = text_to_blocks("## Title\n\nOne\ntwo\n\n- a\n- b\n\nEnd")
    assert blocks == [
        {"type": "h2", "text": "Title"},
        {"type": "p", "text": "One two"},
        {"type": "ul", "items": ["a", "b"]},
        {"type": "p", "text": "End"},
    ]


def test_letters_not_reached_yet_are_marked(case, client_as) -> None:
    links = {link["kind"]: link["applies"] for link in letter_links(case)}
    assert links == {
        "acknowledgement": True,
        "id_request": False,
        "clarification": False,
        "extension": False,
        "refusal": False,
        "response": False,  # no register activities chosen yet
    }
    response = client_as(Role.CASEWORKER).get(_url(case, "refusal"))
    assert response.status_code == 200
    assert "Not sent yet" in response.content.decode()


def test_the_case_page_links_to_each_letter(case, client_as) -> None:
    page = client_as(Role.CASEWORKER).get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    for kind in LetterKind:
        assert _url(case, kind.value) in page


def test_the_letter_page_shows_the_letter_and_a_pdf_link(case, client_as) -> None:
    page = client_as(Role.CASEWORKER).get(_url(case, "acknowledgement")).content.decode()
    assert f"Dear {NAME}," in page
    assert f"{_url(case, 'acknowledgement')}?format=pdf" in page
    assert "Not sent yet" not in page


def test_the_pdf_is_a_pdf(case, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(_url(case, "acknowledgement"), {"format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert NAME.split()[0] not in response["Content-Disposition"]


def test_an_unknown_letter_is_not_found(case, client_as) -> None:
    assert client_as(Role.CASEWORKER).get(_url(case, "love-letter")).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(case) -> None:
    response = Client().get(_url(case, "acknowledgement"))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.VIEW_CASES)])
def test_roles_without_the_viewing_permission_are_refused(case, client_as, role) -> None:
    assert client_as(role).get(_url(case, "acknowledgement")).status_code == 403
    assert client_as(role).get(_url(case, "acknowledgement"), {"format": "pdf"}).status_code == 403


def test_viewing_and_downloading_are_audited_without_the_requesters_name(case, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    client.get(_url(case, "acknowledgement"))
    client.get(_url(case, "acknowledgement"), {"format": "pdf"})
    rows = AuditEvent.objects.filter(object_ref=case.reference, summary__startswith="Letter")
    assert [row.action for row in rows.order_by("id")] == [AuditAction.VIEW, AuditAction.EXPORT]
    for row in rows:
        for field in (row.summary, str(row.before), str(row.after), row.object_ref):
            assert "Zebedee" not in field
            assert "Unusualname" not in field
