"""Plans for erasure, rectification and restriction requests: one step per system and record, then what was done.

A plan is built from the case's confirmed records (discovery) and shown as a dry run; on approval each step is
executed through the system's writable connector, or handed to the system owner as a task where the system is
read-only. A step keeps its reason (the Art 17(3) ground, the retention rule and its source, the legal hold), so
the response letter can say why each kept category was kept (P053). Rows name systems and record keys, never the
person's details.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PlanState(models.TextChoices):
    DRY_RUN = "dry_run", "Dry run: nothing changed yet"
    EXECUTING = "executing", "Approved: some steps still to do"
    EXECUTED = "executed", "Executed"
    SUPERSEDED = "superseded", "Replaced by a newer dry run"


class StepAction(models.TextChoices):
    ERASE = "erase", "Erase"
    ANONYMISE = "anonymise", "Anonymise"
    CORRECT = "correct", "Correct"
    FLAG = "flag", "Flag as restricted"
    RETAIN = "retain", "Keep"


class RetainReason(models.TextChoices):
    """Why a step keeps the record as it is (the letter gives the reason for each kept category)."""

    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation (Art 17(3)(b))"
    RETENTION_RULE = "retention_rule", "Retention rule still running (Art 17(3)(b))"
    LEGAL_HOLD = "legal_hold", "Legal hold (Art 17(3)(e))"
    EXEMPTION = "exemption", "Art 17(3) exception recorded on the case"
    SEPARATE_CONTROLLER = "separate_controller", "Held by a separate controller"
    NOTHING_TO_CHANGE = "nothing_to_change", "No change asked for in this record"


class StepState(models.TextChoices):
    PLANNED = "planned", "To do"
    DONE = "done", "Done"
    TASK = "task", "With the system owner"
    FAILED = "failed", "Failed: nothing changed"
    GONE = "gone", "No longer in the system"


class Plan(models.Model):
    """One dry run of what a request will change, and, once approved, its execution."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="plans")
    state = models.CharField(max_length=20, choices=PlanState.choices, default=PlanState.DRY_RUN)
    built_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    built_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Erasure: the Art 17(1) ground the approver records (P052); restriction: the Art 18(1) ground and scope.
    erase_ground = models.CharField(max_length=30, blank=True)
    restriction_ground = models.CharField(max_length=1, blank=True)
    restriction_scope = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)  # systems that could not be read, as sentences

    class Meta:
        ordering = ["-built_at", "-id"]

    def __str__(self) -> str:
        return f"Plan {self.pk} on case {self.case_id}"


class OwnerTask(models.Model):
    """The steps of a plan in a read-only system, for its owner (register ``System.owner_role``) to carry out."""

    class State(models.TextChoices):
        OPEN = "open", "Waiting for the system owner"
        DONE = "done", "Done by the system owner"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="owner_tasks")
    system = models.CharField(max_length=80)  # the connector's slug
    system_name = models.CharField(max_length=200)
    owner_role = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    completion_note = models.TextField(blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["system_name", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "system"], name="one_owner_task_per_plan_system")]

    def __str__(self) -> str:
        return f"Owner task {self.pk} in {self.system}"


class PlanStep(models.Model):
    """One record in one system: what the plan does to it and why, and what happened when it was executed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    system = models.CharField(max_length=80)  # the connector's slug
    system_name = models.CharField(max_length=200)
    register_system = models.ForeignKey(
        "register.System", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    table = models.CharField(max_length=120)
    key = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=StepAction.choices)
    retain_reason = models.CharField(max_length=30, choices=RetainReason.choices, blank=True)
    reason = models.TextField(blank=True)  # the plain-English why, citing the rule, its source, the hold
    # The rule, hold or ground without per-record dates: the letter lists kept categories grouped by it (P053).
    basis = models.TextField(blank=True)
    categories = models.JSONField(default=list, blank=True)  # register data categories the record holds
    changes = models.JSONField(default=dict, blank=True)  # column -> new value (correct, anonymise, flag)
    writable = models.BooleanField(default=False)  # the connector may write (else an owner task)
    state = models.CharField(max_length=20, choices=StepState.choices, default=StepState.PLANNED)
    task = models.ForeignKey(OwnerTask, null=True, blank=True, on_delete=models.SET_NULL, related_name="steps")
    executed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["system_name", "table", "key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "system", "table", "key"], name="one_step_per_record_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.system}/{self.table}/{self.key}"

    @property
    def ref_text(self) -> str:
        return f"{self.system}/{self.table}/{self.key}"

    @property
    def changes_data(self) -> bool:
        return self.action in (StepAction.ERASE, StepAction.ANONYMISE, StepAction.CORRECT, StepAction.FLAG)
