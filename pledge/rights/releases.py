"""Releasing the response to the requester portal: staff upload files, release them with an expiry, may withdraw
them; the requester downloads them, and every download is logged.

Files are checked by ``pledge.core.uploads`` (type by bytes, size) and kept in private storage under random
names. Audit rows name the case by reference and files by number only, never by their names.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pledge.casework.identity_rules import authority_missing, identity_recorded
from pledge.casework.models import Case
from pledge.casework.services import record_case_event
from pledge.casework.states import CaseState
from pledge.core.models import AuditAction
from pledge.core.uploads import TYPES, FileType, check_upload, describe_size, private_name, private_storage
from pledge.rights.models import Release, ReleaseDownload, ReleaseStatus, ResponseFile
from pledge.rights.tasks import send_response_ready

RESPONSE_TYPES = frozenset(
    {
        FileType.ZIP,
        FileType.PDF,
        FileType.DOCX,
        FileType.XLSX,
        FileType.CSV,
        FileType.TXT,
        FileType.PNG,
        FileType.JPEG,
        FileType.MP4,  # CCTV footage
    }
)
FOLDER = "responses"


class ReleaseError(ValueError):
    """A release action refused, with a message for staff; nothing was saved."""


class AddressMismatchError(ReleaseError):
    """The email address staff typed to confirm a release is not the one on the case (P133)."""


def release_days() -> int:
    """How long a released response stays downloadable (``PLEDGE_PORTAL_RELEASE_DAYS``): council policy, 28 days."""
    return int(getattr(settings, "PLEDGE_PORTAL_RELEASE_DAYS", 28))


def upload_limit_for(name: str) -> int:
    """The largest file allowed with this name: CCTV video has its own, larger limit."""
    if Path(name or "").suffix.lower() in TYPES[FileType.MP4].extensions:
        return int(settings.PLEDGE_MAX_VIDEO_UPLOAD_BYTES)
    return int(settings.PLEDGE_MAX_UPLOAD_BYTES)


def add_response_file(*, case: Case, upload: File, actor: Any) -> ResponseFile:
    """Check ``upload`` and keep it, unreleased, as part of the case's response; ``UploadRejectedError`` if refused."""
    if case.state == CaseState.WITHDRAWN:
        raise ReleaseError("This request was withdrawn: there is no response to release")
    checked = check_upload(upload, allowed=RESPONSE_TYPES, max_bytes=upload_limit_for(upload.name or ""))
    storage = private_storage()
    stored = storage.save(private_name(folder=FOLDER, checked=checked), upload)
    try:
        with transaction.atomic():
            response_file = ResponseFile.objects.create(
                case=case,
                storage_name=stored,
                original_name=checked.original_name,
                file_type=checked.file_type.value,
                size=checked.size,
                sha256=checked.sha256,
                uploaded_by=actor,
            )
            summary = f"Response file {response_file.pk} added ({TYPES[checked.file_type].label}, "
            record_case_event(case, actor, AuditAction.CREATE, summary + f"{describe_size(checked.size)})")
    except Exception:
        storage.delete(stored)
        raise
    return response_file


def remove_response_file(*, response_file: ResponseFile, actor: Any) -> None:
    """Delete a file that has not been released; a released one stays, for the record of what was sent."""
    if response_file.release_id is not None:
        raise ReleaseError("A released file cannot be removed: withdraw the release instead")
    stored, case, number = response_file.storage_name, response_file.case, response_file.pk
    with transaction.atomic():
        response_file.delete()
        record_case_event(case, actor, AuditAction.DELETE, f"Response file {number} removed before release")
        transaction.on_commit(lambda: private_storage().delete(stored))


def unreleased_files(case: Case) -> QuerySet[ResponseFile]:
    return case.response_files.filter(release__isnull=True)


def addresses_match(*, typed: str, on_case: str) -> bool:
    """Whether the address staff typed is the case's, ignoring case and spaces at either end."""
    return bool(on_case.strip()) and typed.strip().casefold() == on_case.strip().casefold()


