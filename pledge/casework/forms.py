"""Staff forms for casework: logging a request, and one small form per action on a case."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.models import (
    REFUSAL_GROUND_CHOICES,
    THIRD_PARTY_CONSENT_CHOICES,
    CaseKind,
    Channel,
    Relationship,
)
from pledge.casework.states import STATE_LABELS, CaseState, is_open
from pledge.core.models import User
from pledge.core.roles import Permission, roles_with
from pledge.law.exemptions import REFUSAL_GROUNDS, catalogue
from pledge.register.models import Service

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

    team = forms.ChoiceField(label="Team", required=False, widget=forms.Select)
    kind = forms.ChoiceField(
        label="Kind of request", required=False, widget=forms.Select, choices=[("", "Any kind"), *CaseKind.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = [(str(user.pk), user.get_username()) for user in case_handlers()]
        self.fields["assignee"].choices = [("", "Anyone"), ("none", "Nobody")] + people  # type: ignore[attr-defined]
        teams = [(str(pk), name) for pk, name in Service.objects.order_by("name").values_list("pk", "name")]
        self.fields["team"].choices = [("", "Any team"), ("none", "No team yet")] + teams  # type: ignore[attr-defined]


def _reasons_field(label: str, hint: str, required: str) -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": 3}), help_text=hint, error_messages={"required": required}
    )


class ExemptionForm(OnDateForm):
    """One exemption decision; the third-party and professional-opinion questions apply to some codes only."""

    code = forms.ChoiceField(
        label="Which exemption applies?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the exemption that applies"},
    )
    scope = _reasons_field(
        "What information the exemption covers",
        "Name the documents or passages. Exemptions apply only to the extent their test is met.",
        "Enter what information the exemption covers",
    )
    reasoning = _reasons_field(
        "Why the exemption applies",
        "Apply the exemption's test to this information.",
        "Enter why the exemption applies",
    )
    third_party_consent = forms.ChoiceField(
        label="Information about another person: did they consent?",
        choices=[("", "Not about another person"), *THIRD_PARTY_CONSENT_CHOICES],
        required=False,
        widget=forms.Select,
    )
    reasonable_without_consent = forms.TypedChoiceField(
        label="Information about another person: is it reasonable to disclose without their consent?",
        choices=[("", "Not about another person"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.Select,
    )
    third_party_factors = forms.CharField(
        label="Information about another person: the factors weighed",
        help_text="Type of information, any duty of confidence, steps taken to seek consent, capacity, any refusal.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    professional_consulted = forms.CharField(
        label="Serious harm: the professional whose opinion was obtained", required=False, max_length=200
    )
    professional_consulted_on = forms.DateField(
        label="Serious harm: date of their opinion",
        required=False,
        widget=forms.DateInput,
        error_messages={"invalid": DATE_ERROR},
    )

    field_order = ["code", "scope", "reasoning", "on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        exemptions = catalogue()
        self.fields["code"].choices = [(code, item.label) for code, item in exemptions.items()]  # type: ignore[attr-defined]
        # Read by the casework_field tag: the provision's test under each choice.
        self.fields["code"].item_hints = {  # type: ignore[attr-defined]
            code: f"{item.test}{f' ({item.note})' if item.note else ''}" for code, item in exemptions.items()
        }


class RefuseForm(OnDateForm):
    ground = forms.ChoiceField(
        label="Ground for refusing",
        choices=REFUSAL_GROUND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the ground for refusing"},
    )
    reasons = _reasons_field(
        "Why we are refusing the request",
        "The requester is told these reasons. The council must be able to show the ground applies.",
        "Enter why we are refusing the request",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ground"].item_hints = {  # type: ignore[attr-defined]
            ground.value: info.test for ground, info in REFUSAL_GROUNDS.items()
        }


class ChargeFeeForm(OnDateForm):
    amount = forms.DecimalField(
        label="Fee in pounds",
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        help_text="A reasonable fee based on the administrative cost of complying, for example 10.00",
        error_messages={
            "required": "Enter the fee in pounds",
            "invalid": "Enter the fee as a number of pounds, like 10.00",
            "min_value": "Enter a fee of more than £0",
            "max_digits": "Enter a fee of less than £1,000,000",
            "max_decimal_places": "Enter the fee in pounds and pence, like 10.50",
        },
    )
    reasons = _reasons_field(
        "Why we are charging a fee",
        "The requester is told these reasons: why the request is manifestly unfounded or excessive.",
        "Enter why we are charging a fee",
    )
