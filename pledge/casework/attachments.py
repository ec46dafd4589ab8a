"""Documents on a case: correspondence, documents found in searches and response documents.

Each is checked by its bytes and size (``pledge.core.uploads``), kept encrypted outside the web root under a random
name, and read only through ``open_attachment``, which writes an audit row for every download.
"""

from typing import IO, Any

from django.core.files.base import File
from django.db import transaction

from pledge.casework import services
from pledge.casework.models import Case
from pledge.casework.record_files import open_private, stored_upload
from pledge.casework.record_models import AttachmentKind, CaseAttachment
from pledge.core.models import AuditAction
from pledge.core.uploads import FileType

ATTACHMENT_TYPES = frozenset(
    {
        FileType.PDF,
        FileType.DOCX,
        FileType.XLSX,
        FileType.PNG,
        FileType.JPEG,
        FileType.TXT,
        FileType.CSV,
        FileType.EML,
    }
)


def add_attachment(*, case: Case, kind: AttachmentKind | str, upload: File, actor: Any) -> CaseAttachment:
    """Attach a checked file to the case; ``UploadRejectedError`` if the file is refused, ``CaseworkError`` if the
    same file is already attached (a form sent twice). Nothing is saved on either."""
    chosen = AttachmentKind(kind)
    with stored_upload(upload, folder="attachments", allowed=ATTACHMENT_TYPES) as (checked, name):
        with transaction.atomic():
            Case.objects.select_for_update().filter(pk=case.pk).first()  # one upload at a time per case
            earlier = case.attachments.filter(sha256=checked.sha256).first()
            if earlier is not None:
                raise services.CaseworkError(
                    f"This file is already attached to the case (attachment {earlier.pk}, {earlier.original_name})"
                )
            attachment = CaseAttachment.objects.create(
                case=case,
                kind=chosen,
                stored_name=name,
                original_name=checked.original_name,
                file_type=checked.file_type,
                size=checked.size,
                sha256=checked.sha256,
                uploaded_by=actor,
            )
            services.record_case_event(
                case, actor, AuditAction.CREATE, f"Attachment {attachment.pk} added ({chosen.label.lower()})"
            )
    return attachment


def open_attachment(*, attachment: CaseAttachment, actor: Any) -> IO[bytes]:
    """The attachment's contents for a permitted download, with an audit row."""
    services.record_case_event(attachment.case, actor, AuditAction.VIEW, f"Attachment {attachment.pk} downloaded")
    return open_private(attachment.stored_name)