def release_response(*, case: Case, confirm_email: str, actor: Any, now: datetime | None = None) -> Release:
    """Release every unreleased file to the portal for ``release_days()`` and queue the "response ready" email.

    P133: staff confirm the requester's address by typing it; a mismatch releases nothing. The email carries only
    a link to the portal, where the files need a one-time link and expire; never an attachment."""
    now = now or timezone.now()
    files = unreleased_files(case)
    if not files.exists():
        raise ReleaseError("Upload at least one file before releasing the response")
    if not case.requester_email:
        raise ReleaseError("The requester gave no email address, so cannot use the portal: send the response by post")
    if not addresses_match(typed=confirm_email, on_case=case.requester_email):
        raise AddressMismatchError(
            "The email address you typed does not match the one on the case: check it with the requester before "
            "releasing anything"
        )
    if case.state in (CaseState.AWAITING_ID, CaseState.WITHDRAWN):
        raise ReleaseError("Nothing can be released while the request is waiting for proof of identity or withdrawn")
    # P071, P046: personal data goes only to someone whose identity, and any authority to act, has been checked.
    if not identity_recorded(case):
        raise ReleaseError("Record how the requester's identity was checked before releasing anything")
    if authority_missing(case):
        raise ReleaseError("Record the proof of authority to act for the person before releasing anything")
    with transaction.atomic():
        release = Release.objects.create(
            case=case, released_by=actor, released_at=now, expires_at=now + timedelta(days=release_days())
        )
        count = files.update(release=release)
        until = f"{timezone.localtime(release.expires_at):%-d %B %Y}"
        files_text = f"{count} file{'s' if count != 1 else ''}"
        summary = f"Response released to the requester portal ({files_text}, until {until})"
        record_case_event(case, actor, AuditAction.PUBLISH, summary)
        release_id = release.pk
        transaction.on_commit(lambda: send_response_ready.enqueue(release_id=release_id))
    return release


def withdraw_release(*, release: Release, reason: str, actor: Any, now: datetime | None = None) -> Release:
    """Stop a release being downloaded, with the reason kept on the release (not in the audit summary)."""
    if release.withdrawn_at is not None:
        raise ReleaseError("This release has already been withdrawn")
    if not reason.strip():
        raise ReleaseError("Give the reason for withdrawing the release")
    with transaction.atomic():
        release.withdrawn_at = now or timezone.now()
        release.withdrawn_by = actor
        release.withdrawal_reason = reason.strip()
        release.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        record_case_event(
            release.case, actor, AuditAction.UPDATE, f"Release {release.pk} withdrawn from the requester portal"
        )
    return release


@dataclass(frozen=True)
class Download:
    """A file the portal may serve, or why not: ``file`` None means not this person's (404), else check ``status``."""

    file: ResponseFile | None
    status: ReleaseStatus | None


def find_download(*, case: Case, file_id: int) -> Download:
    """The released file ``file_id`` of ``case`` with its release's status; another case's file is not found."""
    found = ResponseFile.objects.select_related("release").filter(pk=file_id, case=case, release__isnull=False).first()
    if found is None or found.release is None:
        return Download(file=None, status=None)
    return Download(file=found, status=found.release.status)


def record_download(*, response_file: ResponseFile, client: str) -> None:
    """Log one download from the portal (when, which file, a keyed hash of the address) with an audit row."""
    with transaction.atomic():
        ReleaseDownload.objects.create(file=response_file, client_hash=client)
        record_case_event(
            response_file.case,
            None,
            AuditAction.EXPORT,
            f"Response file {response_file.pk} downloaded from the requester portal",
        )


def record_staff_view(*, response_file: ResponseFile, actor: Any) -> None:
    """Note that a member of staff opened a response file."""
    record_case_event(response_file.case, actor, AuditAction.VIEW, f"Response file {response_file.pk} opened by staff")


def available_files(case: Case) -> list[ResponseFile]:
    """The files the requester can download now: released, not withdrawn, not expired."""
    return list(
        ResponseFile.objects.filter(
            case=case, release__withdrawn_at__isnull=True, release__expires_at__gt=timezone.now()
        ).select_related("release")
    )


def downloads_for(case: Case) -> QuerySet[ReleaseDownload]:
    """Every portal download of the case's files, newest first, for staff."""
    return ReleaseDownload.objects.filter(file__case=case).select_related("file")
