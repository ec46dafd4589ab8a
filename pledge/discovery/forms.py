"""Forms of the discovery section of a case page: start a search, decide on a record, conditions, address changes."""

import re
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.forms import DATE_ERROR
from pledge.casework.models import Case
from pledge.discovery.models import AddressItemState

# A UK postcode anywhere in an address, to start the postcode box with (the caseworker can change it).
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)


def postcode_in(address: str) -> str:
    """The last UK postcode written in an address, normalised ('AN1 2BC'), or ''."""
    found = POSTCODE.findall(address or "")
    return f"{found[-1][0]} {found[-1][1]}".upper() if found else ""


def _text(label: str, *, required: bool = False, help_text: str = "", **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, **kwargs)


class StartDiscoveryForm(forms.Form):
    """The identifiers to search with: the case's own, plus what the caseworker knows from the ID check."""

    name = _text(
        "Full name", required=True, max_length=200, error_messages={"required": "Enter the name to search for"}
    )
    date_of_birth = forms.DateField(
        label="Date of birth", required=False, widget=forms.DateInput, error_messages={"invalid": DATE_ERROR}
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    phone = _text("Phone number", max_length=40)
    address = _text("Current address", widget=forms.Textarea(attrs={"rows": 3}), max_length=500)
    postcode = _text("Postcode", max_length=10)
    previous_addresses = _text(
        "Previous addresses", widget=forms.Textarea(attrs={"rows": 3}), help_text="One address a line.", max_length=2000
    )
    previous_names = _text(
        "Previous names", widget=forms.Textarea(attrs={"rows": 2}), help_text="One name a line.", max_length=1000
    )
    nhs_number = _text("NHS number", max_length=12)
    ni_number = _text("National Insurance number", max_length=13)
    excluded = forms.MultipleChoiceField(
        label="Leave any systems out of this search?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only when the request is clearly about some services. Systems held by a separate controller, "
        "such as the electoral register, are left out anyway.",
    )
    exclusion_reason = _text(
        "Why they are left out",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text="The search record shows this reason.",
    )

    def __init__(self, *args: Any, case: Case, systems: list[tuple[str, str]], **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": case.requester_name,
                "email": case.requester_email,
                "address": case.requester_address,
                "postcode": postcode_in(case.requester_address),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["excluded"].choices = systems  # type: ignore[attr-defined]
        if not systems:
            del self.fields["excluded"]
            del self.fields["exclusion_reason"]

    def clean_date_of_birth(self) -> Any:
        day = self.cleaned_data.get("date_of_birth")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date of birth must be in the past")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("excluded") and not (data.get("exclusion_reason") or "").strip():
            self.add_error("exclusion_reason", "Give the reason the systems are left out of the search")
        return data

    def identifiers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {key: data.get(key) or "" for key in self.fields if key not in ("excluded", "exclusion_reason")}

    def exclusions(self) -> dict[str, str]:
        reason = (self.cleaned_data.get("exclusion_reason") or "").strip()
        return dict.fromkeys(self.cleaned_data.get("excluded") or [], reason)


class DecisionForm(forms.Form):
    """Confirm or reject one candidate record; a rejection says why."""

    decision = forms.ChoiceField(
        label="Is this the requester's record?",
        choices=[("confirm", "Yes, confirm it"), ("reject", "No, it is someone else's")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the requester's record"},
    )
    note = _text("Note", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, help_text="Needed to reject.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("note") or "").strip():
            self.add_error("note", "Say why this record is not the requester's")
        return data


class ConditionForm(forms.Form):
    """A condition the person set on how we use their data."""

    recipient = _text(
        "Who must the information not go to?",
        required=True,
        max_length=200,
        error_messages={"required": "Enter who the information must not go to"},
        help_text="A person or an organisation, for example 'my former partner, Sam Doe' or 'the school'.",
    )
    detail = _text(
        "The condition",
        required=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the condition, in the person's words if you can"},
    )


class LiftConditionForm(forms.Form):
    reason = _text(
        "Why the condition no longer applies",
        required=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": "Give the reason the condition no longer applies"},
    )


class AddressChangeForm(forms.Form):
    """A person's new address, to make in every record confirmed as theirs."""

    new_address = _text(
        "New address",
        required=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={"required": "Enter the new address"},
    )
    new_postcode = _text("New postcode", max_length=10)
    moved_on = forms.DateField(
        label="Date they moved", required=False, widget=forms.DateInput, error_messages={"invalid": DATE_ERROR}
    )


class AddressItemForm(forms.Form):
    state = forms.ChoiceField(
        label="Is the record updated?",
        choices=[(AddressItemState.UPDATED.value, "Updated"), (AddressItemState.NOT_UPDATED.value, "Not updated")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the record is updated"},
    )
    reason = _text("Reason it is not updated", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("state") == AddressItemState.NOT_UPDATED and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give the reason the record is not updated")
        return data
