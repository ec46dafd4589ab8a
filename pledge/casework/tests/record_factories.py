"""Builders for the records on a case: files that pass (or fail) the upload checks, representatives' cases, and
register activities with systems to search."""

import io
import zipfile
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.casework import services
from pledge.casework.models import Case, CaseKind, Channel, Relationship
from pledge.casework.record_models import CheckMethod
from pledge.casework.tests.factories import EMAIL, NAME
from pledge.register.models import ProcessingActivity, System
from pledge.register.tests.factories import make_activity, make_controller, make_service

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf(name: str = "letter from requester.pdf", body: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name: str = "passport scan.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def docx(name: str = "search results.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def make_representative_case(*, received_on: date, relationship: Relationship = Relationship.SOLICITOR) -> Case:
    """A request made by a solicitor (or another representative) for the person."""
    return services.open_request(
        kind=CaseKind.ACCESS,
        channel=Channel.LETTER,
        received_on=received_on,
        requester_name=NAME,
        requester_email=EMAIL,
        on_behalf_of=relationship,
        summary="My client's housing file",
        actor=None,
    )


def awaiting_proof(case: Case, *, on: date, actor: Any) -> Case:
    return services.ask_for_identity(case=case, on=on, actor=actor)


def record_passport_seen(case: Case, *, on: date, actor: Any) -> Case:
    return services.record_identity_received(
        case=case, on=on, method=CheckMethod.DOCUMENT_SEEN, document_type="passport", actor=actor
    )


def activities_with_systems() -> list[ProcessingActivity]:
    """Two council tax activities sharing one system, and a housing activity with none: three searches."""
    controller = make_controller()
    tax = make_service(controller=controller)
    housing = make_service(controller=controller, slug="housing", name="Housing")
    revenues = System.objects.create(slug="revenues", name="Revenues system")
    documents = System.objects.create(slug="documents", name="Document store")
    billing = make_activity(service=tax, slug="billing")
    billing.systems.set([revenues, documents])
    recovery = make_activity(service=tax, slug="recovery")
    recovery.systems.set([revenues])
    allocations = make_activity(service=housing, slug="allocations")
    return [billing, recovery, allocations]
