"""Forms for choosing what a request concerns and for sending a letter."""

from itertools import groupby
from typing import Any

from django import forms
from django.db.models import QuerySet

from pledge.casework.models import Case
from pledge.casework.response_letters import outcomes_for
from pledge.casework.scope import choosable_activities
from pledge.register.models import ProcessingActivity, Service


class ServiceFilterForm(forms.Form):
    """Narrow the activity checkboxes to one service (a GET form, so it works without JavaScript)."""

    service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        label="Show the activities of",
        empty_label="All services",
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        services = Service.objects.filter(activities__in=choosable_activities(case)).distinct().order_by("name")
        self.fields["service"].queryset = services  # type: ignore[attr-defined]

    def chosen_service(self) -> Service | None:
        return self.cleaned_data.get("service") if self.is_valid() else None


class ScopeForm(forms.Form):
    """The activities a request concerns, among those shown, and the team working it."""

    team = forms.ModelChoiceField(
        queryset=Service.objects.order_by("name"),
        required=False,
        label="Team working the request",
        empty_label="No team yet (the information governance team is triaging it)",
        error_messages={"invalid_choice": "Select a team from the list"},
    )
    activities = forms.ModelMultipleChoiceField(
        queryset=ProcessingActivity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Activities the request concerns",
        error_messages={
            "invalid_choice": "Select activities from the approved register",
            "invalid_pk_value": "Select activities from the approved register",
        },
    )

    def __init__(self, *args: Any, case: Case, service: Service | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        self.shown = choosable_activities(case)
        if service is not None:
            self.shown = self.shown.filter(service=service)
        self.fields["activities"].queryset = self.shown  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial = {"team": case.team_id, "activities": list(case.activities.values_list("pk", flat=True))}

    def chosen_activities(self) -> list[ProcessingActivity]:
        """The ticked activities among those shown, plus those already chosen that the filter hid."""
        ticked: QuerySet[ProcessingActivity] = self.cleaned_data["activities"]
        hidden = self.case.activities.exclude(pk__in=self.shown.values_list("pk", flat=True))
        return [*hidden, *ticked]

    def groups(self) -> list[dict[str, Any]]:
        """The shown activities as one GOV.UK checkbox group per service."""
        if self.is_bound:
            checked = {str(v) for v in self.data.getlist("activities")} if hasattr(self.data, "getlist") else set()
        else:
            checked = {str(pk) for pk in self.initial.get("activities", [])}
        groups = []
        for number, (service, items) in enumerate(groupby(self.shown, key=lambda a: a.service), start=1):
            groups.append(
                {
                    "legend": service.name,
                    "id_prefix": "id_activities" if number == 1 else f"id_activities-group-{number}",
                    "items": [
                        {
                            "value": str(a.pk),
                            "text": a.name,
                            "hint": f"Lawful basis: {a.get_lawful_basis_display()}",
                            "checked": str(a.pk) in checked,
                        }
                        for a in items
                    ],
                }
            )
        return groups


class SendLetterForm(forms.Form):
    """How a letter goes, and for a response what was done and why."""

    # The outcome previewed above the form: what is sent is the letter staff have just read.
    outcome = forms.ChoiceField(choices=[], required=False, widget=forms.HiddenInput, label="What we did")
    reasons = forms.CharField(
        required=False,
        widget=forms.Textarea,
        label="Reasons to give the requester",
        help_text="Needed when we did not do what was asked, and for every review of an automated decision. "
        "The requester reads these words in the letter.",
        max_length=5000,
        error_messages={"max_length": "Reasons must be 5,000 characters or fewer"},
    )
    mark_responded = forms.BooleanField(required=False, label="Also record the case as responded to today")

    def __init__(self, *args: Any, case: Case, response: bool, can_respond: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = outcomes_for(case.kind) if response else []
        if choices:
            self.fields["outcome"].choices = choices  # type: ignore[attr-defined]
            self.fields["outcome"].required = True
            self.fields["outcome"].error_messages["required"] = "Select what we did about the request"
            self.fields["outcome"].error_messages["invalid_choice"] = "Select what we did about the request"
        else:
            del self.fields["outcome"]
        if not response:
            del self.fields["reasons"]
        if not (response and can_respond):
            del self.fields["mark_responded"]
