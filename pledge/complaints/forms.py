"""Forms for complaints: the public form (plain words, no legal terms needed), staff intake and each staff action."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.models import Channel, ComplaintKind, LetterDelivery
from pledge.complaints.models import Finding, StepKind
from pledge.frontend.fields import email_field, person_name_field

TEXT_MAX_CHARS = 5000
DATE_ERROR = "Enter a real date, for example 27/3/2026"
REFERENCE_RE = re.compile(r"^[A-Z]{2,4}-\d{4}-\d{6}$")

PUBLIC_KINDS = [
    (
        ComplaintKind.COMPLAINT.value,
        "Make a complaint: something went wrong with how we used or looked after your information",
    ),
    (ComplaintKind.SUGGESTION.value, "Make a suggestion: an idea for how we could do better"),
]


def _text(label: str, *, required: bool = True, help_text: str = "", missing: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": missing or f"Enter {label[0].lower()}{label[1:]}",
            "max_length": f"This must be {TEXT_MAX_CHARS:,} characters or fewer",
        },
    )


def _reference_field() -> forms.CharField:
    return forms.CharField(
        label="Reference of a request you made to us (optional)",
        help_text="If this is about a request you made, give its reference, for example RR-2026-000123.",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"spellcheck": "false", "class": "govuk-input--width-10"}),
        error_messages={"max_length": "The reference must be 20 characters or fewer"},
    )


def _clean_reference(value: str) -> str:
    value = value.strip().upper()
    if value and not REFERENCE_RE.match(value):
        raise forms.ValidationError("Enter the reference as it appears on our letters, like RR-2026-000123")
    return value


class PublicComplaintForm(forms.Form):
    """The online complaint form s.164A(2) asks for: a resident need not know any law to use it."""

    kind = forms.ChoiceField(
        label="What would you like to do?",
        choices=PUBLIC_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you want to make a complaint or a suggestion"},
    )
    what_happened = _text(
        "Tell us what happened",
        help_text="Say what went wrong or what could be better, and when. You do not need to use legal terms.",
        missing="Tell us what happened",
    )
    wanted_outcome = _text("What would you like us to do? (optional)", required=False)
    related_reference = _reference_field()
    name = person_name_field(label="Your name")
    email = email_field(label="Your email address", help_text="We will use this to reply to you.")
    email.required = False
    email.help_text = "We will use this to reply to you. If you have no email address, give your postal address."
    address = forms.CharField(
        label="Your postal address (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Your email address (optional)"

    def clean_related_reference(self) -> str:
        return _clean_reference(self.cleaned_data["related_reference"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("email") and not data.get("address") and "email" not in self.errors:
            self.add_error("email", "Enter your email address or your postal address so we can reply")
        return data


class StaffComplaintForm(forms.Form):
    """A complaint or suggestion taken by phone, email, letter, in person or on social media (s.164A(2))."""

    kind = forms.ChoiceField(
        label="Is this a complaint or a suggestion?",
        choices=ComplaintKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is a complaint or a suggestion"},
    )
    channel = forms.ChoiceField(
        label="How did it arrive?",
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it arrived"},
    )
    received_on = forms.DateField(
        label="Date it was received",
        widget=forms.DateInput,
        error_messages={"required": "Enter the date it was received", "invalid": DATE_ERROR},
    )
    name = forms.CharField(
        label="Complainant's full name",
        max_length=200,
        error_messages={"required": "Enter the complainant's full name"},
    )
    email = forms.EmailField(
        label="Complainant's email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    address = forms.CharField(
        label="Complainant's postal address", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    summary = _text(
        "What the complaint is about",
        help_text="In the complainant's words where you can. They do not need to have used legal terms.",
    )
    wanted_outcome = _text("What they would like us to do", required=False)
    related_reference = _reference_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["related_reference"].label = "Reference of a request it is about (optional)"

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future")
        return day

    def clean_related_reference(self) -> str:
        return _clean_reference(self.cleaned_data["related_reference"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("email") and not data.get("address") and "email" not in self.errors:
            self.add_error("email", "Enter an email address or a postal address so we can reply")
        return data


DELIVERY_CHOICES = [(LetterDelivery.EMAIL.value, "By email"), (LetterDelivery.POST.value, "By post")]


def _delivery_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="How is it sent?",
        choices=DELIVERY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the letter is sent"},
    )


class AcknowledgeForm(forms.Form):
    delivery = _delivery_field()


class StepForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of step?",
        choices=StepKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of step this was"},
    )
    taken_on = forms.DateField(
        label="Date of the step",
        widget=forms.DateInput,
        error_messages={"required": "Enter the date of the step", "invalid": DATE_ERROR},
    )
    description = _text("What was done and found", missing="Describe the step taken")


class ProgressForm(forms.Form):
    message = _text(
        "The update", help_text="The complainant reads this in the letter.", missing="Enter the update to send"
    )
    delivery = _delivery_field()


class OutcomeForm(forms.Form):
    finding = forms.ChoiceField(
        label="What did the investigation find?",
        choices=[c for c in Finding.choices if c[0] != Finding.NOTED],
        widget=forms.RadioSelect,
        required=False,
    )
    findings = _text("The findings", required=False, help_text="Explain what was found. The complainant reads this.")
    action_taken = _text("What we have done or will do", missing="Say what we have done or will do")
    delivery = _delivery_field()

    def __init__(self, *args: Any, suggestion: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if suggestion:
            del self.fields["finding"], self.fields["findings"]
            self.fields["action_taken"].label = "What we will do about the suggestion"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "finding" in self.fields:
            if not data.get("finding"):
                self.add_error("finding", "Select what the investigation found")
            if not (data.get("findings") or "").strip():
                self.add_error("findings", "Explain the findings: the complainant must be told them")
        return data
