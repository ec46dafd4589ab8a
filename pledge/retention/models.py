"""Legal holds: records that must not be destroyed, whatever their retention rule or an erasure request says.

A hold is placed for litigation, an ICO investigation, an inquiry or a request in progress (uk-rules.md §10: holds
"must suspend disposal"; Art 17(3)(e) legal claims). It names what it covers: a case (the person it is about),
a register system, record references, or identifiers of a named person (email, account, NI or NHS number), or
any mix. It is reviewed by a date and lifted with reasons; it is never deleted, so the trail shows what was held.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def active(self) -> "LegalHoldQuerySet":
        return self.filter(lifted_at__isnull=True)


class LegalHold(models.Model):
    """One hold: what it covers, why, when it is to be reviewed, who placed it and (once lifted) who lifted it."""

    objects = LegalHoldQuerySet.as_manager()

    reason = models.TextField()  # e.g. "Claim 24-CL-0113 in the county court: keep every record of the claimant"
    case = models.ForeignKey("casework.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    system = models.ForeignKey("register.System", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # RecordKey strings ("council-tax/accounts/CT000123") the hold names one by one.
    record_refs = models.JSONField(default=list, blank=True)
    # Identifiers of a named person: {"email": "...", "account_reference": "...", "ni_number": "..."}; personal
    # data, so never copied into audit rows or logs.
    person_identifiers = models.JSONField(default=dict, blank=True)
    review_on = models.DateField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["placed_at", "id"]

    def __str__(self) -> str:
        return f"Legal hold {self.pk}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None
