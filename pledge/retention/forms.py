"""Retention forms: start a run, approve a batch, complete an owner's task, place and lift a legal hold."""

from typing import Any

from django import forms

from pledge.register.models import System

DATE_ERROR = "Enter a real date, for example 27/3/2027"


class StartRunForm(forms.Form):
    system = forms.ChoiceField(label="Which systems?", required=False, choices=[("", "Every connected system")])
    dry_run = forms.BooleanField(
        label="Dry run: list what is due and change nothing",
        required=False,
        help_text="A full run also carries out the batches already approved.",
    )

    def __init__(self, *args: Any, systems: list[tuple[str, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["system"].choices = [("", "Every connected system"), *systems]  # type: ignore[attr-defined]


class ApproveBatchForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, the review that confirmed nothing must be kept longer.",
    )


class CompleteTaskForm(forms.Form):
    note = forms.CharField(
        label="What did the system owner do, and when?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the system owner did, and when"},
    )


class PlaceHoldForm(forms.Form):
    reason = forms.CharField(
        label="Why must the records be kept?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: claim 26-CL-0113 in the county court. Do not include the person's details here.",
        error_messages={"required": "Enter why the records must be kept"},
    )
    review_on = forms.DateField(
        label="Review by",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        help_text="For example, 27/3/2027",
        error_messages={"required": "Enter the date the hold is to be reviewed by", "invalid": DATE_ERROR},
    )
    case_reference = forms.CharField(label="Case reference (optional)", required=False, max_length=20)
    system = forms.ModelChoiceField(
        label="System (optional)",
        queryset=System.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any system",
        help_text="On its own, holds the whole system; with records or identifiers, narrows them to it.",
    )
    record_refs = forms.CharField(
        label="Record references (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, as system/table/key, for example council-tax/accounts/CT000123.",
    )
    email = forms.CharField(label="Email address (optional)", required=False, max_length=254)
    account_reference = forms.CharField(label="Account reference (optional)", required=False, max_length=100)
    ni_number = forms.CharField(label="National Insurance number (optional)", required=False, max_length=20)
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=20)

    IDENTIFIERS = ("email", "account_reference", "ni_number", "nhs_number")


class ReviewHoldForm(forms.Form):
    notes = forms.CharField(
        label="Why is the hold still needed?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter why the hold is still needed"},
    )
    review_on = forms.DateField(
        label="Next review by",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        help_text="For example, 27/3/2027",
        error_messages={"required": "Enter the next review date", "invalid": DATE_ERROR},
    )


class LiftHoldForm(forms.Form):
    reasons = forms.CharField(
        label="Why is the hold being lifted?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the hold is being lifted"},
    )
