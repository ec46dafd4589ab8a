"""The ICO report content (Art 33(3)(a)-(d)) and the letter to the people affected (Art 34(2)), as text and PDF."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pledge.breaches import services
from pledge.breaches.documents import ico_report_text, people_letter_text
from pledge.breaches.models import ActionKind
from pledge.breaches.tests.conftest import AWARE
from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.law.breach import Likelihood, Severity

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked(breach, staff, at):
    dpo = staff(Role.DPO)
    breach = services.assess_breach(
        breach=breach,
        actor=dpo,
        likelihood=Likelihood.LIKELY,
        severity=Severity.SIGNIFICANT,
        special_category=False,
        criminal_offence=False,
        data_unintelligible=False,
        people_affected=1,
        records_affected=3,
        likely_consequences="The resident's debt is known to a neighbour.",
        rationale="A neighbour received it.",
    )
    services.add_action(
        breach=breach,
        actor=dpo,
        kind=ActionKind.CONTAINMENT,
        description="Asked the recipient to delete the email",
        owner=dpo,
        due_on=None,
    )
    services.record_response(breach=breach, actor=dpo, containment="Recipient confirmed deletion.", lessons="")
    at(AWARE + timedelta(hours=90))
    return services.decide_ico(
        breach=breach,
        actor=dpo,
        notify=True,
        notified_at=AWARE + timedelta(hours=80),
        reference="IC-123",
        delay_reasons="The DPO was on leave.",
    )


def test_the_ico_report_has_each_art_33_3_item_and_the_delay_reasons(worked) -> None:
    text = ico_report_text(worked)
    for heading in ["(a) The nature", "(b) Contact point", "(c) Likely consequences", "(d) Measures taken"]:
        assert f"## {heading}" in text
    assert "about 1 people" in text or "about 1 " in text
    assert "about 3 records" in text
    assert "Asked the recipient to delete the email (proposed)" in text
    assert "Report due by Sun 27 Dec 2026 16:30" in text
    assert "## Reasons for the delay\nThe DPO was on leave." in text


def test_the_letter_gives_the_art_34_2_items_in_plain_words(worked) -> None:
    text = people_letter_text(worked)
    for heading in ["What this could mean for you", "What we have done", "Who to contact"]:
        assert f"## {heading}" in text
    assert "Recipient confirmed deletion." in text
    assert "Information Commissioner's Office" in text


@pytest.mark.parametrize("name", ["ico-report", "letter"])
def test_both_download_as_pdf_and_text_and_each_download_is_audited(client_as, worked, name) -> None:
    dpo = client_as(Role.DPO)
    pdf = dpo.get(reverse("breaches:document", kwargs={"pk": worked.pk, "name": name, "fmt": "pdf"}))
    assert pdf["Content-Type"] == "application/pdf"
    assert f"{worked.reference}-{name}.pdf" in pdf["Content-Disposition"]
    words = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert worked.reference in words
    txt = dpo.get(reverse("breaches:document", kwargs={"pk": worked.pk, "name": name, "fmt": "txt"}))
    assert worked.reference in txt.content.decode()
    assert AuditEvent.objects.filter(object_ref=worked.reference, action="export").count() == 2


def test_an_unknown_document_is_not_found(client_as, worked) -> None:
    dpo = client_as(Role.DPO)
    assert dpo.get(reverse("breaches:document", kwargs={"pk": worked.pk, "name": "x", "fmt": "pdf"})).status_code == 404
    url = reverse("breaches:document", kwargs={"pk": worked.pk, "name": "letter", "fmt": "exe"})
    assert dpo.get(url).status_code == 404
