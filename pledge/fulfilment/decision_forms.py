"""Staff forms for objection decisions and automated-decision reviews. Shape only; ``decisions.py`` decides."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from pledge.casework.models import Case
from pledge.core.models import User
from pledge.core.roles import Permission, Role, role_grants
from pledge.fulfilment.forms import DatedForm, _date, _text
from pledge.fulfilment.models import (
    ART22_EXCEPTION_CHOICES,
    CARRY_ON_GROUND_CHOICES,
    OBJECTION_OUTCOME_CHOICES,
    REVIEW_RESULT_CHOICES,
    DecisionReview,
    ObjectionDecision,
)
from pledge.law.automated_decisions import ART22_EXCEPTIONS
from pledge.law.objection import CARRY_ON_GROUNDS
from pledge.register.models import ProcessingActivity


def _activity(queryset: QuerySet[ProcessingActivity]) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Activity",
        queryset=queryset,
        empty_label="Select an activity",
        widget=forms.Select,
        error_messages={
            "required": "Select the activity",
            "invalid_choice": "Select one of the activities this request concerns that still needs a decision",
        },
    )


def objection_activities(case: Case) -> QuerySet[ProcessingActivity]:
    """The case's activities with no objection decision yet (the service refuses those the right does not reach)."""
    decided = ObjectionDecision.objects.filter(case=case).values("activity_id")
    return case.activities.exclude(pk__in=decided).order_by("name")


def review_activities(case: Case) -> QuerySet[ProcessingActivity]:
    """The case's automated-decision activities with no review set up yet."""
    started = DecisionReview.objects.filter(case=case).values("activity_id")
    return case.activities.filter(automated_decision=True).exclude(pk__in=started).order_by("name")


def reviewers() -> QuerySet[User]:
    """Active staff whose role may handle requests: the people who can review a decision."""
    roles = [role.value for role in Role if role_grants(role, Permission.HANDLE_CASES)]
    return User.objects.filter(is_active=True, role__in=roles).order_by("username")


class ObjectionDecisionForm(DatedForm):
    date_fields = ("decided_on",)
    takes_case = True
    activity = _activity(ProcessingActivity.objects.none())
    outcome = forms.ChoiceField(
        label="What was decided?",
        choices=OBJECTION_OUTCOME_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the processing stops or carries on"},
    )
    how_stopped = _text(
        "If it stopped: how",
        hint="Which systems or records were flagged so the processing no longer happens. Not the person's name.",
    )
    carry_on_ground = forms.ChoiceField(
        label="If it carries on: the Art 21(1) ground",
        choices=CARRY_ON_GROUND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text="Never for direct marketing: an objection to it is absolute (Art 21(3)).",
    )
    reasons = _text(
        "If it carries on: the reasons",
        hint="Why the grounds override the person's interests, rights and freedoms. The person is told these.",
        rows=5,
    )
    decided_on = _date("Date of the decision (if it stopped, the date it stopped)")

    def __init__(self, *args: Any, case: Case | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["activity"].queryset = objection_activities(case)  # type: ignore[attr-defined]
        self.fields["carry_on_ground"].item_hints = {  # type: ignore[attr-defined]
            ground.value: info.test for ground, info in CARRY_ON_GROUNDS.items()
        }


class DecisionReviewForm(forms.Form):
    takes_case = True
    activity = _activity(ProcessingActivity.objects.none())
    original_decided_on = forms.DateField(
        label="Date of the automated decision",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the date of the automated decision",
            "invalid": "Enter a real date, for example 27/3/2026",
        },
    )
    original_outcome = _text("What the automated decision was", "Enter what the automated decision was")
    original_inputs = _text(
        "The inputs the system used for this person's decision",
        "Enter the inputs the system used for this person's decision",
        hint="Copy them from the source system. The person is sent these with the logic of the decision.",
        rows=6,
    )
    exception = forms.ChoiceField(
        label="The exception the automated decision relies on",
        choices=ART22_EXCEPTION_CHOICES,
        widget=forms.RadioSelect,
        help_text="The register does not record this for the activity yet, so record it here.",
        error_messages={"required": "Select the exception the automated decision relies on"},
    )
    exception_law = forms.CharField(
        label="If authorised by law: which law",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
        error_messages={"max_length": "The law must be 300 characters or fewer"},
    )
    persons_view = _text("The person's point of view", hint="What they told us about the decision, in their words.")
    reviewer = forms.ModelChoiceField(
        label="Who will review the decision",
        queryset=User.objects.none(),
        empty_label="Select a member of staff",
        widget=forms.Select,
        help_text="A member of staff with the authority to change the decision.",
        error_messages={"required": "Select who will review the decision", "invalid_choice": "Select a reviewer"},
    )

    def __init__(self, *args: Any, case: Case | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["activity"].queryset = review_activities(case)  # type: ignore[attr-defined]
        self.fields["reviewer"].queryset = reviewers()  # type: ignore[attr-defined]
        self.fields["exception"].item_hints = {  # type: ignore[attr-defined]
            exception.value: f"The decision was made {info.plain}." for exception, info in ART22_EXCEPTIONS.items()
        }


class ReviewDecisionForm(DatedForm):
    date_fields = ("decided_on",)
    result = forms.ChoiceField(
        label="Your decision",
        choices=REVIEW_RESULT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the decision changed or stands"},
    )
    new_decision = _text("The decision you made", "Enter the decision the reviewer made")
    reasons = _text(
        "Your reasons",
        "Enter the reasons for the decision: the person is told them",
        hint="Having looked at the inputs and the person's point of view. The person is told these.",
        rows=5,
    )
    decided_on = _date("Date of your decision")
