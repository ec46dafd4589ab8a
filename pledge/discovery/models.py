"""A discovery run on a case: each connected system searched (or excluded, and why), and the candidate records found.

Art 15(1A) (DUAA s.78, in force 19 June 2025): a controller need only make reasonable and proportionate searches, and
must be able to show it did. A run is that evidence: the identifiers used, each system searched or excluded with the
reason, hit counts, and who confirmed or rejected each candidate record, when. Nothing is released on a guess: only a
confirmed candidate goes into an access package or a plan.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.discovery.sources import RecordKey


class RunState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Searching"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class SystemSearchState(models.TextChoices):
    SEARCHED = "searched", "Searched"
    EXCLUDED = "excluded", "Excluded"
    FAILED = "failed", "Could not be searched"


class CandidateDecision(models.TextChoices):
    PENDING = "pending", "To review"
    CONFIRMED = "confirmed", "Confirmed: the requester's record"
    REJECTED = "rejected", "Rejected: someone else's record"


class DiscoveryRun(models.Model):
    """One search of the connected systems for the person a case is about."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="discovery_runs")
    state = models.CharField(max_length=20, choices=RunState.choices, default=RunState.QUEUED)
    # The identifiers searched with (name, date of birth, email, phone, postcode, addresses), as the search record
    # must show them; personal data, so held here and never written to logs or URLs.
    identifiers = models.JSONField(default=dict)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    systems_done = models.PositiveIntegerField(default=0)  # progress, shown while the worker runs
    systems_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # Systems the caseworker left out of this search, {slug: reason} (the request is only about some services).
    exclusions = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"discovery run {self.pk} on case {self.case_id}"


class SystemSearch(models.Model):
    """One connected system in a run: searched with a hit count, or excluded with the reason."""

    run = models.ForeignKey(DiscoveryRun, on_delete=models.CASCADE, related_name="system_searches")
    system = models.CharField(max_length=80)  # the connector's slug
    system_name = models.CharField(max_length=200)
    register_system = models.ForeignKey(
        "register.System", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=20, choices=SystemSearchState.choices)
    reason = models.TextField(blank=True)  # why excluded, or what failed
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["system_name", "id"]
        constraints = [models.UniqueConstraint(fields=["run", "system"], name="one_search_per_system_per_run")]

    def __str__(self) -> str:
        return f"{self.system} in run {self.run_id}"


class Candidate(models.Model):
    """A record the matcher proposed, with its probability and why; a person confirms or rejects it."""

    run = models.ForeignKey(DiscoveryRun, on_delete=models.CASCADE, related_name="candidates")
    system = models.CharField(max_length=80)
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)
    probability = models.FloatField()
    # [{"field": "date_of_birth", "level": "exact", "weight": 6.2, "detail": "Date of birth agrees"}, ...]
    explanation = models.JSONField(default=list)
    summary = models.JSONField(default=dict)  # the record's identity fields as the system holds them, for review
    decision = models.CharField(max_length=20, choices=CandidateDecision.choices, default=CandidateDecision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    # The same record decided on an earlier run of the case: its decision is carried over, not asked again.
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "system", "table", "key"], name="one_candidate_per_record")
        ]
        indexes = [models.Index(fields=["system", "table", "key"])]

    def __str__(self) -> str:
        return f"candidate {self.system}/{self.table}/{self.key}"

    @property
    def ref(self) -> RecordKey:
        return RecordKey(system=self.system, table=self.table, key=self.key)


class UseCondition(models.Model):
    """A condition the person set on how we may use their data ("do not share with X"), held against their matched
    identity: the records confirmed as theirs when it was recorded (promise P069). Disclosure checks call
    ``conditions.conditions_blocking`` before anything leaves the council."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="use_conditions")
    recipient = models.CharField(max_length=200)  # who the data must not go to, as the person said it
    detail = models.TextField()  # the condition in the person's words, or the caseworker's note of them
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"use condition {self.pk} on case {self.case_id}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class ConditionRecord(models.Model):
    """One record a condition covers: a confirmed record of the person, in one system."""

    condition = models.ForeignKey(UseCondition, on_delete=models.CASCADE, related_name="records")
    system = models.CharField(max_length=80)
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)

    class Meta:
        ordering = ["system", "table", "key"]
        indexes = [models.Index(fields=["system", "table", "key"])]

    @property
    def ref(self) -> RecordKey:
        return RecordKey(system=self.system, table=self.table, key=self.key)


class AddressChange(models.Model):
    """A person's new address, to be made in every record matched as theirs (promise P077): one task, with an
    item per record, open until each is updated or the reason it is not is given."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="address_changes")
    new_address = models.TextField()
    new_postcode = models.CharField(max_length=10, blank=True)
    moved_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"address change {self.pk} on case {self.case_id}"


class AddressItemState(models.TextChoices):
    TO_UPDATE = "to_update", "To update"
    UPDATED = "updated", "Updated"
    NOT_UPDATED = "not_updated", "Not updated, with the reason"


class AddressChangeItem(models.Model):
    """One matched record an address change must reach."""

    change = models.ForeignKey(AddressChange, on_delete=models.CASCADE, related_name="items")
    system = models.CharField(max_length=80)
    system_name = models.CharField(max_length=200)
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)
    state = models.CharField(max_length=20, choices=AddressItemState.choices, default=AddressItemState.TO_UPDATE)
    reason = models.TextField(blank=True)  # why it was not updated (a closed account, a record kept as it was)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["system_name", "table", "key", "id"]

    @property
    def ref(self) -> RecordKey:
        return RecordKey(system=self.system, table=self.table, key=self.key)
