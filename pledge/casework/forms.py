"""Staff forms for casework: logging a request, and one small form per action on a case."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.models import CaseKind, Channel, Proof, Relationship
from pledge.casework.states import STATE_LABELS, CaseState, is_open
from pledge.core.models import User
from pledge.core.roles import Permission, roles_with

DATE_ERROR = "Enter a real date, for example 27/3/2026"


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput,
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}", "invalid": DATE_ERROR},
    )


def _not_in_future(day: date) -> date:
    if day > timezone.localdate():
        raise forms.ValidationError("The date cannot be in the future")
    return day


class IntakeForm(forms.Form):
    """A request taken by phone, letter, email, in person or social media."""

    kind = forms.ChoiceField(
        label="What is the person asking for?",
        choices=CaseKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the person is asking for"},
    )
    channel = forms.ChoiceField(
        label="How did the request arrive?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the request arrived"},
    )
    received_on = _date_field("Date the request was received")
    requester_name = forms.CharField(
        label="Requester's full name", max_length=200, error_messages={"required": "Enter the requester's full name"}
    )
    requester_email = forms.EmailField(
        label="Requester's email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    requester_address = forms.CharField(label="Requester's postal address", required=False, widget=forms.Textarea)
    on_behalf_of = forms.ChoiceField(
        label="Who is making the request?", choices=Relationship.choices, required=False, widget=forms.Select
    )
    summary = forms.CharField(
        label="What the request is about",
        widget=forms.Textarea,
        help_text="In the requester's words where you can. Do not include information they did not give.",
        error_messages={"required": "Enter what the request is about"},
    )

    def clean_received_on(self) -> date:
        return _not_in_future(self.cleaned_data["received_on"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not data.get("requester_email")
            and not data.get("requester_address")
            and "requester_email" not in self.errors
        ):
            self.add_error("requester_email", "Enter an email address or a postal address so we can reply")
        return data


class OnDateForm(forms.Form):
    """An action that happened on a day: responded, closed, withdrawn, asked for something."""

    on = _date_field("Date")

    def __init__(self, *args: Any, date_label: str = "Date", **kwargs: Any) -> None:
        kwargs["initial"] = {"on": timezone.localdate(), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["on"].label = date_label
        self.fields["on"].error_messages["required"] = f"Enter the {date_label[0].lower()}{date_label[1:]}"

    def clean_on(self) -> date:
        return _not_in_future(self.cleaned_data["on"])


class ProofForm(OnDateForm):
    proof = forms.ChoiceField(
        label="What arrived?",
        choices=Proof.choices,
        widget=forms.RadioSelect,
        initial=Proof.IDENTITY,
        error_messages={"required": "Select what arrived"},
    )


class ExtendForm(OnDateForm):
    reason = forms.CharField(
        label="Why the request needs more time",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The requester is told this reason. Say why it is complex or how many requests they made.",
        error_messages={"required": "Enter why the request needs more time"},
    )


def case_handlers() -> Any:
    """Staff who may be given cases."""
    return User.objects.filter(is_active=True, role__in=roles_with(Permission.HANDLE_CASES)).order_by("username")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assign to", queryset=User.objects.none(), required=False, empty_label="Nobody", widget=forms.Select
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_handlers()  # type: ignore[attr-defined]


class DashboardFilterForm(forms.Form):
    assignee = forms.ChoiceField(label="Assigned to", required=False, widget=forms.Select)
    state = forms.ChoiceField(
        label="State",
        required=False,
        widget=forms.Select,
        choices=[("", "Any open state")] + [(s.value, STATE_LABELS[s]) for s in CaseState if is_open(s)],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = [(str(user.pk), user.get_username()) for user in case_handlers()]
        self.fields["assignee"].choices = [("", "Anyone"), ("none", "Nobody")] + people  # type: ignore[attr-defined]
