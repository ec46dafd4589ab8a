"""Consent forms: finding a person, keying in what they said by phone, letter or in person, and the public opt-out."""

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from pledge.consent.models import Channel, ConsentPurpose, ConsentWording, PurposeKind
from pledge.consent.services import SUBJECT_PATTERN

EMAIL_ERRORS = {
    "required": "Enter an email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}
# Staff key in what a person said away from the website; the web and email-link channels are the person's own.
STAFF_CHANNELS = [(c.value, c.label) for c in (Channel.PHONE, Channel.LETTER, Channel.IN_PERSON)]


class FindPersonForm(forms.Form):
    """Posted, never a GET query, so the address stays out of URLs and access logs."""

    person = forms.CharField(
        label="Email address or subject id",
        help_text="The ledger keeps a pseudonymous id for each address, never the address itself.",
        max_length=254,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": "Enter the person's email address or subject id"},
    )

    def clean_person(self) -> str:
        value: str = self.cleaned_data["person"].strip()
        if SUBJECT_PATTERN.match(value):
            return value
        try:
            forms.EmailField().clean(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "Enter an email address in the correct format, like name@example.com, or a subject id like em_3f2a..."
            ) from None
        return value


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(
        label="How did the person tell you?",
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the person told you"},
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="For example the call reference, or where the scanned letter is kept.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DatedChannelForm(ChannelForm):
    occurred_on = forms.DateField(
        label="Date the person said it",
        help_text="For a letter, the date it was signed. For example, 27/3/2026",
        initial=timezone.localdate,
        widget=forms.DateInput,
        error_messages={"required": "Enter the date the person said it", "invalid": "Enter a real date"},
    )

    def clean_occurred_on(self) -> date:
        day: date = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return day

    def occurred_at(self) -> datetime:
        """Now, for today; otherwise midday on the day given (a letter has a date, not a time)."""
        day: date = self.cleaned_data["occurred_on"]
        if day == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.combine(day, time(12, 0)))


def wording_choices() -> list[tuple[str, str]]:
    rows = ConsentWording.objects.select_related("purpose").order_by("purpose__slug", "created_at", "id")
    return [("", "Choose the wording read or shown")] + [
        (str(w.pk), f"{w.purpose.name}: wording {w.version}") for w in rows
    ]


class RecordConsentForm(DatedChannelForm):
    """P079, P080: a consent given by phone, letter or in person, with the wording version the person heard."""

    field_order = ["wording", "channel", "occurred_on", "explicit", "evidence"]

    wording = forms.TypedChoiceField(
        label="What did the person agree to?",
        help_text="Each wording is the exact text read out or shown; record a consent only with the words used.",
        coerce=int,
        error_messages={"required": "Select the wording the person agreed to"},
    )
    explicit = forms.BooleanField(
        label="The person gave explicit consent (needed to share health or other special category information)",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wording"].choices = wording_choices()  # type: ignore[attr-defined]

    def chosen_wording(self) -> ConsentWording:
        return ConsentWording.objects.select_related("purpose").get(pk=self.cleaned_data["wording"])


class RepresentativeConsentForm(RecordConsentForm):
    """P081: consent given on the person's behalf, with who gave it and their authority."""

    field_order = [
        "representative_name",
        "representative_relationship",
        "representative_authority",
        "wording",
        "channel",
        "occurred_on",
        "explicit",
        "evidence",
    ]

    representative_name = forms.CharField(
        label="Representative's full name",
        max_length=200,
        error_messages={"required": "Enter the representative's full name"},
    )
    representative_relationship = forms.CharField(
        label="Their relationship or role",
        help_text="For example, lasting power of attorney, deputy appointed by the Court of Protection, or parent.",
        max_length=200,
        error_messages={"required": "Enter the representative's relationship or role"},
    )
    representative_authority = forms.CharField(
        label="Evidence of their authority",
        help_text="For example, the Office of the Public Guardian registration you checked.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the evidence of the representative's authority"},
    )


class WithdrawForm(DatedChannelForm):
    field_order = ["purpose", "channel", "occurred_on", "evidence"]

    purpose = forms.ChoiceField(
        label="Which consent is the person withdrawing?",
        error_messages={"required": "Select the consent the person is withdrawing"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        purposes = ConsentPurpose.objects.exclude(kind=PurposeKind.SHARING).order_by("name")
        self.fields["purpose"].choices = [("", "Choose a purpose")] + [  # type: ignore[attr-defined]
            (p.slug, p.name) for p in purposes
        ]


class PublicOptOutForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="The address the council sends its news and information to.",
        max_length=254,
        error_messages=EMAIL_ERRORS,
    )
