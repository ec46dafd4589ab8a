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


# -- Disposal (UK GDPR Art 5(1)(e) storage limitation; promises P102-P104) ------------------------------------------
#
# A run reads every connected table, works out which records are past their rule, and keeps them as *batches*: one
# per system, table and rule, with counts and a file of record references, never a row per record (a council's
# estate holds millions). Staff approve a batch; the next run disposes of exactly the approved references that are
# still due and not held, then writes a certificate. Held records are counted per hold, with the hold's reason.


class RunState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class DisposalRun(models.Model):
    """One pass over the connected systems (or one of them): what it read, found due, held, disposed and handed on."""

    state = models.CharField(max_length=20, choices=RunState.choices, default=RunState.QUEUED)
    dry_run = models.BooleanField(default=False)
    system = models.CharField(max_length=100, blank=True)  # a connector slug, or blank for every system
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )  # None for the nightly job
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    systems_total = models.PositiveIntegerField(default=0)
    systems_done = models.PositiveIntegerField(default=0)
    current = models.CharField(max_length=300, blank=True)  # "council-tax/accounts": where the run is now
    records_read = models.PositiveBigIntegerField(default=0)
    due = models.PositiveBigIntegerField(default=0)
    held = models.PositiveBigIntegerField(default=0)
    disposed = models.PositiveBigIntegerField(default=0)
    tasks_raised = models.PositiveIntegerField(default=0)
    skipped = models.PositiveBigIntegerField(default=0)
    # Per table: system, table, rule, action, due, overdue, held, oldest due, skip reason (a dry run's whole answer).
    findings = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)  # systems that could not be read or written, as sentences
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Disposal run {self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (RunState.FINISHED, RunState.FAILED)


class BatchState(models.TextChoices):
    DUE = "due", "Due"
    APPROVED = "approved", "Approved"
    DONE = "done", "Done"
    TASK_RAISED = "task_raised", "Task raised"
    SKIPPED = "skipped", "Skipped"


OPEN_STATES = (BatchState.DUE, BatchState.SKIPPED)


class DisposalBatch(models.Model):
    """The records of one table past one rule: counts, the oldest due date, holds, and a file of their references."""

    system = models.CharField(max_length=100)  # connector slug
    system_name = models.CharField(max_length=200)
    table = models.CharField(max_length=200)
    register_system = models.ForeignKey(
        "register.System", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rule_slug = models.CharField(max_length=80)
    rule = models.ForeignKey(
        "register.RetentionRule", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, blank=True)  # register.RetentionAction
    state = models.CharField(max_length=20, choices=BatchState.choices, default=BatchState.DUE)
    skip_reason = models.TextField(blank=True)
    due_count = models.PositiveBigIntegerField(default=0)
    overdue_count = models.PositiveBigIntegerField(default=0)
    held_count = models.PositiveBigIntegerField(default=0)
    held_by = models.JSONField(default=dict, blank=True)  # legal hold id (text) -> records it holds here
    oldest_due = models.DateField(null=True, blank=True)
    refs_file = models.CharField(max_length=300, blank=True)  # private storage: the due references, one a line
    refs_sha256 = models.CharField(max_length=64, blank=True)
    found_by = models.ForeignKey(DisposalRun, null=True, on_delete=models.SET_NULL, related_name="+")
    refreshed_at = models.DateTimeField(default=timezone.now)
    executed_by = models.ForeignKey(DisposalRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    executed_count = models.PositiveBigIntegerField(default=0)
    # Approved references no longer due when the run came (held since, already gone, trigger date changed).
    not_executed_count = models.PositiveBigIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["system", "table", "rule_slug", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["system", "table", "rule_slug"],
                condition=models.Q(state__in=["due", "skipped"]),
                name="retention_one_open_batch_per_table_rule",
            ),
            models.UniqueConstraint(
                fields=["system", "table", "rule_slug"],
                condition=models.Q(state="approved"),
                name="retention_one_approved_batch_per_table_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"Disposal batch {self.pk}"

    @property
    def where(self) -> str:
        return f"{self.system}/{self.table}"


class DisposalApproval(models.Model):
    """Who approved which batch, when, and exactly which references (their count and fingerprint)."""

    batch = models.ForeignKey(DisposalBatch, on_delete=models.PROTECT, related_name="approvals")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(default=timezone.now)
    ref_count = models.PositiveBigIntegerField()
    refs_sha256 = models.CharField(max_length=64)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-approved_at", "-id"]


class TaskState(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class DisposalTask(models.Model):
    """An approved batch a system's owner must carry out by hand: a read-only system, a review or an archive."""

    batch = models.OneToOneField(DisposalBatch, on_delete=models.PROTECT, related_name="task")
    system_name = models.CharField(max_length=200)
    owner_role = models.CharField(max_length=200, blank=True)
    instruction = models.TextField()
    state = models.CharField(max_length=20, choices=TaskState.choices, default=TaskState.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completion_note = models.TextField(blank=True)

    class Meta:
        ordering = ["state", "created_at", "id"]

    def __str__(self) -> str:
        return f"Disposal task {self.pk}"


class DisposalCertificate(models.Model):
    """Proof of one disposal: what (system, table, how many, which references), under which rule, when, approved by
    whom and carried out how. It holds no personal data: references and counts only (P102)."""

    reference = models.CharField(max_length=30, unique=True)  # "DC-2026-0001"
    batch = models.OneToOneField(DisposalBatch, on_delete=models.PROTECT, related_name="certificate")
    system = models.CharField(max_length=100)
    system_name = models.CharField(max_length=200)
    table = models.CharField(max_length=200)
    rule_slug = models.CharField(max_length=80)
    rule_name = models.CharField(max_length=200)
    rule_period = models.CharField(max_length=300)
    rule_source = models.CharField(max_length=300)
    action = models.CharField(max_length=20)
    count = models.PositiveBigIntegerField()
    not_done_count = models.PositiveBigIntegerField(default=0)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField()
    carried_out_at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=300)  # "through the connector in run 12", "by the system owner (task 3)"
    refs_sha256 = models.CharField(max_length=64)
    refs_file = models.CharField(max_length=300, blank=True)  # private storage: the references carried out

    class Meta:
        ordering = ["-carried_out_at", "-id"]

    def __str__(self) -> str:
        return self.reference
