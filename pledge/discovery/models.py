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
