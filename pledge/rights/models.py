"""What the requester portal and the public journey keep: sent-request receipts, one-time portal links, the
response files released to a requester and every download of them.

Nothing here holds a secret in the clear: portal links and client addresses are kept only as keyed hashes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.core.uploads import FileType


class SentRequest(models.Model):
    """The one case a "Send request" form opened, keyed by the hash of the form's one-time submission token.

    A second press of Send, or the back button and Send again, carries the same token and finds this row, so
    it shows the same confirmation instead of opening a second case.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    case = models.OneToOneField("casework.Case", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Sent request for case {self.case_id}"


class PortalLink(models.Model):
    """A one-time link into the portal for one case, made and emailed by the worker.

    Only the hash of the link's secret is stored; the secret is only ever in the email. ``used_at`` is set when
    the link is opened: it works once.
    """

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="portal_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Portal link {self.pk} for case {self.case_id}"


class PortalLinkRequest(models.Model):
    """One "send me a link" form sent, whatever was typed, waiting for the worker to check it.

    The web request only stores this row and queues the check, so a match and a miss cost it the same. The typed
    email address is kept only as a keyed hash, and the worker blanks the reference and the hash once it has
    checked them; the sender's address is a keyed hash too, for the throttle. Rows older than a day are deleted.
    """

    client_hash = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    reference = models.CharField(max_length=40, blank=True)
    email_hash = models.CharField(max_length=64, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Portal link request at {self.requested_at:%Y-%m-%d %H:%M}"


class ReleaseStatus(models.TextChoices):
    AVAILABLE = "available", "Available to download"
    EXPIRED = "expired", "Expired"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Release(models.Model):
    """Response files made available to the requester on the portal until ``expires_at``, unless withdrawn."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="releases")
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return f"Release {self.pk} for case {self.case_id}"

    @property
    def status(self) -> ReleaseStatus:
        """Withdrawn, expired (past ``expires_at``) or available, at the current time."""
        if self.withdrawn_at is not None:
            return ReleaseStatus.WITHDRAWN
        if timezone.now() >= self.expires_at:
            return ReleaseStatus.EXPIRED
        return ReleaseStatus.AVAILABLE


class ResponseFile(models.Model):
    """A file staff uploaded as part of the response; ``release`` is empty until it is released to the portal."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="response_files")
    release = models.ForeignKey(Release, null=True, blank=True, on_delete=models.PROTECT, related_name="files")
    storage_name = models.CharField(max_length=200, unique=True)  # in private storage; random, nothing personal
    original_name = models.CharField(max_length=150)
    file_type = models.CharField(max_length=10, choices=[(t.value, t.value.upper()) for t in FileType])
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"Response file {self.pk} for case {self.case_id}"


class ReleaseDownload(models.Model):
    """One download of a released file from the portal: when, which file, and a keyed hash of the address only."""

    file = models.ForeignKey(ResponseFile, on_delete=models.PROTECT, related_name="downloads")
    downloaded_at = models.DateTimeField(default=timezone.now)
    client_hash = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["-downloaded_at", "-id"]

    def __str__(self) -> str:
        return f"Download of file {self.file_id} at {self.downloaded_at:%Y-%m-%d %H:%M}"
