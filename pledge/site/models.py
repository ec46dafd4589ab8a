"""Messages residents send to the Data Protection Officer from the public site."""

from django.db import models
from django.utils import timezone


class EnquiryStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class DpoEnquiry(models.Model):
    """One message to the DPO, with the date the council has promised to reply by."""

    name = models.CharField(max_length=200)
    email = models.EmailField()
    # The slug of the notice or processing activity the message is about: never personal data.
    about = models.SlugField(max_length=80, blank=True)
    message = models.TextField()
    status = models.CharField(max_length=20, choices=EnquiryStatus.choices, default=EnquiryStatus.RECEIVED)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    respond_by = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    # The privacy notice version shown beside the form when the message was sent (promise P029).
    notice_version = models.ForeignKey(
        "notices.NoticeVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "DPO enquiry"
        verbose_name_plural = "DPO enquiries"

    @property
    def reference(self) -> str:
        """The reference we give the sender, like ENQ-000123."""
        return format_reference(self.pk)

    def __str__(self) -> str:
        return self.reference


def format_reference(pk: int) -> str:
    """ENQ- and the id padded to six digits: the form residents quote back to us."""
    return f"ENQ-{pk:06d}"
