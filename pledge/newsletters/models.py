"""Newsletter lists, the people subscribed to them, the suppression list, issues and their sends.

Addresses are held encrypted (``email_sealed``) and looked up by the consent ledger's pseudonymous subject id, so a
database dump or a log line never shows who subscribed. P085: these rows are read only by this app; other apps ask
``services.subscriptions_for_email`` for the person's own access request and nothing else.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SubscriptionState(models.TextChoices):
    PENDING = "pending", "Waiting for confirmation"
    CONFIRMED = "confirmed", "Confirmed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"


class MessageClass(models.TextChoices):
    """P082: service messages are about a service the person uses; promotional ones are everything else."""

    SERVICE = "service", "Service message"
    PROMOTIONAL = "promotional", "Promotional"


class SuppressionReason(models.TextChoices):
    UNSUBSCRIBED_ALL = "unsubscribed_all", "Unsubscribed from everything"
    OBJECTED = "objected", "Objected to direct marketing"
    BOUNCED = "bounced", "Address does not accept mail"
    COMPLAINED = "complained", "Reported a message as spam"
    STAFF = "staff", "Suppressed by staff"


class SendState(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    FINISHED = "finished", "Finished"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Not sent yet"
    CLAIMED = "claimed", "Being sent"
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Not sent: no consent, unsubscribed or suppressed"
    FAILED = "failed", "Refused by the mail server"
    # A worker stopped between taking a message and recording it: it may or may not have gone, so it is not sent
    # again (never twice is the promise; the count is shown so staff know).
    INTERRUPTED = "interrupted", "Interrupted: not sent again in case it went"


class NewsletterList(models.Model):
    """A newsletter people choose individually (P084); its consent purpose is ``newsletter:<slug>``."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    topic = models.CharField(max_length=80, blank=True)
    active = models.BooleanField(default=True)
    # The sign-up wording recorded with each consent (P080), versioned in the ledger.
    wording_version = models.CharField(max_length=40)
    wording = models.TextField(help_text="The text of the wording version, as shown on the sign-up page.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def purpose(self) -> str:
        return f"newsletter:{self.slug}"


class Subscription(models.Model):
    """One email address's subscriptions; confirmation (double opt-in) covers every list it is waiting on."""

    subject = models.CharField(max_length=80, unique=True)
    email_sealed = models.TextField()
    state = models.CharField(max_length=20, choices=SubscriptionState.choices, default=SubscriptionState.PENDING)
    # Random, per address: it is inside every signed link, so purging the address makes all its links dead.
    token_key = models.CharField(max_length=32)
    # Changes with each confirmation email, and is cleared on use, so a confirmation link works once.
    confirm_nonce = models.CharField(max_length=32, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"subscription {self.pk}"


class Membership(models.Model):
    """One address on one list."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="memberships")
    newsletter = models.ForeignKey(NewsletterList, on_delete=models.PROTECT, related_name="memberships")
    state = models.CharField(max_length=20, choices=SubscriptionState.choices, default=SubscriptionState.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "newsletter"], name="one_membership_per_list")]
        indexes = [models.Index(fields=["newsletter", "state"])]


class Suppression(models.Model):
    """An address no newsletter goes to, whatever a list or an import says (PECR reg 22; Art 21(3))."""

    address_hash = models.CharField(max_length=80, unique=True)
    reason = models.CharField(max_length=20, choices=SuppressionReason.choices)
    created_at = models.DateTimeField(default=timezone.now)


class Issue(models.Model):
    """One edition of a newsletter, written by staff and sent once."""

    newsletter = models.ForeignKey(NewsletterList, on_delete=models.PROTECT, related_name="issues")
    subject_line = models.CharField(max_length=150)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs, '## ' starts a heading.")
    message_class = models.CharField(max_length=20, choices=MessageClass.choices, default=MessageClass.PROMOTIONAL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject_line


class Send(models.Model):
    """Sending one issue to its list, in batches by the background worker; the counters are the progress."""

    issue = models.OneToOneField(Issue, on_delete=models.PROTECT, related_name="send")
    state = models.CharField(max_length=20, choices=SendState.choices, default=SendState.QUEUED)
    total = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    interrupted = models.PositiveIntegerField(default=0)
    queued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # One worker at a time: a worker holds the send until lease_until, renewing it each batch.
    lease_until = models.DateTimeField(null=True, blank=True)

    @property
    def done(self) -> int:
        return self.sent + self.skipped + self.failed + self.interrupted

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)


class Delivery(models.Model):
    """One recipient of one send. The row is claimed before the message goes, which is what stops a second copy."""

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, null=True, on_delete=models.SET_NULL)
    state = models.CharField(max_length=20, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["send", "subscription"], name="one_delivery_per_recipient")]
        indexes = [models.Index(fields=["send", "state", "id"])]
