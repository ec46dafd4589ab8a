"""Keyword-only builders for released responses, going through the release services."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.casework.identity import record_identity_check
from pledge.casework.models import Case, Proof
from pledge.casework.record_models import CheckMethod
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.rights.models import Release, ResponseFile
from pledge.rights.releases import add_response_file, release_response

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def release_officer() -> User:
    user, _ = User.objects.get_or_create(username="rita", defaults={"role": Role.CASEWORKER})
    return user


def add_file(
    *, case: Case, name: str = "Your information.pdf", content: bytes = PDF, actor: Any = None
) -> ResponseFile:
    """An uploaded, not yet released response file."""
    return add_response_file(case=case, upload=SimpleUploadedFile(name, content), actor=actor or release_officer())


def identity_checked(case: Case, *, actor: Any = None) -> Case:
    """Record that the requester's details matched what the council holds, as a release needs."""
    if not case.identity_checks.filter(proof=Proof.IDENTITY).exists():
        record_identity_check(
            case=case, on=case.received_on, method=CheckMethod.MATCHING_DETAILS, actor=actor or release_officer()
        )
    return case


def release(*, case: Case, names: tuple[str, ...] = ("Your information.pdf",), actor: Any = None) -> Release:
    """Upload PDFs with these names, check the requester's identity if nobody has, and release them."""
    identity_checked(case, actor=actor)
    for name in names:
        add_file(case=case, name=name, actor=actor)
    return release_response(case=case, confirm_email=case.requester_email, actor=actor or release_officer())
