"""Keyword-only builders for released responses, going through the release services."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.casework.models import Case
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


def release(*, case: Case, names: tuple[str, ...] = ("Your information.pdf",), actor: Any = None) -> Release:
    """Upload PDFs with these names and release them."""
    for name in names:
        add_file(case=case, name=name, actor=actor)
    return release_response(case=case, actor=actor or release_officer())
