"""The records kept on a case: how identity was checked, ID evidence, attachments, notes and search tasks.

Imported at the end of ``casework.models`` so Django registers them with the casework app. Files are stored in
``pledge.core.uploads.private_storage()`` under random names; only the cleaned original name is kept here.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.casework.models import Proof
from pledge.core.uploads import TYPES, FileType, describe_size


class CheckMethod(models.TextChoices):
    """How identity or authority was checked, proportionate to the risk (Art 12(6), ICO: ask only where in doubt)."""

    EXISTING_ACCOUNT = "existing_account", "Already verified through an existing council account"
    DOCUMENT_SEEN = "document_seen", "A document seen by staff"
    MATCHING_DETAILS = "matching_details", "Details matching what the council already holds"
    AUTHORITY_SEEN = "authority_seen", "Proof of authority to act for the person seen by staff"


class DocumentType(models.TextChoices):
    """The kind of document seen; never its number, which the council does not need to keep."""

    PASSPORT = "passport", "Passport"
    DRIVING_LICENCE = "driving_licence", "Driving licence"
    UTILITY_BILL = "utility_bill", "Utility bill"
    BANK_STATEMENT = "bank_statement", "Bank or building society statement"
    BENEFIT_LETTER = "benefit_letter", "Benefit or pension letter"
    BIRTH_CERTIFICATE = "birth_certificate", "Birth certificate"
    OTHER = "other", "Another official document"


class AuthorityType(models.TextChoices):
    LASTING_POWER_OF_ATTORNEY = "lpa", "Lasting power of attorney"
    COURT_ORDER = "court_order", "Court order (for example a deputyship order)"
    SIGNED_AUTHORITY = "signed_authority", "Signed authority from the person"
    PARENTAL_RESPONSIBILITY = "parental_responsibility", "Parental responsibility"


class IdentityCheck(models.Model):
    """One check of the requester's identity, or of a representative's authority: how, by whom and when."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="identity_checks")
    proof = models.CharField(max_length=20, choices=Proof.choices)
    method = models.CharField(max_length=30, choices=CheckMethod.choices)
    document_type = models.CharField(max_length=30, choices=DocumentType.choices, blank=True)
    authority_type = models.CharField(max_length=30, choices=AuthorityType.choices, blank=True)
    checked_on = models.DateField()
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # True when the council had asked for the proof: only then does its arrival start the clock (R1.2, R1.8).
    started_clock = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.proof} check on case {self.case_id}"

    @property
    def what_was_seen(self) -> str:
        """'Passport', 'Lasting power of attorney' or '' for checks that see no document."""
        if self.document_type:
            return self.get_document_type_display()
        return self.get_authority_type_display() if self.authority_type else ""


class EvidenceDeletion(models.TextChoices):
    SCHEDULE = "schedule", "Deleted on schedule"
    STAFF = "staff", "Deleted by staff once verified"


class StoredFile(models.Model):
    """A file kept in private storage: its random storage name, the cleaned name it was uploaded with, type, size."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="+")
    stored_name = models.CharField(max_length=200, blank=True)
    original_name = models.CharField(max_length=150, blank=True)
    file_type = models.CharField(max_length=10, choices=[(t.value, TYPES[t].label) for t in FileType])
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    @property
    def type_label(self) -> str:
        return TYPES[FileType(self.file_type)].label

    @property
    def size_label(self) -> str:
        return describe_size(self.size)

    @property
    def content_type(self) -> str:
        return TYPES[FileType(self.file_type)].content_type


class IdentityEvidence(StoredFile):
    """A copy of ID or authority evidence. The file goes on ``delete_after``; this row stays to show it existed."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="identity_evidence")
    proof = models.CharField(max_length=20, choices=Proof.choices)
    # Empty when the requester sent it through the requester portal.
    uploaded_by = models.ForeignKey(  # type: ignore[assignment]
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The check the evidence supported, once it is recorded; its date sets ``delete_after``.
    identity_check = models.ForeignKey(
        IdentityCheck, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    delete_after = models.DateField(db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deletion = models.CharField(max_length=20, choices=EvidenceDeletion.choices, blank=True)

    class Meta(StoredFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.proof} evidence {self.pk} on case {self.case_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class AttachmentKind(models.TextChoices):
    CORRESPONDENCE = "correspondence", "Correspondence"
    SEARCH_RESULT = "search_result", "Document found in a search"
    RESPONSE = "response", "Response document"


class CaseAttachment(StoredFile):
    """A document on the case: correspondence, something a search found, or part of the response."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=20, choices=AttachmentKind.choices)

    class Meta(StoredFile.Meta):
        pass

    def __str__(self) -> str:
        return f"attachment {self.pk} on case {self.case_id}"


class AppendOnlyNoteError(RuntimeError):
    """Raised when code tries to change or delete a case note: a correction is a new note."""


class NoteQuerySet(models.QuerySet["CaseNote"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyNoteError("case notes are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyNoteError("case notes are append-only")


class CaseNote(models.Model):
    """A note on the case. Notes are never edited or deleted, like the audit trail they sit beside."""

    objects = NoteQuerySet.as_manager()

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note {self.pk} on case {self.case_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyNoteError("case notes are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyNoteError("case notes are append-only")


class SearchState(models.TextChoices):
    TO_DO = "to_do", "To do"
    FOUND = "found", "Searched and found data"
    NOTHING_FOUND = "nothing_found", "Searched and found nothing"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class SearchTask(models.Model):
    """One service's system (or the service's own records, with no system) to search for the requester's data."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="search_tasks")
    service = models.ForeignKey(
        "register.Service", null=True, blank=True, on_delete=models.SET_NULL, related_name="search_tasks"
    )
    system = models.ForeignKey(
        "register.System", null=True, blank=True, on_delete=models.SET_NULL, related_name="search_tasks"
    )
    # The names at the time, so the record still reads after the register drops the service or system.
    label = models.CharField(max_length=420)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="search_tasks"
    )
    state = models.CharField(max_length=20, choices=SearchState.choices, default=SearchState.TO_DO)
    note = models.TextField(blank=True)  # what was found, or why the system does not apply
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # A connected system (P073): the connector's slug, and the records discovery found there.
    connector = models.CharField(max_length=80, blank=True)
    hits = models.PositiveIntegerField(null=True, blank=True)
    # A paper or unconnected store searched by hand (P073): who holds it and when the search is due.
    owner = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["label", "id"]

    def __str__(self) -> str:
        return f"search task {self.pk} on case {self.case_id}"

    @property
    def is_done(self) -> bool:
        return self.state != SearchState.TO_DO
