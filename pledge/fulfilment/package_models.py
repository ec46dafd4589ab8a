"""Access and portability packages (Arts 15 and 20), the passages in them that may name other people, transfers of
a portability file to another controller (Art 20(2)) and copies of an assessment given outside a request (P047).

A package is built by the worker from the case's confirmed records only: nothing is released on a guess. What the
systems returned is kept as an encrypted snapshot in private storage, so the files released are assembled from the
same data the caseworker reviewed, with their decisions on each flagged passage applied.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PackageKind(models.TextChoices):
    ACCESS = "access", "Access package (Art 15)"
    PORTABILITY = "portability", "Portability file (Art 20)"


class PackageState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    BUILDING = "building", "Building"
    BUILT = "built", "Built"
    FAILED = "failed", "Failed"


class PassageDecision(models.TextChoices):
    PENDING = "pending", "To review"
    KEEP = "keep", "Keep: can be released"
    WITHHOLD = "withhold", "Withhold"


class CopyDelivery(models.TextChoices):
    IN_PERSON = "in_person", "Handed over in person"
    POST = "post", "Sent by post"
    EMAIL = "email", "Sent by secure email"


class AccessPackage(models.Model):
    """One build of a case's package, with its progress while the worker runs and its snapshot once built."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="access_packages")
    kind = models.CharField(max_length=20, choices=PackageKind.choices, default=PackageKind.ACCESS)
    state = models.CharField(max_length=20, choices=PackageState.choices, default=PackageState.QUEUED)
    records_done = models.PositiveIntegerField(default=0)
    records_total = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)  # what went wrong, in words for staff; never personal data
    # The encrypted JSON snapshot of the records fetched (private storage, random name).
    snapshot_name = models.CharField(max_length=200, blank=True)
    # Once added to the response: the zip's (or report's) file in the release flow.
    added_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk} on case {self.case_id}"

    @property
    def percent(self) -> int:
        return int(100 * self.records_done / self.records_total) if self.records_total else 0


class FlaggedPassage(models.Model):
    """A passage of free text in a record that seems to name someone other than the requester; a caseworker
    decides to keep or withhold it before the package can be released (full redaction: issue 8)."""

    package = models.ForeignKey(AccessPackage, on_delete=models.CASCADE, related_name="passages")
    system = models.CharField(max_length=80)
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)
    column = models.CharField(max_length=120)
    start = models.PositiveIntegerField()  # character offsets of the passage in the column's text
    end = models.PositiveIntegerField()
    passage = models.TextField()
    names = models.JSONField(default=list)  # the names recognised in it
    decision = models.CharField(max_length=20, choices=PassageDecision.choices, default=PassageDecision.PENDING)
    reason = models.TextField(blank=True)  # required to withhold; said to the person in general terms
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["system", "table", "key", "column", "start", "id"]

    def __str__(self) -> str:
        return f"Passage {self.pk} in package {self.package_id}"


class PortabilityTransfer(models.Model):
    """Art 20(2): a portability file sent to another controller the requester named, by a one-time link that
    expires, emailed to an address recorded for that organisation. Kept here until the disclosure log (issue 7)."""

    package = models.ForeignKey(AccessPackage, on_delete=models.PROTECT, related_name="transfers")
    organisation = models.CharField(max_length=200)
    email = models.EmailField()
    requested_by_person_on = models.DateField()  # when the requester named the organisation
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=200)  # the zip as sent, encrypted in private storage
    file_sha256 = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, blank=True)  # only the hash; the secret is only in the email
    sent_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Portability transfer {self.pk}"


class AssessmentCopy(models.Model):
    """P047: a copy of a person's own assessment given to them without a subject access request, logged against
    the person (their name as the record holds it, and the record's key)."""

    person_name = models.CharField(max_length=200)
    system = models.CharField(max_length=80)
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)
    how = models.CharField(max_length=20, choices=CopyDelivery.choices)
    file_name = models.CharField(max_length=200)  # the PDF, encrypted in private storage
    file_sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["-given_at", "-id"]

    def __str__(self) -> str:
        return f"Assessment copy {self.pk}"
